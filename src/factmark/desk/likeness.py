"""How likely a claim of the archive already checks what a statement says ("checked before").

Two stages (docs/archive.md): the index's full-text search fetches the few
hundred claims that share most of the statement's rarer stemmed words (bm25),
and those are ranked again by a blend of that bm25, the cosine of their
character n-grams (which finds "Holocaust victims' rings" for "rings of
World War II victims" and survives spelling), and how many of the
statement's figures and names they repeat. No model is loaded and nothing
is learnt: the weights are a few numbers, below.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factmark.desk import index
from factmark.desk.index import Row
from factmark.desk.matches import Match, present
from factmark.desk.terms import (
    char_grams,
    cosine,
    figures,
    key_terms,
    names,
    statement,
    weighted,
)

CANDIDATES = 300
"""Claims the full-text stage hands to the second: enough that the right one is almost always
among them, few enough to rank again in a blink."""
TOP = 10


@dataclass(frozen=True)
class Weights:
    """How much each sign of the same claim counts (they sum to about one)."""

    words: float = 0.25
    """bm25 over stemmed words, relative to the best candidate's."""
    spelling: float = 0.7
    """Cosine of character 3- to 5-grams, weighted by rarity among the candidates."""
    figures: float = 0.05
    """Share of the statement's figures the claim states too."""
    names: float = 0.05
    """Share of the statement's capitalised words (names) the claim holds too."""


WEIGHTS = Weights()


def rank(
    connection: sqlite3.Connection,
    text: str,
    *,
    exclude: str = "",
    top: int = TOP,
    weights: Weights = WEIGHTS,
) -> list[tuple[Row, float]]:
    """The ``top`` claims most likely to check what ``text`` says, best first, with scores.

    ``exclude`` is an annotation file (relative to the archive's root) whose
    claims are left out: the one being edited.
    """
    said = statement(text)
    rows = index.candidates(connection, key_terms(said), CANDIDATES, exclude=exclude)
    if len(rows) < top:  # no cutoff: the best ``top`` even of claims sharing no word
        rows += index.others(connection, top - len(rows), but=rows, exclude=exclude)
    if not rows:
        return []
    texts = [f"{row.quote}\n{row.context}" for row in rows]
    spelling = _spelling(said, texts)
    best_words = max(row.rank for row in rows) or 1.0  # bm25 is positive for a candidate
    wanted_figures, wanted_names = figures(said), names(said)
    scored = []
    for row, body, similar in zip(rows, texts, spelling, strict=True):
        score = (
            weights.words * row.rank / best_words
            + weights.spelling * similar
            + weights.figures * _share(wanted_figures, figures(body))
            + weights.names * _share(wanted_names, names(body))
        )
        scored.append((row, score))
    # Equal scores (the same claim checked in two files) come in the order of their
    # files and places, whatever order the index was built in.
    scored.sort(key=lambda pair: (-pair[1], pair[0].path, pair[0].paragraph or 0, pair[0].claim))
    return scored[:top]


def _spelling(said: str, texts: list[str]) -> list[float]:
    """The n-gram cosine of the statement with each text, n-grams weighted by their rarity."""
    grams = [char_grams(text) for text in texts]
    seen: Counter[str] = Counter()
    for each in grams:
        seen.update(each.keys())
    count = len(texts)
    idf = {gram: math.log((1 + count) / (1 + n)) + 1 for gram, n in seen.items()}
    unseen = math.log(1 + count) + 1
    query = weighted(char_grams(said), idf, unseen)
    return [cosine(query, weighted(each, idf, unseen)) for each in grams]


def _share(wanted: set[str], found: set[str]) -> float:
    return len(wanted & found) / len(wanted) if wanted else 0.0


def checked_before(
    text: str,
    archive_root: Path,
    exclude: Path | None = None,
    top: int = TOP,
    note: Callable[[str], None] | None = None,
) -> list[Match]:
    """The archive's claims that most likely check what ``text`` says already, best first.

    ``exclude`` is the annotation file being edited: its own claims are not
    "checked before". The index is brought up to date first; ``note`` hears of
    each annotation file left out (one line each; default: stderr).
    """
    from factmark.desk import catalog

    root = Path(os.path.abspath(archive_root))
    left_out = ""
    if exclude is not None:
        left_out = Path(os.path.relpath(os.path.abspath(exclude), root)).as_posix()
    ranked = catalog.query(
        root,
        lambda connection: rank(connection, text, exclude=left_out, top=top),
        note or catalog.note_on_stderr,
    )
    return list(present(Match.of(row, root, score) for row, score in ranked))
