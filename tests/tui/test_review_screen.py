"""The review screen (`r`): the desk's table of every claim, its filters, sorting,
search, the jump back to the article, and the contradictions side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import (
    NARROW,
    WIDE,
    AppFactory,
    Workspace,
    opened,
    region_lines,
    settled,
    wait_for_screen,
    wait_until,
)
from rich.style import Style
from textual import events
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, Static

from factmark.lock import ArticleLock
from factmark.model import Claim
from factmark.review import contradiction_pairs
from factmark.store import loading, writer
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.help import HelpScreen, help_sections
from factmark.tui.screens.review import ReviewScreen
from factmark.tui.screens.unresolved import UnresolvedScreen
from factmark.tui.widgets.claims_table import ClaimsTable, TableHeading, columns
from factmark.tui.widgets.contradiction_list import ContradictionList, marked


async def open_review(pilot: Pilot[Any]) -> ReviewScreen:
    await opened(pilot)
    await pilot.press("r")
    return await wait_for_screen(pilot, ReviewScreen)


def shown_ids(screen: ReviewScreen) -> list[str]:
    return [row.claim.id for row in screen.shown]


def table_of(screen: ReviewScreen) -> ClaimsTable:
    return screen.query_one(ClaimsTable)


def column(screen: ReviewScreen, key: str) -> list[str]:
    """A column's cells as drawn on screen (every row, scrolled into view in turn)."""
    table = table_of(screen)
    place = next(c for c in columns(table.scrollable_content_region.width) if c.key == key)
    cells = []
    for index in range(table.item_count()):
        strip = table.draw_item(index, table.scrollable_content_region.width)[0]
        cells.append(strip.crop(place.x, place.x + place.width).text.strip())
    return cells


def heading(screen: ReviewScreen) -> str:
    return screen.query_one(TableHeading).render_line(0).text


