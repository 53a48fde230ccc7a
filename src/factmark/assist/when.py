"""Days and spans of the same event that disagree: "opened on Monday" against "opened on
Thursday", "a three-week strike" against "the strike lasted five weeks"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import combinations

from factmark.assist import circumstances, context
from factmark.assist.lexicon import (
    BOUNDS,
    DISTINCT,
    MONTHS,
    NUMBER_WORDS,
    RELATIVE_TIME,
    ROLE_CLAUSE,
    ROUGHLY,
    STOP,
    TIME_UNITS,
    WEEKDAYS,
    words,
)
from factmark.assist.numbers import figures, is_number_word, spoken
from factmark.assist.pairing import Pair
from factmark.assist.tokens import Sentence, Token
from factmark.assist.tokens import token as make_token
from factmark.assist.words import SCENES, counted, event, scene, singular

_BOUNDING = words("by until before after since from through till between")
"""A date after one of these is a limit, not the day the event happened."""
_LASTING = words("lasted lasting ran run running took taking long spanned continued")
"""Verbs that give an event its length ("last" only right before the span: "the last
strike", "last summer" are no length)."""
_UNIT_OF = {unit: unit for unit in TIME_UNITS} | {unit + "s": unit for unit in TIME_UNITS}


@dataclass(frozen=True, slots=True)
class When:
    """A day or a span said of an event in one sentence."""

    sentence: Sentence
    kind: str
    """``"weekday"``, ``"date"`` (month and day), ``"span"`` or ``"clock"``."""
    value: str
    """"thursday", "june 13", or a span in days."""
    surface: str
    events: dict[str, str]
    """The events of its clause, each with the word that names it ("open": "opened")."""
    topic: frozenset[str]
    times: frozenset[str]
    thing: str = ""
    """What a span measures, or whose time a clock time is, when it says so ("strike" in
    "a three-week strike", "order" in "the 8pm order")."""
    distinct: frozenset[str] = frozenset()
    """Words that make it another one of its kind: "a second round", "the last strike"."""
    low: float = 0.0
    high: float = 0.0
    """The days a span, or the minutes of the day a clock time, may be ("at least three
    months": 90 to infinity; "about 7.20am": 410 to 470); 0 for a day."""
    planned: bool = False
    """Said of a plan ("will close on June 30"): compared only with other plans."""
    subject: str = ""
    """The noun a verb gives the span of ("consultation" in "a consultation that ran for
    six weeks"), when it stands right before the verb."""
    doing: str = ""
    """The event a span is the length of when a verb says so ("close" in "forced the stage
    to close for three hours"): it is not the length of anything else its sentence names."""


_FOUND_OUT = words("reported confirmed announced declared recorded registered detected diagnosed")
"""Verbs that tell of something only by saying so; of a day, they are its event ("the
first case was reported on 4 October")."""


_BREAK = frozenset({"broke", "break", "breaks", "breaking"})
_CALENDAR_WORDS = frozenset(
    {"year", "week", "month", "night", "day", "summer", "winter", "spring", "autumn", "time"}
)


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _describing(clause: list[Token], index: int) -> bool:
    """Whether a word describes the noun after it ("the winning ticket", "the six derailed
    cars", "the crash site"), not names a happening ("the felling began", "the shooting
    on Monday", "the closure on Tuesday")."""
    if not index or index + 1 >= len(clause):
        return False
    word, previous, following = clause[index], clause[index - 1], clause[index + 1]
    if not following.is_word or following.lower in STOP or context.event_of(following.lower):
        return False
    if word.lower.endswith(("ing", "ed")):
        counted = previous.kind == "num" or is_number_word(previous)
        return previous.lower in _DETERMINERS or (counted and word.lower.endswith("ed"))
    return previous.lower in _DETERMINERS and not following.text[0].isupper()  # "the crash site"


def _events(clause: list[Token]) -> dict[str, str]:
    named: dict[str, str] = {}
    for index, token in enumerate(clause):
        if _describing(clause, index):
            continue  # "bought the winning ticket": what it is, not what happened
        if token.lower in _FOUND_OUT:
            named.setdefault("report", token.text)
        elif token.lower in _BREAK and [t.lower for t in clause[index + 1 : index + 2]] == ["out"]:
            named.setdefault("begin", token.text)  # "the fire broke out on Sunday"
        elif context.events([token], set()):
            named.setdefault(event(token.lower), token.text)
    return named


def _topic(clause: list[Token]) -> frozenset[str]:
    calendar = set(MONTHS) | set(WEEKDAYS) | set(_UNIT_OF)
    return frozenset(
        singular(t.lower)
        for t in clause
        if t.is_word and t.lower not in STOP and t.lower not in calendar and not is_number_word(t)
    )


def _planned(clause: list[Token]) -> bool:
    """Whether the clause speaks of a plan: its day or hour is compared only with those of
    other plans ("will close on June 30" against "will close on July 31", not "closed on
    July 31")."""
    return not ROLE_CLAUSE["target"].isdisjoint(context.planning(clause))


_SAID = words("said says told added stated insisted warned wrote")
_SAID_DAY_LEAD_INS = frozenset({"on", "late", "early", "last"})
"""Words between a verb of saying and its day: "said late Sunday"."""


def _said_on(tokens: list[Token], day: int) -> bool:
    """Whether the day is the day something was said ("officials said Sunday evening",
    "told reporters on Monday", "confirmed late Sunday that …"): not the day of what was
    said."""
    at = day - 1
    while at >= 0 and tokens[at].lower in _SAID_DAY_LEAD_INS:
        at -= 1
    if at >= 1 and tokens[at].lower == "reporters" and tokens[at - 1].lower == "told":
        return True
    if at >= 0 and tokens[at].lower in _FOUND_OUT:  # "confirmed late Sunday that seven homes …"
        return day + 1 < len(tokens) and tokens[day + 1].lower == "that"
    return at >= 0 and tokens[at].lower in _SAID


def _distinct(clause: list[Token]) -> frozenset[str]:
    """Words that make it another one of its kind; not "last year", "next week"."""
    found = set()
    for index, token in enumerate(clause):
        following = clause[index + 1].lower if index + 1 < len(clause) else ""
        preceding = clause[index - 1].lower if index else ""
        if preceding in _UNIT_OF:
            continue  # "a week later": a time, not another one
        if token.lower in DISTINCT and following not in _CALENDAR_WORDS:
            found.add(token.lower)
    return frozenset(found)


_STATES = frozenset({"clos", "open", "suspend"})
"""Events that leave a state behind: "closed since Tuesday" gives the day of the closing."""


def _state_verb_before_since(tokens: list[Token], day: int) -> bool:
    """Whether the word before the "since" before the day names an event that leaves a
    state behind: "shut since Thursday"."""
    return day > 1 and event(tokens[day - 2].lower) in _STATES


def _counted(clause: list[Token], day: Token) -> bool:
    """Whether the day is when a count was taken ("cancelled 340 flights on Tuesday", "55
    on Friday": the same measure at another time): a figure stands between the day and
    the verb before it. Not "broke out on Saturday … has destroyed 212 homes"."""
    position = clause.index(day)
    verbs = [
        i
        for i, t in enumerate(clause[:position])
        if context.event_of(t.lower) or t.lower in _FOUND_OUT
    ]
    start = verbs[-1] if verbs else 0
    return bool(figures(clause[start:position]))


def days(sentence: Sentence) -> list[When]:
    """Weekdays and dates ("on Thursday", "June 13", "13 June") the sentence gives an event."""
    tokens, found = sentence.tokens, []
    for index, token in enumerate(tokens):
        lower = token.lower
        owned = _possessive_day(tokens, index)
        if owned:  # "after Thursday's vote": the vote's day, whatever comes before it
            weekday, event = owned
            clause = sentence.clause(index)
            topic = _topic([t for t in clause if t is not token])
            surface = token.text[: len(weekday)]
            when = When(sentence, "weekday", weekday, surface, event, topic, frozenset())
            found.append(replace(when, distinct=_distinct(clause)))
            continue
        before = tokens[index - 1].lower if index else ""
        shut_since = before == "since" and _state_verb_before_since(tokens, index)
        if (
            (before in _BOUNDING and not shut_since)  # "shut since Thursday": the day it shut
            or before in {"every", "each"}
            or (before == "the" and index > 1 and tokens[index - 2].lower in _BOUNDING)
        ):
            continue
        if lower in WEEKDAYS and token.text[0].isupper():
            kind, value, last = "weekday", lower, index
        elif _date(tokens, index):
            month, day = (index, index + 1) if lower in MONTHS else (index + 1, index)
            kind, value = "date", f"{tokens[month].lower} {int(tokens[day].text)}"
            last = index + 1
        else:
            continue
        clause = sentence.clause(index)
        if _counted(clause, token) or context.hedged(clause) or _said_on(tokens, index):
            continue
        surface = sentence.text[token.start : tokens[last].end]
        times = circumstances.times(sentence, sentence.clause_of[index]) - {value, *value.split()}
        setting = [sentence.tokens[i] for i in context.setting(sentence, sentence.clause_of[index])]
        event = _happening_before(tokens, index) or _day_event(clause, token)
        when = When(sentence, kind, value, surface, event, _topic(setting), times)
        found.append(replace(when, distinct=_distinct(clause), planned=_planned(clause)))
    return found


def _happening_before(tokens: list[Token], day: int) -> dict[str, str]:
    """The happening a day is of when its noun stands right before it after a bound:
    "since the slip on 7 November" (the slip's day, not that of what follows)."""
    if day < 4 or tokens[day - 1].lower != "on":
        return {}
    bound, article, noun = (token.lower for token in tokens[day - 4 : day - 1])
    if bound not in {"since", "after"} or article != "the" or noun not in SCENES:
        return {}
    return {SCENES[noun]: tokens[day - 2].text}


_DAY_S = frozenset(f"{day}{mark}s" for day in WEEKDAYS for mark in "'’")
"""A weekday's possessive as ``Sentence.words`` gives it: "monday's"."""


def _possessive_day(tokens: list[Token], index: int) -> tuple[str, dict[str, str]] | None:
    """ "Thursday's vote", "Monday's crash": the weekday and the event named after it."""
    token = tokens[index]
    day = token.lower[:-2]
    if not (token.lower.endswith(("'s", "’s")) and day in WEEKDAYS and token.text[0].isupper()):
        return None
    if index + 1 >= len(tokens):
        return None
    named = _events(tokens[index + 1 : index + 2])
    if not named and index + 2 < len(tokens) and tokens[index + 1].lower not in STOP:
        named = _events(tokens[index + 2 : index + 3])  # "Friday's gala reopening"
    noun = tokens[index + 1]
    if not named and singular(noun.lower) in SCENES:  # "Thursday's landslide"
        named = {scene(singular(noun.lower)): noun.text}
    return (day, named) if named else None


_CLOCK = re.compile(
    r"\b(?:(?P<lead>(?:shortly |just |soon )?(?:before|after)|by|until|till|from|since|"
    r"between|about|around|roughly|approximately|nearly|almost)\s+)?"
    r"(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s?(?P<half>am|pm|a\.m\.|p\.m\.|o['’]clock)(?!\w)"
)
_PART_OF_DAY = re.compile(r"\b(?:in the |on \w+ |\w+ )?(morning|afternoon|evening|night)\b")
_CLOCK_SLACK = 30
"""Minutes either side of a clock time said roughly ("at about 7.20am")."""


def clocks(sentence: Sentence) -> list[When]:
    """Clock times an event happened at ("derailed at about 7.20am"); not the limits of a
    period ("by 3am", "shortly before 2am", "from 6pm to 8pm")."""
    tokens, found = sentence.tokens, []
    for match in _CLOCK.finditer(sentence.lowered):
        lead = match.group("lead") or ""
        if lead and lead not in ROUGHLY and lead.split()[-1] not in {"before", "after"}:
            continue  # "by 3am", "since 6pm", "from 6pm": the limits of a period
        if re.match(r"\s*(?:to|and|-|–)\s*\d", sentence.lowered[match.end() :]):
            continue  # "from 6pm to 8pm": a range
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        half = match.group("half")
        if half.startswith("o"):  # "at about 4 o'clock on Sunday morning"
            half = _half_of_day(sentence.lowered[match.end() : match.end() + 30], hour)
        if not (1 <= hour <= 12 and minute < 60) or not half:
            continue
        minutes = (hour % 12 + (12 if half.startswith("p") else 0)) * 60 + minute
        at = next((i for i, t in enumerate(tokens) if t.end > match.start("hour")), None)
        if at is None:
            continue
        clause = sentence.clause(at)
        setting = [tokens[i] for i in _clock_setting(sentence, sentence.clause_of[at])]
        after = next((i for i, t in enumerate(tokens) if t.start >= match.end()), None)
        named = _named_after(tokens, after)
        the = _the_before(tokens, at)
        thing = "" if named or the is None else _noun_after(tokens, after)
        if (named or thing) and the is not None and after is not None:
            clause = setting = tokens[the : after + 1]  # "the 7.30am start": when it was
        if context.hedged(clause):
            continue
        token = tokens[at]
        low, high = _clock_range(lead, minutes)
        surface = sentence.text[match.start("hour") : match.end()]
        if lead and lead not in ROUGHLY:
            surface = sentence.text[match.start("lead") : match.end()]
        times = circumstances.times(sentence, sentence.clause_of[at])
        when = When(
            sentence,
            "clock",
            str(minutes),
            surface,
            named or _day_event(clause, token),
            _topic(setting),
            times,
            thing=thing,
        )
        distinct = _distinct(_antecedent(sentence, at))
        found.append(replace(when, low=low, high=high, planned=_planned(clause), distinct=distinct))
    return found


def _another(sentence: Sentence, what: str) -> bool:
    """Whether the sentence names ``what`` as another one of its kind, the word before it
    or the one before that saying so ("a further consultation", "a second strike")."""
    tokens = sentence.tokens
    for at, token in enumerate(tokens):
        if singular(token.lower) == what:
            before = {t.lower for t in tokens[max(0, at - 2) : at]}
            if not before.isdisjoint(_ANOTHER):
                return True
    return False


_ANOTHER = DISTINCT | {"further"}


def _antecedent(sentence: Sentence, at: int) -> list[Token]:
    """The words that lead to the clause of token ``at`` when it opens with "which" or
    "whom": "the last of which started at 7:45 a.m." is the last one's start."""
    tokens, members = sentence.tokens, sentence.clauses[sentence.clause_of[at]]
    if not members or tokens[members[0]].lower not in {"which", "whom"}:
        return []
    return tokens[max(0, members[0] - 3) : members[0]]


def _clock_setting(sentence: Sentence, clause: int) -> list[int]:
    """The tokens that set the scene of a clock time's clause (``context.setting``), and
    when the clause opens with its verb after a comma, its subject before it: "The
    Marguerite, operated by Northsound Ferry Lines, left the terminal at 7pm"."""
    indices = context.setting(sentence, clause)
    members, tokens = sentence.clauses[clause], sentence.tokens
    after_comma = bool(clause and members) and tokens[members[0] - 1].text == ","
    if after_comma and context.events([tokens[members[0]]], set()):
        indices += [i for before in sentence.clauses[:clause] for i in before]
    return indices


def _the_before(tokens: list[Token], at: int) -> int | None:
    """Where "the" stands before the clock time at ``at``: right before it ("the 7.30am
    start") or before a word that describes it ("the scheduled 8pm start"). A time so
    named says when something was, whatever the rest of its clause may hope or plan
    ("Within ninety minutes of the 7.30am start you could already feel the heat")."""
    for index in (at - 1, at - 2):
        if index < 0:
            return None
        if tokens[index].lower == "the":
            return index
        if not tokens[index].is_word or tokens[index].lower in STOP:
            return None
    return None


def _half_of_day(following: str, hour: int) -> str:
    """ "am" or "pm" for an hour said with "o'clock", as the words after it tell ("on Sunday
    morning", "in the evening"); "" when they do not."""
    match = _PART_OF_DAY.match(following.lstrip())
    if match is None:
        return ""
    part = match.group(1)
    if part == "night":
        return "pm" if hour >= 6 else "am"
    return "am" if part == "morning" else "pm"


def _named_after(tokens: list[Token], after: int | None) -> dict[str, str]:
    """The happening a clock time is of when its noun follows it ("the 7.30am start"):
    the word at ``after``, the first token after the clock time."""
    if after is None or not tokens[after].is_word:
        return {}
    return _events([tokens[after]])


_MAKING = words(
    """made make makes issued issue issues sounded sound sounds gave give gives announced
    announce announces released release releases published publish publishes declared
    declare declares sent send sends"""
)
"""Verbs that bring a thing about: the time "the 8pm order" gives is when it was issued,
where "the 6pm train" is no time it arrived."""


def _noun_after(tokens: list[Token], after: int | None) -> str:
    """The noun a clock time named with "the" stands before ("the 9:47 p.m. alarm", "the
    8pm order"): the thing whose time it is; ``after`` is the first token after the time."""
    if after is None or not tokens[after].is_word or tokens[after].lower in STOP:
        return ""
    return singular(tokens[after].lower)


def _clock_range(lead: str, minutes: int) -> tuple[int, int]:
    """The minutes a clock time may stand for: "about 7.20am" half an hour either side,
    "shortly before 2am" the half hour before it, "after 6pm" the three hours after."""
    if lead in ROUGHLY:
        return minutes - _CLOCK_SLACK, minutes + _CLOCK_SLACK
    if not lead:
        return minutes, minutes
    reach = _CLOCK_SLACK if lead.split()[0] in {"shortly", "just", "soon"} else 180
    if lead.endswith("before"):
        return minutes - reach, minutes - 1
    if lead.endswith("after"):
        return minutes + 1, minutes + reach
    return minutes, minutes


_DAY_ADJECTIVES = frozenset({"following", "coming", "preceding"})
"""Words in -ing that say which day, not what happened on it: "the following Thursday"."""


def _day_event(clause: list[Token], day: Token) -> dict[str, str]:
    """The event a day is of: the one named last before it ("was closed on Tuesday after
    engineers found cracks": closing), else the first after it."""
    position = clause.index(day)
    before = _events([t for t in clause[:position] if t.lower not in _DAY_ADJECTIVES])
    if before:
        names = list(before)
        if names[-1] == "begin" and len(names) > 1:  # "the walkout began on Wednesday"
            return {name: before[name] for name in names[-2:]}
        return {names[-1]: before[names[-1]]}
    after = _events(clause[position:])
    return dict(list(after.items())[:1])


def _date(tokens: list[Token], index: int) -> bool:
    """Whether a month and a day start at ``index``: "June 13" or "13 June"."""
    if index + 1 >= len(tokens):
        return False
    first, second = tokens[index], tokens[index + 1]
    month, day = (first, second) if first.lower in MONTHS else (second, first)
    return (
        month.lower in MONTHS
        and month.text[0].isupper()
        and day.kind == "num"
        and day.text.isdigit()
        and 1 <= int(day.text) <= 31
    )


def _span_unit(tokens: list[Token], sentence: Sentence, last: int) -> tuple[str, str] | None:
    """The time unit after a figure ("weeks"), and the noun a "three-week …" describes."""
    if last + 1 >= len(tokens):
        return None
    unit = _UNIT_OF.get(tokens[last + 1].lower)
    if unit is None:
        return None
    hyphen = sentence.text[tokens[last].end : tokens[last + 1].start] == "-"
    thing = ""
    if hyphen and last + 2 < len(tokens) and tokens[last + 2].is_word:
        thing = counted(singular(tokens[last + 2].lower))
    return unit, thing


def _split_hyphens(tokens: list[Token], sentence: Sentence) -> list[Token]:
    """ "three-week" as "three" and "week", so that a span written as one word is found."""
    out: list[Token] = []
    for token in tokens:
        parts = token.text.split("-")
        if token.is_word and len(parts) == 2 and parts[1].lower() in _UNIT_OF:
            cut = token.start + len(parts[0])
            out.append(make_token(parts[0], token.start, cut, "word"))
            out.append(make_token(parts[1], cut + 1, token.end, "word"))
        else:
            out.append(token)
    return out


def _bound(tokens: list[Token], first: int) -> tuple[float, float, int]:
    """The range words before a span give it ("at least three months": 1 to infinity times
    the span), and the index of the first of them."""
    before = context.words_before(tokens, first, 3)
    for phrase, (low, high) in BOUNDS.items():
        if before == phrase or before.endswith(" " + phrase):
            return low, high, first - len(phrase.split())
    return 1.0, 1.0, first


def _length_verb(tokens: list[Token], start: int) -> int:
    """The index of the verb that gives a span its length, right before it ("would last
    six days", "stayed closed for three months"), or -1."""
    verb = start - 1
    if verb >= 0 and tokens[verb].lower in _LASTING | {"last", "lasts"}:
        return verb
    if verb >= 1 and tokens[verb].lower == "for" and context.event_of(tokens[verb - 1].lower):
        return verb
    if tokens[verb].lower == "for" and "been" in {t.lower for t in tokens[max(0, verb - 5) : verb]}:
        return verb  # "rationing has been in place for three weeks"
    return -1


_LINKS = frozenset({"that", "which", ",", "had", "has", "have", "was", "were", "is", "been"})


def _subject(tokens: list[Token], lasting: int) -> str:
    """The noun right before the verb that gives a span ("a consultation that ran for six
    weeks", "The consultation, which lasted 30 days"), or before the "been" of a state
    that has held for it ("Every section has been in the race for six years"); or ""."""
    if lasting < 0:
        return ""
    at = (lasting - 1 if tokens[lasting].lower == "for" else lasting) - 1
    been = [i for i in range(max(0, lasting - 5), lasting) if tokens[i].lower == "been"]
    if tokens[lasting].lower == "for" and been:  # "the section has been in the race for"
        at = been[0] - 1
    while at >= 0 and tokens[at].lower in _LINKS:
        at -= 1
    word = tokens[at] if at >= 0 else None
    if word is None or not word.is_word or word.lower in STOP or word.text[:1].isupper():
        return ""  # "from Spain were detained": a name is where, not what lasted
    return "" if context.event_of(word.lower) else singular(word.lower)


def _elapsed(tokens: list[Token], start: int, unit: int) -> str:
    """What "after three days of the strike" has lasted at least (its head noun), or ""."""
    return _of_head(tokens, unit + 1) if _after(tokens, start) else ""


_SO_FAR = frozenset({"so far", "to date", "thus far"})


def _so_far(tokens: list[Token], unit: int) -> str:
    """What "the six weeks of rationing so far" has lasted at least (its head noun), or ""."""
    after = " ".join(t.lower for t in tokens[unit + 1 : unit + 8])
    if not any(f" {phrase}" in f" {after}" for phrase in _SO_FAR):
        return ""
    return _of_head(tokens, unit + 1)


def _of_head(tokens: list[Token], at: int) -> str:
    """The head noun of "of (the) …" starting at ``at``, or ""."""
    if not (at < len(tokens) and tokens[at].lower == "of"):
        return ""
    at += 1
    if at < len(tokens) and tokens[at].lower in {"the", "its", "their", "this"}:
        at += 1
    head = ""
    while at < len(tokens) and tokens[at].is_word and tokens[at].lower not in STOP:
        head, at = tokens[at].lower, at + 1
    return counted(singular(head)) if head and not is_number_word(tokens[at - 1]) else ""


def _over(tokens: list[Token], start: int, unit: int) -> str:
    """What "over the four days of the festival" gives the whole length of, or ""."""
    before = [t.lower for t in tokens[max(0, start - 2) : start]]
    if before not in (["over", "the"], ["during", "the"], ["across", "the"], ["for", "the"]):
        return ""
    return _of_head(tokens, unit + 1)


def _after(tokens: list[Token], start: int) -> bool:
    return start >= 1 and tokens[start - 1].lower == "after"


def spans(sentence: Sentence) -> list[When]:
    """Spans of time an event took ("a three-week strike", "lasted five weeks"); what has
    gone of one ("after three days of the strike") is its length at least."""
    tokens = _split_hyphens(sentence.tokens, sentence)
    found: list[When] = []
    inside: set[int] = set()
    for figure in figures(tokens):
        unit = _span_unit(tokens, sentence, figure.last)
        if unit is None or figure.first in inside:
            continue
        if figure.last + 2 < len(tokens) and tokens[figure.last + 2].lower == "time":
            continue  # "in two years' time": when, not how long
        if _changed_from(tokens, figure.first):
            continue  # "journey time will be cut from 27 minutes to 23": a length changed
        more, inside_it = _more_units(tokens, figure.last + 2)
        inside |= inside_it
        low, high, start = _bound(tokens, figure.first)
        lasting = _length_verb(tokens, start)
        elapsed = _elapsed(tokens, start, figure.last + 1) or _so_far(tokens, figure.last + 1)
        if elapsed:
            unit, low, high = (unit[0], elapsed), 1.0, float("inf")
        elif not unit[1] and (whole := _over(tokens, start, figure.last + 1)):
            unit = (unit[0], whole)
        near = {
            t.lower
            for i, t in enumerate(tokens[max(0, start - 3) : figure.last + 5])
            if i + max(0, start - 3) != lasting
        }
        relative = set() if unit[1] else RELATIVE_TIME  # "after a three-week trial": its length
        if not elapsed and near & (relative | {"old", "per", "every", "each"}):
            continue
        clause = [t for i, t in enumerate(tokens) if t.kind != "punct" and i != lasting]
        if not unit[1] and lasting < 0 and not {t.lower for t in clause} & _LASTING:
            continue
        days = figure.value * TIME_UNITS[unit[0]] + more
        end = max(inside_it, default=figure.last) + 1
        surface = sentence.text[tokens[start].start : tokens[end].end]
        when = When(
            sentence,
            "span",
            spoken(days),
            surface,
            _events(clause),
            _topic(clause),
            _years(circumstances.times(sentence, sentence.clause_at(tokens[figure.first].start)))
            | _dates(tokens[max(0, start - 6) : figure.last + 8]),
            unit[1],
            _distinct(clause),
        )
        span = replace(when, low=days * low, high=days * high)
        doing = ""
        if lasting > 0 and tokens[lasting].lower == "for":
            doing = context.event_of(tokens[lasting - 1].lower)
        found.append(replace(span, subject=_subject(tokens, lasting), doing=doing))
    return found


def _changed_from(tokens: list[Token], first: int) -> bool:
    """Whether the figure at ``first`` is a length before or after a change: "cut from 27
    minutes", "to 23 minutes" after a "from"."""
    before = tokens[first - 1].lower if first > 0 else ""
    if before == "from":
        return True
    return before == "to" and any(t.lower == "from" for t in tokens[max(0, first - 6) : first])


def _more_units(tokens: list[Token], at: int) -> tuple[float, set[int]]:
    """The days a span goes on for after its first unit ("2 hours 8 minutes 41 seconds":
    the 8 minutes; seconds are too short to count), and the indices of their figures."""
    days, indices = 0.0, set()
    while at + 1 < len(tokens) and tokens[at].kind == "num" and not tokens[at].glued:
        name = tokens[at + 1].lower
        if name in ("second", "seconds"):
            indices.add(at)
            at += 2
            continue
        unit = _UNIT_OF.get(name)
        if unit is None:
            break
        days += float(tokens[at].text.replace(",", "")) * TIME_UNITS[unit]
        indices.add(at)
        at += 2
    return days, indices


def _years(times: frozenset[str]) -> frozenset[str]:
    """The times that set a span apart: years and "earlier"; a weekday is when it ends."""
    return frozenset(time for time in times if time.isdigit() or time in {"past", "last year"})


def _dates(tokens: list[Token]) -> frozenset[str]:
    """The dates a sentence names ("on 2 October"): a span said with one is that day's."""
    found = set()
    for index, token in enumerate(tokens):
        if _date(tokens, index) and token.kind == "num":
            found.add(f"on {tokens[index + 1].lower} {int(token.text)}")
        elif _date(tokens, index):
            found.add(f"on {token.lower} {int(tokens[index + 1].text)}")
    return frozenset(found)


def _alike(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Words in common, a compound counting as its head ("wildfire" is a "fire"), a word
    as its derivative ("Libyan" is of "Libya")."""
    return any(
        word[:5] == other[:5]
        or (min(len(word), len(other)) >= 4 and (word.endswith(other) or other.endswith(word)))
        or scene(word) == scene(other)
        for word in mine
        for other in theirs
    )


def _same_span(a: When, b: When) -> str:
    """What two spans are both the length of, or "" when they are of different things."""
    if a.thing and b.thing:  # "the outage lasted", "the 14-hour blackout": one happening
        return a.thing if scene(a.thing) == scene(b.thing) else ""
    if not (a.thing or b.thing) and a.subject and a.subject == b.subject:
        return a.subject
    thing = a.thing or b.thing
    other = b if a.thing else a
    if thing and other.subject and scene(other.subject) == scene(thing) and _lasted(other):
        return thing  # "The outbreak has lasted for three weeks", "the five-week outbreak"
    if thing and other.doing:
        return ""  # "the stage closed for three hours" is no length of "the four-day festival"
    if thing and scene(thing) in {scene(word) for word in other.topic}:
        return thing
    if thing and other.subject:
        return ""  # "a video call that lasted less than 20 minutes", "two years of falling sales"
    for first, second in ((a, b), (b, a)):
        if first.doing and first.doing != second.doing and not _names(second, first.doing):
            return ""  # "would be suspended for two weeks", "A crossing takes 35 minutes"
    shared = {event(word)[:5] for word in a.topic} & {event(word)[:5] for word in b.topic}
    if len(shared) < 2:
        return ""
    nouns = sorted(w for w in a.topic if event(w)[:5] in shared and not context.event_of(w))
    if not (thing or nouns):
        return ""  # "began … ran for nine hours", "over 18 months, starting in April": doings alone
    return thing or nouns[0]  # "the west wing works"


def _lasted(when: When) -> bool:
    """Whether the span is given by a verb of lasting ("has lasted for three weeks"), or
    by none: the length of its subject, not of another doing ("closed for three hours")."""
    return not when.doing or when.doing in _LASTING_DOINGS


_LASTING_DOINGS = frozenset(event(word) for word in _LASTING | {"last", "lasts"})


def _names(when: When, doing: str) -> bool:
    """Whether the sentence of ``when`` names the doing ``doing`` ("suspend")."""
    return any(event(word) == doing for word in when.topic)


def _same_event(a: When, b: When) -> str:
    """The word naming the event both give, or "" when they speak of different ones."""
    if a.kind == "span":
        return _same_span(a, b)
    if a.kind == "clock" and (a.thing or b.thing) and not (a.thing and b.thing):
        thing, other = (a.thing, b) if a.thing else (b.thing, a)
        made = any(word.lower() in _MAKING for word in other.events.values())
        if made and thing in {singular(word) for word in other.topic}:
            return thing  # "The evacuation order was issued at 6pm", "the 8pm order"
    shared = {name for name in set(a.events) & set(b.events) if _same_particle(a, b, name)}
    named = {singular(word.lower()) for word in (*a.events.values(), *b.events.values())}
    mine, theirs = _unnamed(a.topic - named), _unnamed(b.topic - named)
    bare = not (mine and theirs)  # "Since the walkout began on Wednesday": nothing else said
    if shared and (len(shared) > 1 or bare or _alike(mine, theirs)):
        return b.events[sorted(shared)[0]].lower()
    happening = _happening(a.topic) & _happening(b.topic)
    doings = _doings(a, happening), _doings(b, happening)
    if happening and (shared or not all(doings)):
        name = sorted(happening)[0]  # "the blast happened at about 3am", "the explosion, at 5am"
        if name in a.topic | b.topic:
            return name
        said = (w for topic in (a.topic, b.topic) for w in sorted(topic) if SCENES.get(w) == name)
        return next(said, name)  # as written: "landslide", not "slip"
    return ""


def _same_particle(a: When, b: When, name: str) -> bool:
    """Whether the verbs naming the event ``name`` in the two sentences do not go different
    ways: "flew out" on Saturday and "flew in" on Sunday are two doings."""
    ways = {_particle(when.sentence, when.events[name]) for when in (a, b)}
    return len(ways - {""}) < 2


def _particle(sentence: Sentence, verb: str) -> str:
    """The particle right after the first ``verb`` of the sentence ("out" in "flew out"), if
    any."""
    tokens = sentence.tokens
    for at, token in enumerate(tokens[:-1]):
        if token.text == verb:
            following = tokens[at + 1].lower
            return following if following in _PARTICLES else ""
    return ""


_PARTICLES = frozenset({"in", "out", "off", "back", "away", "up", "down", "home"})


def _doings(when: When, happening: set[str]) -> set[str]:
    """The events of a day other than a happening itself: "married" is the wedding."""
    return {
        name
        for name, word in when.events.items()
        if name not in _HAPPENED and scene(word.lower()) not in happening
    }


_HAPPENED = frozenset({"happen", "occur", "come"})
"""Verbs that say only that something happened: the noun of it names the event."""


def _happening(topic: frozenset[str]) -> set[str]:
    """The happenings a topic names by a noun of one ("blast", "explosion": "blast")."""
    return {SCENES[word] for word in topic if word in SCENES}


def _unnamed(topic: frozenset[str]) -> frozenset[str]:
    """The words of a topic that are not events themselves ("walkout", "vote")."""
    return frozenset(word for word in topic if not context.event_of(word))


_DAYS = frozenset(WEEKDAYS) | frozenset(MONTHS)
_UNITS = frozenset(_UNIT_OF)


def _may_span(sentence: Sentence) -> bool:
    return not sentence.words.isdisjoint(_UNITS) and bool(_SPANS.search(sentence.lowered))


_SPANS = re.compile(
    r"(?:\d|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r"))[\s-]+(?:" + "|".join(TIME_UNITS) + ")",
)


_HALVES = frozenset({"am", "pm"})


def _overlap(a: When, b: When) -> bool:
    """Whether two spans or clock times can both be true; "about 9.15pm" and "around
    10.15pm" only touch, at 9.45pm."""
    if a.kind == "clock":
        return a.low < b.high and b.low < a.high
    return a.low <= b.high and b.low <= a.high


def _dated(when: When) -> bool:
    """Whether a year, or for a span a date, places it ("for 24 hours on 2 October")."""
    return any(
        time.isdigit() or (when.kind == "span" and time.startswith("on ")) for time in when.times
    )


def pairs(sentences: list[Sentence]) -> list[Pair]:
    """Pairs of sentences that give the same event different days or spans."""
    mentions: list[When] = []
    for sentence in sentences:
        if not (sentence.words.isdisjoint(_DAYS) and sentence.words.isdisjoint(_DAY_S)):
            mentions += days(sentence)
        if _may_span(sentence):
            mentions += spans(sentence)
        if (
            not sentence.words.isdisjoint(_HALVES)
            or ".m." in sentence.lowered
            or ("clock" in sentence.lowered)
        ):
            mentions += clocks(sentence)
    found: list[Pair] = []
    for a, b in combinations(mentions, 2):
        if a.sentence.index == b.sentence.index or a.kind != b.kind or a.value == b.value:
            continue
        if a.distinct != b.distinct:  # "a second round opened on Thursday"
            continue
        if a.planned != b.planned:  # "will close on June 30" is no day it closed
            continue
        if a.kind in ("span", "clock") and _overlap(a, b):
            continue  # "at least three months" and "fourteen weeks" can both be true
        what = _same_event(a, b)
        if not what or (a.times and b.times and a.times.isdisjoint(b.times)):
            continue
        if a.kind == "span" and _another(a.sentence, what) != _another(b.sentence, what):
            continue  # "a consultation that ran for six weeks", "a further consultation"
        if ("past" in a.times) != ("past" in b.times) or _dated(a) != _dated(b):
            continue
        reason = f"{a.surface} vs {b.surface} ({what})"
        key = f"{a.kind}:{what}:{'/'.join(sorted((a.value, b.value)))}"
        found.append(Pair(a.sentence, b.sentence, reason, 0.6, key))
    return found
