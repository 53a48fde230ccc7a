"""What surrounds a figure: its event, names, places and times, and the words that make it
a part, a total, a before or a target rather than the plain count of its event."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factmark.assist import circumstances
from factmark.assist.lexicon import (
    CATENATIVES,
    CHANGE_VERBS,
    DELTAS,
    HEDGES,
    IRREGULAR_VERBS,
    LENGTHS,
    NOT_VERBS,
    PEOPLE,
    QUANTIFIERS,
    ROLE_AFTER,
    ROLE_BEFORE,
    ROLE_CLAUSE,
    STOP,
    WINNING,
    words,
)
from factmark.assist.numbers import is_number_word, number_word
from factmark.assist.tokens import Sentence, Token
from factmark.assist.words import event, event_names, singular


@dataclass(frozen=True)
class Around:
    """The context of a figure in its clause."""

    kinds: frozenset[str]
    """Names in the noun phrase: "Ukrainian" in "1,200 bodies of Ukrainian soldiers"."""
    names: frozenset[str]
    """Other proper names in its clause, less who said it ("northgate", "russia")."""
    everyone: frozenset[str]
    """The proper names of its whole sentence, less who said it."""
    places: frozenset[str]
    """Places its clause names ("kelby", "north")."""
    complement: str
    """The head of "of …" after the noun ("soldier" in "bodies of soldiers")."""
    verbs: frozenset[str]
    """The events the figure counts ("transfer" for "handed over 1,212 bodies"); none in
    a clause without a verb of its own ("With 12,412 votes, …")."""
    events: frozenset[str]
    """Every event its clause (or else its sentence) names."""
    topic: frozenset[str]
    """The words that set its scene."""
    times: frozenset[str]


def words_before(tokens: list[Token], index: int, count: int) -> str:
    """The (up to) ``count`` words before token ``index``, lower case, stopping at punctuation."""
    words: list[str] = []
    for token in reversed(tokens[max(0, index - count) : index]):
        if token.kind == "punct" and token.text not in "$£€¥":
            break
        if token.is_word:
            words.append(token.lower)
    return " ".join(reversed(words))


def _words_after(tokens: list[Token], index: int, count: int) -> str:
    words: list[str] = []
    for token in tokens[index : index + count]:
        if not token.is_word:
            break
        words.append(token.lower)
    return " ".join(words)


_BEFORE_NEAR, _AFTER_NEAR = 6, 6
"""How many words before its figure, or after its noun, a verb may stand: "ordered 48
schools to close", "found the bodies of all 12 miners", "no ships had been allowed to
leave"."""
_BEFORE = {phrase: role for role, phrases in ROLE_BEFORE.items() for phrase in phrases}
_AFTER = {phrase: role for role, phrases in ROLE_AFTER.items() for phrase in phrases}


def _whole(tokens: list[Token], first: int) -> bool:
    """Whether the figure at ``first`` is the whole a part is taken from: "14 of the 22
    schools", "most of its 160 flights" (not "the transfer of the 1,200 bodies")."""
    at = first - 1
    if at >= 0 and tokens[at].lower in {"the", "its", "their", "all", "those", "these"}:
        at -= 1
    if at < 0 or tokens[at].lower != "of":
        return False
    if at == 0:  # "Of the 340 flights, 210 were domestic."
        return True
    part = tokens[at - 1]
    return part.kind == "num" or is_number_word(part) or part.lower in QUANTIFIERS


_SHARE_LEAD_INS = words(", about around roughly nearly almost some just or a one two")
"""Words between a figure's noun and the share it is of: ", about a third"."""


def _share_follows(tokens: list[Token], index: int) -> bool:
    """A share said right after a figure's noun: ", about a third", "or 40 percent"."""
    while index < len(tokens) and tokens[index].lower in _SHARE_LEAD_INS:
        index += 1
    if index < len(tokens) and tokens[index].kind == "num":
        index += 1
    return index < len(tokens) and tokens[index].lower in ROLE_CLAUSE["share"]


