"""``factmark search`` and ``search --like``: what an editor types and what comes back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builders import claim, document, factmark, in_process
from factmark.desk.likeness import checked_before
from factmark.store import writer


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def save(folder: Path, name: str, *quotes: tuple[str, str, str]) -> Path:
    """An annotation file of claims given as (id, quote, note)."""
    claims = [
        claim(claim_id, quote, paragraph=number, start=0, note=note, verdict="inaccurate")
        for number, (claim_id, quote, note) in enumerate(quotes, start=1)
    ]
    path = folder / "annotations" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.save(document(*claims, article=f"../seeds/{name}.txt"), path)
    return path


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose archive holds claims about a bridge, a harbour and a census."""
    root = tmp_path / "desk"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    save(
        root, "city",
        ("brg001", "The new bridge over the river cost 4.2 million euros",
         "The council's accounts give 4.2 million."),
        ("brg002", "The old bridge was built in 1912", "Built 1908-1912."),
        ("cns001", "The city counted 1,212 new residents last year", "Census office."),
    )  # fmt: skip
    save(
        root, "port",
        ("hbr001", "The harbour turned away 40 ships in May", "Port authority's May report."),
        ("hbr002", "Mayor Ilse Brandt says river traffic fell by half", "It fell by a third."),
    )  # fmt: skip
    monkeypatch.chdir(root)
    return root


def test_like_finds_a_paraphrase_first(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = (
        "Our council paid €4.2m for that river bridge!!! 😡 https://t.co/abc "
        "#BridgeScandal — Jo Bloggs (@jobloggs) May 3, 2026"
    )
    ran = in_process(["search", "--like", said, "--format", "json"], capsys)
    results = json.loads(ran.out)["results"]
    assert ran.code == 0 and results[0]["id"] == "brg001"
    assert len(results) == 5  # every claim of the archive, however unlike: no score cutoff
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_like_weighs_names_and_figures(desk: Path) -> None:
    assert checked_before("Brandt: traffic on the river halved", desk)[0].id == "hbr002"
    assert checked_before("1212 more people live in the city now", desk)[0].id == "cns001"


def test_checked_before_leaves_out_the_file_being_edited(desk: Path) -> None:
    found = checked_before(
        "the bridge cost 4.2 million", desk, exclude=Path("annotations/city.toml")
    )
    assert {match.annotations.name for match in found} == {"port.toml"}


def test_the_same_claim_in_two_files_comes_in_the_order_of_the_files(desk: Path) -> None:
    from factmark.desk.search import find

    same = ("dup001", "Tolls on the ferry doubled in 2025", "Tolls rose by 90%.")
    save(desk, "zebra", same)
    assert checked_before("ferry tolls doubled", desk)[0].annotations.name == "zebra.toml"
    save(desk, "alpha", same)  # indexed after zebra
    found = checked_before("ferry tolls doubled", desk)
    assert [match.annotations.name for match in found[:2]] == ["alpha.toml", "zebra.toml"]
    assert [match.annotations.name for match in find("ferry", desk)] == ["alpha.toml", "zebra.toml"]


def test_checked_before_tells_its_caller_what_it_left_out(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / "annotations" / "broken.toml").write_text("format = ", encoding="utf-8")
    notes: list[str] = []
    assert checked_before("the bridge cost 4.2 million", desk, note=notes.append)[0].id == "brg001"
    assert len(notes) == 1 and "broken.toml" in notes[0] and "left out" in notes[0]
    assert capsys.readouterr().err == ""


def test_json_has_the_documented_shape_with_paths_relative_to_here(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(desk / "annotations")
    ran = in_process(["search", "1,212", "--format", "json"], capsys)
    assert ran.code == 0
    (result,) = json.loads(ran.out)["results"]
    assert result == {
        "annotations": "city.toml",
        "article": "../seeds/city.txt",
        "id": "cns001",
        "quote": "The city counted 1,212 new residents last year",
        "verdict": "inaccurate",
        "paragraph": 3,
        "score": result["score"],
        "author": "",
        "updated": None,
    }
    assert isinstance(result["score"], float)


def test_text_lines_fit_the_width_and_show_hidden_characters(desk: Path) -> None:
    from factmark.desk import matches

    save(desk, "odd", ("odd001", "Bridge\x1b[31m tolls\u202e rose " + "and rose " * 20, "A note"))
    found = checked_before("bridge tolls rose", desk)
    lines = list(matches.lines(found, desk, 60))
    assert len(lines) == 2 * len(found) and all(len(line) <= 60 for line in lines)
    assert lines[1].startswith("      Bridge␛[31m tolls◇ rose") and lines[1].endswith("…")


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1), from util-linux")
def test_text_fits_the_terminal_and_shows_hidden_characters(desk: Path) -> None:
    save(desk, "odd", ("odd001", "Bridge\x1b[31m tolls\u202e rose", "A note"))
    ran = subprocess.run(
        ["script", "-qec", f"stty cols 60; {Path(factmark_path())} search bridge", "/dev/null"],
        capture_output=True, text=True, cwd=desk, check=False,
    )  # fmt: skip
    lines = [line for line in ran.stdout.splitlines() if line.strip()]
    assert lines and all(len(line.rstrip("\r")) <= 60 for line in lines)
    assert "\x1b[31m" not in ran.stdout and "\u202e" not in ran.stdout
    assert "␛[31m tolls◇ rose" in ran.stdout


def factmark_path() -> str:
    from builders import FACTMARK

    return str(FACTMARK)


@pytest.mark.parametrize("terminal", [False, True])
def test_a_long_build_shows_its_progress_on_a_terminal_only(
    desk: Path, terminal: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factmark.desk import progress

    monkeypatch.setattr(progress, "SHOWN_FROM", 1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    ran = in_process(["search", "bridge"], capsys)
    assert ran.code == 0
    assert ("indexing the archive" in ran.err) is terminal


def test_nothing_found_is_exit_1_and_an_empty_list(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = in_process(["search", "zeppelin", "--format", "json"], capsys)
    assert (ran.code, json.loads(ran.out), ran.err) == (1, {"results": []}, "")


def test_a_repository_without_annotation_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path / "empty")], check=True)
    monkeypatch.chdir(tmp_path / "empty")
    ran = in_process(["search", "--like", "the bridge cost 4.2 million"], capsys)
    assert (ran.code, ran.out, ran.err) == (1, "", "")


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["search"], "give QUERY, --like TEXT, --verdict or --tag"),
        (["search", "bridge", "--like", "a bridge"], "not both"),
        (["search", "--like", "  "], "--like needs a statement"),
        (["search", "bridge", "--top", "0"], "not a number of claims"),
        (["search", "--verdict", "wrong"], "invalid choice"),
    ],
)
def test_unusable_arguments_are_one_line_and_exit_2(
    desk: Path, args: list[str], wanted: str
) -> None:
    ran = factmark(*args, cwd=desk)
    assert ran.returncode == 2 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and ran.stderr.startswith("factmark: ")
    assert wanted in ran.stderr
