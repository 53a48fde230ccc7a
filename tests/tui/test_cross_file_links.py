"""Links into another annotation file in the TUI: the panel, the details, removing a link and
the review name the other file's claim (and show its quote once read), and nothing expects
the other claim in this document."""

from __future__ import annotations

from conftest import WIDE, Workspace, opened, wait_for_screen, wait_until
from textual.widgets import OptionList

from builders import claim, link
from factmark.model import AnnotationFile
from factmark.store import loading, writer
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.claim_details import ClaimDetailsScreen
from factmark.tui.screens.review import ReviewScreen
from factmark.tui.widgets.claim_panel import PanelBody

HARBOUR_QUOTE = "The harbour reopened"


def linked_across(workspace: Workspace) -> str:
    """A second article's fact-check beside the seed's, and two links from the seed's first
    claim of ¶3 into it (a duplicate and a contradiction); returns that claim's id."""
    (workspace.root / "seeds" / "harbour.txt").write_text(f"{HARBOUR_QUOTE}.\n", "utf-8")
    harbour = AnnotationFile(
        article="../seeds/harbour.txt",
        claims=[claim("hbr002", HARBOUR_QUOTE, 1, 0, verdict="accurate")],
    )
    writer.save(harbour, workspace.root / "annotations" / "harbour.toml")
    seed = loading.load(workspace.annotation_path).document
    first = next(c for c in seed.sorted().claims if c.paragraph == 3)
    cross = [
        link(first.id, "harbour.toml#hbr002", "duplicates", "checked before"),
        link(first.id, "harbour.toml#hbr002", "contradicts"),
    ]
    writer.save(seed.model_copy(update={"links": [*seed.links, *cross]}), workspace.annotation_path)
    return first.id


def panel_text(screen: AnnotateScreen) -> str:
    return screen.query_one(PanelBody).text.plain


async def test_the_panel_and_the_details_name_the_other_files_claim(
    app: FactmarkApp, workspace: Workspace
) -> None:
    claim_id = linked_across(workspace)
    async with app.run_test(size=WIDE) as pilot:
        screen, _session = await opened(pilot)
        screen.go_to(3, claim_id)
        await pilot.pause()
        assert "→ duplicates harbour.toml#hbr002" in panel_text(screen)
        quoted = f"→ contradicts harbour.toml#hbr002 “{HARBOUR_QUOTE[:8]}"  # as wide as fits
        await wait_until(pilot, lambda: quoted in panel_text(screen), what="the other file's quote")
        await pilot.press("v")
        details = await wait_for_screen(pilot, ClaimDetailsScreen)
        shown = str(details.query_one("#claim-details-body").render())
        assert f"→ duplicates harbour.toml#hbr002 “{HARBOUR_QUOTE}”" in shown


async def test_removing_a_link_into_another_file(app: FactmarkApp, workspace: Workspace) -> None:
    claim_id = linked_across(workspace)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(3, claim_id)
        await pilot.pause()
        before = len(session.document.links)
        await pilot.press("x")
        choice = await wait_for_screen(pilot, ChoiceScreen)
        options = choice.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("duplicates harbour.toml#hbr002" in label for label in labels), labels
        index = next(i for i, label in enumerate(labels) if "duplicates harbour" in label)
        options.highlighted = index
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        assert len(session.document.links) == before - 1
        assert not any(lk.kind == "duplicates" and lk.cross_file for lk in session.document.links)


async def test_the_review_shows_a_contradiction_into_another_file(
    app: FactmarkApp, workspace: Workspace
) -> None:
    claim_id = linked_across(workspace)
    async with app.run_test(size=WIDE) as pilot:
        screen, _session = await opened(pilot)
        screen.go_to(3, claim_id)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is review
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
