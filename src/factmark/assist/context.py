"""What surrounds a figure: its event, names, places and times, and the words that make it
a part, a total, a before or a target rather than the plain count of its event."""

from __future__ import annotations

from dataclasses import dataclass

from factmark.assist import circumstances
from factmark.assist.lexicon import (
    IRREGULAR_VERBS,
    ROLE_AFTER,
    ROLE_BEFORE,
    ROLE_CLAUSE,
    STOP,
)
from factmark.assist.numbers import is_number_word
from factmark.assist.tokens import Sentence, Token
from factmark.assist.words import event, event_names, singular


@dataclass(frozen=True, slots=True)
class Around:
    """The context of a figure in its clause."""

    kinds: frozenset[str]
    names: frozenset[str]
    places: frozenset[str]
    complement: str
    events: frozenset[str]
    topic: frozenset[str]
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


def _matches_end(text: str, phrases: tuple[str, ...]) -> bool:
    return any(text == p or text.endswith(" " + p) for p in phrases)


def _matches_start(text: str, phrases: tuple[str, ...]) -> bool:
    return any(text == p or text.startswith(p + " ") for p in phrases)


def roles(sentence: Sentence, first: int, head: int) -> frozenset[str]:
    """Why the figure at ``first`` (its noun at ``head``) is not the plain count of its event."""
    tokens = sentence.tokens
    before = words_before(tokens, first, 3)
    after = _words_after(tokens, head + 1, 3)
    found = {role for role, phrases in ROLE_BEFORE.items() if _matches_end(before, phrases)}
    found |= {role for role, phrases in ROLE_AFTER.items() if _matches_start(after, phrases)}
    clause = sentence.clause(first)
    words = {token.lower for token in clause}
    joined = " " + " ".join(token.lower for token in clause) + " "
    for role, vocabulary in ROLE_CLAUSE.items():
        if words & vocabulary or any(f" {p} " in joined for p in vocabulary if " " in p):
            found.add(role)
    return frozenset(found)


def _complement(tokens: list[Token], head: int) -> tuple[str, set[str], int]:
    """The head of "of …" after the noun, the names in it, and the index past it."""
    if head + 1 >= len(tokens) or tokens[head + 1].lower != "of":
        return "", set(), head + 1
    last, names, end = "", set(), head + 2
    for token in tokens[head + 2 : head + 7]:
        if not token.is_word or (token.lower in STOP and token.lower not in {"a", "an", "the"}):
            break
        if token.text[:1].isupper():
            names.add(token.lower)
        last = token.lower
        end += 1
    return (singular(last) if last not in {"a", "an", "the"} else ""), names, end


def _is_event_word(token: Token) -> bool:
    lower = token.lower
    if not token.is_word or lower in STOP or is_number_word(token):
        return False
    if lower.endswith(("ed", "ing")) or lower in IRREGULAR_VERBS:
        return True
    return event(lower) in event_names()


def events(tokens: list[Token], skip: set[int]) -> frozenset[str]:
    """The events the tokens name, leaving out those at the indices ``skip``."""
    return frozenset(
        event(token.lower)
        for index, token in enumerate(tokens)
        if index not in skip and _is_event_word(token)
    )


def around(sentence: Sentence, first: int, phrase: list[int]) -> Around:
    """The context of the figure at token ``first`` whose noun phrase is ``phrase``."""
    tokens = sentence.tokens
    head = phrase[-1]
    complement, kinds, end = _complement(tokens, head)
    kinds |= {tokens[i].lower for i in phrase[:-1] if tokens[i].text[:1].isupper()}
    number = sentence.clause_of[first]
    skip = set(phrase) | set(range(head + 1, end))
    in_clause = {i for i, at in enumerate(sentence.clause_of) if at == number}
    clause = [tokens[i] for i in sorted(in_clause) if tokens[i].kind != "punct"]
    found = events(tokens, skip | (set(range(len(tokens))) - in_clause))
    if not found:
        found = events(tokens, skip)
    topic = frozenset(
        singular(token.lower)
        for index, token in enumerate(tokens)
        if index in in_clause
        and index not in phrase
        and token.is_word
        and token.lower not in STOP
        and not is_number_word(token)
    )
    return Around(
        kinds=frozenset(kinds),
        names=circumstances.names(sentence, in_clause - set(phrase) - set(range(head, end))),
        places=circumstances.places(clause + sentence.opening()),
        complement=complement,
        events=found,
        topic=topic,
        times=circumstances.times(sentence, number),
    )
