"""What a sentence counts: each figure with its noun, its event and its qualifiers.

"Russia transferred 1,200 bodies of deceased Ukrainian soldiers" holds one
mention: 1,200 of "body", event "transfer", qualified as "ukrainian". A zero
said in words ("has not returned a single body") is a mention of 0.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cached_property

from factmark.assist import circumstances, context, phrases
from factmark.assist.lexicon import (
    BOUNDS,
    IRREGULAR_VERBS,
    PERCENT_WORDS,
    QUANTIFIERS,
    READINGS,
    ROLE_BEFORE,
    ROUGHLY,
    STOP,
    TIME_UNITS,
    UNCHANGED,
    VOTE_FOR,
    words,
)
from factmark.assist.numbers import Figure, figures, is_number_word
from factmark.assist.tokens import Sentence, Token
from factmark.assist.words import counted, event, singular

_NEUTRAL = frozenset({"deceased", "dead", "fallen", "single", "more", "total", "separate"})
"""Words before a noun that do not make it a different kind of thing."""
_DONE_BY_PEOPLE = frozenset(
    {"vote", "abstain", "kill", "injur", "arrest", "evacuat", "rescu", "finish", "complet"}
)
"""What a figure without a noun may count the doers of: "29 voted", "12 died", "40 injured"."""
_SUFFERED = frozenset({"kill", "injur", "arrest", "evacuat", "rescu"})
"""Events whose nouns count those they befell: "no deaths", "12 arrests"."""
_NOT_COUNTED = frozenset(TIME_UNITS) | {"percent", "cent", "per", "time", "times", "point"}
_ZERO_IDIOMS = words(
    """longer doubt more matter sign evidence comment reason way need plans plan later
    less fewer other one"""
)


_ZERO_CUES = frozenset({"no", "none", "nobody", "single", "any", "one"})
"""Words without which a sentence says no zero."""


@dataclass(frozen=True)
class Mention(context.Around):
    """A count of something in one sentence, and its context (``Around``)."""

    sentence: Sentence
    value: float
    low: float
    high: float
    """The range the words allow: ``value`` itself unless "over", "about", … say otherwise."""
    noun: str
    """The counted thing, singular ("body"), or the currency."""
    surface: str
    """As written: "1,200", "two billion", "not a single body"."""
    noun_text: str
    zero: bool
    roles: frozenset[str]
    """Why the figure is not the plain count of its event: part, total, change, target, …"""
    modifiers: frozenset[str]
    """Kind-making words before the noun ("domestic flights")."""
    position: int
    """Index of the figure's first token in the sentence."""
    predicate: str = ""
    """The event named right after the noun ("members voting": "vote"), if any."""
    side: str = ""
    """For a count of votes, which way they went: "for", "against", "abstain"."""
    owner: str = ""
    """Who has the counted ones, when the figure is the size of what it has: "farm" in
    "the farm's 62 turbines" and in "The farm has 72 turbines"; "the" for a group named
    before ("The 104 counting staff were sent home")."""
    defined: bool = False
    """Its noun is followed by what its ones did ("the 16 patients admitted to hospital"): a
    whole so defined is a count of that event, as the 22 of "14 of the 22 schools were
    closed" is not."""
    qualified: bool = False
    """Said of those in one place or with one thing only: "the 104 staff at the sports hall"."""
    by_event_alone: bool = False
    """Its relative clause names what befell them and nothing else: "the 24 patients who had
    been moved" (not "who had been moved to the day unit")."""
    size_of: str = ""
    """The thing a figure joined by a hyphen to its unit is the size of: "boat" in "a
    19-tonne boat" (also its ``complement``)."""

    @cached_property
    def plain(self) -> bool:
        """The count of its event as it stands, or the total of it ("all 12 miners"), or
        a plan, a change or a rate ("will bring in 14 million euros a year"), comparable
        with its own kind only (``measure``)."""
        whole = {"whole"} if self.defined else set()
        if self.noun in READINGS:  # "the highest temperature so far was 38.4C": a reading
            whole.add("partial")
        return not self.roles - {"total"} - whole - self.measure

    @cached_property
    def measure(self) -> frozenset[str]:
        """What kind of figure it is beyond a count: planned, the size of a change, per what,
        a distance from where."""
        return frozenset(
            r for r in self.roles if r in {"target", "delta"} or r.startswith(("rate:", "from:"))
        )

    @cached_property
    def total(self) -> bool:
        """A total, or the whole a part is taken from ("most of the 16 patients")."""
        return bool(self.roles & {"total", "whole"})


