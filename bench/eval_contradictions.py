"""How well contradiction candidates are found: recall and precision, set by set.

Run it with the project's interpreter::

    .venv/bin/python bench/eval_contradictions.py [--verbose]

Each folder of ``tests/data/contradictions*`` holds news articles (``NAME.txt``)
with the contradictions planted in them (``NAME.json``: the two sentences of
each). For every set it prints how many planted contradictions are proposed
(recall), how many candidates there are in all (at most two per planted one is
the target), and how many are about figures that agree (none is the target). A
few answer files list ``also`` pairs: the figures of a planted contradiction said
again in a sentence the writer did not pair (a headline), which are true
contradictions and not counted as flagged.
The sets after the first were written apart from the rules; each README gives
the figures measured when the set was first read, before anything was changed
for it, which is what a new article meets.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factmark.article import Article
from factmark.assist.contradictions import candidates

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def measure(folder: Path, verbose: bool) -> tuple[int, int, int, int]:
    """Planted, proposed, candidates and flagged (about figures that agree) in a set."""
    planted = proposed = found = flagged = 0
    for path in sorted(folder.glob("*.txt")):
        answers = json.loads(path.with_suffix(".json").read_text("utf-8"))
        pairs = {(p["a"], p["b"]) for p in answers["planted"]}
        also = {(p["a"], p["b"]) for p in answers.get("also", [])}
        listed = candidates(Article.read(path))
        got = {(c.a.text, c.b.text) for c in listed}
        wrong = [c for c in listed if (c.a.text, c.b.text) not in pairs | also]
        planted, proposed = planted + len(pairs), proposed + len(pairs & got)
        found, flagged = found + len(listed), flagged + len(wrong)
        if verbose:
            for a, b in sorted(pairs - got):
                print(f"  missed  {path.stem}: {a[:60]!r} / {b[:60]!r}")
            for candidate in wrong:
                print(f"  flagged {path.stem}: {candidate.reason}")
    return planted, proposed, found, flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list what is missed and flagged")
    args = parser.parse_args()
    total = [0, 0, 0, 0]
    print(f"{'set':<28} {'planted':>7} {'proposed':>8} {'recall':>6} {'cands':>5} {'flagged':>7}")
    for folder in sorted(DATA.glob("contradictions*"), key=_order):
        counts = measure(folder, args.verbose)
        total = [t + n for t, n in zip(total, counts, strict=True)]
        print(_row(folder.name, *counts))
    print(_row("all", *total))


def _order(folder: Path) -> tuple[bool, int, str]:
    """The sets in the order they were written, heldout2 before heldout10, and the sets
    with nothing planted (``consistent``) last."""
    digits = "".join(c for c in folder.name if c.isdigit())
    number = int(digits) if digits else 1 if folder.name.endswith("heldout") else 0
    return ("consistent" in folder.name, number, folder.name)


def _row(name: str, planted: int, proposed: int, found: int, flagged: int) -> str:
    recall = proposed / planted if planted else 0.0
    return f"{name:<28} {planted:>7} {proposed:>8} {recall:>6.2f} {found:>5} {flagged:>7}"


if __name__ == "__main__":
    main()
