"""Claim-level differences between two versions of an annotation file.

``factmark diff`` compares two files, two git revisions of a file, a revision
and the working tree, or (no arguments) the working tree and HEAD for every
changed ``annotations/*.toml`` in the repository. Changes are grouped per
claim: added, removed, and changed field by field (old → new); sources and
tags as additions and removals; links by (from, to, kind).

``--format json`` prints one object, stable in shape (every key always present)::

    {"files": [{
        "path": "annotations/x.toml",      # as given, or relative to the repository root
        "old": "HEAD:annotations/x.toml",  # REV:path for a revision, the path for a file
        "new": "annotations/x.toml",
        "status": "modified",              # or "added", "removed" (the whole file)
        "header": {"article_sha256": {"old": "…", "new": "…"}},
        "claims": {
            "added": [CLAIM, …],           # every field, sources included
            "removed": [CLAIM, …],
            "changed": [{"id": "k3v9q2", "paragraph": 3, "quote": "…",
                         "fields": {"verdict": {"old": "pending", "new": "inaccurate"}},
                         "sources": {"added": [SOURCE, …], "removed": [SOURCE, …]},
                         "tags": {"added": ["…"], "removed": []}}]},
        "links": {
            "added": [{"from": "…", "to": "…", "kind": "contradicts", "note": ""}],
            "removed": [LINK, …],
            "changed": [{"from": "…", "to": "…", "kind": "…",
                         "fields": {"note": {"old": "…", "new": "…"}}}]}}]}

Only files with a difference are listed. Dates and times are strings as the
file writes them (``2026-11-27T10:02:11Z``); an absent value is ``null``. A
claim field in ``fields`` is any key but sources and tags, which are in their
own lists (a reordering with nothing added or removed is in ``fields``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from factmark.errors import FactmarkError
from factmark.gitio.git import (
    GitError,
    is_commit,
    relative_to_root,
    run_git,
    show_blob,
    work_tree_root,
)
from factmark.gitio.render import claim_fields, link_text, printable, source_text
from factmark.model import AnnotationFile, Claim, Link, Source, format_timestamp
from factmark.paths import in_annotations_folder
from factmark.store import atomic, loading

WORKING_TREE = "working tree"
SET_FIELDS = ("sources", "tags")
HEADER_FIELDS = ("format", "article", "article_sha256")
HINT_FIELDS = frozenset({"paragraph", "start", "prefix", "suffix"})
"""Where a claim stands: refreshed by re-anchoring, not an editor's change."""
BARE_FIELDS = frozenset({"verdict", "confidence", "state", "format", "article_sha256"})
"""Fields whose values are words or hashes, printed without quotes."""


class DiffError(FactmarkError):
    """Arguments ``factmark diff`` cannot use (one line, exit 2)."""


# --- the differences, as data -------------------------------------------------


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
    return result


# --- JSON -----------------------------------------------------------------------


def json_value(value: Any) -> Any:
    """A field's value as JSON: times as the file writes them, models as objects."""
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, Source):
        return json_value(value.model_dump())
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    return value


def _fields_json(fields: Mapping[str, FieldChange]) -> dict[str, Any]:
    return {
        name: {"old": json_value(change.old), "new": json_value(change.new)}
        for name, change in fields.items()
    }


def _claim_json(claim: Claim) -> dict[str, Any]:
    return {name: json_value(getattr(claim, name)) for name in Claim.model_fields}


def _link_json(link: Link) -> dict[str, Any]:
    return {"from": link.source, "to": link.target, "kind": link.kind, "note": link.note}


def file_json(diff: FileDiff) -> dict[str, Any]:
    """One file's differences in the documented JSON shape."""
    return {
        "path": diff.path,
        "old": diff.old_side.label,
        "new": diff.new_side.label,
        "status": diff.status,
        "header": _fields_json(diff.header),
        "claims": {
            "added": [_claim_json(claim) for claim in diff.claims_added],
            "removed": [_claim_json(claim) for claim in diff.claims_removed],
            "changed": [
                {
                    "id": change.id,
                    "paragraph": change.new.paragraph,
                    "quote": change.new.quote,
                    "fields": _fields_json(change.fields),
                    "sources": {
                        "added": json_value(change.sources_added),
                        "removed": json_value(change.sources_removed),
                    },
                    "tags": {"added": change.tags_added, "removed": change.tags_removed},
                }
                for change in diff.claims_changed
            ],
        },
        "links": {
            "added": [_link_json(link) for link in diff.links_added],
            "removed": [_link_json(link) for link in diff.links_removed],
            "changed": [
                {**_link_json(change.new), "fields": _fields_json(change.fields)}
                for change in diff.links_changed
            ],
        },
    }