def _noun_phrase(tokens: list[Token], start: int) -> list[int]:
    """Indices of the noun phrase from ``start``: modifiers, then the head noun last."""
    taken: list[int] = []
    index = start
    while index < len(tokens) and len(taken) < 3:
        token = tokens[index]
        lower = token.lower
        if lower == "other" and not taken and index + 1 < len(tokens):
            taken.append(index)  # "two other tickets", "no other ticket": a kind of its own
            index += 1
            continue
        if not token.is_word or lower in STOP or lower in IRREGULAR_VERBS:
            break
        if is_number_word(token) or (lower.endswith("ly") and lower not in {"family"}):
            break
        if taken and lower.endswith(("ed", "ing")):
            break
        if lower.endswith(("'s", "’s")) and not taken:  # "the region's mills": a determiner
            index += 1
            continue
        taken.append(index)
        index += 1
        if singular(lower) != lower:  # a plural ends the phrase: "bodies suggests"
            break
    return taken


def _noun_text(tokens: list[Token], phrase: list[int]) -> str:
    """The counted noun as written, with "other" when it is said ("other tickets")."""
    head = tokens[phrase[-1]].text
    return f"other {head}" if tokens[phrase[0]].lower == "other" and len(phrase) > 1 else head


_ROUGH = ROUGHLY | {"some"}
_COSTING = frozenset({"cost", "costs", "costing"})
_ADVERBS = frozenset({"now", "still", "currently", "also", "already", "typically", "usually"})


def _purpose(tokens: list[Token], figure: Figure) -> str:
    """What a sum of money is for: "4.5 million euros for redundancy payments" -> "payment"."""
    after = figure.last + 1
    if figure.first >= 2 and tokens[figure.first - 1].lower == "of":  # "a loss of £12.4m"
        return singular(tokens[figure.first - 2].lower)
    at = figure.first - 1
    while at > 0 and tokens[at].lower in _ROUGH:
        at -= 1
    if at >= 1 and tokens[at].lower in _COSTING:  # "An annual pass costs £90": a pass's price
        at -= 1
        while at > 0 and tokens[at].lower in _ADVERBS:  # "A year's pass now costs £120"
            at -= 1
        subject = tokens[at].lower
        return singular(subject) if tokens[at].is_word and subject not in STOP else ""
    if after < len(tokens) and tokens[after].lower in {"for", "on", "in"}:
        start = after + 1
        while start < len(tokens) and tokens[start].lower in {"a", "an", "the", "its", "their"}:
            start += 1
        phrase = _noun_phrase(tokens, start)
        if phrase:
            return singular(tokens[phrase[-1]].lower)
    phrase = _noun_phrase(tokens, after)  # "the £14.2m loss"
    return singular(tokens[phrase[-1]].lower) if phrase else ""


def _bounds(tokens: list[Token], figure: Figure) -> tuple[float, float, int]:
    """The range the words before a figure give it, and the index of the first such word."""
    before = context.words_before(tokens, figure.first, 3)
    for phrase, (low, high) in BOUNDS.items():
        if before == phrase or before.endswith(" " + phrase):
            start = figure.first - len(phrase.split())
            if start > 0 and context.event_of(tokens[start - 1].lower):
                break  # "handed over 1,212 bodies": a verb's particle, not a range
            return figure.value * low, figure.value * high, start
    return figure.value - figure.tolerance, figure.value + figure.tolerance, figure.first


