"""brat standoff and CSV exports of the seed fact-check."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from factmark.article import Article
from factmark.cli import main
from factmark.export import brat, table
from factmark.model import AnnotationFile, Claim
from factmark.store import loading

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"


def seed() -> tuple[AnnotationFile, Article]:
    return loading.load(SEED_ANNOTATIONS).document, Article.read(SEED_ARTICLE)


def test_brat_offsets_are_code_points_of_the_article_for_every_claim() -> None:
    document, article = seed()
    spans = [line.split("\t") for line in brat.export(document, article).splitlines()]
    claims = [span for span in spans if span[0].startswith("T")]
    assert len(claims) == len(document.claims)
    for _, kind_and_offsets, shown in claims:
        kind, offsets = kind_and_offsets.split(" ", 1)
        assert kind == "Claim"
        pieces = [article.text[int(a) : int(b)] for a, b in (f.split() for f in offsets.split(";"))]
        assert " ".join(pieces) == shown
    # the seed's curly quotes come before many claims: code points, not bytes
    assert any("’" in article.text[: int(c[1].split()[1])] for c in claims)


def test_brat_attributes_relations_and_notes() -> None:
    document, article = seed()
    lines = brat.export(document, article).splitlines()
    verdicts = [line for line in lines if line.startswith("A") and "\tVerdict " in line]
    relations = [line for line in lines if line.startswith("R")]
    notes = [line for line in lines if line.startswith("#")]
    assert len(verdicts) == len(notes) == len(document.claims)
    assert len(relations) == len(document.links)
    assert sum("\tcontradicts Arg1:T" in line for line in relations) == len(
        document.contradiction_links()
    )


def test_brat_splits_a_quote_over_a_soft_line_break() -> None:
    article = Article("Intro.\n\nRussia returned\n1,200 bodies today.\n")
    claim = Claim(id="soft01", quote="returned\n1,200 bodies", paragraph=2, start=7)
    text = brat.export(AnnotationFile(article="a.txt", claims=[claim]), article)
    first = text.splitlines()[0].split("\t")
    assert first[1] == "Claim 15 23;24 36"
    assert article.text[15:23] == "returned" and article.text[24:36] == "1,200 bodies"
    assert first[2] == "returned 1,200 bodies"


def test_csv_has_a_row_per_claim_in_article_order() -> None:
    document, _ = seed()
    rows = list(csv.reader(io.StringIO(table.export(document))))
    assert tuple(rows[0]) == table.COLUMNS
    assert [row[0] for row in rows[1:]] == [c.id for c in document.sorted().claims]
    by_id = {row[0]: row for row in rows[1:]}
    for claim in document.claims:
        row = by_id[claim.id]
        assert row[3] == claim.quote and row[4] == claim.verdict and row[8] == claim.note


def test_csv_never_lets_a_cell_become_a_formula() -> None:
    claim = Claim(id="form01", quote='=HYPERLINK("http://x")', note="+1 says", tags=["@a"])
    rows = list(csv.reader(io.StringIO(table.export(AnnotationFile(article="a", claims=[claim])))))
    assert rows[1][3] == '\'=HYPERLINK("http://x")' and rows[1][8] == "'+1 says"
    assert rows[1][9] == "'@a"


@pytest.mark.parametrize("kind", ["brat", "csv"])
def test_the_export_command_writes_each_format(kind: str, tmp_path: Path) -> None:
    out = tmp_path / f"seed.{kind}"
    assert main(["export", str(SEED_ARTICLE), "--format", kind, "-o", str(out)]) == 0
    document, article = seed()
    expected = brat.export(document, article) if kind == "brat" else table.export(document)
    assert out.read_text("utf-8") == expected


def test_an_unknown_format_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x"
    assert main(["export", str(SEED_ARTICLE), "--format", "docx", "-o", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not out.exists()
