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
other has scored from the back. The second only goes down, and is written after
its sentence is scored; this process stops at it, so every sentence is scored by
one of the two. Near the meeting point a few may be scored by both, with the same
result: that costs a little time, never a wrong score. What the other process
scored is used only if it ended well; else this one scores the rest.

Elsewhere (no fork, one core, a short article, threads running), or if the
process fails, the candidates are found and the sentences scored here.
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.assist.checkworthy import Model, Scored
    from factmark.assist.contradictions import Candidate
    from factmark.assist.spans import Span

ALONGSIDE = 200
"""Paragraphs from which an article's candidates are found in a second process while its
sentences are scored. Below, little is saved: on the 24-paragraph seed, about 40 ms of
200 with its annotation file to read meanwhile, and 10 ms lost without one."""

_FRONT, _BACK = 0, 1
"""The shared counters: sentences scored from the front here; the first scored from the
back there."""


def _may_fork(paragraphs: int) -> bool:
    """Whether a second process is worth starting and safe to fork: a long article, two
    cores this process may use, and no other thread (forking one that holds a lock would
    leave the lock held in the child)."""
    if paragraphs < ALONGSIDE or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2


class Alongside:
    """The article's candidates, and its sentences' scores, found in one or two processes.

    Ask for ``scores`` first, then ``candidates``: asked for first, the candidates wait
    for the other process, which then scores every sentence alone.
    """

    def __init__(self, article: Article, cut: list[Span]) -> None:
        self.cut = cut
        self._article = article
        self._child = 0  # the forked process, while it is to be waited for
        self._found: list[dict[str, Any]] | None = None
        self._scored: dict[int, Scored] = {}
        if not _may_fork(len(article.paragraphs)):
            return
        self._shared = memoryview(mmap.mmap(-1, 16)).cast("q")
        self._shared[_FRONT], self._shared[_BACK] = 0, len(cut)
        reading, writing = os.pipe()
        try:
            child = os.fork()
        except OSError:  # no process to be had: everything here
            os.close(reading)
            os.close(writing)
            return
        if child == 0:  # pair, score from the back, send, and end without this one's exits
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
        self._child, self._reading = child, reading

    def scores(self, model: Model) -> list[Scored]:
        """Every sentence's score and reasons, in order: from the front here, up to where
        the other process, scoring from the back with the shipped model, has come. With
        another model, all are scored here."""
        from factmark.assist.checkworthy import shipped

        texts = [span.text for span in self.cut]
        scored: list[Scored] = []
        if self._child and model is shipped():
            shared = self._shared
            try:
                for index, text in enumerate(texts):
                    if index >= shared[_BACK]:
                        break
                    scored.append(model.score(text))
                    shared[_FRONT] = index + 1
            except BaseException:  # an interrupt, say: the other process is not waited for
                self._abandon()
                raise
        self._receive()
        rest = range(len(scored), len(texts))
        if model is shipped() and all(index in self._scored for index in rest):
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
        """Wait for the forked process, once, and take what it sent if it ended well."""
        if not self._child:
            return
        with os.fdopen(self._reading, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self._child, 0)
        self._child = 0
        if status == 0 and data:
            self._found, self._scored = pickle.loads(data)  # from the process forked above

    def _abandon(self) -> None:
        """End the forked process without waiting for what it would send."""
        if not self._child:
            return
        os.kill(self._child, signal.SIGKILL)
        os.close(self._reading)
        os.waitpid(self._child, 0)
        self._child = 0


def _reported(found: list[Candidate]) -> list[dict[str, Any]]:
    return [candidate.to_json() for candidate in found]
