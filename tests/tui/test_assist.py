"""The assist in the TUI: sentences worth checking marked and selected (] [ s), and the
contradiction candidates (C) accepted or dismissed, on the seed article without claims."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import (
    NARROW,
    WIDE,
    AppFactory,
    Workspace,
    opened,
    screen_lines,
    wait_for_screen,
    wait_until,
)
from textual.pilot import Pilot
from textual.widgets import Static

from factmark.assist.contradictions import candidates
from factmark.assist.suggest import sentences
from factmark.store import loading
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.candidates import CandidatesScreen
from factmark.tui.screens.claim_editor import ClaimEditor
from factmark.tui.widgets.contradiction_list import ContradictionList
from factmark.tui.widgets.gutter import SUGGESTED_SYMBOL

SCORING = 600
"""Pauses of 0.05 s to wait for the scores (a process of its own, loading the model)."""


@pytest.fixture
def fresh(make_app: AppFactory, workspace: Workspace) -> FactmarkApp:
    """The seed article with no annotation file yet, scored."""
    workspace.annotation_path.unlink()
    return make_app(suggest=True)


async def scored(pilot: Pilot[Any]) -> AnnotateScreen:
    screen, _ = await opened(pilot)
    ready = lambda: screen.assist.offered is not None  # noqa: E731
    await wait_until(pilot, ready, SCORING, delay=0.05, what="the scores")
    await pilot.pause()
    return screen


async def test_a_suggested_sentence_is_marked_selected_and_claimed_with_a_enter(
    fresh: FactmarkApp, workspace: Workspace
) -> None:
    suggested = [s for s in sentences(workspace.article()) if s.suggested]
    steps, first = next((n, s) for n, s in enumerate(suggested, 1) if s.start > 0)
    async with fresh.run_test(size=WIDE) as pilot:
        screen = await scored(pilot)
        gutter = [line[:7] for line in screen_lines(fresh)]
        assert any(SUGGESTED_SYMBOL in cells for cells in gutter)
        await pilot.press(*["right_square_bracket"] * steps)  # a paragraph's second sentence
        selection = screen.view.selection
        assert selection is not None
        assert (selection.paragraph, *selection.span) == (first.paragraph, first.start, first.end)
        assert screen.current == first.paragraph
        section = screen.query_one("#panel-suggestion", Static)
        assert section.display and f"worth checking {first.score:.2f}" in str(section.content)
        assert ", ".join(first.reasons) in str(section.content)

        await pilot.press("a", "enter")
        await wait_for_screen(pilot, ClaimEditor)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: fresh.screen is screen, what="back to the article")
        await wait_until(pilot, lambda: workspace.annotation_path.exists(), what="the save")
        saved = loading.load(workspace.annotation_path).document
        assert [(c.paragraph, c.start, c.quote) for c in saved.claims] == [
            (first.paragraph, first.start, first.text)
        ]
        assert all((s.paragraph, s.start) != (first.paragraph, first.start)
                   for s in screen.assist.unclaimed())  # fmt: skip


async def test_brackets_step_through_the_unclaimed_ones_and_s_hides_the_marks(
    fresh: FactmarkApp,
) -> None:
    async with fresh.run_test(size=WIDE) as pilot:
        screen = await scored(pilot)
        found = screen.assist.unclaimed()
        assert len(found) >= 3
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.view.selection is not None
        assert screen.view.selection.span[0] == found[1].start
        await pilot.press("left_square_bracket")
        assert screen.view.selection is not None
        assert (screen.view.selection.paragraph, screen.view.selection.span[0]) == (
            found[0].paragraph, found[0].start)  # fmt: skip
        await pilot.press("left_square_bracket")  # round the article: the last one
        assert screen.view.selection is not None
        assert screen.view.selection.paragraph == found[-1].paragraph
        await pilot.press("escape")
        assert screen.view.selection is None
        await pilot.press("s")
        await pilot.pause()
        assert not any(SUGGESTED_SYMBOL in line[:7] for line in screen_lines(fresh))
        await pilot.press("s")
        await pilot.pause()
        assert any(SUGGESTED_SYMBOL in line[:7] for line in screen_lines(fresh))


async def test_c_enter_accepts_a_candidate_as_two_claims_and_a_link_undone_at_once(
    fresh: FactmarkApp, workspace: Workspace
) -> None:
    best = candidates(workspace.article())[0]
    async with fresh.run_test(size=WIDE) as pilot:
        screen = await scored(pilot)
        session = screen.editing
        await pilot.press("C")
        listing = await wait_for_screen(pilot, CandidatesScreen)
        assert listing.candidates[0] == best
        assert screen.assist.open_candidates(most=1) == ([best], True)  # the best listed
        await pilot.press("enter")
        await pilot.pause()
        first, second = session.document.claims
        assert (first.quote, second.quote) == (best.a.text, best.b.text)
        (link,) = session.document.links
        assert (link.source, link.target, link.kind, link.note) == (
            first.id, second.id, "contradicts", best.reason)  # fmt: skip
        assert best not in listing.candidates  # accepted: no longer open
        await wait_until(pilot, lambda: workspace.annotation_path.exists(), what="the save")
        await pilot.press("escape")
        await pilot.pause()
        assert fresh.screen is screen
        await pilot.press("u")
        await pilot.pause()
        assert session.document.claims == [] and session.document.links == []


async def test_x_dismisses_a_candidate_for_good(
    make_app: AppFactory, fresh: FactmarkApp, workspace: Workspace
) -> None:
    best, *rest = candidates(workspace.article())
    async with fresh.run_test(size=WIDE) as pilot:
        await scored(pilot)
        await pilot.press("C")
        listing = await wait_for_screen(pilot, CandidatesScreen)
        await pilot.press("x")
        await pilot.pause()
        assert listing.candidates == rest
        await wait_until(pilot, lambda: workspace.annotation_path.exists(), what="the save")
        await pilot.press("escape", "q")
        await wait_until(pilot, lambda: fresh.return_code is not None, what="the app to exit")
    text = workspace.annotation_path.read_text(encoding="utf-8")
    assert text.startswith('format = "factmark/2"')
    (dismissal,) = loading.load(workspace.annotation_path).document.dismissed
    assert dismissal.quotes == [best.a.text, best.b.text] and dismissal.reason == best.reason

    again = make_app(suggest=True)
    async with again.run_test(size=WIDE) as pilot:
        await scored(pilot)
        await pilot.press("C")
        listing = await wait_for_screen(pilot, CandidatesScreen)
        assert listing.candidates == rest


async def test_the_candidates_list_fits_80_columns(fresh: FactmarkApp) -> None:
    async with fresh.run_test(size=NARROW) as pilot:
        await scored(pilot)
        await pilot.press("C")
        listing = await wait_for_screen(pilot, CandidatesScreen)
        lines = screen_lines(fresh)
        assert "not a single body vs 27 bodies" in "\n".join(lines)
        assert listing.query_one(ContradictionList).has_focus
