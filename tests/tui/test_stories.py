"""One Pilot test per user story of the annotate TUI (docs/design.md §7–§8).

Each story drives the app with keys (and the mouse where the story says so) and
checks the session's document, the file on disk as the store reads it, the
screen stack, and what is shown where it matters.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    AUTHOR,
    BAD,
    NARROW,
    WIDE,
    AppFactory,
    Workspace,
    control_characters,
    flowed,
    opened,
    region_lines,
    screen_lines,
    settled,
    wait_for_screen,
    wait_until,
)
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList

from builders import link
from factmark.lock import ArticleLock
from factmark.model import AnnotationFile, Claim
from factmark.store import loading, writer
from factmark.store.problems import StoreError
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.claim_editor import VERDICT_KEYS, ClaimEditor
from factmark.tui.screens.help import HelpScreen
from factmark.tui.screens.link_picker import LinkPicker
from factmark.tui.screens.load_error import LoadErrorScreen
from factmark.tui.screens.source_editor import SourceEditor
from factmark.tui.widgets.claim_panel import ClaimPanel
from factmark.tui.widgets.picker import Picker
from factmark.tui.widgets.status_bar import StatusBar

SECOND = 1.0
"""docs/design.md §8: every change is on disk within a second."""


# --- helpers -----------------------------------------------------------------------


def header(app: FactmarkApp) -> str:
    return region_lines(app, app.screen.query_one(StatusBar))[0]


def panel_text(app: FactmarkApp) -> str:
    return flowed(region_lines(app, app.screen.query_one(ClaimPanel), content=True))


def on_disk(path: Path) -> AnnotationFile:
    return loading.load(path).document


def same(document: AnnotationFile, other: AnnotationFile) -> bool:
    """The same claims and links (the file keeps them in canonical order)."""
    return document.sorted() == other.sorted()


async def disk_holds(
    pilot: Pilot[int], path: Path, expected: AnnotationFile, since: float, what: str
) -> None:
    """Wait until the file holds ``expected``, and check it took no more than a second.

    The file is parsed only when its size or mtime changed, so that polling does not
    take the time (and the GIL) from the app's own saving thread.
    """
    seen: list[tuple[int, int]] = []
    matched_at: list[float] = []

    def holds() -> bool:
        info = path.stat()
        stamp = (info.st_size, info.st_mtime_ns)
        if seen and seen[-1] == stamp:
            return False
        seen.append(stamp)
        try:
            matched = same(on_disk(path), expected)
        except StoreError:  # never expected: the writes are atomic
            return False
        if matched:
            matched_at.append(time.monotonic())
        return matched

    await wait_until(pilot, holds, tries=300, what=what)
    elapsed = matched_at[0] - since
    assert elapsed <= SECOND, f"{what} took {elapsed:.2f} s"


def nearest_to(claim: Claim, claims: list[Claim]) -> Claim:
    """The other claim closest in the article: same paragraph first, then by offset."""
    others = [c for c in claims if c.id != claim.id]
    return min(
        others,
        key=lambda c: (
            abs((c.paragraph or 0) - (claim.paragraph or 0)),
            abs((c.start or 0) - (claim.start or 0)),
        ),
    )


async def go_to_paragraph(pilot: Pilot[int], screen: AnnotateScreen, number: int) -> None:
    """Move there as the editor would: keys, then a look at the panel."""
    await pilot.press("g", *["j"] * (number - 1))
    assert screen.view.current == number
    await settled(pilot)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*text)


def active(app: FactmarkApp) -> Screen[Any]:
    """The active screen (a function, so that an earlier isinstance does not narrow it)."""
    return app.screen


def focused(app: FactmarkApp) -> Widget | None:
    return app.focused


# --- reading ----------------------------------------------------------------------


async def test_keys_move_between_paragraphs_and_claims(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        total = len(session.article.paragraphs)
        view = screen.view

        def at(number: int) -> None:
            assert view.current == number
            assert f"¶ {number}/{total}" in header(app)
            gutters = [line[:5].strip() for line in region_lines(app, view)]
            assert str(number) in gutters, f"¶{number} is not on screen"

        at(1)
        steps = [
            ("j", 2),
            ("j", 3),
            ("down", 4),
            ("k", 3),
            ("up", 2),
            ("G", total),
            ("j", total),
            ("g", 1),
            ("k", 1),
            ("end", total),
            ("home", 1),
        ]
        for key, expected in steps:
            await pilot.press(key)
            at(expected)

        await pilot.press("j", "j")
        await settled(pilot)
        in_three = sorted(
            (c for c in session.document.claims if c.paragraph == 3), key=lambda c: c.start or 0
        )
        assert len(in_three) == 3
        order = [c.id for c in in_three]
        assert screen.selected == order[0]
        for key, index in [("tab", 1), ("tab", 2), ("tab", 0), ("shift+tab", 2), ("shift+tab", 1)]:
            await pilot.press(key)
            assert screen.selected == order[index]
            assert view.selected_claim == order[index]
            assert f"“{in_three[index].quote}”" in panel_text(app)
        assert view.current == 3


async def test_a_click_on_a_claim_in_the_panel_or_the_text_selects_it(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await go_to_paragraph(pilot, screen, 3)
        claims = session.claims_in(3)
        assert len(claims) == 3 and screen.selected == claims[0].id
        panel = screen.query_one(ClaimPanel)
        for claim in reversed(claims):  # each claim has one row, its quote's start on it
            lines = region_lines(app, panel)
            y = next(y for y, line in enumerate(lines) if claim.quote[:12] in line)
            x = lines[y].index(claim.quote[:12])
            await pilot.click(panel, offset=(x, y))
            await settled(pilot)
            assert screen.selected == claim.id
            assert f"“{claim.quote}”" in panel_text(app)

        view = screen.view
        middle = claims[1]
        lines = region_lines(app, view)
        y = next(y for y, line in enumerate(lines) if middle.quote[:12] in line)
        await pilot.click(view, offset=(lines[y].index(middle.quote[:12]) + 2, y))
        await settled(pilot)
        assert screen.selected == middle.id


async def test_keys_typed_ahead_act_on_the_claim_the_panel_then_shows(
    app: FactmarkApp,
) -> None:
    """``j j d`` typed faster than the panel follows still deletes ¶3's first claim."""
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        first = min(
            (c for c in session.document.claims if c.paragraph == 3), key=lambda c: c.start or 0
        )
        for key in ("j", "j", "d"):  # all queued at once, as from a fast typist or a paste
            app.post_message(events.Key(key, key))
        await wait_until(pilot, lambda: screen.view.current == 3, what="the moves")
        await settled(pilot)
        assert first.id not in {c.id for c in session.document.claims}


