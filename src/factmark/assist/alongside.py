"""A book's contradiction candidates, found in a second process while this one scores.

Pairing the figures of a book and scoring its sentences each take about half a
second of pure Python. On a machine with two cores or more, a forked process
pairs while this one loads the annotation file and scores its sentences from the
first; once it has paired, it scores them too, from the last, until the two meet.
It sends back its candidates and its scores pickled through a pipe, the candidates
as ``factmark suggest`` reports them (``Candidate.to_json``): this process then never
imports the modules that find them, some 60 ms of imports on the book's critical path.

Where they meet is kept in two counters in memory both processes share: how many
sentences this process has scored from the front, and the first sentence the
other has scored from the back. Each reads the other's counter before it scores
a sentence and writes its own after, so every sentence is scored by one of them,
and at the meeting point at most one sentence by both (with the same result).

Elsewhere (no fork, one core, a short article), or if the process fails, the
candidates are found and the sentences scored here.
"""

from __future__ import annotations

import mmap
import os
import pickle
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.assist.checkworthy import Model, Scored
    from factmark.assist.contradictions import Candidate
    from factmark.assist.spans import Span

ALONGSIDE = 200
"""Paragraphs from which an article's candidates are found in a second process while its
sentences are scored: below, starting one costs more than it saves."""

_FRONT, _BACK = 0, 1
"""The shared counters: sentences scored from the front here; the first scored from the
back there."""


class Alongside:
    """The article's candidates, and its sentences' scores, found in one or two processes."""

    def __init__(self, article: Article, cut: list[Span]) -> None:
        self._article, self.cut = article, cut
        self._child = 0  # the forked process, while it is to be waited for
        self._found: list[dict[str, Any]] | None = None
        self._scored: dict[int, Scored] = {}
        cores = os.cpu_count() or 1
        if len(article.paragraphs) < ALONGSIDE or cores < 2 or not hasattr(os, "fork"):
            return
        self._shared = memoryview(mmap.mmap(-1, 16)).cast("q")
        self._shared[_FRONT], self._shared[_BACK] = 0, len(cut)
        reading, writing = os.pipe()
        self._child = os.fork()
        if self._child == 0:  # pair, score from the back, send, and end without this one's exits
            status = 1
            try:
                os.close(reading)
                from factmark.assist.contradictions import candidates

                found = _reported(candidates(article, cut))
                with os.fdopen(writing, "wb") as out:
                    pickle.dump((found, self._from_back()), out, pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(writing)
        self._reading = reading

    def scores(self, model: Model) -> list[Scored]:
        """Every sentence's score and reasons, in order: from the front here, up to where
        the other process, scoring from the back, has come."""
        texts = [span.text for span in self.cut]
        scored: list[Scored] = []
        if self._child:
            shared = self._shared
            for index, text in enumerate(texts):
                if index >= shared[_BACK]:
                    break
                scored.append(model.score(text))
                shared[_FRONT] = index + 1
            self._receive()
        rest = range(len(scored), len(texts))
        if self._found is not None and all(index in self._scored for index in rest):
            return scored + [self._scored[index] for index in rest]
        return scored + model.score_all(texts[len(scored) :])  # the other failed, or none

    def candidates(self) -> list[dict[str, Any]]:
        """The article's contradiction candidates, best first, as reported."""
        self._receive()
        if self._found is None:
            from factmark.assist.contradictions import candidates

            self._found = _reported(candidates(self._article, self.cut))
        return self._found

    def _from_back(self) -> dict[int, Scored]:
        """In the forked process: score sentences from the last until this one meets the
        front."""
        from factmark.assist.checkworthy import shipped

        model, shared = shipped(), self._shared
        scored: dict[int, Scored] = {}
        index = len(self.cut) - 1
        while index >= shared[_FRONT]:
            scored[index] = model.score(self.cut[index].text)
            shared[_BACK] = index
            index -= 1
        return scored

    def _receive(self) -> None:
        """Wait for the forked process, once, and take what it sent."""
        if not self._child:
            return
        with os.fdopen(self._reading, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self._child, 0)
        self._child = 0
        if status == 0 and data:
            self._found, self._scored = pickle.loads(data)  # from the process forked above


def _reported(found: list[Candidate]) -> list[dict[str, Any]]:
    return [candidate.to_json() for candidate in found]
