"""Re-anchoring after copy edits (docs/design.md §5): fuzzy ``changed``, ``factmark reanchor``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factmark.anchor import locate, locate_all, refresh
from factmark.article import Article
from factmark.checking import check_file
from factmark.cli import main
from factmark.fuzzy import MIN_FUZZY_SCORE, fuzzy_candidates
from factmark.model import CONTEXT_LENGTH, AnnotationFile, Claim
from factmark.store import loading
from factmark.vocabulary import AnchorState
from test_anchor import SEED, SEED_DOCUMENT, claim_at, insert_paragraph, without_hints

ROOT = Path(__file__).parents[1]
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"

TRANSFER = "Russia reportedly transferred 1,200 bodies of deceased Ukrainian soldiers"


def fuzzy(claim: Claim, text: str) -> tuple[AnchorState, int | None, str | None]:
    anchor = locate(claim, Article(text), fuzzy=True)
    return anchor.state, anchor.paragraph, anchor.found


# --- the copy-edit cases ------------------------------------------------------


def test_unchanged_text_anchors_every_claim_with_fuzzy_on() -> None:
    anchors = locate_all(SEED_DOCUMENT, SEED, fuzzy=True)
    assert {anchor.state for anchor in anchors.values()} == {AnchorState.ANCHORED}


def test_a_paragraph_inserted_above_moves_the_claim() -> None:
    claim = claim_at(SEED, 3, TRANSFER)
    edited = insert_paragraph(SEED, 2, "Editor's note: updated.")
    assert fuzzy(claim, edited.text) == (AnchorState.MOVED, 4, TRANSFER)


def test_a_word_changed_outside_the_quote_keeps_it() -> None:
    claim = claim_at(SEED, 3, "1,200 bodies")
    state, paragraph, found = fuzzy(claim, SEED.text.replace("On Friday", "On Saturday"))
    assert state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert (paragraph, found) == (3, "1,200 bodies")


def test_a_word_and_a_digit_changed_inside_the_quote_is_changed_never_moved() -> None:
    claim = claim_at(SEED, 3, TRANSFER)
    text = SEED.text.replace("reportedly transferred 1,200", "apparently transferred 1,212")
    new = "Russia apparently transferred 1,212 bodies of deceased Ukrainian soldiers"
    assert fuzzy(claim, text) == (AnchorState.CHANGED, 3, new)
    # Without fuzzy matching, the exact stages alone call it orphan, never moved.
    assert locate(claim, Article(text)).state is AnchorState.ORPHAN


def test_a_changed_figure_in_a_short_quote_is_changed_in_place() -> None:
    claim = claim_at(SEED, 3, "1,200")
    text = SEED.text.replace("transferred 1,200 bodies", "transferred 1,212 bodies")
    assert fuzzy(claim, text) == (AnchorState.CHANGED, 3, "1,212")
    # Without hints, a changed figure cannot be placed: orphan, and the other
    # "1,200"s of ¶10 and ¶16 never take it.
    assert fuzzy(without_hints(claim), text)[0] is AnchorState.ORPHAN


def test_a_deleted_sentence_is_orphan() -> None:
    claim = claim_at(SEED, 5, "has not returned a single body")
    paragraph = SEED.paragraph(5).text
    edited = SEED.text.replace(paragraph, "Kyiv disputes the count.")
    assert fuzzy(claim, edited)[0] is AnchorState.ORPHAN


def test_a_paragraph_moved_moves_the_claim() -> None:
    claim = claim_at(SEED, 3, TRANSFER)
    third = SEED.paragraph(3).text
    text = SEED.text.replace(third + "\n\n", "")
    last = Article(text).paragraphs[-1]
    text = text[: last.end] + "\n\n" + third + text[last.end :]
    state, paragraph, found = fuzzy(claim, text)
    assert (state, paragraph, found) == (AnchorState.MOVED, len(SEED.paragraphs), TRANSFER)


def test_the_two_headlines_are_told_apart_and_an_edited_one_stays_in_place() -> None:
    curly, straight = SEED_DOCUMENT.claim("77m6vs"), SEED_DOCUMENT.claim("wah0cm")
    for claim, number in ((curly, 1), (straight, 2)):
        assert locate(without_hints(claim), SEED, fuzzy=True).paragraph == number
    # A copy edit to the second headline: changed in ¶2, never moved onto ¶1.
    second = SEED.paragraph(2)
    edited = (
        SEED.text[: second.offset]
        + second.text.replace("Asymmetry", "Imbalance")
        + SEED.text[second.end :]
    )
    assert locate(curly, Article(edited), fuzzy=True).state is AnchorState.ANCHORED
    # The two headlines differ by one apostrophe, so the edited one scores as well
    # against ¶1 (its neighbour, searched with it) as against ¶2: no trustworthy match,
    # orphan (never moved or changed onto ¶1, nor changed in ¶2 on a guess).
    assert fuzzy(straight, edited) == (AnchorState.ORPHAN, None, None)


@pytest.mark.parametrize("number", [3, 10, 16])
def test_a_short_figure_that_occurs_three_times_is_told_apart(number: int) -> None:
    claim = claim_at(SEED, number, "1,200")
    found = locate(without_hints(claim), SEED, fuzzy=True)
    assert (found.state, found.paragraph) == (AnchorState.MOVED, number)


NEIGHBOURS = Article(
    "Intro line here.\n\n"
    "The ministry said unemployment fell to twelve percent in May, a record low.\n\n"
    "In a separate release, the ministry said unemployment fell to eleven percent in "
    "April, economists noted.\n\n"
    "End."
)
OWN = "The ministry said unemployment fell to twelve percent in May, a record low."


def test_a_near_identical_neighbour_never_captures_a_claim_whose_text_is_gone() -> None:
    claim = claim_at(NEIGHBOURS, 2, "unemployment fell to twelve percent in May")
    assert fuzzy(claim, NEIGHBOURS.text.replace(OWN + "\n\n", ""))[0] is AnchorState.ORPHAN
    rewritten = NEIGHBOURS.text.replace(OWN, "Officials declined to comment.")
    assert fuzzy(claim, rewritten)[0] is AnchorState.ORPHAN
    # Edited in place, it is found in place: "changed", not the neighbour.
    edited = NEIGHBOURS.text.replace("twelve percent in May", "13 percent in May")
    assert fuzzy(claim, edited) == (
        AnchorState.CHANGED,
        2,
        "unemployment fell to 13 percent in May",
    )


def test_a_neighbour_with_the_same_words_around_it_elsewhere_does_not_capture() -> None:
    # Hypothesis #7571: the figure edited away, the same sentence with another
    # figure stands in a far paragraph, its context agreeing: never a move there.
    text = "Lead.\n\nPolls show twelve percent back the plan, the survey found.\n\nMore.\n\n"
    text += (
        "Filler paragraph.\n\n" * 5 + "Polls show eleven percent back the plan, the survey found."
    )
    article = Article(text)
    claim = claim_at(article, 2, "twelve percent back the plan")
    edited = text.replace("Polls show twelve percent back the plan, the survey found.\n\n", "")
    assert fuzzy(claim, edited)[0] is AnchorState.ORPHAN


# --- calibration --------------------------------------------------------------

CALIBRATION = [
    # (claim paragraph, quote, edit from, edit to, expected state)
    (3, TRANSFER, "reportedly transferred 1,200", "apparently transferred 1,212", "changed"),
    (3, "1,200", "transferred 1,200 bodies", "transferred 1,212 bodies", "changed"),
    (5, "has not returned a single body", "a single body", "any body", "changed"),
    (7, "1,212 bodies of Ukrainian servicemen", "1,212 bodies", "1,213 bodies", "changed"),
    (3, TRANSFER, TRANSFER, "Kyiv said nothing", "orphan"),
]


@pytest.mark.parametrize(("number", "quote", "old", "new", "expected"), CALIBRATION)
def test_calibration_cases(number: int, quote: str, old: str, new: str, expected: str) -> None:
    claim = claim_at(SEED, number, quote)
    edited = Article(SEED.text.replace(old, new))
    assert locate(claim, edited, fuzzy=True).state == expected
    scores = sorted((m.score for m in fuzzy_candidates(claim, edited)), reverse=True)
    if expected == "changed":
        # The accepted match clears the threshold, the rest are far below it.
        assert scores[0] >= MIN_FUZZY_SCORE > 0.7 > scores[1]
    else:
        assert scores[0] < 0.7


# --- properties ---------------------------------------------------------------

FOREIGN = "αβγδεζηθικλμνξοπρστυφχψωжщ"


@st.composite
def edits(draw: st.DrawFn) -> tuple[int, int, str]:
    """An edit of the seed text: replace [start, end) with new text."""
    start = draw(st.integers(0, len(SEED.text)))
    end = draw(st.integers(start, min(len(SEED.text), start + 60)))
    new = draw(st.lists(st.sampled_from([*FOREIGN, " ", "\n\n", "1", "A"]), max_size=20))
    return start, end, "".join(new)


def claim_span(claim: Claim) -> tuple[int, int]:
    assert claim.paragraph is not None and claim.start is not None
    at = SEED.paragraph(claim.paragraph).offset + claim.start
    return at - CONTEXT_LENGTH, at + len(claim.quote) + CONTEXT_LENGTH


@settings(max_examples=60, deadline=None)
@given(edits())
def test_an_edit_away_from_a_claim_and_its_context_leaves_it_found(
    edit: tuple[int, int, str],
) -> None:
    start, end, new = edit
    edited = Article(SEED.text[:start] + new + SEED.text[end:])
    anchors = locate_all(SEED_DOCUMENT, edited, fuzzy=True)
    for claim in SEED_DOCUMENT.claims:
        low, high = claim_span(claim)
        if end < low or start > high:
            # Untouched text: found exactly, its quote unchanged.
            anchor = anchors[claim.id]
            if anchor.state is AnchorState.ORPHAN:
                # Only when the same text stands twice and the edit made it ambiguous.
                assume(False)
            assert anchor.state in (AnchorState.ANCHORED, AnchorState.MOVED), claim.id
            assert anchor.found == claim.quote


@settings(max_examples=60, deadline=None)
@given(edits())
def test_no_claim_is_ever_lost(edit: tuple[int, int, str]) -> None:
    start, end, new = edit
    edited = Article(SEED.text[:start] + new + SEED.text[end:])
    after = refresh(SEED_DOCUMENT, edited, fuzzy=True)
    assert [c.id for c in after.claims] == [c.id for c in SEED_DOCUMENT.claims]
    for old, claim in zip(SEED_DOCUMENT.claims, after.claims, strict=True):
        if claim.state is not None:  # kept whole, state recorded
            assert claim.model_copy(update={"state": None}) == old


# --- the command line ---------------------------------------------------------


def seed_copy(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    article = Path(shutil.copy(SEED_ARTICLE, tmp_path / "seeds"))
    return article, Path(shutil.copy(SEED_ANNOTATIONS, tmp_path / "annotations"))


def test_reanchor_on_an_unchanged_article_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, annotations = seed_copy(tmp_path)
    before = annotations.read_bytes()
    assert main(["reanchor", str(article)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 20 and all("anchored" in line for line in out)
    assert annotations.read_bytes() == before


def edit_seed(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    text = text.replace("returned 27 bodies", "returned 72 bodies")
    text = text.replace(SEED.paragraph(5).text, "Kyiv disputes the count.")
    article.write_text(text, encoding="utf-8")


def test_reanchor_json_dry_run_reports_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, annotations = seed_copy(tmp_path)
    edit_seed(article)
    before = annotations.read_bytes()
    assert main(["reanchor", str(article), "--dry-run", "--format", "json"]) == 1
    claims = {row["id"]: row for row in json.loads(capsys.readouterr().out)["claims"]}
    assert len(claims) == 20
    assert annotations.read_bytes() == before
    changed = claims["wnjef9"]
    assert changed["state"] == "changed"
    assert changed["paragraph"] == 7
    assert "72 bodies" in changed["found"] and "27 bodies" in changed["quote"]
    orphans = [row for row in claims.values() if row["state"] == "orphan"]
    assert orphans and all(
        row["paragraph"] is None and row["start"] is None and row["found"] is None
        for row in orphans
    )
    assert {row["state"] for row in claims.values()} == {"anchored", "changed", "orphan"}


def test_reanchor_saves_states_and_fresh_hints_keeping_every_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, annotations = seed_copy(tmp_path)
    edit_seed(article)
    before = loading.load(annotations).document
    assert main(["reanchor", str(article)]) == 1
    out = capsys.readouterr().out
    assert "wnjef9  changed" in out and "72 bodies" in out
    after = loading.load(annotations).document
    assert after.article_sha256 == Article.read(article).sha256
    assert [c.id for c in sorted(after.claims, key=lambda c: c.id)] == [
        c.id for c in sorted(before.claims, key=lambda c: c.id)
    ]
    for claim in after.claims:
        old = before.claim(claim.id)
        if claim.state is None:
            assert (claim.paragraph, claim.start) == (old.paragraph, old.start)
        else:
            assert claim.model_copy(update={"state": None}) == old  # kept whole
    assert after.claim("wnjef9").state == "changed"
    # check now reports the recorded states, exit 1.
    report = check_file(annotations)
    assert {p.claim for p in report.problems} == {c.id for c in after.claims if c.state is not None}


def test_reanchor_on_unusable_input_exits_2(tmp_path: Path) -> None:
    assert main(["reanchor", str(tmp_path / "missing.txt")]) == 2
    article, annotations = seed_copy(tmp_path)
    annotations.unlink()
    assert main(["reanchor", str(article)]) == 2


def test_check_reports_changed_and_orphan_by_id(tmp_path: Path) -> None:
    article, annotations = seed_copy(tmp_path)
    edit_seed(article)
    problems = check_file(annotations).problems
    by_claim = {p.claim: p.message for p in problems}
    assert by_claim["wnjef9"].startswith("changed:")
    assert any(message.startswith("orphan:") for message in by_claim.values())
    assert main(["check", str(annotations)]) == 1


def test_a_document_without_claims_reanchors_cleanly() -> None:
    empty = AnnotationFile(article="a.txt", claims=[])
    assert refresh(empty, SEED, fuzzy=True).claims == []
