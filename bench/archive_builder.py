"""Archives of annotation files for the benchmarks: each claim its own paragraph of an article.

``write_checked`` builds files through the model and the store (what ``factmark
check`` accepts, slower); ``write_fast`` writes the same shape of TOML as text,
for archives of thousands of files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factmark.anchor import Anchor, attach
from factmark.article import Article
from factmark.model import AnnotationFile, Claim, Source
from factmark.store import writer
from factmark.vocabulary import AnchorState

WHEN = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Checked:
    """A claim to archive: its id, what it says, and the headline of its fact-check."""

    id: str
    quote: str
    headline: str
    verdict: str = "inaccurate"


def _article(folder: Path, name: str, quotes: Sequence[str]) -> tuple[Path, Article]:
    path = folder / "seeds" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(quotes) + "\n", encoding="utf-8")
    return path, Article.read(path)


def write_checked(folder: Path, name: str, claims: Sequence[Checked]) -> Path:
    """``annotations/<name>.toml`` and ``seeds/<name>.txt``, one paragraph a claim.

    Every other headline is the claim's note, the others a source's title.
    """
    _, article = _article(folder, name, [claim.quote for claim in claims])
    built = []
    for number, checked in enumerate(claims, start=1):
        as_note = number % 2 == 0
        source = Source(citation="the fact-check", title="" if as_note else checked.headline)
        claim = Claim(
            id=checked.id,
            quote=checked.quote,
            verdict=checked.verdict,  # type: ignore[arg-type]
            note=checked.headline if as_note else "",
            author="Fact desk",
            created=WHEN,
            sources=[source],
        )
        anchor = Anchor(AnchorState.ANCHORED, number, 0, len(checked.quote), checked.quote)
        built.append(attach(claim, article, anchor))
    document = AnnotationFile(
        article=f"../seeds/{name}.txt", article_sha256=article.sha256, claims=built
    )
    path = folder / "annotations" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.save(document, path)
    return path


def toml_file(name: str, claims: Sequence[Checked]) -> str:
    """The TOML of an annotation file of ``claims`` (strings written as JSON writes them)."""
    lines = ['format = "factmark/1"', f'article = "../seeds/{name}.txt"']
    for number, claim in enumerate(claims, start=1):
        lines += [
            "",
            "[[claims]]",
            f'id = "{claim.id}"',
            f"quote = {json.dumps(claim.quote)}",
            f"paragraph = {number}",
            "start = 0",
            f'verdict = "{claim.verdict}"',
            f"note = {json.dumps(claim.headline)}",
            'tags = ["figures"]',
            'author = "Fact desk"',
            "created = 2026-11-27T09:00:00Z",
            "",
            "[[claims.sources]]",
            f'url = "https://example.org/checks/{claim.id}"',
            'title = "The fact-check"',
        ]
    return "\n".join(lines) + "\n"


def write_fast(folder: Path, name: str, claims: Sequence[Checked]) -> Path:
    """The same files as ``write_checked`` holds, written as text (no model, no anchoring)."""
    article = folder / "seeds" / f"{name}.txt"
    article.write_text("\n\n".join(claim.quote for claim in claims) + "\n", encoding="utf-8")
    path = folder / "annotations" / f"{name}.toml"
    path.write_text(toml_file(name, claims), encoding="utf-8")
    return path
