"""A session's annotation file as it is on disk now: read again, merged with the
session's document, or what writing over it would lose. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factmark.article import Article
from factmark.located import Located
from factmark.merge import Choice, Conflict, merge
from factmark.model import AnnotationFile
from factmark.settling import overwritten, resolve
from factmark.store import loading
from factmark.store.atomic import Fingerprint


@dataclass(frozen=True)
class Taken:
    """A document taken from the file: with fresh hints for the claims found exactly,
    where its claims were found, and what the file holds now."""

    document: AnnotationFile
    located: Located
    disk: AnnotationFile
    """The document as the file holds it."""
    fingerprint: Fingerprint


def read(path: Path, article: Article) -> Taken:
    """The file as it is on disk (StoreError if unusable)."""
    loaded = loading.load(path)
    document, located = Located.read(loaded.document, article)
    return Taken(document, located, loaded.document, loaded.fingerprint)


def merged(
    path: Path,
    article: Article,
    saved: AnnotationFile,
    mine: AnnotationFile,
    asked: Sequence[Conflict] = (),
    choices: Sequence[Choice] = (),
) -> Taken | list[Conflict]:
    """The file's changes merged into ``mine``, three-way from ``saved``.

    Where both changed the same thing nothing is merged, and the conflicts are
    returned, until ``choices`` settles each of them, asked as ``asked``. Conflicts
    other than those asked about (the file changed again meanwhile) are returned to
    be asked about afresh.
    """
    loaded = loading.load(path)
    result = merge(saved, mine, loaded.document)
    if result.conflicts and (list(asked) != result.conflicts or len(choices) != len(asked)):
        return result.conflicts
    document, located = Located.read(resolve(result, mine, loaded.document, choices), article)
    return Taken(document, located, loaded.document, loaded.fingerprint)


def lost_by_writing(path: Path, saved: AnnotationFile, mine: AnnotationFile) -> list[Conflict]:
    """What writing ``mine`` over the file would lose of the changes made there since
    ``saved``."""
    return overwritten(saved, mine, loading.load(path).document)