def _is_percent(tokens: list[Token], after: int) -> bool:
    return after < len(tokens) and tokens[after].lower in PERCENT_WORDS


_RATES = frozenset({"turnout", "unemployment", "inflation", "approval"})
"""Rates a news report names and gives in percent: "Turnout was 61.2 per cent"."""
_RATE_LINKS = frozenset({"was", "is", "were", "stood", "at", "of", "a", "had", "been", "to"})


_UP, _DOWN = "%rise", "%cut"
_CHANGE_NOUNS = {
    **dict.fromkeys(("increase", "rise", "raise", "hike"), _UP),
    **dict.fromkeys(("cut", "reduction", "fall", "drop", "decrease", "decline"), _DOWN),
}
_CHANGE_AFTER = {"more": _UP, "higher": _UP, "less": _DOWN, "lower": _DOWN}
_CHANGE_EVENTS = {"increas": _UP, "rais": _UP, "decreas": _DOWN, "fel": _DOWN, "reduc": _DOWN}
"""The events of verbs that change a figure by a percentage: "rise by 12 per cent"
(``event`` names rising "increas", cutting "fel")."""


def _change_in_percent(sentence: Sentence, figure: Figure, after: int) -> list[Mention]:
    """A change by a percentage, as a count of a rise or a cut: "a 4.99 per cent
    increase", "the 25 per cent reduction" (a change named before: owner "the"), "will
    rise by 12 per cent", "pay 4.99 per cent more"; not "rose to 12 per cent", a level."""
    tokens = sentence.tokens
    following = tokens[after].lower if after < len(tokens) else ""
    before = tokens[figure.first - 1].lower if figure.first else ""
    kind = _CHANGE_NOUNS.get(singular(following)) or _CHANGE_AFTER.get(following, "")
    named = after
    if not kind and before == "by":  # "cut the quota for the coming season by 18 per cent":
        # the change is named by a verb before "by", which stands in for its noun
        earlier = [t for t in sentence.clause(figure.first) if t.start < tokens[figure.first].start]
        kind = next((_CHANGE_EVENTS[event(t.lower)] for t in reversed(earlier)
                     if event(t.lower) in _CHANGE_EVENTS), "")  # fmt: skip
        named = figure.first - 1
    if not kind:
        return []
    if before == "the" and _CHANGE_NOUNS.get(singular(following)) is None:
        return []
    text = sentence.text[tokens[figure.first].start : tokens[after - 1].end]
    mention = _mention(sentence, figure, [named], text, False, sized=True)
    if mention is None:
        return []
    roles = mention.roles - {"share", "change", "delta"}
    if not context.hedged(sentence.clause(figure.first)):
        roles -= {"target"}  # "fares will rise by 12 per cent": the rise decided on
    owner = "the" if before == "the" else ""
    changed = _changed_in(tokens, named + 1) if named == after else frozenset()
    return [
        replace(mention, noun=kind, noun_text="", owner=owner, roles=roles, verbs=frozenset(),
                qualified=False, modifiers=changed)
    ]  # fmt: skip


_IN_WHAT = frozenset({"in", "on", "for", "to"})
_SKIPPED = frozenset({"the", "a", "an", "its", "their", "first", "second", "third", "next"})


def _changed_in(tokens: list[Token], at: int) -> frozenset[str]:
    """What a change names after it: "increase in council tax" -> {"tax"}; "in the first
    year" -> {"year"}."""
    if at >= len(tokens) or tokens[at].lower not in _IN_WHAT:
        return frozenset()
    start = at + 1
    while start < len(tokens) and tokens[start].lower in _SKIPPED:
        start += 1
    phrase = _noun_phrase(tokens, start)
    return frozenset({singular(tokens[phrase[-1]].lower)}) if phrase else frozenset()


