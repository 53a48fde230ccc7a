"""brat standoff (``.ann``): claims as text-bound annotations over the article.

Offsets are code points of the article's normalised text (brat reads the text
as Unicode characters). Write that text beside the ``.ann`` (``--text``) when
the article file has CRLF line ends or a BOM. A quote that runs over a soft
line break becomes a discontinuous span, as brat requires. Verdict and
confidence are attributes, links are relations named by their kind, notes are
``AnnotatorNotes``. A matching ``annotation.conf`` is in docs/brat.md.
"""

from __future__ import annotations

from typing import NamedTuple

from factmark.anchor import offset_at_hint
from factmark.article import Article
from factmark.model import AnnotationFile


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Standoff(NamedTuple):
    """The ``.ann`` text, and how many claims it leaves out (not where their hints say)."""

    text: str
    left_out: int


def export(document: AnnotationFile, article: Article) -> str:
    """The ``.ann`` text for the document's claims whose hints hold in the article."""
    return standoff(document, article).text


def standoff(document: AnnotationFile, article: Article) -> Standoff:
    """The ``.ann`` text for the document's claims whose hints hold in the article, and
    the count of those left out."""
    lines: list[str] = []
    names: dict[str, str] = {}
    attribute = note = left_out = 0
    for claim in document.sorted().claims:
        start = offset_at_hint(claim, article)
        if start is None:
            left_out += 1  # not where its hints say: re-anchor first
            continue
        fragments, cursor = [], start
        for piece in claim.quote.split("\n"):
            fragments.append(f"{cursor} {cursor + len(piece)}")
            cursor += len(piece) + 1
        name = f"T{len(names) + 1}"
        names[claim.id] = name
        shown = claim.quote.replace("\n", " ").replace("\t", " ")  # same length, one line
        lines.append(f"{name}\tClaim {';'.join(fragments)}\t{shown}")
        for kind, value in (("Verdict", claim.verdict), ("Confidence", claim.confidence)):
            attribute += 1
            lines.append(f"A{attribute}\t{kind} {name} {value}")
        text = " ".join(part for part in (f"id {claim.id}", _one_line(claim.note)) if part)
        note += 1
        lines.append(f"#{note}\tAnnotatorNotes {name}\t{text}")
    for number, link in enumerate(document.sorted().links, start=1):
        if link.source in names and link.target in names:
            lines.append(
                f"R{number}\t{link.kind} Arg1:{names[link.source]} Arg2:{names[link.target]}"
            )
    return Standoff("\n".join(lines) + ("\n" if lines else ""), left_out)
