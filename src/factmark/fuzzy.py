"""The fuzzy stage of anchoring: a claim whose exact quote is gone, found ``changed`` or not at all.

The fuzzy search is cheap: a claim with hints is looked for only in the
hinted paragraph and its neighbours (an edited quote that also left its place
is ``orphan``, to be re-attached by hand: a look-alike sentence elsewhere with
the same words around it must never capture it); a claim without hints is
looked for in the paragraphs that share one of the quote's rarest words. In each paragraph
``rapidfuzz.fuzz.partial_ratio_alignment`` finds the best window for the
quote, and ``rapidfuzz.distance.Levenshtein.opcodes`` of prefix+quote+suffix
against the text around it maps the quote's two ends onto the article. A
match is accepted only when (a) the quote itself is similar enough, (b) at
least one side of its saved context agrees (so a near-identical sentence in
another place, with other words around it, never captures the claim), (c) the
weighted score clears :data:`MIN_FUZZY_SCORE`, (d) a match whose numbers,
dates or capitalised names differ from the quote's stands in the hinted
paragraph (elsewhere it is a look-alike, not an edit), and (e) no other place scores
about as well (then the choice cannot be trusted: ``orphan``). The hinted
area is searched first and wins when it has an acceptable match, so the
edited sentence in place is preferred over a similar sentence elsewhere.

Why rapidfuzz: measured on 5,000 paragraphs of ~200 code points, one
``partial_ratio`` scan of all of them took 50 ms (10 us a paragraph), while
``difflib.SequenceMatcher`` took ~640 us a paragraph (60x slower) and has no
substring alignment; rapidfuzz also gives Levenshtein opcodes to place the
quote's ends exactly. (diff-match-patch's Bitap is limited to 32-character
patterns in Python.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factmark.anchor import MIN_CONTEXT_AGREEMENT, ORPHAN, Anchor, context_holds
from factmark.article import Article, Paragraph
from factmark.model import Claim
from factmark.vocabulary import AnchorState

# Fuzzy thresholds, calibrated on the cases of tests/test_reanchor.py (see its
# CALIBRATION table): accepted edits score 0.90-0.99, the look-alike sentences
# that must not capture a claim 0.55-0.80.
MIN_FUZZY_SCORE = 0.85
"""Minimum weighted similarity of prefix + quote + suffix (0-1) for ``changed``."""

MIN_QUOTE_SIMILARITY = 0.6
"""Minimum similarity of the quote alone: "1,200" -> "1,212" (0.6) is the floor."""

MIN_SIDE_AGREEMENT = 0.8
"""One saved side of context (of at least MIN_CONTEXT_AGREEMENT code points)
must be at least this similar to the text beside the match."""

AMBIGUITY_MARGIN = 0.03
"""A second place scoring within this of the best makes a fuzzy match untrusted."""

NEIGHBOURS = 1
"""Paragraphs either side of the hinted one searched first."""


@dataclass(frozen=True, slots=True)
class FuzzyMatch:
    """A fuzzy candidate and its scores (0-1), for calibration and reports."""

    paragraph: int
    start: int
    end: int
    found: str
    quote: float
    prefix: float | None
    suffix: float | None
    score: float
    sided: bool
    """Whether one saved side of context of MIN_CONTEXT_AGREEMENT or more agrees."""

    @property
    def acceptable(self) -> bool:
        return (
            self.sided
            and self.quote >= MIN_QUOTE_SIMILARITY
            and self.score >= MIN_FUZZY_SCORE
            and bool(self.found.strip())
        )


def _similarity(stored: str, actual: str) -> float:
    from rapidfuzz.distance import Levenshtein  # loaded by the fuzzy stage alone

    return float(Levenshtein.normalized_similarity(stored, actual))


def _map_start(ops: Sequence[tuple[str, int, int, int, int]], position: int) -> int:
    """Where the character at ``position`` of the source lands in the destination."""
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= position < i2:
            return j1 if tag == "delete" else min(j1 + position - i1, j2)
    return ops[-1][4] if ops else 0


def _map_end(ops: Sequence[tuple[str, int, int, int, int]], position: int) -> int:
    """Where the end of the source's first ``position`` characters lands."""
    for tag, i1, i2, j1, j2 in ops:
        if i1 < position <= i2:
            return j1 if tag == "delete" else min(j1 + position - i1, j2)
    return 0