def _delta(tokens: list[Token], first: int) -> bool:
    """Whether the figure at ``first`` is the size of a change: "grew by 3,100", "an
    increase of 2,400"."""
    if first < 2:
        return False
    marker, change = tokens[first - 1].lower, tokens[first - 2].lower
    return (marker == "by" and change in CHANGE_VERBS) or (marker == "of" and change in DELTAS)


def _changed(sentence: Sentence, first: int, head: int) -> bool:
    """Whether "from" before the figure at ``first`` starts a change: "to" and a figure
    follow ("from 310 to 420"), or its clause names a change ("rose from 310")."""
    tokens = sentence.tokens
    for index in range(head + 1, min(head + 5, len(tokens) - 1)):
        following = tokens[index + 1]
        if tokens[index].lower == "to" and (following.kind == "num" or is_number_word(following)):
            return True
    clause = {token.lower for token in sentence.clause(first)}
    return bool(clause & (CHANGE_VERBS | ROLE_CLAUSE["change"]))


_PLAN_NOUNS = frozenset(
    {"plan", "plans", "planning", "target", "targets", "goal", "goals", "aim", "aims"}
)
"""Words of a plan that are nouns unless "to" follows: "plans to build", "Plans for",
"the planning committee"."""


def hedged(clause: list[Token]) -> bool:
    """Whether the clause only says what may be ("could close on June 30", "fares could
    rise by 12 per cent"): it contradicts nothing. "May" the month is no hedge."""
    return any(token.lower in HEDGES and not token.is_month for token in clause)


def planning(tokens: list[Token]) -> set[str]:
    """The words of ``tokens`` that say a plan: a plan's nouns only before "to"."""
    return {
        token.lower
        for i, token in enumerate(tokens)
        if not token.is_month  # "May" the month, not the verb
        and (
            token.lower not in _PLAN_NOUNS or (i + 1 < len(tokens) and tokens[i + 1].lower == "to")
        )
    }


def roles(sentence: Sentence, first: int, head: int) -> frozenset[str]:
    """Why the figure at ``first`` (its noun at ``head``) is not the plain count of its event."""
    tokens = sentence.tokens
    before = words_before(tokens, first, 3).split()
    after = _words_after(tokens, head + 1, 3).split()
    found = {_BEFORE[" ".join(before[-n:])] for n in (1, 2, 3) if " ".join(before[-n:]) in _BEFORE}
    bare_from = before[-1:] == ["from"] and before[-2:-1] not in (["up"], ["down"])
    if bare_from and not _changed(sentence, first, head):
        found.discard("change")  # "drew money from 297 investors" is no figure before
    for phrase in (" ".join(after[:n]) for n in (1, 2, 3)):
        if phrase in _AFTER:  # a rate is kept with its unit: "rate:a year"
            found.add(f"rate:{phrase}" if _AFTER[phrase] == "rate" else _AFTER[phrase])
    if singular(tokens[head].lower) in LENGTHS and "from" in after[:2]:
        found.add(f"from:{_anchor(tokens, head)}")  # "about four miles from the trailhead"
    if before[-1:] == ["by"] and _won(sentence, first):
        found.add("margin")  # "carried Precinct 14 by 61 votes"
    at = before[-1:] == ["at"] or before[-2:] == ["at", "the"]
    if at and singular(tokens[head].lower) in LENGTHS:
        found.add("point")  # "at 15 miles", "at the 20-mile mark": a point on the way, no length
    clause = sentence.clause(first)
    joined = " " + " ".join(token.lower for token in clause) + " "
    # A plan is said before its figure or just after its noun ("1,200 trees will be felled"),
    # not in a second predicate ("closed 84 schools on Tuesday and would review the list").
    planned = {t.lower for t in clause if t.start < tokens[first].start} | set(after)
    planned &= planning(tokens)  # "Plans for 1,450 homes were approved": a plan's size
    delta = _delta(tokens, first)
    for role, vocabulary in ROLE_CLAUSE.items():
        words = planned if role == "target" else {token.lower for token in clause}
        if role == "change" and delta:
            continue  # the size of the change it names, not a figure before or after it
        if words & vocabulary or any(f" {p} " in joined for p in vocabulary if " " in p):
            found.add(role)
    if delta:
        found.add("delta")
    if _whole(tokens, first):
        found.add("whole")
    if _of_each(clause, tokens[first].start):
        found.add("average")
    opening = " ".join(t.lower for t in tokens[:3] if t.is_word)
    if any(opening.startswith(p) for p in _AFTER if _AFTER[p] == "total"):
        found.add("total")  # "In total, 60,000 sandbags were handed out."
    if _share_follows(tokens, head + 1):  # "120 staff, about a third of its workforce"
        found.add("share")
    return frozenset(found)


