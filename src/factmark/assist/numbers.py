"""Figures in a sentence: "1,200", "3.2 million", "$4.5bn", "five", "two billion yen".

Number words are turned into values by text2num (MIT, compiled, a few
microseconds a phrase); this module finds where they are and what scale and
currency go with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factmark.assist.lexicon import (
    CURRENCIES,
    GLUED_SCALES,
    MONTHS,
    NUMBER_WORDS,
    SCALES,
    STOP,
)
from factmark.assist.tokens import Token

_YEAR_BEFORE = frozenset({"in", "since", "by", "from", "until", "during", "of", "early", "late"})
_CURRENCY_WORDS = {
    "dollar": "dollar",
    "dollars": "dollar",
    "euro": "euro",
    "euros": "euro",
    "pound": "pound",
    "pounds": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "rupees": "rupee",
    "roubles": "rouble",
    "rubles": "rouble",
    "hryvnias": "hryvnia",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number written in a sentence: its value and the tokens that say it."""

    value: float
    first: int
    """Index of its first token (the currency sign, when there is one)."""
    last: int
    """Index of its last token (the scale or currency word, when there is one)."""
    tolerance: float
    """How far a value may differ and still be this figure rounded ("3.2 million": 50,000)."""
    currency: str = ""
    words: bool = False
    """Written in words ("five")."""


def is_number_word(token: Token) -> bool:
    """ "five", "twenty-seven"; not "hundreds" (a vague amount, not a figure)."""
    return token.is_word and number_word(token.lower)


@lru_cache(maxsize=8192)
def number_word(lower: str) -> bool:
    """Whether a lower-case word is a number word."""
    return all(part in NUMBER_WORDS for part in lower.split("-"))


def _words_value(words: list[str]) -> float | None:
    from text_to_num import text2num  # loaded only when there are figures to read

    phrase = " ".join(words)
    if phrase in SCALES:  # "thousand" alone is a scale, not a count
        return None
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def _word_figure(tokens: list[Token], index: int) -> Figure | None:
    first = index
    scale_only = tokens[index].lower in SCALES
    if scale_only:
        if index == 0 or tokens[index - 1].lower not in {"a", "one"}:
            return None
        first = index - 1
    last = index
    while last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if is_number_word(nxt):
            last += 1
        elif nxt.lower == "and" and last + 2 < len(tokens) and is_number_word(tokens[last + 2]):
            last += 2
        else:
            break
    words = [t.lower.replace("-", " ") for t in tokens[index : last + 1] if t.lower != "and"]
    value = _words_value(words) if not scale_only else None
    if scale_only:
        rest = _words_value(words[1:]) if len(words) > 1 else 0.0
        value = SCALES[words[0]] + (rest or 0.0)
    if value is None:
        return None
    return Figure(value, first, last, 0.0, words=True)


def _digit_figure(tokens: list[Token], index: int) -> Figure:
    token = tokens[index]
    digits = token.text.replace(",", "")
    value = float(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = GLUED_SCALES.get(token.glued, 1)
    last = index
    if scale == 1 and index + 1 < len(tokens) and tokens[index + 1].lower in SCALES:
        scale = SCALES[tokens[index + 1].lower]
        last = index + 1
    tolerance = scale * 10.0**-decimals / 2 if scale > 1 else 0.0
    return Figure(value * scale, index, last, tolerance)


def _with_currency(tokens: list[Token], figure: Figure) -> Figure:
    first, last, currency = figure.first, figure.last, ""
    if first > 0 and tokens[first - 1].text in CURRENCIES:
        first -= 1
        currency = CURRENCIES[tokens[first].text]
    elif last + 1 < len(tokens) and tokens[last + 1].lower in _CURRENCY_WORDS:
        last += 1
        currency = _CURRENCY_WORDS[tokens[last].lower]
    if not currency:
        return figure
    return Figure(figure.value, first, last, figure.tolerance, currency, figure.words)


def is_year(tokens: list[Token], index: int) -> bool:
    """A four-digit figure that reads as a year ("in 2019", "June 13, 2025")."""
    token = tokens[index]
    if token.kind != "num" or token.glued or not token.text.isdigit() or len(token.text) != 4:
        return False
    if not 1800 <= int(token.text) <= 2100:
        return False
    before = tokens[index - 1].lower if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        before in _YEAR_BEFORE
        or before in MONTHS
        or after is None
        or after.kind == "punct"
        or after.lower in STOP
    )


def figures(tokens: list[Token]) -> list[Figure]:
    """The figures of a sentence, in order; years, ordinals and dates' days are not figures."""
    found: list[Figure] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        figure: Figure | None = None
        if token.kind == "num" and not is_year(tokens, index) and not _day_of_month(tokens, index):
            figure = _digit_figure(tokens, index)
        elif is_number_word(token) or (token.lower in SCALES and index > 0):
            figure = _word_figure(tokens, index)
        if figure is None:
            index += 1
            continue
        figure = _with_currency(tokens, figure)
        found.append(figure)
        index = figure.last + 1
    return found


def _day_of_month(tokens: list[Token], index: int) -> bool:
    """ "June 13" and "13 June": the 13 is a day, not a count."""
    before = tokens[index - 1].lower if index > 0 else ""
    after = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return before in MONTHS or after in MONTHS


def spoken(value: float) -> str:
    """A value as a reader would write it: 1200 -> "1,200", 3200000.0 -> "3,200,000"."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
