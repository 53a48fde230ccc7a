"""Behaviours carried over from public quote-anchoring test suites.

Hypothesis's ``match-quote`` tests (its client, ``src/annotator/anchoring``)
and Apache Annotator's text-quote match cases (``packages/dom/test/text-quote``)
pin how a TextQuoteSelector is found again. The cases that apply to factmark's
rules are restated here in factmark's terms. Where factmark decides otherwise
on purpose, the test says so: a short quote that occurs more than once, or
whose context no longer agrees, is not taken on a best guess — that guess is
how an annotation ends up on the wrong sentence — it is ``orphan`` (or
``changed`` at its own place) for the editor to decide.
"""

from __future__ import annotations

import pytest

from factmark.anchor import locate
from factmark.article import Article
from factmark.model import Claim
from factmark.vocabulary import AnchorState

LOREM = "lorem ipsum dolor amet yada yada"
SOLITUDE = (
    "Many years later, as he faced the firing squad, Colonel Aureliano Buendía was to "
    "remember that distant afternoon when his father took him to discover ice"
)
TWO_CITIES = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was "
    "the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it "
    "was the season of Light, it was the season of Darkness, it was the spring of hope, it "
    "was the winter of despair, we had everything before us, we had nothing before us, we "
    "were all going direct to Heaven, we were all going direct the other way."
)


def found(
    text: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    *,
    paragraph: int | None = None,
    start: int | None = None,
) -> tuple[AnchorState, int | None]:
    claim = Claim(
        id="case01", quote=quote, prefix=prefix, suffix=suffix, paragraph=paragraph, start=start
    )
    anchor = locate(claim, Article(text), fuzzy=True)
    return anchor.state, anchor.start


# --- Apache Annotator: text-quote match cases -------------------------------------


@pytest.mark.parametrize(
    ("quote", "start"),
    [("dolor am", 12), ("lorem ipsum", 0), ("yada yada", 23)],
    ids=["simple", "first characters", "last characters"],
)
def test_a_unique_quote_is_found_anywhere_in_its_paragraph(quote: str, start: int) -> None:
    prefix = LOREM[max(0, start - 32) : start]
    suffix = LOREM[start + len(quote) :][:32]
    assert found(LOREM, quote, prefix, suffix) == (AnchorState.MOVED, start)


def test_overlapping_occurrences_are_told_apart_by_their_context() -> None:
    # "bananas" holds "ana" at 1 and at 3.
    assert found("bananas", "ana", "b", "nas") == (AnchorState.MOVED, 1)
    assert found("bananas", "ana", "ban", "s") == (AnchorState.MOVED, 3)


def test_a_prefix_or_suffix_chooses_between_equal_quotes() -> None:
    assert found(LOREM, "yada", "dolor amet ", " yada") == (AnchorState.MOVED, 23)
    assert found(LOREM, "yada", "dolor amet yada ", "") == (AnchorState.MOVED, 28)


def test_a_quote_that_is_not_there_is_an_orphan() -> None:
    assert found(LOREM, "holy grail", "ipsum ", " amet") == (AnchorState.ORPHAN, None)


@pytest.mark.parametrize(
    ("prefix", "suffix"),
    [("oopsum ", ""), ("", " amot"), ("", "a")],
    ids=["with prefix, no matches", "with suffix, no matches", "no match due to whitespace"],
)
def test_context_that_disagrees_rejects_a_short_quote(prefix: str, suffix: str) -> None:
    """Annotator finds nothing here; factmark agrees: the claim is not placed on a guess."""
    state, _ = found(LOREM, "dolor", prefix, suffix)
    assert state is AnchorState.ORPHAN


# --- Hypothesis: match-quote -------------------------------------------------------


def test_an_exact_quote_is_found_with_its_context() -> None:
    prefix = "er afternoon when his father took him to "[-32:]
    assert found(SOLITUDE, "discover ice", prefix, "") == (AnchorState.MOVED, 141)


@pytest.mark.parametrize(
    ("quote", "prefix", "suffix", "expected"),
    [
        ("before us", "despair, we had everything ", ", we had nothing", "everything before us"),
        ("before us", "before us, we had nothing ", ", we were", "nothing before us"),
        ("we had", "the winter of despair, ", " everything before", "we had everything"),
        ("we had", "everything before us, ", " nothing before", "we had nothing"),
    ],
)
def test_the_occurrence_whose_context_agrees_is_chosen(
    quote: str, prefix: str, suffix: str, expected: str
) -> None:
    assert found(TWO_CITIES, quote, prefix, suffix) == (
        AnchorState.MOVED,
        TWO_CITIES.index(expected) + expected.index(quote),
    )


def test_hints_break_a_tie_between_equal_matches() -> None:
    """Hypothesis uses its position hint as the tie-breaker; so do factmark's hints."""
    first = TWO_CITIES.index("everything before us") + len("everything ")
    second = TWO_CITIES.index("nothing before us") + len("nothing ")
    assert found(TWO_CITIES, "before us", paragraph=1, start=first) == (
        AnchorState.ANCHORED,
        first,
    )
    assert found(TWO_CITIES, "before us", paragraph=1, start=second) == (
        AnchorState.ANCHORED,
        second,
    )


def test_a_typo_in_the_quote_is_changed_at_its_place_with_its_context() -> None:
    """Hypothesis accepts 'Many yers later' as an approximate match; factmark calls it changed."""
    text = SOLITUDE.replace("Many years later", "Many yers later")
    state, start = found(
        text, "Many years later", "", ", as he faced the firing squad", paragraph=1, start=0
    )
    assert (state, start) == (AnchorState.CHANGED, 0)


def test_an_unrelated_quote_is_not_matched_at_all() -> None:
    """Hypothesis returns no match for one fixture's text searched in the other: orphan here."""
    state, _ = found(TWO_CITIES, SOLITUDE[:80], "", "", paragraph=1, start=0)
    assert state is AnchorState.ORPHAN


def test_approximate_context_alone_does_not_place_a_repeated_short_quote() -> None:
    """Deliberately unlike Hypothesis: with its context mangled ('we had nout' for 'we had
    nothing') a quote that occurs twice is not put on the best-scoring guess."""
    state, _ = found(TWO_CITIES, "before us", "we had nout ", "")
    assert state is AnchorState.ORPHAN