def to_json(diffs: Sequence[FileDiff]) -> dict[str, Any]:
    return {"files": [file_json(diff) for diff in diffs if not diff.empty]}


# --- text -------------------------------------------------------------------------

_COLOURS = {"+": "32", "-": "31", "~": "33", "title": "1"}


class _Painter:
    """ANSI colour by line kind, or none at all."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, kind: str, line: str) -> str:
        code = _COLOURS.get(kind)
        if not self.colour or code is None:
            return line
        return f"\x1b[{code}m{line}\x1b[0m"


def value_text(name: str, value: Any) -> str:
    """A field's value as a change line shows it."""
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, datetime | date):
        return str(json_value(value))
    if isinstance(value, list):
        return ", ".join(printable(str(item)) for item in value)
    if isinstance(value, str) and name not in BARE_FIELDS:
        return f'"{printable(value)}"'
    return printable(str(value))


def _heading(mark: str, claim: Claim) -> str:
    where = f" ¶{claim.paragraph}" if claim.paragraph is not None else ""
    return f'{mark} claim {claim.id}{where} "{printable(claim.quote)}"'


@dataclass
class _Entry:
    """The lines shown for one claim, and where it sorts."""

    claim: Claim
    mark: str
    lines: list[tuple[str, str]] = field(default_factory=list)
    """(kind, text) pairs: kind ``+``, ``-`` or ``=`` (a plain line)."""
    change: ClaimChange | None = None

    @property
    def only_moved(self) -> bool:
        """Whether all that changed is where the claim stands (its hints and context)."""
        change = self.change
        return (
            change is not None
            and set(change.fields) <= HINT_FIELDS
            and len(self.lines) == len(change.fields)  # no source, tag or link lines
        )


def text_lines(diff: FileDiff, colour: bool = False) -> Iterator[str]:
    """One file's differences as lines, grouped per claim in article order."""
    paint = _Painter(colour)
    yield paint("title", diff.title)
    if diff.header:
        yield paint("~", "~ header")
        for name, change in diff.header.items():
            yield f"  {name}: {value_text(name, change.old)} → {value_text(name, change.new)}"
    entries = _claim_entries(diff)
    for line in moved_summary([entry.claim for entry in entries if entry.only_moved], diff):
        yield paint("~", f"~ {line}")
    for entry in entries:
        if entry.only_moved:
            continue
        yield paint(entry.mark, _heading(entry.mark, entry.claim))
        for kind, line in entry.lines:
            yield paint(kind, f"  {kind} {line}") if kind != "=" else f"  {line}"


def _claim_entries(diff: FileDiff) -> list[_Entry]:
    """Each claim that changed, or whose links changed, with its lines, in article order."""
    old_quotes = {c.id: c.quote for c in diff.old.claims} if diff.old is not None else {}
    new_quotes = {c.id: c.quote for c in diff.new.claims} if diff.new is not None else {}
    either_quotes = {**new_quotes, **old_quotes}
    entries: dict[str, _Entry] = {}
    for claim in diff.claims_added:
        # Its block as textconv shows it, but the quote: the heading holds it.
        body = [
            line for line in claim_fields(claim, [], new_quotes) if not line.startswith("quote:")
        ]
        entries[claim.id] = _Entry(claim, "+", [("=", line) for line in body])
    for claim in diff.claims_removed:
        entries[claim.id] = _Entry(claim, "-")
    for change in diff.claims_changed:
        entries[change.id] = _Entry(change.new, "~", _change_lines(change), change)
    links: list[tuple[Link, str, str, Mapping[str, str]]] = []
    links += [(link, "-", link.source, either_quotes) for link in diff.links_removed]
    for link_change in diff.links_changed:
        owner = link_change.new.source
        links.append((link_change.old, "-", owner, either_quotes))
        links.append((link_change.new, "+", owner, new_quotes))
    links += [(link, "+", link.source, new_quotes) for link in diff.links_added]
    for link, kind, owner, quotes in links:  # shown under the claim it goes from
        entry = entries.get(owner)
        if entry is None:
            found = _find(diff.new, owner) or _find(diff.old, owner)
            assert found is not None  # a link's claims are in its document
            entry = entries[owner] = _Entry(found, "~")
        entry.lines.append((kind, f"link: {link_text(link, owner, quotes)}"))
    return sorted(entries.values(), key=lambda e: (*e.claim.position, e.claim.id))


