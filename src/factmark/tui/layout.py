"""Wrapping paragraphs into display lines, by terminal cells, keeping offsets.

Each display line knows its paragraph and the code-point span it shows, so
a line can be drawn, and a mouse position mapped back to an offset, without
looking at any other line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

_TOKEN = re.compile(r"\S*\s*")

# Characters known to take one terminal cell: most prose, curly quotes and dashes,
# and the placeholders that stand for control characters.
_NARROW = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u0370-\u052f\u1e00-\u1fff\u2010-\u2027\u2030-\u205e"
    "\u20a0-\u20bf\u2100-\u22ff\u2400-\u243f\u25a0-\u25ff]*"
)


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    """Greedy wrapping as one regular expression (run in C, so a book wraps fast).

    A line is the longest run of at most ``width`` characters that ends before
    white space or at the end, else exactly ``width`` characters of a long
    word; the white space after it stays on the line.
    """
    return re.compile(f"(?:.{{1,{width}}}(?=\\s|$)|.{{1,{width}}})\\s*", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Line:
    """One display line: paragraph number (0 for the gap between paragraphs) and span."""

    paragraph: int
    start: int
    end: int


GAP = Line(0, 0, 0)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Spans of ``text`` that fit ``width`` cells each, broken after white space.

    ``text`` is display text (one cell or two per character, no newlines).
    Spans are contiguous and cover the whole text; trailing spaces stay on
    the line they follow. A word wider than the line is broken by character.
    """
    width = max(1, width)
    narrow = _NARROW.fullmatch(text) is not None
    if narrow:  # one cell per character: let the regular expression do it
        if len(text) <= width:
            return [(0, len(text))]
        return [match.span() for match in _line_pattern(width).finditer(text)]
    if cell_len(text) <= width:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        word = match.group().rstrip()
        word_width = cell_len(word)
        if used and used + word_width > width:
            spans.append((line_start, start))
            line_start, used = start, 0
        if word_width > width:  # a word longer than a line: break it by character
            for index, char in enumerate(word, start):
                size = cell_len(char)
                if used and used + size > width:
                    spans.append((line_start, index))
                    line_start, used = index, 0
                used += size
            used += end - start - len(word)
        else:
            used += cell_len(match.group())
    spans.append((line_start, len(text)))
    return spans


class Layout:
    """The article as display lines at one width: paragraphs separated by a gap line."""

    def __init__(self, paragraphs: Sequence[str], width: int) -> None:
        self.width = width
        lines: list[Line] = []
        firsts: list[int] = []
        for number, text in enumerate(paragraphs, start=1):
            if number > 1:
                lines.append(GAP)
            firsts.append(len(lines))
            lines.extend(Line(number, start, end) for start, end in wrap(text, width))
        self.lines = lines
        self.first_lines = firsts
        """Index of each paragraph's first line (paragraph N at ``first_lines[N-1]``)."""

    def __len__(self) -> int:
        return len(self.lines)

    def paragraph_lines(self, number: int) -> range:
        """The line indexes that show paragraph ``number``."""
        first = self.first_lines[number - 1]
        last = self.first_lines[number] - 1 if number < len(self.first_lines) else len(self.lines)
        return range(first, last)

    def line_of(self, number: int, offset: int) -> int:
        """The line index showing ``offset`` of paragraph ``number``."""
        lines = self.paragraph_lines(number)
        for index in lines:
            if offset < self.lines[index].end:
                return index
        return lines[-1]
