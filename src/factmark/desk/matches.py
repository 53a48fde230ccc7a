"""Claims found in the archive, and how ``factmark search`` prints them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factmark.desk.index import Row
from factmark.visible import UNSAFE, VERDICT_SYMBOLS, placeholder


@dataclass(frozen=True)
class Match:
    """A claim of the archive, where it is, and how well it matched (higher is better)."""

    annotations: Path
    """The annotation file holding the claim."""
    article: Path
    id: str
    quote: str
    verdict: str
    paragraph: int | None
    score: float
    author: str = ""
    updated: str = ""
    """When the claim last changed (or was made), ``YYYY-MM-DDTHH:MM:SSZ``; "" if unknown."""

    @classmethod
    def of(cls, row: Row, root: Path, score: float) -> Match:
        return cls(
            annotations=root / row.path,
            article=root / row.article if row.article else Path(),
            id=row.claim,
            quote=row.quote,
            verdict=row.verdict,
            paragraph=row.paragraph,
            score=score,
            author=row.author,
            updated=row.updated,
        )


def present(matches: Iterable[Match]) -> Iterator[Match]:
    """The matches whose annotation file is still there (one may vanish after indexing)."""
    return (match for match in matches if match.annotations.is_file())


def _relative(path: Path, folder: Path) -> str:
    if path == Path():
        return ""
    return Path(os.path.relpath(path, folder)).as_posix()


def as_data(matches: Iterable[Match], folder: Path) -> dict[str, Any]:
    """``{"results": [...]}`` for ``--format json``, paths relative to ``folder``."""
    return {
        "results": [
            {
                "annotations": _relative(match.annotations, folder),
                "article": _relative(match.article, folder),
                "id": match.id,
                "quote": match.quote,
                "verdict": match.verdict,
                "paragraph": match.paragraph,
                "score": round(match.score, 4),
                "author": match.author,
                "updated": match.updated or None,
            }
            for match in matches
        ]
    }


def _shown(text: str) -> str:
    """Text on one line, each hidden character as its placeholder."""
    return UNSAFE.sub(lambda found: placeholder(found.group()), text)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def lines(matches: Iterable[Match], folder: Path, width: int) -> Iterator[str]:
    """Two lines a claim, each at most ``width`` characters: where and what, then the quote."""
    for match in matches:
        symbol = VERDICT_SYMBOLS.get(match.verdict, "?")  # type: ignore[call-overload]
        where = _relative(match.annotations, folder)
        paragraph = f" ¶{match.paragraph}" if match.paragraph is not None else ""
        when = f" · {match.updated[:10]}" if match.updated else ""
        head = f"{match.score:5.2f} {symbol} {match.verdict} · {where}#{match.id}{paragraph}{when}"
        yield _cut(_shown(head), width)
        yield _cut("      " + _shown(match.quote), width)
