"""Every edit of a session, its undo and its redo, without a terminal: the document
after each step, the document before it back on undo, and the claim each step selects."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builders import seed_copy
from documents import edited
from factmark.anchor import locate
from factmark.article import Article
from factmark.assist.contradictions import Candidate, candidates
from factmark.assist.offered import open_candidates
from factmark.model import AnnotationFile, Claim, Link
from factmark.session import Edit, Session
from factmark.store import writer
from factmark.vocabulary import AnchorState

TRANSFER = "ssae7t"  # "Russia reportedly transferred 1,200 bodies …" in ¶3
DATES = "4ksxaf"  # "On Friday, June 13" in ¶3
LOST = "gt8jj0"  # "has not returned a single body …" in ¶5
HEADLINES = Link.model_validate({"from": "77m6vs", "to": "wah0cm", "kind": "duplicates"})


def open_session(tmp_path: Path, copy_edit: Callable[[str], str] = str) -> Session:
    """The seed fact-check, its article copy-edited by ``copy_edit``."""
    article, annotations = seed_copy(tmp_path, copy_edit)
    return Session.open(Article.read(article), annotations, author="Me", lock=False)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return open_session(tmp_path)


def step(session: Session, edit: Callable[[], object]) -> Edit:
    """Make one edit; check that undo gives back the document before it and redo the one
    after it; returns the step recorded."""
    before = session.document
    edit()
    after = session.document
    assert after != before
    recorded = session.undo()
    assert recorded is not None
    assert (recorded.before, recorded.after) == (before, after)
    assert session.document == before
    assert session.redo() is recorded
    assert session.document == after
    assert session.undo_stack[-1] is recorded and session.redo_stack == []
    return recorded


def ids(document: AnnotationFile) -> list[str]:
    return [claim.id for claim in document.claims]


def test_adding_a_claim_appends_it_and_selects_it(session: Session) -> None:
    text = session.article.paragraph(3).text
    start = text.index("1,200 bodies")
    added: list[Claim] = []
    edit = step(session, lambda: added.append(session.add_claim(3, start, start + 12)))
    (claim,) = added
    assert ids(session.document) == [*ids(edit.before), claim.id]
    assert (claim.quote, claim.paragraph, claim.start, claim.author) == (
        "1,200 bodies",
        3,
        start,
        "Me",
    )
    assert session.document.claims[-1] == claim
    assert (edit.description, edit.selected, edit.selected_undone) == (
        "add claim",
        claim.id,
        claim.id,
    )


def test_updating_a_claim_changes_only_its_fields_and_selects_it(session: Session) -> None:
    old = session.claim(DATES)
    edit = step(session, lambda: session.update_claim(DATES, verdict="disputed", note="Thursday?"))
    new = session.claim(DATES)
    assert (new.verdict, new.note) == ("disputed", "Thursday?")
    assert (
        new.model_copy(update={"verdict": old.verdict, "note": old.note, "updated": old.updated})
        == old
    )
    assert new.updated is not None and old.updated is not None
    assert new.updated > old.updated
    assert [c for c in session.document.claims if c.id != DATES] == [
        c for c in edit.before.claims if c.id != DATES
    ]
    assert (edit.description, edit.selected, edit.selected_undone) == ("edit claim", DATES, DATES)


def test_an_update_that_changes_nothing_is_no_step(session: Session) -> None:
    before = session.document
    session.update_claim(DATES, verdict=session.claim(DATES).verdict)
    assert session.document is before
    assert session.undo_stack == []


def test_deleting_a_claim_takes_its_links_and_undo_selects_it_again(session: Session) -> None:
    touching = [link for link in session.document.links if link.touches(TRANSFER)]
    assert len(touching) == 2
    edit = step(session, lambda: session.delete_claim(TRANSFER))
    assert TRANSFER not in ids(session.document)
    assert ids(session.document) == [i for i in ids(edit.before) if i != TRANSFER]
    assert session.document.links == [link for link in edit.before.links if link not in touching]
    assert (edit.description, edit.selected, edit.selected_undone) == (
        "delete claim",
        None,
        TRANSFER,
    )


def test_linking_and_unlinking_select_the_linking_claim(session: Session) -> None:
    link = Link.model_validate({"from": DATES, "to": TRANSFER, "kind": "supports", "note": "n"})
    edit = step(session, lambda: session.add_link(DATES, TRANSFER, "supports", "n"))
    assert session.document.links == [*edit.before.links, link]
    assert session.document.claims == edit.before.claims
    assert (edit.description, edit.selected) == ("link (supports)", DATES)

    edit = step(session, lambda: session.remove_link(HEADLINES))
    assert HEADLINES.key in {existing.key for existing in edit.before.links}
    assert session.document.links == [
        existing for existing in edit.before.links if existing.key != HEADLINES.key
    ]
    assert (edit.description, edit.selected) == ("remove link", "77m6vs")


def test_accepting_a_changed_claim_takes_the_new_text_and_sets_pending(tmp_path: Path) -> None:
    session = open_session(
        tmp_path, lambda text: text.replace("transferred 1,200", "transferred 1,212")
    )
    assert session.anchor(TRANSFER).state is AnchorState.CHANGED
    base = session.claim(TRANSFER)
    edit = step(session, lambda: session.accept_as_shown(base))
    claim = session.claim(TRANSFER)
    assert claim.quote == base.quote.replace("1,200", "1,212")
    assert (claim.verdict, claim.paragraph, claim.start, claim.state) == (
        "pending",
        3,
        base.start,
        None,
    )
    assert (edit.description, edit.selected) == ("re-attach claim", TRANSFER)


def test_reattaching_a_changed_claim_to_a_selection_keeps_its_verdict(tmp_path: Path) -> None:
    session = open_session(
        tmp_path, lambda text: text.replace("transferred 1,200", "transferred 1,212")
    )
    assert session.anchor(TRANSFER).state is AnchorState.CHANGED
    base = session.claim(TRANSFER)
    text = session.article.paragraph(3).text
    start = text.index("1,212 bodies")
    edit = step(session, lambda: session.reattach_as_shown(base, 3, start, start + 12))
    claim = session.claim(TRANSFER)
    assert (claim.quote, claim.paragraph, claim.start) == ("1,212 bodies", 3, start)
    assert (claim.verdict, claim.state) == (base.verdict, None)
    assert (edit.description, edit.selected) == ("re-attach claim", TRANSFER)


def test_reattaching_an_orphan_to_a_selection_keeps_its_verdict(tmp_path: Path) -> None:
    def cut(text: str) -> str:
        return text.replace("has not returned a single body of a Russian soldier", "has sent none")

    session = open_session(tmp_path, cut)
    assert session.anchor(LOST).state is AnchorState.ORPHAN
    base = session.claim(LOST)
    text = session.article.paragraph(5).text
    start = text.index("has sent none")
    edit = step(session, lambda: session.reattach_as_shown(base, 5, start, start + 13))
    claim = session.claim(LOST)
    assert (claim.quote, claim.paragraph, claim.start) == ("has sent none", 5, start)
    assert (claim.verdict, claim.state) == (base.verdict, None)
    assert (edit.description, edit.selected) == ("re-attach claim", LOST)


def test_merging_with_the_disk_takes_both_sides_and_undo_gives_mine_back(session: Session) -> None:
    theirs = edited(session.saved, DATES, note="Their note.")
    writer.save(theirs, session.path)
    session.update_claim(TRANSFER, verdict="disputed")
    mine = session.document
    edit = step(session, lambda: session.merge_with_disk())
    assert edit.before == mine
    assert (session.claim(DATES).note, session.claim(TRANSFER).verdict) == (
        "Their note.",
        "disputed",
    )
    assert ids(session.document) == ids(mine)
    assert (edit.description, edit.selected) == ("merge with the file on disk", None)


def where_found(session: Session) -> dict[str, object]:
    """What the editor is shown of where each claim is: its anchor, where an unresolved
    one belongs now, the claims under each paragraph, found and not found."""
    claims = session.document.claims
    paragraphs = range(1, len(session.article.paragraphs) + 1)
    return {
        "anchors": {claim.id: session.anchor(claim.id) for claim in claims},
        "placements": {claim.id: session.placement(claim.id) for claim in claims},
        "shown": {n: ids_of(session.shown_in(n)) for n in paragraphs},
        "found": {n: ids_of(session.claims_in(n)) for n in paragraphs},
        "trusted": ids_of(session.trusted()),
        "unresolved": ids_of(session.unresolved()),
        "changed": session.count_changed(),
    }


def ids_of(claims: list[Claim]) -> list[str]:
    return [claim.id for claim in claims]


def test_undo_and_redo_give_back_where_each_claim_was_found(tmp_path: Path) -> None:
    def copy_edit(text: str) -> str:
        text = text.replace("transferred 1,200", "transferred 1,212")
        return text.replace("has not returned a single body of a Russian soldier", "has sent none")

    session = open_session(tmp_path, copy_edit)
    assert session.anchor(TRANSFER).state is AnchorState.CHANGED
    assert session.anchor(LOST).state is AnchorState.ORPHAN
    text = session.article.paragraph(5).text
    start = text.index("has sent none")
    added: list[Claim] = []
    steps: list[Callable[[], object]] = [
        lambda: added.append(session.add_claim(3, 0, 10)),
        lambda: session.update_claim(added[0].id, note="A new claim."),
        lambda: session.accept_as_shown(session.claim(TRANSFER)),
        lambda: session.reattach_as_shown(session.claim(LOST), 5, start, start + 13),
        lambda: session.apply_dialog_edit(TRANSFER, session.claim(TRANSFER), {"note": "n"}),
    ]
    seen = [where_found(session)]
    for edit in steps:
        edit()
        seen.append(where_found(session))
        fresh = {claim.id: locate(claim, session.article, fuzzy=True)
                 for claim in session.document.claims}  # fmt: skip
        assert seen[-1]["anchors"] == fresh  # found afresh: where the step left them
    assert seen[3]["anchors"][TRANSFER].state is AnchorState.ANCHORED  # type: ignore[index]
    assert seen[4]["anchors"][LOST].state is AnchorState.ANCHORED  # type: ignore[index]
    for before in reversed(seen[:-1]):
        session.undo()
        assert where_found(session) == before
    for after in seen[1:]:
        session.redo()
        assert where_found(session) == after


def test_undoing_a_merge_gives_back_where_each_claim_was_found(tmp_path: Path) -> None:
    def cut(text: str) -> str:
        return text.replace("has not returned a single body of a Russian soldier", "has sent none")

    session = open_session(tmp_path, cut)
    theirs = Session.open(session.article, session.path, author="They", lock=False)
    text = theirs.article.paragraph(5).text
    start = text.index("has sent none")
    theirs.reattach_as_shown(theirs.claim(LOST), 5, start, start + 13)
    theirs.save()
    session.update_claim(DATES, note="My note.")
    mine = where_found(session)
    assert session.merge_with_disk() == []
    merged = where_found(session)
    assert session.anchor(LOST).state is AnchorState.ANCHORED
    session.undo()
    assert where_found(session) == mine
    session.redo()
    assert where_found(session) == merged


# --- sign-off -------------------------------------------------------------------------------


def test_signing_off_names_the_editor_keeps_updated_and_undoes(session: Session) -> None:
    old = session.claim(DATES)
    edit = step(session, lambda: session.sign_off(DATES))
    signed = session.claim(DATES)
    assert signed.signed_by == "Me" and signed.signed is not None
    assert signed.updated == old.updated  # the finding did not change
    assert (edit.description, edit.selected) == ("sign off", DATES)
    assert writer.dumps(session.document).startswith('format = "factmark/2"\n')


@pytest.mark.parametrize(
    "change",
    [{"verdict": "disputed"}, {"confidence": "high"}, {"sources": []}],
    ids=["verdict", "confidence", "sources"],
)
def test_a_change_to_what_was_signed_off_withdraws_it_in_the_same_step(
    session: Session, change: dict[str, object]
) -> None:
    session.sign_off(DATES)
    signed = session.document
    edit = step(session, lambda: session.update_claim(DATES, **change))
    assert not session.claim(DATES).signed_off
    assert edit.before == signed  # one step: undo gives the signed claim back
    session.undo()
    assert session.claim(DATES).signed_by == "Me"


def test_a_note_keeps_the_sign_off(session: Session) -> None:
    session.sign_off(DATES)
    session.update_claim(DATES, note="Checked against a calendar.")
    assert session.claim(DATES).signed_by == "Me"


def test_re_attaching_a_signed_claim_to_other_words_withdraws_the_sign_off(
    tmp_path: Path,
) -> None:
    session = open_session(tmp_path, lambda text: text.replace("1,200 bodies", "1,300 bodies", 1))
    session.sign_off(TRANSFER)
    claim = session.claim(TRANSFER)
    text = session.article.paragraph(3).text
    start = text.index("Russia reportedly")
    session.reattach_as_shown(claim, 3, start, start + len("Russia reportedly transferred"))
    assert session.claim(TRANSFER).quote == "Russia reportedly transferred"
    assert not session.claim(TRANSFER).signed_off


# --- contradiction candidates ----------------------------------------------------


def fresh_session(tmp_path: Path) -> Session:
    """The seed article with no annotation file yet."""
    article, annotations = seed_copy(tmp_path)
    annotations.unlink()
    return Session.open(Article.read(article), annotations, author="Me", lock=False)


def seed_candidates(session: Session) -> list[Candidate]:
    return candidates(session.article)


def test_accepting_a_candidate_quotes_both_sentences_and_links_them_in_one_step(
    tmp_path: Path,
) -> None:
    session = fresh_session(tmp_path)
    candidate = next(c for c in seed_candidates(session) if c.reason == "1,200 vs 1,212 bodies")
    edit = step(
        session, lambda: session.accept_candidate(candidate.b, candidate.a, candidate.reason)
    )
    first, second = session.document.claims
    assert (first.paragraph, first.start, first.quote) == (3, candidate.a.start, candidate.a.text)
    assert (second.paragraph, second.start, second.quote) == (
        7,
        candidate.b.start,
        candidate.b.text,
    )
    (link,) = session.document.links
    assert (link.source, link.target, link.kind) == (first.id, second.id, "contradicts")
    assert link.note == "1,200 vs 1,212 bodies"
    assert edit.selected == first.id
    assert {session.anchor(c.id).state for c in (first, second)} == {AnchorState.ANCHORED}
    assert session.candidate_accepted(candidate.a, candidate.b, candidate.reason)
    with pytest.raises(ValueError, match="already linked"):
        session.accept_candidate(candidate.a, candidate.b, candidate.reason)
    session.undo()
    assert session.document.claims == [] and session.document.links == []
    assert not session.candidate_accepted(candidate.a, candidate.b, candidate.reason)


def test_accepting_a_candidate_reuses_the_claims_that_carry_its_figures(session: Session) -> None:
    candidate = next(c for c in seed_candidates(session) if c.reason == "1,200 vs 1,212 bodies")
    pair = {TRANSFER, "rp7nsu"}
    linked = next(link for link in session.document.links if {link.source, link.target} == pair)
    session.remove_link(linked)
    claims = len(session.document.claims)
    step(session, lambda: session.accept_candidate(candidate.a, candidate.b, "1,212 vs 1,200"))
    assert len(session.document.claims) == claims  # not "On Friday, June 13" in ¶3
    link = session.document.links[-1]
    assert (link.source, link.target, link.note) == (TRANSFER, "rp7nsu", "1,212 vs 1,200")


def test_a_candidate_whose_claims_are_linked_is_accepted_already(session: Session) -> None:
    candidate = seed_candidates(session)[0]  # not a single body (¶5) vs 27 bodies (¶7)
    assert candidate.reason == "not a single body vs 27 bodies"
    assert session.candidate_accepted(candidate.a, candidate.b, candidate.reason)
    with pytest.raises(ValueError, match="already linked"):
        session.accept_candidate(candidate.a, candidate.b, candidate.reason)


def test_dismissing_a_candidate_remembers_it_in_article_order_in_one_step(
    tmp_path: Path,
) -> None:
    session = fresh_session(tmp_path)
    candidate = seed_candidates(session)[0]
    step(session, lambda: session.dismiss_candidate(candidate.b, candidate.a, candidate.reason))
    (dismissal,) = session.document.dismissed
    assert dismissal.quotes == [candidate.a.text, candidate.b.text]
    assert (dismissal.reason, dismissal.author) == (candidate.reason, "Me")
    assert dismissal.created is not None
    assert (
        open_candidates(seed_candidates(session), session.document.dismissed)
        == (seed_candidates(session)[1:])
    )
    with pytest.raises(ValueError, match="dismissed already"):
        session.dismiss_candidate(candidate.a, candidate.b, candidate.reason)
    session.save()
    assert session.path.read_text().startswith('format = "factmark/2"')
