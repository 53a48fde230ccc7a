"""A sentence cut into words, figures and punctuation, and its clauses.

The contradiction finder reads sentences as tokens with their offsets: enough to
find a figure, the noun it counts and the words around it, without a parser.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

from factmark.assist.lexicon import MONTHS
from factmark.assist.spans import Span

_CLOCK = r"\d{1,2}(?:[.:]\d{2})?\s?(?i:[ap]\.m\.|[ap]m)(?!\w)"
"""A time of day ("4.15am", "9:47 p.m.", "8pm"): one token, so that its dot or colon does
not end a clause."""
_FIGURE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:bn|m|k|km|kg|mph|°?[CF])?(?!\w)"
_WORD = r"[A-Za-z]+(?:['’\-][A-Za-z]+)*"
_PUNCT = r"[$£€¥%,;:()\[\]—–\"“”.?!]"
_SPLIT = re.compile(f"({_CLOCK}|{_FIGURE}|{_WORD}|{_PUNCT})")
"""Tokens, captured, and what lies between them: ``re.split`` cuts a sentence in C."""
_KIND = dict.fromkeys("0123456789", "num") | dict.fromkeys(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "word"
)
_LETTERS = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_GLUED = re.compile(r"(bn|m|k)$")
_UNIT = re.compile(r"(km|kg|mph|°?[cf])$")
UNITS = {"km": "kilometre", "kg": "kilogram", "mph": "mph", "c": "celsius", "°c": "celsius",
         "f": "fahrenheit", "°f": "fahrenheit"}  # fmt: skip
"""Units written onto a figure ("38.4C", "221km"), and the noun each is read as (the
token's ``lower``; its ``text`` is as written)."""

_HALVES = ("am", "pm", "a.m.", "p.m.")

CLAUSE_BREAKS = frozenset(',;:()[]—–"“”.?!')
"""Punctuation that ends a clause."""
CLAUSE_WORDS = frozenset(
    {"while", "whereas", "but", "although", "though", "which", "who", "that", "because", "if"}
)
"""Words that start a new clause."""


class Token(NamedTuple):
    """A word, a figure or a punctuation mark, with its span in the sentence.

    A tuple, not a frozen dataclass: a book holds some 150,000 of them and a tuple is
    made several times faster.
    """

    text: str
    start: int
    end: int
    kind: str
    """``"num"``, ``"word"``, ``"punct"`` or ``"clock"`` (a time of day: "4.15am")."""
    glued: str = ""
    """A scale written onto a figure: ``m``, ``bn`` or ``k`` ("3.2m")."""
    lower: str = ""
    """The text in lower case."""

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_month(self) -> bool:
        """Whether it names a month: "May" only with its capital, "may" being the verb."""
        return self.lower in MONTHS and (self.lower != "may" or self.text == "May")


def token(text: str, start: int, end: int, kind: str, glued: str = "") -> Token:
    """A token, its lower case filled in."""
    return Token(text, start, end, kind, glued, text.lower())


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; white space and other symbols are dropped.

    Every step is a C loop (``re.split``, ``map``, ``accumulate``): a book's 150,000
    tokens are cut in a small fraction of the time a Python loop over matches takes.
    """
    parts = _SPLIT.split(text)
    texts = parts[1::2]
    ends = list(accumulate(map(len, parts)))
    starts = ends[0::2][:-1]
    kinds = [_KIND.get(first, "punct") for first in map(itemgetter(0), texts)]
    tokens = list(  # tuple.__new__ in C: Token._make would run Python for each token
        map(
            tuple.__new__,
            repeat(Token),
            zip(texts, starts, ends[1::2], kinds, repeat(""), map(str.lower, texts)),
        )
    )
    units = 0
    for index, kind in enumerate(kinds):
        if kind == "num" and not texts[index][-1].isdigit():
            if tokens[index + units].lower.endswith(_HALVES):
                tokens[index + units] = tokens[index + units]._replace(kind="clock")
                continue
            unit = _UNIT.search(tokens[index + units].lower)
            if unit is None:
                tokens[index + units] = _unglued(tokens[index + units])
                continue
            figure, cut = tokens[index + units], unit.start()
            written = figure.text[cut:]  # as written ("C"), read as its noun ("celsius")
            word = Token(written, figure.start + cut, figure.end, "word", "", UNITS[unit.group()])
            start = figure._replace(
                text=figure.text[:cut], end=figure.start + cut, lower=figure.lower[:cut]
            )
            tokens[index + units : index + units + 1] = [start, word]
            units += 1
    return tokens


def _unglued(token: Token) -> Token:
    """ "3.2m" as the figure "3.2" with the scale "m" glued on."""
    glued = _GLUED.search(token.lower)
    assert glued is not None
    size = len(glued.group())
    return token._replace(
        text=token.text[:-size],
        end=token.end - size,
        glued=glued.group(),
        lower=token.lower[:-size],
    )


@dataclass(frozen=True)
class Sentence(Span):
    """One sentence of an article: where it is (``Span``) and its tokens."""

    index: int
    """Its place among the article's sentences, from 0."""
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    """What has been worked out about the sentence, by whoever worked it out."""

    @cached_property
    def lowered(self) -> str:
        """The text in lower case (the same length: offsets hold)."""
        lowered = self.text.lower()
        return lowered if len(lowered) == len(self.text) else self.text

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the sentence in lower case, hyphenated ones cut: a quick look."""
        return frozenset(_LETTERS.findall(self.lowered))

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def clause_of(self) -> list[int]:
        """For each token, the number of the clause it belongs to."""
        numbers: list[int] = []
        clause = 0
        for token in self.tokens:
            if (token.kind == "punct" and token.text in CLAUSE_BREAKS) or (
                token.is_word and token.lower in CLAUSE_WORDS
            ):
                clause += 1
            numbers.append(clause)
        return numbers

    @cached_property
    def clauses(self) -> list[list[int]]:
        """The indices of the tokens of each clause, punctuation excluded."""
        members: list[list[int]] = [[] for _ in range((self.clause_of or [0])[-1] + 1)]
        for index, (token, at) in enumerate(zip(self.tokens, self.clause_of, strict=True)):
            if token.kind != "punct":
                members[at].append(index)
        return members

    @cached_property
    def _starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def clause_at(self, offset: int) -> int:
        """The number of the clause of the token starting at (or first after) ``offset``."""
        if not self.tokens:
            return 0
        return self.clause_of[min(bisect_left(self._starts, offset), len(self.tokens) - 1)]

    def clause(self, index: int) -> list[Token]:
        """The tokens of the clause holding token ``index`` (punctuation excluded)."""
        return [self.tokens[i] for i in self.clauses[self.clause_of[index]]]

    def opening(self) -> list[Token]:
        """The sentence's opening adverbial ("On Friday, …", "In Kyiv, …"), if any."""
        tokens = self.tokens
        if not tokens or tokens[0].lower not in OPENING_PREPOSITIONS:
            return []
        first = self.clause_of[0]
        return [t for t, at in zip(tokens, self.clause_of, strict=True) if at == first]


OPENING_PREPOSITIONS = frozenset(
    {"on", "in", "at", "across", "by", "since", "during", "until", "last", "this", "after"}
)