async def test_every_claim_in_article_order_with_counts_on_top(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        document = loading.load(workspace.annotation_path).document.sorted()
        assert shown_ids(screen) == [claim.id for claim in document.claims]
        assert table_of(screen).item_count() == len(document.claims)
        paragraphs = [int(cell) for cell in column(screen, "paragraph")]
        assert paragraphs == sorted(paragraphs)
        verdicts = column(screen, "verdict")
        assert all(
            cell.split(" ", 1)[1] == c.verdict
            for cell, c in zip(verdicts, document.claims, strict=True)
        )
        summary = str(screen.query_one("#review-summary", Static).content)
        assert f"{len(document.claims)} claims" in summary
        assert f"{len(document.contradiction_links())} contradictions" in summary
        accurate = sum(c.verdict == "accurate" for c in document.claims)
        assert f"{accurate}\u00a0accurate" in summary  # never parted at a line's end


async def test_filters_by_verdict_contradiction_source_and_clear(
    app: FactmarkApp, workspace: Workspace
) -> None:
    document = loading.load(workspace.annotation_path).document
    ends = {end for link in document.contradiction_links() for end in (link.source, link.target)}
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
        assert "Src ▲" in heading(screen)
        await pilot.press("5")
        assert [int(cell) for cell in column(screen, "sources")] == sorted(counts, reverse=True)
        assert "Src ▼" in heading(screen)
        # a click on a heading sorts by it too
        x = heading(screen).index("Verdict")
        await pilot.click(TableHeading, offset=(x + 1, 0))
        await wait_until(pilot, lambda: screen.column != "sources", what="a sort by click")
        assert screen.column == "verdict" and "Verdict ▲" in heading(screen)


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
        await pilot.press("down")  # to the matches, the search kept
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
    document = loading.load(workspace.annotation_path).document
    found = contradiction_pairs(document)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("t")
        view = screen.query_one(ContradictionList)
        assert screen.query_one(ContentSwitcher).current == "review-contradictions"
        assert view.has_focus and view.item_count() == len(found)
        pair = next(i for i, f in enumerate(found) if "1,200" in f["from_quote"])
        width = view.scrollable_content_region.width
        lines = view.draw_item(pair, width)
        half = (width - len(" ≠ ")) // 2
        left = " ".join(line.crop(0, half).text.strip() for line in lines[1:])
        right = " ".join(line.crop(half + 3, width).text.strip() for line in lines[1:])
        assert "1,200" in left and "1,212" in right and "1,212" not in left
        assert " ≠ " in lines[1].text
        # the figure that differs is drawn reversed, the words around it are not
        segments = [seg for line in lines[1:] for seg in line if seg.text.strip()]
        marked = {seg.text for seg in segments if seg.style and seg.style.reverse}
        assert "1,200" in marked and "1,212" in marked and "bodies" not in marked
        # the cursor moves by pair; enter jumps to the pair's first claim
        for _ in range(pair):
            await pilot.press("down")
        assert view.cursor == pair
        await pilot.press("enter")
        annotate = await wait_for_screen(pilot, AnnotateScreen)
        assert annotate.selected == found[pair]["from"]


async def test_the_table_fits_80_by_24_and_an_orphan_cannot_be_jumped_to(
    make_app: AppFactory, workspace: Workspace
) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    document = loading.load(workspace.annotation_path).document
    gone = next(c for c in document.claims if c.quote.startswith("according to Interfax"))
    Path(workspace.article_path).write_text(text.replace(gone.quote, "reports say"), "utf-8")
    async with make_app().run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        assert table_of(screen).virtual_size.width <= NARROW[0]
        assert heading(screen).rstrip().endswith("Found")  # every column fits
        await pilot.press("o")
        assert shown_ids(screen) == [gone.id]
        assert column(screen, "anchor") == ["orphan"]  # "anchored" goes without saying
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen  # it stays, with a warning: nowhere to jump to


async def test_enter_on_a_changed_claim_offers_to_resolve_it(
    make_app: AppFactory, workspace: Workspace
) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    document = loading.load(workspace.annotation_path).document
    claim = next(c for c in document.claims if c.quote == "On Friday, June 13")
    edited = text.replace("On Friday, June 13", "On Friday, 13 June", 1)
    workspace.article_path.write_text(edited, "utf-8")
    async with make_app().run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("o")
        assert claim.id in shown_ids(screen)
        row = shown_ids(screen).index(claim.id)
        assert column(screen, "anchor")[row] == "changed"
        table_of(screen).cursor = row
        await pilot.press("enter")
        unresolved = await wait_for_screen(pilot, UnresolvedScreen)
        assert unresolved.claims[unresolved.start].id == claim.id
        annotate = pilot.app.screen_stack[-2]
        assert isinstance(annotate, AnnotateScreen) and annotate.current == claim.paragraph


async def test_help_opens_at_the_reviews_keys_and_the_cursor_starts_on_the_selected_claim(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        annotate, session = await opened(pilot)
        await pilot.press("j", "j", "tab")  # ¶3's second claim
        await settled(pilot)
        chosen = annotate.selected
        assert chosen is not None and chosen != session.claims_in(3)[0].id
        screen = await open_review(pilot)
        assert screen.shown[table_of(screen).cursor].claim.id == chosen
        await pilot.press("question_mark")
        help_screen = await wait_for_screen(pilot, HelpScreen)
        names = [name for name, _ in help_sections()]
        section = help_screen.query_one(f"#help-{names.index('In the review (r)')}")
        scroller = help_screen.query_one("#help")
        await wait_until(pilot, lambda: scroller.scroll_offset.y > 0, what="help to scroll")
        await pilot.pause()
        shown = region_lines(pilot.app, scroller, content=True)
        assert any("In the review" in line for line in shown)
        inside = scroller.region.shrink(scroller.styles.border.spacing)
        assert inside.y <= section.region.y and section.region.bottom <= inside.bottom
        assert "In the review" in region_lines(pilot.app, section)[0]


async def test_the_filter_dialogs_start_on_the_choice_and_count_what_each_would_show(
    app: FactmarkApp, workspace: Workspace
) -> None:
    document = loading.load(workspace.annotation_path).document
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("x")  # only contradicted claims
        await pilot.press("v")
        choice = await wait_for_screen(pilot, ChoiceScreen)
        ends = {e for link in document.contradiction_links() for e in (link.source, link.target)}
        disputed = sum(c.verdict == "disputed" and c.id in ends for c in document.claims)
        labels = [str(option.prompt) for option in choice.options]
        assert any(label.split() == ["disputed", str(disputed)] for label in labels)
        await pilot.press("j", "j", "j", "j", "enter")  # any, pending, accurate, mostly, disputed
        await wait_for_screen(pilot, ReviewScreen)
        assert screen.selection.verdicts == {"disputed"}
        await pilot.press("v")
        choice = await wait_for_screen(pilot, ChoiceScreen)
        assert choice.start == labels.index(next(lb for lb in labels if lb.startswith("disputed")))


async def test_search_then_enter_jumps_to_the_first_match(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("slash", *"refuses to reciprocate", "enter")
        annotate = await wait_for_screen(pilot, AnnotateScreen)
        assert annotate.current == 22
        assert annotate.selected is not None
        assert annotate.editing.claim(annotate.selected).quote.startswith("even as it refuses")
        assert screen.selection.query == "refuses to reciprocate"


async def test_the_contradictions_follow_a_reload_made_while_the_table_shows(
    make_app: AppFactory, workspace: Workspace
) -> None:
    async with make_app().run_test(size=(120, 12)) as pilot:
        screen = await open_review(pilot)
        pairs = screen.query_one(ContradictionList)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("t")  # back to the table: the pairs are hidden, and drawn
        document = loading.load(workspace.annotation_path).document
        links = [link for link in document.links if link.kind != "contradicts"]
        first = document.contradiction_links()[0]
        writer.save(document.model_copy(update={"links": [*links, first]}),
                   workspace.annotation_path)  # fmt: skip
        summary = screen.query_one("#review-summary", Static)
        await wait_until(pilot, lambda: "1 contradiction ·" in str(summary.content), what="reload")
        await pilot.resize_terminal(120, 40)
        await pilot.press("t")
        await wait_until(pilot, lambda: pairs.virtual_size.height > 0, what="the one pair")
        assert pairs.item_count() == 1
        assert sum("≠" in line for line in region_lines(pilot.app, pairs)) == 1


async def test_enter_then_a_filter_typed_at_once_jumps_to_the_claim_enter_was_on(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("end")
        wanted = shown_ids(screen)[-1]
        # two keys arriving together (typed fast, a key repeat, a paste): the x runs
        # where enter went, on the article (it offers to remove the claim's one link)
        pilot.app.post_message(events.Key("enter", "\r"))
        pilot.app.post_message(events.Key("x", "x"))
        await wait_for_screen(pilot, ChoiceScreen, "the x on the article")
        annotate = app.annotate_screen
        assert annotate is not None
        assert annotate.selected == wanted


async def test_a_read_only_session_does_not_offer_to_resolve_a_changed_claim(
    make_app: AppFactory, workspace: Workspace
) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    workspace.article_path.write_text(text.replace("On Friday, June 13", "On Friday, 13 June"))
    holder = ArticleLock(workspace.article_path)
    assert holder.acquire()
    try:
        app = make_app()
        async with app.run_test(size=WIDE) as pilot:
            screen = await open_review(pilot)
            assert app.session is not None and app.session.read_only
            await pilot.press("o")
            changed = [row.claim.id for row in screen.shown if row.state == "changed"]
            table_of(screen).cursor = shown_ids(screen).index(changed[0])
            await pilot.press("enter")
            annotate = await wait_for_screen(pilot, AnnotateScreen)
            await pilot.pause()
            assert pilot.app.screen is annotate  # no resolution dialog to edit with
    finally:
        holder.release()


def test_the_pairs_mark_exactly_the_tokens_that_differ() -> None:
    style = Style(reverse=True)
    text = marked("1,200 in 2019–2020 (Interfax).", frozenset({"1,200", "2020", "Interfax"}), style)
    shown = {text.plain[span.start : span.end] for span in text.spans if span.style == style}
    assert shown == {"1,200", "2020", "Interfax"}
    assert text.plain == "1,200 in 2019–2020 (Interfax)."


async def test_an_empty_filtered_table_says_so_and_how_to_clear(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        table = table_of(screen)
        await pilot.press("slash", *"no such words", "down")
        assert screen.shown == [] and table.has_focus

        def says() -> str:
            return " ".join(region_lines(app, table))

        await wait_until(pilot, lambda: "No claims match: 0 clears the filters" in says())
        await pilot.press("0")
        await wait_until(pilot, lambda: "No claims match" not in says(), what="the rows back")
        assert len(screen.shown) == len(screen.table)


def test_the_summary_says_one_claim_and_one_contradiction() -> None:
    from factmark.review import Selection, Summary
    from factmark.tui.screens.review import summary_text

    one = Summary(claims=1, verdicts={}, contradictions=1, without_source=0, changed=0, orphaned=0)
    assert summary_text(one, 1, Selection()).plain.startswith("1 claim · 1 contradiction ·")
