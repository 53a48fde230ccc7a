"""Searching an article and its claims: every match a position in the article, in order.

No Textual here: the TUI's ``/`` steps through these matches. What a claim matches
is ``review.mention`` (the review's search and the link picker use it too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factmark.article import Article
from factmark.model import Claim
from factmark.review import mention

ARTICLE_TEXT = "article text"
"""What a match outside every claim's quote is in."""


@dataclass(frozen=True, order=True)
class Match:
    """One place to go: a paragraph and an offset in it, and the claim to select."""

    paragraph: int
    offset: int
    claim: str
    """The claim the match is in or about ("" for article text outside the claims)."""
    field: str
    """What matched: ARTICLE_TEXT, or one of ``review.MENTION_FIELDS`` of the claim."""


def find(article: Article, claims: Iterable[Claim], query: str) -> list[Match]:
    """Every match of ``query`` (any case), in article order.

    ``claims`` are those found in the article, each at its ``paragraph`` and
    ``start``. A match in the text inside a claim's quote selects that claim; a
    claim that holds the text elsewhere (its note, tags, sources or id) is one
    match at the claim's start.
    """
    needle = query.casefold()
    if not needle:
        return []
    placed = [c for c in claims if c.paragraph is not None and c.start is not None]
    by_paragraph: dict[int, list[Claim]] = {}
    for claim in sorted(placed, key=lambda c: (*c.position, c.id)):
        by_paragraph.setdefault(claim.paragraph or 0, []).append(claim)
    matches: set[Match] = set()
    for paragraph in article.paragraphs:
        around = by_paragraph.get(paragraph.number, [])
        for offset in _occurrences(paragraph.text.casefold(), needle):
            inside = next((c.id for c in around if _holds(c, offset, len(needle))), "")
            matches.add(
                Match(paragraph.number, offset, inside, "quote" if inside else ARTICLE_TEXT)
            )
    in_quotes = {match.claim for match in matches}
    for claim in placed:
        field = mention(claim, query)
        if field is not None and claim.id not in in_quotes:
            matches.add(Match(claim.paragraph or 0, claim.start or 0, claim.id, field))
    return sorted(matches)


def _occurrences(haystack: str, needle: str) -> Iterable[int]:
    position = haystack.find(needle)
    while position >= 0:
        yield position
        position = haystack.find(needle, position + 1)


def _holds(claim: Claim, offset: int, length: int) -> bool:
    """Whether the text at ``offset`` lies inside the claim's quote, in its paragraph."""
    start = claim.start or 0
    return start <= offset and offset + length <= start + len(claim.quote)


def describe(index: int, matches: list[Match]) -> str:
    """``3/10 · ¶7 · a claim's note``: where a step through the matches is, and what matched."""
    match = matches[index]
    what = "the article text" if match.field == ARTICLE_TEXT else f"a claim's {match.field}"
    return f"{index + 1}/{len(matches)} · ¶{match.paragraph} · {what} (n / N: next / previous)"
