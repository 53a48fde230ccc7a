"""Keys that do what the screen says: a read-only instance says why it ignores an
editing key, ``q`` during a selection ends the selection first, and undo and redo
select the claim they bring back, and the palette names every command and its keys."""

from __future__ import annotations

from conftest import (
    WIDE,
    AppFactory,
    Workspace,
    flowed,
    opened,
    region_lines,
    screen_lines,
    wait_for_screen,
    wait_until,
)
from textual.binding import Binding
from textual.pilot import Pilot

from factmark.lock import ArticleLock
from factmark.tui.app import FactmarkApp
from factmark.tui.screens import annotate
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.claim_editor import ClaimEditor
from factmark.tui.screens.review import ReviewScreen
from factmark.tui.widgets.claim_panel import ClaimPanel

READ_ONLY = "Read-only: another factmark has this article open"


def read_only_notes(app: FactmarkApp) -> int:
    return sum(READ_ONLY in str(note.message) for note in app._notifications)


async def press_and_count(pilot: Pilot[int], app: FactmarkApp, *keys: str) -> int:
    await pilot.press(*keys)
    await pilot.pause()
    return read_only_notes(app)


async def test_a_read_only_instance_says_why_once_per_burst_of_keys(
    app: FactmarkApp, workspace: Workspace
) -> None:
    first = ArticleLock(workspace.article_path)
    assert first.acquire()
    try:
        async with app.run_test(size=WIDE, notifications=True) as pilot:
            screen, session = await opened(pilot)
            assert session.read_only
            await pilot.pause()
            app.clear_notifications()  # the one said on opening
            assert await press_and_count(pilot, app, "a") == 1
            assert await press_and_count(pilot, app, "e", "d", "a", "e") == 1
            assert screen.view.selection is None
            screen.read_only_said -= annotate.READ_ONLY_QUIET  # a pause as long
            assert await press_and_count(pilot, app, "d") == 2
    finally:
        first.release()


async def links_heading(app: FactmarkApp) -> str:
    """The panel's heading of the links of ¶7's claim that has some."""
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        screen.go_to(7, "rp7nsu")
        panel = screen.query_one(ClaimPanel)

        def shown() -> str:
            text = flowed(region_lines(app, panel))
            return text[text.find("Links (") :].split("→")[0].split("←")[0]

        await wait_until(pilot, lambda: "Links (" in shown(), what="the links")
        return shown()


async def test_a_read_only_panel_does_not_offer_to_remove_links(
    make_app: AppFactory, workspace: Workspace
) -> None:
    first = ArticleLock(workspace.article_path)
    assert first.acquire()
    try:
        assert "click one to remove it" not in await links_heading(make_app())
        assert "click one to remove it" in await links_heading(make_app(lock=False))
    finally:
        first.release()


async def test_q_during_a_selection_ends_it_and_a_second_q_quits(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        for cancel in ("q", "escape"):
            await pilot.press("a")
            assert screen.selecting and screen.view.selection is not None
            await pilot.press(cancel)
            await pilot.pause()
            assert app.return_code is None, f"{cancel} quit during the selection"
            assert not screen.selecting and screen.view.selection is None
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 0


async def test_undo_and_redo_select_the_claim_they_bring_back(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(3, "ssae7t")  # not the paragraph's first claim
        await pilot.press("d")
        assert "ssae7t" not in {c.id for c in session.document.claims}
        await pilot.press("u")
        await pilot.pause()
        assert (screen.current, screen.selected) == (3, "ssae7t")

        await pilot.press("a", "enter")  # a new claim: the first sentence of ¶3
        editor = await wait_for_screen(pilot, ClaimEditor)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        added = screen.selected
        assert added is not None and added not in ("4ksxaf", "ssae7t", "ixydm0")
        await pilot.press("u")
        screen.go_to(12)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert (screen.current, screen.selected) == (3, added)
        assert editor is not app.screen


def palette_titles(app: FactmarkApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_the_palette_names_each_command_and_its_keys(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        titles = palette_titles(app)
        for wanted in ("Every key and what it does — ?", "Last paragraph — G / end",
                       "Undo the last edit — u / ctrl+z",
                       "Search the article and claims — /", "Save now — ctrl+s"):  # fmt: skip
            assert wanted in titles
        ours = [title for title in titles if " — " in title]
        assert len(ours) == len(AnnotateScreen.BINDINGS) - 2 + 1  # not escape, enter; + save
        assert not [title for title in ours if "_" in title or "," in title or "key:" in title]
        assert all(isinstance(b, Binding) and b.id for b in AnnotateScreen.BINDINGS)

        await pilot.press("ctrl+p", *"last paragraph")
        await wait_until(
            pilot,
            lambda: "Last paragraph — G / end" in flowed(screen_lines(app)),
            what="the command in the palette",
        )
        await pilot.press("enter")
        last = len(screen.article.paragraphs)
        await wait_until(pilot, lambda: screen.current == last, what="the last paragraph")


async def test_the_review_palette_names_its_commands_and_keys(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        titles = palette_titles(app)
        for wanted in (
            "Only pending claims — p",
            "Sort by verdict — 3",
            "Back to the article — escape",
        ):
            assert wanted in titles
        assert len([title for title in titles if " — " in title]) == len(ReviewScreen.BINDINGS)
        assert all(isinstance(b, Binding) and b.id for b in ReviewScreen.BINDINGS)
