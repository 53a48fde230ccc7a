"""What a command's TARGET names: an article and its annotation file, either way round.

Given an article, the article is the editor's own choice and its annotation
file is found beside it. Given an annotation file, the article is the one the
file names, which must be inside the file's repository (store.read_article).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.article import Article
from factmark.paths import annotation_path_for, looks_like_annotations

if TYPE_CHECKING:
    from factmark.store import Loaded


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
        from factmark import store  # pydantic: only here, so annotate ARTICLE paints first

        loaded = store.load(target)
        article = store.read_article(loaded)
        return Target(article, loaded.article_path, loaded.path, loaded)
    return Target(Article.read(target), target, annotation_path_for(target, annotations))
