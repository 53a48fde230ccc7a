"""Every place where each of many quotes stands in one text, in one pass over it.

Looking for each quote with ``str.find`` reads the whole article once per
quote: after a copy edit moves every claim of a book, that is 2,000 reads of
a megabyte. Here the first :data:`PROBE` characters of every quote go into one
regular expression, shaped as a trie (one branch per next character), that is
tried at every position of the text in a single scan; each place a probe stands
is then checked for the whole quote. The result is exactly what repeated
``str.find`` gives: every start, overlapping ones included, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

PROBE = 12
"""Characters of a quote looked for in the single scan (shorter quotes use ``str.find``)."""
FEW = 16
"""Up to this many quotes, ``str.find`` for each reads the text fewer times than building
the expression costs."""


Trie = dict[str, "Trie"]


def _trie(probes: Iterable[str]) -> str:
    """A regular expression matching exactly these strings, all of one length."""
    root: Trie = {}
    for probe in probes:
        node = root
        for char in probe:
            node = node.setdefault(char, {})
    return _branches(root)


def _branches(node: Trie) -> str:
    if not node:
        return ""
    parts = [re.escape(char) + _branches(child) for char, child in sorted(node.items())]
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


class QuoteSearch:
    """Where each of a set of quotes stands in ``text`` (every start, in order).

    Any quote can be asked for; those not given at construction are looked for
    with ``str.find``.
    """

    def __init__(self, text: str, quotes: Iterable[str]) -> None:
        self.text = text
        long = [quote for quote in quotes if len(quote) >= PROBE]
        probes = {quote[:PROBE] for quote in long}
        self._starts: dict[str, list[int]] = {}
        if len(long) > FEW:
            self._starts = {probe: [] for probe in probes}
            pattern = re.compile(f"(?=({_trie(probes)}))")
            for match in pattern.finditer(text):
                self._starts[match.group(1)].append(match.start())

    def starts(self, quote: str) -> Iterator[int]:
        """Every offset of ``text`` where ``quote`` starts (overlapping ones too)."""
        found = self._starts.get(quote[:PROBE]) if len(quote) >= PROBE else None
        if found is None:
            position = self.text.find(quote)
            while position >= 0:
                yield position
                position = self.text.find(quote, position + 1)
            return
        for position in found:
            if self.text.startswith(quote, position):
                yield position
