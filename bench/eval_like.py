"""How well ``factmark search --like`` finds the claim a statement repeats: MAP@5.

Run it with the project's interpreter on a folder of claim-retrieval data
(not in the repository: its licence allows research use only)::

    .venv/bin/python bench/eval_like.py DATA [--split train|dev] [--files 100] [--cli 5]

DATA holds ``verified_claims.tsv`` (id, claim, headline), ``SPLIT.queries.tsv``
(id, statement) and ``SPLIT.qrels`` (``query 0 claim 1`` per match). In a
temporary folder the verified claims become an archive of annotation files
(about a hundred claims each, each with its article: ``factmark check`` passes
on them; each headline is a claim's note or its source's title); every
statement is then ranked through the code ``search --like`` runs, in this
process, and a few through the real program, to see they agree. Printed:
MAP@5, and the share of matches the full-text stage hands to the ranking
(recall at ``likeness.CANDIDATES``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from archive_builder import Checked, write_checked

from factmark.desk import catalog, index, likeness
from factmark.desk.terms import key_terms, statement


def _rows(path: Path) -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def claim_id(number: str) -> str:
    return f"vc{int(number):05d}"


def build(data: Path, folder: Path, files: int) -> int:
    claims = [
        Checked(claim_id(row[0]), " ".join(row[1].split()), " ".join(row[2].split()))
        for row in _rows(data / "verified_claims.tsv")
    ]
    size = -(-len(claims) // files)
    for number in range(files):
        chunk = claims[number * size : (number + 1) * size]
        if chunk:
            write_checked(folder, f"checks{number:03d}", chunk)
    return len(claims)


def queries(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    said = {row[0]: row[1] for row in _rows(data / f"{split}.queries.tsv")}
    relevant: dict[str, set[str]] = defaultdict(set)
    for line in (data / f"{split}.qrels").read_text().splitlines():
        query, _, claim, _ = line.split()
        relevant[query].add(claim_id(claim))
    return said, relevant


def average_precision(ranked: Sequence[str], relevant: set[str], depth: int = 5) -> float:
    hits, total = 0, 0.0
    for position, found in enumerate(ranked[:depth], start=1):
        if found in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), depth)


def measure(folder: Path, said: dict[str, str], relevant: dict[str, set[str]]) -> None:
    total = recall = 0.0
    started = time.perf_counter()
    with catalog.opened(folder) as connection:
        for query, text in said.items():
            ranked = [row.claim for row, _ in likeness.rank(connection, text, top=5)]
            total += average_precision(ranked, relevant[query])
            terms = key_terms(statement(text))
            pool = {row.claim for row in index.candidates(connection, terms, likeness.CANDIDATES)}
            recall += len(pool & relevant[query]) / len(relevant[query])
    elapsed = (time.perf_counter() - started) / len(said)
    print(f"MAP@5 {total / len(said):.4f} over {len(said)} statements")
    print(f"recall@{likeness.CANDIDATES} of the full-text stage {recall / len(said):.4f}")
    print(f"{elapsed * 1000:.0f} ms a statement (ranking and recall together)")


def spot_check(folder: Path, said: dict[str, str], count: int) -> bool:
    """The real program ranks a few statements as this process does."""
    program = Path(sys.executable).parent / "factmark"
    agree = True
    with catalog.opened(folder) as connection:
        for text in list(said.values())[:count]:
            mine = [row.claim for row, _ in likeness.rank(connection, text)]
            result = subprocess.run(
                [str(program), "search", "--like", text, "--format", "json"],
                cwd=folder, capture_output=True, text=True, check=False,
            )  # fmt: skip
            theirs = [item["id"] for item in json.loads(result.stdout)["results"]]
            agree &= theirs == mine
    print(f"factmark search --like ranks {count} statements as in process: {agree}")
    return agree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder of claim-retrieval data")
    parser.add_argument("--split", default="train", help="train or dev (default: train)")
    parser.add_argument("--files", type=int, default=100, help="annotation files to spread over")
    parser.add_argument("--cli", type=int, default=5, help="statements to run through the program")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factmark-like-") as temporary:
        folder = Path(temporary)
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # the index, outside git
        started = time.perf_counter()
        count = build(args.data, folder, args.files)
        print(f"{count:,} claims in {args.files} files ({time.perf_counter() - started:.1f} s)")
        said, relevant = queries(args.data, args.split)
        measure(folder, said, relevant)
        return 0 if spot_check(folder, said, args.cli) else 1


if __name__ == "__main__":
    raise SystemExit(main())
