"""The seed article in a temporary folder, the app at a fixed size, and Pilot helpers.

No asyncio plugin is installed: ``async def`` tests in this folder run in a fresh
event loop through the ``pytest_pyfunc_call`` hook below, each with a time limit.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
from textual._context import visible_screen_stack
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from factmark.article import Article
from factmark.session import Session
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.widgets.status_bar import StatusBar

ROOT = Path(__file__).resolve().parents[2]
SEED = "000_207cb1c8ae6ad8ea"
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / f"{SEED}.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / f"{SEED}.toml"
BAD = ROOT / "tests" / "data" / "bad"

WIDE = (120, 36)
NARROW = (80, 24)
AUTHOR = "Test Editor"
STORY_TIMEOUT = 60.0
"""Seconds a story may take before it fails (a hung app must not hang the suite)."""

ScreenType = TypeVar("ScreenType", bound=Screen[Any])

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run an ``async def`` test to completion in its own event loop."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    arguments = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(asyncio.wait_for(pyfuncitem.obj(**arguments), STORY_TIMEOUT))
    return True


@pytest.fixture(autouse=True)
def private_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the user's own settings: XDG_CONFIG_HOME is a temporary folder."""
    folder = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    # the archive's index outside a repository ("checked before" searches the archive)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    return folder


# --- the files ----------------------------------------------------------------


@dataclass(frozen=True)
class Workspace:
    """A copy of the seed article and its fact-check, laid out as in the repository."""

    root: Path
    article_path: Path
    annotation_path: Path

    def article(self) -> Article:
        return Article.read(self.article_path)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    article_path = tmp_path / "seeds" / SEED_ARTICLE.name
    annotation_path = tmp_path / "annotations" / SEED_ANNOTATIONS.name
    shutil.copyfile(SEED_ARTICLE, article_path)
    shutil.copyfile(SEED_ANNOTATIONS, annotation_path)
    return Workspace(tmp_path, article_path, annotation_path)


# --- the app --------------------------------------------------------------------


class AppFactory(Protocol):
    def __call__(
        self,
        *,
        article_path: Path | None = None,
        annotation_path: Path | None = None,
        lock: bool = True,
        save_delay: float = 0.1,
        watch_interval: float = 0.2,
        suggest: bool = False,
    ) -> FactmarkApp: ...


@pytest.fixture
def make_app(workspace: Workspace) -> Iterator[AppFactory]:
    """Build apps on the workspace's files (by default); their article locks go at teardown."""
    made: list[FactmarkApp] = []

    def build(
        *,
        article_path: Path | None = None,
        annotation_path: Path | None = None,
        lock: bool = True,
        save_delay: float = 0.1,
        watch_interval: float = 0.2,
        suggest: bool = False,
    ) -> FactmarkApp:
        app = FactmarkApp(
            Article.read(article_path or workspace.article_path),
            annotation_path or workspace.annotation_path,
            author=AUTHOR,
            lock=lock,
            save_delay=save_delay,
            watch_interval=watch_interval,
            suggest=suggest,
        )
        made.append(app)
        return app

    yield build
    for app in made:
        if app.session is not None:
            app.session.close()


@pytest.fixture
def app(make_app: AppFactory) -> FactmarkApp:
    """The app on the seed article, autosaving after 0.1 s and watching the file every 0.2 s."""
    return make_app()


# --- waiting ----------------------------------------------------------------------


async def wait_until(
    pilot: Pilot[Any],
    predicate: Callable[[], bool],
    tries: int = 200,
    *,
    delay: float = 0.01,
    what: str = "the condition",
) -> None:
    """Pause (``delay`` seconds at a time) until ``predicate`` holds; fail after ``tries``."""
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(delay)
    if predicate():
        return
    pytest.fail(f"gave up waiting for {what} after {tries} pauses of {delay} s")


async def opened(pilot: Pilot[Any]) -> tuple[AnnotateScreen, Session]:
    """Wait until the session is open and the annotate screen is the active one."""
    app = pilot.app
    assert isinstance(app, FactmarkApp)

    def ready() -> bool:
        screen = app.screen
        if app.session is None or not isinstance(screen, AnnotateScreen):
            return False
        if not screen.is_mounted or not screen.query(StatusBar):
            return False
        return screen.query_one(StatusBar).region.height == 1 and screen.view.size.width > 0

    await wait_until(pilot, ready, what="the session to open")
    await settled(pilot)
    screen = app.screen
    assert isinstance(screen, AnnotateScreen)
    assert app.session is not None
    return screen, app.session


async def settled(pilot: Pilot[Any]) -> None:
    """Wait until the side panel shows the current paragraph and its selected claim.

    The panel follows a move a moment later (a burst of moves makes one refresh).
    """
    app = pilot.app
    assert isinstance(app, FactmarkApp)
    screen = app.annotate_screen
    assert screen is not None
    title = screen.query_one("#panel-title", Static)

    def shows_current() -> bool:
        session = app.session
        if session is None:
            return False
        current = screen.view.current
        ids = [claim.id for claim in session.shown_in(current)]
        chosen = screen.selected in ids if ids else screen.selected is None
        shown = str(title.content).startswith(f"¶ {current} ")
        return chosen and shown and screen.view.selected_claim == screen.selected

    await wait_until(pilot, shows_current, what="the panel to show the current paragraph")
    await pilot.wait_for_scheduled_animations()


async def wait_for_screen(pilot: Pilot[Any], kind: type[ScreenType], what: str = "") -> ScreenType:
    """Wait until a screen of this kind is the active one and is drawn; return it."""
    app = pilot.app

    def drawn() -> bool:
        return isinstance(app.screen, kind) and any(line.strip() for line in screen_lines(app))

    await wait_until(pilot, drawn, what=what or f"the {kind.__name__}")
    await pilot.wait_for_scheduled_animations()
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


# --- what is on the screen -----------------------------------------------------------


def _render(app: App[Any]) -> list[Strip]:
    """Every line of the active screen, drawn the way ``App.export_screenshot`` draws it.

    The screens behind a modal must be named first: a modal drawn without them caches
    a blank background, which a later snapshot would then show.
    """
    visible_screen_stack.set(app._background_screens)
    return app.screen._compositor.render_strips()


def screen_lines(app: App[Any]) -> list[str]:
    """The text of every line of the screen as the terminal would receive it."""
    return [strip.text for strip in _render(app)]


def region_lines(app: App[Any], widget: Widget, *, content: bool = False) -> list[str]:
    """The lines of the screen inside a widget's region (what of it is visible).

    With ``content``, only its content region: no border, padding or scrollbar.
    """
    region = widget.content_region if content else widget.region
    strips = _render(app)
    return [
        strips[y].crop(region.x, region.right).text
        for y in range(region.y, min(region.bottom, len(strips)))
    ]


def flowed(lines: list[str]) -> str:
    """Lines joined into one string with every run of white space made a single space.

    Wrapping breaks lines at white space, so a phrase without double spaces that is
    shown wrapped is still found in the flowed text.
    """
    return " ".join(" ".join(lines).split())


def control_characters(lines: list[str]) -> list[str]:
    """Every raw control character shown on the screen (there should be none)."""
    return [match.group() for line in lines for match in _CONTROL.finditer(line)]
