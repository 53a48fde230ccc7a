"""SVG snapshots of the main screens on the seed article (pytest-textual-snapshot).

Each snapshot was looked at before it was accepted. Regenerate with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and look again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Protocol

from conftest import (
    NARROW,
    WIDE,
    AppFactory,
    Workspace,
    opened,
    settled,
    wait_for_screen,
    wait_until,
)
from test_copy_edits import copy_edit
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.candidates import CandidatesScreen
from factmark.tui.screens.claim_editor import ClaimEditor
from factmark.tui.screens.help import HelpScreen
from factmark.tui.screens.link_picker import LinkPicker
from factmark.tui.screens.review import ReviewScreen


class SnapCompare(Protocol):
    def __call__(
        self,
        app: App[Any],
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: Callable[[Pilot[Any]], Awaitable[None] | None] | None = None,
    ) -> bool: ...


def then(
    moves: Iterable[str] = (),
    keys: Iterable[str] = (),
    screen: type[Screen[Any]] | None = None,
    theme: str | None = None,
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """In ``theme``, open, move (letting the panel follow), press keys, wait for ``screen``,
    stop blinking."""

    async def run_before(pilot: Pilot[Any]) -> None:
        if theme is not None:
            pilot.app.theme = theme
        await opened(pilot)
        await pilot.press(*moves)
        await settled(pilot)
        await pilot.press(*keys)
        if screen is not None:
            await wait_for_screen(pilot, screen)
        for widget in pilot.app.screen.query("Input, TextArea"):
            assert isinstance(widget, Input | TextArea)
            widget.cursor_blink = False
        await pilot.wait_for_scheduled_animations()

    return run_before


TO_3 = ("j", "j")
"""From ¶1 to ¶3: a paragraph with three claims, one of them contradicted."""


class TestAnnotateScreens:
    def test_main_screen_at_paragraph_3(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """¶3 current: its three claims marked, the first selected in the panel with its links."""
        assert snap_compare(app, terminal_size=WIDE, run_before=then(TO_3))

    def test_claim_editor(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """The editor on ¶3's first claim: verdict and confidence rows, sources, note, tags."""
        assert snap_compare(app, terminal_size=WIDE, run_before=then(TO_3, ["e"], ClaimEditor))

    def test_link_picker(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """Linking ¶3's first claim: the other claims, nearest first, the first highlighted."""
        assert snap_compare(app, terminal_size=WIDE, run_before=then(TO_3, ["l"], LinkPicker))

    def test_copy_edit_at_80_columns(
        self, make_app: AppFactory, workspace: Workspace, snap_compare: SnapCompare
    ) -> None:
        """A copy edit at 80×24, ¶8 (¶7 before a paragraph was put on top): the changed
        claim (“1,212” → “1,213”) selected, marked ~ in the gutter and italic with a
        double underline, the panel counting it and scrolled to its verdict."""
        copy_edit(workspace)
        opening = then(["j"] * 7 + ["tab", "tab"])

        async def run_before(pilot: Pilot[Any]) -> None:
            await opening(pilot)
            pilot.app.clear_notifications()  # "3 claims not found …" would hide the panel
            await pilot.wait_for_scheduled_animations()

        assert snap_compare(make_app(), terminal_size=NARROW, run_before=run_before)

    def test_help_screen(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """Every key, over the main screen."""
        assert snap_compare(
            app, terminal_size=WIDE, run_before=then(keys=["question_mark"], screen=HelpScreen)
        )

    def test_review_screen(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """The review: counts on top, every claim in article order, verdicts in colour."""
        assert snap_compare(
            app, terminal_size=WIDE, run_before=then(keys=["r"], screen=ReviewScreen)
        )

    def test_review_contradictions(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """The contradictions side by side, the differing figures and names marked."""
        assert snap_compare(
            app, terminal_size=WIDE, run_before=then(keys=["r", "t"], screen=ReviewScreen)
        )


class TestLightTheme:
    def test_main_screen_at_paragraph_3(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """textual-light: dark gutter numbers and symbols, verdicts in darkened theme colours."""
        assert snap_compare(app, terminal_size=WIDE, run_before=then(TO_3, theme="textual-light"))

    def test_review_screen(self, app: FactmarkApp, snap_compare: SnapCompare) -> None:
        """textual-light: the cursor row a light blue, its verdict as readable as the others."""
        assert snap_compare(
            app,
            terminal_size=WIDE,
            run_before=then(keys=["r"], screen=ReviewScreen, theme="textual-light"),
        )


async def scored(pilot: Pilot[Any]) -> None:
    """Open, and wait for the sentences to be scored (in a process of their own)."""
    screen, _ = await opened(pilot)
    assert isinstance(screen, AnnotateScreen)
    ready = lambda: screen.assist.offered is not None  # noqa: E731
    await wait_until(pilot, ready, 600, delay=0.05, what="the scores")
    await pilot.pause()


class TestAssist:
    """The seed article with no annotation file yet, its sentences scored."""

    def test_candidates_at_80_columns(
        self, make_app: AppFactory, workspace: Workspace, snap_compare: SnapCompare
    ) -> None:
        """C at 80×24: the candidates best first, each with where, why and its score, the two
        sentences side by side with the figures that differ marked; the keys in the footer."""
        workspace.annotation_path.unlink()

        async def run_before(pilot: Pilot[Any]) -> None:
            await scored(pilot)
            await pilot.press("C")
            await wait_for_screen(pilot, CandidatesScreen)
            await pilot.wait_for_scheduled_animations()

        app = make_app(suggest=True)
        assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
