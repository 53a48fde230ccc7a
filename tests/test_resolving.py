"""Where a copy edit leaves the claims it changed or orphaned, and what re-attaching starts
on: the session's rules, without a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import seed_copy
from factmark.article import Article
from factmark.resolving import candidate
from factmark.session import Session
from factmark.vocabulary import AnchorState

CHANGED = "rp7nsu"  # "Medinsky claimed … 1,212 bodies …", ¶7 of four claims
TALKS = (
    "The talks, conducted in Russian and lasting just over an hour, reportedly reached an "
    "agreement on the exchange of prisoners and the return of fallen soldiers under a "
    "formula described as ‘6,000 for 6,000.’ "
)  # ¶12's first sentence, with both of its claims


@pytest.fixture
def session(tmp_path: Path) -> Session:
    """The seed after a copy edit: a paragraph on top, a figure changed, a sentence cut."""

    def copy_edit(text: str) -> str:
        text = "Editor’s note: updated.\n\n" + text.replace("1,212 bodies", "1,213 bodies")
        return text.replace(TALKS, "")

    article, annotations = seed_copy(tmp_path, copy_edit)
    return Session.open(Article.read(article), annotations, author="Test", lock=False)


def test_a_changed_claim_is_shown_where_its_new_text_is_among_its_paragraphs_claims(
    session: Session,
) -> None:
    placed = session.placement(CHANGED)
    assert placed is not None and placed.state is AnchorState.CHANGED
    assert (placed.paragraph, placed.looked_in) == (8, 8)
    shown = [claim.id for claim in session.shown_in(8)]
    assert shown == ["clzy8p", "9wyz8a", CHANGED, "wnjef9"]  # by position, as in the text
    assert CHANGED not in {claim.id for claim in session.claims_in(8)}  # not found exactly
    text = session.article.paragraph(8).text
    start, end = text.index("Medinsky claimed"), text.index(" servicemen") + len(" servicemen")
    assert candidate(session.claim(CHANGED), session.article, placed) == (8, start, end)


def test_an_orphan_is_shown_in_the_paragraph_that_stands_where_its_own_stood(
    session: Session,
) -> None:
    orphans = [c for c in session.unresolved() if session.anchor(c.id).found is None]
    assert len(orphans) == 2 and all(claim.paragraph == 12 for claim in orphans)
    for orphan in orphans:
        placed = session.placement(orphan.id)
        assert placed is not None and (placed.paragraph, placed.looked_in) == (13, 13)
        spot = candidate(orphan, session.article, placed)
        assert spot is not None and spot[0] == 13
    assert [claim.id for claim in session.shown_in(13)] == [claim.id for claim in orphans]
    assert session.shown_in(12) == session.claims_in(12)  # the old number: another paragraph


def test_reattaching_to_other_words_can_send_the_verdict_back_to_pending(
    session: Session,
) -> None:
    base = session.claim(CHANGED)
    text = session.article.paragraph(8).text
    start = text.index("Medinsky claimed")
    end = start + len(base.quote)
    assert session.reattach_as_shown(base, 8, start, end, keep_verdict=False) == []
    assert session.claim(CHANGED).verdict == "pending"
    session.undo()
    assert session.reattach_as_shown(base, 8, start, end) == []  # kept by default
    assert session.claim(CHANGED).verdict == base.verdict
