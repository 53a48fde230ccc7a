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
from functools import lru_cache
from itertools import combinations

from factmark.assist.lexicon import KINDS_OF, MEASURES, PEOPLE, READINGS, VOTE_FOR, words
from factmark.assist.mentions import Mention
from factmark.assist.numbers import figures, spoken
from factmark.assist.phrases import HAS
from factmark.assist.tokens import OPENING_PREPOSITIONS, Sentence, tokenize
from factmark.assist.words import event, scene

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


def _nouns(mention: Mention) -> set[str]:
    """What a mention counts: its noun, and "*vote" for "31 members voting" as for "29 voted"."""
    if mention.zero and mention.noun == "person":
        return set(PEOPLE)
    if mention.zero and mention.noun in KINDS_OF:
        return {mention.noun} | KINDS_OF[mention.noun]
    found = {mention.noun, f"*{mention.predicate}"} if mention.predicate else {mention.noun}
    return found | {"person"} if _people_by_event(mention) else found


def _people_by_event(mention: Mention) -> bool:
    """People of a kind named by what befell them ("the 32 passengers taken to hospital"):
    they are the people it befell, whatever else they are called."""
    return mention.defined and mention.noun in PEOPLE


def _same_noun(a: Mention, b: Mention) -> bool:
    """The same noun, or a count without one ("29 voted") and a count of those who did it,
    or "no one" and a count of people of any kind ("three passengers")."""
    if a.noun == "person" and a.zero:
        return b.noun in PEOPLE
    if b.noun == "person" and b.zero:
        return a.noun in PEOPLE
    if a.zero and b.noun in KINDS_OF.get(a.noun, ()):
        return True  # "None of the vehicles broke loose", "Two cars broke free"
    if b.zero and a.noun in KINDS_OF.get(b.noun, ()):
        return True
    if a.noun == b.noun:
        return True
    if (a.noun == "person" and _people_by_event(b)) or (b.noun == "person" and _people_by_event(a)):
        return True
    return (a.noun.startswith("*") and a.noun in _nouns(b)) or (
        b.noun.startswith("*") and b.noun in _nouns(a)
    )


def _narrower(a: Mention, b: Mention, a_set: frozenset[str], b_set: frozenset[str]) -> bool:
    """Whether one of the two counts may be part of the other: it alone is narrowed (by a
    place or a kind) and is not larger. Both narrowed, differently: different things."""
    if a_set == b_set:
        return False
    if a_set and b_set:
        return True
    narrow, wide = (a, b) if a_set else (b, a)
    return narrow.value <= wide.value


_SIDE_WORDS = VOTE_FOR | {"against"}
"""Words that say which way a vote went: the same way said twice is no setting shared."""


def _shared_setting(a: Mention, b: Mention) -> bool:
    """Whether the two clauses share a word besides the event they both name: a speaker,
    a subject, a purpose ("in favour of the budget"); or one names nothing else to tell
    them apart ("Of the 74 homes lost, most were …")."""
    events = a.events & b.events
    sided = _SIDE_WORDS if a.side and a.side == b.side and a.noun == b.noun else frozenset()

    def prefixes(words: frozenset[str]) -> set[str]:  # a blaze and the flames: one fire
        return {scene(w)[:5] for w in words if event(w) not in events and w not in sided}

    first, second = prefixes(a.topic), prefixes(b.topic)
    if (not first and _named_by_event(a)) or (not second and _named_by_event(b)):
        return True
    if (a.by_event_alone and a.total) or (b.by_event_alone and b.total):
        return True  # "all 24 patients who had been moved": every one the event befell
    return bool(first & second)


def _for_nothing_named(noun: str) -> bool:
    """Whether a sum of money is for nothing named: its noun is its currency alone
    ("pound:", as mentions makes it for "roughly £4.7m")."""
    return noun.endswith(":")


def _named_by_event(mention: Mention) -> bool:
    """Whether the mention names its ones by what was done to them: "the 74 homes lost"."""
    return mention.defined or mention.owner == "the"


