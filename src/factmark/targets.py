"""What a command's TARGET names: an article and its annotation file, either way round.

Given an article, the article is the editor's own choice and its annotation
file is found beside it. Given an annotation file, the article is the one the
file names, which must be inside the file's repository (factmark.store.loading.read_article).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.article import Article
from factmark.errors import FactmarkError
from factmark.paths import (
    annotation_path_for,
    annotations_folder_files,
    git_root,
    looks_like_annotations,
)

if TYPE_CHECKING:
    from factmark.store.loading import Loaded


@dataclass(frozen=True)
class Target:
    """An article, read, and where its annotations are (loaded when given as the target)."""

    article: Article
    article_path: Path
    annotation_path: Path
    loaded: Loaded | None = None


def resolve(target: Path, annotations: Path | str | None = None) -> Target:
    """Read what ``target`` names; ``annotations`` overrides the file found for an article.

    StoreError or ArticleError, each one line naming the file, when it cannot be read.
    """
    if looks_like_annotations(target):
        from factmark.store import loading  # pydantic: only here, so annotate ARTICLE paints first

        loaded = loading.load(target)
        article = loading.read_article(loaded)
        return Target(article, loaded.article_path, loaded.path, loaded)
    return Target(Article.read(target), target, annotation_path_for(target, annotations))


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
LISTED = 4
"""Choices named when a command has to ask which article was meant."""


class NoObviousTarget(FactmarkError):
    """No article was named and none is the obvious one (one line, exit 2)."""


def obvious(cwd: Path) -> Path:
    """The target a command means when none is named: the one annotation file here.

    From an article's folder, the one article in it that has annotations; else the
    nearest ``annotations/`` folder from here up to the repository's root, when it
    holds one file. Several: NoObviousTarget names them; none: it says what to do.
    """
    here = [
        path
        for path in sorted(cwd.iterdir())
        if path.suffix in ARTICLE_SUFFIXES and path.is_file() and annotation_path_for(path).exists()
    ]
    if len(here) == 1:
        return here[0]
    if len(here) > 1:
        raise NoObviousTarget(_choices(cwd, here))
    top = git_root(cwd) or cwd
    for folder in (cwd, *cwd.parents):
        files = annotations_folder_files(folder)
        if len(files) == 1:
            return files[0]
        if files:
            raise NoObviousTarget(_choices(folder, files))
        if folder == top:
            break
    raise NoObviousTarget(f"{cwd}: no annotation file here or above; name an ARTICLE")


def _choices(folder: Path, paths: list[Path]) -> str:
    names = [str(path.relative_to(folder)) for path in paths[:LISTED]]
    more = f" and {len(paths) - LISTED} more" if len(paths) > LISTED else ""
    return f"{folder}: {len(paths)} articles to choose from ({', '.join(names)}{more}); name one"
