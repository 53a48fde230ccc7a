"""Every hidden character has a visible placeholder, in every view."""

from __future__ import annotations

import tomllib
import unicodedata

import pytest

from factmark.cli import one_line
from factmark.gitio.render import printable
from factmark.model import AnnotationFile, Claim
from factmark.store import writer
from factmark.tui.text import sanitize
from factmark.visible import HIDDEN, INVISIBLE, UNSAFE, escaped, placeholder

FORMAT_CHARACTERS = [
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


@pytest.mark.parametrize("char", FORMAT_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_invisible_character_is_caught_and_shown(char: str) -> None:
    assert UNSAFE.fullmatch(char) and HIDDEN.fullmatch(char) and INVISIBLE.fullmatch(char)
    assert placeholder(char) == "◇"
    assert char not in one_line(f"a{char}b")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\t"])
def test_control_characters_have_their_own_placeholder(char: str) -> None:
    assert UNSAFE.fullmatch(char) and INVISIBLE.fullmatch(char)
    assert len(placeholder(char)) == 1 and placeholder(char) != char


def test_newline_is_hidden_only_where_a_line_break_cannot_show() -> None:
    assert UNSAFE.fullmatch("\n") and not INVISIBLE.fullmatch("\n")
    assert placeholder("\n") == " "


@pytest.mark.parametrize("text", ["Medinsky’s 1,212", "¶ 7 — “27”", "é ü 漢字 😀"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not UNSAFE.search(text)


# --- one policy: the file, the diff and every view ------------------------------------


def policy(char: str) -> bool:
    """docs/format.md: category Cc but tab and newline, all of Cf, U+2028 and U+2029."""
    category = unicodedata.category(char)
    return (category == "Cc" and char not in "\t\n") or category == "Cf" or char in "\u2028\u2029"


def test_the_hidden_set_is_the_unicode_categories_it_names() -> None:
    for code in range(0x110000):
        char = chr(code)
        if policy(char):
            assert HIDDEN.fullmatch(char), f"U+{code:04X} is {unicodedata.category(char)}"
        elif HIDDEN.fullmatch(char):
            # Only a format character a newer Unicode than this Python's names.
            assert unicodedata.category(char) == "Cn", f"U+{code:04X}"


SAMPLES = ["\x1b", "\x7f", "\x85", "\u00ad", "\u061c", "\u2060", "\u2064", "\u2028", "\U000e0041"]


@pytest.mark.parametrize("char", SAMPLES, ids=lambda c: f"U+{ord(c):04X}")
def test_a_hidden_character_is_escaped_in_the_file_and_the_diff_and_shown_on_screen(
    char: str,
) -> None:
    note = f"before{char}after"
    claim = Claim(id="aaaa11", quote="x", note=note)
    text = writer.dumps(AnnotationFile(article="a.txt", claims=[claim]))
    assert char not in text and escaped(char).lower() in text.lower()  # tomli-w: \\u001b
    assert tomllib.loads(text)["claims"][0]["note"] == note  # the escape reads back
    assert char not in printable(note) and escaped(char) in printable(note)
    assert char not in sanitize(note)


def test_escapes_beyond_the_basic_plane_are_eight_digits() -> None:
    assert escaped("\U000e0041") == "\\U000E0041" and escaped("\u061c") == "\\u061C"
