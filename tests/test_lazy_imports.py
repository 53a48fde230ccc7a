"""What a command does not load when it does not need it."""

from __future__ import annotations

from pathlib import Path

from builders import python

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
