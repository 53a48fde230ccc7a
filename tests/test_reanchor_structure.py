"""Re-anchoring judged by the article's structure and through typography (docs/design.md §5).

A paragraph inserted above shifts every paragraph number: "the same place" for a
changed claim is the paragraph that corresponds to its old one, not the old number.
A CMS that straightens quotes or dashes changes no claim: typographic variants are
the same text for anchoring.
"""

from __future__ import annotations

import pytest

from builders import document
from factmark.anchor import locate, locate_all, refresh
from factmark.article import Article
from factmark.vocabulary import AnchorState
from test_anchor import SEED, SEED_DOCUMENT, claim_at, insert_paragraph

NOTE = "Editor's note: this article was updated to correct a figure."
SERVICEMEN = "1,212 bodies of Ukrainian servicemen"


@pytest.mark.parametrize("inserted", [1, 2, 3])
def test_a_digit_edit_after_inserted_paragraphs_is_changed_not_orphan(inserted: int) -> None:
    edited = SEED
    for _ in range(inserted):
        edited = insert_paragraph(edited, 1, NOTE)
    edited = Article(edited.text.replace("1,212 bodies", "1,213 bodies"))
    anchors = locate_all(SEED_DOCUMENT, edited, fuzzy=True)
    old = next(c for c in SEED_DOCUMENT.claims if SERVICEMEN in c.quote)
    assert old.paragraph == 7
    anchor = anchors[old.id]
    assert anchor.state is AnchorState.CHANGED
    assert anchor.paragraph == old.paragraph + inserted
    assert anchor.found == old.quote.replace("1,212", "1,213")
    # Every other claim simply moved down.
    for claim in SEED_DOCUMENT.claims:
        if claim.id != old.id and "1,212" not in claim.quote:
            assert anchors[claim.id].state is AnchorState.MOVED, claim.quote
            assert anchors[claim.id].paragraph == (claim.paragraph or 0) + inserted


def test_one_claim_alone_follows_its_paragraph_by_its_own_context() -> None:
    # With no other claim to show the shift, the words around it, agreeing whole on
    # both sides, show that the neighbouring paragraph is its own, edited.
    claim = claim_at(SEED, 7, SERVICEMEN)
    edited = insert_paragraph(SEED, 1, NOTE)
    edited = Article(edited.text.replace("1,212 bodies", "1,213 bodies"))
    anchor = locate(claim, edited, fuzzy=True)
    assert (anchor.state, anchor.paragraph) == (AnchorState.CHANGED, 8)
    assert anchor.found == "1,213 bodies of Ukrainian servicemen"


def test_a_look_alike_in_a_far_paragraph_still_never_captures_after_an_insertion() -> None:
    text = "Lead.\n\nPolls show twelve percent back the plan, the survey found.\n\nMore.\n\n"
    text += "Filler paragraph.\n\n" * 5
    text += "Polls show eleven percent back the plan, the survey found."
    article = Article(text)
    claim = claim_at(article, 2, "twelve percent back the plan")
    lead = claim_at(article, 1, "Lead.", claim_id="lead01")
    more = claim_at(article, 3, "More.", claim_id="more01")
    doc = document(claim, lead, more)
    edited = text.replace("Polls show twelve percent back the plan, the survey found.\n\n", "")
    edited = "A new paragraph.\n\n" + edited
    anchors = locate_all(doc, Article(edited), fuzzy=True)
    assert anchors[claim.id].state is AnchorState.ORPHAN


# --- typography -----------------------------------------------------------------

STRAIGHTENED = SEED.text.replace("’", "'").replace("‘", "'").replace("—", "-")


def test_straightened_quotes_and_dashes_keep_every_claim_anchored_in_place() -> None:
    anchors = locate_all(SEED_DOCUMENT, Article(STRAIGHTENED), fuzzy=True)
    for claim in SEED_DOCUMENT.claims:
        anchor = anchors[claim.id]
        assert anchor.state is AnchorState.ANCHORED, claim.quote
        assert (anchor.paragraph, anchor.start) == (claim.paragraph, claim.start)


