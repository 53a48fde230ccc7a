"""Integers beyond 64 bits are found wherever they stand, in the file's order."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from factmark.tomlread import INT_MAX, INT_MIN, Location, integers_out_of_range


def reference(value: Any, location: Location = ()) -> list[tuple[Location, int]]:
    """The same search, written the obvious way (recursively)."""
    if isinstance(value, dict):
        items: list[tuple[str | int, Any]] = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        wide = isinstance(value, int) and not isinstance(value, bool)
        return [(location, value)] if wide and not INT_MIN <= value <= INT_MAX else []
    return [found for key, item in items for found in reference(item, (*location, key))]


SCALARS = st.one_of(
    st.integers(INT_MIN - 3, INT_MIN + 3),
    st.integers(INT_MAX - 3, INT_MAX + 3),
    st.integers(-(10**30), 10**30),
    st.booleans(),
    st.text(max_size=3),
)
KEYS = st.text(max_size=2)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(KEYS, VALUES, max_size=5))
def test_every_wide_integer_is_found_with_its_location_in_order(data: dict[str, Any]) -> None:
    assert integers_out_of_range(data) == reference(data)


def test_an_integer_in_a_source_of_a_claim_is_named_by_its_path() -> None:
    data = {
        "format": 1,
        "claims": [
            {"id": "a", "start": 2**63, "sources": [{"n": -(2**63) - 1}, {"n": 1}]},
            {"id": "b", "tags": [[2**64]], "paragraph": True},
        ],
        "links": [],
    }
    assert integers_out_of_range(data) == [
        (("claims", 0, "start"), 2**63),
        (("claims", 0, "sources", 0, "n"), -(2**63) - 1),
        (("claims", 1, "tags", 0, 0), 2**64),
    ]
