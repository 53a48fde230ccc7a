"""What the article's gutter shows before a line: the paragraph's number on its first
line, a mark where an unclaimed sentence is suggested for checking, and the symbol of
the claims on the line (never colour alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS

if TYPE_CHECKING:
    from factmark.tui.widgets.article_view import ClaimSpan
    from factmark.vocabulary import Verdict

CHANGED_SYMBOL = "~"
"""The gutter's sign of a claim whose text has changed since it was checked."""
SUGGESTED_SYMBOL = "»"
"""The gutter's sign of a line holding an unclaimed sentence suggested for checking."""

_SEVERITY: dict[Verdict, int] = {
    "inaccurate": 6,
    "misleading": 5,
    "disputed": 4,
    "unverifiable": 3,
    "pending": 2,
    "mostly-accurate": 1,
    "accurate": 0,
}


def label(number: int, first: bool, suggested: bool) -> str:
    """Five cells: the paragraph's number on its first line, the suggestion's mark first."""
    text = f"{number:>5}" if first else " " * 5
    return SUGGESTED_SYMBOL + text[1:] if suggested else text


def symbol(spans: list[ClaimSpan]) -> str:
    """The sign of the claims on a line: changed, contradicted, or the worst verdict."""
    if not spans:
        return " "
    if any(span.changed for span in spans):
        return CHANGED_SYMBOL
    if any(span.contradicted for span in spans):
        return CONTRADICTED_SYMBOL
    worst = max(spans, key=lambda span: _SEVERITY[span.verdict])
    return VERDICT_SYMBOLS[worst.verdict]
