"""The canonical text of an annotation file (docs/format.md).

The same data always gives the same bytes: fixed key order, claims by
position, every claim, source and link its own table, hidden characters
escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from factmark.model import AnnotationFile, Claim, Dismissal, Link, format_timestamp
from factmark.store.atomic import Fingerprint, changed_on_disk, write_atomic
from factmark.store.problems import ChangedOnDiskError, Problem
from factmark.visible import HIDDEN, escaped

HEADER_KEYS = ("format", "article", "article_sha256")
CLAIM_KEYS = (
    "id", "quote", "prefix", "suffix", "paragraph", "start", "verdict", "confidence",
    "note", "tags", "author", "created", "updated", "signed_by", "signed", "state",
)  # fmt: skip
SOURCE_KEYS = ("url", "citation", "title", "quote", "accessed", "stance")
LINK_KEYS = ("from", "to", "kind", "note")
DISMISSED_KEYS = ("quotes", "reason", "author", "created")


# What tomli-w writes as it stands between double quotes: printable ASCII but " and \.
_PLAIN = re.compile(r"[ !#-\[\]-~]*")


def _escape_hidden(match: re.Match[str]) -> str:
    """Hidden characters as escapes, so that they show in `git diff` and on a forge."""
    char = match.group()
    return "\\r" if char == "\r" else escaped(char)


def _value(value: Any) -> str:
    if type(value) is int:  # most values are numbers and plain strings: as tomli-w writes them
        return str(value)
    if type(value) is str and _PLAIN.fullmatch(value):
        return f'"{value}"'
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):  # as tomli-w writes an array, with our strings
        return "[\n" + "".join(f"    {_value(item)},\n" for item in value) + "]"
    if isinstance(value, str) and "\n" in value:
        # tomli-w turns CRLF into LF in a multi-line string: write each line as
        # the body of a basic string instead, so that a CR stays (as \r).
        return '"""\n' + "\n".join(_value(line)[1:-1] for line in value.split("\n")) + '"""'
    # tomli-w knows TOML's quoting; we only add escapes for what it leaves raw.
    rendered = tomli_w.dumps({"v": value})[len("v = ") : -1]
    return HIDDEN.sub(_escape_hidden, rendered)


def _table(header: str | None, values: Mapping[str, Any], keys: Iterable[str]) -> str:
    lines = [header] if header else []
    for key in keys:
        value = values.get(key)
        if value is None or value == "" or value == []:
            continue
        lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


def header_text(document: AnnotationFile, format: str | None = None) -> str:
    """The file's top-level keys, as written: the format is the lowest that holds the file.

    ``format`` names it when ``document`` holds only part of the file (the merge driver's
    header, without the claims).
    """
    values = document.model_dump(include=set(HEADER_KEYS))
    return _table(None, {**values, "format": format or document.needed_format}, HEADER_KEYS)


def claim_text(claim: Claim) -> str:
    """One claim as written: its table, then a table per source, blank lines between."""
    blocks = [_table("[[claims]]", claim.model_dump(exclude={"sources"}), CLAIM_KEYS)]
    blocks.extend(
        _table("[[claims.sources]]", source.model_dump(), SOURCE_KEYS) for source in claim.sources
    )
    return "\n".join(blocks)


def link_text(link: Link) -> str:
    """One link as written."""
    return _table("[[links]]", link.model_dump(by_alias=True), LINK_KEYS)


def dismissed_text(dismissal: Dismissal) -> str:
    """One dismissed contradiction candidate as written."""
    return _table("[[dismissed]]", dismissal.model_dump(), DISMISSED_KEYS)


def dumps(document: AnnotationFile) -> str:
    """The canonical text of a document: the same data always gives the same bytes."""
    document = document.sorted()
    blocks = [header_text(document)]
    blocks.extend(claim_text(claim) for claim in document.claims)
    blocks.extend(link_text(link) for link in document.links)
    blocks.extend(dismissed_text(dismissal) for dismissal in document.dismissed)
    return "\n".join(blocks)


@dataclass(frozen=True)
class ConflictSides:
    """Two versions of one claim or link that a merge could not reconcile.

    ``None`` on a side means that side deleted it.
    """

    ours: Claim | Link | None
    theirs: Claim | Link | None


def dumps_conflicted(
    document: AnnotationFile,
    claims: Mapping[str, ConflictSides],
    links: Sequence[ConflictSides] = (),
    *,
    marker_size: int = 7,
    labels: tuple[str, str] = ("ours", "theirs"),
) -> str:
    """A merged document with git conflict markers around whole claim or link tables.

    Claims named in ``claims`` are written as both versions between markers, in
    their place in the article; conflicted links follow the links. Everything
    else is canonical, so a person (or ``factmark check``) sees exactly which
    claims conflict. The file does not parse until the conflict is resolved.
    """

    document = document.sorted()
    blocks = [header_text(document)]
    blocks.extend(
        conflict_text(claims[claim.id], marker_size, labels)
        if claim.id in claims
        else claim_text(claim)
        for claim in document.claims
    )
    blocks.extend(link_text(link) for link in document.links)
    blocks.extend(conflict_text(sides, marker_size, labels) for sides in links)
    blocks.extend(dismissed_text(dismissal) for dismissal in document.dismissed)
    return "\n".join(blocks)


def conflict_text(
    sides: ConflictSides, marker_size: int = 7, labels: tuple[str, str] = ("ours", "theirs")
) -> str:
    """Both versions of a claim or link, whole tables between git's conflict markers."""

    def text(item: Claim | Link | None) -> str:
        if item is None:
            return ""
        return claim_text(item) if isinstance(item, Claim) else link_text(item)

    return (
        f"{'<' * marker_size} {labels[0]}\n{text(sides.ours)}"
        f"{'=' * marker_size}\n{text(sides.theirs)}"
        f"{'>' * marker_size} {labels[1]}\n"
    )


def is_canonical(data: bytes, document: AnnotationFile) -> bool:
    return data == dumps(document).encode("utf-8")


def save(document: AnnotationFile, path: Path | str) -> Fingerprint:
    """Write a document canonically and atomically; returns the new fingerprint."""
    path = Path(path)
    data = dumps(document).encode("utf-8")
    target = write_atomic(path, data)
    return Fingerprint.of_bytes(data, target.stat())


def save_unless_changed(
    document: AnnotationFile, path: Path | str, loaded: Fingerprint | None
) -> Fingerprint:
    """Save, unless the file on disk is no longer what was loaded.

    ``loaded`` is the fingerprint at load time (None: there was no file then).
    When the file changed since (a ``git pull``, another editor), nothing is
    written and ChangedOnDiskError is raised.
    """
    path = Path(path)
    if changed_on_disk(path, loaded):
        raise ChangedOnDiskError(
            [Problem(path, "changed on disk since it was loaded; not overwritten")]
        )
    return save(document, path)
