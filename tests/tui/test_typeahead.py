"""Keys typed ahead are neither lost nor reordered.

Keys typed while the annotations are still opening are kept and run, in order:
those tests hold the opening back on an event (the worker waits in
``Session.open``) until their keys are in, so the keys surely come first. Keys
that arrive together (typed fast, a paste) each run after the one before them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import WIDE, Workspace, opened, settled, wait_for_screen, wait_until
from textual import events
from textual.widgets import Input

from factmark.session import Session
from factmark.store import loading
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.load_error import LoadErrorScreen
from factmark.tui.screens.review import ReviewScreen


@pytest.fixture
def opening(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Set it to let the annotations open; until then ``Session.open`` waits."""
    gate = threading.Event()
    real_open = Session.open

    def held_open(*args: Any, **kwargs: Any) -> Session:
        assert gate.wait(30), "the test never let the annotations open"
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Session, "open", staticmethod(held_open))
    yield gate
    gate.set()  # a failed test must not leave the worker waiting


def annotate_screen(app: FactmarkApp) -> AnnotateScreen:
    screen = app.annotate_screen
    assert screen is not None
    return screen


async def test_a_claim_typed_before_the_annotations_open_is_made_and_saved(
    app: FactmarkApp, workspace: Workspace, opening: threading.Event
) -> None:
    before = loading.load(workspace.annotation_path).document
    assert not [c for c in before.claims if c.paragraph == 4], "the test needs ¶4 without claims"
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = annotate_screen(app)
        # To ¶4; a: select its first sentence; enter: the claim editor; i: inaccurate;
        # ctrl+s: keep the claim; j: on to ¶5 (after the claim, not before it).
        await pilot.press("j", "j", "j", "a", "enter", "i", "ctrl+s", "j")
        assert app.session is None
        assert screen.current == 4, "moves with nothing held back run at once"
        assert app.screen is screen
        opening.set()

        def saved() -> bool:
            claims = loading.load(workspace.annotation_path).document.claims
            return len(claims) == len(before.claims) + 1

        await wait_until(pilot, saved, what="the new claim on disk")
        assert app.screen is screen, "the claim editor was closed by its ctrl+s"
        assert screen.current == 5
    after = loading.load(workspace.annotation_path).document
    old_ids = {c.id for c in before.claims}
    (new,) = [c for c in after.claims if c.id not in old_ids]
    assert new.paragraph == 4
    assert new.start == 0
    assert new.quote.startswith("This development marks a significant")
    assert new.verdict == "inaccurate"


async def test_keys_held_back_are_dropped_when_the_annotations_cannot_be_loaded(
    app: FactmarkApp, workspace: Workspace, opening: threading.Event
) -> None:
    workspace.annotation_path.write_text("this is = = not TOML\n", encoding="utf-8")
    data = workspace.annotation_path.read_bytes()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = annotate_screen(app)
        await pilot.press("a", "j", "j", "q")  # a waits for the claims, and the rest with it
        assert screen.current == 1
        opening.set()
        await wait_for_screen(pilot, LoadErrorScreen, "the load error")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen), "the held q did not run on the error"
        assert app.return_code is None
        assert screen.current == 1, "the held j's did not run"
        await pilot.press("q")  # keys typed now go to the error screen: q leaves
        await wait_until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 2
    assert workspace.annotation_path.read_bytes() == data


async def test_moves_run_at_once_and_wait_only_behind_a_held_key(
    app: FactmarkApp, workspace: Workspace, opening: threading.Event
) -> None:
    before = loading.load(workspace.annotation_path).document
    in_third = [c for c in before.claims if c.paragraph == 3]
    assert in_third, "the test needs claims in ¶3"
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = annotate_screen(app)
        await pilot.press("j", "j", "G", "g", "j", "j")
        assert screen.current == 3, "moves run while the annotations open"
        await pilot.press("d", "k")  # d needs the claims: the k after it waits too
        assert screen.current == 3
        assert app.session is None
        opening.set()
        await wait_until(pilot, lambda: screen.current == 2, what="the k after the d")
        session = app.session
        assert session is not None
        assert len(session.document.claims) == len(before.claims) - 1
        deleted = {c.id for c in before.claims} - {c.id for c in session.document.claims}
        assert deleted <= {c.id for c in in_third}, "d deleted a claim of ¶3, before k"


async def test_keys_arriving_together_after_opening_run_one_after_another(
    app: FactmarkApp, workspace: Workspace
) -> None:
    """The i and ctrl+s go to the claim editor that enter opens, not to the article."""
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        screen.go_to(4)
        await settled(pilot)
        count = len(session.document.claims)
        for key, character in [("a", "a"), ("enter", "\r"), ("i", "i"), ("ctrl+s", None)]:
            app.post_message(events.Key(key, character))  # all queued at once, as in a paste
        await wait_until(pilot, lambda: len(session.document.claims) == count + 1, what="the claim")
        await wait_until(pilot, lambda: app.screen is screen, what="the editor to close")
        (new,) = session.claims_in(4)
        assert new.verdict == "inaccurate"


async def test_a_paste_right_after_slash_goes_into_the_search(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, _ = await opened(pilot)
        app.post_message(events.Key("slash", "/"))
        app.post_message(events.Paste("Medinsky"))  # together, as a fast editor's paste
        search = screen.query_one("#search", Input)
        await wait_until(pilot, lambda: search.value == "Medinsky", what="the pasted search")


async def test_a_search_typed_at_once_after_slash_in_the_review_all_goes_in(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        for character in "/Medinsky":
            app.post_message(events.Key(_key_name(character), character))  # all at once
        search = review.query_one("#review-search", Input)
        await wait_until(pilot, lambda: search.value == "Medinsky", what="the typed search")


def _key_name(character: str) -> str:
    return "slash" if character == "/" else character