# --- adding a claim ---------------------------------------------------------------


async def test_add_a_claim_with_two_sources_and_a_verdict(
    app: FactmarkApp, workspace: Workspace
) -> None:
    url = "https://example.org/report"
    citation = "Interfax, 13 June"
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await go_to_paragraph(pilot, screen, 4)
        text = session.article.paragraph(4).text
        before = len(session.document.claims)

        await pilot.press("a")
        selection = screen.view.selection
        assert selection is not None and selection.paragraph == 4
        assert selection.span in session.article.sentences(4)
        start, end = selection.span

        await pilot.press("shift+left", "shift+left", "shift+left")
        selection = screen.view.selection
        assert selection is not None and selection.span == (start, end - 3)

        await pilot.press("enter")
        editor = app.screen
        assert isinstance(editor, ClaimEditor)
        quote = text[start : end - 3]
        assert quote.strip() == quote
        assert flowed(region_lines(app, editor.query_one("#editor-quote"))) == f"“{quote}”"

        await pilot.press("i")
        assert editor.query_one("#verdict", Picker).value == "inaccurate"
        await pilot.press("tab")
        assert focused(app) is editor.query_one("#confidence", Picker)
        await pilot.press("3")
        assert editor.query_one("#confidence", Picker).value == "high"

        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, SourceEditor)
        await type_text(pilot, url)
        await pilot.press("ctrl+s")
        assert active(app) is editor
        await pilot.press("ctrl+n")
        source_editor = await wait_for_screen(pilot, SourceEditor)
        await pilot.press("tab")
        assert focused(app) is source_editor.query_one("#citation", Input)
        await type_text(pilot, citation)
        await pilot.press("ctrl+s")
        assert active(app) is editor
        assert editor.query_one("#sources", OptionList).option_count == 2

        earliest = datetime.now(UTC).replace(microsecond=0)
        await pilot.press("ctrl+s")
        saved_at = time.monotonic()
        assert isinstance(app.screen, AnnotateScreen)

        assert len(session.document.claims) == before + 1
        assert screen.selected is not None
        claim = session.claim(screen.selected)
        assert screen.view.selected_claim == claim.id
        assert (claim.paragraph, claim.start, claim.quote) == (4, start, quote)
        assert (claim.verdict, claim.confidence) == ("inaccurate", "high")
        assert [(s.url, s.citation) for s in claim.sources] == [(url, ""), (None, citation)]
        assert claim.author == AUTHOR
        assert claim.created is not None and claim.updated is not None
        for stamp in (claim.created, claim.updated):
            assert stamp.utcoffset() == timedelta(0)
            assert earliest <= stamp <= datetime.now(UTC)
        assert f"“{quote}”" in panel_text(app)

        await disk_holds(
            pilot, workspace.annotation_path, session.document, saved_at, "the new claim"
        )
        assert on_disk(workspace.annotation_path).claim(claim.id) == claim


