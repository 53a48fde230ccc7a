"""Each value is written exactly as tomli-w writes it, with factmark's escapes added."""

from __future__ import annotations

import tomllib

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from factmark.store.writer import _escape_hidden, _value
from factmark.visible import HIDDEN


def by_tomli_w(value: object) -> str:
    rendered: str = tomli_w.dumps({"v": value})[len("v = ") : -1]
    return HIDDEN.sub(_escape_hidden, rendered)


@given(st.one_of(st.integers(-(2**63), 2**63 - 1), st.booleans()))
def test_integers_and_booleans(value: int) -> None:
    assert _value(value) == by_tomli_w(value)


@given(st.text(st.characters(max_codepoint=0x7F)) | st.text())
def test_one_line_strings(value: str) -> None:
    if "\n" in value:
        value = value.replace("\n", " ")
    written = _value(value)
    assert written == by_tomli_w(value)
    assert tomllib.loads(f"v = {written}")["v"] == value
