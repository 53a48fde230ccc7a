"""A test that needs a system program skips where it is missing, and fails under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

import systemtools


def test_a_missing_tool_skips_with_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"needs chromium or .*\(apt-get install chromium\)"
    ):
        systemtools.chromium()


def test_a_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="needs tmux"):
        systemtools.tmux()


def test_the_tool_is_found_on_path_by_any_of_its_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = tmp_path / "chromium-browser"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert systemtools.chromium() == str(program)
