"""The differences of ``factmark diff`` as text lines and as JSON.

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

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from factmark.gitio.diff import ClaimChange, FieldChange, FileDiff
from factmark.gitio.render import claim_fields, link_line, printable, sign_off_text, source_text
from factmark.model import AnnotationFile, Claim, Dismissal, Link, Source, format_timestamp
from factmark.visible import counted

HINT_FIELDS = frozenset({"paragraph", "start", "prefix", "suffix"})
"""Where a claim stands: refreshed by re-anchoring, not an editor's change."""
BARE_FIELDS = frozenset({"verdict", "confidence", "state", "format", "article_sha256"})
"""Fields whose values are words or hashes, printed without quotes."""

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
        "dismissed": {
            "added": [json_value(d.model_dump()) for d in diff.dismissed_added],
            "removed": [json_value(d.model_dump()) for d in diff.dismissed_removed],
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
    if diff.dismissed_added or diff.dismissed_removed:
        yield paint("~", "~ dismissed contradiction candidates")
        for kind, dismissals in (("+", diff.dismissed_added), ("-", diff.dismissed_removed)):
            for dismissal in dismissals:
                yield paint(kind, f"  {kind} {dismissed_text(dismissal)}")


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
        entry.lines.append((kind, f"link: {link_line(link, owner, quotes)}"))
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
        what = f"{counted(count, 'claim')} moved"
        if distance == 0:
            where = f"within {'their' if count != 1 else 'its'} paragraph"
        else:
            steps = abs(distance)
            where = f"{'down' if distance > 0 else 'up'} {counted(steps, 'paragraph')}"
        lines.append(f"{what} {where}, nothing else changed")
    return lines


def dismissed_text(dismissal: Dismissal) -> str:
    """A dismissed candidate as one line: its two sentences and its reason."""
    first, second = (printable(quote) for quote in dismissal.quotes)
    reason = f" ({printable(dismissal.reason)})" if dismissal.reason else ""
    return f'"{first}" / "{second}"{reason}'


def _change_lines(change: ClaimChange) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if "signed" in change.fields or "signed_by" in change.fields:  # a sign-off given or lost
        lines += [("-", f"signed off: {sign_off_text(change.old)}")] if change.old.signed else []
        lines += [("+", f"signed off: {sign_off_text(change.new)}")] if change.new.signed else []
    for name, values in change.fields.items():
        if name in ("signed", "signed_by"):
            continue
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