def _there(a: Mention, b: Mention) -> bool:
    """Whether ``a`` is said to be where ``b``'s clause is: "No pedestrians were on the
    footway", "two pedestrians who had been walking across the footway"."""
    places = {verb.partition(":")[2][:5] for verb in a.verbs if ":" in verb}
    return bool(places) and not places.isdisjoint(word[:5] for word in b.topic)


def _same_doing(a: Mention, b: Mention) -> bool:
    """The same event; or, for a figure without a verb ("With 12,412 votes, Ms Tate …"),
    the same one named: in its clause, else in its sentence, and with the other figure."""
    if a.verbs and b.verbs:
        return not a.verbs.isdisjoint(b.verbs) or _there(a, b) or _there(b, a)
    if a.verbs or b.verbs:
        verbless, other = (b, a) if a.verbs else (a, b)
        if _for_nothing_named(verbless.noun):
            return False  # "roughly $4.7 million": a sum of nothing named, done by no one
        return not (verbless.names or verbless.everyone).isdisjoint(other.everyone)
    return False


def _dated(mention: Mention) -> bool:
    """Whether the mention's sentence names a year."""
    return any(time.isdigit() for time in mention.times)


def same_thing(a: Mention, b: Mention, any_event: bool = False) -> bool:
    """Whether two mentions count the same thing for the same event, in the same setting
    (``any_event``: whatever event each names)."""
    if not _same_noun(a, b):
        return False
    if not (any_event or _same_doing(a, b) or _same_reading(a, b)):
        return False
    if _had(a) != _had(b):
        return False  # "the school had 1,450 pupils": what it has, not who were carried
    if a.kinds and b.kinds and a.kinds.isdisjoint(b.kinds):
        return False
    if a.side and b.side and a.side != b.side:  # 29 voted for, 15 against
        return False
    summed = not _same_reading(a, b)  # a reading is no sum of the readings of its parts
    if summed and (
        _narrower(a, b, a.places, b.places) or _narrower(a, b, a.modifiers, b.modifiers)
    ):
        return False
    if _another_time(a, b):
        return False  # "in 2012, a blaze burned 9,400 hectares" is another time than now
    if _over_a_period(a, b) or _over_a_period(b, a):
        return False
    verbless = not (a.verbs and b.verbs)  # its setting is its sentence's names, checked above
    return any_event or a.zero or b.zero or verbless or _shared_setting(a, b)


def _other_times(a: Mention, b: Mention) -> bool:
    """Whether both name when, and no time of one is a time of the other ("over a period"
    is not a time: "the strongest since 1948" happened on Saturday); or they pick out
    different ones by how long ("waited longer than the 18-week standard", "longer than
    two years")."""
    mine, theirs = _thresholds(a), _thresholds(b)
    if mine and theirs and mine != theirs:
        return True
    first, second = a.times - {"period"}, b.times - {"period"}
    return bool(first and second and first.isdisjoint(second))


def _another_time(a: Mention, b: Mention) -> bool:
    """Whether the two are said of different times: other times or thresholds, one of an
    earlier time ("a year earlier") or of a year and the other not."""
    if _other_times(a, b) or _dated(a) != _dated(b):
        return True
    if (_opened_by_a_month(a) and not b.times - {"period"}) or (
        _opened_by_a_month(b) and not a.times - {"period"}
    ):
        return True  # "In January a 90-minute fault affected 310,000 customers"
    return ("past" in a.times) != ("past" in b.times)


def _opened_by_a_month(mention: Mention) -> bool:
    """Whether the mention's sentence, or the part of it after a semicolon that holds the
    mention, opens with a month ("In January, …", "…; on 3 March, 340 people were
    rescued"): a time of its own, set apart from counts that name none."""
    sentence = mention.sentence
    if any(token.is_month for token in sentence.opening()):
        return True
    tokens = sentence.tokens
    semicolons = [i for i in range(mention.position) if tokens[i].text == ";"]
    if not semicolons or semicolons[-1] + 1 >= mention.position:
        return False
    first = semicolons[-1] + 1
    if tokens[first].lower not in OPENING_PREPOSITIONS:
        return False
    clause = sentence.clause_of[first]
    return any(
        tokens[i].is_month
        for i in range(first, mention.position)
        if sentence.clause_of[i] == clause
    )


