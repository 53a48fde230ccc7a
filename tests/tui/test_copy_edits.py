"""A copy edit the editor sees in the article: changed claims marked where their new text
is, orphans in the panel of the paragraph that stands where theirs stood, and `c r enter`
re-attaching to the likeliest text, asking about the verdict as accepting does."""

from __future__ import annotations

from typing import Any

from conftest import (
    AppFactory,
    Workspace,
    flowed,
    opened,
    region_lines,
    settled,
    wait_for_screen,
    wait_until,
)
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from factmark.session import Session
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.unresolved import UnresolvedScreen
from factmark.tui.widgets.article_view import ArticleView
from factmark.tui.widgets.claim_panel import PanelBody

SIZE = (120, 40)
CHANGED = "rp7nsu"
"""“Medinsky claimed … 1,212 bodies …”, the third claim of ¶7 (¶8 once a paragraph is on top)."""
TALKS = (
    "The talks, conducted in Russian and lasting just over an hour, reportedly reached an "
    "agreement on the exchange of prisoners and the return of fallen soldiers under a "
    "formula described as ‘6,000 for 6,000.’ "
)
"""The first sentence of ¶12, with both of its claims (¶13 once a paragraph is on top)."""
NEW_TEXT = (
    "Medinsky claimed that Ukraine had already handed over 1,213 bodies of Ukrainian servicemen"
)


def copy_edit(workspace: Workspace) -> None:
    """A paragraph inserted at the top, a figure changed, a sentence cut."""
    text = workspace.article_path.read_text(encoding="utf-8")
    assert "1,212 bodies" in text and TALKS in text
    text = "Editor’s note: this article was updated on 14 June.\n\n" + text
    text = text.replace("1,212 bodies", "1,213 bodies").replace(TALKS, "")
    workspace.article_path.write_text(text, encoding="utf-8")


def panel_text(app: FactmarkApp) -> str:
    screen = app.screen
    title = str(screen.query_one("#panel-title", Static).render())
    return title + "\n" + "\n".join(region_lines(app, screen.query_one(PanelBody), content=True))


async def at(
    pilot: Pilot[Any], screen: AnnotateScreen, paragraph: int, claim: str | None = None
) -> None:
    screen.go_to(paragraph, claim)
    await settled(pilot)


def orphans(session: Session) -> list[str]:
    return [c.id for c in session.unresolved() if session.anchor(c.id).found is None]


