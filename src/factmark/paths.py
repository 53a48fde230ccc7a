"""Where an article's annotation file lives, and the way back (no parsing here)."""

from __future__ import annotations

import os
from pathlib import Path

ANNOTATIONS_DIR = "annotations"


def git_root(start: Path) -> Path | None:
    """The work tree root of the git repository holding ``start``, if any."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def annotation_path_for(article: Path | str, override: Path | str | None = None) -> Path:
    """Where an article's annotations live (DESIGN §6).

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


def relative_article(annotation_path: Path, article: Path) -> str:
    """The ``article`` value for a file: relative to its folder, with ``/``."""
    relative = os.path.relpath(os.path.abspath(article), os.path.abspath(annotation_path.parent))
    return Path(relative).as_posix()
