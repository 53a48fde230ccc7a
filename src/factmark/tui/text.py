"""Untrusted text made safe to show: never markup, control characters visible.

Article text and everything in an annotation file is shown through these
helpers. They build ``rich.text.Text`` from the plain string (no markup is
parsed, so ``[bold]`` or ``[@click=app.quit]`` appear as typed) and replace
each control or hidden character with one visible placeholder character,
so offsets into the text stay valid one for one.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from factmark.visible import UNSAFE, placeholder

PLACEHOLDER_STYLE = Style(reverse=True)


def sanitize(text: str) -> str:
    """The text with every control or hidden character replaced by one visible one.

    Newlines become spaces (a soft wrap inside a paragraph reads as a space).
    The result has exactly as many characters as the input.
    """
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(lambda m: placeholder(m.group()), text)


def unsafe_offsets(text: str) -> list[int]:
    """Offsets of the characters that sanitize() replaced with placeholders (not newlines)."""
    return [m.start() for m in UNSAFE.finditer(text) if m.group() != "\n"]


def plain(text: str, style: Style | str = "", *, lines: bool = False) -> Text:
    """A Text showing ``text`` exactly as typed, placeholders marked.

    With ``lines``, newlines stay line breaks (a note); otherwise they read as spaces.
    """
    if lines:
        return Text("\n", end="").join(plain(line, style) for line in text.split("\n"))
    shown = Text(sanitize(text), style=style, no_wrap=False, end="")
    for offset in unsafe_offsets(text):
        shown.stylize(PLACEHOLDER_STYLE, offset, offset + 1)
    return shown


def hidden_characters(text: str) -> list[str]:
    """Names of the invisible or control characters in a text, for a warning."""
    found = []
    for char in dict.fromkeys(m.group() for m in UNSAFE.finditer(text) if m.group() not in "\n\t"):
        found.append(f"U+{ord(char):04X}")
    return found


def excerpt(text: str, width: int) -> str:
    """The text on one line, cut to ``width`` cells with an ellipsis."""
    flat = sanitize(" ".join(text.split()))
    if cell_len(flat) <= width:
        return flat
    out = []
    used = 0
    for char in flat:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out).rstrip() + "…"
