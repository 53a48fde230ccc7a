"""Where an article's annotation file lives, and the way back (no parsing here)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePath

ANNOTATIONS_DIR = "annotations"


def git_root(start: Path) -> Path | None:
    """The work tree root of the git repository holding ``start``, if any."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def annotation_path_for(article: Path | str, override: Path | str | None = None) -> Path:
    """Where an article's annotations live (docs/design.md §6).

    ``annotations/<stem>.toml`` in the nearest ancestor folder of the article
    that has an ``annotations/`` folder, else in the git work tree root, else
    beside the article.
    """
    if override is not None:
        return Path(override)
    article = Path(os.path.abspath(article))
    for folder in article.parents:
        if (folder / ANNOTATIONS_DIR).is_dir():
            return folder / ANNOTATIONS_DIR / f"{article.stem}.toml"
    root = git_root(article.parent)
    if root is not None:
        return root / ANNOTATIONS_DIR / f"{article.stem}.toml"
    return article.with_suffix(".toml")


def looks_like_annotations(path: Path) -> bool:
    """Whether a path names an annotation file rather than an article."""
    return path.suffix == ".toml"


def in_annotations_folder(path: PurePath) -> bool:
    """Whether a path is where annotation files live: ``*.toml`` in an ``annotations/`` folder."""
    return path.parent.name == ANNOTATIONS_DIR and path.name.endswith(".toml")


def annotations_folder_files(folder: Path) -> list[Path]:
    """The annotation files of ``folder`` (an ``annotations/`` folder, or the one in it)."""
    if folder.name != ANNOTATIONS_DIR:
        folder = folder / ANNOTATIONS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.iterdir() if in_annotations_folder(path) and path.is_file()
    )


def relative_article(annotation_path: Path, article: Path) -> str:
    """The ``article`` value for a file: relative to its folder, with ``/``."""
    relative = os.path.relpath(os.path.abspath(article), os.path.abspath(annotation_path.parent))
    return Path(relative).as_posix()


class ArticlePathError(ValueError):
    """An ``article`` value that names no file inside the repository; ``str`` says why."""


def repository_root(annotation_path: Path) -> Path:
    """The folder an annotation file's article must be in (docs/format.md, ``article``).

    The git work tree holding the file; outside git, the folder holding the
    ``annotations/`` folder the file is in, else the file's own folder.
    """
    folder = Path(os.path.abspath(annotation_path)).parent
    root = git_root(folder)
    if root is not None:
        return root
    for candidate in (folder, *folder.parents):
        if candidate.name == ANNOTATIONS_DIR:
            return candidate.parent
    return folder


def article_in_repository(annotation_path: Path, article: str) -> Path:
    """The path of the article an annotation file names, relative to the file's folder.

    The ``article`` value is data from whoever committed the file, so it must
    stay inside the file's repository: an absolute path, a path that climbs out
    with ``..``, a symlink anywhere along it that resolves outside, or git's
    own folder raises ArticlePathError. A symlink that stays inside is followed.
    """
    if "\0" in article:  # no file has such a name; the system calls refuse it
        raise ArticlePathError("not a file name (it holds a NUL character)")
    root = repository_root(annotation_path)
    if Path(article).is_absolute():
        raise ArticlePathError(
            f"outside the repository {root} (an absolute path; name the article relative "
            "to the annotation file)"
        )
    path = Path(os.path.normpath(annotation_path.parent / article))
    if not Path(os.path.abspath(path)).is_relative_to(root):
        raise ArticlePathError(f"outside the repository {root} (the path climbs out of it)")
    real, real_root = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    if not real.is_relative_to(real_root):
        raise ArticlePathError(
            f"outside the repository {root} (a symlink on the way leads to {real})"
        )
    if ".git" in real.relative_to(real_root).parts:  # git's config may hold a token
        raise ArticlePathError(f"in git's own folder, not the files of {root}")
    return path


_SKIPPED_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def skipped_folder(name: str) -> bool:
    """Whether a folder is left out when looking for annotation files: hidden, or tools' own."""
    return name in _SKIPPED_DIRS or name.startswith(".")


def annotation_files_in(folder: Path) -> Iterator[Path]:
    """Annotation files below a folder: ``*.toml`` that declare a factmark format."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not skipped_folder(d))
        for name in sorted(files):
            if not name.endswith(".toml"):
                continue
            candidate = Path(root) / name
            if in_annotations_folder(candidate) or _declares_factmark(candidate):
                yield candidate


def _declares_factmark(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return re.search(rb'^format\s*=\s*"factmark/', head, re.MULTILINE) is not None
