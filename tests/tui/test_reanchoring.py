"""The editor resolves claims that a copy edit changed or orphaned (in the TUI)."""

from __future__ import annotations

from conftest import WIDE, AppFactory, Workspace, opened, wait_for_screen, wait_until
from textual.widgets import OptionList, Static

from factmark.store import loading
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.unresolved import UnresolvedScreen

TRANSFER = "ssae7t"  # "Russia reportedly transferred 1,200 bodies …" in ¶3
VIDEO = (
    "Earlier this month, a video surfaced showing the transfer of bodies of dead Ukrainian soldiers"
)


def copy_edit(workspace: Workspace) -> None:
    """A figure changed inside one claim; the sentence of another claim cut."""
    text = workspace.article_path.read_text(encoding="utf-8")
    text = text.replace(
        "reportedly transferred 1,200 bodies", "reportedly transferred 1,300 bodies"
    )
    text = text.replace(VIDEO + ", though the circumstances of its release remain unclear.", "")
    workspace.article_path.write_text(text, encoding="utf-8")


def header(app: FactmarkApp) -> str:
    return str(app.screen.query_one("#status", Static).render())


def highlighted(listing: UnresolvedScreen) -> str:
    index = listing.query_one("#unresolved", OptionList).highlighted or 0
    return listing.claims[index].id


async def test_a_changed_claim_is_accepted_and_an_orphan_reattached(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    before = loading.load(workspace.annotation_path).document
    video = next(c for c in before.claims if c.quote == VIDEO)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        assert {c.id for c in session.unresolved()} == {TRANSFER, video.id}
        assert session.count_changed() == 1
        status = header(app)
        assert "1 changed" in status and "1 orphan" in status
        # Nothing is written until the editor decides.
        assert loading.load(workspace.annotation_path).document == before

        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, UnresolvedScreen), what="list")
        listing = app.screen
        assert isinstance(listing, UnresolvedScreen)
        assert [c.id for c in listing.claims] == [c.id for c in session.unresolved()]
        while highlighted(listing) != TRANSFER:
            await pilot.press("down")
        await pilot.press("a")  # accept the new text: the verdict goes back to pending
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        accepted = session.claim(TRANSFER)
        assert "1,300 bodies" in accepted.quote
        assert accepted.verdict == "pending" and accepted.state is None
        assert TRANSFER not in {c.id for c in session.unresolved()}
        await wait_until(
            pilot,
            lambda: (
                loading.load(workspace.annotation_path).document.claim(TRANSFER).quote
                == accepted.quote
            ),
            what="the accepted quote on disk",
        )

        await pilot.press("u")  # undone: unresolved again, verdict back
        await wait_until(pilot, lambda: TRANSFER in {c.id for c in session.unresolved()})
        assert session.claim(TRANSFER) == before.claim(TRANSFER)

        # The orphan (its sentence, a paragraph of its own, was cut): re-attach it to a
        # sentence of ¶18.
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, UnresolvedScreen), what="list")
        listing = app.screen
        assert isinstance(listing, UnresolvedScreen)
        while highlighted(listing) != video.id:
            await pilot.press("down")
        await pilot.press("a")  # an orphan has no new text to accept
        await pilot.pause()
        assert app.screen is listing
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        selection = screen.view.selection
        # It starts where the orphan was looked for (old ¶17 is gone: ¶16 or ¶17 now);
        # j / k take the selection to another paragraph.
        assert selection is not None and selection.paragraph in (16, 17)
        while selection.paragraph != 18:
            await pilot.press("j")
            await pilot.pause()
            selection = screen.view.selection
            assert selection is not None
        await pilot.press("enter")
        # Other words than the quote checked: asked, as on accepting, about the verdict.
        choice = await wait_for_screen(pilot, ChoiceScreen)
        choice.query_one(OptionList).highlighted = 1  # keep the verdict
        await pilot.press("enter")
        await wait_until(pilot, lambda: not screen.selecting, what="the re-attachment")
        await wait_until(pilot, lambda: video.id not in {c.id for c in session.unresolved()})
        reattached = session.claim(video.id)
        paragraph = session.article.paragraph(18).text
        assert reattached.paragraph == 18 and reattached.state is None
        assert reattached.quote == paragraph[reattached.start or 0 :][: len(reattached.quote)]
        assert reattached.verdict == video.verdict  # re-attaching keeps the verdict
        assert video.id not in {c.id for c in session.unresolved()}
        assert len(session.document.claims) == len(before.claims)


async def test_an_orphan_can_be_deleted_from_the_list(
    make_app: AppFactory, workspace: Workspace
) -> None:
    copy_edit(workspace)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        _screen, session = await opened(pilot)
        orphan = next(c for c in session.unresolved() if c.quote == VIDEO)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, UnresolvedScreen), what="list")
        listing = app.screen
        assert isinstance(listing, UnresolvedScreen)
        while highlighted(listing) != orphan.id:
            await pilot.press("down")
        await pilot.press("d")
        await wait_until(pilot, lambda: orphan.id not in {c.id for c in session.document.claims})
        assert all(not link.touches(orphan.id) for link in session.document.links)
