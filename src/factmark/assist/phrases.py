"""What the words around a counted noun say of it: the relative clause that tells what its
ones did ("members who voted against"), who has them ("the farm's 62 turbines"), the noun a
bare figure gives the size of ("the crowd of 4,812"), a zero said of some of them only."""

from __future__ import annotations

from dataclasses import replace

from factmark.assist import circumstances, context
from factmark.assist.lexicon import QUANTIFIERS, STOP
from factmark.assist.numbers import is_number_word
from factmark.assist.tokens import Sentence, Token
from factmark.assist.words import event, singular

HAS = frozenset({"has", "have", "had", "owns", "operates", "runs"})
"""Verbs after which a figure is the size of what someone has."""


def owner(tokens: list[Token], first: int) -> str:
    """Whose the counted ones are: "the farm's 62 turbines", "The farm has 72 turbines"."""
    if first < 1:
        return ""
    before = tokens[first - 1]
    if before.lower == "the" and not _partitive(tokens, first - 2):
        return "the"
    if before.is_word and before.lower.endswith(("'s", "’s")):
        return before.lower[:-2]
    if first >= 2 and before.lower in HAS:
        owner = tokens[first - 2]
        if owner.is_word and owner.lower not in STOP and not owner.text[:1].isupper():
            return singular(owner.lower)
    return ""


def _partitive(tokens: list[Token], of: int) -> bool:
    """Whether "of" at ``of`` takes a part of a whole: "14 of the 22 schools", "most of the
    16 patients" (not "the birth of the four cubs")."""
    if of < 0 or tokens[of].lower != "of":
        return False
    if of == 0:
        return True
    part = tokens[of - 1]
    return part.kind == "num" or is_number_word(part) or part.lower in QUANTIFIERS


WHO = frozenset({"who", "that"})


def relative(sentence: Sentence, head: int) -> list[int]:
    """The indices of the relative clause right after a noun ("members who voted …")."""
    after = head + 1
    if after >= len(sentence.tokens) or sentence.tokens[after].lower not in WHO:
        return []
    return [i for i in sentence.clauses[sentence.clause_of[after]] if i > after]


def with_relative(
    around: context.Around, tokens: list[Token], indices: list[int]
) -> context.Around:
    """The context of a figure whose noun a relative clause tells of: its first event is
    what the figure counts, its words are part of its scene."""
    named = [event(tokens[i].lower) for i in indices if context.event_of(tokens[i].lower)]
    words = frozenset(
        singular(tokens[i].lower)
        for i in indices
        if tokens[i].is_word and tokens[i].lower not in STOP and not is_number_word(tokens[i])
    )
    longer = circumstances.thresholds(" ".join(tokens[i].lower for i in indices))
    return replace(
        around,
        verbs=around.verbs | set(named[:1]),
        topic=around.topic | words,
        times=around.times | longer,  # "two patients who had waited more than two years"
    )


_SIZES = frozenset({"attendance", "crowd", "gate", "population", "workforce", "membership"})
"""Nouns whose size a figure after "was" gives: "Average attendance at the ground was 18,240"."""
_COPULA = frozenset({"was", "is", "were", "stood", "at", "reached", "of"})


def sized(tokens: list[Token], first: int) -> list[int]:
    """The noun whose size a figure without a noun of its own gives: "The attendance of
    8,412 was …", "the crowd of 4,812", "Average league attendance at Millbrook Road was
    18,240"."""
    if first >= 2 and tokens[first - 1].lower in _COPULA - {"of"}:
        at = first - 1
        while at >= 0 and tokens[at].lower in _COPULA:
            at -= 1
        for index in range(at, max(-1, at - 6), -1):  # back over "at Millbrook Road"
            if tokens[index].lower in _SIZES:
                return [index]
            if tokens[index].kind == "punct" or tokens[index].lower in {"and", "but"}:
                break
        return []
    if first < 2 or tokens[first - 1].lower != "of":
        return []
    noun = tokens[first - 2]
    lower = noun.lower
    if not noun.is_word or lower in STOP or lower in QUANTIFIERS or is_number_word(noun):
        return []
    return [] if noun.text[:1].isupper() or singular(lower) != lower else [first - 2]


_SCOPES = frozenset({"on", "in", "at", "from", "across", "to"})


def scoped(sentence: Sentence, first: int, last: int) -> bool:
    """Whether a zero is said of some counted ones only: "No buses ran on the 14 routes"."""
    tokens = sentence.tokens
    clause = sentence.clauses[sentence.clause_of[first]]
    after = [i for i in clause if i > last]
    for at, index in enumerate(after[:-1]):
        if tokens[index].lower not in _SCOPES:
            continue
        nxt = after[at + 1]
        if tokens[nxt].lower in {"the", "its", "their", "all"} and at + 2 < len(after):
            nxt = after[at + 2]
        if tokens[nxt].kind == "num" or is_number_word(tokens[nxt]):
            return True
    return False