def _thresholds(mention: Mention) -> frozenset[str]:
    return frozenset(time for time in mention.times if time.startswith("over "))


def _over_a_period(a: Mention, b: Mention) -> bool:
    """Whether ``a`` counts over a period ("460 people had died since January") and ``b``
    on one occasion: a zero of its own ("no one had died during the crossing") or a time.
    A zero said up to now, with no time ("No adverse events have been reported"), is
    said of every time so far: of the period too."""
    if "period" not in a.times or "period" in b.times:
        return False
    return bool(b.times) or (b.zero and not _up_to_now(b))


_PERFECT = frozenset({"has", "have", "hasn't", "haven't"})


def _up_to_now(mention: Mention) -> bool:
    """Whether the mention's clause speaks up to now: "have been reported"."""
    clause = mention.sentence.clause(mention.position)
    return any(token.lower in _PERFECT for token in clause)


def _same_reading(a: Mention, b: Mention) -> bool:
    """Whether two readings ("38.4C", "37.9C") are of one place at one time: they share a
    time and a place or name."""
    if a.noun not in READINGS and not a.noun.startswith("%"):
        return False
    where = (a.places & b.places) or (a.everyone & b.everyone)
    return bool(where and (a.times - {"period"}) & (b.times - {"period"}))


def _had(mention: Mention) -> bool:
    """Whether the figure is the size of what someone has ("The farm has 72 turbines")."""
    at = mention.position - 1
    return at >= 0 and mention.sentence.tokens[at].lower in HAS


def overlap(a: Mention, b: Mention) -> bool:
    """Whether the two values can both be true: ranges that meet, or a rounding of one."""
    return a.low <= b.high and b.low <= a.high


def _sums(sentence: Sentence) -> frozenset[float]:
    return sums(sentence.text)


@lru_cache(maxsize=4096)
def sums(text: str) -> frozenset[float]:
    """Every sum of the figures of one sentence (each figure alone included)."""
    values = [figure.value for figure in figures(tokenize(text))][:_MAX_PARTS]
    found: set[float] = set()
    for size in range(1, len(values) + 1):
        found.update(sum(chosen) for chosen in combinations(values, size))
    return frozenset(found)


def explained(a: Mention, b: Mention, known: set[float]) -> bool:
    """Whether the difference of two values is a sum of figures of either sentence, or a
    part or total stated of the thing (``known``): a part and its complement."""
    difference = abs(a.value - b.value)
    values = set(known)
    for mention in (a, b):
        if "whole" not in mention.roles:  # "Of the seven admitted, two remain": parts of it
            values |= _sums(mention.sentence)
    return any(abs(difference - value) <= 0.5 for value in values)


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
    if a.kinds & b.kinds or a.names & b.names or (a.complement and a.complement == b.complement):
        score += 0.05
    if not (a.zero or b.zero) and abs(a.value - b.value) <= 0.1 * max(a.value, b.value):
        score += 0.05
    return min(score, 1.0)


def _within(a: Mention, b: Mention) -> bool:
    """Whether one is a total ("a total of 514 votes", "all 48 members") and the other,
    not said to be one, is no larger: it may be a part of it."""
    if a.total == b.total:
        return False
    total, other = (a, b) if a.total else (b, a)
    own_time = bool(other.times - total.times - {"period"})  # "four people died over the weekend"
    if "total" not in total.roles and total.defined and total.verbs <= other.verbs and not own_time:
        return False  # "Of the 74 homes lost" are all that were destroyed, as 47 were said to be
    return other.value <= total.value


