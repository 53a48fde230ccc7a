"""The claim editor's keys: the verdict, the confidence and ``n`` (a new source) take one
key each wherever the focus is (outside the text fields); the sources list starts on its
first source."""

from __future__ import annotations

from conftest import WIDE, opened, wait_for_screen, wait_until
from textual.widgets import Input, OptionList

from factmark.tui.app import FactmarkApp
from factmark.tui.screens.claim_editor import (
    ADD_SOURCE_KEY,
    CONFIDENCE_KEYS,
    VERDICT_KEYS,
    ClaimEditor,
)
from factmark.tui.screens.source_editor import SourceEditor


async def test_a_verdict_letter_then_a_confidence_digit(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(3)
        await pilot.pause()
        claim_id = screen.selected
        assert claim_id is not None
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ClaimEditor), what="the editor")
        await pilot.press("d", "3")  # no tab between them
        await pilot.press("tab", "tab")  # focus further down: the keys still work
        await pilot.press("i")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        claim = session.claim(claim_id)
        assert (claim.verdict, claim.confidence) == ("inaccurate", "high")


def test_the_editor_keys_do_not_clash() -> None:
    keys = [*VERDICT_KEYS.values(), *CONFIDENCE_KEYS.values(), ADD_SOURCE_KEY]
    assert len(set(keys)) == len(keys)


async def test_n_adds_a_source_from_the_verdict_row(app: FactmarkApp) -> None:
    """The editor's hint says ``n`` adds a source: it does where the focus starts."""
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        screen.go_to(3)
        await pilot.pause()
        await pilot.press("e")
        editor = await wait_for_screen(pilot, ClaimEditor)
        assert editor.focused is editor.query_one("#verdict")
        await pilot.press("n")
        await wait_for_screen(pilot, SourceEditor, "the source form")


async def test_n_is_a_letter_in_the_text_fields(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        screen.go_to(3)
        await pilot.pause()
        await pilot.press("e")
        editor = await wait_for_screen(pilot, ClaimEditor)
        editor.query_one("#tags", Input).focus()
        await pilot.pause()
        await pilot.press("end", "n")
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one("#tags", Input).value.endswith("n")


async def test_enter_edits_and_x_removes_the_first_source_at_once(app: FactmarkApp) -> None:
    """With sources, the first is highlighted: tab to the list, then enter or x act on it."""
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(3)
        screen.action_next_claim(1)  # ¶3's second claim has two sources
        await pilot.pause()
        claim_id = screen.selected
        assert claim_id is not None
        sources = session.claim(claim_id).sources
        assert len(sources) == 2
        await pilot.press("e")
        editor = await wait_for_screen(pilot, ClaimEditor)
        source_list = editor.query_one("#sources", OptionList)
        await pilot.press("tab", "tab")
        assert editor.focused is source_list
        assert source_list.highlighted == 0
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SourceEditor, "the first source's form")
        assert form.source == sources[0]
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is editor, what="back to the editor")
        await pilot.press("x")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        assert session.claim(claim_id).sources == sources[1:]
