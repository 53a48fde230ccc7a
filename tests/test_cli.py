"""The command line (docs/design.md §6): ``check`` and ``fmt``, exit codes, errors, no Textual."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import tomli_w

from builders import factmark, in_process, python
from factmark import __version__
from factmark.cli import main
from factmark.store import loading, writer

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
ARTICLES = DATA / "articles"
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"

# What the one line about each bad file must say, besides the file's name.
BAD_FILES: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "article_missing.toml": (None, ("article", "missing.txt", "no such file")),
    "conflict_markers.toml": (9, ("conflict", "claim aaaa11")),
    "duplicate_id.toml": (13, ("claim aaaa11", "id", "aaaa11")),
    "malformed.toml": (9, ("not valid TOML",)),
    "missing_link_target.toml": (19, ("to", "zzzz99")),
    "newer_format.toml": (1, ("format", "factmark/3")),
    "symmetric_both_ways.toml": (23, ("contradicts", "both directions")),
    "unknown_key.toml": (10, ("claim aaaa11", "confidnce", "unknown key")),
    "unknown_verdict.toml": (9, ("claim aaaa11", "verdict", "'false'")),
    "wrong_type.toml": (7, ("claim aaaa11", "paragraph")),
}
INVALID_FILES = sorted(name for name in BAD_FILES if name != "article_missing.toml")
"""The bad files that cannot even be read (the other one only names a missing article)."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def seed_copy(tmp_path: Path) -> Path:
    """The seed article and its fact-check in a fresh folder; returns the annotation file."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copy(SEED_ARTICLE, tmp_path / "seeds")
    return Path(shutil.copy(SEED_ANNOTATIONS, tmp_path / "annotations"))


def assert_one_error_line(err: str, path: Path, *words: str) -> str:
    """stderr holds exactly one line, ``factmark: <path>: <what>``, and no traceback."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"factmark: {path}: "), lines[0]
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]
    return lines[0]


# --- help and version ---------------------------------------------------------


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: factmark")
    for command in ("check", "fmt"):
        assert command in out


@pytest.mark.parametrize("command", ["check", "fmt"])
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: factmark {command}" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"factmark {__version__}\n"


def test_help_and_version_as_a_program() -> None:
    helped = factmark("--help")
    assert helped.returncode == 0
    assert "check" in helped.stdout and "fmt" in helped.stdout
    version = factmark("--version")
    assert (version.returncode, version.stdout) == (0, f"factmark {__version__}\n")
    module = subprocess.run(
        [sys.executable, "-m", "factmark", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (module.returncode, module.stdout) == (0, f"factmark {__version__}\n")


# --- check: the seed fact-check -----------------------------------------------


def test_check_passes_on_the_seed_fact_check(capsys: pytest.CaptureFixture[str]) -> None:
    captured = in_process(["check", str(SEED_ANNOTATIONS)], capsys)
    assert captured.code == 0
    assert captured.out == "all clean (1 file, 20 claims)\n"
    assert captured.err == ""


def test_check_on_the_article_finds_its_annotation_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(SEED_ARTICLE)]) == 0
    assert capsys.readouterr().out == "all clean (1 file, 20 claims)\n"


def test_check_on_a_folder_checks_the_annotation_files_in_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(ROOT / "annotations")]) == 0
    assert capsys.readouterr().out == "all clean (1 file, 20 claims)\n"


def test_check_as_a_program_from_the_repository(tmp_path: Path) -> None:
    result = factmark("check", "annotations/000_207cb1c8ae6ad8ea.toml", cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "all clean (1 file, 20 claims)\n",
        "",
    )
    result = factmark("check", "seeds/000_207cb1c8ae6ad8ea.txt", cwd=ROOT)
    assert result.returncode == 0


def test_check_reports_a_claim_whose_quote_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = seed_copy(tmp_path)
    article = tmp_path / "seeds" / SEED_ARTICLE.name
    article.write_text(
        article.read_text(encoding="utf-8").replace("returned 27 bodies", "returned 72 bodies"),
        encoding="utf-8",
    )
    before = snapshot(tmp_path)
    assert main(["check", str(annotations)]) == 1
    out = capsys.readouterr().out.splitlines()
    # The sentence is still there with another figure: a fuzzy match, never moved.
    assert out[0] == (
        f"{annotations}: claim wnjef9: quote: changed: the quote now reads 'while Ukraine "
        "itself had returned 72 bodies of deceased Russian soldiers' (paragraph 7); run "
        "factmark reanchor"
    )
    assert out[1] == "1 problem (1 file, 20 claims)"
    assert snapshot(tmp_path) == before


