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
imports, text2num's included). The target: sentences and pairing together
well under a second on the book.
"""

from __future__ import annotations

import argparse
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
from factmark.assist.contradictions import _best, candidates, sentences
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


def pair_all(every: list[Sentence]) -> int:
    counted = [mention for sentence in every for mention in mentions(sentence)]
    return len(_best(pairing.pairs(counted) + when.pairs(every)))


def median(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
    verdicts = []
    for name, article, path in (("seed", Article.read(SEED), SEED), ("book", book(), None)):
        every = sentences(article)
        cut = median(args.rounds, lambda article=article: sentences(article))  # type: ignore[misc]
        paired = median(args.rounds, lambda every=every: pair_all(every))  # type: ignore[misc]
        found = len(candidates(article))
        print(
            f"{name}: {len(article.paragraphs):,} paragraphs, {len(every):,} sentences, "
            f"{found} candidates; sentences {cut * 1000:.0f} ms, pairing {paired * 1000:.0f} ms, "
            f"together {(cut + paired) * 1000:.0f} ms; first call in a fresh process "
            f"{first_call(path) * 1000:.0f} ms"
        )
        verdicts.append(cut + paired < TARGET_S)
    print("PASS" if all(verdicts) else "FAIL", f"(target: under {TARGET_S:.1f} s on the book)")


if __name__ == "__main__":
    main()
