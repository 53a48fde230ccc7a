"""A dialog's edit lands on the claim as it is now; a change on disk is merged by choice:
the session's rules, without a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import seed_copy
from documents import edited, without
from factmark.article import Article
from factmark.model import AnnotationFile, Link, Source
from factmark.session import Session
from factmark.store import loading, writer

DATES = "4ksxaf"  # "On Friday, June 13" in ¶3
TRANSFER = "ssae7t"  # "Russia reportedly transferred 1,200 bodies …" in ¶3
S1 = Source(citation="Ukrinform, 13 June", stance="supports")
S2 = Source(citation="Interfax, 14 June", stance="context")


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    return seed_copy(tmp_path)


@pytest.fixture
def session(paths: tuple[Path, Path]) -> Session:
    article, annotations = paths
    return Session.open(Article.read(article), annotations, author="Me", lock=False)


def colleague(session: Session, document: AnnotationFile) -> None:
    """Their version lands on disk and the session, having no changes, reloads it."""
    writer.save(document, session.path)
    session.reload()


# --- a dialog's edit ------------------------------------------------------------------


def test_an_edit_keeps_a_change_that_landed_while_the_dialog_was_open(session: Session) -> None:
    base = session.claim(DATES)
    colleague(session, edited(session.document, DATES, note="Their note."))
    assert session.apply_dialog_edit(DATES, base, {"verdict": "disputed"}) == []
    claim = session.claim(DATES)
    assert (claim.note, claim.verdict) == ("Their note.", "disputed")
    assert claim.updated != base.updated


def test_the_same_field_changed_both_ways_is_asked_and_nothing_applied_until_chosen(
    session: Session,
) -> None:
    base = session.claim(DATES)
    colleague(session, edited(session.document, DATES, note="Their note.", tags=["x"]))
    before = session.document
    changes = {"note": "My note.", "verdict": "disputed"}
    conflicts = session.apply_dialog_edit(DATES, base, changes)
    assert [(c.claim, c.key, c.ours, c.theirs) for c in conflicts] == [
        (DATES, "note", "My note.", "Their note.")
    ]
    assert session.document is before
    assert session.apply_dialog_edit(DATES, base, changes, ["theirs"]) == []
    claim = session.claim(DATES)
    assert (claim.note, claim.verdict, claim.tags) == ("Their note.", "disputed", ["x"])
    session.undo()
    assert session.apply_dialog_edit(DATES, base, changes, ["mine"]) == []
    assert session.claim(DATES).note == "My note."


def test_an_edit_of_a_claim_deleted_meanwhile_restores_it_or_is_dropped(session: Session) -> None:
    base = session.claim(DATES)
    colleague(session, without(session.document, DATES))
    conflicts = session.apply_dialog_edit(DATES, base, {"verdict": "disputed"})
    assert [(c.claim, c.key, c.ours, c.theirs) for c in conflicts] == [
        (DATES, "claim", "changed", "deleted")
    ]
    assert session.apply_dialog_edit(DATES, base, {"verdict": "disputed"}, ["theirs"]) == []
    assert DATES not in {c.id for c in session.document.claims}
    assert session.apply_dialog_edit(DATES, base, {"verdict": "disputed"}, ["mine"]) == []
    restored = session.claim(DATES)
    assert restored.verdict == "disputed" and restored.quote == base.quote
    assert session.anchor(DATES).state.trusted
    assert restored in session.claims_in(3)


def test_an_edited_source_and_a_source_added_meanwhile_are_both_kept(session: Session) -> None:
    start = edited(session.document, DATES, sources=[S1.model_dump()])
    colleague(session, start)
    base = session.claim(DATES)
    colleague(session, edited(start, DATES, sources=[S1.model_dump(), S2.model_dump()]))
    mine = S1.model_copy(update={"title": "Corrected"})
    assert session.apply_dialog_edit(DATES, base, {"sources": [mine]}) == []
    assert session.claim(DATES).sources == [mine, S2]


def test_one_source_edited_two_ways_is_asked_and_both_can_be_kept(session: Session) -> None:
    colleague(session, edited(session.document, DATES, sources=[S1.model_dump()]))
    base = session.claim(DATES)
    theirs = S1.model_copy(update={"title": "Theirs"})
    colleague(session, edited(session.document, DATES, sources=[theirs.model_dump()]))
    mine = S1.model_copy(update={"title": "Mine"})
    conflicts = session.apply_dialog_edit(DATES, base, {"sources": [mine]})
    assert [(c.key, c.ours, c.theirs) for c in conflicts] == [("sources", [mine], [theirs])]
    assert session.apply_dialog_edit(DATES, base, {"sources": [mine]}, ["both"]) == []
    assert session.claim(DATES).sources == [mine, theirs]


def test_a_link_to_a_claim_deleted_meanwhile_is_refused(session: Session) -> None:
    colleague(session, without(session.document, DATES))
    with pytest.raises(KeyError):
        session.add_link(TRANSFER, DATES, "supports")
    assert all(not k.touches(DATES) for k in session.document.links)


def test_a_link_added_meanwhile_is_not_added_twice(session: Session) -> None:
    link = Link.model_validate({"from": DATES, "to": TRANSFER, "kind": "qualifies"})
    colleague(
        session, session.document.model_copy(update={"links": [*session.document.links, link]})
    )
    with pytest.raises(ValueError, match="already linked"):
        session.add_link(DATES, TRANSFER, "qualifies")


# --- resolving a changed claim ----------------------------------------------------------


def copy_edit(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("transferred 1,200 bodies", "transferred 1,300 bodies"), "utf-8"
    )


def test_accepting_new_text_keeps_a_note_that_landed_meanwhile(paths: tuple[Path, Path]) -> None:
    copy_edit(paths[0])
    session = Session.open(Article.read(paths[0]), paths[1], author="Me", lock=False)
    base = session.claim(TRANSFER)
    colleague(session, edited(session.document, TRANSFER, note="Their note."))
    assert session.accept_as_shown(base) == []
    claim = session.claim(TRANSFER)
    assert "1,300" in claim.quote and claim.verdict == "pending" and claim.note == "Their note."
    assert session.anchor(TRANSFER).state.trusted


def test_deleting_a_claim_that_changed_meanwhile_asks(session: Session) -> None:
    base = session.claim(DATES)
    colleague(session, edited(session.document, DATES, note="Their note."))
    conflicts = session.delete_as_shown(base)
    assert [(c.claim, c.key, c.ours, c.theirs) for c in conflicts] == [
        (DATES, "claim", "deleted", "changed")
    ]
    assert session.delete_as_shown(base, ["theirs"]) == []
    assert session.claim(DATES).note == "Their note."
    assert session.delete_as_shown(base, ["mine"]) == []
    assert DATES not in {c.id for c in session.document.claims}


# --- merging with the file on disk --------------------------------------------------------


def test_a_merge_with_a_conflict_applies_nothing_until_each_is_chosen(session: Session) -> None:
    theirs = edited(edited(session.document, DATES, note="Their note."), TRANSFER, tags=["theirs"])
    writer.save(theirs, session.path)
    session.update_claim(DATES, note="My note.")
    session.update_claim(TRANSFER, tags=["mine"])
    mine = session.document
    conflicts = session.merge_with_disk()
    assert [(c.claim, c.key) for c in conflicts] == [(DATES, "note"), (TRANSFER, "tags")]
    assert session.document is mine
    assert session.merge_with_disk(conflicts, ["theirs", "both"]) == []
    assert session.claim(DATES).note == "Their note."
    assert session.claim(TRANSFER).tags == ["mine", "theirs"]
    assert session.saved == loading.load(session.path).document


def test_a_merge_asks_again_when_the_file_changed_after_the_question(session: Session) -> None:
    writer.save(edited(session.document, DATES, note="Their note."), session.path)
    session.update_claim(DATES, note="My note.")
    conflicts = session.merge_with_disk()
    writer.save(edited(session.document, DATES, note="Their second note."), session.path)
    again = session.merge_with_disk(conflicts, ["mine"])
    assert [c.theirs for c in again] == ["Their second note."]
    assert session.claim(DATES).note == "My note."
    assert session.merge_with_disk(again, ["theirs"]) == []
    assert session.claim(DATES).note == "Their second note."


def test_keeping_mine_lists_each_field_of_theirs_it_would_lose(session: Session) -> None:
    writer.save(
        without(edited(session.document, DATES, note="Their note."), TRANSFER), session.path
    )
    session.update_claim(DATES, verdict="disputed")
    lost = session.lost_by_keeping_mine()
    assert [(c.claim, c.key, c.theirs) for c in lost[:2]] == [
        (DATES, "note", "Their note."),
        (TRANSFER, "claim", "deleted"),
    ]
    links = [c for c in lost[2:] if c.link is not None]  # deleted with the claim
    assert links == lost[2:] and links
    assert all(TRANSFER in c.link[:2] and c.theirs == "deleted" for c in links if c.link)


def test_reattaching_keeps_a_change_that_landed_meanwhile_and_asks_for_a_deleted_claim(
    session: Session,
) -> None:
    base = session.claim(DATES)
    colleague(session, edited(session.document, DATES, note="Their note."))
    text = session.article.paragraph(3).text
    start = text.index("June 13")
    assert session.reattach_as_shown(base, 3, start, start + len("June 13")) == []
    claim = session.claim(DATES)
    assert (claim.quote, claim.note, claim.verdict) == ("June 13", "Their note.", base.verdict)
    assert session.anchor(DATES).state.trusted

    colleague(session, without(session.document, DATES))
    conflicts = session.reattach_as_shown(base, 3, start, start + 7)
    assert [(c.key, c.theirs) for c in conflicts] == [("claim", "deleted")]
    assert session.reattach_as_shown(base, 3, start, start + 7, ["mine"]) == []
    assert session.claim(DATES).quote == "June 13"


def test_each_step_names_the_claim_to_select_done_and_undone(session: Session) -> None:
    """A delete undone brings its claim back to select; an add redone, the added claim."""
    claim = session.document.claims[1]
    session.delete_claim(claim.id)
    deleted = session.undo()
    assert deleted is not None
    assert (deleted.selected, deleted.selected_undone) == (None, claim.id)
    added = session.add_claim(claim.paragraph or 1, 0, 3)
    session.undo()
    redone = session.redo()
    assert redone is not None and redone.selected == added.id
