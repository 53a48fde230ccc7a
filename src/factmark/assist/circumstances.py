"""Who, where and when a clause speaks of: names, places and times.

Two counts of the same noun are of different things when they are said of
different names ("Ukrainian" and "Russian" soldiers), places ("in Kelby") or
times ("in 2019", "last year").
"""

from __future__ import annotations

from factmark.assist.lexicon import MONTHS, PAST_MARKERS, TIME_WORDS, WEEKDAYS, words
from factmark.assist.numbers import is_year
from factmark.assist.tokens import Sentence, Token

_PLACE_PREPOSITIONS = words("in at across near outside inside")
_REGIONS = words(
    """north south east west northern southern eastern western capital centre center
    region province state county district suburbs village town"""
)
CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_TIME_LEADS = words("last this next previous same following")
_BOUNDS = words("since until by from before after till")
"""A time after one of these bounds a period; it is not when the thing happened."""
_REPORTING = words(
    """said says told claimed confirmed added noted announced stated insisted argued
    reported wrote according"""
)
_TITLES = words("mr mrs ms dr sir")


def _speakers(tokens: list[Token]) -> set[int]:
    """Indices of the names of who says something ("Ms Marsh said", "according to Interfax")."""
    found: set[int] = set()
    for index, token in enumerate(tokens):
        if token.lower not in _REPORTING:
            continue
        back = index - 1
        while back >= 0 and tokens[back].text[:1].isupper() and tokens[back].is_word:
            found.add(back)
            back -= 1
        ahead = index + 2 if token.lower == "according" else index + 1
        while ahead < len(tokens) and tokens[ahead].text[:1].isupper() and tokens[ahead].is_word:
            found.add(ahead)
            ahead += 1
    return found


def names(sentence: Sentence, indices: set[int]) -> frozenset[str]:
    """The proper names among the tokens at ``indices``, less speakers, titles and dates."""
    tokens = sentence.tokens
    speakers = _speakers(tokens)
    found: set[str] = set()
    for index in indices:
        token = tokens[index]
        if not token.is_word or not token.text[:1].isupper() or index in speakers:
            continue
        lower = token.lower
        if lower in CALENDAR or lower in _TITLES:
            continue
        if index == 0 and not (len(tokens) > 1 and tokens[1].text[:1].isupper()):
            continue  # a capital that only starts the sentence
        found.add(lower.removesuffix("'s").removesuffix("’s"))
    return frozenset(found)


def places(clause: list[Token]) -> frozenset[str]:
    """Places named after "in", "at", "across" …: "in Kelby", "in the north"."""
    found: set[str] = set()
    for index, token in enumerate(clause[:-1]):
        if token.lower not in _PLACE_PREPOSITIONS:
            continue
        nxt = clause[index + 1]
        if nxt.lower == "the" and index + 2 < len(clause):
            nxt = clause[index + 2]
            if nxt.lower in _REGIONS:
                found.add(nxt.lower)
                continue
        if nxt.text[:1].isupper() and nxt.lower not in CALENDAR and nxt.is_word:
            found.add(nxt.lower)
    return frozenset(found)


def _reporting_clauses(sentence: Sentence) -> set[int]:
    """The clauses that say who said it ("…, the minister told the assembly on Wednesday")."""
    return {
        sentence.clause_of[index]
        for index, token in enumerate(sentence.tokens)
        if token.lower in _REPORTING
    }


def times(sentence: Sentence, clause: int) -> frozenset[str]:
    """The times a sentence names, but in the clauses that only say who said it: years,
    months, weekdays, "last year"; and "past" for "a year earlier", "previously", …"""
    found: set[str] = set()
    tokens = sentence.tokens
    reporting = _reporting_clauses(sentence) - {clause}
    for index, token in enumerate(tokens):
        lower = token.lower.removesuffix("'s").removesuffix("’s")
        before = tokens[index - 1].lower if index else ""
        if before in _BOUNDS or sentence.clause_of[index] in reporting:
            continue
        if lower in CALENDAR and (lower != "may" or token.text == "May"):
            found.add(lower)
        elif token.kind == "num" and is_year(tokens, index):
            found.add(token.text)
        elif lower in TIME_WORDS and before in _TIME_LEADS:
            found.add(f"{before} {lower}")
        elif lower in {"yesterday", "today", "tomorrow"}:
            found.add(lower)
    text = " " + " ".join(t.lower for t in tokens if t.is_word) + " "
    if any(f" {marker} " in text for marker in PAST_MARKERS):
        found.add("past")
    return frozenset(found)
