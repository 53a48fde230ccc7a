"""The paragraph that stands where an orphan's paragraph stood, found by bisection."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factmark.anchor import corresponding


def nearest_by_scan(paragraph: int, moves: dict[int, int]) -> int:
    """The rule, read off every paragraph whose claims moved (the earlier one on a tie)."""
    nearest = min(moves, key=lambda old: (abs(old - paragraph), old))
    return max(1, paragraph + moves[nearest] - nearest)


@given(
    paragraph=st.integers(1, 60),
    moves=st.dictionaries(st.integers(1, 60), st.integers(1, 70), min_size=1, max_size=20),
)
def test_the_nearest_paragraph_with_moved_claims_decides(
    paragraph: int, moves: dict[int, int]
) -> None:
    expected = moves.get(paragraph, nearest_by_scan(paragraph, moves))
    assert corresponding(paragraph, moves) == expected
    assert corresponding(paragraph, moves, sorted(moves)) == expected


def test_a_tie_goes_to_the_earlier_paragraph() -> None:
    assert corresponding(5, {3: 4, 7: 9}) == 6  # 3 -> 4: one down
    assert corresponding(5, {7: 9, 3: 4}, [3, 7]) == 6


def test_without_evidence_the_paragraph_stays() -> None:
    assert corresponding(5, {}) == 5
    assert corresponding(None, {1: 2}) is None
