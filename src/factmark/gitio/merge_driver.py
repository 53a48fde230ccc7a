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

from dataclasses import dataclass
from pathlib import Path

from factmark.gitio import git
from factmark.gitio.blocks import Blocks, holds_cross_file_link, holds_sign_off, split_blocks
from factmark.merge import (
    MergeResult,
    link_name,
    merge,
    merge_claims,
    merge_dismissed,
    merge_header,
    merge_links,
)
from factmark.model import AnnotationFile, Claim, needed_format
from factmark.store import atomic, loading, writer
from factmark.store.problems import StoreError
from factmark.store.writer import ConflictSides

EXIT_CLEAN, EXIT_CONFLICT = 0, 1


@dataclass(frozen=True)
class DriverOutcome:
    """What the driver did, for the command line to report."""

    exit_code: int
    message: str


def _read(path: Path, fallback_article: str | None = None) -> AnnotationFile:
    data, _ = atomic.read_bytes(path)
    if not data.strip() and fallback_article is not None:
        # git passes an empty ancestor when both sides added the file.
        return AnnotationFile(article=fallback_article)
    return loading.parse(data, path)


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
    return writer.dumps_conflicted(merged, claims, links, marker_size=marker_size)


@dataclass(frozen=True)
class TextMerge:
    """A merge done on the files' text, parsing only the claims that changed."""

    text: str
    conflicted: list[str]
    """Names of the conflicted claims and links; empty when clean."""


_Piece = tuple[tuple[int, int, str], str]
"""A claim's canonical sort key and its text, ready to be written in place."""


def merge_by_blocks(base: str, ours: str, theirs: str, marker_size: int = 7) -> TextMerge | None:
    """The same merge as ``merge()``, fast for large files: unchanged claims stay text.

    A claim whose text is the same on all three sides (or on ours and theirs)
    is kept as written, unparsed; only claims that differ are parsed, merged
    field by field and written anew. None when a side is not in canonical
    shape or the files' own keys conflict: the caller then merges whole documents.
    """
    b, o, t = (split_blocks(text) for text in (base, ours, theirs))
    if b is None or o is None or t is None:
        return None
    kept, changed = _claims_kept_as_text(b, o, t)
    merged, claim_names = _merge_changed_claims(b, o, t, changed, marker_size)
    merged_ids = {piece_key[2] for piece_key, _ in merged}
    links, link_names = _merge_link_tables(b, o, t, set(kept) | merged_ids, marker_size)
    header, header_conflicts = merge_header(b.parsed_header(), o.parsed_header(), t.parsed_header())
    if header_conflicts:
        return None
    dismissed = merge_dismissed(b.parsed_dismissed(), o.parsed_dismissed(), t.parsed_dismissed())
    head = AnnotationFile.model_validate({**header, "dismissed": dismissed}).sorted()
    pieces = sorted([*kept.values(), *merged], key=lambda piece: piece[0])
    signed = any(holds_sign_off(text) for _, text in pieces)
    cross_file = any(holds_cross_file_link(text) for text in links)
    format = needed_format(signed=signed, dismissed=bool(dismissed), cross_file=cross_file)
    blocks = [
        writer.header_text(head, format),
        *(text for _, text in pieces),
        *links,
        *(writer.dismissed_text(dismissal) for dismissal in head.dismissed),
    ]
    return TextMerge("\n".join(blocks), claim_names + link_names)


def _claims_kept_as_text(b: Blocks, o: Blocks, t: Blocks) -> tuple[dict[str, _Piece], list[str]]:
    """Claims one side's text settles (id -> piece), and the ids changed on both sides."""
    kept: dict[str, _Piece] = {}
    changed: list[str] = []
    for claim_id in dict.fromkeys([*o.claims, *t.claims, *b.claims]):
        was, mine, yours = (side.claims.get(claim_id) for side in (b, o, t))
        if mine != yours and mine != was and yours != was:
            changed.append(claim_id)
            continue
        winner = o if mine == yours or yours == was else t
        if claim_id not in winner.claims:  # deleted where it was otherwise untouched
            continue
        if not mine == yours == was:
            winner.claim(claim_id)  # an edited claim must be valid (StoreError if not)
        kept[claim_id] = (winner.position(claim_id), winner.claims[claim_id])
    return kept, changed


def _merge_changed_claims(
    b: Blocks, o: Blocks, t: Blocks, changed: list[str], marker_size: int
) -> tuple[list[_Piece], list[str]]:
    """The claims changed on both sides, merged field by field: pieces, and conflict names."""

    def parsed(side: Blocks) -> dict[str, Claim]:
        return {claim_id: side.claim(claim_id) for claim_id in changed if claim_id in side.claims}

    was_claims, our_claims, their_claims = parsed(b), parsed(o), parsed(t)
    merged, conflicts = merge_claims(
        list(was_claims.values()), list(our_claims.values()), list(their_claims.values())
    )
    conflicted = {c.claim for c in conflicts if c.claim}
    pieces: list[_Piece] = []
    for claim in merged:
        sides = ConflictSides(our_claims.get(claim.id), their_claims.get(claim.id))
        text = (
            writer.conflict_text(sides, marker_size)
            if claim.id in conflicted
            else writer.claim_text(claim)
        )
        pieces.append(((*claim.position, claim.id), text))
    names = [
        f"claim {claim_id}" for claim_id in dict.fromkeys(c.claim for c in conflicts if c.claim)
    ]
    return pieces, names


