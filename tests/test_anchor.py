"""Anchoring (docs/design.md §5): finding each claim's exact quote, and refreshing the hints."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from builders import document
from factmark import typography
from factmark.anchor import (
    ORPHAN,
    Anchor,
    attach,
    context,
    locate,
    locate_all,
    refresh,
)
from factmark.article import Article
from factmark.model import CONTEXT_LENGTH, AnnotationFile, Claim, Source
from factmark.store import loading
from factmark.vocabulary import AnchorState

ROOT = Path(__file__).parents[1]
SEED_PATH = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"
SEED = Article.read(SEED_PATH)
CREATED = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
UPDATED = datetime(2026, 11, 27, 11, 30, 0, tzinfo=UTC)


def occurrences(text: str, part: str) -> list[int]:
    """Every offset where ``part`` starts in ``text``, overlapping ones included."""
    found, position = [], text.find(part)
    while position >= 0:
        found.append(position)
        position = text.find(part, position + 1)
    return found


def claim_at(
    article: Article,
    number: int,
    quote: str,
    occurrence: int = 0,
    claim_id: str = "aaaa11",
) -> Claim:
    """A claim on the ``occurrence``-th ``quote`` of paragraph ``number``, as saved."""
    paragraph = article.paragraph(number)
    start = occurrences(paragraph.text, quote)[occurrence]
    bare = Claim(
        id=claim_id,
        quote=quote,
        verdict="disputed",
        confidence="medium",
        note="Checked against KSHPW.",
        created=CREATED,
        updated=UPDATED,
        sources=[Source(citation="Interfax, 13 June", stance="supports")],
    )
    anchor = Anchor(AnchorState.ANCHORED, number, start, start + len(quote), quote)
    return attach(bare, article, anchor)


def without_hints(claim: Claim) -> Claim:
    return claim.model_copy(update={"paragraph": None, "start": None})


def insert_paragraph(article: Article, before: int, text: str) -> Article:
    """The article with a new paragraph ``text`` standing before paragraph ``before``."""
    offset = article.paragraph(before).offset
    return Article(article.text[:offset] + text + "\n\n" + article.text[offset:])


def absolute(article: Article, anchor: Anchor) -> int:
    assert anchor.paragraph is not None and anchor.start is not None
    return article.paragraph(anchor.paragraph).offset + anchor.start


SEED_DOCUMENT = loading.load(SEED_ANNOTATIONS).document


def seed_document() -> AnnotationFile:
    return SEED_DOCUMENT


# --- anchored where the hints say ---------------------------------------------


def test_a_claim_at_its_hints_with_agreeing_context_is_anchored() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies")
    assert (claim.paragraph, claim.start) == (3, 50)
    assert claim.prefix == ", Russia reportedly transferred "
    assert claim.suffix == " of deceased Ukrainian soldiers "
    assert locate(claim, SEED) == Anchor(AnchorState.ANCHORED, 3, 50, 62, "1,200 bodies")


def test_every_claim_of_the_seed_fact_check_is_anchored() -> None:
    anchors = locate_all(seed_document(), SEED)
    assert len(anchors) == 20
    assert {anchor.state for anchor in anchors.values()} == {AnchorState.ANCHORED}


def test_refreshing_the_seed_fact_check_changes_nothing_but_is_idempotent() -> None:
    seed = seed_document()
    assert refresh(seed, SEED) == seed
    assert refresh(refresh(seed, SEED), SEED) == seed


def test_context_is_up_to_32_code_points_inside_the_paragraph() -> None:
    third = SEED.paragraph(3)
    assert context(third, 0, 18) == ("", ", Russia reportedly transferred ")
    prefix, suffix = context(third, 50, 55)
    assert len(prefix) == len(suffix) == CONTEXT_LENGTH
    assert context(third, 160, len(third.text)) == (third.text[128:160], "")


# --- the seed headline, printed twice ----------------------------------------


def test_each_headline_claim_of_the_seed_anchors_to_its_own_paragraph() -> None:
    seed = seed_document()
    curly, straight = seed.claim("77m6vs"), seed.claim("wah0cm")
    assert "’" in curly.quote and "'" in straight.quote
    assert locate(curly, SEED) == Anchor(AnchorState.ANCHORED, 1, 21, 99, curly.quote)
    assert locate(straight, SEED) == Anchor(AnchorState.ANCHORED, 2, 21, 99, straight.quote)
    # Without hints, the apostrophe alone tells them apart.
    assert locate(without_hints(curly), SEED).paragraph == 1
    assert locate(without_hints(straight), SEED).paragraph == 2


def test_words_shared_by_both_headlines_are_told_apart_by_their_context() -> None:
    first = claim_at(SEED, 1, "Behind Closed Doors", claim_id="head01")
    second = claim_at(SEED, 2, "Behind Closed Doors", claim_id="head02")
    assert first.suffix != second.suffix
    for claim, number in ((first, 1), (second, 2)):
        assert locate(claim, SEED).state is AnchorState.ANCHORED
        found = locate(without_hints(claim), SEED)
        assert (found.state, found.paragraph, found.start) == (AnchorState.MOVED, number, 0)
    # Hints that point at the other headline do not win over the context.
    swapped = first.model_copy(update={"paragraph": 2})
    found = locate(swapped, SEED)
    assert (found.state, found.paragraph) == (AnchorState.MOVED, 1)


# --- a short quote that occurs several times ----------------------------------

FIGURE_PARAGRAPHS = (3, 10, 16)
"""The paragraphs of the seed in which "1,200" stands."""


def test_the_figure_1200_stands_in_three_paragraphs_of_the_seed() -> None:
    assert [p.number for p in SEED.paragraphs if "1,200" in p.text] == list(FIGURE_PARAGRAPHS)
    assert len(occurrences(SEED.text, "1,200")) == 3


@pytest.mark.parametrize("number", FIGURE_PARAGRAPHS)
def test_a_short_quote_is_told_apart_by_prefix_and_suffix(number: int) -> None:
    claim = claim_at(SEED, number, "1,200")
    assert locate(claim, SEED).state is AnchorState.ANCHORED
    found = locate(without_hints(claim), SEED)
    assert (found.state, found.paragraph, found.start) == (
        AnchorState.MOVED,
        number,
        claim.start,
    )


@pytest.mark.parametrize("number", FIGURE_PARAGRAPHS)
@pytest.mark.parametrize("hinted", FIGURE_PARAGRAPHS)
def test_context_beats_nearness_to_the_old_position(number: int, hinted: int) -> None:
    claim = claim_at(SEED, number, "1,200")
    # Hints that point exactly at another occurrence of the same figure.
    other = claim_at(SEED, hinted, "1,200")
    misled = claim.model_copy(update={"paragraph": other.paragraph, "start": other.start})
    found = locate(misled, SEED)
    assert found.paragraph == number
    assert found.state is (AnchorState.ANCHORED if hinted == number else AnchorState.MOVED)


TWINS = Article(
    "Interfax reported the transfer.\n\n"
    "The 1,200 figure came from Interfax.\n\n"
    "Medinsky gave another.\n\n"
    "The 1,200 figure came from Interfax."
)


@pytest.mark.parametrize("number", [2, 4])
def test_nearness_to_the_old_position_breaks_a_tie_of_context(number: int) -> None:
    claim = claim_at(TWINS, number, "1,200", claim_id=f"twin{number}")
    assert claim.start == 4
    stale = claim.model_copy(update={"start": 6})  # the hint is off by two code points
    found = locate(stale, TWINS)
    assert (found.state, found.paragraph, found.start) == (AnchorState.MOVED, number, 4)


def test_without_any_hint_a_tie_of_context_goes_to_the_first_in_the_article() -> None:
    claim = without_hints(claim_at(TWINS, 4, "1,200"))
    found = locate(claim, TWINS)
    assert (found.state, found.paragraph) == (AnchorState.MOVED, 2)


# --- moved --------------------------------------------------------------------


def test_a_paragraph_inserted_above_makes_the_claim_moved_with_fresh_hints() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies")
    edited = insert_paragraph(SEED, 3, "Editor's note: this story was updated on June 14.")
    found = locate(claim, edited)
    assert found == Anchor(AnchorState.MOVED, 4, 50, 62, "1,200 bodies")
    (refreshed,) = refresh(document(claim), edited).claims
    assert (refreshed.paragraph, refreshed.start) == (4, 50)
    assert (refreshed.quote, refreshed.prefix, refreshed.suffix) == (
        claim.quote,
        claim.prefix,
        claim.suffix,
    )
    assert refreshed.state is None
    assert refreshed.updated == UPDATED
    assert refreshed.model_copy(update={"paragraph": 3}) == claim


def test_every_seed_claim_moves_when_a_paragraph_is_inserted_at_the_top() -> None:
    edited = Article("Correction appended.\n\n" + SEED.text)
    seed = seed_document()
    anchors = locate_all(seed, edited)
    for claim in seed.claims:
        anchor = anchors[claim.id]
        assert anchor.state is AnchorState.MOVED, claim.id
        assert claim.paragraph is not None
        assert (anchor.paragraph, anchor.start) == (claim.paragraph + 1, claim.start)


def test_words_inserted_before_the_quote_in_its_paragraph_move_it() -> None:
    claim = claim_at(SEED, 7, "1,212 bodies")
    text = SEED.text.replace("The announcement came", "The widely reported announcement came")
    found = locate(claim, Article(text))
    assert found.state is AnchorState.MOVED
    assert claim.start is not None
    assert (found.paragraph, found.start) == (7, claim.start + len("widely reported "))


def test_a_long_quote_found_once_is_trusted_though_its_context_changed() -> None:
    claim = claim_at(SEED, 3, "Russia reportedly transferred 1,200 bodies of deceased Ukrainian")
    text = SEED.text.replace("On Friday, June 13, Russia", "On Saturday, June 14,\nRussia")
    text = text.replace("soldiers to Ukrainian authorities", "soldiers to the authorities")
    found = locate(claim, Article(text))
    assert found.state is AnchorState.MOVED
    assert (found.paragraph, found.start) == (3, len("On Saturday, June 14,\n"))


# --- hints never decide alone -------------------------------------------------


def test_the_same_words_at_the_same_offset_of_another_paragraph_are_not_anchored() -> None:
    claim = claim_at(SEED, 10, "1,200")
    assert (claim.paragraph, claim.start) == (10, 114)
    # A new paragraph ¶10 with "1,200" at offset 114 too, in other words.
    decoy = "x" * 100 + " it says that 1,200 prisoners were never exchanged at all."
    assert decoy.index("1,200") == 114
    edited = insert_paragraph(SEED, 10, decoy)
    assert edited.paragraph(10).text[114:119] == "1,200"
    found = locate(claim, edited)
    assert (found.state, found.paragraph, found.start) == (AnchorState.MOVED, 11, 114)


def test_a_claim_ending_its_paragraph_is_not_anchored_where_a_paragraph_goes_on() -> None:
    original = Article("Intro.\n\nMedinsky said Russia returned 1,200 bodies.\n\nEnd.")
    claim = claim_at(original, 2, "Russia returned 1,200 bodies.")
    assert (claim.prefix, claim.suffix) == ("Medinsky said ", "")  # the paragraph ends there
    # A paragraph inserted above repeats the sentence, then goes on.
    edited = insert_paragraph(original, 2, "Medinsky said Russia returned 1,200 bodies. He erred.")
    assert edited.paragraph(2).text[14:43] == claim.quote
    found = locate(claim, edited)
    assert (found.state, found.paragraph, found.start) == (AnchorState.MOVED, 3, 14)


def test_a_claim_starting_its_paragraph_is_not_anchored_where_text_now_precedes() -> None:
    original = Article("Intro.\n\n1,200 bodies were returned, said Interfax.\n\nEnd.")
    claim = claim_at(original, 2, "1,200 bodies")
    assert claim.prefix == ""  # the paragraph starts there
    edited = insert_paragraph(original, 2, "No: 1,200 bodies were returned, said Interfax.")
    # Hints that point at the same words, with the same suffix, in the new paragraph.
    stale = claim.model_copy(update={"start": 4})
    found = locate(stale, edited)
    assert (found.state, found.paragraph, found.start) == (AnchorState.MOVED, 3, 0)


def test_a_hand_written_claim_without_context_goes_by_its_hints() -> None:
    # As in tests/data/good.toml: "1,200 bodies" stands in ¶3 and ¶10, no context given.
    bare = Claim(id="aaaa11", quote="1,200 bodies", paragraph=3, start=50)
    assert locate(bare, SEED) == Anchor(AnchorState.ANCHORED, 3, 50, 62, "1,200 bodies")
    assert locate(without_hints(bare), SEED) == ORPHAN  # two matches, nothing to choose by


def test_a_hand_written_partial_context_still_finds_the_quote() -> None:
    claim = Claim(id="aaaa11", quote="1,200 bodies", prefix="transferred ", paragraph=3, start=50)
    found = locate(claim, SEED)
    assert (found.paragraph, found.start) == (3, 50)
    assert found.state.trusted


def test_a_quote_edited_away_is_not_moved_onto_another_occurrence() -> None:
    claim = claim_at(SEED, 3, "1,200")
    # ¶3 now says 1,212: the "1,200" of ¶10 and ¶16 stand in other sentences.
    text = SEED.text.replace("transferred 1,200 bodies", "transferred 1,212 bodies")
    edited = Article(text)
    assert len(occurrences(edited.text, "1,200")) == 2
    assert locate(claim, edited) == ORPHAN
    assert locate(without_hints(claim), edited) == ORPHAN
    (kept,) = refresh(document(claim), edited).claims
    assert kept.state == "orphan"
    assert kept.model_copy(update={"state": None}) == claim


@pytest.mark.parametrize("number", FIGURE_PARAGRAPHS)
def test_no_occurrence_of_a_short_figure_takes_over_another(number: int) -> None:
    claim = claim_at(SEED, number, "1,200")
    paragraph = SEED.paragraph(number)
    assert claim.start is not None
    at = paragraph.offset + claim.start
    edited = Article(SEED.text[:at] + "1,300" + SEED.text[at + 5 :])
    assert locate(claim, edited) == ORPHAN


def test_a_changed_digit_is_never_moved() -> None:
    claim = claim_at(SEED, 7, "1,212 bodies of Ukrainian servicemen")
    edited = Article(SEED.text.replace("1,212 bodies", "1,213 bodies"))
    assert locate(claim, edited) == ORPHAN


def test_a_quote_that_is_gone_is_orphan() -> None:
    claim = claim_at(SEED, 5, "has not returned a single body")
    edited = Article(SEED.text.replace("a single body", "any body"))
    assert locate(claim, edited) == ORPHAN


def test_an_orphan_anchor_cannot_be_attached() -> None:
    claim = claim_at(SEED, 3, "1,200")
    with pytest.raises(ValueError, match="without a position"):
        attach(claim, SEED, ORPHAN)


# --- refresh ------------------------------------------------------------------


def test_refresh_keeps_every_claim_and_records_the_orphans() -> None:
    found = claim_at(SEED, 3, "1,200 bodies", claim_id="found1")
    lost = claim_at(SEED, 7, "27 bodies", claim_id="lost01")
    moved = claim_at(SEED, 10, "KSHPW", claim_id="moved1")
    edited = insert_paragraph(SEED, 1, "UPDATED.")
    edited = Article(edited.text.replace("27 bodies", "no bodies"))
    before = AnnotationFile(
        article="../seeds/a.txt", claims=[found, lost, moved], article_sha256="0" * 64
    )
    after = refresh(before, edited)
    assert [claim.id for claim in after.claims] == ["found1", "lost01", "moved1"]
    assert after.article_sha256 == edited.sha256 != SEED.sha256
    assert after.article == before.article
    by_id = {claim.id: claim for claim in after.claims}
    assert by_id["lost01"].state == "orphan"
    assert by_id["lost01"].model_copy(update={"state": None}) == lost  # everything kept
    assert (by_id["found1"].paragraph, by_id["found1"].start) == (4, 50)
    assert by_id["moved1"].paragraph == 11
    for claim in after.claims:
        assert claim.updated == UPDATED
        assert claim.created == CREATED
        assert claim.verdict == "disputed"
        assert claim.sources == found.sources


def test_refresh_clears_a_recorded_state_once_the_quote_is_found_again() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies").model_copy(update={"state": "orphan"})
    (refreshed,) = refresh(document(claim), SEED).claims
    assert refreshed.state is None
    assert refreshed.updated == UPDATED


def test_refresh_records_orphan_over_changed_when_nothing_is_found() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies").model_copy(update={"state": "changed"})
    edited = Article(SEED.text.replace("1,200", "1,300"))
    (refreshed,) = refresh(document(claim), edited).claims
    assert refreshed.state == "orphan"


def test_refresh_uses_given_anchors() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies")
    (refreshed,) = refresh(document(claim), SEED, {claim.id: ORPHAN}).claims
    assert refreshed.state == "orphan"
    (refreshed,) = refresh(document(claim), SEED, {}).claims  # a claim not located
    assert refreshed.state == "orphan"


def test_refresh_fills_the_context_of_a_hand_written_claim() -> None:
    bare = Claim(id="bbbb22", quote="1,212 bodies")
    (refreshed,) = refresh(document(bare), SEED).claims
    text = SEED.paragraph(7).text
    start, end = text.index("1,212 bodies"), text.index("1,212 bodies") + 12
    assert (refreshed.paragraph, refreshed.start) == (7, start)
    assert (
        refreshed.prefix
        == text[start - CONTEXT_LENGTH : start]
        == "at Ukraine had already handed over "[-32:]
    )
    assert refreshed.suffix == text[end : end + CONTEXT_LENGTH]


# --- properties ---------------------------------------------------------------

FOREIGN = "αβγδεζηθικλμνξοπρστυφχψωжщ😀🇺🇦"
"""Characters the seed article does not hold: inserted text never forms a quote."""

inserted_text = st.lists(
    st.sampled_from([*FOREIGN, "ωμέγα ", "\u3000", "\n", "\n\n", "\n\u3000\n", "жж.\n\n"]),
    min_size=1,
    max_size=30,
).map("".join)


@st.composite
def seed_claims(draw: st.DrawFn) -> Claim:
    """A claim on some span of the seed whose quote and context stand nowhere else."""
    number = draw(st.integers(1, len(SEED.paragraphs)))
    paragraph = SEED.paragraph(number)
    start = draw(st.integers(0, len(paragraph.text) - 1))
    end = draw(st.integers(start + 1, min(len(paragraph.text), start + 80)))
    quote = paragraph.text[start:end]
    assume(quote.strip())
    claim = claim_at(SEED, number, quote, occurrences(paragraph.text, quote).index(start))
    assert claim.start == start
    # Text that stands twice, context and all, cannot be told apart: leave it out.
    assume(len(occurrences(SEED.text, claim.prefix + quote + claim.suffix)) == 1)
    return claim


def assert_refreshed_soundly(
    before: AnnotationFile, after: AnnotationFile, article: Article
) -> None:
    """Every claim kept, in order, its quote unchanged (but for typography: a space
    inserted beside a space makes a run of spaces, the same text), and either found or
    orphan."""
    assert [claim.id for claim in after.claims] == [claim.id for claim in before.claims]
    for old, new in zip(before.claims, after.claims, strict=True):
        assert new.quote == old.quote or typography.normal(new.quote) == typography.normal(
            old.quote
        )
        assert new.updated == old.updated
        if new.state is None:
            assert new.paragraph is not None and new.start is not None
            text = article.paragraph(new.paragraph).text
            assert text[new.start : new.start + len(new.quote)] == new.quote
        else:
            assert new.state == "orphan"
            assert new.model_copy(update={"state": None}) == old.model_copy(update={"state": None})


@given(seed_claims(), inserted_text, st.data())
def test_text_inserted_away_from_a_quote_and_its_context_never_loses_it(
    claim: Claim, inserted: str, data: st.DataObject
) -> None:
    assert claim.paragraph is not None and claim.start is not None
    at = SEED.paragraph(claim.paragraph).offset + claim.start
    end = at + len(claim.quote)
    positions = []
    if at >= CONTEXT_LENGTH:
        positions.append(st.integers(0, at - CONTEXT_LENGTH))
    if end + CONTEXT_LENGTH <= len(SEED.text):
        positions.append(st.integers(end + CONTEXT_LENGTH, len(SEED.text)))
    assume(positions)
    position = data.draw(st.one_of(positions))
    edited = Article(SEED.text[:position] + inserted + SEED.text[position:])

    expected = at + len(inserted) if position <= at else at
    found = locate(claim, edited)
    assert found.state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert absolute(edited, found) == expected
    assert found.found == claim.quote

    before = SEED_DOCUMENT.model_copy(update={"claims": [*SEED_DOCUMENT.claims, claim]})
    after = refresh(before, edited)
    assert_refreshed_soundly(before, after, edited)
    ours = after.claims[-1]
    assert ours.state is None
    assert ours.quote == claim.quote
    assert ours.paragraph is not None and ours.start is not None
    assert edited.paragraph(ours.paragraph).offset + ours.start == expected
    # The context is refreshed from the text: up to 32 code points of the paragraph on
    # each side, the same as before unless the insertion moved a paragraph's edge that
    # stood within it ("\nα\n" joins two paragraphs).
    text = edited.paragraph(ours.paragraph).text
    preceding, following = text[: ours.start], text[ours.start + len(ours.quote) :]
    assert preceding.endswith(ours.prefix) and following.startswith(ours.suffix)
    assert len(ours.prefix) == min(CONTEXT_LENGTH, len(preceding))
    assert len(ours.suffix) == min(CONTEXT_LENGTH, len(following))
    assert ours.prefix.endswith(claim.prefix) and ours.suffix.startswith(claim.suffix)


@given(inserted_text, st.integers(0, len(SEED.text)))
@example("\u3000", 160)  # an ideographic space beside a space, inside the headline's quote
def test_text_inserted_anywhere_keeps_every_claim_and_every_quote(
    inserted: str, position: int
) -> None:
    edited = Article(SEED.text[:position] + inserted + SEED.text[position:])
    before = seed_document()
    after = refresh(before, edited)
    assert_refreshed_soundly(before, after, edited)
    assert after.article_sha256 == edited.sha256
