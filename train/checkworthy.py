"""Train the check-worthiness model that ships in factmark (src/factmark/assist/).

Run from a clone, with any Python ≥ 3.11 and nothing installed::

    python train/checkworthy.py

It reads data/claimbuster/crowdsourced.csv (the only file it learns from:
check-worthy sentences, Verdict 1, against the rest, 0 and -1), fits a logistic
regression over the features of factmark.assist.features, measures average
precision on data/claimbuster/groundtruth.csv (never learned from), and writes
src/factmark/assist/checkworthy.json. Pure Python and seeded: two runs write
the same bytes. ``--rows N`` learns from the first N rows only (a quick run);
``--out`` writes elsewhere.
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import math
import random
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factmark.assist.features import BUCKETS, features  # noqa: E402

DATA = ROOT / "data" / "claimbuster"
MODEL = ROOT / "src" / "factmark" / "assist" / "checkworthy.json"
FORMAT = "factmark-checkworthy/1"


@dataclass(frozen=True)
class Settings:
    """How the model is fitted: AdaGrad on the logistic loss, L2-regularised."""

    epochs: int = 12
    rate: float = 0.02
    l2: float = 1e-6
    seed: int = 2026


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    speaker: str
    file: str
    line: int


def read_rows(path: Path, limit: int | None = None) -> list[Row]:
    """The labelled sentences of a ClaimBuster file: label 1 for Verdict 1, else 0."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Row(r["Text"], int(r["Verdict"] == "1"), r["Speaker"], r["File_id"],
                int(r["Line_number"]))
            for r in csv.DictReader(handle)
        ]  # fmt: skip
    return rows[:limit] if limit is not None else rows


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows: Sequence[Row], settings: Settings = Settings()) -> array[float]:
    """The weights of a logistic regression over the rows' hashed features."""
    examples = [(features(row.text), row.label) for row in rows]
    weights = array("d", bytes(8 * BUCKETS))
    squares = array("d", [1e-6]) * BUCKETS
    rng = random.Random(settings.seed)
    order = list(range(len(examples)))
    rate, l2 = settings.rate, settings.l2
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            indices, label = examples[i]
            error = _sigmoid(sum(weights[j] for j in indices)) - label
            for j in indices:
                gradient = error + l2 * weights[j]
                squares[j] += gradient * gradient
                weights[j] -= rate * gradient / math.sqrt(squares[j])
    return array("f", weights)  # float32: what ships, and what is measured


def scores(weights: array[float], texts: Sequence[str]) -> list[float]:
    return [_sigmoid(sum(weights[j] for j in features(text))) for text in texts]


def average_precision(scored: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of a ranking (ties kept in the given order): 0 with no positive."""
    ranked = sorted(range(len(scored)), key=lambda i: -scored[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(ranked, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def encode(weights: array[float], settings: Settings, rows: int, ap: float) -> bytes:
    """The model file: settings, provenance and the weights (float32, deflated, base64)."""
    packed = array("f", weights)
    if sys.byteorder != "little":
        packed.byteswap()
    document = {
        "format": FORMAT,
        "buckets": BUCKETS,
        "trained_on": "data/claimbuster/crowdsourced.csv",
        "rows": rows,
        "settings": vars(settings),
        "groundtruth_average_precision": round(ap, 4),
        "weights": base64.b64encode(zlib.compress(packed.tobytes(), 9)).decode("ascii"),
    }
    return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--rows", type=int, default=None, help="learn from the first N rows")
    parser.add_argument("--epochs", type=int, default=Settings.epochs)
    args = parser.parse_args(argv)
    settings = Settings(epochs=args.epochs)
    train = read_rows(args.data / "crowdsourced.csv", args.rows)
    weights = fit(train, settings)
    test = read_rows(args.data / "groundtruth.csv")
    ap = average_precision(scores(weights, [r.text for r in test]), [r.label for r in test])
    args.out.write_bytes(encode(weights, settings, len(train), ap))
    print(f"trained on {len(train)} sentences; groundtruth.csv average precision {ap:.4f}")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