async def test_the_verdict_row_wraps_whole_choices_and_a_click_picks_the_one_under_it(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        assert screen.selected is not None
        await pilot.press("e")
        editor = await wait_for_screen(pilot, ClaimEditor)
        verdict = editor.query_one("#verdict", Picker)
        lines = region_lines(app, verdict)
        assert len(lines) >= 2, "seven verdicts do not fit on one row of the editor"
        for name, key in VERDICT_KEYS.items():
            whole = [f"{key} ○ {name}", f"{key} ● {name}"]
            assert any(label in line for line in lines for label in whole), f"{key} {name}"

        for name in ("inaccurate", "unverifiable", "pending", "misleading"):
            y, line = next((y, s) for y, s in enumerate(lines) if f" {name}" in s)
            await pilot.click(verdict, offset=(line.index(f" {name}") + 2, y))
            assert verdict.value == name
        await pilot.press("ctrl+s")
        assert session.claim(screen.selected).verdict == "misleading"


# --- links ------------------------------------------------------------------------


async def test_link_two_claims_as_a_contradiction_with_l_enter_enter(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await go_to_paragraph(pilot, screen, 3)
        assert screen.selected is not None
        claim = session.claim(screen.selected)
        other = nearest_to(claim, session.document.claims)
        expected = link(claim.id, other.id, "contradicts")
        assert all(existing.key != expected.key for existing in session.document.links)
        contradictions = len(session.document.contradiction_links())

        await pilot.press("l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        candidates = picker.query_one("#link-candidates", OptionList)
        assert candidates.highlighted == 0
        assert candidates.get_option_at_index(0).id == other.id

        await pilot.press("enter")
        kinds = app.screen
        assert isinstance(kinds, ChoiceScreen)
        choices = kinds.query_one(OptionList)
        assert choices.get_option_at_index(0).id == "contradicts"
        assert choices.highlighted == 0

        await pilot.press("enter")
        linked_at = time.monotonic()
        assert app.screen is screen
        assert expected in session.document.links
        assert len(session.document.contradiction_links()) == contradictions + 1
        assert f"{contradictions + 1} contradictions" in header(app)
        assert "Links (" in panel_text(app)
        assert "→ contradicts" in panel_text(app)
        assert other.quote[:30] in panel_text(app)

        await disk_holds(pilot, workspace.annotation_path, session.document, linked_at, "link")
        assert expected in on_disk(workspace.annotation_path).links


# --- editing ----------------------------------------------------------------------


async def test_edit_a_claim_changes_its_verdict_and_updated(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await go_to_paragraph(pilot, screen, 3)
        assert screen.selected is not None
        old = session.claim(screen.selected)
        assert old.verdict == "accurate"

        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, ClaimEditor)
        assert app.focused is editor.query_one("#verdict", Picker)
        earliest = datetime.now(UTC).replace(microsecond=0)
        await pilot.press("d")
        await pilot.press("ctrl+s")
        edited_at = time.monotonic()
        assert app.screen is screen

        new = session.claim(old.id)
        assert new.verdict == "disputed"
        assert new.updated is not None and new.updated != old.updated
        assert earliest <= new.updated <= datetime.now(UTC)
        unchanged = {"verdict", "updated"}
        assert new.model_dump(exclude=unchanged) == old.model_dump(exclude=unchanged)
        assert screen.selected == old.id
        assert "disputed · confidence" in panel_text(app)

        await disk_holds(pilot, workspace.annotation_path, session.document, edited_at, "edit")


# --- deleting, undo and redo ---------------------------------------------------------


async def test_delete_a_linked_claim_then_undo_and_redo(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        await go_to_paragraph(pilot, screen, 5)
        assert screen.selected is not None
        victim = screen.selected
        before = session.document
        links = before.links_of(victim)
        assert len(links) >= 2, "the story needs a claim with links"

        await pilot.press("d")
        deleted = session.document
        assert victim not in {c.id for c in deleted.claims}
        assert deleted.links_of(victim) == []
        assert [c for c in before.claims if c.id != victim] == deleted.claims
        assert [k for k in before.links if not k.touches(victim)] == deleted.links
        assert screen.selected is None

        await pilot.press("u")
        undone_at = time.monotonic()
        assert session.document == before
        assert screen.selected == victim
        shown = panel_text(app)
        assert f"Links ({len(links)})" in shown
        for restored in links:  # each link's row names the claim at its other end
            assert before.claim(restored.other(victim)).quote[:12] in shown, restored
        await disk_holds(pilot, workspace.annotation_path, before, undone_at, "the undo")

        await pilot.press("ctrl+y")
        redone_at = time.monotonic()
        assert session.document == deleted
        await disk_holds(pilot, workspace.annotation_path, deleted, redone_at, "the redo")

        await pilot.press("ctrl+z")
        assert session.document == before


# --- saving -----------------------------------------------------------------------


async def test_a_change_is_saved_within_a_second(app: FactmarkApp, workspace: Workspace) -> None:
    async with app.run_test(size=WIDE) as pilot:
        _screen, session = await opened(pilot)
        assert "· saved" in header(app)
        before = session.document
        changed_at = time.monotonic()
        await pilot.press("d")
        assert session.document != before
        await disk_holds(pilot, workspace.annotation_path, session.document, changed_at, "save")
        await wait_until(pilot, lambda: "· saved" in header(app), what="the header to say saved")
        assert not session.dirty


async def test_q_saves_and_quits_with_exit_code_0(
    make_app: AppFactory, workspace: Workspace
) -> None:
    app = make_app(save_delay=60)  # only q can have saved
    async with app.run_test(size=WIDE) as pilot:
        _screen, session = await opened(pilot)
        await pilot.press("d")
        assert "· unsaved" in header(app)
        expected = session.document
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 0
    assert app.return_value == 0
    assert same(on_disk(workspace.annotation_path), expected)
    lock = ArticleLock(workspace.article_path)
    assert lock.acquire(), "quitting releases the article"
    lock.release()


# --- a change on disk ----------------------------------------------------------------


def outside_edit(document: AnnotationFile) -> AnnotationFile:
    """What another writer (a git pull, a hand edit) changes: the note of the last claim."""
    last = document.claims[-1]
    changed = last.model_copy(update={"note": "Changed by someone else."})
    claims = [changed if c.id == last.id else c for c in document.claims]
    return document.model_copy(update={"claims": claims})


# "watcher": the periodic check notices the change before any save is tried;
# "save": the autosave finds the file changed and refuses to write.
DETECTED_BY: dict[str, tuple[float, float]] = {
    "watcher": (60.0, 0.2),
    "save": (0.1, 60.0),
}
"""(save delay, watch interval) for each way of noticing the change."""


async def make_a_conflict(
    pilot: Pilot[int], app: FactmarkApp, path: Path, detected_by: str
) -> tuple[AnnotationFile, AnnotationFile, str]:
    """Delete the selected claim while someone else edits the file; wait for the question.

    Returns the outside version, the editor's version and the deleted claim's id.
    """
    screen, session = await opened(pilot)
    assert screen.selected is not None
    mine_deletes = screen.selected
    theirs = outside_edit(session.document)
    if detected_by == "save":
        writer.save(theirs, path)
        await pilot.press("d")
    else:
        await pilot.press("d")
        writer.save(theirs, path)
    mine = session.document
    await wait_for_screen(pilot, ChoiceScreen, "the question about the file")
    question = flowed(screen_lines(app))
    assert "changed on disk" in question
    for option in ("Merge", "Reload", "Keep mine"):
        assert option in question
    assert same(on_disk(path), theirs)

    # However long the editor takes to answer, nothing is written over their version.
    await pilot.pause(0.5)
    assert isinstance(app.screen, ChoiceScreen)
    assert same(on_disk(path), theirs)
    assert session.document == mine
    return theirs, mine, mine_deletes


@pytest.mark.parametrize("detected_by", sorted(DETECTED_BY))
async def test_an_outside_change_is_not_overwritten_and_merge_keeps_both(
    make_app: AppFactory, workspace: Workspace, detected_by: str
) -> None:
    path = workspace.annotation_path
    save_delay, watch_interval = DETECTED_BY[detected_by]
    app = make_app(save_delay=save_delay, watch_interval=watch_interval)
    async with app.run_test(size=WIDE) as pilot:
        theirs, _mine, deleted = await make_a_conflict(pilot, app, path, detected_by)
        session = app.session
        assert session is not None

        assert app.screen.query_one(OptionList).highlighted == 0  # merge comes first
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
        merged = session.document
        assert deleted not in {c.id for c in merged.claims}
        their_claim = theirs.claims[-1]
        assert merged.claim(their_claim.id).note == their_claim.note

        await pilot.press("ctrl+s")
        await disk_holds(pilot, path, merged, time.monotonic(), "the merged version")


async def test_an_outside_change_reload_takes_theirs(
    make_app: AppFactory, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    app = make_app(save_delay=60.0, watch_interval=0.2)
    async with app.run_test(size=WIDE) as pilot:
        theirs, _mine, _deleted = await make_a_conflict(pilot, app, path, "watcher")
        await pilot.press("down", "enter")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.session is not None
        assert app.session.document == theirs
        assert not app.session.dirty
        await pilot.pause(0.3)
        assert same(on_disk(path), theirs)


async def test_an_outside_change_keep_mine_asks_then_writes_mine(
    make_app: AppFactory, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    app = make_app(save_delay=60.0, watch_interval=0.2)
    async with app.run_test(size=WIDE) as pilot:
        theirs, mine, _deleted = await make_a_conflict(pilot, app, path, "watcher")
        question = app.screen
        await pilot.press("down", "down", "enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, ChoiceScreen) and app.screen is not question,
            what="the confirmation",
        )
        confirm = await wait_for_screen(pilot, ChoiceScreen)
        # Says what will be lost, as the desk knows the claim: its quote, ¶, field and value.
        lost = theirs.claims[-1]
        shown = flowed(region_lines(app, confirm.query_one(".dialog-question"), content=True))
        assert f"“{lost.quote}” (¶{lost.paragraph}): its note; theirs: {lost.note}" in shown
        assert lost.id not in shown
        assert same(on_disk(path), theirs)
        assert confirm.query_one(OptionList).get_option_at_index(0).id == "cancel"
        await pilot.press("down", "enter")
        assert isinstance(app.screen, AnnotateScreen)
        assert same(on_disk(path), mine)


async def test_an_unreadable_outside_change_is_reported_and_not_overwritten(
    app: FactmarkApp, workspace: Workspace
) -> None:
    """A hand edit (or a git pull) leaves the file unusable: say so, crash on nothing, keep it.

    The error quotes text from the file, markup and control characters included.
    """
    path = workspace.annotation_path
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        _screen, session = await opened(pilot)
        before = session.document
        broken = path.read_text(encoding="utf-8").replace(
            'citation = "The article itself, ¶3–¶8"', 'url = "https://x.org/[/]\\u001b[2J a"', 1
        )
        path.write_text(broken, encoding="utf-8")
        data = path.read_bytes()
        await wait_until(
            pilot,
            lambda: "cannot be read" in flowed(screen_lines(app)),
            what="the problem to be reported",
        )
        assert app.is_running and app.return_code is None
        assert "x.org/[/]␛[2J" in flowed(screen_lines(app))
        assert control_characters(screen_lines(app)) == []
        assert session.document == before

        await pilot.press("d")  # an edit must not overwrite their (broken) version
        await pilot.pause(0.5)
        assert path.read_bytes() == data
        assert isinstance(app.screen, ChoiceScreen)


# --- read-only ----------------------------------------------------------------------


async def test_a_second_instance_is_read_only_and_writes_nothing(
    app: FactmarkApp, workspace: Workspace
) -> None:
    first = ArticleLock(workspace.article_path)
    assert first.acquire()
    path = workspace.annotation_path
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    listing = sorted(p.name for p in path.parent.iterdir())
    try:
        async with app.run_test(size=WIDE, notifications=True) as pilot:
            screen, session = await opened(pilot)
            assert session.read_only
            assert "read-only" in header(app)
            await wait_until(
                pilot,
                lambda: "another factmark has this article open" in flowed(screen_lines(app)),
                what="the reason to be shown",
            )
            before = session.document
            stack = list(app.screen_stack)
            await go_to_paragraph(pilot, screen, 3)
            for key in ("a", "d", "e", "l", "enter", "x", "u", "ctrl+z", "ctrl+y", "ctrl+s"):
                await pilot.press(key)
                assert app.screen_stack == stack, f"{key} opened {app.screen!r}"
                assert screen.view.selection is None, key
                assert session.document == before, key
            assert session.undo_stack == []
            await pilot.pause(0.3)  # longer than the save delay and the watch interval
            assert app.screen_stack == stack
        assert path.read_bytes() == data
        assert path.stat().st_mtime_ns == mtime
        assert sorted(p.name for p in path.parent.iterdir()) == listing
    finally:
        first.release()


# --- a file that cannot be loaded ----------------------------------------------------------


async def test_a_malformed_file_shows_its_error_and_writes_nothing(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    malformed = (BAD / "malformed.toml").read_text(encoding="utf-8")
    malformed, replaced = re.subn(
        r'^article = ".*"$',
        f'article = "../seeds/{workspace.article_path.name}"',
        malformed,
        flags=re.MULTILINE,
    )
    assert replaced == 1
    path.write_text(malformed, encoding="utf-8")
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(StoreError) as raised:
        loading.load(path)
    problem = raised.value.problems[0]
    assert problem.line is not None

    async with app.run_test(size=WIDE) as pilot:
        error_screen = await wait_for_screen(pilot, LoadErrorScreen, "the load error")
        assert app.session is None
        box = error_screen.query_one("#load-error")
        shown = "".join(flowed(region_lines(app, box, content=True)).split())
        assert "".join(str(problem).split()) in shown
        assert f"{path.name}:{problem.line}:" in shown
        await pilot.press("j", "a", "ctrl+s")
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 2
    assert app.return_value == 2
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# --- untrusted text -------------------------------------------------------------------

ESC, BEL, RLO = "\x1b", "\x07", "\u202e"
CORPUS_PARAGRAPHS = [
    "Bold: [bold]x[/bold] and a bare [/] close.",
    "Action: [@click=app.quit]click me[/] here.",
    "Link: [link=https://example.org]x[/link] ok.",
    "Unclosed: [ and a trailing backslash \\",
    f"Title: {ESC}]2;title{BEL} done.",
    f"Hidden: the {RLO}evil claim.",
]
SHOWN_PARAGRAPHS = [
    "Bold: [bold]x[/bold] and a bare [/] close.",
    "Action: [@click=app.quit]click me[/] here.",
    "Link: [link=https://example.org]x[/link] ok.",
    "Unclosed: [ and a trailing backslash \\",
    "Title: ␛]2;title␇ done.",
]
CORPUS_NOTE = (
    "Note: [bold]x[/bold] [/] [@click=app.quit]click me[/] "
    f"[link=https://example.org]x[/link] [ unclosed {ESC}]2;title{BEL} ends \\"
)
SHOWN_NOTE = (
    "Note: [bold]x[/bold] [/] [@click=app.quit]click me[/] "
    "[link=https://example.org]x[/link] [ unclosed ␛]2;title␇ ends \\"
)
HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
BOX = re.compile("[\u2500-\u259f]")
"""Box-drawing and block characters: the borders of a dialog."""


def write_corpus(workspace: Workspace) -> tuple[Path, Path]:
    article_path = workspace.root / "seeds" / "markup.txt"
    article_path.write_text("\n\n".join(CORPUS_PARAGRAPHS) + "\n", encoding="utf-8")
    claims = [
        Claim(id="bold01", quote="[bold]x[/bold]", note=CORPUS_NOTE),
        Claim(id="click1", quote="[@click=app.quit]click me[/]", note=CORPUS_NOTE),
        Claim(id="hidden", quote=f"the {RLO}evil claim"),
    ]
    document = AnnotationFile(article="../seeds/markup.txt", claims=claims)
    annotation_path = workspace.root / "annotations" / "markup.toml"
    writer.save(document, annotation_path)
    return article_path, annotation_path


async def test_markup_and_control_characters_are_shown_as_typed(
    make_app: AppFactory, workspace: Workspace
) -> None:
    article_path, annotation_path = write_corpus(workspace)
    app = make_app(article_path=article_path, annotation_path=annotation_path)
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        assert session.unresolved() == []
        view = screen.view

        article_lines = region_lines(app, view)
        for shown in SHOWN_PARAGRAPHS:
            assert any(shown in line for line in article_lines), shown
        assert screen.selected == "bold01"
        assert SHOWN_NOTE in panel_text(app)
        everything = screen_lines(app)
        assert control_characters(everything) == []
        assert HIDDEN.findall("".join(everything)) == []
        assert app.title == "factmark"

        # A click on the would-be action selects the claim under it, and nothing else.
        y, line = next((y, s) for y, s in enumerate(article_lines) if "[@click=" in s)
        x = line.index("[@click=") + 3
        await pilot.click(view, offset=(x, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is screen
        assert view.current == 2
        assert screen.selected == "click1"
        # … and a click on the same text in the panel's note does nothing either.
        panel = screen.query_one(ClaimPanel)
        panel_lines = region_lines(app, panel)
        y, line = next((y, s) for y, s in enumerate(panel_lines) if "[@click=" in s)
        await pilot.click(panel, offset=(line.index("[@click=") + 3, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is screen

        await pilot.press("G")
        await settled(pilot)
        assert screen.selected == "hidden"
        assert "hidden characters in the quote: U+202E" in panel_text(app)
        everything = screen_lines(app)
        assert control_characters(everything) == []
        assert HIDDEN.findall("".join(everything)) == []


# --- layout ----------------------------------------------------------------------------


async def test_at_80x24_the_panel_folds_under_the_article_and_follows_resizes(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen, _session = await opened(pilot)
        view, panel = screen.view, screen.query_one(ClaimPanel)
        assert screen.has_class("-narrow")
        screen_region = screen.region
        assert view.region.height >= 5 and panel.region.height >= 5
        assert view.region.width == panel.region.width == screen_region.width
        for widget in (view, panel):
            assert screen_region.contains_region(widget.region), widget
        assert not view.region.overlaps(panel.region)
        assert panel.region.y >= view.region.bottom
        assert "¶ 1/24" in header(app)

        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: screen.has_class("-wide"), what="the wide layout")
        await pilot.pause()
        assert not screen.has_class("-narrow")
        assert not view.region.overlaps(panel.region)
        assert panel.region.x >= view.region.right
        assert panel.region.y == view.region.y
        assert panel.region.height == view.region.height > 20
        assert screen.region.contains_region(panel.region)


# --- search and help -------------------------------------------------------------------------


def mentions(app: FactmarkApp, number: int, needle: str) -> bool:
    """Whether paragraph ``number``'s text or one of its claims holds ``needle``."""
    session = app.session
    assert session is not None
    if needle in session.article.paragraph(number).text:
        return True
    for claim in session.document.claims:
        if claim.paragraph != number:
            continue
        fields = [claim.quote, claim.note, *claim.tags]
        for source in claim.sources:
            fields += [source.url or "", source.citation, source.title, source.quote]
        if any(needle in field for field in fields):
            return True
    return False


async def test_search_jumps_to_the_paragraph_and_n_steps(app: FactmarkApp) -> None:
    needle = "1,212"
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        total = len(session.article.paragraphs)
        expected = [n for n in range(1, total + 1) if mentions(app, n, needle)]
        assert len(expected) >= 3
        await go_to_paragraph(pilot, screen, 4)

        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and app.focused is search
        await type_text(pilot, needle)
        await pilot.press("enter")
        assert not search.display
        first = next(n for n in expected if n >= 4)
        assert screen.view.current == first
        assert needle in session.article.paragraph(first).text
        assert f"¶ {first}/{total}" in header(app)

        # n walks the hits in order, wrapping round; N steps back.
        index = expected.index(first)
        visited = [first]
        for _ in range(100):
            await pilot.press("n")
            if screen.view.current != visited[-1]:
                visited.append(screen.view.current)
            if len(visited) > len(expected):
                break
        assert visited == expected[index:] + expected[:index] + [first]
        await pilot.press("N")
        assert screen.view.current == expected[index - 1]


DOCUMENTED_KEYS = [
    "j",
    "down",
    "k",
    "up",
    "g",
    "home",
    "G",
    "end",
    "a",
    "tab",
    "shift+tab",
    "e",
    "enter",
    "l",
    "d",
    "u",
    "ctrl+z",
    "ctrl+y",
    "/",
    "ctrl+s",
    "?",
    "q",
]
"""Every key of the README's key table (but ``r``, see the next test)."""


async def help_keys(pilot: Pilot[int], app: FactmarkApp) -> set[str]:
    """Open the help, scroll through all of it, and return the keys its key column names."""
    await pilot.press("question_mark")
    help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    scroller = help_screen.query_one("#help")
    lines: list[str] = []
    for _ in range(50):
        lines += region_lines(app, scroller)
        if scroller.scroll_y >= scroller.max_scroll_y:
            break
        await pilot.press("pagedown")
    column = next(line.index("Next paragraph") for line in lines if "paragraph" in line)
    keys: set[str] = set()
    for line in lines:
        cell = BOX.sub("", line[:column]).strip()
        keys.update(key.strip() for key in re.split(r"\s*,\s*|\s+/\s+", cell) if key.strip())
    await pilot.press("escape")
    assert app.screen is not help_screen
    return keys


async def test_help_lists_every_key_and_escape_closes_it(app: FactmarkApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen, _session = await opened(pilot)
        keys = await help_keys(pilot, app)
        missing = [key for key in DOCUMENTED_KEYS if key not in keys]
        assert missing == [], f"not in the help: {missing}"
        assert app.screen is screen