def _of_each(clause: list[Token], start: int) -> bool:
    """Whether the clause, before the figure starting at ``start``, says its figure is what
    each one, or the usual one, of some people did or had ("Each entrant had to raise at
    least 100,000 yen", "each of the runners", "the average charity runner raised 375,000
    yen"): a figure for one, no whole. The people are named within three words of "each"
    or "average": "every one of the 41 lots" is all of them."""
    before = [token.lower for token in clause if token.start < start and token.is_word]
    for at, word in enumerate(before):
        if word in _FOR_ONE and any(singular(w) in PEOPLE for w in before[at + 1 : at + 4]):
            return True
    return False


_FOR_ONE = frozenset({"each", "every", "average", "typical", "median"})


def _won(sentence: Sentence, first: int) -> bool:
    """Whether a verb of winning or losing stands before the figure: what follows "by" is
    the margin ("Varga carried Precinct 14, north of the highway, by 61 votes")."""
    return any(token.lower in WINNING for token in sentence.tokens[:first])


def _anchor(tokens: list[Token], head: int) -> str:
    """What a distance is measured from: "trailhead" in "four miles from the trailhead"."""
    at = next(i for i in range(head + 1, len(tokens)) if tokens[i].lower == "from") + 1
    words = _head_run(tokens[at : at + 5])
    return singular(words[-1]) if words else ""


def _complement(tokens: list[Token], head: int) -> tuple[str, set[str], int]:
    """The head of "of …" after the noun, the names in it, and the index past it."""
    if head + 1 >= len(tokens) or tokens[head + 1].lower != "of":
        return "", set(), head + 1
    last, names, end = "", set(), head + 2
    for token in tokens[head + 2 : head + 7]:
        if not token.is_word or (token.lower in STOP and token.lower not in {"a", "an", "the"}):
            break
        if last and event_of(token.lower):  # "members of the council voted"
            break
        if token.text[:1].isupper():
            names.add(token.lower)
        last = token.lower
        end += 1
    return (singular(last) if last not in {"a", "an", "the"} else ""), names, end


@lru_cache(maxsize=16384)
def event_of(lower: str) -> str:
    """The event a word names if it is a verb or a known event noun, else ""."""
    if not lower[:1].isalpha() or lower in STOP or lower in NOT_VERBS or number_word(lower):
        return ""
    if lower.endswith(("ed", "ing")) or lower in IRREGULAR_VERBS:
        return event(lower)
    name = event(lower)
    return name if name in event_names() else ""


_HANDING = frozenset((verb, "to") for verb in CATENATIVES)
_NOT = frozenset({"not", "never", "n't", "failed"})
_UNDONE = {"open": "clos"}
"""The event a negated one names."""


def _next_figure(tokens: list[Token], head: int, end: int) -> int:
    """Where the next figure after ``head`` that counts on its own starts, or ``end``:
    "33,200 runners started and 31,540 crossed the line" did not cross it. A figure after
    "from", "of", "in", "across" or "at" belongs to the noun before it."""
    for index in range(head + 1, min(end, len(tokens))):
        figure = tokens[index].kind == "num" or is_number_word(tokens[index])
        if figure and tokens[index - 1].lower not in _OF_THE_NOUN_BEFORE:
            return index
    return end


_OF_THE_NOUN_BEFORE = frozenset({"from", "of", "in", "across", "at"})
"""Prepositions whose figure belongs to the noun before: "120 firefighters from nine
departments fought the blaze" (they fought it)."""


