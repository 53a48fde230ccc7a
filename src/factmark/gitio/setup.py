"""``factmark git-setup``: the attributes line and the driver config git needs.

The ``.gitattributes`` line only names the drivers; what they run lives in
git config (the repository's own ``.git/config``, or the user's global one),
which a clone never receives: a committed file must not choose the commands
git runs on someone else's machine.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factmark.errors import FactmarkError
from factmark.gitio.git import run_git, work_tree_root
from factmark.store.atomic import write_atomic

DRIVER = "factmark"
ATTRIBUTES_LINE = f"**/annotations/*.toml diff={DRIVER} merge={DRIVER}"
"""Every ``annotations/`` folder of the repository, at the top or below (``desk/annotations``)."""
OLD_ATTRIBUTES_LINES = (f"annotations/*.toml diff={DRIVER} merge={DRIVER}",)
"""Lines earlier factmarks wrote (the top folder only): replaced, and removed by --disable."""
SECTIONS = (f"diff.{DRIVER}", f"merge.{DRIVER}")
MERGE_NAME = "factmark: three-way merge of annotation files by claim"


class SetupError(FactmarkError):
    """git-setup cannot run here (one line, exit 2)."""


def factmark_command(executable: str | None = None) -> str:
    """The shell command that runs this factmark, by absolute path.

    The ``factmark`` console script beside the running Python when there is
    one (a venv install works from any shell, activated or not), else
    ``python -m factmark`` with this Python. Not resolved through symlinks:
    a venv's python is a symlink to the system one, which lacks factmark.
    """
    python = os.path.abspath(executable or sys.executable)
    folder = Path(python).parent
    for name in ("factmark", "factmark.exe"):
        script = folder / name
        if script.is_file():
            return shlex.quote(str(script))
    return f"{shlex.quote(python)} -m factmark"


def driver_config(command: str) -> dict[str, str]:
    """The git config keys git-setup sets, with their values."""
    return {
        f"diff.{DRIVER}.textconv": f"{command} textconv",
        f"merge.{DRIVER}.name": MERGE_NAME,
        f"merge.{DRIVER}.driver": f"{command} merge-driver %O %A %B %L %P",
    }


@dataclass
class SetupReport:
    """What git-setup did, as lines to print."""

    done: list[str] = field(default_factory=list)
    undo: list[str] = field(default_factory=list)


def add_attributes_line(path: Path) -> bool:
    """Add the line to a .gitattributes file unless it is there; True when added.

    A line an earlier factmark wrote is replaced where it stands.
    """
    text = path.read_text(encoding="utf-8", errors="surrogateescape") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    if any(line.strip() == ATTRIBUTES_LINE for line in lines):
        return False
    old = [i for i, line in enumerate(lines) if line.strip() in OLD_ATTRIBUTES_LINES]
    if old:
        lines[old[0]] = ATTRIBUTES_LINE + "\n"
        lines = [line for i, line in enumerate(lines) if i not in old[1:]]
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(ATTRIBUTES_LINE + "\n")
    write_atomic(path, "".join(lines).encode("utf-8", errors="surrogateescape"))
    return True


def remove_attributes_line(path: Path) -> bool:
    """Remove the line (and only that line) from a .gitattributes file; True when removed."""
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines(keepends=True)
    ours = {ATTRIBUTES_LINE, *OLD_ATTRIBUTES_LINES}
    kept = [line for line in lines if line.strip() not in ours]
    if len(kept) == len(lines):
        return False
    write_atomic(path, "".join(kept).encode("utf-8", errors="surrogateescape"))
    return True


def _scope(use_global: bool) -> str:
    return "--global" if use_global else "--local"


def setup(cwd: Path, use_global: bool = False, command: str | None = None) -> SetupReport:
    """Register the drivers: the attributes line in the repository, the config keys."""
    root = work_tree_root(cwd)
    if root is None and not use_global:
        raise SetupError(
            f"{cwd}: not in a git repository; run git-setup inside one (or use --global)"
        )
    report = SetupReport()
    scope = _scope(use_global)
    config_root = root if root is not None else cwd
    for key, value in driver_config(command or factmark_command()).items():
        run_git(["config", scope, key, value], config_root)
        report.done.append(f"git config {scope} {key} {shlex.quote(value)}")
    report.undo.append("factmark git-setup --disable" + (" --global" if use_global else ""))
    report.undo += [f"or: git config {scope} --remove-section {section}" for section in SECTIONS]
    if root is None:
        report.done.append(
            f"not in a git repository: no .gitattributes written (add the line "
            f"'{ATTRIBUTES_LINE}' to each repository's .gitattributes)"
        )
    else:
        attributes = root / ".gitattributes"
        added = add_attributes_line(attributes)
        state = "added" if added else "already has"
        report.done.insert(0, f"{attributes}: {state} the line '{ATTRIBUTES_LINE}'")
        report.undo.append(f"and remove that line from {attributes}")
        report.done.append(
            "commit .gitattributes so that every clone names the drivers; each clone (or user, "
            "with --global) runs factmark git-setup itself: git never takes driver commands "
            "from a committed file"
        )
    return report


def disable(cwd: Path, use_global: bool = False) -> SetupReport:
    """Undo :func:`setup`: the config sections, and the attributes line in the repository."""
    root = work_tree_root(cwd)
    if root is None and not use_global:
        raise SetupError(f"{cwd}: not in a git repository (use --global for the global config)")
    report = SetupReport()
    scope = _scope(use_global)
    config_root = root if root is not None else cwd
    for section in SECTIONS:
        removed = run_git(["config", scope, "--remove-section", section], config_root, check=False)
        state = "removed" if removed.returncode == 0 else "was not set"
        report.done.append(f"git config {scope} {section}.*: {state}")
    if root is not None:
        attributes = root / ".gitattributes"
        if remove_attributes_line(attributes):
            report.done.append(f"{attributes}: removed the line '{ATTRIBUTES_LINE}'")
        else:
            report.done.append(f"{attributes}: had no line '{ATTRIBUTES_LINE}'")
    report.undo.append("factmark git-setup" + (" --global" if use_global else ""))
    return report
