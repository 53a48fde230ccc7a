"""The archive: every annotation file of a work tree, as claims already checked.

Every ``annotations/*.toml`` under the work tree, tracked by git or not, is part
of it (docs/archive.md). Files are found and read one at a time, so an archive
of any size is read in bounded memory; a file that cannot be read or does not
validate is left out with a one-line reason, never fatal.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.desk.terms import index_terms
from factmark.errors import FactmarkError
from factmark.paths import ANNOTATIONS_DIR, skipped_folder

if TYPE_CHECKING:
    from factmark.model import Claim, Source


@dataclass(frozen=True)
class OnDisk:
    """An annotation file as the folder listing sees it: enough to tell that it changed."""

    path: str
    """Relative to the archive's root, with ``/``."""
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class ArchivedClaim:
    """What the archive keeps of a claim: what it says, what was found, and where."""

    claim: str
    quote: str
    context: str
    """The note, tags, and sources' titles, citations and addresses: what else says what it is."""
    verdict: str
    paragraph: int | None
    author: str
    updated: str
    tags: tuple[str, ...]
    quote_terms: str
    """The quote as the index stores it (``terms.index_terms``)."""
    context_terms: str


@dataclass(frozen=True)
class ArchivedFile:
    """One annotation file read: its hash, its article and its claims (empty if unreadable)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    article: str
    """The article, relative to the archive's root, with ``/`` ("" when unknown)."""
    claims: tuple[ArchivedClaim, ...]
    problem: str = ""
    """Why the file's claims could not be read ("" when they were)."""
    same: bool = False
    """Its bytes are those already indexed (only its size or time changed): nothing was read."""


def archive_root(start: Path) -> Path:
    """The folder the archive of ``start`` covers: its git work tree, else ``start`` itself."""
    from factmark.gitio.git import GitError, work_tree_root

    try:
        root = work_tree_root(start)
    except GitError:  # no git at all: the folder is the archive
        root = None
    return Path(os.path.abspath(root or start))


def listing(root: Path) -> Iterator[OnDisk]:
    """Every ``annotations/*.toml`` under ``root``, with its size and modification time.

    Folders are walked as ``paths.annotation_files_in`` walks them (hidden and
    tools' folders left out, symlinked folders not followed), with ``os.scandir``:
    the listing runs before every search.
    """
    yield from _walk(str(root), "", annotations=False)


def _walk(folder: str, relative: str, *, annotations: bool) -> Iterator[OnDisk]:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # gone, or not readable: nothing of it can be searched
        return
    for entry in entries:
        try:
            if annotations and entry.name.endswith(".toml") and entry.is_file():
                info = entry.stat()
                yield OnDisk(relative + entry.name, info.st_size, info.st_mtime_ns)
            elif entry.is_dir(follow_symlinks=False) and not skipped_folder(entry.name):
                below = f"{relative}{entry.name}/"
                yield from _walk(entry.path, below, annotations=entry.name == ANNOTATIONS_DIR)
        except OSError:  # gone since the folder was listed
            continue


def read(root: Path, entry: OnDisk, known_sha256: str = "") -> ArchivedFile | None:
    """The file's claims; None if it is gone. Bytes that hash to ``known_sha256`` are not parsed."""
    try:
        data = (root / entry.path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        return _unreadable(entry, "", f"{root / entry.path}: {error.strerror or error}")
    sha256 = hashlib.sha256(data).hexdigest()
    if sha256 == known_sha256:
        return ArchivedFile(entry.path, entry.size, entry.mtime_ns, sha256, "", (), same=True)
    from factmark.store import loading

    path = root / entry.path
    try:
        document = loading.parse(data, path)
        article = loading.article_path_for(path, document)
    except FactmarkError as error:
        return _unreadable(entry, sha256, str(error).splitlines()[0])
    claims = tuple(_archived(claim) for claim in document.claims)
    relative = Path(os.path.relpath(os.path.abspath(article), root)).as_posix()
    return ArchivedFile(entry.path, entry.size, entry.mtime_ns, sha256, relative, claims)


def read_job(job: tuple[Path, OnDisk, str]) -> ArchivedFile | None:
    """``read`` of (root, entry, known hash): what a reading process is given."""
    return read(*job)


def _unreadable(entry: OnDisk, sha256: str, problem: str) -> ArchivedFile:
    return ArchivedFile(entry.path, entry.size, entry.mtime_ns, sha256, "", (), problem)


def _archived(claim: Claim) -> ArchivedClaim:
    from factmark.model import format_timestamp

    when = claim.updated or claim.created
    context = "\n".join(_context(claim.note, claim.tags, claim.sources))
    return ArchivedClaim(
        claim=claim.id,
        quote=claim.quote,
        context=context,
        verdict=claim.verdict,
        paragraph=claim.paragraph,
        author=claim.author,
        updated=format_timestamp(when) if when is not None else "",
        tags=tuple(claim.tags),
        quote_terms=index_terms(claim.quote),
        context_terms=index_terms(context),
    )


def _context(note: str, tags: Iterable[str], sources: Iterable[Source]) -> Iterator[str]:
    if note:
        yield note
    yield from tags
    for source in sources:
        yield from (text for text in (source.title, source.citation, source.url or "") if text)
