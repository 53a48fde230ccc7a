"""``factmark export`` on bad input: one line, exit 2, no output file left behind or changed.

And the ClaimReview options, which only the command line gives.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import factmark
from factmark.cli import EXPORT_FORMATS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed"
NAME = "000_207cb1c8ae6ad8ea"


@pytest.fixture(autouse=True)
def no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the seed article and its fact-check; the article's path."""
    shutil.copytree(SEED / "seeds", tmp_path / "seeds")
    shutil.copytree(SEED / "annotations", tmp_path / "annotations")
    return tmp_path / "seeds" / f"{NAME}.txt"


def _broken_annotations(article: Path) -> list[str]:
    annotations = article.parent.parent / "annotations" / f"{NAME}.toml"
    text = annotations.read_text("utf-8")
    annotations.write_text(text.replace('verdict = "', 'verdict = "maybe-', 1), "utf-8")
    return [str(article)]


def _folder(article: Path) -> list[str]:
    return [str(article.parent)]


def _missing(article: Path) -> list[str]:
    return [str(article.with_name("missing.txt"))]


def _binary(article: Path) -> list[str]:
    target = article.with_name("picture.png")
    target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    return [str(target)]


def _no_annotations(article: Path) -> list[str]:
    target = article.with_name("other.txt")
    target.write_text("An article nobody has annotated.\n", "utf-8")
    return [str(target)]


BAD_TARGETS: dict[str, Callable[[Path], list[str]]] = {
    "annotation file with problems": _broken_annotations,
    "a folder": _folder,
    "a missing file": _missing,
    "not text": _binary,
    "an article without annotations": _no_annotations,
}


@pytest.mark.parametrize("kind", EXPORT_FORMATS)
@pytest.mark.parametrize("case", BAD_TARGETS)
def test_a_bad_target_is_one_line_exit_2_and_leaves_the_output_alone(
    case: str, kind: str, seed: Path
) -> None:
    target = BAD_TARGETS[case](seed)
    out = seed.parent.parent / "out" / f"export.{kind}"
    out.parent.mkdir()
    out.write_text("what was here before\n", "utf-8")
    result = factmark("export", *target, "--format", kind, "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factmark: ")
    assert "Traceback" not in result.stderr
    assert out.read_text("utf-8") == "what was here before\n"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left


@pytest.mark.parametrize(
    "arguments",
    [
        ["--format", "docx"],
        ["--format", "html", "-o", "{missing_folder}/page.html"],
        ["--format", "claimreview", "--url-base", "javascript:alert(1)"],
        ["--format", "claimreview", "--publisher-url", "https://desk.example"],
        ["--format", "claimreview", "--article-uri", "file:///tmp/article.txt"],
    ],
    ids=[
        "unknown format",
        "unwritable output",
        "bad url base",
        "url without publisher",
        "file IRI for claimreview",
    ],
)
def test_bad_options_are_one_line_and_exit_2(arguments: list[str], seed: Path) -> None:
    missing = seed.parent / "no" / "such" / "folder"
    arguments = [a.replace("{missing_folder}", str(missing)) for a in arguments]
    result = factmark("export", str(seed), *arguments)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factmark: ")
    assert result.stdout == ""
    assert not missing.exists()


def test_a_read_only_folder_is_one_line_and_exit_2(seed: Path) -> None:
    if os.geteuid() == 0:
        # root writes anywhere: a path under a regular file cannot be created by anyone
        out = seed / "page.html"
    else:
        folder = seed.parent.parent / "locked"
        folder.mkdir(mode=0o500)
        out = folder / "page.html"
    result = factmark("export", str(seed), "--format", "html", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_claimreview_says_what_google_requires_and_the_reviews_lack(seed: Path) -> None:
    bare = factmark("export", str(seed), "--format", "claimreview")
    assert bare.returncode == 0
    reviews = json.loads(bare.stdout)
    assert reviews and all(r["@type"] == "ClaimReview" for r in reviews)
    assert "lack url (give --url-base)" in bare.stderr
    assert "lack author" not in bare.stderr  # the seed's claims name their author

    full = factmark(
        "export", str(seed), "--format", "claimreview", "--publisher", "The Desk",
        "--publisher-url", "https://desk.example", "--url-base", "https://desk.example/checks",
    )  # fmt: skip
    assert full.returncode == 0 and full.stderr == ""
    for review in json.loads(full.stdout):
        assert review["author"] == {
            "@type": "Organization", "name": "The Desk", "url": "https://desk.example",
        }  # fmt: skip
        assert review["url"].startswith("https://desk.example/checks#claim-")


def test_source_date_epoch_fixes_the_review_date_of_an_undated_claim(seed: Path) -> None:
    annotations = seed.parent.parent / "annotations" / f"{NAME}.toml"
    lines = annotations.read_text("utf-8").splitlines(keepends=True)
    undated = "".join(line for line in lines if not line.startswith(("created", "updated")))
    annotations.write_text(undated, "utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1750000000"}
    result = factmark("export", str(seed), "--format", "claimreview", env=env)
    assert result.returncode == 0, result.stderr
    assert {review["datePublished"] for review in json.loads(result.stdout)} == {"2025-06-15"}
    env["SOURCE_DATE_EPOCH"] = "soon"
    bad = factmark("export", str(seed), "--format", "claimreview", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_an_output_that_is_not_a_regular_file_is_written_to_not_replaced(seed: Path) -> None:
    """``-o /dev/stdout`` (here a pipe) and a FIFO are written through; a folder is refused."""
    piped = factmark("export", str(seed), "--format", "csv", "-o", "/dev/stdout")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("id,paragraph,start,quote,")

    fifo = seed.parent / "fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-m", "factmark", "export", str(seed), "--format", "brat",
         "-o", str(fifo)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    received = fifo.read_text("utf-8")
    assert writer.wait(timeout=60) == 0
    assert received.startswith("T1\tClaim ")
    assert fifo.is_fifo()

    folder = factmark("export", str(seed), "--format", "csv", "-o", str(seed.parent))
    assert folder.returncode == 2 and "is a folder" in folder.stderr


def test_brat_says_how_many_claims_it_left_out(seed: Path) -> None:
    text = seed.read_text("utf-8")
    seed.write_text(text.replace("even as it refuses to reciprocate", "as talks go on", 1), "utf-8")
    result = factmark("export", str(seed), "--format", "brat")
    assert result.returncode == 0
    assert result.stdout.count("\tClaim ") == 19
    assert result.stderr.count("\n") == 1
    assert "brat: 1 of 20 claims" in result.stderr and "factmark reanchor" in result.stderr
    assert factmark("export", str(seed), "--format", "w3c").stderr == ""


def test_an_empty_output_path_is_refused(seed: Path) -> None:
    result = factmark("export", str(seed), "--format", "csv", "-o", "")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "empty path" in result.stderr


def test_stdout_redirected_to_a_file_keeps_what_the_shell_wrote_around_it(seed: Path) -> None:
    out = seed.parent / "out.txt"
    script = (
        f"{{ echo HEADER; {shlex.quote(sys.executable)} -m factmark export "
        f"{shlex.quote(str(seed))} --format csv -o /dev/stdout; echo FOOTER; }} > {out}"
    )
    subprocess.run(["bash", "-c", script], check=True)
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == "HEADER" and lines[-1] == "FOOTER"
    assert lines[1].startswith("id,paragraph,start,quote,") and len(lines) == 2 + 1 + 20
