"""Three-way merge of annotation documents, by claim id and field by field.

Used by the git merge driver and by the TUI when the file changed on disk
while the editor was working. Two sides that changed different claims, or
different fields of one claim, or made the same change, merge cleanly. The
same field changed two ways, or a claim deleted on one side and changed on
the other, is a conflict: reported, never silently resolved.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from factmark.model import AnnotationFile, Claim, Dismissal, Link

T = TypeVar("T")

SET_FIELDS = ("tags", "sources")
"""Claim fields merged as sets, order kept: additions from both sides, removals from both."""

Choice = Literal["mine", "theirs", "both"]
"""How the editor settles a conflict: their own value, the other side's, or (a list) both."""


@dataclass(frozen=True)
class Conflict:
    """One thing the two sides changed in different ways."""

    claim: str | None
    """The claim's id, or None for a link or the file's header."""
    key: str
    """The field, ``claim`` for a whole claim, or ``link from->to kind``."""
    ours: Any
    theirs: Any
    base: Any = None
    link: tuple[str, str, str] | None = None
    """The link's identity (from, to, kind) when the conflict is about a link."""

    def describe(self) -> str:
        where = f"claim {self.claim}: " if self.claim else ""
        return f"{where}{self.key}: changed on both sides ({self.ours!r} / {self.theirs!r})"


@dataclass
class MergeResult:
    """The merged document (ours where a field conflicted, both sides' items where a
    list did) and the conflicts."""

    document: AnnotationFile
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def conflicted_claims(self) -> list[str]:
        return list(dict.fromkeys(c.claim for c in self.conflicts if c.claim))

    @property
    def conflicted_links(self) -> list[tuple[str, str, str]]:
        return list(dict.fromkeys(c.link for c in self.conflicts if c.link))

    @property
    def header_conflicts(self) -> list[Conflict]:
        """Conflicts in the file's own keys (its article), not in a claim or link."""
        return [c for c in self.conflicts if c.claim is None and c.link is None]


