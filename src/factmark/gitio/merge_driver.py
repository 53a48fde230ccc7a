"""The git merge driver: three-way merge of annotation files by claim and field.

git runs ``factmark merge-driver %O %A %B %L %P`` with the common ancestor,
our version (which receives the result) and theirs. Different claims, or
different fields of one claim, merge cleanly (exit 0). The same field
changed two ways, or a claim deleted on one side and changed on the other,
is a conflict (exit 1): both versions of each such claim stay in the file
between conflict markers, around whole tables. Anything unexpected falls
back to git's own line merge: never a file holding only one side.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from factmark import store
from factmark.merge import MergeResult, merge
from factmark.model import AnnotationFile
from factmark.store import ConflictSides, StoreError

EXIT_CLEAN, EXIT_CONFLICT = 0, 1


@dataclass(frozen=True)
class DriverOutcome:
    """What the driver did, for the command line to report."""

    exit_code: int
    message: str


def _read(path: Path, fallback_article: str | None = None) -> AnnotationFile:
    data, _ = store.read_bytes(path)
    if not data.strip() and fallback_article is not None:
        # git passes an empty ancestor when both sides added the file.
        return AnnotationFile(article=fallback_article)
    return store.parse(data, path)


def conflicted_text(
    result: MergeResult, ours: AnnotationFile, theirs: AnnotationFile, marker_size: int
) -> str:
    """The merged file with both sides of every conflicted claim and link kept."""
    our_claims = {c.id: c for c in ours.claims}
    their_claims = {c.id: c for c in theirs.claims}
    claims = {
        claim_id: ConflictSides(our_claims.get(claim_id), their_claims.get(claim_id))
        for claim_id in result.conflicted_claims
    }
    our_links = {link.key: link for link in ours.links}
    their_links = {link.key: link for link in theirs.links}
    conflicted = set(result.conflicted_links)
    links = [ConflictSides(our_links.get(key), their_links.get(key)) for key in sorted(conflicted)]
    merged = result.document.model_copy(
        update={"links": [link for link in result.document.links if link.key not in conflicted]}
    )
    return store.dumps_conflicted(merged, claims, links, marker_size=marker_size)


def merge_files(base: Path, ours: Path, theirs: Path, marker_size: int = 7) -> DriverOutcome:
    """Merge ``theirs`` into ``ours`` (git's %A) against ``base``; see the module docstring."""
    try:
        our_document = _read(ours)
        their_document = _read(theirs)
        base_document = _read(base, fallback_article=our_document.article)
    except StoreError as error:
        return _line_merge(base, ours, theirs, marker_size, f"not merged by claim: {error}")
    try:
        result = merge(base_document, our_document, their_document)
        if result.clean:
            text = store.dumps(result.document)
        elif not result.header_conflicts:
            text = conflicted_text(result, our_document, their_document, marker_size)
    except Exception as error:  # a bug here must not cost anyone their side of the merge
        return _line_merge(base, ours, theirs, marker_size, f"internal error: {error!r}")
    if result.clean:
        store.write_atomic(ours, text.encode("utf-8"))
        return DriverOutcome(EXIT_CLEAN, "")
    if result.header_conflicts:
        names = ", ".join(c.key for c in result.header_conflicts)
        return _line_merge(base, ours, theirs, marker_size, f"both sides changed {names}")
    store.write_atomic(ours, text.encode("utf-8"))
    named = [f"claim {claim_id}" for claim_id in result.conflicted_claims]
    named += [f"link {a}->{b} {kind}" for a, b, kind in result.conflicted_links]
    return DriverOutcome(EXIT_CONFLICT, f"conflict in {', '.join(named)}")


def _line_merge(
    base: Path, ours: Path, theirs: Path, marker_size: int, reason: str
) -> DriverOutcome:
    """git's own line merge into ``ours``: both sides stay, between markers.

    Always a conflict (exit 1), even when the lines merged cleanly: factmark did
    not merge this file, so a person looks at it before it is committed.
    """
    try:
        completed = subprocess.run(
            [
                "git",
                "merge-file",
                f"--marker-size={marker_size}",
                "-L",
                "ours",
                "-L",
                "base",
                "-L",
                "theirs",
                str(ours),
                str(base),
                str(theirs),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        returncode = completed.returncode
    except OSError:  # no git to run: keep both sides whole, below
        returncode = -1
    if returncode == 0:
        return DriverOutcome(
            EXIT_CONFLICT, f"{reason}; merged line by line without conflicts: check the result"
        )
    if 0 < returncode < 128:  # the number of conflicts git marked
        return DriverOutcome(EXIT_CONFLICT, f"{reason}; merged line by line with conflicts")
    # git merge-file itself failed: keep both sides whole, one after the other.
    ours_text = ours.read_text(encoding="utf-8", errors="surrogateescape")
    theirs_text = theirs.read_text(encoding="utf-8", errors="surrogateescape")
    both = (
        f"{'<' * marker_size} ours\n{ours_text.rstrip(chr(10))}\n"
        f"{'=' * marker_size}\n{theirs_text.rstrip(chr(10))}\n{'>' * marker_size} theirs\n"
    )
    store.write_atomic(ours, both.encode("utf-8", errors="surrogateescape"))
    return DriverOutcome(EXIT_CONFLICT, f"{reason}; both sides kept whole")
