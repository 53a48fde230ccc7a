"""Links into another annotation file (factmark/2): the format, check, merge and the views."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from builders import SEED, SEED_NAME, claim, document, factmark, link
from factmark.crossfile import dangling, ref_to
from factmark.merge import merge
from factmark.model import AnnotationFile, split_ref
from factmark.store import loading, writer

HARBOUR = AnnotationFile(
    article="../seeds/harbour.txt",
    claims=[claim("hbr002", "The harbour reopened", 1, 4, verdict="accurate")],
)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """The seed's fact-check and a second article's, in one repository."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copy(SEED / "seeds" / f"{SEED_NAME}.txt", tmp_path / "seeds")
    shutil.copy(SEED / "annotations" / f"{SEED_NAME}.toml", tmp_path / "annotations")
    (tmp_path / "seeds" / "harbour.txt").write_text("The harbour reopened.\n", encoding="utf-8")
    writer.save(HARBOUR, tmp_path / "annotations" / "harbour.toml")
    return tmp_path


def link_seed_to(desk: Path, target: str) -> Path:
    path = desk / "annotations" / f"{SEED_NAME}.toml"
    seed = loading.load(path).document
    cross = link(seed.claims[0].id, target, "duplicates", "checked before")
    writer.save(seed.model_copy(update={"links": [*seed.links, cross]}), path)
    return path


def test_a_link_may_name_a_claim_of_another_file_and_makes_the_file_factmark_2() -> None:
    doc = document(claim("aaaa11"), links=[link("aaaa11", "harbour.toml#hbr002")])
    assert doc.links[0].cross_file
    assert doc.needed_format == "factmark/2"
    assert writer.dumps(doc).startswith('format = "factmark/2"\n')
    assert split_ref("../../desk/annotations/x.toml#a1b2c3") == (
        "../../desk/annotations/x.toml",
        "a1b2c3",
    )
    assert split_ref("a1b2c3") == (None, "a1b2c3")


@pytest.mark.parametrize("target", ["harbour#hbr002", "harbour.toml#HBR", "#hbr002", "a b"])
def test_a_link_to_anything_else_is_refused(target: str) -> None:
    with pytest.raises(ValidationError):
        link("aaaa11", target)


def test_a_link_only_starts_at_a_claim_of_its_own_file() -> None:
    with pytest.raises(ValidationError):
        link("harbour.toml#hbr002", "aaaa11")


def test_check_finds_the_claim_in_the_other_file(desk: Path) -> None:
    link_seed_to(desk, "harbour.toml#hbr002")
    result = factmark("check", cwd=desk)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("harbour.toml#zzzz99", "to: harbour.toml has no claim zzzz99"),
        ("nope.toml#hbr002", "to: nope.toml: no such annotation file"),
        ("../../elsewhere.toml#hbr002", "outside the repository"),
    ],
)
def test_check_reports_a_cross_file_link_that_leads_nowhere(
    desk: Path, target: str, why: str
) -> None:
    link_seed_to(desk, target)
    result = factmark("check", cwd=desk)
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if "link" in line]
    assert line.startswith(f"annotations/{SEED_NAME}.toml: link 1 (77m6vs -> ")
    assert why in line


def test_dangling_reads_each_other_file_once(desk: Path) -> None:
    path = link_seed_to(desk, "harbour.toml#hbr002")
    links = loading.load(path).document.links
    assert dangling(path, [*links, *links]) == []


def test_the_merge_keeps_a_cross_file_link_added_on_one_side() -> None:
    base = document(claim("aaaa11"))
    ours = base.model_copy(update={"links": [link("aaaa11", "harbour.toml#hbr002")]})
    result = merge(base, ours, base)
    assert result.clean
    assert [lk.target for lk in result.document.links] == ["harbour.toml#hbr002"]
    assert result.document.format == "factmark/2"


def test_the_review_and_the_exports_name_the_other_file(desk: Path) -> None:
    link_seed_to(desk, "harbour.toml#hbr002")
    article = f"seeds/{SEED_NAME}.txt"
    review = json.loads(factmark("review", article, "--format", "json", cwd=desk).stdout)
    (view,) = [lk for lk in review["claims"][0]["links"] if lk["claim"].endswith("#hbr002")]
    assert (view["claim"], view["quote"]) == ("harbour.toml#hbr002", None)
    page = factmark("export", article, "--format", "html", cwd=desk).stdout
    assert '<span class="other-file">harbour.toml#hbr002</span>' in page
    table = factmark("review", article, cwd=desk, env={"COLUMNS": "200"}).stdout
    assert "duplicates harbour.toml#hbr002" in table
    w3c = json.loads(factmark("export", article, "--format", "w3c", cwd=desk).stdout)
    linking = [a for a in w3c["first"]["items"] if a["motivation"] == "linking"]
    cross = [a for a in linking if "harbour.toml%23hbr002" in a["id"]]
    assert cross and cross[0]["body"][0]["value"] == "harbour.toml#hbr002"


def test_ref_to_names_the_other_file_relative_to_this_one(tmp_path: Path) -> None:
    here = tmp_path / "desk" / "annotations" / "a.toml"
    there = tmp_path / "other" / "annotations" / "x.toml"
    assert ref_to(here, there, "a1b2c3") == "../../other/annotations/x.toml#a1b2c3"


def test_a_contradiction_into_another_file_is_a_link_of_its_claim_not_a_pair(desk: Path) -> None:
    path = desk / "annotations" / f"{SEED_NAME}.toml"
    seed = loading.load(path).document
    cross = link(seed.claims[0].id, "harbour.toml#hbr002", "contradicts")
    writer.save(seed.model_copy(update={"links": [*seed.links, cross]}), path)
    table = factmark("review", str(path), cwd=desk, env={"COLUMNS": "160"})
    assert table.returncode == 0, table.stderr
    data = json.loads(factmark("review", str(path), "--format", "json", cwd=desk).stdout)
    assert all("#" not in pair["to"] for pair in data["contradictions"])
    exported = factmark("export", str(path), "--format", "html", cwd=desk)
    assert exported.returncode == 0, exported.stderr
    assert "harbour.toml#hbr002" in exported.stdout
