"""Finding a claim's quote in the article, and keeping the position hints fresh.

A claim is found by its quote, never by its hints alone: the same words can
stand at the same offset of another paragraph. In order:

1. the exact quote where ``paragraph``/``start`` say, its prefix and suffix
   agreeing: ``anchored``;
2. the exact quote elsewhere, chosen among several by agreement of prefix and
   suffix first and nearness to the old position only after that, and only
   when the choice can be trusted (below): ``moved``;
3. with ``fuzzy=True`` (``factmark reanchor`` and ``check``), a fuzzy match of
   the quote with its context (prefix + quote + suffix): ``changed``, with
   ``found`` the text there now. Fuzzy matching never yields ``anchored`` or
   ``moved``, so a match whose numbers, dates or names differ from the quote's
   ("1,200" -> "1,212") is at best ``changed``;
4. otherwise the claim is ``orphan``: kept whole, never dropped, and never
   silently attached to text that merely looks the same.

Fuzzy matching is opt-in (``fuzzy=False`` by default) because the exact-stage
contract of ``tests/test_anchor.py`` says that a quote not found exactly is
``orphan``; the commands that re-anchor for the editor turn it on.

The fuzzy stage is :mod:`factmark.fuzzy`, loaded only when a claim needs it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from factmark import typography
from factmark.article import Article, Paragraph
from factmark.model import CONTEXT_LENGTH, AnnotationFile, Claim
from factmark.quotesearch import QuoteSearch
from factmark.vocabulary import AnchorState

DISTINCTIVE_LENGTH = 24
"""A quote this long (code points) that occurs once is trusted wherever it is."""

MIN_CONTEXT_AGREEMENT = 8
"""Code points of prefix plus suffix that must agree to trust a shorter quote's move."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """The outcome of locating one claim."""

    state: AnchorState
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    """End offset (exclusive) inside the paragraph."""
    found: str | None = None
    """The article's text at the match."""


ORPHAN = Anchor(AnchorState.ORPHAN)


