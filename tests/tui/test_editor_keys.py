"""The claim editor's verdict and confidence take one key each, wherever the focus is
(outside the text fields)."""

from __future__ import annotations

from conftest import WIDE, opened, wait_until

from factmark.tui.app import FactmarkApp
from factmark.tui.screens.claim_editor import ClaimEditor


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