def moved_summary(claims: Sequence[Claim], diff: FileDiff) -> list[str]:
    """One line per distance for claims that only moved (a paragraph inserted above
    moves every claim below it: that is one fact, not twenty changes)."""
    old = {claim.id: claim for claim in diff.old.claims} if diff.old is not None else {}
    by_distance: dict[int, int] = {}
    for claim in claims:
        before = old[claim.id].paragraph
        distance = (claim.paragraph or 0) - (before or 0)
        by_distance[distance] = by_distance.get(distance, 0) + 1
    lines = []
    for distance, count in sorted(by_distance.items()):
        what = f"{count} claim{'s' * (count != 1)} moved"
        if distance == 0:
            where = f"within {'their' if count != 1 else 'its'} paragraph"
        else:
            steps = abs(distance)
            where = f"{'down' if distance > 0 else 'up'} {steps} paragraph{'s' * (steps != 1)}"
        lines.append(f"{what} {where}, nothing else changed")
    return lines


def _change_lines(change: ClaimChange) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for name, values in change.fields.items():
        lines.append(
            ("=", f"{name}: {value_text(name, values.old)} → {value_text(name, values.new)}")
        )
    lines += [("+", f"source: {source_text(s)}") for s in change.sources_added]
    lines += [("-", f"source: {source_text(s)}") for s in change.sources_removed]
    lines += [("+", f"tag: {printable(tag)}") for tag in change.tags_added]
    lines += [("-", f"tag: {printable(tag)}") for tag in change.tags_removed]
    return lines


def _find(document: AnnotationFile | None, claim_id: str) -> Claim | None:
    if document is None:
        return None
    for claim in document.claims:
        if claim.id == claim_id:
            return claim
    return None


NO_CHANGES = "No claim, link or header changed."


def to_text(diffs: Sequence[FileDiff], colour: bool = False) -> str:
    """Every file's differences; files without any are left out, and none says so."""
    blocks = ["\n".join(text_lines(diff, colour)) for diff in diffs if not diff.empty]
    return "\n\n".join(blocks) + "\n" if blocks else NO_CHANGES + "\n"


