"""Who, where and when a clause speaks of: names, places and times.

Two counts of the same noun are of different things when they are said of
different names ("Ukrainian" and "Russian" soldiers), places ("in Kelby") or
times ("in 2019", "last year").
"""

from __future__ import annotations

import re

from factmark.assist.lexicon import MONTHS, PAST_MARKERS, STOP, TIME_WORDS, WEEKDAYS, words
from factmark.assist.numbers import figures
from factmark.assist.tokens import UNITS, Sentence, Token

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


def headline(tokens: list[Token]) -> bool:
    """A sentence in title case: most of its words start with a capital."""
    words = [token for token in tokens if token.is_word and len(token.text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) > 0.6 * len(words)


def names(sentence: Sentence, indices: set[int]) -> frozenset[str]:
    """The proper names among the tokens at ``indices``, less speakers, titles and dates."""
    tokens = sentence.tokens
    if headline(tokens):
        return frozenset()  # "Twelve Miners Killed in Gas Explosion": capitals name nothing
    speakers = sentence.memo.get("speakers")
    if not isinstance(speakers, set):
        speakers = sentence.memo["speakers"] = _speakers(tokens)
    found: set[str] = set()
    for index in indices:
        token = tokens[index]
        if not token.is_word or not token.text[:1].isupper() or index in speakers:
            continue
        lower = token.lower
        if lower in CALENDAR or lower in _TITLES or lower in STOP or lower in _UNIT_NOUNS:
            continue  # the "C" of "38.4C" names no one
        if index == 0 and not (len(tokens) > 1 and tokens[1].text[:1].isupper()):
            continue  # a capital that only starts the sentence
        found.add(lower.removesuffix("'s").removesuffix("’s"))
    return frozenset(found)


_UNIT_NOUNS = frozenset(UNITS.values())


def places(sentence: Sentence, clause: list[Token]) -> frozenset[str]:
    """Places named after "in", "at", "across" …: "in Kelby", "in the north" (not in a
    headline, where every word has a capital)."""
    found: set[str] = set()
    titled = headline(sentence.tokens)
    for index, token in enumerate(clause[:-1]):
        if token.lower not in _PLACE_PREPOSITIONS:
            continue
        nxt = clause[index + 1]
        if nxt.lower == "the" and index + 2 < len(clause):
            nxt = clause[index + 2]
            if nxt.lower in _REGIONS:
                found.add(nxt.lower)
                continue
        if nxt.text[:1].isupper() and nxt.lower not in CALENDAR and nxt.is_word and not titled:
            found.add(nxt.lower)
    return frozenset(found)


def _reporting_clauses(sentence: Sentence) -> set[int]:
    """The clauses that say who said it ("…, the minister told the assembly on Wednesday"),
    and an opening before one ("In a statement on Thursday, Brightcart said that …")."""
    known = sentence.memo.get("reporting")
    if not isinstance(known, set):
        known = {
            sentence.clause_of[index]
            for index, token in enumerate(sentence.tokens)
            if token.lower in _REPORTING
        }
        if 1 in known and sentence.opening():
            known.add(0)
        sentence.memo["reporting"] = known
    return known


def times(sentence: Sentence, clause: int) -> frozenset[str]:
    """The times a sentence names, but in the clauses that only say who said it: years,
    months, weekdays, "last year"; and "past" for "a year earlier", "previously", …"""
    known = sentence.memo.get(("times", clause))
    if not isinstance(known, frozenset):
        known = sentence.memo[("times", clause)] = _times(sentence, clause)
    return known


_TIME = re.compile(
    r"\b(?:(?P<bound>since|until|by|from|before|after|till)\s+(?:the\s+)?)?(?:"
    rf"(?P<day>{'|'.join(CALENDAR)})"
    r"|(?<![\d,.])(?P<year>1[89]\d\d|20\d\d)(?!\d|,\d)"
    rf"|(?P<lead>{'|'.join(_TIME_LEADS)})\s+(?P<unit>{'|'.join(TIME_WORDS)})"
    r"|(?P<deictic>yesterday|today|tomorrow))\b",
)
_WHEN = re.compile(r",?\s*when\b")
LONGER = re.compile(
    r"\b(?:(?:more|longer) than (?:the )?|over |at least )(\w+)[ -]"
    r"(years?|months?|weeks?|days?|hours?)\b"
)
"""A threshold that picks out some of the counted: "waited more than two years"."""


def _threshold(match: re.Match[str]) -> str:
    return f"over {match.group(1)} {match.group(2).rstrip('s')}"


def thresholds(text: str) -> frozenset[str]:
    """The thresholds a lower-case text says ("longer than the 18-week standard")."""
    return frozenset(_threshold(match) for match in LONGER.finditer(text))


_PAST = re.compile(
    r"\b(?:"
    + "|".join(PAST_MARKERS)
    + r")\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)"
)
"""An earlier time: "in the past", but not "in the past year" (the last twelve months)."""


def _host(sentence: Sentence, clause: int) -> list[int]:
    """The clause a "when" clause hangs on ("stopped work on 2 October, when no buses
    ran"): what happens in it happens at the host's time."""
    clauses = sentence.clauses
    if not clauses[clause] or sentence.tokens[clauses[clause][0]].lower != "when":
        return []
    host = clause - 1
    while host > 0 and not clauses[host]:
        host -= 1
    return [host]


def _counting_clauses(sentence: Sentence) -> set[int]:
    """The clauses that hold a figure: their times are that figure's."""
    return {sentence.clause_of[figure.first] for figure in figures(sentence.tokens)}


def _times(sentence: Sentence, clause: int) -> frozenset[str]:
    found: set[str] = set()
    text = sentence.lowered
    reporting = _reporting_clauses(sentence) - {clause} if _SAYS.search(text) else set()
    if clause >= 0:  # "expects 3.2 million, compared with 1.9 million in 2019": not its year
        reporting |= _counting_clauses(sentence) - {clause, *_host(sentence, clause)}
    for match in _TIME.finditer(text):
        if match.group("bound") and not _WHEN.match(text, match.end()):
            if match.group("bound") == "since":
                found |= {"period", "this year"} if match.group("day") else {"period"}
            continue  # "since January" bounds a period; "since 2012, when …" names a time
        if match.group("lead") and text.startswith(("'s", "’s"), match.end()):
            continue  # "this year's ballot papers" are not counted this year
        at = sentence.clause_at(match.start())
        if reporting and at in reporting:
            continue
        if match.group("year") and _bounded(sentence, at, match.start()):
            continue  # "the highest since the competition began in 1921": a period's bound
        day = match.group("day")
        if day is not None and (day != "may" or sentence.text[match.start("day")] == "M"):
            found.add(day)
        elif match.group("year"):
            found.add(match.group("year"))
        elif match.group("lead"):
            found.add(f"{match.group('lead')} {match.group('unit')}")
            if match.group("lead") == "this" and match.group("unit") == "year":
                found.add("period")  # "closed seven hospitals this year", as since January
        elif match.group("deictic"):
            found.add(match.group("deictic"))
    said = [m for m in LONGER.finditer(text) if sentence.clause_at(m.start()) not in reporting]
    found |= {_threshold(match) for match in said}
    if any(sentence.clause_at(m.start()) not in reporting for m in _PAST.finditer(text)):
        found.add("past")  # not "no deaths this year, compared with two the year before"
    return frozenset(found)


_PERIOD_BOUNDS = _BOUNDS - {"by", "from"}


def _bounded(sentence: Sentence, clause: int, offset: int) -> bool:
    """Whether "since", "before", "after" or "until" comes before ``offset`` in its clause:
    the year bounds a period ("houses built before the county adopted codes in 2008")."""
    tokens = sentence.tokens
    return any(
        tokens[i].lower in _PERIOD_BOUNDS and tokens[i].start < offset
        for i in sentence.clauses[clause]
    )


_SAYS = re.compile(r"\b(?:" + "|".join(sorted(_REPORTING)) + r")\b")
