"""The words of a fact-check: verdicts, confidences, stances, link kinds, recorded states.

No pydantic here: the command line offers these as choices before the models load.
"""

from __future__ import annotations

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

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)
STANCES: tuple[Stance, ...] = get_args(Stance)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
SYMMETRIC_KINDS: frozenset[LinkKind] = frozenset({"contradicts", "duplicates"})