def _verb_at(tokens: list[Token], index: int, titled: bool = False) -> str:
    """The event the word at ``index`` names, unless it hands its event on ("managed to")."""
    lower = tokens[index].lower
    if index > 0 and tokens[index].text[:1].isupper() and not titled:
        return ""  # "at Wittering": a name, not a doing (but "Twelve Miners Killed")
    if lower in CATENATIVES and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
        return ""
    if lower.endswith("ing") and index and tokens[index - 1].lower in _GOVERNING_ING:
        return ""  # "Nobody is against saving lives": what is talked of, not what was done
    handed = index >= 2 and (tokens[index - 2].lower, tokens[index - 1].lower) in _HANDING
    if handed and lower[:1].isalpha() and lower not in STOP:
        return event(lower)
    name = event_of(lower)
    if name in _UNDONE and {t.lower for t in tokens[max(0, index - 2) : index]} & _NOT:
        return _UNDONE[name]  # "143 schools did not open": they were closed
    return name


_GOVERNING_ING = frozenset({"against", "about", "of", "without", "despite", "for"})
"""Prepositions whose object in -ing is a doing spoken of, not the figure's event."""
_HOSPITAL = "hospital"
"""The event of those taken, admitted, rushed or flown to hospital, or who needed its care."""
_HOSPITALS = frozenset({"hospital", "hospitals", "infirmary"})
_TAKEN_IN = frozenset({"take", "admit", "need", "rush", "fly", "airlift", "ferri", "carry"})


def _to_hospital(tokens: list[Token], after: list[int]) -> bool:
    """Whether the figure's clause takes it to hospital: "were taken to hospital", "was
    admitted to Kelbridge General Hospital", "needed hospital treatment"."""
    for at, index in enumerate(after):
        lower = tokens[index].lower
        if lower.startswith("hospitali"):  # "hospitalised", "hospitalized"
            return True
        if lower in _HOSPITALS:
            before = (tokens[i].lower for i in after[max(0, at - 5) : at])
            return any(event(word) in _TAKEN_IN for word in before)
    return False


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_AT = frozenset({"at", "on", "in", "inside", "aboard"})


def _where(tokens: list[Token], after: list[int]) -> frozenset[str]:
    """Where a figure is said to be, as its event when its clause has no verb: "15 fire
    engines were at the scene" ("at:scene"); "271 passengers were on board" are carried."""
    for at, index in enumerate(after):
        if tokens[index].lower not in _BE or at + 1 >= len(after):
            continue
        place = [tokens[i].lower for i in after[at + 1 : at + 4] if tokens[i].is_word]
        if place[:1] == ["aboard"] or place[:2] == ["on", "board"]:
            return frozenset({"carry"})
        if place[:1] and place[0] in _AT:
            nouns = _head_run([tokens[i] for i in after[at + 2 : at + 6]])
            if nouns:  # "on the northern span when it gave way": the span
                return frozenset({f"{place[0]}:{singular(nouns[-1])}"})
    return frozenset()


_PLACING = frozenset({"on", "in", "at", "near", "along", "across", "around", "outside"})


def _after_a_place(
    tokens: list[Token], head: int, after: list[int], titled: bool
) -> frozenset[str]:
    """The verb of a figure whose noun a place follows, however long the place's name:
    "eleven homes on Cutter Ridge Road had been destroyed"."""
    if not after or after[0] != head + 1 or tokens[head + 1].lower not in _PLACING:
        return frozenset()
    end = _next_figure(tokens, head, after[-1] + 1)
    for index in after[1:]:
        if index >= end:
            break
        token = tokens[index]
        if not token.is_word:
            break
        name = _verb_at(tokens, index, titled)
        if name:
            return frozenset({name})
    return frozenset()


def _head_run(tokens: list[Token]) -> list[str]:
    """The words of a noun phrase from its start: past "the", up to a function word."""
    words: list[str] = []
    for token in tokens:
        if token.lower in {"the", "a", "an"} and not words:
            continue
        if not token.is_word or token.lower in STOP:
            break
        words.append(token.lower)
    return words


