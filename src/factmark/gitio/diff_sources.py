"""What ``factmark diff`` compares, read from git or from two files.

``factmark diff`` compares two files, two git revisions of a file, a revision
and the working tree, or (no arguments) the working tree and HEAD for every
changed ``annotations/*.toml`` in the repository.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from factmark.errors import FactmarkError
from factmark.gitio.diff import FileDiff, Side, diff_documents
from factmark.gitio.git import (
    GitError,
    is_commit,
    relative_to_root,
    run_git,
    show_blob,
    work_tree_root,
)
from factmark.model import AnnotationFile
from factmark.paths import in_annotations_folder
from factmark.store import atomic, loading

WORKING_TREE = "working tree"


class DiffError(FactmarkError):
    """Arguments ``factmark diff`` cannot use (one line, exit 2)."""


def _looks_like_path(argument: str) -> bool:
    return "/" in argument or os.sep in argument or argument.endswith(".toml")


def _parse(side: Side) -> AnnotationFile | None:
    if side.data is None:
        return None
    return loading.parse(side.data, side.label)


def _working_tree_side(path: Path, shown: str) -> Side:
    if not os.path.lexists(path):
        return Side(WORKING_TREE, shown, None)
    data, _ = atomic.read_bytes(path)
    return Side(WORKING_TREE, shown, data)


def compare_files(old: Path, new: Path) -> FileDiff:
    """Two annotation files on disk; one that cannot be read or parsed is a StoreError."""
    old_side = Side(str(old), str(old), atomic.read_bytes(old)[0])
    new_side = Side(str(new), str(new), atomic.read_bytes(new)[0])
    diff = diff_documents(str(new), old_side, new_side, _parse(old_side), _parse(new_side))
    diff.files_mode = True
    return diff


@dataclass(frozen=True)
class _Request:
    revisions: list[str]
    paths: list[str]


def _split(arguments: Sequence[str]) -> _Request:
    """Leading arguments that are not files are revisions (two at most), the rest paths."""
    revisions: list[str] = []
    paths: list[str] = []
    for argument in arguments:
        if not paths and len(revisions) < 2 and not os.path.lexists(argument):
            revisions.append(argument)
        else:
            paths.append(argument)
    return _Request(revisions, paths)


def collect(arguments: Sequence[str]) -> list[FileDiff]:
    """The comparisons the arguments of ``factmark diff`` ask for, each diffed.

    Relative paths are from the current folder, as a shell user means them.
    """
    cwd = Path.cwd()
    request = _split(arguments)
    if not request.revisions and len(request.paths) == 2:
        old, new = (Path(p) for p in request.paths)
        if old.is_file() and new.is_file():
            return [compare_files(old, new)]
    anchor = Path(request.paths[0]) if request.paths else cwd
    root = work_tree_root(anchor)
    if root is None:
        where = request.paths[0] if request.paths else str(cwd)
        if request.revisions:
            raise DiffError(
                f"{where}: not in a git repository (needed to read revision {request.revisions[0]})"
            )
        raise DiffError(
            f"{where}: not in a git repository; to compare two files: factmark diff OLD NEW"
        )
    revisions, paths = list(request.revisions), list(request.paths)
    # `diff HEAD annotations/gone.toml`: a path that names no file (deleted, or only in
    # the revisions) reads as a revision until git says it is none.
    if (
        revisions
        and not paths
        and _looks_like_path(revisions[-1])
        and not is_commit(root, revisions[-1])
    ):
        paths.append(revisions.pop())
    for revision in revisions:
        if not is_commit(root, revision):
            raise GitError(f"{revision}: unknown revision, and no such file")
    old_revision = revisions[0] if revisions else "HEAD"
    new_revision = revisions[1] if len(revisions) > 1 else None
    if not revisions and not is_commit(root, "HEAD"):
        raise GitError(f"{root}: no commits yet, so nothing to compare against (HEAD)")
    return [
        _compare_in_git(root, relative, shown, old_revision, new_revision)
        for relative, shown in _files_to_compare(root, paths, old_revision, new_revision)
    ]


def _files_to_compare(
    root: Path, paths: Sequence[str], old: str, new: str | None
) -> list[tuple[str, str]]:
    """(path from the root, path as shown) for each file to compare.

    A file named is compared even when unchanged; a folder (or no path at
    all) stands for the annotation files in it that changed.
    """
    explicit: list[tuple[str, str]] = []
    folders: list[str] = []
    for argument in paths:
        relative = relative_to_root(root, Path(argument))
        if relative == ".." or relative.startswith("../"):
            raise DiffError(f"{argument}: outside the git repository at {root}")
        if Path(argument).is_dir():
            folders.append(relative)
        else:
            explicit.append((relative, argument))
    if explicit and not folders:
        return explicit
    changed = _changed_files(root, folders, old, new)
    named = {relative for relative, _ in explicit}
    found = [(relative, relative) for relative in changed if relative not in named]
    return sorted([*explicit, *found])


def _changed_files(root: Path, folders: Sequence[str], old: str, new: str | None) -> list[str]:
    """Annotation files that differ between two revisions, or a revision and the work tree."""
    pathspecs = ["--", *folders] if folders else []
    revisions = [old, new] if new is not None else [old]
    output = run_git(
        ["diff", "--name-only", "--no-renames", "--no-ext-diff", "-z", *revisions, *pathspecs],
        root,
    ).stdout
    if new is None:  # untracked files are new files of the working tree
        output += run_git(
            ["ls-files", "--others", "--exclude-standard", "-z", *pathspecs], root
        ).stdout
    names = {name for name in output.decode("utf-8", "surrogateescape").split("\0") if name}
    return sorted(name for name in names if in_annotations_folder(PurePosixPath(name)))


def _compare_in_git(root: Path, relative: str, shown: str, old: str, new: str | None) -> FileDiff:
    old_side = Side(old, f"{old}:{relative}", show_blob(root, old, relative))
    if new is None:
        new_side = _working_tree_side(root / relative, shown)
    else:
        new_side = Side(new, f"{new}:{relative}", show_blob(root, new, relative))
    if old_side.data is None and new_side.data is None:
        where = "the working tree" if new is None else new
        raise DiffError(f"{shown}: no such file in {old} or {where}")
    return diff_documents(shown, old_side, new_side, _parse(old_side), _parse(new_side))
