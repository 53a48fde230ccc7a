"""Where the claims a copy edit changed or orphaned belong in the article as it is now.

A changed claim stands where its new text is (its anchor). An orphan has no text:
it belongs to the paragraph that now stands where its own stood, the old number
shifted as the claims found exactly show the paragraphs moved (an inserted
paragraph above shifts every number by one). There the editor sees it, and there
re-attaching starts, on the text most like its old quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from factmark.anchor import ORPHAN, Anchor, corresponding
from factmark.article import Article
from factmark.fuzzy import FuzzyMatch, fuzzy_near
from factmark.model import Claim
from factmark.vocabulary import AnchorState


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A changed or orphaned claim as the editor is shown it."""

    state: AnchorState
    anchor: Anchor
    """Where it was found (a changed claim's new text), else ``ORPHAN``."""
    looked_in: int | None
    """The paragraph that now stands where the claim's stood (its hint, shifted)."""

    @property
    def paragraph(self) -> int | None:
        """The paragraph that shows it: its new text's, else the one it was looked for in."""
        return self.anchor.paragraph if self.anchor.paragraph is not None else self.looked_in


def unresolved(
    claims: Iterable[Claim], anchors: dict[str, Anchor], moves: dict[int, int], paragraphs: int
) -> dict[str, Unresolved]:
    """Every claim not found exactly, by id, with where it belongs now.

    ``moves`` is :func:`factmark.anchor.paragraph_moves` of the claims as they were
    read, before the hints of those found exactly were refreshed.
    """
    found: dict[str, Unresolved] = {}
    for claim in claims:
        anchor = anchors.get(claim.id, ORPHAN)
        if anchor.state.trusted:
            continue
        place = corresponding(claim.paragraph, moves)
        if place is not None:
            place = max(1, min(paragraphs, place))
        found[claim.id] = Unresolved(anchor.state, anchor, place)
    return found


def by_paragraph(
    claims: Iterable[Claim], anchors: dict[str, Anchor], shown: dict[str, Unresolved]
) -> dict[int, list[Claim]]:
    """Every claim under the paragraph that shows it, by position (orphans last)."""

    def start(claim: Claim) -> tuple[int, int, int]:
        placed = shown.get(claim.id)
        if placed is None:
            return (0, claim.start or 0, -len(claim.quote))
        if placed.anchor.start is None:
            return (1, claim.start or 0, 0)
        return (0, placed.anchor.start, -len(placed.anchor.found or ""))

    grouped: dict[int, list[Claim]] = {}
    for claim in claims:
        placed = shown.get(claim.id)
        trusted = anchors.get(claim.id, ORPHAN).state.trusted
        paragraph = placed.paragraph if placed is not None else claim.paragraph
        if paragraph is not None and (placed is not None or trusted):
            grouped.setdefault(paragraph, []).append(claim)
    for group in grouped.values():
        group.sort(key=start)
    return grouped


def candidate(claim: Claim, article: Article, placed: Unresolved) -> tuple[int, int, int] | None:
    """The text to start re-attaching on: (paragraph, start, end).

    A changed claim's new text; for an orphan, the text most like its quote in the
    paragraph it was looked for in or a neighbour; None without any.
    """
    anchor = placed.anchor
    if anchor.paragraph is not None and anchor.start is not None and anchor.end is not None:
        return anchor.paragraph, anchor.start, anchor.end
    best = closest(claim, article, placed)
    if best is not None:
        return best.paragraph, best.start, best.end
    if placed.looked_in is None or not article.paragraphs:
        return None
    sentences = article.sentences(placed.looked_in)
    if not sentences:
        return None
    text = article.paragraph(placed.looked_in).text
    start, end = max(sentences, key=lambda span: fuzz.ratio(claim.quote, text[span[0] : span[1]]))
    return placed.looked_in, start, end


def closest(claim: Claim, article: Article, placed: Unresolved) -> FuzzyMatch | None:
    """An orphan's closest text near where it was looked for (None if there is none)."""
    if placed.looked_in is None or not article.paragraphs:
        return None
    match = fuzzy_near(claim, article, placed.looked_in)
    if match is None:
        return None
    text = article.paragraph(match.paragraph).text
    start, end = match.start, match.end
    while start > 0 and text[start - 1].isalnum():  # whole words, never "ing to …"
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return replace(match, start=start, end=end, found=text[start:end])