def _fuzzy_in(claim: Claim, paragraph: Paragraph) -> FuzzyMatch | None:
    """The best fuzzy place for the claim in one paragraph, scored."""
    from rapidfuzz import fuzz  # loaded by the fuzzy stage alone: a clean check never needs it
    from rapidfuzz.distance import Levenshtein

    text, quote, prefix, suffix = paragraph.text, claim.quote, claim.prefix, claim.suffix
    if len(quote) <= len(text):
        alignment = fuzz.partial_ratio_alignment(quote, text)
        if alignment is None:
            return None
        window_start, window_end = alignment.dest_start, alignment.dest_end
    else:
        window_start, window_end = 0, len(text)
    slack = len(quote) // 4 + 4
    low = max(0, window_start - len(prefix) - slack)
    high = min(len(text), window_end + len(suffix) + slack)
    region = text[low:high]
    ops = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(prefix + quote + suffix, region)
    ]
    start = low + _map_start(ops, len(prefix))
    end = low + _map_end(ops, len(prefix) + len(quote))
    if end <= start:
        return None
    found = text[start:end]
    quote_score = _similarity(quote, found)
    prefix_score = (
        _similarity(prefix, text[max(0, start - len(prefix)) : start]) if prefix else None
    )
    suffix_score = _similarity(suffix, text[end : end + len(suffix)]) if suffix else None
    weighted = len(quote) * quote_score
    total = len(quote)
    sided = False
    for stored, score in ((prefix, prefix_score), (suffix, suffix_score)):
        if score is not None:
            weighted += len(stored) * score
            total += len(stored)
            if len(stored) >= MIN_CONTEXT_AGREEMENT and score >= MIN_SIDE_AGREEMENT:
                sided = True
    return FuzzyMatch(
        paragraph.number,
        start,
        end,
        found,
        quote_score,
        prefix_score,
        suffix_score,
        weighted / total,
        sided,
    )


_WORD = re.compile(r"\w{3,}")


@dataclass
class _WordIndex:
    article: Article
    paragraphs: dict[str, list[int]]


_index_cache: list[_WordIndex] = []


def _word_index(article: Article) -> dict[str, list[int]]:
    """Paragraph indices by lower-cased word, built once per article (the last one)."""
    if _index_cache and _index_cache[0].article is article:
        return _index_cache[0].paragraphs
    index: dict[str, list[int]] = {}
    for i, paragraph in enumerate(article.paragraphs):
        for word in set(_WORD.findall(paragraph.text.lower())):
            index.setdefault(word, []).append(i)
    _index_cache[:] = [_WordIndex(article, index)]
    return index


RAREST_WORDS = 3
"""Paragraphs searched beyond the hinted area share one of this many of the quote's rarest words."""


def _candidates_elsewhere(claim: Claim, article: Article, skip: set[int]) -> list[int]:
    words = set(_WORD.findall(claim.quote.lower()))
    if not words:
        return [i for i in range(len(article.paragraphs)) if i not in skip]
    index = _word_index(article)
    rarest = sorted(words, key=lambda word: len(index.get(word, ())))[:RAREST_WORDS]
    found = {i for word in rarest for i in index.get(word, ())}
    return sorted(found - skip)


_FACT = re.compile(r"\d[\d,.:/-]*\d|\d|\b[A-Z][\w’'-]*")


def facts(text: str) -> list[str]:
    """The numbers, dates and capitalised names of a text, in order."""
    return _FACT.findall(text)


