"""Where each fact-check of a desk stands, and whether its claims are ready to publish.

``factmark status`` lists every article that has an annotation file, and every article
of the given folders (by default the repository's ``seeds/``) that has none yet.
``factmark check --ready`` is the publication gate: a claim is ready when its verdict is
not ``pending``, it has a source, a second reader signed it off, and the article still
holds its quote (anchored or moved). docs/desk.md has the rules.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from factmark.anchor import locate_all
from factmark.model import AnnotationFile, Claim, format_timestamp
from factmark.paths import annotation_files_in, annotation_path_for, git_root
from factmark.store import loading
from factmark.store.problems import StoreError
from factmark.vocabulary import AnchorState

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
"""What counts as an article in a folder: plain text and Markdown."""

SEEDS_DIR = "seeds"


def not_ready_reasons(claim: Claim, found: AnchorState) -> list[str]:
    """Why a claim may not be published yet (empty: it is ready)."""
    reasons = []
    if claim.verdict == "pending":
        reasons.append("verdict pending")
    if not claim.sources:
        reasons.append("no source")
    if not claim.signed_off:
        reasons.append("not signed off")
    recorded = claim.state
    if recorded is not None or not found.trusted:
        reasons.append(str(recorded or found))
    return reasons


@dataclass(frozen=True)
class NotReady:
    """A claim the gate stops, and why."""

    annotations: Path
    claim: Claim
    reasons: list[str]


@dataclass
class ArticleStatus:
    """One article's fact-check as the desk sees it."""

    article: Path
    annotations: Path | None
    """Its annotation file; None when it has none yet."""
    claims: int = 0
    pending: int = 0
    unsourced: int = 0
    contradictions: int = 0
    unresolved: int = 0
    """Claims the article no longer holds as they were: changed or orphan."""
    signed: int = 0
    self_signed: int = 0
    updated: datetime | None = None
    by: str = ""
    not_ready: list[NotReady] = field(default_factory=list)
    problem: str | None = None
    """Why the annotation file or the article could not be read, if so."""

    @property
    def ready(self) -> bool:
        """Every claim ready, and at least one: a fact-check of nothing is not ready."""
        return self.problem is None and self.claims > 0 and not self.not_ready

    @property
    def open_items(self) -> int:
        """How much work is left: what the desk sorts by."""
        return self.pending + self.unsourced + self.unresolved + (self.claims - self.signed)

    def as_data(self, relative_to: Path) -> dict[str, Any]:
        """The article as ``factmark status --format json`` lists it (docs/desk.md)."""
        return {
            "article": _relative(self.article, relative_to),
            "annotations": (_relative(self.annotations, relative_to) if self.annotations else None),
            "claims": self.claims,
            "pending": self.pending,
            "unsourced": self.unsourced,
            "contradictions": self.contradictions,
            "unresolved": self.unresolved,
            "signed": self.signed,
            "self_signed": self.self_signed,
            "ready": self.ready,
            "updated": format_timestamp(self.updated) if self.updated else None,
            "by": self.by or None,
            "problem": self.problem,
        }


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def annotation_status(path: Path) -> ArticleStatus:
    """The status of one annotation file's article (a problem if it cannot be read)."""
    try:
        loaded = loading.load(path)
    except StoreError as error:
        return ArticleStatus(path.with_suffix(""), path, problem=str(error.problems[0]))
    article_path = _article_of(path, loaded.document)
    try:
        article = loading.read_article(loaded)
    except StoreError as error:
        return ArticleStatus(article_path, path, problem=str(error.problems[0]))
    anchors = locate_all(loaded.document, article, fuzzy=True)
    found = {claim_id: anchor.state for claim_id, anchor in anchors.items()}
    return tally(ArticleStatus(loaded.article_path, path), loaded.document, found)


def _article_of(path: Path, document: AnnotationFile) -> Path:
    try:
        return loading.article_path_for(path, document)
    except StoreError:
        return path.with_suffix("")


def tally(
    status: ArticleStatus, document: AnnotationFile, found: dict[str, AnchorState]
) -> ArticleStatus:
    """Count a document's claims into ``status``; ``found`` is where each claim stands now."""
    status.claims = len(document.claims)
    status.contradictions = len(document.contradiction_links())  # as the review counts them
    for claim in document.claims:
        state = found.get(claim.id, AnchorState.ANCHORED)
        status.pending += claim.verdict == "pending"
        status.unsourced += not claim.sources
        status.unresolved += claim.state is not None or not state.trusted
        status.signed += claim.signed_off
        status.self_signed += claim.self_signed
        reasons = not_ready_reasons(claim, state)
        if reasons:
            status.not_ready.append(NotReady(status.annotations or Path(), claim, reasons))
        for when, who in ((claim.updated, claim.author), (claim.signed, claim.signed_by)):
            if when is not None and (status.updated is None or when > status.updated):
                status.updated, status.by = when, who
    return status


def articles_in(folder: Path) -> Iterator[Path]:
    """The articles of a folder and its subfolders, by name (annotation folders skipped)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "annotations")
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def default_folders(here: Path) -> list[Path]:
    """Where the desk looks with no path given: the repository (or this folder), named
    relative to ``here`` so that what it reports reads as the editor would name it."""
    root = git_root(here.resolve())
    return [Path(os.path.relpath(root, here)) if root is not None else Path()]


def desk_status(folders: Sequence[Path]) -> list[ArticleStatus]:
    """Every annotated article below the folders, and every article of their ``seeds/``
    (or of a folder named directly) without annotations yet."""
    statuses: dict[Path, ArticleStatus] = {}
    for path in _annotation_files(folders):
        status = annotation_status(path)
        statuses.setdefault(status.article.resolve(), status)
    for article in _candidate_articles(folders):
        key = article.resolve()
        if key not in statuses and not annotation_path_for(article).exists():
            statuses[key] = ArticleStatus(article, None, problem=_unreadable(article))
    return sorted(statuses.values(), key=needs_work_first)


def _unreadable(article: Path) -> str | None:
    """Why an article cannot be opened (binary, not UTF-8, empty…), or None."""
    from factmark.article import Article, ArticleError

    try:
        Article.read(article)
    except ArticleError as error:
        return str(error)
    return None


def _annotation_files(folders: Iterable[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for folder in folders:
        for path in annotation_files_in(folder):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                yield path


def _candidate_articles(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        seeds = folder / SEEDS_DIR
        yield from articles_in(seeds if seeds.is_dir() else folder)


def needs_work_first(status: ArticleStatus) -> tuple[int, int, str]:
    """Unreadable first, then not started, then not ready with the most left to do, then
    ready; by path among equals."""
    if status.problem is not None:
        rank = 0
    elif status.annotations is None:
        rank = 1
    else:
        rank = 3 if status.ready else 2
    return (rank, -status.open_items, str(status.article))
