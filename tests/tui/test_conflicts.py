"""A colleague's change that lands while a dialog is open is never lost, and where both
changed the same thing the editor is shown both values and chooses."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import (
    NARROW,
    WIDE,
    AppFactory,
    Workspace,
    flowed,
    opened,
    region_lines,
    screen_lines,
    settled,
    wait_for_screen,
    wait_until,
)
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from documents import edited, without
from factmark.model import AnnotationFile, Claim, Link, Source
from factmark.session import Session
from factmark.store import loading, writer
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.claim_editor import ClaimEditor
from factmark.tui.screens.conflicts import ConflictScreen
from factmark.tui.screens.link_picker import LinkPicker
from factmark.tui.screens.source_editor import SourceEditor
from factmark.tui.screens.unresolved import UnresolvedScreen

THEIR_NOTE = "Their note:\nchecked against the Interfax wire."
TRANSFER = "ssae7t"  # "Russia reportedly transferred 1,200 bodies …" in ¶3


def on_disk(path: Path) -> AnnotationFile:
    return loading.load(path).document


async def colleague(
    pilot: Pilot[int], session: Session, path: Path, document: AnnotationFile
) -> None:
    """Their version lands on disk (a git pull); wait until the session has reloaded it."""
    writer.save(document, path)
    await wait_until(pilot, lambda: session.saved.sorted() == document.sorted(), what="the reload")


async def edit_third_paragraph(pilot: Pilot[int], app: FactmarkApp) -> tuple[Session, Claim]:
    """Open the editor on the first claim of ¶3, as the editor would."""
    screen, session = await opened(pilot)
    await pilot.press("g", "j", "j")
    await settled(pilot)
    assert screen.selected is not None
    claim = session.claim(screen.selected)
    await pilot.press("e")
    await wait_for_screen(pilot, ClaimEditor)
    return session, claim


async def notes_both_ways(
    pilot: Pilot[int], app: FactmarkApp, path: Path, *keys: str
) -> tuple[Session, Claim]:
    """Their note lands while the editor is open; mine differs; save: the question."""
    session, claim = await edit_third_paragraph(pilot, app)
    await colleague(pilot, session, path, edited(on_disk(path), claim.id, note=THEIR_NOTE))
    app.screen.query_one("#note", TextArea).text = "My note."
    await pilot.press(*keys, "ctrl+s")
    await wait_for_screen(pilot, ConflictScreen)
    return session, claim


def notices(app: FactmarkApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def dialog_text(app: FactmarkApp) -> str:
    return flowed(region_lines(app, app.screen.query_one("#conflicts"), content=True))


# --- the claim editor ---------------------------------------------------------------


async def test_a_note_that_lands_while_the_editor_is_open_is_kept_with_the_edit(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    async with app.run_test(size=WIDE) as pilot:
        session, claim = await edit_third_paragraph(pilot, app)
        await colleague(pilot, session, path, edited(on_disk(path), claim.id, note=THEIR_NOTE))
        await pilot.press("d", "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)  # no question: nothing conflicted
        now = session.claim(claim.id)
        assert (now.note, now.verdict) == (THEIR_NOTE, "disputed")
        await wait_until(pilot, lambda: not session.dirty, what="the save")
        saved = on_disk(path).claim(claim.id)
        assert (saved.note, saved.verdict) == (THEIR_NOTE, "disputed")


@pytest.mark.parametrize(("key", "kept"), [("t", THEIR_NOTE), ("m", "My note.")])
async def test_the_same_note_changed_both_ways_shows_both_and_keeps_the_choice(
    app: FactmarkApp, workspace: Workspace, key: str, kept: str
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        session, claim = await notes_both_ways(pilot, app, workspace.annotation_path, "d")
        shown = dialog_text(app)
        assert f"“{claim.quote}” (¶3): its note" in shown
        assert "mine: My note." in shown
        assert "theirs: Their note: checked against the Interfax wire." in shown
        assert claim.id not in flowed(screen_lines(app))
        assert session.claim(claim.id).note == THEIR_NOTE  # nothing decided yet

        await pilot.press(key, "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        now = session.claim(claim.id)
        assert (now.note, now.verdict) == (kept, "disputed")


async def test_an_edit_of_a_claim_deleted_meanwhile_can_restore_it(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    async with app.run_test(size=WIDE) as pilot:
        session, claim = await edit_third_paragraph(pilot, app)
        await colleague(pilot, session, path, without(on_disk(path), claim.id))
        await pilot.press("d", "ctrl+s")
        await wait_for_screen(pilot, ConflictScreen)
        shown = dialog_text(app)
        assert f"“{claim.quote}” (¶3): the claim itself" in shown
        assert "theirs: deleted it" in shown
        assert "m ○ keep the claim, with my changes" in shown
        assert "t ○ leave the claim deleted" in shown
        await pilot.press("m", "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        assert session.claim(claim.id).verdict == "disputed"
        assert session.claim(claim.id).paragraph == 3 and session.anchor(claim.id).state.trusted


async def test_escape_in_the_question_goes_back_to_the_editor_with_my_values(
    app: FactmarkApp, workspace: Workspace
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        session, claim = await notes_both_ways(pilot, app, workspace.annotation_path)
        await pilot.press("escape")
        editor = await wait_for_screen(pilot, ClaimEditor)
        assert editor.query_one("#note", TextArea).text == "My note."
        assert session.claim(claim.id).note == THEIR_NOTE


async def test_a_new_claim_saved_while_a_change_landed_keeps_both(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await opened(pilot)
        count = len(session.document.claims)
        await pilot.press("g", "a", "enter")
        await wait_for_screen(pilot, ClaimEditor)
        last = session.document.claims[-1]
        await colleague(pilot, session, path, edited(on_disk(path), last.id, note=THEIR_NOTE))
        await pilot.press("d", "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        assert len(session.document.claims) == count + 1
        assert session.claim(last.id).note == THEIR_NOTE
        assert screen.selected is not None and session.claim(screen.selected).verdict == "disputed"


# --- the source editor -------------------------------------------------------------------


async def test_a_source_added_in_the_editor_and_one_added_meanwhile_are_both_kept(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    theirs = Source(citation="Their wire copy", stance="context")
    async with app.run_test(size=WIDE) as pilot:
        session, claim = await edit_third_paragraph(pilot, app)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, SourceEditor)
        await pilot.press("tab")
        assert isinstance(app.focused, Input) and app.focused.id == "citation"
        await pilot.press(*"My source")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ClaimEditor)
        disk = on_disk(path)
        their_sources = [*disk.claim(claim.id).sources, theirs]
        await colleague(pilot, session, path, edited(disk, claim.id, sources=their_sources))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        citations = [source.citation for source in session.claim(claim.id).sources]
        assert citations == [s.citation for s in claim.sources] + ["My source", theirs.citation]


# --- the link picker -------------------------------------------------------------------


async def test_a_link_to_a_claim_deleted_while_the_picker_was_open_is_not_made(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await edit_third_paragraph(pilot, app)
        await pilot.press("escape")
        session = app.session
        assert session is not None
        await pilot.press("l")
        picker = await wait_for_screen(pilot, LinkPicker)
        options = picker.query_one(OptionList)
        target = session.claim(str(options.get_option_at_index(options.highlighted or 0).id))
        links = session.document.links
        await colleague(pilot, session, path, without(on_disk(path), target.id))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="back")
        assert session.document.links == [k for k in links if not k.touches(target.id)]
        said = f"“{target.quote[:20]}"
        assert any(said in n and "was deleted meanwhile" in n for n in notices(app))


async def test_a_link_added_meanwhile_is_not_made_twice(
    app: FactmarkApp, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        _session, claim = await edit_third_paragraph(pilot, app)
        await pilot.press("escape")
        session = app.session
        assert session is not None
        await pilot.press("l")
        picker = await wait_for_screen(pilot, LinkPicker)
        options = picker.query_one(OptionList)
        target = str(options.get_option_at_index(options.highlighted or 0).id)
        await pilot.press("enter")
        await wait_for_screen(pilot, ChoiceScreen)
        kind = str(app.screen.query_one(OptionList).get_option_at_index(0).id)
        link = Link.model_validate({"from": claim.id, "to": target, "kind": kind})
        disk = on_disk(path)
        if link.key not in {k.key for k in disk.links}:
            await colleague(
                pilot, session, path, disk.model_copy(update={"links": [*disk.links, link]})
            )
        links = session.document.links
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
        assert session.document.links == links
        assert any(n.startswith(f"Not linked: “{claim.quote[:20]}") for n in notices(app))


# --- the resolution dialog -----------------------------------------------------------------


def copy_edit(workspace: Workspace) -> None:
    text = workspace.article_path.read_text(encoding="utf-8")
    text = text.replace("transferred 1,200 bodies", "transferred 1,300 bodies")
    workspace.article_path.write_text(text, encoding="utf-8")


@pytest.fixture
def copy_edited(make_app: AppFactory, workspace: Workspace) -> FactmarkApp:
    """The app on the seed after a copy edit changed the text of TRANSFER's claim."""
    copy_edit(workspace)
    return make_app()


