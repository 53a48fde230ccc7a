"""A save killed at any moment leaves the old file or the new one (docs/design.md §8)."""

from __future__ import annotations

import contextlib
import os
import pickle
import random
import select
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import pytest

from factmark.model import AnnotationFile, Claim, Link, Source
from factmark.store import atomic, loading, writer

KILLS = 50
MAX_DELAY = 0.05
"""Seconds: the kill comes at a random moment this long at most after saving starts."""

# The child process imports factmark and reads the two versions once, then, for each
# "fork" line on its stdin, forks a saver: a fresh process that prints "saving <pid>"
# and saves the two versions in turn until it is killed. When a saver dies the child
# reaps it and prints "dead <pid> <signal>". Forking a prepared process rather than
# starting Python 50 times keeps the test within its time budget (an import of
# factmark costs about as much CPU as the load that checks each kill).
#
# ``writer.dumps`` is pure and takes ~0.15 s on a 1 MB document, so the saver serves
# the texts it computed once: otherwise most kills would land in serialisation and
# few in the write path (temporary file, fsync, chmod, rename, folder fsync) that
# this test is about. Every save still goes through ``atomic.save``.
CHILD = """\
import os, pickle, sys, traceback
from pathlib import Path
from factmark.store import atomic, loading, writer

path, documents_file = sys.argv[1:]
documents = pickle.loads(Path(documents_file).read_bytes())
texts = {id(document): writer.dumps(document) for document in documents}
writer.dumps = lambda document: texts[id(document)]


def save_forever():
    print("saving", os.getpid(), flush=True)
    while True:
        for document in documents:
            writer.save(document, path)


print("ready", flush=True)
for command in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            save_forever()
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    print("dead", pid, os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0, flush=True)
"""


def two_versions() -> tuple[AnnotationFile, AnnotationFile]:
    """A ~1 MB document, and the same with one claim's verdict changed."""
    created = datetime(2026, 11, 27, 10, 2, 11, tzinfo=UTC)
    claims = [
        Claim(
            id=f"k{number:05d}",
            quote=f"claim number {number}",
            paragraph=number // 10 + 1,
            start=number % 10 * 40,
            verdict="disputed",
            confidence="medium",
            note="\n".join(
                f"Line {line} of the note on claim {number}: " + "x" * 40 for line in range(9)
            ),
            tags=["casualties"],
            author="A. Editor",
            created=created,
            updated=created,
            sources=[Source(url=f"https://example.org/{number}", stance="supports")],
        )
        for number in range(1000)
    ]
    links = [
        Link(source=f"k{n:05d}", target=f"k{n + 1:05d}", kind="contradicts")
        for n in range(0, 1000, 2)
    ]
    old = AnnotationFile(article="../seeds/a.txt", claims=claims, links=links)
    changed = claims[500].model_copy(update={"verdict": "inaccurate"})
    new = old.model_copy(update={"claims": [*claims[:500], changed, *claims[501:]]})
    return old, new


def read_line(child: subprocess.Popen[bytes], timeout: float) -> str:
    """The next line the child prints within ``timeout`` seconds, or ""."""
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], timeout)
    return child.stdout.readline().decode("ascii") if ready else ""


def stop(child: subprocess.Popen[bytes]) -> str:
    """Kill the child and any saver of it (its process group); what they wrote to stderr."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    _, stderr = child.communicate(timeout=30)
    return stderr.decode("utf-8", "replace")


def fail(child: subprocess.Popen[bytes], what: str) -> NoReturn:
    pytest.fail(f"{what}:\n{stop(child)}")


@pytest.mark.slow
def test_save_killed_at_random_moments_leaves_old_or_new_bytes(tmp_path: Path) -> None:
    old, new = two_versions()
    old_bytes, new_bytes = writer.dumps(old).encode("utf-8"), writer.dumps(new).encode("utf-8")
    assert len(old_bytes) >= 1_000_000
    assert old_bytes != new_bytes
    versions = {old_bytes: ("old", old), new_bytes: ("new", new)}

    documents_file = tmp_path / "documents.pickle"
    documents_file.write_bytes(pickle.dumps((new, old)))  # the file holds old: save new first
    folder = tmp_path / "annotations"
    folder.mkdir()
    path = folder / "a.toml"
    writer.save(old, path)

    seed = random.randrange(2**32)
    rng = random.Random(seed)
    found: Counter[str] = Counter()
    interrupted = 0
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(documents_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered, so that select() sees every line
        start_new_session=True,  # so that a failure can stop the child and its saver
    )
    assert child.stdin is not None
    try:
        if read_line(child, timeout=60) != "ready\n":
            fail(child, "the child did not start")
        for kill in range(1, KILLS + 1):
            child.stdin.write(b"fork\n")
            started = read_line(child, timeout=60).split()
            if started[:1] != ["saving"]:
                fail(child, "the saver did not start")
            saver = int(started[1])
            delay = rng.uniform(0, MAX_DELAY)
            # Watch for `delay` seconds: the saver must not die on its own.
            if line := read_line(child, timeout=delay):
                fail(child, f"the saver stopped saving: {line!r}")
            os.kill(saver, signal.SIGKILL)
            if read_line(child, timeout=60).split() != ["dead", str(saver), str(signal.SIGKILL)]:
                fail(child, "the saver was not killed")
            data = path.read_bytes()
            assert data in versions, (
                f"kill {kill} (seed {seed}, after {delay * 1000:.1f} ms): the file holds "
                f"{len(data)} bytes that are neither version"
            )
            name, expected = versions[data]
            found[name] += 1
            interrupted += any(p.name.endswith(atomic.TEMP_SUFFIX) for p in folder.iterdir())
            assert loading.load(path).document == expected
        _, stderr = child.communicate(timeout=30)  # end of input: the child exits
        assert child.returncode == 0, stderr.decode("utf-8", "replace")
    finally:
        if child.returncode is None:
            stop(child)

    # Some kills must have hit a save in the middle, leaving its temporary behind,
    # or the test proved nothing; the next save clears what the dead children left.
    assert interrupted > 0, f"no kill interrupted a save (seed {seed}, {dict(found)})"
    writer.save(old, path)
    assert sorted(p.name for p in folder.iterdir()) == ["a.toml"]
    assert path.read_bytes() == old_bytes