def test_a_straightened_quote_is_refreshed_to_the_articles_text() -> None:
    after = refresh(SEED_DOCUMENT, Article(STRAIGHTENED), fuzzy=True)
    quotes = {c.quote for c in after.claims}
    assert "Vladimir Medinsky, Russia's presidential assistant" in quotes
    assert not any("’" in quote for quote in quotes)
    assert all(claim.state is None for claim in after.claims)


def test_straightened_after_a_paragraph_inserted_above_is_moved_not_changed() -> None:
    edited = Article(insert_paragraph(SEED, 1, NOTE).text.replace("’", "'"))
    anchors = locate_all(SEED_DOCUMENT, edited, fuzzy=True)
    medinsky = next(c for c in SEED_DOCUMENT.claims if c.quote.startswith("Vladimir Medinsky"))
    anchor = anchors[medinsky.id]
    assert (anchor.state, anchor.paragraph) == (AnchorState.MOVED, 8)
    assert anchor.found == "Vladimir Medinsky, Russia's presidential assistant"
    states = {a.state for a in anchors.values()}
    assert AnchorState.CHANGED not in states


def test_curly_quotes_put_in_by_a_cms_keep_a_straight_claim_anchored() -> None:
    article = Article('Intro.\n\nThe mayor said "it\'s over" -- twice.\n\nEnd.')
    claim = claim_at(article, 2, 'The mayor said "it\'s over"')
    curly = Article("Intro.\n\nThe mayor said “it’s over” -- twice.\n\nEnd.")
    anchor = locate(claim, curly, fuzzy=True)
    assert anchor.state is AnchorState.ANCHORED
    assert anchor.found == "The mayor said “it’s over”"


def test_non_breaking_and_doubled_spaces_are_the_same_text() -> None:
    article = Article("Intro.\n\nTurnout was 61 percent in 2024, officials said.\n\nEnd.")
    claim = claim_at(article, 2, "Turnout was 61 percent in 2024")
    spaced = Article("Intro.\n\nTurnout was 61\u00a0percent in  2024, officials said.\n\nEnd.")
    anchor = locate(claim, spaced, fuzzy=True)
    assert anchor.state is AnchorState.ANCHORED
    assert anchor.found == "Turnout was 61\u00a0percent in  2024"


def test_typography_never_hides_a_changed_figure() -> None:
    article = Article("Intro.\n\nRussia’s army lost 1,200 tanks, the report said.\n\nEnd.")
    claim = claim_at(article, 2, "Russia’s army lost 1,200 tanks")
    edited = Article("Intro.\n\nRussia's army lost 1,212 tanks, the report said.\n\nEnd.")
    assert locate(claim, edited, fuzzy=True).state is AnchorState.CHANGED


# --- structure that already behaves: kept so ---------------------------------------


def test_a_split_paragraph_keeps_every_claim_found() -> None:
    paragraph = SEED.paragraph(7).text
    cut = paragraph.index("Medinsky claimed")
    edited = Article(SEED.text.replace(paragraph, paragraph[:cut] + "\n\n" + paragraph[cut:]))
    anchors = locate_all(SEED_DOCUMENT, edited, fuzzy=True)
    assert all(a.state.trusted for a in anchors.values())


def test_merged_paragraphs_keep_every_claim_found() -> None:
    first, second = SEED.paragraph(6).text, SEED.paragraph(7).text
    edited = Article(SEED.text.replace(first + "\n\n" + second, first + " " + second))
    anchors = locate_all(SEED_DOCUMENT, edited, fuzzy=True)
    assert all(a.state.trusted for a in anchors.values())


def test_a_sentence_moved_to_another_paragraph_is_moved() -> None:
    claim = claim_at(SEED, 7, SERVICEMEN)
    paragraph = SEED.paragraph(7).text
    start = paragraph.index("Medinsky claimed")
    sentence = paragraph[start : paragraph.index("soldiers.", start) + len("soldiers.")]
    edited = SEED.text.replace(sentence, "").replace(
        SEED.paragraph(9).text, SEED.paragraph(9).text + " " + sentence
    )
    anchor = locate(claim, Article(edited), fuzzy=True)
    assert anchor.state is AnchorState.MOVED
    assert anchor.paragraph == 9
