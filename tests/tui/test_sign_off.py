"""Signing off a claim: S in the article (the selected claim) and in the review (the claim
under the cursor), at once and undoable; the panel and the details say who signed, that a
claim was self-signed, or that it awaits sign-off; an edit of the verdict withdraws it."""

from __future__ import annotations

from typing import Any

from conftest import AUTHOR, WIDE, AppFactory, Workspace, opened, wait_for_screen, wait_until
from textual.pilot import Pilot

from factmark.article import Article
from factmark.store import loading
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.claim_details import ClaimDetailsScreen
from factmark.tui.screens.claim_editor import VERDICT_KEYS, ClaimEditor
from factmark.tui.screens.review import ReviewScreen
from factmark.tui.widgets.claim_panel import PanelBody

SEED_AUTHOR = "Fact desk"
"""Who made the seed's claims."""


def panel_text(screen: AnnotateScreen) -> str:
    return screen.query_one(PanelBody).text.plain


def notes(app: FactmarkApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


async def at_paragraph_3(pilot: Pilot[Any], screen: AnnotateScreen) -> str:
    screen.go_to(3)
    await pilot.pause()
    assert screen.selected is not None
    return screen.selected


async def test_s_signs_off_the_selected_claim_and_u_undoes_it(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        claim_id = await at_paragraph_3(pilot, screen)
        assert "○ awaiting sign-off" in panel_text(screen)
        await pilot.press("S")
        await pilot.pause()
        claim = session.claim(claim_id)
        assert claim.signed_by == AUTHOR and claim.signed is not None
        assert f"✔ Signed off by {AUTHOR}, {claim.signed.date().isoformat()}" in panel_text(screen)
        assert "self-signed" not in panel_text(screen)
        assert any(note.startswith("Signed off: “") for note in notes(app))
        await wait_until(pilot, lambda: not session.dirty, what="the sign-off to be saved")
        saved = loading.load(workspace.annotation_path).document
        assert saved.claim(claim_id).signed_by == AUTHOR

        await pilot.press("u")
        await pilot.pause()
        assert not session.claim(claim_id).signed_off
        assert "○ awaiting sign-off" in panel_text(screen)


async def test_signing_ones_own_claim_is_allowed_and_said(workspace: Workspace) -> None:
    app = FactmarkApp(Article.read(workspace.article_path), workspace.annotation_path,
                      author=SEED_AUTHOR, save_delay=0.1)  # fmt: skip
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        claim_id = await at_paragraph_3(pilot, screen)
        await pilot.press("S")
        await pilot.pause()
        assert session.claim(claim_id).self_signed
        assert f"Signed off by {SEED_AUTHOR}" in panel_text(screen)
        assert "self-signed" in panel_text(screen)
        assert any("self-signed" in note for note in notes(app))
        await pilot.press("v")
        details = await wait_for_screen(pilot, ClaimDetailsScreen)
        shown = str(details.query_one("#claim-details-body").render())
        assert f"Signed off by {SEED_AUTHOR}" in shown and "self-signed" in shown
        session.close()


async def test_editing_the_verdict_withdraws_the_sign_off(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        claim_id = await at_paragraph_3(pilot, screen)
        await pilot.press("S")
        await pilot.pause()
        verdict = session.claim(claim_id).verdict
        other = next(key for name, key in VERDICT_KEYS.items() if name != verdict)
        await pilot.press("e")
        await wait_for_screen(pilot, ClaimEditor)
        await pilot.press(other, "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        await pilot.pause()
        assert session.claim(claim_id).verdict != verdict
        assert not session.claim(claim_id).signed_off
        assert "○ awaiting sign-off" in panel_text(screen)
        assert any(f"sign-off by {AUTHOR} is withdrawn" in note for note in notes(app))

        await pilot.press("u")  # one step: the verdict and the sign-off come back together
        await pilot.pause()
        assert session.claim(claim_id).verdict == verdict
        assert session.claim(claim_id).signed_by == AUTHOR


async def test_s_in_the_review_signs_off_the_claim_under_the_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        claim_id = await at_paragraph_3(pilot, screen)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.current_claim() == claim_id
        claims = len(session.document.claims)
        summary = review.query_one("#review-summary")
        assert f"{claims} awaiting sign-off" in str(summary.render())
        await pilot.press("S")
        await pilot.pause()
        assert session.claim(claim_id).signed_by == AUTHOR
        assert f"{claims - 1} awaiting sign-off" in str(summary.render())

        await pilot.press("a")  # only the claims awaiting sign-off
        await pilot.pause()
        shown = [row.claim.id for row in review.shown]
        assert claim_id not in shown and len(shown) == claims - 1
        assert "awaiting sign-off" in str(summary.render()).split("showing")[1]

        await wait_until(pilot, lambda: not session.dirty, what="the sign-off to be saved")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
        assert f"Signed off by {AUTHOR}" in panel_text(screen)
        await pilot.press("u")
        await pilot.pause()
        assert not session.claim(claim_id).signed_off
