"""Claim-level differences between two versions of an annotation file, as data.

Changes are grouped per claim: added, removed, and changed field by field
(old → new); sources and tags as additions and removals; links by (from, to,
kind). ``diff_render`` shows them as text and JSON; ``diff_sources`` collects
what ``factmark diff`` compares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from factmark.model import AnnotationFile, Claim, Dismissal, Link, Source

SET_FIELDS = ("sources", "tags")
HEADER_FIELDS = ("format", "article", "article_sha256")


@dataclass(frozen=True)
class FieldChange:
    old: Any
    new: Any


@dataclass
class ClaimChange:
    """One claim present on both sides, with what changed in it."""

    old: Claim
    new: Claim
    fields: dict[str, FieldChange] = field(default_factory=dict)
    sources_added: list[Source] = field(default_factory=list)
    sources_removed: list[Source] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    tags_removed: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.new.id

    @property
    def empty(self) -> bool:
        return not (
            self.fields
            or self.sources_added
            or self.sources_removed
            or self.tags_added
            or self.tags_removed
        )


@dataclass(frozen=True)
class LinkChange:
    """One link (same from, to and kind) whose note or direction changed."""

    old: Link
    new: Link
    fields: dict[str, FieldChange]


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a file on disk or a file at a revision."""

    name: str
    """What the heading calls it: a path, a revision, or ``working tree``."""
    label: str
    """The file as errors name it: the path, or ``REV:path``."""
    data: bytes | None
    """The file's bytes; None when the file is not there (added or removed)."""


@dataclass
class FileDiff:
    """Everything that differs between two versions of one annotation file."""

    path: str
    old_side: Side
    new_side: Side
    old: AnnotationFile | None
    new: AnnotationFile | None
    header: dict[str, FieldChange] = field(default_factory=dict)
    claims_added: list[Claim] = field(default_factory=list)
    claims_removed: list[Claim] = field(default_factory=list)
    claims_changed: list[ClaimChange] = field(default_factory=list)
    links_added: list[Link] = field(default_factory=list)
    links_removed: list[Link] = field(default_factory=list)
    links_changed: list[LinkChange] = field(default_factory=list)
    dismissed_added: list[Dismissal] = field(default_factory=list)
    dismissed_removed: list[Dismissal] = field(default_factory=list)
    files_mode: bool = False
    """Two files compared directly (the heading names both)."""

    @property
    def status(self) -> Literal["added", "removed", "modified"]:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "modified"

    @property
    def empty(self) -> bool:
        return not (
            self.header
            or self.claims_added
            or self.claims_removed
            or self.claims_changed
            or self.links_added
            or self.links_removed
            or self.links_changed
            or self.dismissed_added
            or self.dismissed_removed
        )

    @property
    def title(self) -> str:
        if self.files_mode:
            return f"{self.old_side.name} → {self.new_side.name}"
        what = {"added": ", new file", "removed": ", deleted", "modified": ""}[self.status]
        return f"{self.path} ({self.old_side.name} → {self.new_side.name}{what})"


def diff_claim(old: Claim, new: Claim) -> ClaimChange:
    """What changed in one claim, field by field; sources and tags as sets."""
    change = ClaimChange(old, new)
    for name in Claim.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name in SET_FIELDS:
            added = [item for item in after if item not in before]
            removed = [item for item in before if item not in after]
            if name == "sources":
                change.sources_added, change.sources_removed = added, removed
            else:
                change.tags_added, change.tags_removed = added, removed
            if added or removed:
                continue  # otherwise only the order changed: a field change
        change.fields[name] = FieldChange(before, after)
    return change


def diff_documents(
    path: str,
    old_side: Side,
    new_side: Side,
    old: AnnotationFile | None,
    new: AnnotationFile | None,
) -> FileDiff:
    """The claim-level difference between two documents (None: the file is not there)."""
    result = FileDiff(path, old_side, new_side, old, new)
    before = old.sorted() if old is not None else None
    after = new.sorted() if new is not None else None
    if before is not None and after is not None:
        for name in HEADER_FIELDS:
            if getattr(before, name) != getattr(after, name):
                result.header[name] = FieldChange(getattr(before, name), getattr(after, name))
    old_claims = {claim.id: claim for claim in before.claims} if before is not None else {}
    new_claims = {claim.id: claim for claim in after.claims} if after is not None else {}
    result.claims_removed = [c for claim_id, c in old_claims.items() if claim_id not in new_claims]
    for claim_id, claim in new_claims.items():
        if claim_id not in old_claims:
            result.claims_added.append(claim)
            continue
        change = diff_claim(old_claims[claim_id], claim)
        if not change.empty:
            result.claims_changed.append(change)
    old_links = {link.key: link for link in before.links} if before is not None else {}
    new_links = {link.key: link for link in after.links} if after is not None else {}
    result.links_removed = [link for key, link in old_links.items() if key not in new_links]
    for key, link in new_links.items():
        if key not in old_links:
            result.links_added.append(link)
            continue
        was = old_links[key]
        fields = {
            name: FieldChange(a, b)
            for name, a, b in (
                ("from", was.source, link.source),
                ("to", was.target, link.target),
                ("note", was.note, link.note),
            )
            if a != b
        }
        if fields:
            result.links_changed.append(LinkChange(was, link, fields))
    old_dismissed = {d.key: d for d in before.dismissed} if before is not None else {}
    new_dismissed = {d.key: d for d in after.dismissed} if after is not None else {}
    result.dismissed_added = [d for key, d in new_dismissed.items() if key not in old_dismissed]
    result.dismissed_removed = [d for key, d in old_dismissed.items() if key not in new_dismissed]
    return result
