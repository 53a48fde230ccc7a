"""A sentence cut into words, figures and punctuation, and its clauses.

The contradiction finder reads sentences as tokens with their offsets: enough to
find a figure, the noun it counts and the words around it, without a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>bn|m|k)?(?!\w)"
    r"|(?P<word>[A-Za-z]+(?:['’\-][A-Za-z]+)*)"
    r"|(?P<punct>[$£€¥%,;:()\[\]—–\"“”.?!])"
)

CLAUSE_BREAKS = frozenset(',;:()[]—–"“”.?!')
"""Punctuation that ends a clause."""
CLAUSE_WORDS = frozenset(
    {"while", "whereas", "but", "although", "though", "which", "who", "that", "because", "if"}
)
"""Words that start a new clause."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a figure or a punctuation mark, with its span in the sentence."""

    text: str
    start: int
    end: int
    kind: str
    """``"num"``, ``"word"`` or ``"punct"``."""
    glued: str = ""
    """A scale written onto a figure: ``m``, ``bn`` or ``k`` ("3.2m")."""

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; white space and other symbols are dropped."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        if match.group("num") is not None:
            tokens.append(
                Token(
                    match.group("num"),
                    match.start("num"),
                    match.end("num"),
                    "num",
                    (match.group("glued") or "").lower(),
                )
            )
        else:
            kind = "word" if match.group("word") is not None else "punct"
            tokens.append(Token(match.group(), match.start(), match.end(), kind))
    return tokens


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: where it is and its tokens."""

    paragraph: int
    start: int
    end: int
    text: str
    index: int
    """Its place among the article's sentences, from 0."""

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

    def clause(self, index: int) -> list[Token]:
        """The tokens of the clause holding token ``index`` (punctuation excluded)."""
        number = self.clause_of[index]
        return [
            token
            for token, at in zip(self.tokens, self.clause_of, strict=True)
            if at == number and token.kind != "punct"
        ]

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
