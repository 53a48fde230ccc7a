"""“Checked before” in the side panel: the claims of another article's fact-check that look
like the selected one, with their article, verdict, date and author; b copies the sources of
the best of them, B links the two across files; each is undone by u."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conftest import WIDE, Workspace, opened, wait_for_screen, wait_until
from textual.pilot import Pilot
from textual.widgets import Static

from factmark.model import AnnotationFile
from factmark.store import loading, writer
from factmark.tui.app import FactmarkApp
from factmark.tui.checked_before import Found
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.claim_editor import ClaimDraft, ClaimEditor
from factmark.tui.widgets.claim_panel import PanelBody


def checked_elsewhere(workspace: Workspace) -> tuple[str, AnnotationFile]:
    """The seed's fact-check copied as another article's, and the seed's own first claim of
    ¶3 without its sources; returns that claim's id and the other file."""
    root = workspace.root
    (root / "seeds" / "copy.txt").write_bytes(workspace.article_path.read_bytes())
    seed = loading.load(workspace.annotation_path).document
    other = seed.model_copy(update={"article": "../seeds/copy.txt"})
    writer.save(other, root / "annotations" / "copy.toml")
    first = next(c for c in seed.sorted().claims if c.paragraph == 3)
    bare = first.model_copy(update={"sources": []})
    claims = [bare if c.id == first.id else c for c in seed.claims]
    writer.save(seed.model_copy(update={"claims": claims}), workspace.annotation_path)
    return first.id, other


def panel_text(screen: AnnotateScreen) -> str:
    return screen.query_one(PanelBody).text.plain


async def shows_checked_before(pilot: Pilot[Any], screen: AnnotateScreen, claim_id: str) -> str:
    screen.go_to(3, claim_id)
    await wait_until(
        pilot,
        lambda: "Checked before (" in panel_text(screen),
        tries=500,
        what="the claims checked before",
    )
    return panel_text(screen)


async def test_the_panel_shows_the_claim_checked_in_another_article(
    app: FactmarkApp, workspace: Workspace
) -> None:
    claim_id, other = checked_elsewhere(workspace)
    theirs = other.claim(claim_id)
    async with app.run_test(size=WIDE) as pilot:
        screen, _session = await opened(pilot)
        shown = await shows_checked_before(pilot, screen, claim_id)
        assert theirs.updated is not None
        date = theirs.updated.date().isoformat()
        assert f"copy.txt ¶3 — {theirs.verdict}, {date}, {theirs.author}" in shown
        assert f"“{theirs.quote}”" in shown


async def test_b_copies_its_sources_and_u_takes_them_back(
    app: FactmarkApp, workspace: Workspace
) -> None:
    claim_id, other = checked_elsewhere(workspace)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await shows_checked_before(pilot, screen, claim_id)
        assert session.claim(claim_id).sources == []
        await pilot.press("b")
        await pilot.pause()
        assert session.claim(claim_id).sources == other.claim(claim_id).sources
        await pilot.press("b")  # again: nothing more to copy
        await pilot.pause()
        assert session.claim(claim_id).sources == other.claim(claim_id).sources
        await pilot.press("u")
        await pilot.pause()
        assert session.claim(claim_id).sources == []


async def test_shift_b_links_the_two_across_files(app: FactmarkApp, workspace: Workspace) -> None:
    claim_id, _other = checked_elsewhere(workspace)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await shows_checked_before(pilot, screen, claim_id)
        before = len(session.document.links)
        await pilot.press("B")
        await pilot.pause()
        assert len(session.document.links) == before + 1
        added = next(link for link in session.document.links if link.cross_file)
        assert (added.source, added.target, added.kind) == (
            claim_id,
            f"copy.toml#{claim_id}",
            "duplicates",
        )
        assert f"→ duplicates copy.toml#{claim_id}" in panel_text(screen)
        await wait_until(pilot, lambda: not session.dirty, what="the link to be saved")
        saved = loading.load(workspace.annotation_path).document
        assert f"copy.toml#{claim_id}" in {link.target for link in saved.links}
        await pilot.press("u")
        await pilot.pause()
        assert len(session.document.links) == before


async def test_the_editor_of_a_new_claim_shows_it_copies_its_sources_and_links_it(
    app: FactmarkApp, workspace: Workspace
) -> None:
    claim_id, other = checked_elsewhere(workspace)
    theirs = other.claim(claim_id)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(3, claim_id)
        await pilot.pause()
        session.delete_claim(claim_id)  # the text is free to be claimed again
        screen.edited()
        await pilot.pause()
        await pilot.press("a")  # the sentence around it: “On Friday, June 13, …”
        await pilot.press("enter")
        editor = await wait_for_screen(pilot, ClaimEditor)
        shown = editor.query_one("#editor-checked-before", Static)
        await wait_until(pilot, lambda: shown.display, tries=500, what="the claim checked before")
        assert "Checked before: copy.txt ¶3 — " in str(shown.render())
        await pilot.press("ctrl+b", "ctrl+l", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        new = session.claim(screen.selected or "")
        assert new.sources and all(source in new.sources for source in theirs.sources)
        link = next(link for link in session.document.links if link.cross_file)
        assert (link.source, link.kind) == (new.id, "duplicates")
        assert link.target.startswith("copy.toml#")


async def test_an_answer_after_the_editor_closed_is_dropped(app: FactmarkApp) -> None:
    """The archive may answer after the editor of a new claim was saved or cancelled."""
    answers: list[Callable[[list[Found]], None]] = []
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        editor = ClaimEditor(
            ClaimDraft("a quote"), new=True, before=lambda _quote, then: answers.append(then)
        )
        app.push_screen(editor)
        await wait_for_screen(pilot, ClaimEditor)
        await pilot.press("escape")  # nothing changed: it closes at once
        await wait_until(pilot, lambda: app.screen is not editor, what="the editor closed")
        (answer,) = answers
        answer([])  # no error: there is nothing left to show it on
        await pilot.pause()


async def test_walking_through_the_article_searches_only_where_the_selection_rests(
    app: FactmarkApp, workspace: Workspace, monkeypatch: Any
) -> None:
    """A search ranks in pure Python in a thread: one at every step would slow every key."""
    from factmark.desk import likeness

    claim_id, _other = checked_elsewhere(workspace)
    searched: list[str] = []
    search = likeness.checked_before

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        searched.append(text)
        return search(text, *args, **kwargs)

    monkeypatch.setattr(likeness, "checked_before", counted)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        for _ in range(8):  # quicker than the selection rests
            await pilot.press("j")
            await pilot.pause()
        assert searched == []
        shown = await shows_checked_before(pilot, screen, claim_id)
        assert searched == [session.claim(claim_id).quote]
        assert "Checked before (" in shown