def _same_group(a: Mention, b: Mention) -> bool:
    """The size of what one owner has, said twice: what is done with it does not matter
    ("The farm has 72 turbines", "the farm's 62 turbines would be connected"); so is a
    group of a kind named before ("The 104 counting staff were sent home")."""
    owned = a.owner and a.owner == b.owner and a.owner != "the"
    named = "the" in (a.owner, b.owner) and bool(a.modifiers)
    whole = a.total and b.total and not a.defined and not b.defined  # "Of the 214 passengers"
    if not ((owned or named or whole) and _same_noun(a, b)):
        return False
    if whole and _for_nothing_named(a.noun):
        return False  # "the total payout to £58m", "Of the £3.4bn still to be spent"
    if whole and not owned and (_narrower(a, b, a.places, b.places) or a.kinds != b.kinds):
        return False  # "the 190 houses" of one village, "212 homes" in all
    if whole and a.qualified != b.qualified:
        return False  # "the 140 workers on the night shift", "all 410 employees"
    if (a.roles | b.roles) - {"total", "whole", "target"} or a.modifiers != b.modifiers:
        return False
    return not _another_time(a, b)


def refers_back(first: Mention, later: Mention) -> bool:
    """Whether ``later`` names again, as "the four cubs", the group ``first`` introduced
    ("Three Amur tiger cubs have been born"): the first count of its noun in the article,
    of no narrower kind, neither of them a part, a change or a plan."""
    if later.owner != "the" or later.qualified or later.defined or first.zero or later.zero:
        return False
    if first.owner not in ("", "of"):  # "a magnitude of 6.4", "the 6.8-magnitude quake"
        return False
    narrowing = {word for word in later.modifiers if event(word) not in first.verbs}
    if not _named_again(first.noun, later.noun) or not narrowing <= first.modifiers:
        return False  # "the 19 destroyed buses" are those "destroying fourteen buses" named
    if _for_nothing_named(first.noun):
        return False  # "the £3.5m it spends": a sum for no purpose said is no group named before
    if not later.kinds <= first.kinds:
        return False  # "the 26,000 residents of Dorval" are all of them, not those evacuated
    done = event(later.complement) in first.verbs  # "4,200 gallons leaked", "the 2,400-gallon leak"
    if first.complement and later.complement not in ("", first.complement) and not done:
        return False  # "60 acres of parks", "the 190-acre site"
    if later.complement and first.noun != later.noun and not done:
        return False  # "Three lorries", "the 43-vehicle pile-up": the size of the pile-up
    if later.side != first.side:
        return False
    if (first.roles | later.roles) - {"total", "whole"}:
        return False
    return not _another_time(first, later)  # "the 48 per cent turnout" of 2019


def _named_again(first: str, later: str) -> bool:
    """Whether ``later`` may name again what ``first`` counted: the same noun, or one of
    its kind ("41 container ships", "the 14 vessels"; "Eleven miners", "the nine men")."""
    if first == later:
        return True
    if later in KINDS_OF and first in KINDS_OF[later]:
        return True
    return later in _SOMEONE and first in PEOPLE


_SOMEONE = frozenset({"person", "man", "woman"})


def _named_before(noun: str) -> set[str]:
    """The nouns that may have counted what "the N <noun>" names again."""
    if noun in _SOMEONE:
        return {noun} | set(PEOPLE)
    return {noun} | set(KINDS_OF.get(noun, ()))


def _slip(a: Mention, b: Mention) -> bool:
    """Whether two counts have the same digits in another order (1,450 and 1,540 homes;
    43.1 and 41.3 billion yen): the slip of a key, which writes one figure twice whatever
    event each sentence names. Not when either has a role beyond a plan or a whole (a
    part, a change, a share, an average, …), when one is said of some only ("the 104
    staff at the sports hall"), or when they name different times."""
    if a.value == b.value or a.zero or b.zero:
        return False
    digits = _digits(a.value)
    if not digits or digits != _digits(b.value):
        return False
    if a.qualified != b.qualified or (a.roles | b.roles) - {"target", "whole"}:
        return False
    return not (a.times and b.times and a.times.isdisjoint(b.times))


@lru_cache(maxsize=4096)
def _digits(value: float) -> str:
    """The digits a value is written with, sorted, after the number of them before the
    point: "4:0145" for 1,450 and for 1,540, "2:134" for 43.1 and for 41.3 (and, as values
    are kept whole, "11:00000000134" for 43.1 and 41.3 billion); empty for a value of fewer
    than two digits other than zeros, which no slip can reorder."""
    whole, _, part = f"{value:.6f}".partition(".")
    written = whole + part.rstrip("0")
    return f"{len(whole)}:{''.join(sorted(written))}" if len(written.strip("0")) >= 2 else ""