def merge_values(base: T, ours: T, theirs: T) -> tuple[T, bool]:
    """The three-way merge of one value; the flag says whether it conflicted."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def merge_sequences(base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]) -> list[T]:
    """Merge two edits of a list as sets, keeping our order, then their additions."""
    if list(theirs) == list(base):  # changed on one side only (a reordering too): that side
        return list(ours)
    if list(ours) == list(base):
        return list(theirs)
    removed = [item for item in base if item not in ours or item not in theirs]
    merged = [item for item in ours if item not in removed]
    merged += [item for item in theirs if item not in merged and item not in removed]
    return merged


def _replaced_two_ways(base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]) -> bool:
    """Whether both sides replaced the same item of a list, each with something else.

    One source edited two ways reads so (the old one removed on both sides, a new
    one added on each). Additions, or removals on one side, merge cleanly.
    """
    if list(ours) == list(theirs):
        return False
    removed_by_both = any(item not in ours and item not in theirs for item in base)
    added_by_ours = any(item not in base and item not in theirs for item in ours)
    added_by_theirs = any(item not in base and item not in ours for item in theirs)
    return removed_by_both and added_by_ours and added_by_theirs


SIGN_OFF = ("signed_by", "signed")
"""A sign-off's two fields, merged as one value: a name from one side and a time from the
other would be a sign-off nobody gave."""


def merge_claim(base: Claim, ours: Claim, theirs: Claim) -> tuple[Claim, list[Conflict]]:
    values: dict[str, Any] = {}
    conflicts = []
    for name in Claim.model_fields:
        if name in SIGN_OFF:
            continue
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        if name in SET_FIELDS:
            values[name] = merge_sequences(b, o, t)
            if _replaced_two_ways(b, o, t):
                conflicts.append(Conflict(ours.id, name, o, t, b))
            continue
        value, conflicted = merge_values(b, o, t)
        if name == "updated" and conflicted:  # both edited: the later edit is when it changed
            values[name] = max((v for v in (o, t) if v is not None), default=None)
            continue
        values[name] = value
        if conflicted:
            conflicts.append(Conflict(ours.id, name, o, t, b))
    merged = ours.model_copy(update=values)
    return _with_sign_off(merged, base, ours, theirs), conflicts


def _with_sign_off(merged: Claim, base: Claim, ours: Claim, theirs: Claim) -> Claim:
    """The merged claim with the sign-off the merge keeps, if any.

    Signed on both sides in two ways: the first sign-off stands (the second
    reader who read it first). A sign-off is kept only if what it signed is
    what the merge keeps: a verdict changed on the other side withdraws it.
    """
    signer = _sign_off_side(base, ours, theirs)
    if signer is None or not signer.signed_off:
        return merged.model_copy(update={"signed_by": "", "signed": None})
    signed = merged.model_copy(update={"signed_by": signer.signed_by, "signed": signer.signed})
    return signed.keeping_sign_off_from(signer)


def _sign_off_side(base: Claim, ours: Claim, theirs: Claim) -> Claim | None:
    """The side whose sign-off the merge takes (None: no side signed it off)."""
    sign_offs = [(side.signed_by, side.signed) for side in (base, ours, theirs)]
    b, o, t = sign_offs
    if o == t or t == b:
        return ours
    if o == b:
        return theirs
    signed = [side for side in (ours, theirs) if side.signed is not None]
    return min(signed, key=lambda side: (side.signed, side.signed_by), default=None)


def _merge_keyed(
    base: dict[Any, T],
    ours: dict[Any, T],
    theirs: dict[Any, T],
    merge_one: Callable[[T, T, T], tuple[T, list[Conflict]]],
    conflict: Callable[[Any, str, str], Conflict],
    same: Callable[[T, T], bool] = operator.eq,
) -> tuple[list[T], list[Conflict]]:
    """Merge two edits of a collection of items keyed by identity.

    Where the sides disagree about an item as a whole (added twice in two
    ways, or deleted on one side and changed on the other), ours is kept
    and a conflict is reported.
    """
    merged: list[T] = []
    conflicts: list[Conflict] = []
    for key in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o is not None and t is not None:
            if b is not None:
                item, found = merge_one(b, o, t)
                merged.append(item)
                conflicts += found
            else:  # added on both sides
                merged.append(o)
                if not same(o, t):
                    conflicts.append(conflict(key, "added", "added"))
        elif o is not None or t is not None:
            kept = o if o is not None else t
            assert kept is not None
            if b is None:  # added on one side
                merged.append(kept)
            elif kept != b:  # deleted on one side, changed on the other
                merged.append(kept)
                conflicts.append(
                    conflict(key, "changed" if o is not None else "deleted",
                             "changed" if t is not None else "deleted")
                )  # fmt: skip
            # else: deleted on one side, untouched on the other
    return merged, conflicts


def _merge_link(base: Link, ours: Link, theirs: Link) -> tuple[Link, list[Conflict]]:
    note, conflicted = merge_values(base.note, ours.note, theirs.note)
    conflicts = (
        [Conflict(None, link_name_of(ours), ours.note, theirs.note, base.note, ours.key)]
        if conflicted
        else []
    )
    return ours.model_copy(update={"note": note}), conflicts


def link_name(key: tuple[str, str, str]) -> str:
    """How a merge names a link in a conflict: ``link k3v9q2->p8w1mz contradicts``."""
    source, target, kind = key
    return f"link {source}->{target} {kind}"


def link_name_of(link: Link) -> str:
    return link_name((link.source, link.target, link.kind))


def merge_claims(
    base: Sequence[Claim], ours: Sequence[Claim], theirs: Sequence[Claim]
) -> tuple[list[Claim], list[Conflict]]:
    """Merge two edits of a set of claims, by id and then field by field."""
    return _merge_keyed(
        {c.id: c for c in base},
        {c.id: c for c in ours},
        {c.id: c for c in theirs},
        merge_claim,
        lambda key, o, t: Conflict(str(key), "claim", o, t),
    )


def merge_links(
    base: Sequence[Link], ours: Sequence[Link], theirs: Sequence[Link], claim_ids: set[str]
) -> tuple[list[Link], list[Conflict]]:
    """Merge two edits of the links; a link to a claim not in ``claim_ids`` is a conflict."""
    links, conflicts = _merge_keyed(
        {link.key: link for link in base},
        {link.key: link for link in ours},
        {link.key: link for link in theirs},
        _merge_link,
        lambda key, o, t: Conflict(None, link_name(key), o, t, link=key),
        # a symmetric link drawn from either end is the same link
        lambda o, t: o.key == t.key and o.note == t.note,
    )
    kept = []
    for link in links:
        if link.source in claim_ids and (link.cross_file or link.target in claim_ids):
            kept.append(link)
        else:
            conflicts.append(
                Conflict(None, link_name_of(link), "linked", "claim deleted", link=link.key)
            )
    return kept, conflicts


def merge_header(
    base: AnnotationFile, ours: AnnotationFile, theirs: AnnotationFile
) -> tuple[dict[str, Any], list[Conflict]]:
    """Merge the file's own keys (article, article_sha256).

    The format is not merged: a file is written in the lowest format that holds it.
    """
    header: dict[str, Any] = {}
    conflicts = []
    for name in ("article", "article_sha256"):
        value, conflicted = merge_values(
            getattr(base, name), getattr(ours, name), getattr(theirs, name)
        )
        if conflicted and name == "article_sha256":
            value = ""  # anchored against two different texts: unknown until re-anchored
        elif conflicted:
            conflicts.append(Conflict(None, name, getattr(ours, name), getattr(theirs, name)))
        header[name] = value
    return header, conflicts


def merge(base: AnnotationFile, ours: AnnotationFile, theirs: AnnotationFile) -> MergeResult:
    """Merge two edits (``ours``, ``theirs``) of the same ``base`` document."""
    claims, conflicts = merge_claims(base.claims, ours.claims, theirs.claims)
    ids = {claim.id for claim in claims}
    links, link_conflicts = merge_links(base.links, ours.links, theirs.links, ids)
    header, header_conflicts = merge_header(base, ours, theirs)
    document = AnnotationFile.model_validate(
        {
            **header,
            "claims": [c.model_dump() for c in claims],
            "links": [link.model_dump(by_alias=True) for link in links],
            "dismissed": [
                d.model_dump()
                for d in merge_dismissed(base.dismissed, ours.dismissed, theirs.dismissed)
            ],
        }
    )
    document = document.model_copy(update={"format": document.needed_format})
    return MergeResult(document.sorted(), conflicts + link_conflicts + header_conflicts)


def merge_dismissed(
    base: Sequence[Dismissal], ours: Sequence[Dismissal], theirs: Sequence[Dismissal]
) -> list[Dismissal]:
    """Dismissed candidates from both sides; one undismissed on either side stays undismissed.

    Dismissing the same candidate on both sides is one dismissal (ours).
    """
    was = {d.key for d in base}
    mine, yours = {d.key: d for d in ours}, {d.key: d for d in theirs}
    return [
        dismissal
        for key, dismissal in {**yours, **mine}.items()
        if key not in was or (key in mine and key in yours)
    ]
