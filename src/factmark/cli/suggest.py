"""``factmark suggest``: the sentences worth checking, and the article's contradictions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factmark.cli import EXIT_OK

if TYPE_CHECKING:
    from factmark.cli import Commands


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return number


def register(commands: Commands) -> None:
    suggest = commands.add_parser(
        "suggest",
        help="score every sentence for check-worthiness, with its reasons",
        description="Score every sentence of an article for check-worthiness (0 to 1) and "
        "say why (number, quantity, date, attribution, comparison, superlative, causal, "
        "quote, change); list contradiction candidates. Offline. text lists the best "
        "sentences first; json lists every sentence in article order (docs/design.md §10).",
    )
    suggest.add_argument("article", metavar="ARTICLE", help="an article or its annotation file")
    suggest.add_argument("--format", choices=("text", "json"), default="text")
    suggest.add_argument(
        "--top", type=_count, metavar="N", help="text: how many sentences (default: a screenful)"
    )
    suggest.set_defaults(run=run_suggest)


def run_suggest(args: argparse.Namespace) -> int:
    import gc

    from factmark import targets
    from factmark.assist.alongside import Alongside
    from factmark.assist.spans import spans
    from factmark.assist.suggest import report

    # The report makes some hundred thousand small objects that hold no cycles, once,
    # before the program ends: the cyclic collector would only walk them (a tenth of
    # the time on a book), here and in the process that pairs.
    gc.disable()

    found = targets.resolve(Path(args.article))
    # The sentences are cut once, before the process that pairs is forked with them; it
    # pairs while the annotations load here.
    alongside = Alongside(found.article, spans(found.article))
    document = None
    if found.loaded is not None:
        document = found.loaded.document
    elif found.annotation_path.exists():
        from factmark.store import loading

        document = loading.load(found.annotation_path).document
    data = report(found.article, str(found.article_path), document, alongside=alongside)
    if args.format == "json":
        sys.stdout.write(as_json(data))
    else:
        print_top(data, args.top)
    gc.freeze()  # and not walked once more as the interpreter ends
    return EXIT_OK


def as_json(data: dict[str, Any]) -> str:
    """The report as JSON, one sentence and one candidate a line.

    Encoded a line at a time by json's C encoder (which ``indent`` turns off) and
    written at once: a book's 9,000 sentences take a tenth of a second, not a second.
    """
    import json

    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every line

    def rows(items: list[Any]) -> str:
        if not items:
            return "[]"
        lines = ",\n".join(f"    {encode(item)}" for item in items)
        return f"[\n{lines}\n  ]"

    article = encode(data["article"])
    return (
        f'{{\n  "article": {article},\n  "sentences": {rows(data["sentences"])},\n'
        f'  "contradictions": {rows(data["contradictions"])}\n}}\n'
    )


CANDIDATES_SHOWN = 5
"""Contradiction candidates the text lists after the sentences (JSON lists them all)."""


def print_top(data: dict[str, Any], top: int | None) -> None:
    """The best-scoring sentences, one a line: score, paragraph, text, reasons; then the
    best contradiction candidates: score, the two paragraphs, the reason."""
    import shutil

    from factmark.visible import one_line

    size = shutil.get_terminal_size()
    candidates = data["contradictions"]
    shown = candidates[:CANDIDATES_SHOWN]
    below = len(shown) + 2 + (len(candidates) > len(shown)) if shown else 0
    count = top if top is not None else max(1, size.lines - 2 - below)
    ranked = sorted(data["sentences"], key=lambda sentence: -sentence["score"])[:count]
    for sentence in ranked:
        head = f"{sentence['score']:.2f} ¶{sentence['paragraph']:<3} "
        tail = f"  {', '.join(sentence['reasons'])}" if sentence["reasons"] else ""
        room = max(10, size.columns - len(head) - len(tail))
        print(f"{head}{_excerpt(one_line(sentence['text']), room)}{tail}")
    if not shown:
        return
    print(f"\nContradiction candidates, best first ({len(shown)} of {len(candidates)}):")
    for candidate in shown:
        first, second = candidate["a"]["paragraph"], candidate["b"]["paragraph"]
        head = f"{candidate['score']:.2f} ¶{first} / ¶{second}  "
        room = max(10, size.columns - len(head))
        print(f"{head}{_excerpt(one_line(candidate['reason']), room)}")
    if len(candidates) > len(shown):
        print(f"… {len(candidates) - len(shown)} more: --format json lists them all")


def _excerpt(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
