"""Links into another annotation file: ``to = "<file, relative to this one>#<id>"``.

A desk links a claim to one already checked in another article (``duplicates``,
``supports``). The other file is named by whoever committed this one, so it is
confined to the repository like an article (docs/format.md); ``check`` reports a
link whose file or claim is not there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from factmark.errors import FactmarkError
from factmark.model import AnnotationFile, Claim, Link, split_ref
from factmark.paths import ArticlePathError, article_in_repository
from factmark.store import loading
from factmark.store.problems import StoreError


class CrossFileError(FactmarkError):
    """A link into another annotation file that leads nowhere; ``str()`` says why."""


def ref_to(from_file: Path, to_file: Path, claim_id: str) -> str:
    """How a link in ``from_file`` names a claim of ``to_file``."""
    folder = Path(os.path.abspath(from_file)).parent
    relative = os.path.relpath(os.path.abspath(to_file), folder)
    return f"{Path(relative).as_posix()}#{claim_id}"


@dataclass
class CrossFiles:
    """The other annotation files one file's links name, each read once."""

    annotation_path: Path
    _read: dict[Path, AnnotationFile | CrossFileError] = field(default_factory=dict)

    def claim(self, ref: str) -> Claim:
        """The claim a cross-file ``to`` names (CrossFileError if there is none)."""
        relative, claim_id = split_ref(ref)
        if relative is None:
            raise CrossFileError(f"{ref}: not a link into another file")
        document = self._document(relative)
        try:
            return document.claim(claim_id)
        except KeyError:
            raise CrossFileError(f"{relative} has no claim {claim_id}") from None

    def _document(self, relative: str) -> AnnotationFile:
        try:
            path = article_in_repository(self.annotation_path, relative)
        except ArticlePathError as error:
            raise CrossFileError(f"{relative}: {error}") from None
        found = self._read.get(path)
        if found is None:
            found = self._read[path] = self._load(path, relative)
        if isinstance(found, CrossFileError):
            raise found
        return found

    @staticmethod
    def _load(path: Path, relative: str) -> AnnotationFile | CrossFileError:
        if not path.is_file():
            return CrossFileError(f"{relative}: no such annotation file")
        try:
            return loading.load(path).document
        except StoreError as error:
            return CrossFileError(f"{relative} cannot be read ({error.problems[0].message})")


def dangling(annotation_path: Path, links: list[Link]) -> list[tuple[int, Link, str]]:
    """The cross-file links that lead nowhere: (index in the file, link, why)."""
    files = CrossFiles(annotation_path)
    found = []
    for index, link in enumerate(links):
        if link.cross_file:
            try:
                files.claim(link.target)
            except CrossFileError as error:
                found.append((index, link, str(error)))
    return found
