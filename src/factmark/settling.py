"""Settling a merge's conflicts as the editor chooses, and what a choice would lose.

:mod:`factmark.merge` finds the conflicts; this is what the editor's choices
(mine, theirs, both) make of them: a settled document, a dialog's edit put on
the claim as it is now, and the changes writing over the file would lose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from factmark.merge import (
    SET_FIELDS,
    Choice,
    Conflict,
    MergeResult,
    link_name,
    link_name_of,
    merge_claim,
    merge_sequences,
)
from factmark.model import AnnotationFile, Claim, Link

T = TypeVar("T")


def chosen_value(conflict: Conflict, choice: Choice) -> Any:
    """The value of a conflicted field as the editor chose it (both: a list's items from each)."""
    if choice == "theirs":
        return conflict.theirs
    if choice == "both" and conflict.key in SET_FIELDS:
        return merge_sequences(conflict.base, conflict.ours, conflict.theirs)
    return conflict.ours


def resolve(
    result: MergeResult,
    ours: AnnotationFile,
    theirs: AnnotationFile,
    choices: Sequence[Choice],
) -> AnnotationFile:
    """The merged document with each of its conflicts settled as chosen (one choice each).

    A claim or link chosen whole is taken from that side, or left out where that
    side deleted it; a link stays only while both its claims do.
    """
    if len(choices) != len(result.conflicts):
        raise ValueError("one choice is needed for each conflict")
    document = result.document
    claims = {claim.id: claim for claim in document.claims}
    links = {link.key: link for link in document.links}
    header: dict[str, Any] = {}
    for conflict, choice in zip(result.conflicts, choices, strict=True):
        side = ours if choice == "mine" else theirs
        if conflict.link is not None:
            _put(
                links, conflict.link, next((k for k in side.links if k.key == conflict.link), None)
            )
        elif conflict.claim is None:
            header[conflict.key] = chosen_value(conflict, choice)
        elif conflict.key == "claim":
            _put(
                claims,
                conflict.claim,
                next((c for c in side.claims if c.id == conflict.claim), None),
            )
        elif conflict.claim in claims:
            value = chosen_value(conflict, choice)
            claims[conflict.claim] = claims[conflict.claim].model_copy(update={conflict.key: value})
    kept = [link for link in links.values() if link.source in claims and link.target in claims]
    settled = document.model_copy(update={**header, "claims": list(claims.values()), "links": kept})
    return AnnotationFile.model_validate(settled.model_dump(by_alias=True)).sorted()


def _put(items: dict[Any, T], key: Any, item: T | None) -> None:
    if item is None:
        items.pop(key, None)
    else:
        items[key] = item


def merge_edit(
    base: Claim, mine: Claim, current: Claim | None
) -> tuple[Claim | None, list[Conflict]]:
    """A dialog's edit of a claim (``base`` as it opened, ``mine`` as it closed) applied
    onto the claim as it is now, field by field.

    A claim deleted meanwhile (``current`` None) is one conflict on the whole claim:
    settled ``mine`` it comes back with the edit, ``theirs`` the edit is dropped.
    """
    if current is None:
        return None, [Conflict(base.id, "claim", "changed", "deleted", base)]
    return merge_claim(base, mine, current)


def resolve_edit(
    mine: Claim, merged: Claim | None, conflicts: Sequence[Conflict], choices: Sequence[Choice]
) -> Claim | None:
    """The claim once a dialog's conflicts are settled (None: the edit is dropped)."""
    if len(choices) != len(conflicts):
        raise ValueError("one choice is needed for each conflict")
    if merged is None:
        return mine if list(choices) == ["mine"] else None
    values = {c.key: chosen_value(c, choice) for c, choice in zip(conflicts, choices, strict=True)}
    return merged.model_copy(update=values)


def overwritten(
    base: AnnotationFile, ours: AnnotationFile, theirs: AnnotationFile
) -> list[Conflict]:
    """What writing ``ours`` over ``theirs`` would lose of what they changed since ``base``:
    each claim field ours holds otherwise, each claim or link they added, changed or
    deleted, and the file's article."""
    lost = _overwritten_claims(base, ours, theirs) + _overwritten_links(base, ours, theirs)
    if theirs.article not in (base.article, ours.article):
        lost.append(Conflict(None, "article", ours.article, theirs.article, base.article))
    return lost


def _overwritten_claims(
    base: AnnotationFile, ours: AnnotationFile, theirs: AnnotationFile
) -> list[Conflict]:
    def fields(old: Claim, kept: Claim, claim: Claim) -> list[Conflict]:
        return [
            Conflict(claim.id, name, getattr(kept, name), getattr(claim, name), getattr(old, name))
            for name in Claim.model_fields
            if name != "updated"
            and getattr(claim, name) not in (getattr(old, name), getattr(kept, name))
        ]

    return _overwritten_items(
        {c.id: c for c in base.claims},
        {c.id: c for c in ours.claims},
        {c.id: c for c in theirs.claims},
        fields,
        lambda key, o, t, old: Conflict(key, "claim", o, t, old),
    )


def _overwritten_links(
    base: AnnotationFile, ours: AnnotationFile, theirs: AnnotationFile
) -> list[Conflict]:
    def note(old: Link, kept: Link, link: Link) -> list[Conflict]:
        return [Conflict(None, link_name_of(link), kept.note, link.note, old.note, link.key)]

    return _overwritten_items(
        {link.key: link for link in base.links},
        {link.key: link for link in ours.links},
        {link.key: link for link in theirs.links},
        note,
        lambda key, o, t, old: Conflict(None, link_name(key), o, t, link=key),
    )


def _overwritten_items(
    base: dict[Any, T],
    ours: dict[Any, T],
    theirs: dict[Any, T],
    fields: Callable[[T, T, T], list[Conflict]],
    whole: Callable[[Any, str, str, T | None], Conflict],
) -> list[Conflict]:
    """Their changes to a collection keyed by identity that ``ours`` would overwrite:
    ``fields`` of an item both kept, ``whole`` for one added, changed or deleted."""
    lost = []
    for key, item in theirs.items():
        old, kept = base.get(key), ours.get(key)
        if item in (old, kept):
            continue
        if old is not None and kept is not None:
            lost += fields(old, kept, item)
        else:  # added by them, or changed where ours deleted it
            ours_state = "deleted" if kept is None else "added"
            lost.append(whole(key, ours_state, "added" if old is None else "changed", old))
    lost += [
        whole(key, "kept", "deleted", old)
        for key, old in base.items()
        if key not in theirs and key in ours
    ]
    return lost
