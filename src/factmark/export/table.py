"""CSV: one row per claim, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) get a leading apostrophe: article
and annotation text is untrusted, and a cell must never become a command.
"""

from __future__ import annotations

import csv
import io

from factmark.linkview import links_seen_from
from factmark.model import AnnotationFile, Claim, Source, format_timestamp

COLUMNS = (
    "id", "paragraph", "start", "quote", "verdict", "confidence", "sources", "links", "note",
    "tags", "author", "created", "updated",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _source(source: Source) -> str:
    parts = [f"[{source.stance}]"] if source.stance else []
    parts.append(source.label)
    if source.url and source.url != source.label:
        parts.append(source.url)
    return " ".join(parts)


def _row(claim: Claim, document: AnnotationFile) -> list[str]:
    sources = " | ".join(_source(source) for source in claim.sources)
    links = " | ".join(
        f"{view.kind_by} {view.other}" for view in links_seen_from(document, claim.id)
    )
    values = [
        claim.id,
        str(claim.paragraph or ""),
        str(claim.start if claim.start is not None else ""),
        claim.quote,
        claim.verdict,
        claim.confidence,
        sources,
        links,
        claim.note,
        ", ".join(claim.tags),
        claim.author,
        format_timestamp(claim.created) if claim.created else "",
        format_timestamp(claim.updated) if claim.updated else "",
    ]
    return [_cell(value) for value in values]


def export(document: AnnotationFile) -> str:
    """The claims as CSV, in article order, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    document = document.sorted()
    for claim in document.claims:
        writer.writerow(_row(claim, document))
    return out.getvalue()
