"""The words of a fact-check: verdicts, confidences, stances, link kinds, anchor states.

No pydantic here: the command line offers these as choices before the models load.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args

Verdict = Literal[
    "pending",
    "accurate",
    "mostly-accurate",
    "disputed",
    "misleading",
    "inaccurate",
    "unverifiable",
]
Confidence = Literal["unrated", "low", "medium", "high"]
Stance = Literal["supports", "contradicts", "context"]
LinkKind = Literal["contradicts", "supports", "duplicates", "qualifies"]
RecordedState = Literal["changed", "orphan"]
"""The anchor states a claim records in its file (the values of AnchorState.CHANGED and
AnchorState.ORPHAN): a claim found exactly records none."""

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)
STANCES: tuple[Stance, ...] = get_args(Stance)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
SYMMETRIC_KINDS: frozenset[LinkKind] = frozenset({"contradicts", "duplicates"})


class AnchorState(StrEnum):
    """Where re-anchoring found a claim (docs/design.md §5); each formats as its value."""

    ANCHORED = "anchored"
    MOVED = "moved"
    CHANGED = "changed"
    ORPHAN = "orphan"

    @property
    def trusted(self) -> bool:
        """Whether the claim's exact quote was found (its hints may be refreshed)."""
        return self in (AnchorState.ANCHORED, AnchorState.MOVED)

    @property
    def recorded(self) -> RecordedState | None:
        """What a claim found so records in its file: nothing when found exactly."""
        if self is AnchorState.CHANGED:
            return "changed"
        if self is AnchorState.ORPHAN:
            return "orphan"
        return None


def recorded_state(recorded: RecordedState | None) -> AnchorState | None:
    """The state a claim's file records, if it records one."""
    return None if recorded is None else AnchorState(recorded)
