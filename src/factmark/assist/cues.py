"""The reasons a sentence is worth checking, each one a cue an editor can see in it.

``reasons(text)`` names the cues that hold, from a fixed vocabulary (``REASONS``,
docs/design.md §10): a number, a quantity (a count of something, a share, an
amount of money), a date, an attribution ("according to", "said"), a comparison,
a superlative, a cause, a quote, a change ("rose", "doubled"). Each cue is read
from the sentence's words and word pairs, in one pass: the model reads them too.
"""

from __future__ import annotations

import re

REASONS = (
    "number",
    "quantity",
    "date",
    "attribution",
    "comparison",
    "superlative",
    "causal",
    "quote",
    "change",
)
"""The reasons a sentence can be given, in the order they are listed."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NUMBER_WORDS = _words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred hundreds thousand thousands million millions billion billions trillion "
    "trillions dozen dozens half twice double triple quarter third"
)
_NOT_COUNTED = _words("of and or to in on at a an the times time by for from st nd rd th")
"""Words after a number that do not make it a count of something ("two of", "three times",
the ending of "21st")."""
_MONEY = _words("percent percentage dollar dollars euro euros cents")
_MONTHS = _words(
    "January February March April June July August September October November December"
)
_MONTHS_SHORT = _words("Jan Feb Aug Sep Sept Oct Nov Dec")
_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday yesterday")
_PERIODS = _words(
    "year month week decade century quarter spring summer autumn fall winter"
)  # fmt: skip
_ATTRIBUTION = _words(
    "said says told tells reported reports stated claimed claims announced "
    "declared confirmed denied noted wrote testified estimated estimates insisted argued "
    "admitted acknowledged warned citing"
)
_COMPARATIVES = _words(
    "more less fewer greater higher lower bigger larger smaller better worse faster slower"
)
_OWNERS = _words(
    "the its our their his her my your america's nation's world's country's state's city's "
    "america’s nation’s world’s country’s state’s city’s"
)
_SUPERLATIVES = _words(
    "most least best worst first only largest highest lowest greatest smallest fastest "
    "slowest strongest weakest richest poorest oldest youngest longest shortest deadliest "
    "cheapest toughest hardest deepest widest safest"
)
_RECORD_OF = _words(
    "high highs low lows number numbers level levels amount amounts year years time pace "
    "deficit deficits surplus profits profit turnout heat temperatures"
)
_CAUSAL = _words("because therefore consequently cause caused causes blame blamed")
_CAUSAL_PAIRS = frozenset(
    tuple(pair.split())
    for pair in (
        "due to", "led to", "leads to", "leading to", "result of", "result in", "result from",
        "resulted in", "resulted from", "results in", "results from", "a result", "thanks to",
        "responsible for", "so that", "brought about",
    )
)  # fmt: skip
_CAUSAL_FIRST = frozenset(first for first, _ in _CAUSAL_PAIRS)
_CHANGE = _words(
    "increase increased increases increasing decrease decreased decreases rose rises fell "
    "dropped doubled tripled quadrupled halved grew shrank decline declined soared "
    "plummeted cut cuts raised lowered reduced"
)
_RAISED_NOT_CHANGED = _words("questions concerns doubts alarm hopes eyebrows objections")
"""What is raised without a change of amount ("raised questions"; "raised the wage" is one)."""
_PARTICIPLES = _words("risen fallen grown")
"""A change only after "has", "have", "had": not "fallen soldiers", "grown men"."""
_HAVE = _words("has have had having hasn't haven't hadn't")
_DATE_WORDS = frozenset(
    {word.lower() for word in _MONTHS | _MONTHS_SHORT}
    | {"may", "last", "next", "this", "past", "ago"}
)
"""Words without which only a year makes a date."""
_COMPARING = _words("than compared as same")
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d(?:[\d,.]*\d)?|[^\w\s]")
_MONEY_MARKS = frozenset("$£€¥")
_MONEY_SIGN = re.compile(r"[$£€¥]\s?\d")
_QUOTE = re.compile(r"[\"“„«][^\"“”„«»]{3,}[\"”»]|‘[^‘’]{3,}’(?!\w)")
_QUOTE_MARKS = frozenset('"“„«‘')


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and "1600" <= token < "2100"


class Words:
    """A sentence's text read once for every cue and for the model's features: its words,
    figures and marks as the model was trained on them (where the sentence stands is a
    ``spans.Span``)."""

    __slots__ = ("figures", "low", "text", "tokens", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[str] = _TOKEN.findall(text)
        """As written: words, figures and punctuation marks, in order."""
        self.low = list(map(str.lower, self.tokens))
        self.figures = _DIGIT.search(text) is not None
        """Whether it has a digit."""
        self.words = frozenset(self.low)

    def after(self, index: int) -> str:
        return self.low[index + 1] if index + 1 < len(self.low) else ""

    def pair(self, first: str, second: str) -> bool:
        """Whether the word ``first`` is followed by ``second`` somewhere."""
        if first not in self.words or second not in self.words:
            return False
        low = self.low
        return any(low[i + 1] == second for i in range(len(low) - 1) if low[i] == first)


def _number(s: Words) -> bool:
    return s.figures or not s.words.isdisjoint(NUMBER_WORDS)


def _counts_something(s: Words, index: int) -> bool:
    token, following = s.low[index], s.tokens[index + 1] if index + 1 < len(s.tokens) else ""
    if token[0].isdigit():
        figure = not _is_year(token)
        return figure and following.isalpha() and len(following) > 1 and following != "May" and (
            following not in _MONTHS and following.lower() not in _NOT_COUNTED
        )  # fmt: skip
    return token in NUMBER_WORDS and following.isalpha() and following.islower() and (
        len(following) >= 3 and following not in _NOT_COUNTED
    )  # fmt: skip


def _quantity(s: Words) -> bool:
    if "%" in s.words or not s.words.isdisjoint(_MONEY) or s.pair("per", "cent"):
        return True
    if s.figures and not _MONEY_MARKS.isdisjoint(s.text) and _MONEY_SIGN.search(s.text):
        return True
    if not _number(s):
        return False
    return any(
        _counts_something(s, index)
        for index, token in enumerate(s.low)
        if token[0].isdigit() or token in NUMBER_WORDS
    )


def _ago(before: list[str]) -> bool:
    """What precedes "ago" makes a date: "decades ago", "3 years ago"."""
    if not before:
        return False
    if before[-1] in ("decade", "decades", "century", "centuries"):
        return True
    return len(before) > 1 and _counted_period(before[-2], before[-1])


def _counted_period(count: str, unit: str) -> bool:
    """A number of periods: "3 years", "two months"."""
    counted = count[0].isdigit() or count in NUMBER_WORDS or count in ("a", "one")
    return counted and unit.removesuffix("s") in ("year", "month", "week", "day", "decade")


def _date(s: Words) -> bool:
    if not s.words.isdisjoint(_DAYS):
        return True
    if s.words.isdisjoint(_DATE_WORDS) and not (s.figures and _FOUR_DIGITS.search(s.text)):
        return False
    for index, token in enumerate(s.tokens):
        following = s.after(index)
        if token in _MONTHS or (token in _MONTHS_SHORT and following == "."):
            return True
        if token == "May" and following[:1].isdigit():
            return True
        if _is_year(token) and following not in ("%", "percent"):
            return True
        if token.lower() in ("last", "next", "this", "past") and (
            following in _PERIODS or _counted_period(following or " ", s.after(index + 1))
        ):
            return True
        if s.low[index] == "ago" and _ago(s.low[:index]):
            return True
    return False


def _attribution(s: Words) -> bool:
    return not s.words.isdisjoint(_ATTRIBUTION) or s.pair("according", "to") or s.pair("as", "per")


def _comparison(s: Words) -> bool:
    if s.words.isdisjoint(_COMPARING):
        return False
    for index, token in enumerate(s.low):
        if token == "than":
            before = s.low[max(0, index - 4) : index]
            if any(w in _COMPARATIVES or (len(w) >= 5 and w.endswith("er")) for w in before):
                return True
        following = s.after(index)
        if token == "compared" and following in ("to", "with"):
            return True
        if following == "as" and (token == "twice" or token == "times"):
            return True
        if token == "as" and following in ("many", "much") and "as" in s.low[index + 2 : index + 3]:
            return True
    return s.pair("the", "same") and s.pair("same", "as")


def _superlative_word(word: str) -> bool:
    if word in _SUPERLATIVES:
        return True
    if len(word) >= 7 and word.endswith("iest"):
        return True
    return (
        len(word) >= 6 and word.endswith("est") and word[-4] == word[-5] and word[-4] in "bdgmnpt"
    )


def _a_record(s: Words) -> bool:
    """ "a record", "record highs": not "the record" of what someone did."""
    for index, word in enumerate(s.low):
        if word == "record":
            following = s.after(index)
            if following in _RECORD_OF or (index and s.low[index - 1] == "a"):
                return True
    return False


def _superlative(s: Words) -> bool:
    if "record" in s.words and _a_record(s):
        return True
    if s.pair("never", "before") or s.pair("than", "ever") or s.pair("ever", "before"):
        return True
    if "all-time" in s.text.lower():
        return True
    for index, token in enumerate(s.low[:-1]):
        if token in _OWNERS:
            following = s.low[index + 1]
            if following in ("very", "single", "second", "third"):
                following = s.after(index + 1)
            if _superlative_word(following):
                return True
    return False


def _causal(s: Words) -> bool:
    if not s.words.isdisjoint(_CAUSAL):
        return True
    return not s.words.isdisjoint(_CAUSAL_FIRST) and any(s.pair(a, b) for a, b in _CAUSAL_PAIRS)


def _quote(s: Words) -> bool:
    return not _QUOTE_MARKS.isdisjoint(s.text) and _QUOTE.search(s.text) is not None


def _change(s: Words) -> bool:
    found = s.words & _CHANGE
    if "raised" in found and any(s.pair("raised", what) for what in _RAISED_NOT_CHANGED):
        found -= {"raised"}
    if found - {"grew"} or ("grew" in found and not s.pair("grew", "up")):
        return True
    if not s.words.isdisjoint(_PARTICIPLES) and any(
        _had(s.low[max(0, index - 2) : index])
        for index, word in enumerate(s.low)
        if word in _PARTICIPLES and s.after(index) != "up"
    ):
        return True
    return any(s.pair(verb, way) for verb in ("went", "gone") for way in ("up", "down"))


def _had(before: list[str]) -> bool:
    return any(word in _HAVE or word.endswith(("'ve", "’ve", "'d", "’d")) for word in before)


_CUES = (_number, _quantity, _date, _attribution, _comparison, _superlative, _causal, _quote,
         _change)  # fmt: skip


def reasons_of(text: str) -> list[str]:
    """The reasons that hold of a sentence (its speaker's label already removed)."""
    return reasons_in(Words(text))


def reasons_in(sentence: Words) -> list[str]:
    """The reasons that hold of a sentence already read."""
    return [name for name, holds in zip(REASONS, _CUES, strict=True) if holds(sentence)]