def _merge_link_tables(
    b: Blocks, o: Blocks, t: Blocks, claim_ids: set[str], marker_size: int
) -> tuple[list[str], list[str]]:
    """Every side's links merged: the tables as written, and the names of conflicted links."""
    our_links, their_links = o.parsed_links(), t.parsed_links()
    links, link_conflicts = merge_links(b.parsed_links(), our_links, their_links, claim_ids)
    conflicted_links = sorted({c.link for c in link_conflicts if c.link})
    ours_by_key = {link.key: link for link in our_links}
    theirs_by_key = {link.key: link for link in their_links}
    clean_links = sorted(
        (link for link in links if link.key not in conflicted_links),
        key=lambda link: (link.source, link.target, link.kind),
    )
    texts = [writer.link_text(link) for link in clean_links]
    texts += [
        writer.conflict_text(
            ConflictSides(ours_by_key.get(key), theirs_by_key.get(key)), marker_size
        )
        for key in conflicted_links
    ]
    names = [link_name(key) for key in conflicted_links]
    return texts, names


def merge_files(base: Path, ours: Path, theirs: Path, marker_size: int = 7) -> DriverOutcome:
    """Merge ``theirs`` into ``ours`` (git's %A) against ``base``; see the module docstring."""
    fast = _merge_by_blocks(base, ours, theirs, marker_size)
    if fast is not None:
        return fast
    try:
        our_document = _read(ours)
        their_document = _read(theirs)
        base_document = _read(base, fallback_article=our_document.article)
    except StoreError as error:
        return _line_merge(base, ours, theirs, marker_size, f"not merged by claim: {error}")
    try:
        result = merge(base_document, our_document, their_document)
        if result.clean:
            text = writer.dumps(result.document)
        elif not result.header_conflicts:
            text = conflicted_text(result, our_document, their_document, marker_size)
    except Exception as error:  # a bug here must not cost anyone their side of the merge
        return _line_merge(base, ours, theirs, marker_size, f"internal error: {error!r}")
    if result.clean:
        atomic.write_atomic(ours, text.encode("utf-8"))
        return DriverOutcome(EXIT_CLEAN, "")
    if result.header_conflicts:
        names = ", ".join(c.key for c in result.header_conflicts)
        return _line_merge(base, ours, theirs, marker_size, f"both sides changed {names}")
    atomic.write_atomic(ours, text.encode("utf-8"))
    named = [f"claim {claim_id}" for claim_id in result.conflicted_claims]
    named += [link_name(key) for key in result.conflicted_links]
    return DriverOutcome(EXIT_CONFLICT, f"conflict in {', '.join(named)}")


def _merge_by_blocks(
    base: Path, ours: Path, theirs: Path, marker_size: int
) -> DriverOutcome | None:
    """The fast path for files in canonical shape; None hands over to the whole-document merge."""
    try:
        merged = merge_by_blocks(
            base.read_text(encoding="utf-8"),
            ours.read_text(encoding="utf-8"),
            theirs.read_text(encoding="utf-8"),
            marker_size,
        )
    except Exception:  # whatever it is, the whole-document merge will say it properly
        return None
    if merged is None:
        return None
    atomic.write_atomic(ours, merged.text.encode("utf-8"))
    if not merged.conflicted:
        return DriverOutcome(EXIT_CLEAN, "")
    return DriverOutcome(EXIT_CONFLICT, f"conflict in {', '.join(merged.conflicted)}")


def _line_merge(
    base: Path, ours: Path, theirs: Path, marker_size: int, reason: str
) -> DriverOutcome:
    """git's own line merge into ``ours``: both sides stay, between markers.

    Always a conflict (exit 1), even when the lines merged cleanly: factmark did
    not merge this file, so a person looks at it before it is committed.
    """
    returncode = git.merge_file(ours, base, theirs, marker_size)
    if returncode == 0:
        return DriverOutcome(
            EXIT_CONFLICT, f"{reason}; merged line by line without conflicts: check the result"
        )
    if returncode is not None and 0 < returncode < 128:  # the number of conflicts git marked
        return DriverOutcome(EXIT_CONFLICT, f"{reason}; merged line by line with conflicts")
    # No git, or git merge-file itself failed: keep both sides whole, one after the other.
    ours_text = ours.read_text(encoding="utf-8", errors="surrogateescape")
    theirs_text = theirs.read_text(encoding="utf-8", errors="surrogateescape")
    both = (
        f"{'<' * marker_size} ours\n{ours_text.rstrip(chr(10))}\n"
        f"{'=' * marker_size}\n{theirs_text.rstrip(chr(10))}\n{'>' * marker_size} theirs\n"
    )
    atomic.write_atomic(ours, both.encode("utf-8", errors="surrogateescape"))
    return DriverOutcome(EXIT_CONFLICT, f"{reason}; both sides kept whole")
