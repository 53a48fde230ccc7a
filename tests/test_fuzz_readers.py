"""Mutated annotation files never crash a reader nor get rewritten when unreadable.

Valid and broken files from tests/data are mutated in their bytes (flips,
insertions, deletions) and in their structure (lines duplicated or dropped,
values nested deep, huge numbers, odd Unicode). For each mutant the store
returns a document or raises StoreError, and ``check``, ``fmt``, ``review`` and
``textconv`` print no traceback and exit with a documented code. Seeded
(``derandomize``): every run tries the same mutants.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factmark.cli import main
from factmark.model import AnnotationFile
from factmark.store import loading
from factmark.store.problems import StoreError

DATA = Path(__file__).parent / "data"
SEED_ARTICLE = DATA / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEEDS: dict[str, bytes] = {
    path.name: path.read_bytes()
    for path in (
        DATA / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml",
        DATA / "good.toml",
        *sorted((DATA / "bad").glob("*.toml")),
    )
}
ODD = [
    "\u202e", "\u200b", "\ufeff", "\x00", "\x1b[2J", "\r", "\udcff", "é", "👩‍👩‍👧", "\u0301",
    "[", "]", "{", "}", '"', "'", "=", "\n", "\\", "#", "[[claims]]\n", "<<<<<<< ours\n",
]  # fmt: skip
ARTICLES = [
    "/etc/passwd", "../../../etc/passwd", "../seeds/nope.txt", "..", ".", "../annotations",
    "a\\u0000b", "\\u202e.txt", "../seeds/000_207cb1c8ae6ad8ea.txt", "~/.ssh/id_ed25519",
]  # fmt: skip
"""Values for ``article``, as TOML text: outside, missing, folders, odd characters."""
EXIT_CODES: dict[tuple[str, ...], set[int]] = {
    ("check",): {0, 1, 2},
    ("review",): {0, 2},
    ("textconv",): {0},
    ("fmt", "--check"): {0, 1, 2},
    ("fmt",): {0, 2},
}
"""What each command may exit with (README, ``factmark COMMAND --help``)."""


def _flip(data: bytes, at: int, bits: int) -> bytes:
    at %= max(len(data), 1)
    return data[:at] + bytes([data[at] ^ (bits or 1)]) + data[at + 1 :] if data else data


def _insert(data: bytes, at: int, what: bytes) -> bytes:
    at %= len(data) + 1
    return data[:at] + what + data[at:]


def _delete(data: bytes, at: int, length: int) -> bytes:
    at %= max(len(data), 1)
    return data[:at] + data[at + length :]


def _lines(data: bytes, at: int, keep: int) -> bytes:
    """Drop a line (keep 0), or repeat it ``keep`` times."""
    lines = data.split(b"\n")
    at %= len(lines)
    return b"\n".join(lines[:at] + [lines[at]] * keep + lines[at + 1 :])


def _nest(data: bytes, at: int, depth: int) -> bytes:
    """Wrap the value of the at-th ``key = value`` line in arrays or inline tables."""
    lines = data.split(b"\n")
    keyed = [i for i, line in enumerate(lines) if b" = " in line]
    if not keyed:
        return data
    index = keyed[at % len(keyed)]
    key, value = lines[index].split(b" = ", 1)
    opener, closer = (b"[", b"]") if depth % 2 else (b"{a=", b"}")
    lines[index] = key + b" = " + opener * depth + value + closer * depth
    return b"\n".join(lines)


def _huge(data: bytes, at: int, digits: int) -> bytes:
    """Put a number of ``digits`` digits in place of one the file holds (or append one)."""
    numbers = list(re.finditer(rb"(?<== )-?\d+$", data, re.MULTILINE))
    number = b"-" * (at % 2) + b"9" * digits
    if not numbers:
        return data + b"\nn = " + number + b"\n"
    found = numbers[at % len(numbers)]
    return data[: found.start()] + number + data[found.end() :]


Mutation = tuple[Callable[[bytes, int, Any], bytes], int, Any]


def _article(data: bytes, at: int, article: str) -> bytes:
    """Point the file at another article (odd, absent, or outside the folder)."""
    value = article.encode("utf-8", "surrogatepass")
    return re.sub(rb'(?m)^article = ".*"$', lambda _: b'article = "' + value + b'"', data, count=1)


positions = st.integers(min_value=0, max_value=1 << 16)
mutations = st.one_of(
    st.tuples(st.just(_flip), positions, st.integers(0, 255)),
    st.tuples(st.just(_insert), positions, st.binary(min_size=1, max_size=8)),
    st.tuples(
        st.just(_insert),
        positions,
        st.sampled_from([o.encode("utf-8", "surrogatepass") for o in ODD]),
    ),
    st.tuples(st.just(_delete), positions, st.integers(1, 40)),
    st.tuples(st.just(_lines), positions, st.integers(0, 3)),
    st.tuples(st.just(_nest), positions, st.sampled_from([2, 3, 40, 3000, 5001])),
    st.tuples(st.just(_huge), positions, st.sampled_from([19, 20, 40, 5000])),
    st.tuples(st.just(_article), positions, st.sampled_from(ARTICLES)),
)


def run(command: list[str]) -> tuple[int, str]:
    """Run a command in process: its exit code, and what it printed (stdout, then stderr)."""
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)  # textconv writes bytes
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
        try:
            code = main(command)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        stdout.flush()
        printed = out.getvalue().decode("utf-8", "replace") + err.getvalue()
    return code, printed


def read(data: bytes, path: Path) -> AnnotationFile | None:
    """The store's answer: a document, or None when it raises its own error (nothing else)."""
    try:
        return loading.parse(data, path)
    except StoreError:
        return None


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@example(seed="good.toml", changes=[(_nest, 0, 5001)])  # arrays, thousands deep
@example(seed="good.toml", changes=[(_nest, 1, 3000)])  # inline tables
@example(seed="good.toml", changes=[(_huge, 0, 40)])
@example(seed="good.toml", changes=[(_article, 0, "a\\u0000b")])
@example(seed="good.toml", changes=[(_article, 0, "/etc/passwd")])
@given(seed=st.sampled_from(sorted(SEEDS)), changes=st.lists(mutations, min_size=1, max_size=3))
def test_mutated_files_never_crash_a_reader(seed: str, changes: list[Mutation]) -> None:
    data = SEEDS[seed]
    for change, at, how in changes:
        data = change(data, at, how)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        shutil.copy(SEED_ARTICLE, root / "seeds")
        (root / "articles").mkdir()  # good.toml names articles/seed.txt, beside it
        shutil.copy(SEED_ARTICLE, root / "articles" / "seed.txt")
        path = root / "annotations" / "x.toml"
        path.parent.mkdir()
        path.write_bytes(data)
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
        document = read(data, path)
        for command, codes in EXIT_CODES.items():
            code, printed = run([*command, str(path)])
            assert "Traceback" not in printed, printed
            assert code in codes, (command, code, printed)
            if document is None:
                assert (path.read_bytes(), path.stat().st_mtime_ns) == (data, 1_000_000_000)
