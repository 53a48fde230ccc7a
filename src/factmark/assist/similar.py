"""A second pairing, by likeness: two sentences worded alike that give one unit
different figures.

The rule-based pairing (``pairing``) compares counts of one noun for one event.
This one reads less: a figure's unit is the word after it (its singular, with the
lexicon's synonyms: "councillors" count members; hours, days and weeks are one
unit, in days; a currency is a unit), and two figures of one unit are compared when
the words around them are alike (``WINDOW`` words either side, Jaccard over their
stems, at least ``THRESHOLD``). What the rules know stays known: a figure the
mention reader gives a role (a part, a total, a change, a target, a share) is not
read, nor are two values that overlap, whose difference is a sum of the sentences'
figures, or that are said of other places, kinds, times or sides.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from factmark.assist import pairing
from factmark.assist.lexicon import PERCENT_WORDS, STOP, TIME_UNITS
from factmark.assist.mentions import Mention
from factmark.assist.numbers import Figure, figures, spoken
from factmark.assist.tokens import Sentence, Token
from factmark.assist.words import counted, event_names, singular, stem

WINDOW = 8
"""Words either side of a figure that say what it is about."""
THRESHOLD = 0.6
"""How alike (Jaccard over stems) the words around two figures must be."""
_SCORE = 0.5
"""Below the rule-based pairs (0.6 and up): a likeness is weaker evidence."""


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure with its unit and the words around it."""

    sentence: Sentence
    unit: str
    value: float
    tolerance: float
    surface: str
    """The figure as written, with the word after it ("200 metres", "£4.5m")."""
    around: frozenset[str]
    mention: Mention | None


def _unit(tokens: list[Token], figure: Figure) -> tuple[str, float] | None:
    """The unit of a figure and the factor to it: ("day", 1/24) for "hours"."""
    if figure.currency:
        return figure.currency, 1.0
    after = figure.last + 1
    if after >= len(tokens) or not tokens[after].is_word:
        return None
    word = tokens[after].lower
    if word in STOP or word in PERCENT_WORDS:
        return None
    noun = singular(word)
    if noun in TIME_UNITS:
        return "day", TIME_UNITS[noun]
    return counted(noun), 1.0


def _around(tokens: list[Token], figure: Figure) -> frozenset[str]:
    """The stems of the content words within ``WINDOW`` words of the figure."""
    low = max(0, figure.first - WINDOW)
    high = min(len(tokens), figure.last + 1 + WINDOW)
    return frozenset(
        stem(singular(token.lower))
        for index, token in enumerate(tokens[low:high], start=low)
        if token.is_word
        and len(token.lower) > 2
        and token.lower not in STOP
        and not figure.first <= index <= figure.last
    )


def measures(sentence: Sentence, read: dict[int, Mention]) -> list[Measure]:
    """The figures of a sentence with a unit, but those given a role (``read``: the
    mentions of the sentence by the position of their figure)."""
    tokens = sentence.tokens
    found: list[Measure] = []
    for figure in figures(tokens):
        mention = read.get(figure.first)
        unit = _unit(tokens, figure)
        if unit is None or (mention is not None and not mention.plain):
            continue
        name, factor = unit
        last = figure.last if figure.currency else figure.last + 1
        surface = sentence.text[tokens[figure.first].start : tokens[last].end]
        found.append(
            Measure(
                sentence,
                name,
                figure.value * factor,
                figure.tolerance * factor,
                surface,
                _around(tokens, figure),
                mention,
            )
        )
    return found


def likeness(a: Measure, b: Measure) -> float:
    """Jaccard over the words around the two figures."""
    union = a.around | b.around
    return len(a.around & b.around) / len(union) if union else 0.0


def _set_apart(a: Mention, b: Mention) -> bool:
    """Whether what the mention reader knows of the two sets them apart: ranges that
    meet ("more than 5,000" and 5,420), other measures (a target and what was done),
    events the lexicon tells apart (destroyed and damaged), a total and something no
    larger, other kinds, sides, places or times."""
    if pairing.overlap(a, b) or a.measure != b.measure or _other_events(a, b):
        return True
    return pairing._within(a, b) or pairing.set_apart(a, b)


def _other_events(a: Mention, b: Mention) -> bool:
    """Whether both name events the lexicon knows, and none is the same."""
    known = event_names()
    events_a, events_b = a.verbs & known, b.verbs & known
    return bool(events_a and events_b) and events_a.isdisjoint(events_b)


def _disagree(a: Measure, b: Measure) -> bool:
    """Different values that no rounding, sum or setting explains."""
    if a.sentence.index == b.sentence.index:
        return False
    if abs(a.value - b.value) <= max(a.tolerance, b.tolerance, 1e-9):
        return False
    difference = abs(a.value - b.value)
    sums = pairing.sums(a.sentence.text) | pairing.sums(b.sentence.text)
    if any(abs(difference - value) <= 0.5 for value in sums):
        return False
    return not (a.mention and b.mention and _set_apart(a.mention, b.mention))


def _pair(a: Measure, b: Measure, alike: float) -> pairing.Pair:
    values = "/".join(spoken(v) for v in sorted((a.value, b.value)))
    return pairing.Pair(
        a.sentence,
        b.sentence,
        f"{a.surface} vs {b.surface} (alike)",
        _SCORE + 0.1 * alike,
        f"{a.unit}:{values}",
    )


def pairs(every: list[Sentence], counted_: list[Mention]) -> list[pairing.Pair]:
    """Pairs of sentences, in article order, alike around figures of one unit that
    differ; only figures of one unit are compared."""
    read: dict[int, dict[int, Mention]] = defaultdict(dict)
    for mention in counted_:
        read[mention.sentence.index][mention.position] = mention
    buckets: dict[str, list[Measure]] = defaultdict(list)
    for sentence in every:
        for measure in measures(sentence, read[sentence.index]):
            buckets[measure.unit].append(measure)
    found: list[pairing.Pair] = []
    for bucket in buckets.values():
        for a, b in combinations(bucket, 2):
            alike = likeness(a, b)
            if alike >= THRESHOLD and _disagree(a, b):
                found.append(_pair(a, b, alike))
    return found