def _pick(matches: list[FuzzyMatch]) -> FuzzyMatch | None:
    """The best acceptable match, unless another place scores about as well."""
    good = sorted(
        (m for m in matches if m.acceptable), key=lambda m: (-m.score, m.paragraph, m.start)
    )
    if not good:
        return None
    if len(good) > 1 and good[0].score - good[1].score < AMBIGUITY_MARGIN:
        return None
    return good[0]


def fuzzy_candidates(claim: Claim, article: Article) -> list[FuzzyMatch]:
    """Every paragraph's best fuzzy place for the claim (for calibration; slow)."""
    found = (_fuzzy_in(claim, paragraph) for paragraph in article.paragraphs)
    return [match for match in found if match is not None]


def fuzzy_near(claim: Claim, article: Article, place: int) -> FuzzyMatch | None:
    """The best fuzzy place for the claim in paragraph ``place`` or its neighbours, if
    its quote is at least :data:`MIN_QUOTE_SIMILARITY` alike (trusted or not: a
    candidate for the editor, never an anchor)."""
    count = len(article.paragraphs)
    hinted = max(0, min(place, count) - 1)
    near = range(max(0, hinted - NEIGHBOURS), min(count, hinted + NEIGHBOURS + 1))
    found = (_fuzzy_in(claim, article.paragraphs[i]) for i in near)
    good = [m for m in found if m is not None and m.found.strip()]
    good = [m for m in good if m.quote >= MIN_QUOTE_SIMILARITY]
    if not good:
        return None
    return max(good, key=lambda m: (m.score, m.paragraph == hinted + 1, -m.paragraph))


def fuzzy_stage(claim: Claim, article: Article, place: int | None, *, shown: bool) -> Anchor:
    """The fuzzy stage: ``changed`` at a trustworthy match, else ``orphan``.

    ``place`` is the paragraph that now stands where the claim's stood: its hint,
    shifted as the other claims show (``shown``; :func:`corresponding`).
    """
    if max(len(claim.prefix), len(claim.suffix)) < MIN_CONTEXT_AGREEMENT:
        return ORPHAN  # no context to vouch for a changed text: never a guess
    count = len(article.paragraphs)
    near: list[int] = []
    if place is not None:
        hinted = min(place, count) - 1
        near = list(range(max(0, hinted - NEIGHBOURS), min(count, hinted + NEIGHBOURS + 1)))
    matches = [_fuzzy_in(claim, article.paragraphs[i]) for i in near]
    best = _pick([m for m in matches if m is not None])
    if best is None and not near:
        # Only a claim without hints is looked for everywhere: a claim with hints whose
        # text changed is looked for in place, never on a look-alike elsewhere.
        rest = _candidates_elsewhere(claim, article, set(near))
        matches += [_fuzzy_in(claim, article.paragraphs[i]) for i in rest]
        best = _pick([m for m in matches if m is not None])
    if best is None or best.found == claim.quote:
        # The exact text at the best place was judged by the exact stages already.
        return ORPHAN
    if (
        best.paragraph != place
        and facts(best.found) != facts(claim.quote)
        and (shown or not _surrounded(claim, article.paragraph(best.paragraph), best))
    ):
        # Other figures or names in another paragraph: a look-alike sentence (a
        # neighbour that says "eleven percent"), not this claim edited in place.
        return ORPHAN
    return Anchor(AnchorState.CHANGED, best.paragraph, best.start, best.end, best.found)


def _surrounded(claim: Claim, paragraph: Paragraph, match: FuzzyMatch) -> bool:
    """Whether both sides of the claim's saved context stand whole around a match.

    With no other claim to show where the paragraphs went, this is what says that a
    neighbouring paragraph is the claim's own, shifted by an insertion above.
    """
    sides = (claim.prefix, claim.suffix)
    if min(len(side) for side in sides) < MIN_CONTEXT_AGREEMENT:
        return False
    return context_holds(claim, paragraph, match.start, match.end, folded=True)
