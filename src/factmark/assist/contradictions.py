"""Contradiction candidates inside one article.

Two sentences are proposed when they state different values for the same
thing: different counts of the same noun for the same event ("1,200 vs 1,212
bodies"), a zero said in words against a count ("not a single body vs 27
bodies"), or different days or spans for the same event ("Monday vs Thursday
(opened)"). The consistent figures an article is full of are left alone: a part
and its total, a before and an after, a target and what was achieved, the same
measure in other places or times, a range and a figure inside it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from factmark.article import Article
from factmark.assist import pairing, when
from factmark.assist.lexicon import NUMBER_WORDS, SCALES
from factmark.assist.mentions import Mention, mentions
from factmark.assist.spans import Span, spans
from factmark.assist.tokens import Sentence

_DIGITS = re.compile(r"(?=[\d$£€¥])(?:\d(?:bn|m|k)?[\s-]+[a-z]|[$£€¥]\d|\d(?:km|kg|mph|°?[cf])\b)")
"""A figure in digits that is followed by a word or follows a currency sign ("Paragraph
3:" counts nothing); the look-ahead lets the search skip the letters at once."""
_CUES = (NUMBER_WORDS - set(SCALES)) | {"no", "not", "none", "nobody", "never", "without"}
"""Words without which (or a figure in digits, or "a thousand") a sentence counts nothing."""


def _counts_something(sentence: Sentence) -> bool:
    """Whether a sentence may hold a count or a zero: the others are not read."""
    words = sentence.words
    if not words.isdisjoint(_CUES) or _DIGITS.search(sentence.lowered):
        return True
    return not words.isdisjoint(SCALES) and bool(_SCALED.search(sentence.lowered))


_SCALED = re.compile(r"\b(?:a|one) (?:hundred|thousand|million|billion)\b")


PER_PAIR = 2
"""At most this many candidates for the same two values of the same thing."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two sentences that may contradict each other, ``a`` before ``b``, and why."""

    a: Span
    b: Span
    reason: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "reason": self.reason,
            "score": round(self.score, 3),
        }


def sentences(article: Article, cut: list[Span] | None = None) -> list[Sentence]:
    """Every sentence of the article, in order, to be read as tokens (``cut``: the
    article's spans, when they are known already)."""
    cut = spans(article) if cut is None else cut
    return [Sentence(s.paragraph, s.start, s.end, s.text, i) for i, s in enumerate(cut)]


def _span(sentence: Sentence) -> Span:
    return Span(sentence.paragraph, sentence.start, sentence.end, sentence.text)


def candidates(article: Article, cut: list[Span] | None = None) -> list[Candidate]:
    """The article's contradiction candidates, best first (``cut``: its spans, when
    they are known already)."""
    every = sentences(article, cut)
    counted = [m for sentence in every if _counts_something(sentence) for m in mentions(sentence)]
    found = pairing.pairs(counted) + when.pairs(every)
    return _best(found)


def _best(found: list[pairing.Pair]) -> list[Candidate]:
    """Best first; of the pairs that state the same two values, the best ``PER_PAIR``."""
    found.sort(key=lambda pair: (-pair.score, pair.first.index, pair.second.index))
    kept: list[Candidate] = []
    seen: dict[str, int] = defaultdict(int)
    taken: set[tuple[int, int]] = set()
    for pair in found:
        where = (pair.first.index, pair.second.index)
        if seen[pair.key] >= PER_PAIR or where in taken:
            continue
        seen[pair.key] += 1
        taken.add(where)
        kept.append(Candidate(_span(pair.first), _span(pair.second), pair.reason, pair.score))
    return kept


__all__ = ["Candidate", "Mention", "Span", "candidates"]
