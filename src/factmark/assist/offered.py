"""What the annotate screen offers the editor: the suggested sentences and the open
contradiction candidates (docs/design.md §10).

Scoring a book-length article takes seconds of pure Python, which in a thread of
the TUI would hold the interpreter's lock and slow every key. The TUI runs
``python -m factmark.assist.offered`` instead: the article's text on its standard
input, :class:`Offered` on its standard output in pickled chunks, so that the
TUI's thread reading them can let the event loop run between two.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

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
    from factmark.assist.spans import spans
    from factmark.assist.suggest import sentences

    article = Article(text)
    cut = spans(article)
    scored = sentences(article, cut=cut)
    return Offered(tuple(s for s in scored if s.suggested), tuple(candidates(article, cut)))


def open_candidates(
    candidates: Iterable[Candidate], dismissed: Iterable[Dismissal]
) -> list[Candidate]:
    """The candidates not dismissed (a dismissal names the two sentences), in their order."""
    keys = {dismissal.key for dismissal in dismissed}
    return [c for c in candidates if not is_dismissed(c.a.text, c.b.text, keys)]


def is_dismissed(a: str, b: str, keys: set[tuple[str, str]]) -> bool:
    """Whether the candidate of the sentences ``a`` and ``b`` is dismissed: ``keys`` holds
    the ``Dismissal.key`` of each dismissal, whichever order the candidate gives them in."""
    return (a, b) in keys or (b, a) in keys


NICENESS = 10
"""How much lower than the TUI's the process's priority is."""
CHUNK = 200
"""Sentences or candidates a chunk: about 3 ms to read back at most (the slowest)."""


def send(offered: Offered, out: IO[bytes]) -> None:
    """Write the sentences, then the candidates, in pickled chunks, then an end."""
    for kind, items in (("sentences", offered.sentences), ("candidates", offered.candidates)):
        for start in range(0, len(items), CHUNK):
            pickle.dump((kind, items[start : start + CHUNK]), out, pickle.HIGHEST_PROTOCOL)
    pickle.dump(None, out, pickle.HIGHEST_PROTOCOL)


def receive(stream: IO[bytes], between: Callable[[], None] = lambda: None) -> Offered:
    """Read what :func:`send` wrote, calling ``between`` after each chunk (EOFError or
    pickle.UnpicklingError if it ends early). Only for a stream from a process this
    program started: it is unpickled."""
    found: dict[str, list[Any]] = {"sentences": [], "candidates": []}
    while (chunk := pickle.load(stream)) is not None:
        kind, items = chunk
        found[kind].extend(items)
        between()
    return Offered(tuple(found["sentences"]), tuple(found["candidates"]))


class Scoring:
    """The process that scores an article (``python -m factmark.assist.offered``), started
    at once with this interpreter."""

    def __init__(self) -> None:
        command = [sys.executable, "-m", "factmark.assist.offered"]
        pipe = subprocess.PIPE
        self.process = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe)

    def result(self, text: str, between: Callable[[], None] = lambda: None) -> Offered:
        """Send the article's text, read what comes back (see :func:`receive`); a
        RuntimeError says why if the process ends without it (its last line of errors)."""
        process = self.process
        assert process.stdin and process.stdout and process.stderr
        try:
            with process.stdin:
                process.stdin.write(text.encode("utf-8"))
            with process.stdout:
                return receive(process.stdout, between)
        except (EOFError, pickle.UnpicklingError, BrokenPipeError):
            lines = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
            process.wait()
            why = lines[-1] if lines else f"it ended with exit status {process.returncode}"
            raise RuntimeError(why) from None
        finally:
            process.wait()
            process.stderr.close()

    def stop(self) -> None:
        """End the process if it is still running."""
        if self.process.poll() is None:
            self.process.kill()


def main() -> None:
    """Read an article's text on standard input, write the pickled Offered on standard output."""
    # Run as ``-m``, this module is ``__main__``: pickle the class of the module as imported.
    from factmark.assist import offered

    if hasattr(os, "nice"):  # background work: the editor's keys come first
        os.nice(NICENESS)
    text = sys.stdin.buffer.read().decode("utf-8")
    offered.send(offered.compute(text), sys.stdout.buffer)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