def _rate(sentence: Sentence, figure: Figure) -> list[Mention]:
    """A named rate in percent, as a count of it: "Turnout was 61.2 per cent", "a turnout
    of 71 percent", "the 54 per cent turnout" (a group named before: owner "the")."""
    tokens = sentence.tokens
    after = figure.last + 1
    while after < len(tokens) and tokens[after].lower in PERCENT_WORDS | {"cent"}:
        after += 1
    named, owner = -1, ""
    if after < len(tokens) and tokens[after].lower in _RATES:
        named, owner = after, "the" if tokens[figure.first - 1].lower == "the" else ""
    else:
        at = figure.first - 1
        while at >= 0 and tokens[at].lower in _RATE_LINKS:
            at -= 1
        if at >= 0 and at < figure.first - 1 and tokens[at].lower in _RATES:
            named = at
    if named < 0:
        return _change_in_percent(sentence, figure, after)
    text = sentence.text[tokens[figure.first].start : tokens[after - 1].end]
    mention = _mention(sentence, figure, [named], text, False, sized=True)
    if mention is None:
        return []
    roles = mention.roles - {"share"}  # the rate is the percentage, not a share of it
    noun = f"%{tokens[named].lower}"
    return [replace(mention, noun=noun, noun_text="", owner=owner, roles=roles)]


def _mention(
    sentence: Sentence,
    figure: Figure,
    phrase: list[int],
    surface: str,
    zero: bool,
    sized: bool = False,
) -> Mention | None:
    tokens = sentence.tokens
    head = tokens[phrase[-1]]
    noun = singular(head.lower)
    if figure.currency:
        noun = f"{figure.currency}:{_purpose(tokens, figure)}"
    elif len(phrase) == 1 and head.lower.endswith("ed"):
        if event(head.lower) not in _DONE_BY_PEOPLE:
            return None
        noun = f"*{event(head.lower)}"  # "29 voted": whoever did it
    elif not (zero or sized) and figure.value != 1 and noun == head.lower and noun not in UNCHANGED:
        return None  # "1,200 report": a figure before a singular noun counts no such thing
    named = head.text[:1].isupper() and phrase[-1] > 0 and not sized  # not "Turnout was …"
    if named and not (zero or figure.currency or _headline(sentence)):
        return None  # "3,797 Reuters": a name is not counted
    if noun in _NOT_COUNTED or (not head.lower.isalpha() and not figure.currency):
        return None
    noun = counted(noun)
    if noun.isalpha() and event(noun) in _SUFFERED:  # "no deaths": nobody who died
        noun = f"*{event(noun)}"
    around = context.around(sentence, figure.first, phrase)
    relative = phrases.relative(sentence, phrase[-1])
    if relative:  # "the five members who voted against the scheme"
        around = phrases.with_relative(around, tokens, relative)
    low, high, first = (0.0, 0.0, figure.first) if zero else _bounds(tokens, figure)
    if first != figure.first:  # "More than 5,000": the range is part of what was said
        surface = sentence.text[tokens[first].start : tokens[figure.last].end]
    if noun.startswith("*"):  # "29 voted": what it counts is the doing itself
        around = replace(
            around, verbs=frozenset({noun[1:]}), topic=context.sentence_topic(sentence)
        )
    return Mention(
        sentence=sentence,
        value=figure.value,
        low=low,
        high=high,
        noun=noun,
        surface=surface,
        noun_text=_noun_text(tokens, phrase) if not figure.currency else "",
        zero=zero,
        roles=context.roles(sentence, figure.first, phrase[-1]),
        modifiers=frozenset(
            tokens[i].lower
            for i in phrase[:-1]
            if tokens[i].text[:1].islower() and tokens[i].lower not in _NEUTRAL
        ),
        **{name: getattr(around, name) for name in _AROUND},
        position=figure.first,
        predicate=_predicate(tokens, phrase[-1] + 1),
        side=_side(sentence, figure.first, relative) if "vote" in around.verbs | {noun} else "",
        owner=phrases.owner(tokens, figure.first),
        qualified=_qualified(tokens, phrase[-1] + 1),
        defined=_defined(tokens, phrase[-1] + 1),
        by_event_alone=bool(relative) and _only_doing(tokens, relative),
    )