def use_colour(is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return is_terminal and not environ.get("NO_COLOR")


# --- what to compare ----------------------------------------------------------------


def _looks_like_path(argument: str) -> bool:
    return "/" in argument or os.sep in argument or argument.endswith(".toml")


def _parse(side: Side) -> AnnotationFile | None:
    if side.data is None:
        return None
    return loading.parse(side.data, side.label)


def _working_tree_side(path: Path, shown: str) -> Side:
    if not os.path.lexists(path):
        return Side(WORKING_TREE, shown, None)
    data, _ = atomic.read_bytes(path)
    return Side(WORKING_TREE, shown, data)


def compare_files(old: Path, new: Path) -> FileDiff:
    """Two annotation files on disk; one that cannot be read or parsed is a StoreError."""
    old_side = Side(str(old), str(old), atomic.read_bytes(old)[0])
    new_side = Side(str(new), str(new), atomic.read_bytes(new)[0])
    diff = diff_documents(str(new), old_side, new_side, _parse(old_side), _parse(new_side))
    diff.files_mode = True
    return diff


@dataclass(frozen=True)
class _Request:
    revisions: list[str]
    paths: list[str]


def _split(arguments: Sequence[str]) -> _Request:
    """Leading arguments that are not files are revisions (two at most), the rest paths."""
    revisions: list[str] = []
    paths: list[str] = []
    for argument in arguments:
        if not paths and len(revisions) < 2 and not os.path.lexists(argument):
            revisions.append(argument)
        else:
            paths.append(argument)
    return _Request(revisions, paths)


def collect(arguments: Sequence[str]) -> list[FileDiff]:
    """The comparisons the arguments of ``factmark diff`` ask for, each diffed.

    Relative paths are from the current folder, as a shell user means them.
    """
    cwd = Path.cwd()
    request = _split(arguments)
    if not request.revisions and len(request.paths) == 2:
        old, new = (Path(p) for p in request.paths)
        if old.is_file() and new.is_file():
            return [compare_files(old, new)]
    anchor = Path(request.paths[0]) if request.paths else cwd
    root = work_tree_root(anchor)
    if root is None:
        where = request.paths[0] if request.paths else str(cwd)
        if request.revisions:
            raise DiffError(
                f"{where}: not in a git repository (needed to read revision {request.revisions[0]})"
            )
        raise DiffError(
            f"{where}: not in a git repository; to compare two files: factmark diff OLD NEW"
        )
    revisions, paths = list(request.revisions), list(request.paths)
    # `diff HEAD annotations/gone.toml`: a path that names no file (deleted, or only in
    # the revisions) reads as a revision until git says it is none.
    if (
        revisions
        and not paths
        and _looks_like_path(revisions[-1])
        and not is_commit(root, revisions[-1])
    ):
        paths.append(revisions.pop())
    for revision in revisions:
        if not is_commit(root, revision):
            raise GitError(f"{revision}: unknown revision, and no such file")
    old_revision = revisions[0] if revisions else "HEAD"
    new_revision = revisions[1] if len(revisions) > 1 else None
    if not revisions and not is_commit(root, "HEAD"):
        raise GitError(f"{root}: no commits yet, so nothing to compare against (HEAD)")
    return [
        _compare_in_git(root, relative, shown, old_revision, new_revision)
        for relative, shown in _files_to_compare(root, paths, old_revision, new_revision)
    ]


def _files_to_compare(
    root: Path, paths: Sequence[str], old: str, new: str | None
) -> list[tuple[str, str]]:
    """(path from the root, path as shown) for each file to compare.

    A file named is compared even when unchanged; a folder (or no path at
    all) stands for the annotation files in it that changed.
    """
    explicit: list[tuple[str, str]] = []
    folders: list[str] = []
    for argument in paths:
        relative = relative_to_root(root, Path(argument))
        if relative == ".." or relative.startswith("../"):
            raise DiffError(f"{argument}: outside the git repository at {root}")
        if Path(argument).is_dir():
            folders.append(relative)
        else:
            explicit.append((relative, argument))
    if explicit and not folders:
        return explicit
    changed = _changed_files(root, folders, old, new)
    named = {relative for relative, _ in explicit}
    found = [(relative, relative) for relative in changed if relative not in named]
    return sorted([*explicit, *found])


def _changed_files(root: Path, folders: Sequence[str], old: str, new: str | None) -> list[str]:
    """Annotation files that differ between two revisions, or a revision and the work tree."""
    pathspecs = ["--", *folders] if folders else []
    revisions = [old, new] if new is not None else [old]
    output = run_git(
        ["diff", "--name-only", "--no-renames", "--no-ext-diff", "-z", *revisions, *pathspecs],
        root,
    ).stdout
    if new is None:  # untracked files are new files of the working tree
        output += run_git(
            ["ls-files", "--others", "--exclude-standard", "-z", *pathspecs], root
        ).stdout
    names = {name for name in output.decode("utf-8", "surrogateescape").split("\0") if name}
    return sorted(name for name in names if in_annotations_folder(PurePosixPath(name)))


def _compare_in_git(root: Path, relative: str, shown: str, old: str, new: str | None) -> FileDiff:
    old_side = Side(old, f"{old}:{relative}", show_blob(root, old, relative))
    if new is None:
        new_side = _working_tree_side(root / relative, shown)
    else:
        new_side = Side(new, f"{new}:{relative}", show_blob(root, new, relative))
    if old_side.data is None and new_side.data is None:
        where = "the working tree" if new is None else new
        raise DiffError(f"{shown}: no such file in {old} or {where}")
    return diff_documents(shown, old_side, new_side, _parse(old_side), _parse(new_side))
