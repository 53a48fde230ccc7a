"""How fast contradiction candidates are found, on the seed and on a book.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_contradictions.py [--rounds N]

The book is the one ``bench_tui.py`` writes (2,000 paragraphs, ~1 MB, about
8,000 sentences: the same generator and seed). For each article, in process,
the median of N runs of:

- ``sentences``: cutting the article into sentences (``Article.sentences``,
  sentencex), which the check-worthiness scores need as well;
- ``pairing``: everything else ``candidates`` does on those sentences (figures,
  zeros, days and spans read, then paired);

and once, for information, the cost of the first call in a fresh process (the
imports, text2num's included). Each is timed twice: on the wall clock, and as
the CPU time of this process, which is what the code costs when other programs
share the machine's cores (the load average is printed; the verdict is on CPU
time when the machine is busy). The target: sentences and pairing together
well under a second on the book.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_tui import _paragraph

from factmark.article import Article
from factmark.assist import pairing, when
from factmark.assist.contradictions import _best, _counts_something, candidates, sentences
from factmark.assist.mentions import mentions
from factmark.assist.tokens import Sentence

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_207cb1c8ae6ad8ea.txt"
TARGET_S = 1.0


def book() -> Article:
    """The 2,000-paragraph article of ``bench_tui.py``."""
    rng = random.Random(2026)
    texts = [_paragraph(rng, number)[0] for number in range(1, 2001)]
    return Article("\n\n".join(texts) + "\n")


def pair_all(cut: list[Sentence]) -> int:
    """What ``candidates`` does after cutting sentences, on fresh copies (nothing cached)."""
    every = [Sentence(s.paragraph, s.start, s.end, s.text, s.index) for s in cut]
    worded = [sentence for sentence in every if _counts_something(sentence)]
    counted = [mention for sentence in worded for mention in mentions(sentence)]
    return len(_best(pairing.pairs(counted) + when.pairs(every)))


def median(rounds: int, run: Callable[[], object]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``rounds`` runs."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def first_call(path: Path | None) -> float:
    """Seconds of a fresh process's first ``candidates`` call, imports included."""
    load = f"Article.read({str(path)!r})" if path else "book()"
    code = (
        "import sys, time; sys.path.insert(0, 'bench'); "
        "from bench_contradictions import book; from factmark.article import Article; "
        f"article = {load}; started = time.perf_counter(); "
        "from factmark.assist.contradictions import candidates; candidates(article); "
        "print(time.perf_counter() - started)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    busy = load > (os.cpu_count() or 1)
    print(f"load average {load:.1f} on {os.cpu_count()} cores" + (" (busy)" if busy else ""))
    verdicts = []
    for name, article, path in (("seed", Article.read(SEED), SEED), ("book", book(), None)):
        every = sentences(article)
        cut = median(args.rounds, lambda article=article: sentences(article))  # type: ignore[misc]
        paired = median(args.rounds, lambda every=every: pair_all(every))  # type: ignore[misc]
        found = len(candidates(article))
        print(
            f"{name}: {len(article.paragraphs):,} paragraphs, {len(every):,} sentences, "
            f"{found} candidates; first call in a fresh process {first_call(path) * 1000:.0f} ms"
        )
        for clock, index in (("wall", 0), ("cpu", 1)):
            together = cut[index] + paired[index]
            print(
                f"  {clock:4s}: sentences {cut[index] * 1000:.0f} ms, "
                f"pairing {paired[index] * 1000:.0f} ms, together {together * 1000:.0f} ms"
            )
        verdicts.append(cut[busy] + paired[busy] < TARGET_S)
    clock = "CPU time" if busy else "wall clock"
    print(
        "PASS" if all(verdicts) else "FAIL",
        f"(target: under {TARGET_S:.1f} s on the book, {clock})",
    )


if __name__ == "__main__":
    main()
