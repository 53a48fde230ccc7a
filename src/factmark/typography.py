"""Typographic variants that are the same text for anchoring (docs/format.md, "Anchoring").

A CMS straightens or curls quotes, swaps dashes, and turns spaces into
non-breaking ones or doubles them; none of that changes what an article says.
:func:`fold` maps each variant onto one plain character, one for one, so a
folded text keeps every offset of the original; runs of spaces are matched by
:func:`quote_pattern`, which allows any run where the quote has one.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VARIANTS = {
    "'": "\u2018\u2019\u201a\u201b\u2032",  # ‘ ’ ‚ ‛ ′
    '"': "\u201c\u201d\u201e\u201f\u2033",  # “ ” „ ‟ ″
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",  # ‐ ‑ ‒ – — ― −
    " ": "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
}
_TABLE = str.maketrans({variant: plain for plain, all_ in _VARIANTS.items() for variant in all_})
_SPACES = re.compile(r" {2,}")


def fold(text: str) -> str:
    """The text with each typographic variant replaced by its plain form (same length)."""
    return text.translate(_TABLE)


def normal(text: str) -> str:
    """Folded, with runs of spaces made one: for comparing two short texts."""
    return _SPACES.sub(" ", fold(text))


def ends_with(text: str, end: str) -> bool:
    """Whether ``text`` ends with ``end``, typographic variants aside."""
    return text.endswith(end) or normal(text).endswith(normal(end))


def starts_with(text: str, start: str) -> bool:
    return text.startswith(start) or normal(text).startswith(normal(start))


@lru_cache(maxsize=256)
def quote_pattern(quote: str) -> re.Pattern[str]:
    """A pattern that finds the quote in a *folded* text, any run of spaces for one."""
    pieces = normal(quote).split(" ")
    return re.compile(" +".join(re.escape(piece) for piece in pieces))