def events(tokens: list[Token], skip: set[int]) -> frozenset[str]:
    """The events the tokens name, leaving out those at the indices ``skip``."""
    found = (event_of(token.lower) for i, token in enumerate(tokens) if i not in skip)
    return frozenset(name for name in found if name)


_RELATIVE = frozenset({"where", "which", "who", "that", "when", "whose"})


def setting(sentence: Sentence, clause: int) -> list[int]:
    """The tokens that set the scene of a clause: its own, the sentence's opening ("In the
    village of Campillo, …"), and for a relative clause ("where 103 houses were destroyed")
    the clause it hangs on."""
    clauses = sentence.clauses
    indices = list(clauses[clause])
    if clause > 0 and sentence.opening():
        indices += clauses[0]
    if indices and clause > 0 and sentence.tokens[clauses[clause][0]].lower in _RELATIVE:
        host = clause - 1
        while host > 0 and not clauses[host]:  # "The count, which …": the comma's is empty
            host -= 1
        indices += clauses[host]
    return indices


_ANNOUNCING = frozenset({"announced", "announces", "confirmed", "recorded", "reported"})


def _governing(tokens: list[Token], first: int) -> frozenset[str]:
    """The verb right before a figure: in the present ("expects 3.2 million": a word in -s
    there is a verb, not a plural), or one that tells ("announced 50 million euros")."""
    at = first - 1
    while at >= 0 and tokens[at].lower in {"about", "around", "some", "nearly", "almost"}:
        at -= 1
    word = tokens[at].lower if at >= 0 else ""
    if word in _ANNOUNCING:
        return frozenset({"announc"})
    if word.endswith("s") and not word.endswith("ss") and word not in STOP and len(word) > 3:
        return frozenset({event(word)})
    return frozenset()


def _words(tokens: list[Token], indices: list[int]) -> frozenset[str]:
    """The content words at ``indices``, singular."""
    return frozenset(
        singular(tokens[i].lower)
        for i in indices
        if tokens[i].is_word and tokens[i].lower not in STOP and not number_word(tokens[i].lower)
    )


def sentence_topic(sentence: Sentence) -> frozenset[str]:
    """The content words of the whole sentence: the scene of a figure without a noun."""
    return _words(sentence.tokens, list(range(len(sentence.tokens))))


def around(sentence: Sentence, first: int, phrase: list[int]) -> Around:
    """The context of the figure at token ``first`` whose noun phrase is ``phrase``."""
    tokens = sentence.tokens
    head = phrase[-1]
    complement, kinds, end = _complement(tokens, head)
    kinds |= {tokens[i].lower for i in phrase[:-1] if tokens[i].text[:1].isupper()}
    number = sentence.clause_of[first]
    skip = set(phrase) | set(range(head + 1, end))
    members = sentence.clauses[number]
    in_clause = set(members)
    clause = [tokens[i] for i in members]
    found = frozenset(
        name for i in members if i not in skip and (name := event_of(tokens[i].lower))
    )
    if not found:
        found = events(tokens, skip)
    window = range(first - _BEFORE_NEAR, _next_figure(tokens, head, head + _AFTER_NEAR + 1))
    titled = circumstances.headline(tokens)
    near = (_verb_at(tokens, i, titled) for i in members if i not in skip and i in window)
    verbs = frozenset(name for name in near if name) | _governing(tokens, first)
    if not verbs:
        verbs = _after_a_place(tokens, head, [i for i in members if i > head], titled)
    if not verbs:
        verbs = _where(tokens, [i for i in members if i > head])
    if _to_hospital(tokens, [i for i in members if i > head]):
        verbs |= {_HOSPITAL}
    topic = _words(tokens, [i for i in setting(sentence, number) if i not in phrase])
    return Around(
        kinds=frozenset(kinds),
        names=circumstances.names(sentence, in_clause - set(phrase) - set(range(head, end))),
        everyone=circumstances.names(sentence, set(range(len(tokens)))),
        places=circumstances.places(sentence, clause + sentence.opening()),
        complement=complement,
        verbs=verbs,
        events=found,
        topic=topic,
        times=circumstances.times(sentence, number),
    )
