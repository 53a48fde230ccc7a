"""train/checkworthy.py: runnable from a clone, reproducible, and its file loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factmark.assist.checkworthy import load

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "train" / "checkworthy.py"


def train(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--rows", "300", "--epochs", "2", "--out", str(out),
         *options],
        capture_output=True, text=True, timeout=120, check=False, cwd=out.parent,
    )  # fmt: skip


def test_training_on_a_sample_twice_writes_the_same_bytes_and_a_model_that_loads(
    tmp_path: Path,
) -> None:
    first, second = train(tmp_path / "a.json"), train(tmp_path / "b.json")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert "trained on 300 sentences; groundtruth.csv average precision 0." in first.stdout
    document = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert document["trained_on"] == "data/claimbuster/crowdsourced.csv"
    assert document["rows"] == 300
    model = load(tmp_path / "a.json")
    assert 0.0 <= model.score("Unemployment rose to 7.2 percent in 2012.")[0] <= 1.0


def test_the_shipped_model_says_how_it_was_trained() -> None:
    document = json.loads((ROOT / "src/factmark/assist/checkworthy.json").read_text("utf-8"))
    assert document["trained_on"] == "data/claimbuster/crowdsourced.csv"
    assert document["rows"] == 22501
    assert document["groundtruth_average_precision"] > 0.9
