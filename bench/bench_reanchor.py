"""How fast ``factmark reanchor`` is after a copy edit (2,000 claims, ~1 MB, ≤ 1 s).

Run it with the project's interpreter::

    .venv/bin/python bench/bench_reanchor.py [--rounds N]

It writes an article of 2,000 paragraphs (about 1 MB) and anchors 2,000
claims in it through factmark's own model and anchor layers, saved beside it
by ``factmark.store``, then makes a copy edit as an editor would: a new
paragraph at the top (every claim moves), and in 5% of the claims one word of
the quote changed (those can only be found by the fuzzy stage). It times, as
a process from start to exit (Python's start-up included), ``factmark
reanchor ARTICLE`` on the unchanged article and on the edited one (each run on
a fresh copy of the annotation file, which reanchor saves), the median of N,
interleaved, with ``python -c pass`` for scale (bytecode kept as for an
installed program: ``installed.py``); and, in process, the median of
N ``locate_all(..., fuzzy=True)`` on the edited article, for information.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from installed import environment

from factmark.anchor import Anchor, attach, locate_all
from factmark.article import Article
from factmark.model import AnnotationFile, Claim, new_claim_id
from factmark.store import writer
from factmark.vocabulary import AnchorState

FACTMARK = Path(sys.executable).parent / "factmark"
ENVIRONMENT = environment()

_VOCABULARY = (
    "the of and to in is that for it as was with be by on not this are or from at which "
    "but have an they were there been one all their has would when if so no more out up "
    "into any what about than who can only over also after new other could some these two "
    "may then first like now time report official figure ministry agency statement"
)
WORDS = _VOCABULARY.split()
TARGET_S = 1.0


def sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    words[0] = words[0].capitalize()
    return " ".join(words) + f", {rng.randint(1, 9999):,} in case {number}."


def build(rng: random.Random) -> tuple[list[str], AnnotationFile]:
    paragraphs = [" ".join(sentence(rng, i * 10 + k) for k in range(6)) for i in range(2000)]
    article = Article("\n\n".join(paragraphs) + "\n")
    ids: set[str] = set()
    claims = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        start = paragraph.text.index(". ") + 2  # the second sentence is the claim
        end = paragraph.text.index(".", start) + 1
        claim_id = new_claim_id(ids)
        ids.add(claim_id)
        claim = Claim(id=claim_id, quote=paragraph.text[start:end])
        anchor = Anchor(AnchorState.ANCHORED, number, start, end, claim.quote)
        claims.append(attach(claim, article, anchor))
    return paragraphs, AnnotationFile(article="book.txt", claims=claims)


def copy_edit(rng: random.Random, paragraphs: list[str], document: AnnotationFile) -> Article:
    """A new paragraph on top, and one word changed inside 5% of the quotes."""
    edited = list(paragraphs)
    for claim in rng.sample(document.claims, len(document.claims) // 20):
        assert claim.paragraph is not None
        words = claim.quote.split(" ")
        words[1] = "apparently" if words[1] != "apparently" else "reportedly"
        edited[claim.paragraph - 1] = edited[claim.paragraph - 1].replace(
            claim.quote, " ".join(words)
        )
    return Article("\n\n".join(["A new opening paragraph, added in the copy edit.", *edited]))


def median_time(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def timed_process(command: Sequence[str], before: Callable[[], object] | None = None) -> float:
    """Seconds from start to exit of one run of ``command`` (``before`` runs untimed)."""
    if before is not None:
        before()
    started = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENVIRONMENT
    )
    return time.perf_counter() - started


def processes(folder: Path, document: AnnotationFile, original: Article, edited: Article,
              rounds: int) -> dict[str, list[float]]:  # fmt: skip
    """Times of ``factmark reanchor`` on both articles, and of ``python -c pass``."""
    saved = folder / "saved.toml"
    writer.save(document, saved)
    articles = {"unchanged": folder / "unchanged.txt", "edited": folder / "edited.txt"}
    articles["unchanged"].write_text(original.text, encoding="utf-8")
    articles["edited"].write_text(edited.text, encoding="utf-8")
    annotations = folder / "annotations.toml"

    def fresh() -> None:
        shutil.copyfile(saved, annotations)

    commands = {
        name: [str(FACTMARK), "reanchor", str(path), "--annotations", str(annotations)]
        for name, path in articles.items()
    }
    commands["python -c pass"] = [sys.executable, "-c", "pass"]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(rounds + 1):  # round 0 warms the caches and is dropped
        order = list(commands) if round_number % 2 else list(commands)[::-1]
        for name in order:
            elapsed = timed_process(commands[name], None if name.startswith("python") else fresh)
            if round_number:
                times[name].append(elapsed)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    paragraphs, document = build(rng)
    original = Article("\n\n".join(paragraphs) + "\n")
    edited = copy_edit(rng, paragraphs, document)
    size = len(edited.text.encode("utf-8")) / 1e6
    print(f"{len(document.claims)} claims, {len(edited.paragraphs)} paragraphs, {size:.2f} MB")
    with tempfile.TemporaryDirectory(prefix="factmark-reanchor-") as folder:
        document = document.model_copy(update={"article": "edited.txt"})
        times = processes(Path(folder), document, original, edited, args.rounds)
    in_process = median_time(args.rounds, lambda: locate_all(document, edited, fuzzy=True))
    states = Counter(a.state.value for a in locate_all(document, edited, fuzzy=True).values())
    after = statistics.median(times["edited"])
    verdict = "PASS" if after <= TARGET_S else "FAIL"
    rows = [
        ("python -c pass (scale)", statistics.median(times["python -c pass"]), ""),
        ("factmark reanchor, article unchanged", statistics.median(times["unchanged"]), ""),
        ("factmark reanchor after the copy edit", after, f"{verdict} (≤ {TARGET_S} s)"),
        ("locate_all after the copy edit, in process", in_process, "(info)"),
    ]
    for label, seconds, note in rows:
        print(f"  {label:<44} {seconds * 1000:7.0f} ms  {note}")
    print("  states after the edit: " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    for name, values in times.items():
        print(f"  {name}, every run (ms): " + " ".join(f"{t * 1000:.0f}" for t in values))


if __name__ == "__main__":
    main()
