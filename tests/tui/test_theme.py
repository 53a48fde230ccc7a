"""The theme: the one to start in, chosen in the command palette, remembered in the
user's settings (under a temporary XDG_CONFIG_HOME), and every view redrawn in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import AUTHOR, WIDE, Workspace, _render, opened, settled, wait_until
from contrast import measure
from textual.command import CommandPalette
from textual.pilot import Pilot

from factmark.article import Article
from factmark.config import config_path, startup_theme
from factmark.tui.app import FactmarkApp


@pytest.fixture
def settings() -> Path:
    return config_path()  # under the temporary XDG_CONFIG_HOME (conftest)


@pytest.fixture
def apps(workspace: Workspace) -> Iterator[list[FactmarkApp]]:
    made: list[FactmarkApp] = []
    yield made
    for app in made:
        if app.session is not None:
            app.session.close()


def themed(
    apps: list[FactmarkApp], workspace: Workspace, theme: str | None, settings: Path | None
) -> FactmarkApp:
    app = FactmarkApp(
        Article.read(workspace.article_path),
        workspace.annotation_path,
        author=AUTHOR,
        save_delay=0.1,
        watch_interval=0.2,
        theme=theme,
        settings=settings,
    )
    apps.append(app)
    return app


def holds(settings: Path, theme: str) -> bool:
    return settings.exists() and settings.read_text(encoding="utf-8") == f'theme = "{theme}"\n'


async def choose_in_palette(pilot: Pilot[Any], theme: str) -> None:
    """ctrl+p, the Theme command, then the theme by name."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*"theme")
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.pause(0.1)
    await pilot.press(*theme)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))


async def test_the_app_starts_in_the_theme_given(
    apps: list[FactmarkApp], workspace: Workspace
) -> None:
    app = themed(apps, workspace, "textual-light", None)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        assert app.theme == "textual-light"
        assert app.get_css_variables()["background"].upper() == "#E0E0E0"


async def test_the_theme_to_start_in_is_remembered(
    apps: list[FactmarkApp], workspace: Workspace, settings: Path
) -> None:
    app = themed(apps, workspace, "textual-light", settings)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        await wait_until(pilot, lambda: holds(settings, "textual-light"), what="the settings")


async def test_a_theme_chosen_in_the_palette_is_remembered_and_reads_well(
    apps: list[FactmarkApp], workspace: Workspace, settings: Path
) -> None:
    app = themed(apps, workspace, None, settings)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        await pilot.press("j", "j")
        await settled(pilot)
        await choose_in_palette(pilot, "textual-light")
        assert app.theme == "textual-light"
        await wait_until(pilot, lambda: holds(settings, "textual-light"), what="the settings")
        await pilot.pause(0.1)
        problems = measure(app, _render(app)).problems()  # drawn again in the new colours
        assert not problems, "\n".join(problems)
    assert startup_theme(None, settings) == ("textual-light", None)  # the next launch's


async def test_a_broken_settings_file_is_said_once_and_left_alone(
    apps: list[FactmarkApp], workspace: Workspace, settings: Path
) -> None:
    settings.parent.mkdir(parents=True)
    settings.write_text('theme = "nord', encoding="utf-8")
    app = themed(apps, workspace, None, settings)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        app.theme = "textual-light"
        await pilot.pause(0.1)
        app.theme = "nord"

        def warned() -> list[str]:
            return [n.message for n in app._notifications if "not remembered" in n.message]

        await wait_until(pilot, lambda: bool(warned()), what="the warning")
        await pilot.pause(0.3)
        assert len(warned()) == 1
        assert warned()[0].startswith(f"The theme is not remembered: {settings}: not valid TOML")
    assert settings.read_text(encoding="utf-8") == 'theme = "nord'