_PASSIVE_AFTER = frozenset({"to", "in", "at", "by", "from", "on", "during", "after", "since"})
_FINITE = frozenset({"was", "were", "is", "are", "had", "has", "have", "will", "would"})


def _only_doing(tokens: list[Token], relative: list[int]) -> bool:
    """Whether the relative clause at ``relative`` holds no word but its verb, up to the
    main clause's verb ("who had been moved | were back in their beds")."""
    said: list[Token] = []
    for index in relative:
        token = tokens[index]
        if said and token.lower in _FINITE:
            break
        if token.is_word and token.lower not in STOP:
            said.append(token)
    return bool(said) and all(context.event_of(token.lower) for token in said)


def _participle(word: str) -> str:
    """The event a past participle or an irregular past names ("moved", "lost"), else ""."""
    return context.event_of(word) if word.endswith("ed") or word in IRREGULAR_VERBS else ""


def _defined(tokens: list[Token], after: int) -> bool:
    """Whether a participle or a relative clause follows the noun ending at ``after``."""
    if after >= len(tokens):
        return False
    word = tokens[after].lower
    if word in phrases.WHO:
        return True
    if word in _STAYING:
        return True  # "the 269 branches staying open": not those that close
    if not _participle(word):
        return False
    # "the 16 patients admitted to hospital", "the 74 homes lost,"; not "the turnout showed that"
    follows = tokens[after + 1] if after + 1 < len(tokens) else None
    return follows is None or follows.kind == "punct" or follows.lower in _PASSIVE_AFTER


_STAYING = frozenset({"staying", "remaining", "continuing"})
"""Words after a noun that pick out those left as they were: the others changed."""

_QUALIFYING = frozenset({"at", "in", "on", "from", "near", "inside", "outside", "across", "with"})


def _qualified(tokens: list[Token], after: int) -> bool:
    """Whether a place or a thing had follows the noun ending at ``after``; not when it
    is every one ("46 lessons across all year groups", "64 lessons in all")."""
    if after >= len(tokens) or tokens[after].lower not in _QUALIFYING:
        return False
    if tokens[after].lower == "at" and _valued(tokens, after + 1):
        return False  # "the 19 buses at about £5.2m": what they cost, not where they are
    return after + 1 >= len(tokens) or tokens[after + 1].lower not in _EVERY


def _valued(tokens: list[Token], at: int) -> bool:
    """Whether a figure, said roughly or not, starts at ``at`` ("about £5.2m", "300")."""
    while at < len(tokens) and tokens[at].lower in ROUGHLY:
        at += 1
    return at < len(tokens) and (tokens[at].kind == "num" or tokens[at].text in "$£€¥")


_EVERY = frozenset({"all", "every", "each", "both"})


_FOR_WHOM = frozenset({"the", "a", "an", "it", "him", "her", "them", "his", "their"})


def _side(sentence: Sentence, first: int, relative: list[int]) -> str:
    """Which way a count of votes went: "against", "for" or "abstain", if its clause (or
    the relative clause of its noun) says."""
    tokens = sentence.tokens
    clause = [i for i in sentence.clauses[sentence.clause_of[first]] if i > first] + relative
    for index in clause:
        lower = tokens[index].lower
        following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
        if lower == "against":
            return "against"
        if lower in VOTE_FOR or (lower == "for" and following in _FOR_WHOM):
            return "for"
        if lower.startswith("abstain"):
            return "abstain"
    return ""


_AROUND = tuple(field.name for field in fields(context.Around))


def _headline(sentence: Sentence) -> bool:
    return circumstances.headline(sentence.tokens)


