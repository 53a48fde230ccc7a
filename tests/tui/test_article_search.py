"""Searching the article (``/``): a counter and what matched on every step, one step per
place in article order; and the link picker's search, quotes first."""

from __future__ import annotations

from typing import Any

from conftest import WIDE, opened, wait_for_screen, wait_until
from textual.pilot import Pilot
from textual.widgets import OptionList

from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.link_picker import LinkPicker

FIGURE = "1,200"
STEPS = [
    (1, "77m6vs", "a claim's note"),
    (3, "4ksxaf", "a claim's sources"),
    (3, "ssae7t", "a claim's quote"),
    (7, "clzy8p", "a claim's note"),
    (7, "rp7nsu", "a claim's note"),
    (10, "f5c5pg", "a claim's quote"),
    (10, "1addro", "a claim's note"),
    (16, None, "the article text"),
]
"""Where the seed article and its claims mention the figure, in article order."""


def last_note(app: FactmarkApp) -> str:
    notes = list(app._notifications)
    return notes[-1].message if notes else ""


async def step(pilot: Pilot[Any], key: str, expected: str) -> None:
    app = pilot.app
    assert isinstance(app, FactmarkApp)
    await pilot.press(key)
    await wait_until(pilot, lambda: last_note(app).startswith(expected), what=expected)


def where(screen: AnnotateScreen) -> tuple[int, str | None]:
    return screen.view.current, screen.selected


async def test_search_counts_says_what_matched_and_steps_once_per_place(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen, session = await opened(pilot)
        await pilot.press("slash", *FIGURE)
        total = len(STEPS)
        await step(pilot, "enter", f"1/{total} ")  # the first match: ¶1's note, here
        paragraph, claim_id, what = STEPS[0]
        assert where(screen) == (paragraph, claim_id)
        assert what in last_note(app)
        for number, (paragraph, claim_id, what) in enumerate(STEPS[1:], start=2):
            await step(pilot, "n", f"{number}/{total} · ¶{paragraph} · {what}")
            if claim_id is None:
                assert screen.view.current == paragraph
                assert FIGURE in session.article.paragraph(paragraph).text
            else:
                assert where(screen) == (paragraph, claim_id)
        await step(pilot, "n", f"1/{total} ")  # round again
        await step(pilot, "N", f"{total}/{total} ")
        assert screen.view.current == STEPS[-1][0]


async def test_enter_jumps_to_the_first_match_from_the_current_paragraph(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen, _ = await opened(pilot)
        screen.go_to(4)
        await pilot.press("slash", *FIGURE, "enter")
        await wait_until(pilot, lambda: last_note(app).startswith("4/8 "), what="4/8")
        assert where(screen) == (7, "clzy8p")


async def test_the_link_picker_puts_claims_quoting_the_figure_first(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        assert screen.selected == "77m6vs"  # ¶1: its note mentions the figure
        await pilot.press("l")
        picker = await wait_for_screen(pilot, LinkPicker)
        await pilot.press(*FIGURE)
        options = picker.query_one(OptionList)
        await wait_until(pilot, lambda: options.option_count == 6, what="the claims that match")
        shown = [options.get_option_at_index(i).id or "" for i in range(options.option_count)]
        quoting = [FIGURE in session.claim(claim_id).quote for claim_id in shown]
        assert quoting == [True, True, False, False, False, False]
        assert set(shown) == {claim_id for _, claim_id, _ in STEPS[1:] if claim_id}
