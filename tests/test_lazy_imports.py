"""What a command does not load when it does not need it."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import python
from factmark.assist.alongside import ALONGSIDE, _may_fork

ROOT = Path(__file__).parents[1]
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"


def test_checking_a_file_whose_claims_all_stand_where_they_were_does_not_load_rapidfuzz() -> None:
    # rapidfuzz is for the fuzzy stage, which only a claim not found exactly reaches.
    code = (
        "import sys; from pathlib import Path; from factmark.checking import check_file; "
        f"report = check_file(Path({str(SEED_ANNOTATIONS)!r})); "
        "print(report.clean, 'rapidfuzz' in sys.modules)"
    )
    result = python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True False\n"


SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"


def test_what_annotate_runs_before_its_first_frame_does_not_load_hashlib() -> None:
    # The article's hash is for the annotations, which load after the first frame.
    code = (
        "import sys; from pathlib import Path; import factmark.cli; from factmark import targets; "
        f"targets.resolve(Path({str(SEED_ARTICLE)!r})); "
        "from factmark.tui.app import FactmarkApp; print('hashlib' in sys.modules)"
    )
    result = python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"


def _modules_loaded_by(*arguments: str) -> set[str]:
    code = (
        "import sys; from factmark.cli import main; "
        f"sys.argv = ['factmark', *{list(arguments)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    result = python(code, cwd=ROOT)
    return set(result.stderr.split())


def test_help_loads_neither_the_settings_nor_json_nor_the_model() -> None:
    loaded = _modules_loaded_by("--help")
    assert not loaded & {"factmark.config", "json", "tomllib", "pydantic", "textual"}


def test_check_loads_neither_difflib_nor_heapq_for_a_file_without_a_misspelt_key() -> None:
    # difflib (with heapq) is for suggesting the key a misspelt one meant.
    loaded = _modules_loaded_by("check", str(SEED_ANNOTATIONS))
    assert "factmark.checking" in loaded
    assert not loaded & {"difflib", "heapq", "textual", "rapidfuzz"}


def test_status_and_a_plain_check_load_neither_textual_nor_what_they_do_not_use() -> None:
    assert "textual" not in _modules_loaded_by("status", str(ROOT / "tests" / "data" / "seed"))
    plain = _modules_loaded_by("check", str(SEED_ANNOTATIONS))
    assert not plain & {"factmark.desk", "factmark.desk.status", "rich"}


@pytest.mark.parametrize(
    "arguments",
    [
        ("check", str(SEED_ANNOTATIONS)),
        ("fmt", "--check", str(SEED_ANNOTATIONS)),
        ("review", str(SEED_ANNOTATIONS)),
        ("diff", str(SEED_ANNOTATIONS), str(SEED_ANNOTATIONS)),
    ],
)
def test_commands_about_one_file_load_neither_the_archive_nor_sqlite(
    arguments: tuple[str, ...],
) -> None:
    loaded = _modules_loaded_by(*arguments)
    assert not {name for name in loaded if name.startswith("factmark.desk")}
    assert not loaded & {"sqlite3", "snowballstemmer"}


@pytest.mark.skipif(
    not _may_fork(ALONGSIDE), reason="one core, or no fork: the candidates are found here"
)
def test_suggest_on_a_book_pairs_in_its_second_process_alone(tmp_path: Path) -> None:
    # The candidates come back as reported: the modules that find them load only there.
    book = tmp_path / "book.txt"
    book.write_text(
        "\n\n".join(f"Paragraph {n} says that 40 boats were out at sea." for n in range(300)),
        encoding="utf-8",
    )
    loaded = _modules_loaded_by("suggest", str(book), "--format", "json")
    assert "factmark.assist.checkworthy" in loaded  # it ran, and scored here
    assert "factmark.assist.contradictions" not in loaded
    assert "pydantic" not in loaded  # no annotation file, nothing to read it with
