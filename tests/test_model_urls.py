"""A source's URL has no white space: whatever str.isspace calls white space."""

from __future__ import annotations

import sys

import pytest
from pydantic import ValidationError

from factmark.model import _SPACE, Source


def test_the_white_space_searched_for_is_what_str_isspace_says() -> None:
    characters = (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert all(bool(_SPACE.search(char)) == char.isspace() for char in characters)


@pytest.mark.parametrize("space", [" ", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\u2028"])
def test_a_url_holding_white_space_is_refused(space: str) -> None:
    with pytest.raises(ValidationError, match="no white space"):
        Source(url=f"https://example.org/a{space}b", stance="supports")


def test_a_url_without_white_space_is_kept() -> None:
    assert Source(url="https://example.org/a%20b", stance="supports").url == (
        "https://example.org/a%20b"
    )
