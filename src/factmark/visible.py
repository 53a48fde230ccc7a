"""How factmark shows what would not show itself: hidden characters, and verdicts.

Article text and annotation text are untrusted. Every view (the terminal, the
HTML page) shows each control, invisible or bidirectional character as one
visible placeholder, and every verdict with a symbol as well as a colour, so
colour is never the only sign. No Textual here: the exports use it too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line quotes with UNSAFE before pydantic is loaded
    from factmark.vocabulary import Verdict

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""Unicode category Cc but tab and newline."""
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""Unicode category Cf, all of it (Unicode 15): soft hyphen, zero-width and bidirectional
marks, invisible operators, interlinear annotation and tag characters, and the rest
(tests/test_visible.py checks it against the running Python's Unicode database)."""
_SEPARATORS = "\u2028\u2029"
"""The line and paragraph separators (Zl, Zp): they break lines where none shows."""
HIDDEN = re.compile(f"[{_CONTROLS}{_FORMAT}{_SEPARATORS}]")
"""The characters a reader cannot see (docs/format.md): escaped in the annotation file
and in the diff, shown as placeholders in every view."""
INVISIBLE = re.compile(f"[\t{_CONTROLS}{_FORMAT}{_SEPARATORS}]")
"""What a view shows as a placeholder: the hidden characters, and a tab (no tab stops)."""
UNSAFE = re.compile(f"[\t\n{_CONTROLS}{_FORMAT}{_SEPARATORS}]")
"""The same and newline: for one-line views (a message, a table cell)."""


def one_line(text: str) -> str:
    """Text as one printable line: control and invisible characters as escapes."""
    return UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def escaped(char: str) -> str:
    """A hidden character as the file and the diff write it: ``\\u061C``, ``\\U000E0041``."""
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def placeholder(char: str) -> str:
    """The one visible character shown for a hidden one (a space for a newline)."""
    code = ord(char)
    if char == "\n":
        return " "
    if char == "\t":
        return "⇥"
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for ESC)
    if code == 0x7F:
        return "␡"
    if code <= 0x9F:
        return "¤"  # a C1 control
    return "◇"  # zero-width or bidirectional format character


VERDICT_SYMBOLS: dict[Verdict, str] = {
    "pending": "○",
    "accurate": "✓",
    "mostly-accurate": "≈",
    "disputed": "?",
    "misleading": "!",
    "inaccurate": "✗",
    "unverifiable": "∅",
}
CONTRADICTED_SYMBOL = "≠"
"""Shown instead of the verdict's symbol where a claim is part of a contradiction."""


def counted(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``: a count with its noun (regular plurals)."""
    return f"{count} {noun}{'s' * (count != 1)}"
