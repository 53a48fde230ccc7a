"""One way to build claims, links and documents in tests, and one way to run factmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from factmark.model import AnnotationFile, Claim, Link

FACTMARK = Path(sys.executable).parent / "factmark"
"""The installed ``factmark`` program."""


def claim(
    claim_id: str,
    quote: str = "1,200 bodies",
    paragraph: int | None = None,
    start: int | None = None,
    **fields: Any,
) -> Claim:
    """A claim with these fields, validated as a file's claim is."""
    values: dict[str, Any] = {"id": claim_id, "quote": quote, **fields}
    if paragraph is not None:
        values["paragraph"] = paragraph
    if start is not None:
        values["start"] = start
    return Claim.model_validate(values)


def link(source: str, target: str, kind: str = "supports", note: str = "") -> Link:
    return Link.model_validate({"from": source, "to": target, "kind": kind, "note": note})


def document(
    *claims: Claim, links: list[Link] | None = None, article: str = "../seeds/a.txt"
) -> AnnotationFile:
    return AnnotationFile(article=article, claims=list(claims), links=links or [])


def factmark(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed ``factmark`` as a real program, its output captured."""
    return subprocess.run(
        [str(FACTMARK), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )
