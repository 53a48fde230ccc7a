"""The event loop stays free while the session is changed in a worker thread."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pytest
from conftest import WIDE, AppFactory, opened, wait_until

from factmark.session import Session

SLOW = 3.0
"""Seconds the slowed re-locating waits at most for the test to let it go."""


async def test_a_move_is_handled_while_an_undo_finds_the_claims_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    relocate = Session.relocate

    def slow_relocate(self: Session, claim_ids: Iterable[str] | None = None) -> None:
        started.set()
        release.wait(SLOW)
        relocate(self, claim_ids)
        finished.set()

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        victim = next(c for c in session.document.claims if c.paragraph and c.paragraph > 1)
        paragraph = victim.paragraph
        assert paragraph is not None
        screen.go_to(paragraph, victim.id)
        await pilot.press("d")
        assert victim.id not in {c.id for c in session.document.claims}
        monkeypatch.setattr(Session, "relocate", slow_relocate)

        await pilot.press("u")
        await wait_until(pilot, started.is_set, what="the undo's re-locating")
        await pilot.press("k")  # read the paragraph before while the claims are found again
        assert screen.current == paragraph - 1
        assert not finished.is_set()
        await pilot.press("ctrl+y")  # an editing key waits for the worker
        assert victim.id in {c.id for c in session.document.claims}

        release.set()
        await wait_until(pilot, finished.is_set, what="the re-locating")
        await wait_until(
            pilot,
            lambda: victim.id not in {c.id for c in session.document.claims},
            what="the redo typed meanwhile",
        )
        assert screen.selected != victim.id
