"""Which two counts of the same thing disagree, and which only seem to.

Two mentions are of the same thing when they count the same noun for the same
event, of the same kind ("domestic flights" is not "flights"), with no names,
places or times that set them apart. Their values disagree when neither range
holds the other's value and no sum in the article explains the difference (a
part and its complement, a total and its parts).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

from factmark.assist.mentions import Mention
from factmark.assist.numbers import figures, spoken
from factmark.assist.tokens import Sentence

_MAX_PARTS = 8
"""Sums are taken over at most this many figures of one sentence (2**8 sums)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences, the first earlier, that state different values for one thing."""

    first: Sentence
    second: Sentence
    reason: str
    score: float
    key: str
    """The thing and the two values: pairs with the same key say the same thing twice."""


def same_thing(a: Mention, b: Mention) -> bool:
    """Whether two mentions count the same thing for the same event."""
    if a.noun != b.noun or not a.events & b.events:
        return False
    if a.qualifiers and b.qualifiers and a.qualifiers.isdisjoint(b.qualifiers):
        return False
    if a.modifiers != b.modifiers:
        return False
    if a.times and b.times and a.times.isdisjoint(b.times):
        return False
    return ("past" in a.times) == ("past" in b.times)


def overlap(a: Mention, b: Mention) -> bool:
    """Whether the two values can both be true: ranges that meet, or a rounding of one."""
    return a.low <= b.high and b.low <= a.high


def sums(sentence: Sentence) -> set[float]:
    """Every sum of the figures of one sentence (each figure alone included)."""
    values = [figure.value for figure in figures(sentence.tokens)][:_MAX_PARTS]
    found: set[float] = set()
    for size in range(1, len(values) + 1):
        found.update(sum(chosen) for chosen in combinations(values, size))
    return found


def explained(a: Mention, b: Mention, known: set[float]) -> bool:
    """Whether the difference of two values is itself a figure or sum the article states."""
    difference = abs(a.value - b.value)
    return any(abs(difference - value) <= 0.5 for value in known)


def _reason(a: Mention, b: Mention) -> str:
    if a.zero or b.zero:
        left = a.surface if a.zero else f"{a.surface} {a.noun_text}".strip()
        right = b.surface if b.zero else f"{b.surface} {b.noun_text}".strip()
        return f"{left} vs {right}"
    if a.noun_text.lower() == b.noun_text.lower():
        return f"{a.surface} vs {b.surface} {b.noun_text}".strip()
    return f"{a.surface} {a.noun_text} vs {b.surface} {b.noun_text}".strip()


def _score(a: Mention, b: Mention) -> float:
    score = 0.7 if (a.zero or b.zero) else 0.6
    union = a.topic | b.topic
    if union:
        score += 0.25 * len(a.topic & b.topic) / len(union)
    if a.qualifiers & b.qualifiers or (a.complement and a.complement == b.complement):
        score += 0.05
    if not (a.zero or b.zero) and abs(a.value - b.value) <= 0.1 * max(a.value, b.value):
        score += 0.05
    return min(score, 1.0)


def judge(a: Mention, b: Mention, known: set[float]) -> Pair | None:
    """The pair the two mentions make, if they disagree about the same thing."""
    if a.sentence.index == b.sentence.index or (a.zero and b.zero):
        return None
    if not (a.plain and b.plain and same_thing(a, b)):
        return None
    if a.zero or b.zero:
        count = b if a.zero else a
        if count.low <= 0:
            return None
    elif overlap(a, b) or explained(a, b, known):
        return None
    values = "/".join(spoken(v) for v in sorted((a.value, b.value)))
    return Pair(a.sentence, b.sentence, _reason(a, b), _score(a, b), f"{a.noun}:{values}")


def _inherit(mentions: list[Mention]) -> list[Mention]:
    """A figure repeated without its names ("the 1,200 bodies") takes those it had before."""
    first: dict[tuple[str, float], frozenset[str]] = {}
    out: list[Mention] = []
    for mention in mentions:
        key = (mention.noun, mention.value)
        if mention.qualifiers:
            first.setdefault(key, mention.qualifiers)
        elif key in first and not mention.zero:
            mention = replace(mention, qualifiers=first[key])
        out.append(mention)
    return out


def pairs(mentions: list[Mention]) -> list[Pair]:
    """Every pair of mentions, in article order, that disagree about the same thing."""
    by_noun: dict[str, list[Mention]] = defaultdict(list)
    for mention in _inherit(mentions):
        by_noun[mention.noun].append(mention)
    found: list[Pair] = []
    for group in by_noun.values():
        if len(group) < 2:
            continue
        known = {m.value for m in group}
        for sentence in {m.sentence.index: m.sentence for m in group}.values():
            known |= sums(sentence)
        for a, b in combinations(group, 2):
            pair = judge(a, b, known)
            if pair is not None:
                found.append(pair)
    return found
