"""Every hidden character has a visible placeholder, in every view."""

from __future__ import annotations

import pytest

from factmark.cli import one_line
from factmark.visible import HIDDEN, UNSAFE, placeholder

INVISIBLE = [
    "\u00ad",  # soft hyphen
    "\u061c",  # Arabic letter mark (bidirectional)
    "\u200b", "\u200e", "\u200f",  # zero width space, LRM, RLM
    "\u2028", "\u2029",  # line and paragraph separators
    "\u202a", "\u202e",  # bidirectional embedding and override
    "\u2060", "\u2064",  # word joiner, invisible plus
    "\u2066", "\u2069",  # bidirectional isolates
    "\ufeff",  # zero width no-break space
    "\U000e0001", "\U000e0041",  # tag characters
]  # fmt: skip


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_each_invisible_character_is_caught_and_shown(char: str) -> None:
    assert UNSAFE.fullmatch(char) and HIDDEN.fullmatch(char)
    assert placeholder(char) == "◇"
    assert char not in one_line(f"a{char}b")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\t"])
def test_control_characters_have_their_own_placeholder(char: str) -> None:
    assert UNSAFE.fullmatch(char) and HIDDEN.fullmatch(char)
    assert len(placeholder(char)) == 1 and placeholder(char) != char


def test_newline_is_hidden_only_where_a_line_break_cannot_show() -> None:
    assert UNSAFE.fullmatch("\n") and not HIDDEN.fullmatch("\n")
    assert placeholder("\n") == " "


@pytest.mark.parametrize("text", ["Medinsky’s 1,212", "¶ 7 — “27”", "é ü 漢字 😀"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not UNSAFE.search(text)
