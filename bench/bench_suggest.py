"""How fast ``factmark suggest`` is: the model's load, sentences scored per second,
and the command's wall time on the seed and on the 2,000-paragraph book.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_suggest.py [--rounds N] [--keep DIR]

In a temporary folder it writes the book of bench_tui.py (2,000 paragraphs of 3
to 6 sentences, an annotation file of 2,000 claims beside it) and copies the
seed article with its annotations. Then it measures, the median of N rounds:

(a) in-process: loading the shipped model (``checkworthy.load``), and scoring
    the book's sentences (``Model.score_all``), as sentences per second; the
    whole report of the book (``suggest.sentences``: splitting, scoring, claims);
(b) as programs, interleaved round by round after a first round that is
    dropped: ``factmark suggest ARTICLE --format json`` on the seed and on the
    book, start-up included, with bytecode kept as for an installed program
    (``installed.py``).

The target: the book in at most 4x the seed's wall time. On a machine shared with
other work the wall times wander; the CPU times (user and system) are printed too.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_tui import generate
from installed import environment

from factmark.article import Article
from factmark.assist import checkworthy, suggest
from factmark.store import loading

FACTMARK = Path(sys.executable).parent / "factmark"
BOOK_VS_SEED_MAX = 4.0
ENVIRONMENT = environment()


def median_time(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_suggest(article: Path) -> tuple[float, float]:
    """The wall time and the CPU time (user and system) of one ``factmark suggest``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(FACTMARK), "suggest", str(article), "--format", "json"],
        stdout=subprocess.DEVNULL, env=ENVIRONMENT, check=True, timeout=300,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(book: Path, annotations: Path, rounds: int) -> None:
    load = median_time(checkworthy.load, rounds)
    print(f"(a) model load: {load * 1000:.1f} ms ({checkworthy.MODEL_FILE.stat().st_size:,} bytes)")
    article = Article.read(book)
    texts = [
        paragraph.text[start:end]
        for paragraph in article.paragraphs
        for start, end in article.sentences(paragraph.number)
    ]
    model = checkworthy.load()
    scoring = median_time(lambda: model.score_all(texts), rounds)
    print(f"(a) scoring: {len(texts) / scoring:,.0f} sentences/s ({len(texts):,} in the book)")
    document = loading.load(annotations).document
    whole = median_time(lambda: suggest.sentences(Article.read(book), document, model), rounds)
    rate = len(texts) / whole
    print(f"(a) the book's report in-process: {whole:.2f} s ({rate:,.0f} sentences/s)")


def programs(seed: Path, book: Path, rounds: int) -> bool:
    times: dict[str, list[tuple[float, float]]] = {"seed": [], "book": []}
    for round_ in range(rounds + 1):
        for name, path in (("seed", seed), ("book", book)):
            measured = run_suggest(path)
            if round_:  # the first round fills the bytecode cache
                times[name].append(measured)
    (seed_wall, seed_cpu), (book_wall, book_cpu) = (
        (statistics.median(t[0] for t in times[name]), statistics.median(t[1] for t in times[name]))
        for name in ("seed", "book")
    )
    ratio = book_wall / seed_wall
    met = ratio <= BOOK_VS_SEED_MAX
    print(f"(b) factmark suggest --format json, seed: {seed_wall:.2f} s ({seed_cpu:.2f} s CPU)")
    print(f"(b) factmark suggest --format json, book: {book_wall:.2f} s ({book_cpu:.2f} s CPU)")
    print(f"(b) book / seed: {ratio:.2f}x (target ≤ {BOOK_VS_SEED_MAX:.0f}x): "
          f"{'met' if met else 'MISSED'}; in CPU time {book_cpu / seed_cpu:.2f}x")  # fmt: skip
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the cases here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        cases = generate(folder)
        book, seed = cases["book"], cases["seed"]
        in_process(book.article, book.annotations, args.rounds)
        met = programs(seed.article, book.article, args.rounds)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
