"""The archive's index opened and brought up to date with the files, whatever state it is in.

The files are the truth: a missing index is built, an unreadable one is moved
out of the way and built again (one line on stderr), and every opening first
reads what changed since the last (docs/archive.md).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from factmark.desk import archive, index
from factmark.desk.progress import reading
from factmark.errors import FactmarkError

Note = Callable[[str], None]
T = TypeVar("T")
PARALLEL_FROM = 500
"""Files to read before starting reading processes pays (each takes a moment to start)."""


def note_on_stderr(message: str) -> None:
    from factmark.visible import one_line

    print(f"factmark: {one_line(message)}", file=sys.stderr)


@contextmanager
def opened(root: Path, note: Note = note_on_stderr) -> Iterator[sqlite3.Connection]:
    """The index of the archive at ``root``, up to date; notes say what was left out."""
    path = index.location(root)
    try:
        connection = _up_to_date(path, root, note)
    except (sqlite3.DatabaseError, index.IndexCorrupt) as error:  # busy, or could not rebuild
        raise IndexUnusable(f"{path}: the archive index cannot be used: {error}") from None
    try:
        for _, problem in index.problems(connection):
            note(f"{problem} (left out of the archive)")
        yield connection
    finally:
        connection.close()


def query(root: Path, action: Callable[[sqlite3.Connection], T], note: Note = note_on_stderr) -> T:
    """``action`` run on the up-to-date index of ``root``.

    An index found unreadable only while ``action`` reads it (a damaged page
    deep in the full-text index) is deleted and built again, and ``action``
    runs again on the new one.
    """
    try:
        with opened(root, note) as connection:
            return action(connection)
    except sqlite3.DatabaseError as error:
        path = index.location(root)
        if _busy(error):
            raise IndexUnusable(f"{path}: the archive index cannot be used: {error}") from None
        note(f"{path}: the archive index could not be read ({error}); rebuilding it")
        index.discard(path)
    try:
        with opened(root, note) as connection:
            return action(connection)
    except sqlite3.DatabaseError as error:
        path = index.location(root)
        raise IndexUnusable(f"{path}: the archive index cannot be used: {error}") from None


class IndexUnusable(FactmarkError):
    """The index can be neither read nor rebuilt (a folder not writable, a writer that hangs)."""


def _up_to_date(path: Path, root: Path, note: Note) -> sqlite3.Connection:
    """The index refreshed; one that cannot be read is deleted and built again, once."""
    connection = None
    try:
        connection = index.connect(path)
        refresh(connection, root)
        return connection
    except (sqlite3.DatabaseError, index.IndexCorrupt) as error:
        if connection is not None:
            connection.close()
        if _busy(error):
            raise
        note(f"{path}: the archive index could not be read ({error}); rebuilding it")
    index.discard(path)
    connection = index.connect(path)
    try:
        refresh(connection, root)
    except BaseException:
        connection.close()
        raise
    return connection


def _busy(error: Exception) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def refresh(connection: sqlite3.Connection, root: Path) -> None:
    """Read into the index every annotation file added or changed since, and drop the gone."""
    known = index.known_files(connection)
    pending: list[tuple[archive.OnDisk, str]] = []
    seen: set[str] = set()
    for entry in archive.listing(root):
        seen.add(entry.path)
        old = known.get(entry.path)
        if old is None or old[:2] != (entry.size, entry.mtime_ns):
            pending.append((entry, old[2] if old else ""))
    gone = known.keys() - seen
    if gone:
        index.forget(connection, sorted(gone))
    jobs = [(root, entry, sha256) for entry, sha256 in pending]
    with reading(len(jobs)) as advance, _readers(len(jobs)) as read:
        for start in range(0, len(jobs), index.BATCH):
            batch = jobs[start : start + index.BATCH]
            files = read(batch)
            index.store(connection, [file for file in files if file is not None])
            vanished = [job[1].path for job, file in zip(batch, files, strict=True) if not file]
            if vanished:
                index.forget(connection, vanished)
            advance(len(batch))


Reader = Callable[[list[tuple[Path, archive.OnDisk, str]]], list[archive.ArchivedFile | None]]


@contextmanager
def _readers(count: int) -> Iterator[Reader]:
    """Read files here, or, for many, in a process a core (parsing TOML is most of the work)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    # Forked: a spawned process would import the caller's main module again. Forking
    # a process with threads (the TUI) is unsafe, so such a caller reads here.
    if count < PARALLEL_FROM or (cores or 1) < 2 or threading.active_count() > 1:
        yield lambda jobs: [archive.read_job(job) for job in jobs]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(min(cores or 1, 4), mp_context=context) as pool:
        yield lambda jobs: list(pool.map(archive.read_job, jobs, chunksize=16))
