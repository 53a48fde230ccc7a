"""What the annotate screen offers the editor: the suggested sentences and the open
contradiction candidates (docs/design.md §10).

Scoring a book-length article takes seconds of pure Python, which in a thread of
the TUI would hold the interpreter's lock and slow every key. The TUI runs
``python -m factmark.assist.offered`` instead: the article's text on its standard
input, the pickled :class:`Offered` on its standard output.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factmark.assist.contradictions import Candidate
    from factmark.assist.suggest import Sentence
    from factmark.model import Dismissal


@dataclass(frozen=True, slots=True)
class Offered:
    """The suggested sentences (in article order) and the contradiction candidates
    (best first) of one article."""

    sentences: tuple[Sentence, ...]
    candidates: tuple[Candidate, ...]


def compute(text: str) -> Offered:
    """Score the sentences of an article's (normalised) text and find its candidates."""
    from factmark.article import Article
    from factmark.assist.contradictions import candidates
    from factmark.assist.suggest import sentences

    article = Article(text)
    suggested = tuple(sentence for sentence in sentences(article) if sentence.suggested)
    return Offered(suggested, tuple(candidates(article)))


def open_candidates(
    candidates: Iterable[Candidate], dismissed: Iterable[Dismissal]
) -> list[Candidate]:
    """The candidates not dismissed (a dismissal names the two sentences), in their order."""
    keys = {dismissal.key for dismissal in dismissed}
    return [
        candidate
        for candidate in candidates
        if (candidate.a.text, candidate.b.text) not in keys
        and (candidate.b.text, candidate.a.text) not in keys
    ]


def main() -> None:
    """Read an article's text on standard input, write the pickled Offered on standard output."""
    # Run as ``-m``, this module is ``__main__``: pickle the class of the module as imported.
    from factmark.assist.offered import compute as imported

    text = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(pickle.dumps(imported(text), protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
