"""Word forms: a noun's singular, a verb's stem, the event a word names."""

from __future__ import annotations

from functools import cache

from factmark.assist.lexicon import (
    BASE_FORMS,
    EVENT_CLASSES,
    IRREGULAR_PLURALS,
    SAME_NOUNS,
    SAME_SCENES,
    UNCHANGED,
)

_VOWELS = frozenset("aeiou")


@cache
def singular(word: str) -> str:
    """A plural noun's singular by rule: "bodies" -> "body", "people" -> "person"."""
    word = word.lower()
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word in UNCHANGED or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_NOUN_OF = {noun: line.split()[0] for line in SAME_NOUNS for noun in line.split()}


SCENES = {word: line.split()[0] for line in SAME_SCENES for word in line.split()}
"""Each noun of a happening, with the one name of that happening: a blaze is a "fire"."""


def scene(word: str) -> str:
    """The one name of the happening a noun names ("blaze" -> "fire"), or the word."""
    return SCENES.get(word, word)


def counted(noun: str) -> str:
    """The name of what a singular noun counts: "councillor" and "member" count members."""
    return _NOUN_OF.get(noun, noun)


@cache
def stem(word: str) -> str:
    """A crude stem that joins a verb's forms: closed, closing, closes, close -> "clos"."""
    word = word.lower()
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


def _classes() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in EVENT_CLASSES:
        names = line.split()
        for name in names:
            table[name] = names[0]
            table.setdefault(stem(name), names[0])
    return table


_CLASS_OF = _classes()


@cache
def event(word: str) -> str:
    """The event a word names: "handed" and "transferred" both name "transfer", "ran"
    names what "run" names."""
    word = BASE_FORMS.get(word.lower(), word)
    key = stem(word)
    for candidate in (word.lower(), key):
        if candidate in _CLASS_OF:
            return _CLASS_OF[candidate]
    for prefix in (key[:n] for n in range(len(key) - 1, 4, -1)):
        if prefix in _CLASS_OF:
            return _CLASS_OF[prefix]
    return key


def event_names() -> frozenset[str]:
    """The names of the events the lexicon knows ("transfer", "clos", …)."""
    return _NAMES


_NAMES = frozenset(_CLASS_OF.values())
