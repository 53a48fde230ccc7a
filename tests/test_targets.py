"""review and export without an ARTICLE take the obvious one, or say which there are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factmark.cli import main

SEED = Path(__file__).parent / "data" / "seed"
STEM = "000_207cb1c8ae6ad8ea"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    shutil.copytree(SEED, tmp_path / "desk")
    (tmp_path / "desk" / ".git").mkdir()  # the repository's root, as git marks it
    return tmp_path / "desk"


def test_from_the_repository_root_the_one_annotation_file_is_taken(
    desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(desk)
    assert main(["review", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Fact-check: 000\\_207cb1c8ae6ad8ea.txt")
    assert main(["export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,")


@pytest.mark.parametrize("folder", ["seeds", "annotations"])
def test_from_the_articles_folder_or_the_annotations_folder(
    desk: Path, folder: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(desk / folder)
    assert main(["review", "--format", "json"]) == 0
    assert f'"article": "../seeds/{STEM}.txt"' in capsys.readouterr().out


def test_several_articles_are_listed_in_one_line(
    desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("b", "c"):
        shutil.copy(desk / "annotations" / f"{STEM}.toml", desk / "annotations" / f"{name}.toml")
    monkeypatch.chdir(desk)
    assert main(["review"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"desk: 3 articles to choose from (annotations/{STEM}.toml, annotations/b.toml," in err
    assert err.endswith("annotations/c.toml); name one\n")


def test_nothing_to_review_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "w3c"]) == 2
    assert capsys.readouterr().err == (
        f"factmark: {tmp_path}: no annotation file here or above; name an ARTICLE\n"
    )


def test_help_names_the_argument_article(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("review", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "[ARTICLE]" in out and "TARGET" not in out