async def test_a_changed_claim_is_marked_where_its_new_text_is_and_listed_in_the_panel(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, _session = await opened(pilot)
        await at(pilot, screen, 8)
        shown = panel_text(app)
        assert "4 claims" in shown and "1 changed" in shown
        assert "~ changed" in shown  # its row: state and symbol, not the old verdict
        spans = [s for s in screen.view.spans_in(8) if s.claim_id == CHANGED]
        assert [(s.start, s.end, s.changed) for s in spans] == [(197, 197 + len(NEW_TEXT), True)]
        view = region_lines(app, screen.query_one(ArticleView))
        marked = [line for line in view if line[5:6] == "~"]
        assert marked and "1,213" in flowed(marked)
        # tab selects it; the panel says what changed; c opens the list on it.
        while screen.selected != CHANGED:
            await pilot.press("tab")
        await pilot.pause()
        shown = flowed(panel_text(app).splitlines())
        assert "changed" in shown and "1,213" in shown
        await pilot.press("c")
        listing = await wait_for_screen(pilot, UnresolvedScreen)
        index = listing.query_one("#unresolved", OptionList).highlighted
        assert index is not None and listing.claims[index].id == CHANGED


async def test_orphans_are_in_the_panel_of_the_paragraph_that_stands_where_theirs_stood(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, session = await opened(pilot)
        lost = orphans(session)
        assert len(lost) == 2 and all(session.claim(i).paragraph == 12 for i in lost)
        await at(pilot, screen, 13)  # old ¶12, one paragraph down
        shown = panel_text(app)
        assert "2 claims" in shown and "2 orphans" in shown
        assert shown.count("⊘ orphan ") == 2  # the two rows (the details say "⊘ orphan:")
        assert screen.selected in lost
        await pilot.press("c")
        listing = await wait_for_screen(pilot, UnresolvedScreen)
        index = listing.query_one("#unresolved", OptionList).highlighted
        assert index is not None and listing.claims[index].id == screen.selected
        detail = flowed([str(listing.query_one("#unresolved-detail", Static).render())])
        assert "not found in ¶13" in detail and "it stood in ¶12" in detail
        rows = [str(o.prompt) for o in listing.query_one(OptionList)._options]
        assert all("¶12" not in row for row in rows)
        assert sum("not in ¶13" in row for row in rows) == 2


async def test_reattaching_a_changed_claim_starts_on_its_new_text_and_asks_about_the_verdict(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, session = await opened(pilot)
        before = session.claim(CHANGED)
        assert (before.verdict, before.confidence) == ("inaccurate", "high")
        await at(pilot, screen, 8, CHANGED)
        await pilot.press("c")
        await wait_for_screen(pilot, UnresolvedScreen)
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        selection = screen.view.selection
        assert selection is not None
        assert (selection.paragraph, *selection.span) == (8, 197, 197 + len(NEW_TEXT))
        assert screen.selected == CHANGED  # the panel still shows the claim re-attached
        await pilot.press("enter")
        choice = await wait_for_screen(pilot, ChoiceScreen)  # as accepting asks (a / k)
        assert "1,213" in flowed([str(choice.question)])
        await pilot.press("enter")  # the first choice: back to pending
        await wait_until(pilot, lambda: CHANGED not in {c.id for c in session.unresolved()})
        claim = session.claim(CHANGED)
        assert (claim.quote, claim.paragraph, claim.verdict) == (NEW_TEXT, 8, "pending")

        await pilot.press("u")
        await wait_until(pilot, lambda: CHANGED in {c.id for c in session.unresolved()})
        await at(pilot, screen, 8, CHANGED)
        await pilot.press("c")
        await wait_for_screen(pilot, UnresolvedScreen)
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        await pilot.press("enter")
        choice = await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("down", "enter")  # keep the verdict
        await wait_until(pilot, lambda: CHANGED not in {c.id for c in session.unresolved()})
        claim = session.claim(CHANGED)
        assert (claim.quote, claim.verdict, claim.confidence) == (NEW_TEXT, "inaccurate", "high")


async def test_reattaching_an_orphan_starts_in_the_paragraph_where_it_was_looked_for(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, session = await opened(pilot)
        lost = orphans(session)
        assert screen.current == 1
        await pilot.press("c")
        listing = await wait_for_screen(pilot, UnresolvedScreen)
        options = listing.query_one("#unresolved", OptionList)
        while listing.claims[options.highlighted or 0].id not in lost:
            await pilot.press("down")
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        selection = screen.view.selection
        paragraph = session.article.paragraph(13).text
        assert selection is not None and selection.paragraph == 13 == screen.current
        assert paragraph[slice(*selection.span)].startswith("While this framework")


async def test_the_list_shows_an_orphans_closest_text_and_re_attaching_starts_on_it(
    make_app: AppFactory, workspace: Workspace
) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    reworded = "According to officials, the talks, held in Russian and lasting just over one hour"
    text = text.replace(
        "The talks, conducted in Russian and lasting just over an hour, reportedly", reworded + ","
    )
    workspace.article_path.write_text("Editor’s note: updated.\n\n" + text, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, session = await opened(pilot)
        await at(pilot, screen, 13)
        [orphan] = orphans(session)
        while screen.selected != orphan:  # listed after the claim found there
            await pilot.press("tab")
        assert session.claim(orphan).quote.startswith("The talks, conducted")
        await pilot.press("c")
        listing = await wait_for_screen(pilot, UnresolvedScreen)
        detail = flowed([str(listing.query_one("#unresolved-detail", Static).render())])
        assert "not found in ¶13" in detail and "closest (¶13" in detail
        assert reworded in detail
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        selection = screen.view.selection
        assert selection is not None and selection.paragraph == 13
        assert session.article.paragraph(13).text[slice(*selection.span)] == reworded
