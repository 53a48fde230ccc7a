"""Text being chosen in a paragraph for a claim, and how keys move its moving end.

No Textual here: the article view draws a TextRange and moves it with these steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from factmark.article import sentence_at


@dataclass(frozen=True, slots=True)
class TextRange:
    """A range of a paragraph's text being chosen: a fixed anchor and a moving cursor
    (offsets in the paragraph, in either order)."""

    paragraph: int
    anchor: int
    cursor: int

    @property
    def span(self) -> tuple[int, int]:
        return (min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    def moved_to(self, cursor: int) -> TextRange:
        """The same range with its cursor at ``cursor``."""
        return TextRange(self.paragraph, self.anchor, cursor)

    def swapped(self) -> TextRange:
        """The same text, the other end moving."""
        return TextRange(self.paragraph, self.cursor, self.anchor)


def by_word(text: str, cursor: int, step: int) -> int:
    """Where the cursor goes a word forward (past the next word's end) or back (to the
    start of the word before, and past the spaces before that)."""
    if step > 0:
        while cursor < len(text) and not text[cursor].isalnum():
            cursor += 1
        while cursor < len(text) and text[cursor].isalnum():
            cursor += 1
        return cursor
    while cursor > 0 and not text[cursor - 1].isalnum():
        cursor -= 1
    while cursor > 0 and text[cursor - 1].isalnum():
        cursor -= 1
    while cursor > 0 and text[cursor - 1] in " \n":
        cursor -= 1
    return cursor


def by_sentence(text: str, cursor: int, step: int) -> int:
    """Where the cursor goes to the end (forward) or start (back) of its sentence: the
    one holding the character before the cursor."""
    start, end = sentence_at(text, max(0, cursor - 1))
    return end if step > 0 else start