def judge(a: Mention, b: Mention, known: set[float], first: bool = False) -> Pair | None:
    """The pair the two mentions make, if they disagree about the same thing; ``first``
    when ``a`` is the first count of its noun in the article."""
    if a.sentence.index == b.sentence.index or (a.zero and b.zero):
        return None
    group = _same_group(a, b) or (first and refers_back(a, b))
    if not (group or (a.plain and b.plain and a.measure == b.measure)):
        return None
    if not (group or same_thing(a, b, any_event=_slip(a, b))):
        return None
    if _sizes_another(a, b) or _sizes_another(b, a):
        return None
    if a.zero or b.zero:
        zero, count = (a, b) if a.zero else (b, a)
        if count.low <= 0 or (_graded(zero) and not _graded(count)):
            return None
    elif overlap(a, b) or explained(a, b, known) or _within(a, b):
        return None
    values = "/".join(spoken(v) for v in sorted((a.value, b.value)))
    return Pair(a.sentence, b.sentence, _reason(a, b), _score(a, b), f"{a.noun}:{values}")


def _sizes_another(measure: Mention, other: Mention) -> bool:
    """Whether ``measure`` is the size of one thing in a unit of measure ("a 19-tonne
    boat") that ``other``, a plain count of its unit ("61,000 tonnes for the coming
    season"), does not name or do ("4,200 gallons leaked" is what "the 2,400-gallon leak"
    measured)."""
    thing = measure.size_of
    if not thing or measure.noun not in MEASURES or other.size_of:
        return False  # "the 1,540-home scheme" counts its homes
    named = {scene(word) for word in other.topic}  # "the 2,300-acre blaze": the wildfire
    return scene(thing) not in named and event(thing) not in other.verbs


def _graded(mention: Mention) -> bool:
    """Whether the mention's clause says how bad ("seriously injured", "critically ill"):
    a zero so graded leaves out those only a little hurt ("No runner was seriously
    injured" against "Medical teams treated 41 runners")."""
    clause = mention.sentence.clause(mention.position)
    return any(token.lower in _GRADES for token in clause)


_GRADES = words(
    """serious seriously critical critically severe severely grave gravely badly
    life-threatening"""
)


def _antecedents(mentions: list[Mention]) -> list[Mention]:
    """ "None of them" counts what its sentence, or the one before, counted last; with
    nothing counted there it counts nothing."""
    out: list[Mention] = []
    last: Mention | None = None
    for mention in mentions:
        if mention.zero and mention.noun == "them":
            if last is None or mention.sentence.index - last.sentence.index > 1:
                continue
            mention = replace(mention, noun=last.noun)
        elif not mention.zero and ":" not in mention.noun:
            last = mention
        out.append(mention)
    return out


def _inherit(mentions: list[Mention]) -> list[Mention]:
    """A figure repeated without its names ("the 1,200 bodies") takes those it had before."""
    first: dict[tuple[str, float], frozenset[str]] = {}
    out: list[Mention] = []
    for mention in mentions:
        key = (mention.noun, mention.value)
        if mention.kinds:
            first.setdefault(key, mention.kinds)
        elif key in first and not mention.zero:
            mention = replace(mention, kinds=first[key])
        out.append(mention)
    return out


def _groups(mention: Mention) -> list[str]:
    """The groups a mention may be the size of, whatever its verb (``_same_group``)."""
    found = [f"owner:{mention.owner}"] if mention.owner and mention.owner != "the" else []
    if mention.modifiers:
        found.append("kind:" + " ".join(sorted(mention.modifiers)))
    return found


