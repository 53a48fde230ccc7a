"""The review screen (`r`): the desk's table of every claim, its filters, sorting,
search, the jump back to the article, and the contradictions side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import NARROW, WIDE, AppFactory, Workspace, opened, wait_for_screen, wait_until
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, DataTable, Input, ListView, Static

from factmark import store
from factmark.model import Claim
from factmark.review import contradictions
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.review import ReviewScreen


async def open_review(pilot: Pilot[Any]) -> ReviewScreen:
    await opened(pilot)
    await pilot.press("r")
    return await wait_for_screen(pilot, ReviewScreen)


def shown_ids(screen: ReviewScreen) -> list[str]:
    return [row.claim.id for row in screen.shown]


def table_of(screen: ReviewScreen) -> DataTable[object]:
    return screen.query_one("#review-table", DataTable)


def column(screen: ReviewScreen, key: str) -> list[str]:
    table = table_of(screen)
    return [str(cell) for cell in table.get_column(key)]


async def test_every_claim_in_article_order_with_counts_on_top(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        document = store.load(workspace.annotation_path).document.sorted()
        assert shown_ids(screen) == [claim.id for claim in document.claims]
        assert table_of(screen).row_count == len(document.claims)
        paragraphs = [int(cell) for cell in column(screen, "paragraph")]
        assert paragraphs == sorted(paragraphs)
        verdicts = column(screen, "verdict")
        assert all(
            cell.split(" ", 1)[1] == c.verdict
            for cell, c in zip(verdicts, document.claims, strict=True)
        )
        summary = str(screen.query_one("#review-summary", Static).content)
        assert f"{len(document.claims)} claims" in summary
        assert f"{len(document.contradictions())} contradictions" in summary
        accurate = sum(c.verdict == "accurate" for c in document.claims)
        assert f"{accurate} accurate" in summary


async def test_filters_by_verdict_contradiction_source_and_clear(
    app: FactmarkApp, workspace: Workspace
) -> None:
    document = store.load(workspace.annotation_path).document
    ends = {end for link in document.contradictions() for end in (link.source, link.target)}
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("v")
        await wait_for_screen(pilot, ChoiceScreen)
        # the choices: any, then the verdicts in the model's order; "misleading" is the 6th
        await pilot.press("down", "down", "down", "down", "down", "enter")
        await wait_for_screen(pilot, ReviewScreen)
        misleading = {c.id for c in document.claims if c.verdict == "misleading"}
        assert misleading and set(shown_ids(screen)) == misleading
        assert "verdict misleading" in str(screen.query_one("#review-summary", Static).content)

        await pilot.press("x")  # and contradicted
        assert set(shown_ids(screen)) == misleading & ends
        await pilot.press("0")
        assert len(shown_ids(screen)) == len(document.claims)

        await pilot.press("x")
        assert set(shown_ids(screen)) == ends
        await pilot.press("x", "s")
        assert shown_ids(screen) == []  # every seed claim has a source
        await pilot.press("s", "p")
        assert shown_ids(screen) == [c.id for c in document.claims if c.verdict == "pending"]


async def test_sorts_by_a_column_and_reverses(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("5")  # sources
        counts = [int(cell) for cell in column(screen, "sources")]
        assert counts == sorted(counts) and counts[0] < counts[-1]
        assert "▲" in str(table_of(screen).columns["sources"].label)  # type: ignore[index]
        await pilot.press("5")
        assert [int(cell) for cell in column(screen, "sources")] == sorted(counts, reverse=True)
        assert "▼" in str(table_of(screen).columns["sources"].label)  # type: ignore[index]
        # a click on a heading sorts by it too
        await pilot.click("#review-table", offset=(70, 0))
        await wait_until(pilot, lambda: screen.column != "sources", what="a sort by click")
        assert screen.column == "verdict"


async def test_typing_searches_quotes_notes_and_sources(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("slash")
        assert screen.query_one("#review-search", Input).has_focus
        await pilot.press(*"1,212")
        shown = [row.claim for row in screen.shown]
        assert shown and all(
            "1,212" in " ".join([c.quote, c.note, *(s.title + s.citation for s in c.sources)])
            for c in shown
        )
        await pilot.press("enter")  # back to the table, the search kept
        assert table_of(screen).has_focus and screen.selection.query == "1,212"
        await pilot.press("0")
        assert screen.query_one("#review-search", Input).value == ""
        assert len(screen.shown) == len(screen.table)


async def test_enter_jumps_to_the_claim_and_escape_goes_back(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("end")  # the last claim in the article
        target: Claim = screen.shown[-1].claim
        await pilot.press("enter")
        annotate = await wait_for_screen(pilot, AnnotateScreen)
        assert annotate.current == target.paragraph
        assert annotate.selected == target.id

        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("escape")
        annotate = await wait_for_screen(pilot, AnnotateScreen)
        assert annotate.current == target.paragraph  # nothing moved


async def test_the_contradictions_view_shows_both_quotes_with_the_figures_marked(
    app: FactmarkApp, workspace: Workspace
) -> None:
    document = store.load(workspace.annotation_path).document
    found = contradictions(document)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("t")
        view = screen.query_one("#review-contradictions", ListView)
        assert screen.query_one(ContentSwitcher).current == "review-contradictions"
        assert len(view.children) == len(found)
        sides = [
            [str(s.content) for s in item.query(".contradiction-sides > Static").results(Static)]
            for item in view.children
        ]
        pair = next(i for i, f in enumerate(found) if "1,200" in f["from_quote"])
        assert "1,200" in sides[pair][0] and "1,212" in sides[pair][2]
        left = view.children[pair].query(".contradiction-sides > Static").first(Static)
        assert isinstance(left.content, Text)
        figure = left.content.plain.index("1,200")
        marked = left.content.spans
        assert any(s.start <= figure < s.end and "reverse" in str(s.style) for s in marked)
        # enter on a pair jumps to its first claim
        view.index = pair
        await pilot.press("enter")
        annotate = await wait_for_screen(pilot, AnnotateScreen)
        assert annotate.selected == found[pair]["from"]


async def test_the_table_fits_80_by_24_and_an_orphan_cannot_be_jumped_to(
    make_app: AppFactory, workspace: Workspace
) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    document = store.load(workspace.annotation_path).document
    gone = next(c for c in document.claims if c.quote.startswith("according to Interfax"))
    Path(workspace.article_path).write_text(text.replace(gone.quote, "reports say"), "utf-8")
    async with make_app().run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        assert table_of(screen).virtual_size.width <= NARROW[0]
        await pilot.press("o")
        assert shown_ids(screen) == [gone.id]
        assert column(screen, "anchor") == ["orphan"]
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen  # it stays, with a warning: nowhere to jump to
