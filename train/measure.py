"""Measure the check-worthiness model the way an editor meets it: whole transcripts
and articles through factmark's own pipeline (paragraphs, sentence splitting,
speaker labels, scoring), sentences ranked per document, mean average precision.

    python train/measure.py                # the shipped model
    python train/measure.py --folds 4      # also: debates held out of training

Transcripts are rebuilt from the ClaimBuster files: a debate's sentences in line
order, one paragraph per turn led by the speaker's name ("OBAMA: …"). A
sentence factmark finds is a positive when it overlaps a sentence labelled
check-worthy (Verdict 1). ``--folds K`` trains K models, each without a K-th of
the debates of crowdsourced.csv, and measures each on the debates it never saw.
The articles are the seed (positives: the sentences its fact-check claims) and
the news articles of tests/data/checkworthy/ (positives listed beside each).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

from checkworthy import DATA, Row, Settings, average_precision, fit, read_rows  # noqa: E402

from factmark.article import Article  # noqa: E402
from factmark.assist.checkworthy import Model, load  # noqa: E402
from factmark.assist.suggest import sentences  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "checkworthy"
SEED = ROOT / "tests" / "data" / "seed"


@dataclass(frozen=True)
class Document:
    """A text to score and where its positives are: (paragraph, start, end) spans."""

    name: str
    text: str
    positives: list[tuple[int, int, int]]


def transcript(name: str, rows: Sequence[Row]) -> Document:
    """A debate as an article: one paragraph per turn, "SPEAKER: " leading it."""
    paragraphs, positives = [], []
    ordered = sorted(rows, key=lambda row: row.line)
    for number, (speaker, turn) in enumerate(groupby(ordered, key=lambda r: r.speaker), 1):
        text = speaker.split()[-1].upper() + ":"
        for row in turn:
            text += " "
            if row.label:
                positives.append((number, len(text), len(text) + len(row.text)))
            text += " ".join(row.text.split())
        paragraphs.append(text)
    return Document(name, "\n\n".join(paragraphs) + "\n", positives)


def transcripts(rows: Sequence[Row]) -> list[Document]:
    by_file = sorted(rows, key=lambda row: row.file)
    return [transcript(name, list(group)) for name, group in groupby(by_file, lambda r: r.file)]


def document_ap(document: Document, model: Model) -> float:
    found = sentences(Article(document.text), model=model)
    labels = [
        int(any(p == s.paragraph and a < s.end and s.start < b for p, a, b in document.positives))
        for s in found
    ]
    return average_precision([s.score for s in found], labels)


def articles() -> list[Document]:
    """The seed, its claims as positives, and the news articles with their listed ones."""
    from factmark.anchor import locate_all
    from factmark.store import loading

    loaded = loading.load(SEED / "annotations" / "000_207cb1c8ae6ad8ea.toml")
    article = loading.read_article(loaded)
    spans = [
        (a.paragraph, a.start, a.end)
        for a in locate_all(loaded.document, article).values()
        if a.paragraph is not None and a.start is not None and a.end is not None
    ]
    documents = [Document("seed", article.text, spans)]
    for path in sorted(ARTICLES.glob("*.txt")):
        listed = json.loads(path.with_suffix(".json").read_text("utf-8"))
        news = Article(path.read_text("utf-8"))
        found = []
        for quote in listed["checkworthy"]:
            paragraph = next(p for p in news.paragraphs if quote in p.text)
            start = paragraph.text.index(quote)
            found.append((paragraph.number, start, start + len(quote)))
        documents.append(Document(path.stem, news.text, found))
    return documents


def mean_ap(documents: Sequence[Document], model: Model) -> float:
    return statistics.mean(document_ap(document, model) for document in documents)


def held_out(rows: Sequence[Row], folds: int, settings: Settings) -> float:
    """MAP over the debates of ``rows``, each scored by a model that never saw it."""
    from array import array

    files = sorted({row.file for row in rows})
    scores = []
    for fold in range(folds):
        held = set(files[fold::folds])
        weights = fit([row for row in rows if row.file not in held], settings)
        model = Model(array("f", weights))
        documents = transcripts([row for row in rows if row.file in held])
        scores += [document_ap(document, model) for document in documents]
    return statistics.mean(scores)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=0, help="also measure held-out debates")
    args = parser.parse_args(argv)
    model = load()
    truth = transcripts(read_rows(DATA / "groundtruth.csv"))
    print(f"groundtruth.csv as {len(truth)} transcripts: MAP {mean_ap(truth, model):.4f}")
    for document in articles():
        print(f"article {document.name}: AP {document_ap(document, model):.4f}")
    if args.folds:
        crowd = read_rows(DATA / "crowdsourced.csv")
        score = held_out(crowd, args.folds, Settings())
        print(f"crowdsourced.csv, {args.folds} folds of debates held out: MAP {score:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
