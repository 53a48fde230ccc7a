"""The rules of editing claims that the annotate screen applies, without Textual.

What a selection becomes as a quote, which claims a new one overlaps, which
claims a link may go to and in what order. What a claim matches when searched
is ``review.mention``: the search, the review and the link picker all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factmark.model import Claim


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start``–``end`` of ``text`` without whitespace at its ends: a quote
    never has loose ends. A span of whitespace only comes back empty (start == end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def overlapping(claims: Iterable[Claim], start: int, end: int) -> list[Claim]:
    """The claims of a paragraph whose quote shares some text with ``start``–``end``."""
    return [c for c in claims if (c.start or 0) < end and (c.start or 0) + len(c.quote) > start]


def nearest_first(claim: Claim, others: Iterable[Claim]) -> list[Claim]:
    """The other claims, those nearest to ``claim`` in the article first."""
    paragraph, start = claim.paragraph or 0, claim.start or 0
    return sorted(
        (other for other in others if other.id != claim.id),
        key=lambda c: (abs((c.paragraph or 0) - paragraph), abs((c.start or 0) - start)),
    )


def link_candidates(claims: Sequence[Claim], typed: str) -> list[Claim]:
    """The claims that mention the typed text (its ends trimmed, any case), those quoting
    it first, each group in the order given; all of them when nothing is typed.

    A figure typed is most likely the claim's own words, hence quotes first.
    """
    from factmark.review import mention  # the models load with the annotations, not before

    query = searched(typed)
    if not query:
        return list(claims)
    fields = [(claim, mention(claim, query)) for claim in claims]
    found = [(field != "quote", claim) for claim, field in fields if field is not None]
    return [claim for _, claim in sorted(found, key=lambda pair: pair[0])]


def searched(typed: str) -> str:
    """What a typed search looks for: the text without spaces at its ends (as a search
    box's value ends in the space typed before the next word)."""
    return typed.strip()
