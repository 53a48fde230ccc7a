"""The review as a Rich table for the terminal (``factmark review``); Rich only."""

from __future__ import annotations

import os
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factmark.gitio.render import shorten
from factmark.linkview import links_seen_from
from factmark.model import AnnotationFile, Claim
from factmark.review import contradiction_pairs, shown_of
from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS, counted, one_line
from factmark.vocabulary import AnchorState


def print_table(
    document: AnnotationFile, claims: list[Claim], title: str, states: dict[str, AnchorState]
) -> None:
    """Claims as a table fitted to the terminal; plain text when piped or with NO_COLOR."""
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    shown = shown_of(len(claims), len(document.claims))
    table = Table(title=Text(f"Fact-check: {one_line(title)} · {shown}"), expand=False)
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("conf.", no_wrap=True)
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("src", justify="right", no_wrap=True)
    table.add_column("links", overflow="fold", ratio=1)
    ends = document.contradicted()
    paragraphs = {claim.id: claim.paragraph for claim in document.claims}
    quotes = {claim.id: claim.quote for claim in document.claims}
    for claim in claims:
        symbol = CONTRADICTED_SYMBOL if claim.id in ends else VERDICT_SYMBOLS[claim.verdict]
        verdict = Text(f"{symbol} {claim.verdict}")
        state = states.get(claim.id, AnchorState.ANCHORED)
        if not state.trusted:
            verdict.append(f"\n⚠ {state}", style="bold")
        table.add_row(
            Text(str(claim.paragraph or "?")), verdict, Text(claim.confidence),
            Text(one_line(" ".join(claim.quote.split()))), Text(str(len(claim.sources))),
            Text("; ".join(_links(document, claim, paragraphs, quotes))),
        )  # fmt: skip
    console.print(table)
    if not claims:
        console.print(Text("No claims match.", style="italic"))
    _print_contradictions(console, document, (claim.id for claim in claims), paragraphs)


def _links(
    document: AnnotationFile,
    claim: Claim,
    paragraphs: dict[str, int | None],
    quotes: dict[str, str],
) -> list[str]:
    """The claim's links, each as its verb, the other claim's paragraph and a short quote."""
    return [
        f"{view.verb} {view.other}"  # a claim of another file: named by its file and id
        if view.link.cross_file
        else f"{view.verb} ¶{paragraphs.get(view.other) or '?'} “{shorten(quotes[view.other], 24)}”"
        for view in links_seen_from(document, claim.id)
    ]


def _print_contradictions(
    console: Console,
    document: AnnotationFile,
    claim_ids: Iterable[str],
    paragraphs: dict[str, int | None],
) -> None:
    """The contradictions among the shown claims, each as its two quotes, under a count."""
    found = contradiction_pairs(document, claim_ids)
    if not found:
        return
    console.print(Text(f"\n{counted(len(found), 'contradiction')}", style="bold"))
    for item in found:
        first, second = (paragraphs[item[end]] or "?" for end in ("from", "to"))
        line = Text(f"¶{first} “{one_line(item['from_quote'])}”")
        line.append(f"\n   ≠ ¶{second} “{one_line(item['to_quote'])}”")
        console.print(line)