_AUXILIARIES = frozenset({"had", "have", "has", "were", "was", "been", "are", "is", "be"})


def _predicate(tokens: list[Token], index: int) -> str:
    """The event named right after a noun, past its auxiliaries: "runners had finished"."""
    if index < len(tokens) and tokens[index].lower in phrases.WHO:  # "members who voted"
        index += 1
    while index < len(tokens) and tokens[index].lower in _AUXILIARIES:
        index += 1
    if index < len(tokens) and context.events([tokens[index]], set()):
        return event(tokens[index].lower)
    return ""


def _partitive(tokens: list[Token], start: int) -> list[int]:
    """The noun phrase of the whole in "130 of the 190 houses" or "two of its steel
    supports", from after the figure."""
    index = start
    if index < len(tokens) and tokens[index].lower == "of":
        index += 1
        if index < len(tokens) and tokens[index].lower in {"the", "its", "their", "those"}:
            index += 1
        if index < len(tokens) and (tokens[index].kind == "num" or is_number_word(tokens[index])):
            index += 1
        phrase = _noun_phrase(tokens, index)
        if phrase and singular(tokens[phrase[-1]].lower) != tokens[phrase[-1]].lower:
            return phrase  # a whole is plural: not "two of its kind"
    return []


def counts(sentence: Sentence) -> list[Mention]:
    """The figures of a sentence that count a noun ("1,200 bodies", "five hospitals")."""
    tokens = sentence.tokens
    found: list[Mention] = []
    for figure in figures(tokens):
        if _is_percent(tokens, figure.last + 1):
            found += _rate(sentence, figure)
            continue
        phrase = _noun_phrase(tokens, figure.last + 1)
        whole = _partitive(tokens, figure.last + 1) if not phrase and figure.value != 1 else []
        if not phrase and figure.currency:
            phrase = [figure.last]
        phrase = phrase or whole
        last = tokens[figure.last]
        text = sentence.text[tokens[figure.first].start : last.end + len(last.glued)]  # "£12.4m"
        elided = _elided(sentence, figure, found[-1], text) if found else None
        if phrase and tokens[phrase[0]].start == tokens[figure.last].end:  # "38.4C", "221km"
            written = sentence.text[tokens[figure.first].start : tokens[phrase[0]].end]
            mention = _mention(sentence, figure, phrase[:1], written, False, sized=True)
            mention = replace(mention, noun_text="") if mention is not None else None
        else:
            mention = elided or (
                _mention(sentence, figure, phrase, text, figure.value == 0) if phrase else None
            )
        sized = (
            phrases.sized(tokens, figure.first) if mention is None and not figure.currency else []
        )
        if sized:  # "the crowd of 4,812 showed …": the size of one group
            mention = _mention(sentence, figure, sized, text, False, sized=True)
            mention = replace(mention, owner="of") if mention is not None else None
        elif _hyphened(sentence, figure) and not figure.currency:  # "the 6.8-magnitude quake"
            measured = [figure.last + 1]
            text = sentence.text[tokens[figure.first].start : tokens[figure.last + 1].end]
            mention = _mention(sentence, figure, measured, text, False, sized=True)
            mention = replace(mention, noun_text="") if mention is not None else None
            if mention is not None and figure.last + 2 < len(tokens):
                of = singular(tokens[figure.last + 2].lower)  # the site of "the 190-acre site"
                if of not in STOP:
                    mention = replace(mention, complement=of, size_of=of)
            if mention is not None and _margin_named(tokens, figure.last + 2):
                mention = replace(mention, roles=mention.roles | {"margin"})
        if mention is not None and whole:  # a part of a whole, as narrow as a kind
            mention = replace(mention, modifiers=mention.modifiers | {"of a whole"})
        owned = _owned(tokens, figure.first)
        if mention is not None and owned and not figure.currency:
            mention = replace(mention, noun=owned)
        if mention is not None:
            found += _tally(sentence, mention, figure)
    return found


