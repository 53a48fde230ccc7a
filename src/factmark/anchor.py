"""Finding a claim's quote in the article, and keeping the position hints fresh.

A claim is found by its quote, never by its hints alone: the same words can
stand at the same offset of another paragraph. In order:

1. the exact quote where ``paragraph``/``start`` say, its prefix and suffix
   agreeing: ``anchored``;
2. the exact quote elsewhere, chosen among several by agreement of prefix and
   suffix first and nearness to the old position only after that, and only
   when the choice can be trusted (below): ``moved``;
3. otherwise the claim is ``orphan``: kept whole, never dropped, and never
   silently attached to text that merely looks the same. (Fuzzy matching,
   which can find a ``changed`` quote, slots in before this step.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from factmark.article import Article, Paragraph
from factmark.model import CONTEXT_LENGTH, AnnotationFile, Claim

DISTINCTIVE_LENGTH = 24
"""A quote this long (code points) that occurs once is trusted wherever it is."""

MIN_CONTEXT_AGREEMENT = 8
"""Code points of prefix plus suffix that must agree to trust a shorter quote's move."""


class AnchorState(StrEnum):
    """Where re-anchoring found a claim (DESIGN §5)."""

    ANCHORED = "anchored"
    MOVED = "moved"
    CHANGED = "changed"
    ORPHAN = "orphan"

    @property
    def trusted(self) -> bool:
        """Whether the claim's exact quote was found (its hints may be refreshed)."""
        return self in (AnchorState.ANCHORED, AnchorState.MOVED)


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


def _agreement(claim: Claim, prefix: str, suffix: str) -> int:
    """How many code points of the stored context agree with the text around a match."""
    before = 0
    for stored, actual in zip(reversed(claim.prefix), reversed(prefix), strict=False):
        if stored != actual:
            break
        before += 1
    after = 0
    for stored, actual in zip(claim.suffix, suffix, strict=False):
        if stored != actual:
            break
        after += 1
    return before + after


def _whole_sides(claim: Claim, prefix: str, suffix: str) -> int:
    """Code points of the stored prefix and suffix that agree in full, side by side.

    A side that agrees only in part is no evidence: " bodies" after "1,200" agrees
    with " bodies of deceased" for seven code points, yet it is another sentence.
    """
    whole = len(claim.prefix) if claim.prefix and prefix.endswith(claim.prefix) else 0
    if claim.suffix and suffix.startswith(claim.suffix):
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


def _exact_matches(claim: Claim, article: Article) -> Iterator[tuple[Paragraph, int]]:
    """Every place the quote stands whole inside one paragraph."""
    quote, text = claim.quote, article.text
    position = text.find(quote)
    while position >= 0:
        paragraph = article.paragraph_at(position)
        if paragraph is not None and position + len(quote) <= paragraph.end:
            yield paragraph, position - paragraph.offset
        position = text.find(quote, position + 1)


def _hinted_offset(claim: Claim, article: Article) -> int | None:
    if claim.paragraph is None or claim.start is None:
        return None
    if claim.paragraph > len(article.paragraphs):
        return article.paragraphs[-1].end if article.paragraphs else 0
    return article.paragraph(claim.paragraph).offset + claim.start


def _at_hint(claim: Claim, article: Article) -> Anchor | None:
    """The claim, if its exact quote and context stand exactly where the hints say."""
    if claim.paragraph is None or claim.start is None:
        return None
    if not 1 <= claim.paragraph <= len(article.paragraphs):
        return None
    paragraph = article.paragraph(claim.paragraph)
    end = claim.start + len(claim.quote)
    if paragraph.text[claim.start : end] != claim.quote:
        return None
    prefix, suffix = context(paragraph, claim.start, end)
    if not (prefix.endswith(claim.prefix) and suffix.startswith(claim.suffix)):
        return None
    # Saved context has an empty side only at the paragraph's edge, which must still be
    # one: else a new paragraph above that repeats the sentence and goes on takes the
    # claim. (A hand-written claim without any context has only its hints to go by.)
    if (claim.prefix or claim.suffix) and (
        (prefix and not claim.prefix) or (suffix and not claim.suffix)
    ):
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


def locate(claim: Claim, article: Article) -> Anchor:
    """Find one claim's quote in the article (see the module docstring)."""
    at_hint = _at_hint(claim, article)
    if at_hint is not None:
        return at_hint
    hinted = _hinted_offset(claim, article)
    matches = []
    for paragraph, start in _exact_matches(claim, article):
        end = start + len(claim.quote)
        prefix, suffix = context(paragraph, start, end)
        distance = abs(paragraph.offset + start - hinted) if hinted is not None else 0
        agreement, whole = _agreement(claim, prefix, suffix), _whole_sides(claim, prefix, suffix)
        edges = (not claim.prefix and not prefix) + (not claim.suffix and not suffix)
        matches.append(_Match(paragraph, start, end, agreement, distance, whole, edges))
    if not matches:
        return ORPHAN
    best = min(
        matches, key=lambda m: (-m.agreement, -m.edges, m.distance, m.paragraph.number, m.start)
    )
    if not _trusted(claim, best, len(matches)):
        return ORPHAN
    return Anchor(AnchorState.MOVED, best.paragraph.number, best.start, best.end, claim.quote)


def locate_all(document: AnnotationFile, article: Article) -> dict[str, Anchor]:
    """Locate every claim of a document, by claim id."""
    return {claim.id: locate(claim, article) for claim in document.claims}


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
    document: AnnotationFile, article: Article, anchors: dict[str, Anchor] | None = None
) -> AnnotationFile:
    """The document with every found claim's hints refreshed, the rest marked.

    Claims whose exact quote was found get fresh ``paragraph``/``start`` and
    context; the others keep everything they had and get their state recorded.
    ``article_sha256`` becomes the article's.
    """
    anchors = anchors if anchors is not None else locate_all(document, article)
    claims = []
    for claim in document.claims:
        anchor = anchors.get(claim.id, ORPHAN)
        if anchor.state.trusted:
            claims.append(attach(claim, article, anchor))
        else:
            recorded = "changed" if anchor.state is AnchorState.CHANGED else "orphan"
            claims.append(
                claim if claim.state == recorded else claim.model_copy(update={"state": recorded})
            )
    return document.model_copy(update={"claims": claims, "article_sha256": article.sha256})
