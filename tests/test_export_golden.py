"""Golden files: every export format of the seed fact-check, byte for byte.

A change to an exporter shows here as a diff of its output. When the change is
meant, regenerate with ``FACTMARK_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py``
and read the diff of ``tests/data/golden`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factmark.cli import EXPORT_FORMATS, main

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
GOLDEN = ROOT / "tests" / "data" / "golden"
SUFFIXES = {
    "w3c": "w3c.json",
    "claimreview": "claimreview.json",
    "brat": "ann",
    "markdown": "md",
    "html": "html",
    "csv": "csv",
}
OPTIONS = {
    "w3c": ["--article-uri", "https://news.example/2025/06/transfer"],
    "claimreview": [
        "--article-uri", "https://news.example/2025/06/transfer",
        "--publisher", "The Desk", "--publisher-url", "https://desk.example",
        "--url-base", "https://desk.example/fact-checks/transfer",
    ],
}  # fmt: skip
EPOCH = "1750000000"
"""SOURCE_DATE_EPOCH for the golden files: 2025-06-15, the date of a review without one."""


def test_every_format_has_a_golden_file() -> None:
    assert set(SUFFIXES) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("kind", EXPORT_FORMATS)
def test_the_export_matches_its_golden_file(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    output = tmp_path / f"out.{SUFFIXES[kind]}"
    arguments = ["export", str(SEED_ARTICLE), "--format", kind, "-o", str(output)]
    assert main([*arguments, *OPTIONS.get(kind, [])]) == 0
    golden = GOLDEN / f"000_207cb1c8ae6ad8ea.{SUFFIXES[kind]}"
    if os.environ.get("FACTMARK_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(output.read_bytes())
    assert output.read_bytes() == golden.read_bytes(), f"{kind} export differs from {golden}"
