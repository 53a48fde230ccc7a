"""The reports behind check, reanchor, review and the brat export, shaped without the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from factmark.article import Article
from factmark.checking import CheckReport, FileReport, check_file
from factmark.export import brat
from factmark.model import AnnotationFile
from factmark.reanchoring import ReanchorReport
from factmark.review_table import print_table
from factmark.store import loading
from factmark.store.problems import Problem
from factmark.visible import one_line

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"
EDITED = ("even as it refuses to reciprocate", "as talks go on")  # the quote of one claim


def seed(*, edited: bool = False) -> tuple[AnnotationFile, Article]:
    article = Article.read(SEED_ARTICLE)
    if edited:
        article = Article(article.text.replace(*EDITED), SEED_ARTICLE)
    return loading.load(SEED_ANNOTATIONS).document, article


def test_a_check_report_counts_files_claims_and_problems() -> None:
    clean = check_file(SEED_ANNOTATIONS)
    assert CheckReport([clean]).summary() == "all clean (1 file, 20 claims)"
    bad = FileReport(Path("a.toml"), 1, [Problem(Path("a.toml"), "wrong", line=3, key="k")])
    report = CheckReport([clean, bad, bad])
    assert report.summary() == "2 problems (3 files, 22 claims)"
    data = report.as_data()
    assert data["problems"] == 2
    assert data["files"][0] == {"path": str(SEED_ANNOTATIONS), "claims": 20, "problems": []}
    assert data["files"][1]["problems"] == [
        {"line": 3, "column": None, "claim": None, "key": "k", "message": "wrong",
         "text": str(bad.problems[0])},
    ]  # fmt: skip


def test_a_reanchor_report_gives_rows_lines_and_a_summary() -> None:
    document, article = seed(edited=True)
    report = ReanchorReport.of(document, article)
    assert report.untrusted == 1
    assert report.summary() == "20 claims: 19 anchored, 0 moved, 0 changed, 1 orphan"
    rows = report.as_data()["claims"]
    assert [row["id"] for row in rows] == [claim.id for claim in document.claims]
    orphan = next(row for row in rows if row["state"] == "orphan")
    assert orphan["paragraph"] is orphan["start"] is orphan["found"] is None
    lines = report.lines()
    assert lines[0] == (
        "77m6vs  anchored  ¶1:21  "
        "'Russia’s Transfer of Ukrainian Soldier Bodies and the Asymmetry of Information'"
    )
    assert f"{orphan['id']}  orphan    -  'even as it refuses to reciprocate'" in lines


@pytest.mark.parametrize("edited", [False, True])
def test_brat_counts_the_claims_it_leaves_out(edited: bool) -> None:
    document, article = seed(edited=edited)
    exported = brat.standoff(document, article)
    assert exported.left_out == int(edited)
    assert exported.text.count("\tClaim ") == len(document.claims) - exported.left_out
    assert brat.export(document, article) == exported.text


def test_one_line_escapes_what_would_start_a_line_or_steer_the_terminal() -> None:
    assert one_line("a\nb\tc\x1b[31md\u202e") == "a\\nb\\tc\\x1b[31md\\u202e"


def test_the_review_table_prints_plain_text_with_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    document, _ = seed()
    print_table(document, [], "x\n[bold]y", {})
    out = capsys.readouterr().out
    assert "Fact-check: x\\n[bold]y · 0 of 20 claims" in out
    assert "No claims match." in out
    assert "\x1b[" not in out
