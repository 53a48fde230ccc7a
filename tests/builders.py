"""One way to build claims, links and documents in tests, and one way to run factmark."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

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


def factmark(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed ``factmark`` as a real program, its output captured."""
    return _run([str(FACTMARK), *args], cwd, env)


def python(
    code: str, *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -c code args…`` in a fresh interpreter (what a module loads, on its own)."""
    return _run([sys.executable, "-c", code, *args], cwd, env)


def git(
    folder: Path, *args: str, env: Mapping[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` run in ``folder``; with ``check``, a failure raises."""
    result = _run(["git", *args], folder, env)
    if check:
        result.check_returncode()
    return result


def _run(
    command: list[str], cwd: Path | None, env: Mapping[str, str] | None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@dataclass(frozen=True)
class Ran:
    """What a command run in this process gave: its exit code and its output."""

    code: int
    out: str
    err: str


def in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> Ran:
    """``factmark`` run in this process (faster than the real program; same ``main``)."""
    from factmark.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


SEED = Path(__file__).resolve().parent / "data" / "seed"
"""The seed fact-check: seeds/ holds the article, annotations/ its annotation file."""
SEED_NAME = "000_207cb1c8ae6ad8ea"


def seed_copy(folder: Path, copy_edit: Callable[[str], str] = str) -> tuple[Path, Path]:
    """The seed article (after ``copy_edit``) and its annotation file copied into
    ``folder``/seeds and ``folder``/annotations; returns their paths."""
    (folder / "seeds").mkdir(parents=True)
    (folder / "annotations").mkdir()
    article = folder / "seeds" / f"{SEED_NAME}.txt"
    annotations = folder / "annotations" / f"{SEED_NAME}.toml"
    text = (SEED / "seeds" / article.name).read_text(encoding="utf-8")
    article.write_text(copy_edit(text), encoding="utf-8")
    shutil.copyfile(SEED / "annotations" / annotations.name, annotations)
    return article, annotations
