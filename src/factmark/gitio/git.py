"""Running git: the one place factmark starts a git process."""

from __future__ import annotations

import contextlib
import getpass
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from factmark.errors import FactmarkError


class GitError(FactmarkError):
    """git is missing, or refused what factmark asked of it (printed as one line)."""


def run_git(
    args: Sequence[str], cwd: Path, *, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git -C cwd ARGS`` and return its output as bytes.

    With ``check``, a non-zero exit raises GitError with git's first line of
    complaint; without, the caller reads ``returncode`` itself.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(cwd), *args],
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError("git: not found; install git or put it on PATH") from None
    if check and result.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {first_line(result.stderr)}")
    return result


def merge_file(ours: Path, base: Path, theirs: Path, marker_size: int) -> int | None:
    """``git merge-file``: a line merge of ``base``→``theirs`` into ``ours``, in place.

    Conflicts are marked with ``marker_size`` characters and the labels ours,
    base and theirs. Returns git's exit code (0 clean, 1 to 127 the number of
    conflicts, anything else git failed), or None when git cannot be started.
    """
    labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
    try:
        completed = subprocess.run(
            ["git", "merge-file", f"--marker-size={marker_size}", *labels,
             str(ours), str(base), str(theirs)],
            capture_output=True,
            check=False,
        )  # fmt: skip
    except OSError:
        return None
    return completed.returncode


def first_line(output: bytes) -> str:
    """The first non-empty line of git's output, without its ``fatal:`` prefix."""
    for line in output.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return "failed"


def existing_folder(path: Path) -> Path:
    """The nearest folder that exists at or above ``path`` (a deleted file's folder)."""
    path = Path(os.path.abspath(path))
    for folder in (path, *path.parents):
        if folder.is_dir():
            return folder
    return Path.cwd()


def work_tree_root(start: Path) -> Path | None:
    """The root of the git work tree holding ``start``, or None outside one."""
    result = run_git(["rev-parse", "--show-toplevel"], existing_folder(start), check=False)
    if result.returncode != 0:
        return None
    root = result.stdout.decode("utf-8", "surrogateescape").strip()
    return Path(root) if root else None


def is_commit(root: Path, revision: str) -> bool:
    """Whether ``revision`` names a commit in the repository at ``root``."""
    if revision.startswith("-"):  # never let a revision be read as an option
        return False
    result = run_git(
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root, check=False
    )
    return result.returncode == 0


def show_blob(root: Path, revision: str, relative: str) -> bytes | None:
    """The bytes of ``relative`` (from the root) at ``revision``, or None if it is not there."""
    result = run_git(["show", "--no-textconv", f"{revision}:{relative}"], root, check=False)
    if result.returncode != 0:
        return None
    return result.stdout


def relative_to_root(root: Path, path: Path) -> str:
    """``path`` relative to the work tree root, with ``/`` (symlinked folders resolved)."""
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    return Path(relative).as_posix()


def user_name(folder: Path) -> str:
    """Who is editing: git's ``user.name`` for the folder, else the login name."""
    with contextlib.suppress(GitError, OSError):
        result = run_git(["config", "user.name"], folder, check=False)
        name = result.stdout.decode("utf-8", errors="replace").strip()
        if result.returncode == 0 and name:
            return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