def pairs(mentions: list[Mention]) -> list[Pair]:
    """Every pair of mentions, in article order, that disagree about the same thing.

    Only mentions that share a noun and a verb are compared: each goes into the bucket
    of each (noun, verb) it has, so that a long article costs little more than its
    mentions; a figure without a verb is compared with every count of its noun.
    """
    known: dict[str, set[float]] = defaultdict(set)
    buckets: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    verbless: list[tuple[str, Mention]] = []
    for mention in _inherit(_antecedents(mentions)):
        if mention.roles & {"part", "total", "whole"}:
            known[mention.noun].add(mention.value)
        if mention.total and not mention.defined:  # "Of the 214 passengers", "all 241"
            buckets[mention.noun, "group:all"].append(mention)
        if not mention.plain:
            continue
        for noun in _nouns(mention):
            buckets[noun, ""].append(mention)
            for name in mention.verbs:
                buckets[noun, name].append(mention)
            for group in _groups(mention):
                buckets[noun, group].append(mention)
            if not mention.verbs:
                verbless.append((noun, mention))
    compared = [
        pair for key, bucket in buckets.items() if key[1] for pair in combinations(bucket, 2)
    ]
    compared += [
        (m, other) for noun, m in verbless for other in buckets[noun, ""] if other is not m
    ]
    compared += [  # a zero is rare: compared with every count of its noun
        (m, other)
        for key, bucket in buckets.items()
        if not key[1]
        for m in bucket
        if m.zero
        for other in bucket
        if other is not m
    ]
    compared += [  # the same digits in another order: whatever the event (``_slip``)
        pair for key, bucket in buckets.items() if not key[1] for pair in _same_digits(bucket)
    ]
    firsts = {id(bucket[0]) for key, bucket in buckets.items() if not key[1]}
    compared += [
        (buckets[noun, ""][0], later)
        for key, bucket in buckets.items()
        if not key[1]
        for later in bucket
        if later.owner == "the"
        for noun in _named_before(later.noun)
        if buckets.get((noun, "")) and buckets[noun, ""][0] is not later
    ]
    named_again = {  # "the 3 per cent rise" after "by 4 per cent … and by 3 per cent"
        id(later)
        for key, bucket in buckets.items()
        if not key[1]
        for later in bucket
        if later.owner == "the" and _named_earlier(later, bucket)
    }
    by_sentence: dict[int, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        if not mention.zero:
            by_sentence[mention.sentence.index][mention.noun].append(mention)
    found: list[Pair] = []
    seen: set[tuple[int, int]] = set()
    for one, other in compared:
        a, b = (one, other) if _place(one) <= _place(other) else (other, one)
        if (id(a), id(b)) in seen:
            continue
        seen.add((id(a), id(b)))
        if not (a.zero or b.zero) and _scoped_apart(a, b, by_sentence):
            continue
        first = id(a) in firsts and id(b) not in named_again
        pair = judge(a, b, known[a.noun] | known[b.noun], first)
        if pair is not None:
            found.append(pair)
    return found


def _same_digits(bucket: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The pairs of mentions whose values are written with the same digits in another
    order."""
    by_digits: dict[str, list[Mention]] = defaultdict(list)
    for mention in bucket:
        if digits := _digits(mention.value):
            by_digits[digits].append(mention)
    return [
        (one, other)
        for alike in by_digits.values()
        for one, other in combinations(alike, 2)
        if one.value != other.value
    ]


def _scoped_apart(a: Mention, b: Mention, by_sentence: dict[int, dict[str, list[Mention]]]) -> bool:
    """Whether the two sentences count something else too, differently: the figures are
    of different scopes ("Its 84 performances sold 83,800 tickets", "246 performances
    sold 210,500 tickets")."""
    mine, theirs = by_sentence[a.sentence.index], by_sentence[b.sentence.index]
    for noun in (mine.keys() & theirs.keys()) - {a.noun, b.noun}:
        if not any(overlap(m, t) for m in mine[noun] for t in theirs[noun]):
            return True
    return False


def _named_earlier(later: Mention, bucket: list[Mention]) -> bool:
    """Whether an earlier count of the noun has the value "the N <noun>" gives: it names
    that one again ("by 4 per cent this year and by 3 per cent next year", "the 3 per
    cent rise"), not the first."""
    return any(
        mention is not later and _place(mention) < _place(later) and overlap(mention, later)
        for mention in bucket
    )


def _place(mention: Mention) -> tuple[int, int]:
    return mention.sentence.index, mention.position
