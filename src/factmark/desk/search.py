"""``factmark search``: claims of the archive by words, figures, verdict, tag or source address."""

from __future__ import annotations

import os
from pathlib import Path

from factmark.desk import catalog, index
from factmark.desk.matches import Match, present
from factmark.desk.terms import index_terms


def phrases(query: str) -> list[list[str]]:
    """Each word of the query as the index's terms: a figure, a stem, or a URL's parts in order.

    "1,212" and "1212" give the same term; "https://example.org/a-b" one phrase
    of its parts, which only that address (or one that contains it) holds.
    """
    return [terms for chunk in query.split() if (terms := index_terms(chunk).split())]


def find(
    query: str,
    archive_root: Path,
    *,
    verdict: str | None = None,
    tag: str | None = None,
    top: int | None = None,
) -> list[Match]:
    """The archive's claims that hold every word of ``query`` (and the verdict and tag), best first.

    Without words, every claim with the verdict and tag, the latest changed first.
    """
    root = Path(os.path.abspath(archive_root))
    words = phrases(query)
    rows = catalog.query(
        root,
        lambda connection: index.search(connection, words, verdict=verdict, tag=tag, limit=top),
    )
    return list(present(Match.of(row, root, row.rank) for row in rows))
