"""System programs some tests drive (a browser, a terminal multiplexer)."""

from __future__ import annotations

import os
import shutil

import pytest


def system_tool(*names: str, install: str) -> str:
    """The path of the first of these programs on PATH.

    Where none is found the test is skipped with how to get one, except under
    CI (``CI=true``), whose ``.ci/run`` installs every tool the tests need:
    there a missing tool is a failure, not a silent skip.
    """
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"needs {' or '.join(names)} on PATH ({install})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; .ci/run should have installed it")
    pytest.skip(reason)


def chromium() -> str:
    """A headless-capable Chromium, found as a user has it installed."""
    return system_tool(
        "chromium", "chromium-browser", "google-chrome", install="apt-get install chromium"
    )


def tmux() -> str:
    return system_tool("tmux", install="apt-get install tmux")
