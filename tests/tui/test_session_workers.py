"""The event loop stays free while the session is changed in a worker thread."""

from __future__ import annotations

import threading

import pytest
from conftest import WIDE, AppFactory, opened, wait_until

from documents import edited
from factmark.session import Session
from factmark.store import loading, writer

SLOW = 3.0
"""Seconds the slowed reload waits at most for the test to let it go."""


async def test_a_move_is_handled_while_a_colleagues_change_is_read_in(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    reload = Session.reload

    def slow_reload(self: Session) -> None:
        started.set()
        release.wait(SLOW)
        reload(self)
        finished.set()

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        victim = next(c for c in session.document.claims if c.paragraph and c.paragraph > 1)
        paragraph = victim.paragraph
        assert paragraph is not None
        screen.go_to(paragraph, victim.id)
        monkeypatch.setattr(Session, "reload", slow_reload)
        theirs = edited(loading.load(session.path).document, victim.id, note="from a colleague")
        writer.save(theirs, session.path)  # a colleague's change lands on disk

        app.disk.check()
        await wait_until(pilot, started.is_set, what="the reload")
        await pilot.press("k")  # read the paragraph before while the file is read in
        assert screen.current == paragraph - 1
        assert not finished.is_set()
        screen.go_to(paragraph, victim.id)
        await pilot.press("d")  # an editing key waits for the worker
        assert victim.id in {c.id for c in session.document.claims}

        release.set()
        await wait_until(pilot, finished.is_set, what="the reload")
        assert session.saved.claim(victim.id).note == "from a colleague"
        await wait_until(
            pilot,
            lambda: victim.id not in {c.id for c in session.document.claims},
            what="the delete typed meanwhile",
        )