def _elided(sentence: Sentence, figure: Figure, before: Mention, text: str) -> Mention | None:
    """A figure whose noun is left out because the one before gave it: "33,200 runners
    started at 7am and 31,540 crossed the finish line" counts 31,540 runners."""
    tokens = sentence.tokens
    at, after = figure.first - 1, figure.last + 1
    if at < 0 or tokens[at].lower not in {"and", "but", "while", "whereas"}:
        return None
    if after >= len(tokens) or before.zero or before.noun.startswith("*") or figure.currency:
        return None
    done = _participle(tokens[after].lower)
    if not done:
        return None
    return replace(
        before,
        value=figure.value,
        low=figure.value,
        high=figure.value,
        surface=text,
        verbs=frozenset({done}),
        roles=context.roles(sentence, figure.first, figure.last),
        position=figure.first,
        owner="",
        side=_side(sentence, figure.first, []) if done == "vote" else "",  # "… and 1,934 against"
    )


_MARGINS = frozenset(phrase.split()[-2] for phrase in ROLE_BEFORE["margin"])
"""The nouns of a margin: "margin", "majority", "lead", "gap"."""


def _margin_named(tokens: list[Token], at: int) -> bool:
    """Whether a margin is named within two words: "the 42-vote election-night gap"."""
    return any(token.lower in _MARGINS for token in tokens[at : at + 2])


def _hyphened(sentence: Sentence, figure: Figure) -> bool:
    """Whether the figure is joined by a hyphen to the word after it: "6.8-magnitude"."""
    tokens = sentence.tokens
    after = figure.last + 1
    if after >= len(tokens) or not tokens[after].is_word:
        return False
    return sentence.text[tokens[figure.last].end : tokens[after].start] == "-"


def _tally(sentence: Sentence, mention: Mention, figure: Figure) -> list[Mention]:
    """A vote's tally ("by seven votes to four"): seven who voted for, four against."""
    tokens = sentence.tokens
    at = figure.last + 1
    if mention.noun != "vote" or [t.lower for t in tokens[at : at + 2]] != ["votes", "to"]:
        return [mention]
    other = next((f for f in figures(tokens) if f.first == at + 2), None)
    if other is None:
        return [mention]
    voters = replace(mention, noun="*vote", verbs=mention.verbs | {"vote"}, side="for")
    surface = sentence.text[tokens[other.first].start : tokens[other.last].end]
    against = replace(
        voters,
        value=other.value,
        low=other.value,
        high=other.value,
        surface=surface,
        noun_text="against",
        side="against",
        position=other.first,
    )
    return [voters, against]


def _owned(tokens: list[Token], first: int) -> str:
    """What of the counted ones a figure is about: "the passwords of 12,000 customers" are
    12,000 passwords, not the customers whose data was stolen."""
    at = first - 1
    if at >= 0 and tokens[at].lower == "all":
        at -= 1
    if at < 1 or tokens[at].lower != "of":
        return ""
    owner = tokens[at - 1]
    lower = owner.lower
    if not owner.is_word or lower in STOP or lower in QUANTIFIERS or is_number_word(owner):
        return ""
    return singular(lower) if singular(lower) != lower or lower in UNCHANGED else ""


def _negated(tokens: list[Token], index: int) -> bool:
    """A "not", "never" or "…n't" within the four words before ``index``."""
    for token in tokens[max(0, index - 4) : index]:
        lower = token.lower
        if lower in {"not", "never", "without"} or lower.endswith(("n't", "n’t")):
            return True
    return False