def context(paragraph: Paragraph, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix of a quote: up to 32 code points inside its paragraph."""
    text = paragraph.text
    return text[max(0, start - CONTEXT_LENGTH) : start], text[end : end + CONTEXT_LENGTH]


def _agreement(claim: Claim, prefix: str, suffix: str, *, folded: bool = False) -> int:
    """How many code points of the stored context agree with the text around a match
    (``folded``: typographic variants counted as agreeing)."""
    fold = typography.fold if folded else str
    before = 0
    for stored, actual in zip(reversed(fold(claim.prefix)), reversed(fold(prefix)), strict=False):
        if stored != actual:
            break
        before += 1
    after = 0
    for stored, actual in zip(fold(claim.suffix), fold(suffix), strict=False):
        if stored != actual:
            break
        after += 1
    return before + after


def _whole_sides(claim: Claim, prefix: str, suffix: str) -> int:
    """Code points of the stored prefix and suffix that agree in full, side by side.

    A side that agrees only in part is no evidence: " bodies" after "1,200" agrees
    with " bodies of deceased" for seven code points, yet it is another sentence.
    """
    whole = len(claim.prefix) if claim.prefix and typography.ends_with(prefix, claim.prefix) else 0
    if claim.suffix and typography.starts_with(suffix, claim.suffix):
        whole += len(claim.suffix)
    return whole


@dataclass(frozen=True, slots=True)
class _Match:
    paragraph: Paragraph
    start: int
    end: int
    agreement: int
    distance: int
    whole: int
    """Code points of context agreeing on sides that agree in full."""
    edges: int
    """Sides saved empty (the quote met the paragraph's edge) that still meet it."""
    folded: int
    """Code points of context agreeing, typographic variants aside."""


def _exact_matches(
    claim: Claim, article: Article, search: QuoteSearch | None
) -> Iterator[tuple[Paragraph, int]]:
    """Every place the quote stands whole inside one paragraph."""
    quote = claim.quote
    for position in (search or QuoteSearch(article.text, ())).starts(quote):
        paragraph = article.paragraph_at(position)
        if paragraph is not None and position + len(quote) <= paragraph.end:
            yield paragraph, position - paragraph.offset


def _typographic_at(claim: Claim, article: Article, place: int | None) -> Anchor:
    """The claim at its offset in paragraph ``place``, its quote and context the same
    but for typography: ``anchored`` where it stood, ``moved`` where the article's
    structure says its paragraph went (:func:`corresponding`).

    Only there: elsewhere a variant is another text (the seed prints its headline
    twice, once with a curly and once with a straight apostrophe).
    """
    if place is None or claim.start is None:
        return ORPHAN
    if not 1 <= place <= len(article.paragraphs):
        return ORPHAN
    paragraph = article.paragraph(place)
    pattern = typography.quote_pattern(claim.quote)
    match = pattern.match(typography.fold(paragraph.text), claim.start)
    if match is None or not context_holds(claim, paragraph, claim.start, match.end(), folded=True):
        return ORPHAN
    found = paragraph.text[claim.start : match.end()]
    state = AnchorState.ANCHORED if place == claim.paragraph else AnchorState.MOVED
    return Anchor(state, paragraph.number, claim.start, match.end(), found)


def _hinted_offset(claim: Claim, article: Article) -> int | None:
    if claim.paragraph is None or claim.start is None:
        return None
    if claim.paragraph > len(article.paragraphs):
        return article.paragraphs[-1].end if article.paragraphs else 0
    return article.paragraph(claim.paragraph).offset + claim.start


def offset_at_hint(claim: Claim, article: Article) -> int | None:
    """Where the quote starts in the whole article (code points), if it stands exactly
    where its hints say; None if it does not (the exports leave such claims out)."""
    if claim.paragraph is None or claim.start is None:
        return None
    if not 1 <= claim.paragraph <= len(article.paragraphs):
        return None
    paragraph = article.paragraph(claim.paragraph)
    if paragraph.text[claim.start : claim.start + len(claim.quote)] != claim.quote:
        return None
    return paragraph.offset + claim.start


def context_holds(
    claim: Claim, paragraph: Paragraph, start: int, end: int, *, folded: bool
) -> bool:
    """Whether the saved context stands around ``[start, end)`` (``folded``: typography aside)."""
    prefix, suffix = context(paragraph, start, end)
    if folded:
        agrees = typography.ends_with(prefix, claim.prefix) and typography.starts_with(
            suffix, claim.suffix
        )
    else:
        agrees = prefix.endswith(claim.prefix) and suffix.startswith(claim.suffix)
    if not agrees:
        return False
    # Saved context has an empty side only at the paragraph's edge, which must still be
    # one: else a new paragraph above that repeats the sentence and goes on takes the
    # claim. (A hand-written claim without any context has only its hints to go by.)
    return not (
        (claim.prefix or claim.suffix)
        and ((prefix and not claim.prefix) or (suffix and not claim.suffix))
    )


def _at_hint(claim: Claim, article: Article) -> Anchor | None:
    """The claim, if its exact quote and context stand exactly where the hints say."""
    if offset_at_hint(claim, article) is None:
        return None
    assert claim.paragraph is not None and claim.start is not None  # the hints held
    paragraph = article.paragraph(claim.paragraph)
    end = claim.start + len(claim.quote)
    if not context_holds(claim, paragraph, claim.start, end, folded=False):
        return None
    return Anchor(AnchorState.ANCHORED, paragraph.number, claim.start, end, claim.quote)


def _trusted(claim: Claim, best: _Match, count: int) -> bool:
    """Whether an exact match elsewhere is the claim's text, not look-alike words."""
    if count == 1 and len(claim.quote) >= DISTINCTIVE_LENGTH:
        return True
    stored = len(claim.prefix) + len(claim.suffix)
    if stored == 0:
        return count == 1
    # One whole side of context must stand behind the move, not scraps of both.
    return best.whole >= min(MIN_CONTEXT_AGREEMENT, stored)


def _exact(claim: Claim, article: Article, search: QuoteSearch | None = None) -> Anchor:
    """The exact stages: anchored, moved, or orphan (``search``: the article's, if made)."""
    at_hint = _at_hint(claim, article)
    if at_hint is not None:
        return at_hint
    hinted = _hinted_offset(claim, article)
    matches = []
    for paragraph, start in _exact_matches(claim, article, search):
        end = start + len(claim.quote)
        prefix, suffix = context(paragraph, start, end)
        distance = abs(paragraph.offset + start - hinted) if hinted is not None else 0
        agreement, whole = _agreement(claim, prefix, suffix), _whole_sides(claim, prefix, suffix)
        edges = (not claim.prefix and not prefix) + (not claim.suffix and not suffix)
        folded = _agreement(claim, prefix, suffix, folded=True)
        matches.append(_Match(paragraph, start, end, agreement, distance, whole, edges, folded))
    if not matches:
        return _typographic_at(claim, article, claim.paragraph)
    best = min(
        matches,
        key=lambda m: (-m.agreement, -m.folded, -m.edges, m.distance, m.paragraph.number, m.start),
    )
    found = best.paragraph.text[best.start : best.end]
    place = (best.paragraph.number, best.start)
    if place == (claim.paragraph, claim.start) and context_holds(
        claim, best.paragraph, best.start, best.end, folded=True
    ):
        # Where it stood, with its context, but for typography (a CMS straightened the
        # quotes): still anchored; its quote and context are refreshed to the text.
        return Anchor(AnchorState.ANCHORED, *place, best.end, found)
    if not _trusted(claim, best, len(matches)):
        return ORPHAN
    return Anchor(AnchorState.MOVED, *place, best.end, found)


def locate(claim: Claim, article: Article, *, fuzzy: bool = False) -> Anchor:
    """Find one claim's quote in the article (see the module docstring)."""
    anchor = _exact(claim, article)
    if anchor.state is AnchorState.ORPHAN and fuzzy:
        from factmark.fuzzy import fuzzy_stage  # the fuzzy stage loads only when needed

        return fuzzy_stage(claim, article, claim.paragraph, shown=False)
    return anchor


def locate_all(
    document: AnnotationFile, article: Article, *, fuzzy: bool = False
) -> dict[str, Anchor]:
    """Locate every claim of a document, by claim id.

    The claims found exactly show how the paragraphs moved (a paragraph inserted
    above shifts every number); a claim found only by a fuzzy match is then looked
    for in the paragraph that corresponds to its old one.
    """
    at_hint = {claim.id: _at_hint(claim, article) for claim in document.claims}
    # The quotes not where their hints say are all looked for in one pass over the text.
    away = [claim.quote for claim in document.claims if at_hint[claim.id] is None]
    search = QuoteSearch(article.text, away)
    anchors = {
        claim.id: at_hint[claim.id] or _exact(claim, article, search) for claim in document.claims
    }
    if not fuzzy:
        return anchors
    moves = paragraph_moves(document.claims, anchors)
    olds = sorted(moves)
    for claim in document.claims:
        if anchors[claim.id].state is AnchorState.ORPHAN:
            place = corresponding(claim.paragraph, moves, olds)
            anchor = ORPHAN
            if place != claim.paragraph:
                anchor = _typographic_at(claim, article, place)
            if anchor is ORPHAN:
                from factmark.fuzzy import fuzzy_stage  # loaded only when a claim needs it

                anchor = fuzzy_stage(claim, article, place, shown=bool(moves))
            anchors[claim.id] = anchor
    return anchors


def paragraph_moves(claims: Iterable[Claim], anchors: dict[str, Anchor]) -> dict[int, int]:
    """Old paragraph number -> new, as most of the claims found exactly show it."""
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for claim in claims:
        anchor = anchors[claim.id]
        if anchor.state.trusted and claim.paragraph is not None and anchor.paragraph is not None:
            votes[claim.paragraph][anchor.paragraph] += 1
    # max() keeps the first of equal counts, as most_common(1) does, without loading heapq.
    return {old: max(counter, key=counter.__getitem__) for old, counter in votes.items()}


def corresponding(
    paragraph: int | None, moves: dict[int, int], olds: Sequence[int] | None = None
) -> int | None:
    """The paragraph that now stands where ``paragraph`` stood: as its claims moved,
    else shifted as the nearest paragraph whose claims were found (the earlier one on
    a tie); unchanged without any evidence. ``olds``: ``sorted(moves)``, if at hand."""
    if paragraph is None or not moves:
        return paragraph
    if paragraph in moves:
        return moves[paragraph]
    olds = sorted(moves) if olds is None else olds
    index = bisect_left(olds, paragraph)  # the nearest is on one side of it or the other
    sides = olds[max(0, index - 1) : index + 1]
    nearest = min(sides, key=lambda old: (abs(old - paragraph), old))
    return max(1, paragraph + moves[nearest] - nearest)


def attach(claim: Claim, article: Article, anchor: Anchor) -> Claim:
    """The claim with its hints and context refreshed from a trusted anchor."""
    if anchor.paragraph is None or anchor.start is None or anchor.end is None:
        raise ValueError("an anchor without a position cannot be attached")
    paragraph = article.paragraph(anchor.paragraph)
    prefix, suffix = context(paragraph, anchor.start, anchor.end)
    quote = paragraph.text[anchor.start : anchor.end]
    return claim.model_copy(
        update={
            "quote": quote,
            "paragraph": anchor.paragraph,
            "start": anchor.start,
            "prefix": prefix,
            "suffix": suffix,
            "state": None,
        }
    )


def refresh(
    document: AnnotationFile,
    article: Article,
    anchors: dict[str, Anchor] | None = None,
    *,
    fuzzy: bool = False,
) -> AnnotationFile:
    """The document with every found claim's hints refreshed, the rest marked.

    Claims whose exact quote was found get fresh ``paragraph``/``start`` and
    context; the others keep everything they had and get their state recorded.
    ``article_sha256`` becomes the article's.
    """
    anchors = anchors if anchors is not None else locate_all(document, article, fuzzy=fuzzy)
    claims = []
    for claim in document.claims:
        anchor = anchors.get(claim.id, ORPHAN)
        if anchor.state.trusted:
            claims.append(attach(claim, article, anchor))
        else:
            recorded = anchor.state.recorded
            claims.append(
                claim if claim.state == recorded else claim.model_copy(update={"state": recorded})
            )
    return document.model_copy(update={"claims": claims, "article_sha256": article.sha256})
