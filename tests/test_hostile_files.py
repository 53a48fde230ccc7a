"""Annotation files made to break the readers: deep nesting, integers beyond 64 bits.

Every command that reads an annotation file gives its one line naming the file
(check: a problem, exit 1; fmt and review: exit 2; textconv: the raw text under a
warning, exit 0) and never rewrites it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builders import in_process
from factmark.cli import main
from factmark.store import loading
from factmark.store.problems import StoreError

DATA = Path(__file__).parent / "data"
HEADER = 'format = "factmark/1"\narticle = "../story.txt"\n'
DEEP_ARRAY = HEADER + "x = " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_TABLE = HEADER + "x = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n"
DEEP_IN_A_CLAIM = (
    HEADER + '\n[[claims]]\nid = "aaaa11"\nquote = "q"\ntags = ' + "[" * 4000 + "]" * 4000 + "\n"
)
NESTED = {"array": DEEP_ARRAY, "inline-table": DEEP_TABLE, "in-a-claim": DEEP_IN_A_CLAIM}


def write(tmp_path: Path, text: str) -> Path:
    """The text as annotations/x.toml beside a one-line article; returns the file."""
    (tmp_path / "story.txt").write_text("Russia returned 1,200 bodies.\n", encoding="utf-8")
    (tmp_path / "annotations").mkdir(exist_ok=True)
    path = tmp_path / "annotations" / "x.toml"
    path.write_text(text, encoding="utf-8")
    return path


def unchanged(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# --- nesting ------------------------------------------------------------------


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_deep_nesting_is_a_store_error(text: str) -> None:
    with pytest.raises(StoreError) as error:
        loading.parse(text, "x.toml")
    assert str(error.value) == (
        "x.toml: not valid TOML: arrays or inline tables nested too deeply to read"
    )


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["fmt"], 2),
        (["fmt", "--check"], 2),
        (["review"], 2),
        (["export", "--format", "csv"], 2),
        (["diff", str(DATA / "good.toml")], 2),
    ],
)
def test_deep_nesting_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, command: list[str], code: int
) -> None:
    path = write(tmp_path, text)
    before = unchanged(path)
    captured = in_process([*command, str(path)], capsys)
    assert captured.code == code
    assert captured.out == ""
    assert (
        captured.err
        == f"factmark: {path}: not valid TOML: arrays or inline tables nested too deeply to read\n"
    )
    assert unchanged(path) == before


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_check_reports_deep_nesting_as_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = write(tmp_path, text)
    captured = in_process(["check", str(path)], capsys)
    assert captured.code == 1
    assert captured.err == ""
    assert captured.out.splitlines() == [
        f"{path}: not valid TOML: arrays or inline tables nested too deeply to read",
        "1 problem (1 file, 0 claims)",
    ]


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_textconv_shows_a_deeply_nested_file_raw_under_a_warning(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], text: str
) -> None:
    path = write(tmp_path, text)
    assert main(["textconv", str(path)]) == 0
    out = capsysbinary.readouterr().out
    warning, raw = out.split(b"\n", 1)
    assert (
        warning
        == (
            f"# factmark textconv: {path}: not valid TOML: arrays or inline tables nested too "
            "deeply to read; raw text follows"
        ).encode()
    )
    assert raw == text.encode()


# --- integers beyond 64 bits --------------------------------------------------

HUGE = (
    HEADER
    + "n = -9223372036854775809\n\n"
    + '[[claims]]\nid = "aaaa11"\nquote = "q"\nparagraph = 99999999999999999999999\n\n'
    + '[[claims.sources]]\nurl = "https://example.org"\nx = [1, 9223372036854775808]\n'
)
RANGE = "is outside TOML's 64-bit range (-2^63 to 2^63-1)"


def test_integers_beyond_64_bits_are_refused_naming_line_claim_and_key() -> None:
    with pytest.raises(StoreError) as error:
        loading.parse(HUGE, "x.toml")
    assert [str(problem) for problem in error.value.problems] == [
        f"x.toml:3: n: not valid TOML: integer -9223372036854775809 {RANGE}",
        f"x.toml:8: claim aaaa11: paragraph: not valid TOML: integer "
        f"99999999999999999999999 {RANGE}",
        f"x.toml:12: claim aaaa11: sources[1].x[2]: not valid TOML: integer "
        f"9223372036854775808 {RANGE}",
    ]


def test_the_64_bit_limits_themselves_are_integers_toml_allows() -> None:
    text = HEADER + '\n[[claims]]\nid = "aaaa11"\nquote = "q"\nparagraph = 9223372036854775807\n'
    assert loading.parse(text, "x.toml").claims[0].paragraph == 2**63 - 1
    with pytest.raises(StoreError, match="unknown key"):  # read as TOML; refused by the model
        loading.parse(HEADER + "n = -9223372036854775808\n", "x.toml")


def test_an_integer_too_long_for_python_to_read_names_line_claim_and_key() -> None:
    text = HEADER + '\n[[claims]]\nid = "aaaa11"\nquote = "q"\nparagraph = -' + "9" * 5000 + "\n"
    with pytest.raises(StoreError) as error:
        loading.parse(text, "x.toml")
    assert str(error.value) == (
        f"x.toml:7: claim aaaa11: paragraph: not valid TOML: an integer thousands of digits long "
        f"{RANGE}"
    )


def test_a_long_integer_is_shortened_in_the_message() -> None:
    text = HEADER + "n = 0x" + "f" * 100 + "\n"  # not limited by int(): a power-of-two base
    with pytest.raises(StoreError) as error:
        loading.parse(text, "x.toml")
    assert str(error.value) == (
        f"x.toml:3: n: not valid TOML: integer {str(16**100 - 1)[:20]}… (121 digits) {RANGE}"
    )


def test_check_reports_every_huge_integer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, HUGE)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        f"{path}:8: claim aaaa11: paragraph: not valid TOML: integer "
        f"99999999999999999999999 {RANGE}"
    )
    assert out[-1] == "3 problems (1 file, 0 claims)"


@pytest.mark.parametrize("command", [["fmt"], ["fmt", "--check"], ["review"]])
def test_a_huge_integer_is_one_line_exit_2_and_nothing_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    claim = '\n[[claims]]\nid = "aaaa11"\nquote = "q"\nstart = 100000000000000000000\n'
    path = write(tmp_path, HEADER + claim)
    os.utime(path, ns=(1, 1))
    before = unchanged(path)
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"factmark: {path}:7: claim aaaa11: start: not valid TOML: integer "
        f"100000000000000000000 {RANGE}\n"
    )
    assert unchanged(path) == before


# --- the merge driver ---------------------------------------------------------


def test_the_merge_driver_does_not_merge_in_an_integer_beyond_64_bits(tmp_path: Path) -> None:
    # The fast merge by claim text must refuse what the store refuses, not pass it on.
    from factmark.gitio.merge_driver import merge_files

    seed = (DATA / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml").read_text("utf-8")
    ours_text = seed.replace('confidence = "low"', 'confidence = "high"', 1)
    theirs_text = seed.replace("paragraph = 22\n", "paragraph = 99999999999999999999999\n")
    assert theirs_text != seed and ours_text != seed
    base, ours, theirs = (tmp_path / name for name in ("base.toml", "ours.toml", "theirs.toml"))
    base.write_text(seed, "utf-8")
    ours.write_text(ours_text, "utf-8")
    theirs.write_text(theirs_text, "utf-8")
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code != 0
    assert "64-bit" in outcome.message
