"""How the archive's index scales: build, update after one change, warm searches, memory.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_archive.py [--files 1000 10000] [--claims 20]

For each size, in a temporary folder (outside git, so the index goes to a
cache folder of its own), it writes that many annotation files of ``--claims``
claims each (made-up sentences of words drawn as words are in prose: a few
common, most rare, with figures and names), then times, in this process:
the first build of the index; a plain search and a ``--like`` ranking on the
warm index; one file changed, then the update and a search together; and
the same search through the real ``factmark search`` program. Peak memory
(resident) is printed as it grows.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from archive_builder import Checked, write_fast
from installed import environment

from factmark.desk import catalog, index, likeness
from factmark.desk.search import phrases

SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gu ho ji ky ly ma no pe qu ri so tu ve wa"


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES.split(), k=rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    # Zipf-like: the index of a word drawn is skewed towards the start of the list.
    chosen = [words[min(int(rng.paretovariate(0.8)) - 1, len(words) - 1)] for _ in range(length)]
    chosen[rng.randrange(length)] = f"{rng.randint(2, 99_999):,}"
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen) + "."


def write_archive(folder: Path, files: int, claims: int, rng: random.Random) -> None:
    words = vocabulary(rng)
    (folder / "seeds").mkdir(parents=True)
    (folder / "annotations").mkdir()
    for number in range(files):
        checked = [
            Checked(
                f"c{number:05d}x{n:03d}",
                sentence(rng, words, rng.randint(12, 30)),
                sentence(rng, words, rng.randint(6, 12)),
            )
            for n in range(claims)
        ]
        write_fast(folder, f"a{number:05d}", checked)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def both(action: Callable[[], object]) -> str:
    """``wall ms (processor ms)`` of an action: on a shared machine the first exceeds the second."""
    before = time.process_time()
    wall = timed(action)
    return f"{wall * 1000:5.0f} ms ({(time.process_time() - before) * 1000:.0f} ms processor time)"


def cpu() -> float:
    """Processor time of this process and of the reading processes it waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(folder: Path, claims: int) -> None:
    def build() -> None:
        with catalog.opened(folder) as connection:
            assert index.claim_count(connection) == claims

    def search() -> None:
        with catalog.opened(folder) as connection:
            index.search(connection, phrases("kalo 1,234"), limit=10)

    def like() -> None:
        with catalog.opened(folder) as connection:
            likeness.rank(connection, "Mika nelo said 1,234 of the kalo ruti sama were gone")

    def change() -> None:
        path = folder / "annotations" / "a00007.toml"
        path.write_text(path.read_text().replace("Fact desk", "Second reader"))

    before = cpu()
    took = timed(build)
    print(f"  first build of the index {took:7.2f} s, processor time {cpu() - before:.2f} s")
    print(f"  peak memory {peak_mb():.0f} MB; load average {os.getloadavg()[0]:.1f}")
    print(f"  warm search                         {both(search)}")
    print(f"  warm --like                         {both(like)}")
    change()
    print(f"  one file changed: update and search {both(search)}")
    change()
    print(f"  one file changed: update and --like {both(like)}")
    program = [str(Path(sys.executable).parent / "factmark"), "search", "kalo", "--top", "10"]
    run = timed(lambda: subprocess.run(program, cwd=folder, env=environment(), capture_output=True))
    print(f"  factmark search (the program, warm) {run * 1000:5.0f} ms")
    print(f"  index size {index.location(folder).stat().st_size / 2**20:.0f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--claims", type=int, default=20, help="claims a file")
    args = parser.parse_args(argv)
    for files in args.files:
        with tempfile.TemporaryDirectory(prefix="factmark-archive-") as temporary:
            folder = Path(temporary)
            os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
            rng = random.Random(files)
            started = time.perf_counter()
            write_archive(folder / "desk", files, args.claims, rng)
            took = time.perf_counter() - started
            print(f"{files:,} files, {files * args.claims:,} claims (written in {took:.0f} s)")
            measure(folder / "desk", files * args.claims)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