async def open_resolutions(
    pilot: Pilot[int], app: FactmarkApp, path: Path
) -> tuple[AnnotateScreen, Session]:
    """The list of claims to resolve (the copy edit changed TRANSFER's text) is open."""
    screen, session = await opened(pilot)
    await pilot.press("c")
    listing = await wait_for_screen(pilot, UnresolvedScreen)
    assert listing.claims[0].id == TRANSFER
    return screen, session


async def test_deleting_a_changed_claim_that_changed_meanwhile_asks_first(
    copy_edited: FactmarkApp, workspace: Workspace
) -> None:
    path, app = workspace.annotation_path, copy_edited
    async with app.run_test(size=WIDE) as pilot:
        _screen, session = await open_resolutions(pilot, app, path)
        quote = session.claim(TRANSFER).quote
        await colleague(pilot, session, path, edited(on_disk(path), TRANSFER, note=THEIR_NOTE))
        await pilot.press("d")
        await wait_for_screen(pilot, ConflictScreen)
        shown = dialog_text(app)
        assert f"“{quote[:20]}" in shown and "(¶3): the claim itself" in shown
        assert "mine: deleted it" in shown and "theirs: changed it" in shown
        await pilot.press("t", "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        assert session.claim(TRANSFER).note == THEIR_NOTE


async def test_accepting_the_new_text_of_a_claim_deleted_meanwhile_asks_first(
    copy_edited: FactmarkApp, workspace: Workspace
) -> None:
    path, app = workspace.annotation_path, copy_edited
    async with app.run_test(size=WIDE) as pilot:
        _screen, session = await open_resolutions(pilot, app, path)
        await colleague(pilot, session, path, without(on_disk(path), TRANSFER))
        await pilot.press("a")
        await wait_for_screen(pilot, ConflictScreen)
        assert "theirs: deleted it" in dialog_text(app)
        await pilot.press("t", "ctrl+s")  # leave it deleted
        assert isinstance(app.screen, AnnotateScreen)
        assert TRANSFER not in {c.id for c in session.document.claims}
        assert not session.dirty and app.is_running


async def test_reattaching_a_claim_deleted_meanwhile_can_restore_it(
    copy_edited: FactmarkApp, workspace: Workspace
) -> None:
    path, app = workspace.annotation_path, copy_edited
    async with app.run_test(size=WIDE) as pilot:
        screen, session = await open_resolutions(pilot, app, path)
        base = session.claim(TRANSFER)
        await pilot.press("r")  # re-attach: the selection starts on the new text
        await wait_until(pilot, lambda: screen.selecting, what="the selection")
        await colleague(pilot, session, path, without(on_disk(path), TRANSFER))
        await pilot.press("enter")
        await wait_for_screen(pilot, ChoiceScreen)  # other words: the verdict, as on accepting
        await pilot.press("down", "enter")  # keep it
        await wait_for_screen(pilot, ConflictScreen)
        assert f"{base.quote[:20]}" in dialog_text(app) and "theirs: deleted it" in dialog_text(app)
        await pilot.press("m", "ctrl+s")  # restore it, attached where I selected
        assert isinstance(app.screen, AnnotateScreen)
        restored = session.claim(TRANSFER)
        assert restored.paragraph == screen.current and restored.note == base.note
        assert session.anchor(TRANSFER).state.trusted


# --- a merge with the file on disk ------------------------------------------------------------


async def merge_question(
    pilot: Pilot[int], app: FactmarkApp, path: Path
) -> tuple[Session, Claim, Claim]:
    """Mine and theirs change one claim's note and one claim's tags (each replacing a tag)."""
    _screen, session = await opened(pilot)
    noted, tagged = session.document.claims[2], session.document.claims[0]
    assert tagged.tags, "the story needs a claim with a tag"
    theirs = edited(on_disk(path), noted.id, note=THEIR_NOTE)
    theirs = edited(theirs, tagged.id, tags=["their-tag"])
    session.update_claim(noted.id, note="My note.")
    session.update_claim(tagged.id, tags=["my-tag"])
    assert app.annotate_screen is not None
    app.annotate_screen.edited()
    writer.save(theirs, path)
    await wait_for_screen(pilot, ChoiceScreen, "the question about the file")
    return session, noted, tagged


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_a_merge_shows_each_conflict_by_quote_and_applies_each_choice(
    make_app: AppFactory, workspace: Workspace, size: tuple[int, int]
) -> None:
    path = workspace.annotation_path
    app = make_app(save_delay=60.0, watch_interval=0.2)
    async with app.run_test(size=size) as pilot:
        session, noted, tagged = await merge_question(pilot, app, path)
        mine = session.document
        await pilot.press("enter")  # merge
        dialog = await wait_for_screen(pilot, ConflictScreen)
        assert session.document is mine  # nothing merged before the editor chooses
        shown = flowed(screen_lines(app))
        for claim_id in (noted.id, tagged.id):
            assert claim_id not in shown
        blocks = list(zip(dialog.query(".conflict"), dialog.pickers, strict=True))
        assert len(blocks) == 2
        texts = [
            flowed(region_lines(app, block) + region_lines(app, picker)) for block, picker in blocks
        ]
        note_block = next(t for t in texts if "its note" in t)
        assert f"(¶{noted.paragraph}): its note" in note_block
        assert "mine: My note." in note_block and "theirs: Their note:" in note_block
        tag_block = next(t for t in texts if "its tags" in t)
        assert "mine: my-tag" in tag_block and "theirs: their-tag" in tag_block
        assert "b ○ keep both" in tag_block and "keep both" not in note_block
        footer = screen_lines(app)[-1]  # the dialog's own keys
        assert all(key in footer for key in ("Apply choices", "Not now", "Mine", "Theirs"))

        first_is_note = texts[0] is note_block
        await pilot.press(*(["t", "b"] if first_is_note else ["b", "t"]))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        assert session.claim(noted.id).note == THEIR_NOTE
        assert session.claim(tagged.id).tags == ["my-tag", "their-tag"]
        await pilot.press("ctrl+s")
        started = time.monotonic()
        await wait_until(pilot, lambda: not session.dirty, what="the merged version saved")
        assert time.monotonic() - started < 2
        assert on_disk(path).claim(noted.id).note == THEIR_NOTE


async def test_a_merge_left_for_later_keeps_theirs_and_asks_again_at_the_next_save(
    make_app: AppFactory, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    app = make_app(save_delay=60.0, watch_interval=0.2)
    async with app.run_test(size=WIDE) as pilot:
        session, noted, _tagged = await merge_question(pilot, app, path)
        theirs = on_disk(path)
        mine = session.document
        await pilot.press("enter")
        await wait_for_screen(pilot, ConflictScreen)
        await pilot.press("t", "escape")  # one chosen, then "not now": nothing decided
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.pause(0.6)  # the watcher does not ask again and again
        assert isinstance(app.screen, AnnotateScreen)
        assert session.document is mine
        assert on_disk(path) == theirs
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ChoiceScreen, "the question, again")
        assert on_disk(path) == theirs
        assert session.claim(noted.id).note == "My note."


async def test_keep_mine_lists_what_it_loses_by_quote_field_and_value_at_80x24(
    make_app: AppFactory, workspace: Workspace
) -> None:
    path = workspace.annotation_path
    app = make_app(save_delay=60.0, watch_interval=0.2)
    async with app.run_test(size=NARROW) as pilot:
        screen, session = await opened(pilot)
        theirs = on_disk(path)
        changed = theirs.claims[:6]
        for claim in changed:
            theirs = edited(theirs, claim.id, note=f"{claim.note} Checked again by the desk.")
        session.update_claim(session.document.claims[-1].id, verdict="pending")
        screen.edited()
        writer.save(theirs, path)
        await wait_for_screen(pilot, ChoiceScreen, "the question about the file")
        await pilot.press("down", "down", "enter")
        await wait_until(pilot, lambda: "will be lost" in flowed(screen_lines(app)), what="it")
        confirm = await wait_for_screen(pilot, ChoiceScreen)
        question = confirm.query_one(".dialog-question")
        shown = flowed(region_lines(app, question, content=True))
        assert shown.startswith("Write your version anyway? 6 changes of theirs will be lost:")
        for claim in changed[:4]:
            assert f"(¶{claim.paragraph}): its note; theirs: {claim.note[:12]}" in shown
        assert "… and 2 more" in shown
        assert all(claim.id not in shown for claim in changed)
        options = confirm.query_one(OptionList)
        assert options.region.bottom <= NARROW[1] - 1  # the answers are on the screen
        assert "Write mine anyway" in flowed(screen_lines(app))
        assert on_disk(path) == theirs