def test_check_accepts_a_claim_that_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = seed_copy(tmp_path)
    article = tmp_path / "seeds" / SEED_ARTICLE.name
    article.write_text("Editor's note.\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(annotations)]) == 0
    assert capsys.readouterr().out == "all clean (1 file, 20 claims)\n"


# --- check: bad annotation files ----------------------------------------------


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(path.name for path in BAD.glob("*.toml")) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_check_on_a_bad_file_exits_1_with_one_line_naming_it(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / name
    before = path.read_bytes()
    line_number, words = BAD_FILES[name]
    captured = in_process(["check", str(path)], capsys)
    assert captured.code == 1
    assert captured.err == ""
    problem, summary = captured.out.splitlines()
    where = f"{path}:{line_number}:" if line_number is not None else f"{path}: "
    assert problem.startswith(where), problem
    for word in words:
        assert word in problem
    assert summary.startswith("1 problem (1 file, ")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["unknown_key.toml", "article_missing.toml"])
def test_check_on_a_bad_file_as_a_program(name: str) -> None:
    path = BAD / name
    before = path.read_bytes()
    result = factmark("check", str(path))
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[0].startswith(f"{path}:")
    assert path.read_bytes() == before


def test_check_names_the_missing_article(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "article_missing.toml"
    assert main(["check", str(path)]) == 1
    problem = capsys.readouterr().out.splitlines()[0]
    assert problem == f"{path}: article ../articles/missing.txt: no such file"


def test_check_reports_every_file_and_exits_1_if_any_has_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [DATA / "good.toml", BAD / "unknown_key.toml", BAD / "duplicate_id.toml"]
    assert main(["check", *map(str, paths)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert out[0].startswith(f"{paths[1]}:10:")
    assert out[1].startswith(f"{paths[2]}:13:")
    assert out[2] == "2 problems (3 files, 2 claims)"


def test_check_shows_control_characters_from_the_file_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file's own text is quoted in the message: a newline there must not make a
    # second line, nor an escape sequence reach the terminal (it could retitle it).
    path = tmp_path / "hostile.toml"
    path.write_text(
        'format = "factmark/1\\n\\u001b]2;pwned\\u0007"\narticle = "a.txt"\n', encoding="utf-8"
    )
    before = path.read_bytes()
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    problem, _summary = out.splitlines()
    assert problem.startswith(f"{path}:1: format: ")
    assert "\x1b" not in out and "\x07" not in out
    assert "\\n\\x1b]2;pwned\\x07" in problem
    assert main(["fmt", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.splitlines()[0].startswith(f"factmark: {path}:1: format: ")
    assert path.read_bytes() == before


# --- check: unusable input (exit 2) -------------------------------------------


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("latin1.txt", "not UTF-8"),
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
    ],
)
def test_check_on_an_unusable_article_exits_2_with_one_line(
    name: str, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ARTICLES / name
    before = path.read_bytes()
    captured = in_process(["check", str(path)], capsys)
    assert captured.code == 2
    assert captured.out == ""
    assert_one_error_line(captured.err, path, what)
    assert path.read_bytes() == before


def test_check_on_a_missing_path_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (tmp_path / "nowhere.txt", tmp_path / "nowhere.toml"):
        captured = in_process(["check", str(path)], capsys)
        assert captured.code == 2
        assert captured.out == ""
        assert_one_error_line(captured.err, path, "no such file")
    assert list(tmp_path.iterdir()) == []


def test_check_on_an_article_without_annotations_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Russia returned 1,200 bodies.\n", encoding="utf-8")
    captured = in_process(["check", str(article)], capsys)
    assert captured.code == 2
    assert captured.out == ""
    assert_one_error_line(captured.err, article, "no annotation file", "story.toml")
    assert sorted(tmp_path.iterdir()) == [article]  # nothing created


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["check", "tests/data/articles/latin1.txt"], "not UTF-8"),
        (["check", "tests/data/articles/binary.txt"], "binary"),
        (["check", "tests/data/articles/empty.txt"], "empty"),
        (["check", "tests/data/nowhere.toml"], "no such file"),
        (["fmt", "tests/data/bad/malformed.toml"], "not valid TOML"),
    ],
)
def test_unusable_input_as_a_program_is_one_line_without_traceback(
    args: list[str], what: str
) -> None:
    before = snapshot(DATA)
    result = factmark(*args, cwd=ROOT)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("factmark: ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"factmark: {args[1]}")
    assert what in errors[0]
    assert "Traceback" not in result.stderr
    assert snapshot(DATA) == before


# --- check --format json ------------------------------------------------------


def test_check_json_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(SEED_ANNOTATIONS)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "files": [{"path": str(SEED_ANNOTATIONS), "claims": 20, "problems": []}],
        "problems": 0,
    }


def test_check_json_lists_each_problem_with_where_and_what(
    capsys: pytest.CaptureFixture[str],
) -> None:
    good, bad, broken = DATA / "good.toml", BAD / "unknown_key.toml", BAD / "malformed.toml"
    assert main(["check", "--format", "json", str(good), str(bad), str(broken)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"files", "problems"}
    assert report["problems"] == 2
    assert [entry["path"] for entry in report["files"]] == [str(good), str(bad), str(broken)]
    for entry in report["files"]:
        assert set(entry) == {"path", "claims", "problems"}
        assert isinstance(entry["claims"], int)
    assert report["files"][0] == {"path": str(good), "claims": 2, "problems": []}
    (unknown,) = report["files"][1]["problems"]
    assert set(unknown) == {"line", "column", "claim", "key", "message", "text"}
    assert unknown["line"] == 10
    assert unknown["claim"] == "aaaa11"
    assert unknown["key"] == "confidnce"
    assert "unknown key" in unknown["message"]
    assert unknown["text"].startswith(f"{bad}:10: claim aaaa11: confidnce: ")
    (malformed,) = report["files"][2]["problems"]
    assert (malformed["line"], malformed["column"], malformed["claim"]) == (9, 11, None)


def test_check_json_on_unusable_input_prints_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    captured = in_process(["check", "--format", "json", str(ARTICLES / "binary.txt")], capsys)
    assert captured.code == 2
    assert captured.out == ""
    assert_one_error_line(captured.err, ARTICLES / "binary.txt", "binary")


# --- fmt ----------------------------------------------------------------------


def test_fmt_check_passes_on_the_canonical_seed(capsys: pytest.CaptureFixture[str]) -> None:
    before = SEED_ANNOTATIONS.read_bytes()
    captured = in_process(["fmt", "--check", str(SEED_ANNOTATIONS)], capsys)
    assert captured.code == 0
    assert captured.out == ""
    assert "1 file already canonical" in captured.err
    assert SEED_ANNOTATIONS.read_bytes() == before


def test_fmt_leaves_a_canonical_file_untouched(tmp_path: Path) -> None:
    annotations = seed_copy(tmp_path)
    stat = annotations.stat()
    assert main(["fmt", str(annotations)]) == 0
    assert annotations.read_bytes() == SEED_ANNOTATIONS.read_bytes()
    assert annotations.stat().st_mtime_ns == stat.st_mtime_ns  # not even rewritten
    assert annotations.stat().st_ino == stat.st_ino


def swap_header_keys(text: str) -> str:
    first, second, rest = text.split("\n", 2)
    return f"{second}\n{first}\n{rest}"


def reverse_claims(text: str) -> str:
    data = tomllib.loads(text)
    data["claims"].reverse()
    return tomli_w.dumps(data)


def add_comment(text: str) -> str:
    return "# checked by the desk\n" + text


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def drop_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line) + "\n"


NON_CANONICAL = [swap_header_keys, reverse_claims, add_comment, crlf, drop_blank_lines]


@pytest.mark.parametrize("change", NON_CANONICAL, ids=lambda change: change.__name__)
def test_fmt_check_names_a_non_canonical_file_and_leaves_it_unchanged(
    change: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(change)
    annotations = seed_copy(tmp_path)
    canonical = annotations.read_bytes()
    altered = change(canonical.decode("utf-8")).encode("utf-8")
    assert altered != canonical
    annotations.write_bytes(altered)
    assert loading.parse(altered).sorted() == loading.parse(canonical)  # the same data

    captured = in_process(["fmt", "--check", str(annotations)], capsys)
    assert captured.code == 1
    assert captured.out == f"would reformat: {annotations}\n"
    assert "1 file would be reformatted" in captured.err
    assert annotations.read_bytes() == altered

    assert main(["fmt", str(annotations)]) == 0
    assert "1 file reformatted" in capsys.readouterr().err
    assert annotations.read_bytes() == canonical
    assert main(["fmt", "--check", str(annotations)]) == 0
    assert main(["check", str(annotations)]) == 0
    assert sorted(path.name for path in annotations.parent.iterdir()) == [annotations.name]


def test_fmt_check_as_a_program(tmp_path: Path) -> None:
    annotations = seed_copy(tmp_path)
    altered = reverse_claims(annotations.read_text(encoding="utf-8")).encode("utf-8")
    annotations.write_bytes(altered)
    result = factmark("fmt", "--check", "annotations", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"would reformat: {Path('annotations') / annotations.name}\n"
    assert annotations.read_bytes() == altered
    result = factmark("fmt", cwd=tmp_path)  # default: this folder
    assert result.returncode == 0
    assert annotations.read_bytes() == SEED_ANNOTATIONS.read_bytes()


def test_fmt_on_an_article_formats_its_annotation_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = seed_copy(tmp_path)
    annotations.write_bytes(add_comment(annotations.read_text(encoding="utf-8")).encode())
    assert main(["fmt", str(tmp_path / "seeds" / SEED_ARTICLE.name)]) == 0
    assert annotations.read_bytes() == SEED_ANNOTATIONS.read_bytes()


@pytest.mark.parametrize("check", [False, True], ids=["fmt", "fmt --check"])
@pytest.mark.parametrize("name", INVALID_FILES)
def test_fmt_on_an_invalid_file_exits_2_and_leaves_it_unchanged(
    name: str, check: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(shutil.copy(BAD / name, tmp_path / name))
    before = snapshot(tmp_path)
    captured = in_process(["fmt", *(["--check"] if check else []), str(path)], capsys)
    assert captured.code == 2
    assert captured.out == ""
    errors = [line for line in captured.err.splitlines() if line.startswith("factmark: ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"factmark: {path}:")
    assert "Traceback" not in captured.err
    assert snapshot(tmp_path) == before  # byte for byte, and no temporary left behind


def test_fmt_formats_the_good_files_and_still_exits_2_for_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = seed_copy(tmp_path)
    annotations.write_bytes(add_comment(annotations.read_text(encoding="utf-8")).encode())
    bad = Path(shutil.copy(BAD / "duplicate_id.toml", tmp_path / "annotations"))
    bad_bytes = bad.read_bytes()
    assert main(["fmt", str(tmp_path / "annotations")]) == 2
    assert annotations.read_bytes() == SEED_ANNOTATIONS.read_bytes()
    assert bad.read_bytes() == bad_bytes
    errors = [line for line in capsys.readouterr().err.splitlines() if "factmark: " in line]
    assert len(errors) == 1 and str(bad) in errors[0]


def test_fmt_that_cannot_write_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = seed_copy(tmp_path)
    altered = add_comment(annotations.read_text(encoding="utf-8")).encode()
    annotations.write_bytes(altered)

    def refuse(path: Path, data: bytes) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(writer, "write_atomic", refuse)
    assert main(["fmt", str(annotations)]) == 2
    err = capsys.readouterr().err
    assert_one_error_line(err, annotations, "Permission denied")
    assert annotations.read_bytes() == altered


def test_no_command_outside_a_repository_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a repository, factmark alone opens the desk (tests/tui/test_desk.py); elsewhere
    there is nothing to open."""
    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"factmark: {tmp_path}: no repository and no articles here: name one "
        "(factmark ARTICLE), or see factmark --help\n"
    )


# --- no Textual outside the TUI -----------------------------------------------

NO_TEXTUAL = """
import sys
{body}
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, loaded
"""


def test_the_core_modules_do_not_import_textual() -> None:
    body = (
        "import factmark.model, factmark.article, factmark.anchor, factmark.store.loading, "
        "factmark.store.atomic, factmark.store.writer, factmark.paths, factmark.gitio.blocks, "
        "factmark.checking, factmark.review, factmark.export.w3c, factmark.export.claimreview, "
        "factmark.export.brat, factmark.export.table, factmark.export.html, factmark.cli"
    )
    result = python(NO_TEXTUAL.format(body=body), cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "annotations/000_207cb1c8ae6ad8ea.toml"],
        ["check", "seeds/000_207cb1c8ae6ad8ea.txt"],
        ["check", "--format", "json", "tests/data/bad/unknown_key.toml"],
        ["fmt", "--check", "annotations"],
        ["check", "tests/data/articles/binary.txt"],
    ],
)
def test_check_and_fmt_do_not_import_textual(args: list[str]) -> None:
    body = f"from factmark.cli import main\ncode = main({args!r})\nprint('exit', code)"
    result = python(NO_TEXTUAL.format(body=body), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "exit " in result.stdout


@pytest.mark.parametrize("kind", ["w3c", "claimreview", "brat", "markdown", "html", "csv"])
def test_export_does_not_import_textual(kind: str) -> None:
    args = ["export", "seeds/000_207cb1c8ae6ad8ea.txt", "--format", kind]
    body = f"from factmark.cli import main\ncode = main({args!r})\nprint('exit', code)"
    result = python(NO_TEXTUAL.format(body=body), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "exit 0" in result.stdout


def test_the_real_entry_point_does_not_import_textual(tmp_path: Path) -> None:
    annotations = seed_copy(tmp_path)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "factmark", "check", str(annotations)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert any(name.startswith("factmark.cli") for name in imported)
    assert not [name for name in imported if name.split(".")[0] == "textual"]


def test_the_vocabulary_loads_without_pydantic() -> None:
    """The command line offers the verdicts and confidences as choices before the models load."""
    code = "import sys, factmark.vocabulary; print('pydantic' in sys.modules)"
    result = python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_an_unknown_option_is_one_line_naming_factmark_once() -> None:
    result = factmark("check", "--nope")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "factmark: unrecognized arguments: --nope (see factmark --help)\n"
