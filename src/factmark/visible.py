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
    from factmark.model import Verdict

_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
)
"""Soft hyphen, zero-width and bidirectional marks, line and paragraph separators,
invisible operators, interlinear annotation and tag characters."""
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
"""Control characters, invisible and bidirectional format characters (newline included)."""
HIDDEN = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
"""The same, but newline: for views where a line break may show as one."""


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
