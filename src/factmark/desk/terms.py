"""The words of a claim as the archive indexes and compares them.

A statement brought to the archive is often a post: links, @handles, hashtags
and emoji carry nothing of the claim, so they go; what carries it (figures,
names, rare words) is kept, stemmed so that "soldiers" finds "soldier".
Figures keep their digits whatever the separators: "1,212" and "1212" are one
term. Everything here is a pure function of text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import snowballstemmer

_STEM = snowballstemmer.stemmer("english").stemWord

_STOPWORDS = """
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours
yourself yourselves rt via amp
"""
STOPWORDS = frozenset(_STOPWORDS.split())
"""Words too common to say what a claim is about (for ranking; a search for them still works)."""

_LINK = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\bwww\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
_NOT_WORD = re.compile(r"[^\w\s]+|_")


def statement(text: str) -> str:
    """A statement as the archive compares it: no links, handles, hashtag signs or emoji.

    A post's signature ("— Name (@handle) date") loses its handle; the name
    stays, since a fact-check often names who said it.
    """
    text = _LINK.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _HASHTAG.sub(lambda match: " " + _CAMEL.sub(" ", match.group(1)) + " ", text)
    kept = (
        char if char in "$%" or unicodedata.category(char)[0] not in "SC" else " " for char in text
    )
    return " ".join("".join(kept).split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A lowercase word's stem, with no apostrophe (the index splits words at one)."""
    if word[0].isdigit():
        return _THOUSANDS.sub("", word).replace(",", ".")
    stemmed: str = _STEM(word.replace("’", "'"))
    return stemmed.replace("'", "")


def tokens(text: str) -> list[str]:
    """The words and figures of a text, lowercase, in order."""
    return [token.lower() for token in _TOKEN.findall(text)]


def index_terms(text: str) -> str:
    """A text as the index stores it: every word stemmed, every figure plain, space-separated."""
    return " ".join(stem(token) for token in tokens(text))


def key_terms(text: str) -> list[str]:
    """The stemmed words of a text that say what it is about (no stopwords), in order."""
    return [stem(token) for token in tokens(text) if token not in STOPWORDS]


def figures(text: str) -> set[str]:
    """The figures a text states, separators aside: {"1212"} for "1,212"."""
    return {stem(token) for token in tokens(text) if token[0].isdigit()}


def names(text: str) -> set[str]:
    """The stems of the capitalised words of a text: names, mostly."""
    return {stem(word.lower()) for word in _NAME.findall(text) if word.lower() not in STOPWORDS}


def char_grams(text: str) -> Counter[str]:
    """Character 3- to 5-grams inside each word (padded with a space): spelling-proof overlap."""
    grams: Counter[str] = Counter()
    for word in _NOT_WORD.sub(" ", text.lower()).split():
        padded = f" {word} "
        for size in (3, 4, 5):
            grams.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def weighted(grams: Counter[str], idf: dict[str, float], unseen: float) -> dict[str, float]:
    """A unit vector of ``grams``: sublinear term frequency times inverse document frequency."""
    vector = {gram: (1 + math.log(count)) * idf.get(gram, unseen) for gram, count in grams.items()}
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return {gram: value / norm for gram, value in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(gram, 0.0) for gram, value in a.items())