def _zero_at(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """(first token of the zero phrase, first token of its noun phrase) at ``index``."""
    lower = tokens[index].lower
    nxt = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if lower == "a" and nxt == "single" and _negated(tokens, index):
        return index, index + 2
    if lower in {"any", "one"} and _negated(tokens, index) and nxt not in STOP:
        return index, index + 1
    if lower == "no" and (nxt == "other" or nxt not in STOP | _ZERO_IDIOMS):
        return index, index + 1
    if nxt == "of" and (lower == "none" or (lower == "one" and _negated(tokens, index))):
        return index, _of_whole(tokens, index + 2)  # "none of the", "not one of the"
    return None


_OF_THE = frozenset({"the", "its", "their", "those", "these"})


def _of_whole(tokens: list[Token], at: int) -> int:
    """Where the noun of "none of …" starts, past its determiner, an owner and the size of
    the whole: "None of the bank's 2,900 employees", "Not one of the 140 workers"."""
    if at < len(tokens) and tokens[at].lower in _OF_THE:
        at += 1
    if at < len(tokens) and tokens[at].lower.endswith(("'s", "’s")):
        at += 1
    if at + 1 < len(tokens) and (tokens[at].kind == "num" or is_number_word(tokens[at])):
        at += 1
    return at


def zeros(sentence: Sentence) -> list[Mention]:
    """Zeros said in words: "not a single body", "no flights", "none of the patients", "nobody"."""
    if sentence.words.isdisjoint(_ZERO_CUES):
        return []
    tokens = sentence.tokens
    found: list[Mention] = []
    for index, token in enumerate(tokens):
        lower = token.lower
        if lower in {"nobody", "no-one"} or (lower == "no" and _next(tokens, index) == "one"):
            last = index if lower != "no" else index + 1
            figure = Figure(0.0, index, last, 0.0, words=True)
            surface = sentence.text[token.start : tokens[last].end]
            mention = _person_zero(sentence, figure, surface)
        else:
            at = _zero_at(tokens, index)
            phrase = _noun_phrase(tokens, at[1]) if at else []
            if at and not phrase and _next(tokens, at[1] - 1) == "them":
                phrase = [at[1]]  # "none of them": ``pairing`` finds what they are
            if at is None or not phrase:
                continue
            figure = Figure(0.0, at[0], phrase[-1], 0.0, words=True)
            start = at[0] - 1 if at[0] and tokens[at[0] - 1].lower == "not" else at[0]
            surface = sentence.text[tokens[start].start : tokens[phrase[-1]].end]
            if lower in {"a", "any", "one"} and not surface.lower().startswith("not"):
                surface = "not " + surface
            mention = _mention(sentence, figure, phrase, surface, zero=True)
        if mention is not None and _wished(tokens, figure.last):
            continue  # "Nobody wants to strike": a wish, not a count of what was done
        if mention is not None and phrases.scoped(sentence, mention.position, figure.last):
            mention = replace(mention, modifiers=mention.modifiers | {"of some"})
        if mention is not None:
            found.append(mention)
    return found


_WISHING = frozenset(
    {"want", "wants", "wanted", "wish", "wishes", "wished", "like", "likes", "liked", "dares"}
)


def _wished(tokens: list[Token], last: int) -> bool:
    """Whether a verb of wishing and "to" follow the zero ending at ``last``, within its
    clause: "Nobody in this union wanted to be standing on a sidewalk"."""
    for index in range(last + 1, min(last + 6, len(tokens) - 1)):
        if tokens[index].kind == "punct":
            return False
        if tokens[index].lower in _WISHING and tokens[index + 1].lower == "to":
            return True
    return False


def _next(tokens: list[Token], index: int) -> str:
    return tokens[index + 1].lower if index + 1 < len(tokens) else ""


def _person_zero(sentence: Sentence, figure: Figure, surface: str) -> Mention | None:
    mention = _mention(sentence, figure, [figure.last], surface, zero=True)
    if mention is None:
        return None
    return replace(mention, noun="person", noun_text="people")


def mentions(sentence: Sentence) -> list[Mention]:
    """Every count and every zero in the sentence, in order."""
    return sorted(counts(sentence) + zeros(sentence), key=lambda m: m.position)
