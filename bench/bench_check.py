"""How fast ``factmark check`` is on a 2,000-claim file, against a bare ``tomllib.load``.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_check.py [--rounds N] [--keep DIR] [--profile]

In a temporary folder it writes an article (~400 paragraphs) and an annotation
file of 2,000 claims with 500 links, built with ``factmark.model`` and written
by ``factmark.store``: every quote is a sentence or a run of words taken from
the article, with its context and hints as a save leaves them; each claim has a
verdict, a confidence, a note (some over several lines), tags and one to three
sources. Then, in one run, the candidates interleaved round by round, the median
of N wall times (after a first round that is dropped) of:

(a) in-process: ``tomllib.load`` of the file (the baseline) and
    ``factmark.checking.check_file`` (what ``factmark check FILE`` does after
    parsing its arguments: read, parse, validate, read the article, anchor);
(b) as programs: ``factmark check FILE`` against
    ``python -c 'import tomllib; tomllib.load(open(FILE, "rb"))'``
    (and, for scale, ``python -c pass``), each with bytecode kept as for an
    installed program (``installed.py``).

Each is printed as a ratio to its tomllib baseline, with the target (at most
2x) met or not. When a target is missed, or with ``--profile``, a cProfile of
``check_file`` says where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from installed import environment

from factmark.anchor import Anchor, attach
from factmark.article import Article, sentence_spans
from factmark.checking import check_file
from factmark.model import AnnotationFile, Claim, Link, Source, new_claim_id
from factmark.paths import annotation_path_for, relative_article
from factmark.store import writer
from factmark.vocabulary import CONFIDENCES, LINK_KINDS, SYMMETRIC_KINDS, VERDICTS, AnchorState

FACTMARK = Path(sys.executable).parent / "factmark"
TARGET = 2.0
ENVIRONMENT = environment()
CLAIMS = 2_000
LINKS = 500
PARAGRAPHS = 400

SUBJECTS = [
    "Russia",
    "Ukraine",
    "Mr. Medinsky",
    "The U.S. State Department",
    "Interfax, citing an unnamed source,",
    "The Coordination Headquarters (KSHPW)",
    "A spokesman in Kyiv",
    "The ministry",
    "Officials in Istanbul",
    "The Red Cross",
]
VERBS = [
    "reported that",
    "said that",
    "denied that",
    "confirmed that",
    "claimed on June 13 that",
    "told reporters that",
]
FACTS = [
    "{n} bodies of deceased soldiers were transferred",
    "{n} prisoners were exchanged under the ‘6,000 for 6,000’ formula",
    "the talks lasted just over an hour",
    "no Russian remains had been returned",
    "{n} bodies had been handed over since June 2",
    "the memorandum would be signed within {d} days",
    "the figure of {n} could not be verified",
    "the video of the transfer was authentic",
]
ENDINGS = [".", ".", ".", ", according to Interfax.", " (the figure is disputed).", "?"]


def sentence(rng: random.Random) -> str:
    fact = rng.choice(FACTS).format(
        n=f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}", d=rng.randint(2, 30)
    )
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {fact}{rng.choice(ENDINGS)}"


def paragraph(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(3, 7)):
        lines.append(sentence(rng))
    text = " ".join(lines)
    if rng.random() < 0.2:  # some paragraphs hard-wrapped, as pasted from an e-mail
        text = text.replace(". ", ".\n", 1)
    return text


def write_article(rng: random.Random, path: Path) -> Article:
    title = "Behind Closed Doors: Russia’s Transfer of Ukrainian Soldier Bodies"
    text = title + "\n\n" + "\n\n".join(paragraph(rng) for _ in range(PARAGRAPHS)) + "\n"
    path.write_text(text, encoding="utf-8")
    return Article.read(path)


def quote_spans(article: Article, rng: random.Random) -> list[tuple[int, int, int]]:
    """``CLAIMS`` distinct (paragraph, start, end): whole sentences or runs of words."""
    chosen: set[tuple[int, int, int]] = set()
    while len(chosen) < CLAIMS:
        number = rng.randint(1, len(article.paragraphs))
        text = article.paragraph(number).text
        start, end = rng.choice(sentence_spans(text))
        if rng.random() < 0.5:  # a run of words inside the sentence: a figure, a phrase
            words = [i for i in range(start, end) if i == start or text[i - 1] == " "]
            first = rng.randrange(len(words))
            last = min(len(words) - 1, first + rng.randint(1, 6))
            start = words[first]
            end = words[last] - 1 if last > first else end
        if text[start:end].strip():
            chosen.add((number, start, end))
    return sorted(chosen)


def sources(rng: random.Random, index: int) -> list[Source]:
    found = []
    for n in range(rng.randint(1, 3)):
        kind = rng.random()
        found.append(
            Source(
                url=f"https://example.org/reports/{index}/{n}" if kind < 0.7 else None,
                citation="Interfax, citing an unnamed source, 13 June" if kind > 0.4 else "",
                title=f"Statement {index}-{n} of the Coordination Headquarters"
                if kind < 0.5
                else "",
                quote="The transfer of 1,200 bodies took place on Friday." if kind < 0.2 else "",
                accessed=date(2025, 6, 14) + timedelta(days=n) if kind < 0.6 else None,
                stance=rng.choice(["supports", "contradicts", "context"]),
            )
        )
    return found


def make_document(article: Article, article_path: Path, rng: random.Random) -> AnnotationFile:
    ids: list[str] = []
    claims = []
    created = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)
    for index, (number, start, end) in enumerate(quote_spans(article, rng)):
        claim_id = new_claim_id(ids)
        ids.append(claim_id)
        quote = article.paragraph(number).text[start:end]
        note = f"Checked against KSHPW and Interfax (claim {index})."
        if index % 4 == 0:
            note += "\nThe two sources disagree on the figure;\nsee the linked claims."
        bare = Claim(
            id=claim_id,
            quote=quote,
            verdict=rng.choice(VERDICTS),
            confidence=rng.choice(CONFIDENCES),
            note=note,
            tags=rng.sample(["casualties", "figures", "dates", "attribution", "istanbul"], 2),
            author="Fact desk",
            created=created + timedelta(seconds=index),
            updated=created + timedelta(seconds=index, minutes=5),
            sources=sources(rng, index),
        )
        anchor = Anchor(AnchorState.ANCHORED, number, start, end, quote)
        claims.append(attach(bare, article, anchor))
    links: dict[tuple[str, str, str], Link] = {}
    while len(links) < LINKS:
        source, target = rng.sample(ids, 2)
        kind = rng.choice(LINK_KINDS)
        if kind in SYMMETRIC_KINDS and target < source:
            source, target = target, source
        links.setdefault(
            (source, target, kind),
            Link(source=source, target=target, kind=kind, note="1,200 here; 1,212 there"),
        )
    return AnnotationFile(
        article=relative_article(annotation_path_for(article_path), article_path),
        article_sha256=article.sha256,
        claims=claims,
        links=list(links.values()),
    )


@dataclass
class Timing:
    """Wall times of one candidate, one per round."""

    name: str
    run: Callable[[], object]
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def drop_first(self) -> None:
        """Forget the first round (it filled the caches)."""
        del self.times[0]

    def measure(self) -> None:
        started = time.perf_counter()
        self.run()
        self.times.append(time.perf_counter() - started)


def interleaved(candidates: Sequence[Timing], rounds: int) -> None:
    """Run every candidate once a round, in a rotating order, so drift hits all alike."""
    for round_number in range(rounds):
        shift = round_number % len(candidates)
        for timing in [*candidates[shift:], *candidates[:shift]]:
            timing.measure()


def program(*args: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(args, check=True, capture_output=True, env=ENVIRONMENT)

    return run


def verdict(ratio: float) -> str:
    return f"{ratio:5.2f}x  target <= {TARGET:g}x: {'PASS' if ratio <= TARGET else 'FAIL'}"


def profile(path: Path, limit: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        check_file(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds in-process (median of N-1)")
    parser.add_argument("--runs", type=int, default=7, help="rounds of programs (median of N)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--profile", action="store_true", help="always print a cProfile")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="factmark-bench-"))
    try:
        (folder / "seeds").mkdir(parents=True, exist_ok=True)
        (folder / "annotations").mkdir(exist_ok=True)
        rng = random.Random(20261127)
        article_path = folder / "seeds" / "book.txt"
        article = write_article(rng, article_path)
        path = annotation_path_for(article_path)
        document = make_document(article, article_path, rng)
        writer.save(document, path)

        report = check_file(path)
        if not report.clean or report.claims != CLAIMS:
            print(f"the generated file does not check clean: {report.problems[:3]}")
            return 1
        size = path.stat().st_size
        print(
            f"{path.name}: {CLAIMS:,} claims, {len(document.links)} links, "
            f"{sum(len(c.sources) for c in document.claims):,} sources, {size / 1024:,.0f} KiB; "
            f"article {len(article.paragraphs)} paragraphs, {len(article.text) / 1024:,.0f} KiB"
        )

        def load() -> object:
            with path.open("rb") as handle:
                return tomllib.load(handle)

        baseline = Timing("tomllib.load", load)
        checked = Timing("checking.check_file", lambda: check_file(path))
        interleaved([baseline, checked], args.rounds)
        in_process_runs = [baseline, checked]

        python = sys.executable
        load_code = f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"
        bare = Timing("python -c pass", program(python, "-c", "pass"))
        toml_program = Timing("python -c tomllib.load", program(python, "-c", load_code))
        check_program = Timing("factmark check FILE", program(str(FACTMARK), "check", str(path)))
        programs = [bare, toml_program, check_program]
        interleaved(programs, args.runs + 1)
        for timing in [*in_process_runs, *programs]:
            timing.drop_first()

        in_process = checked.median / baseline.median
        as_program = check_program.median / toml_program.median
        print(f"\nin-process, median of {args.rounds - 1}:")
        print(f"  {baseline.name:<26} {baseline.median * 1000:8.1f} ms")
        print(f"  {checked.name:<26} {checked.median * 1000:8.1f} ms   {verdict(in_process)}")
        print(f"\nas programs, median of {args.runs}:")
        print(f"  {bare.name:<26} {bare.median * 1000:8.1f} ms   (interpreter start, for scale)")
        print(f"  {toml_program.name:<26} {toml_program.median * 1000:8.1f} ms")
        check_ms = check_program.median * 1000
        print(f"  {check_program.name:<26} {check_ms:8.1f} ms   {verdict(as_program)}")
        for timing in programs:
            print(
                f"  {timing.name}, every run (ms): "
                + " ".join(f"{t * 1000:.0f}" for t in timing.times)
            )
        met = in_process <= TARGET and as_program <= TARGET
        print(f"\ntarget (<= {TARGET:g}x a bare tomllib.load): {'PASS' if met else 'FAIL'}")
        if args.profile or not met:
            print("\ncProfile of checking.check_file (3 runs):")
            print(profile(path))
        return 0 if met else 1
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
