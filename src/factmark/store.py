"""The only code that reads or writes annotation files.

Reading: tomllib, then the models; every problem becomes a :class:`Problem`
that names the file, the line where one is known, the claim and the key.
Writing: one canonical text for the same data (fixed key order, claims by
position, every claim, source and link its own table, hidden characters
escaped), written atomically.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from factmark import tomlread
from factmark.article import Article, ArticleError
from factmark.errors import FactmarkError
from factmark.model import AnnotationFile, Claim, Link, Source, format_timestamp
from factmark.paths import (
    ANNOTATIONS_DIR,
    ArticlePathError,
    annotation_path_for,
    article_in_repository,
    git_root,
    looks_like_annotations,
    relative_article,
)
from factmark.visible import HIDDEN, escaped

TEMP_SUFFIX = ".factmark-tmp"
STALE_TEMP_SECONDS = 3600


# --- problems -------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an annotation file, as one line of text."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    claim: str | None = None
    """The claim's id (or ``#N`` for a claim without a usable id)."""
    key: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.claim is not None:
            parts.append(f"claim {self.claim}")
        if self.key is not None:
            parts.append(self.key)
        parts.append(self.message)
        return ": ".join(parts)


class StoreError(FactmarkError):
    """An annotation file that cannot be used; the first problem is the message."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a StoreError needs at least one problem")
        self.problems = list(problems)
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{self.problems[0]}{suffix}")

    @property
    def path(self) -> Path:
        return self.problems[0].path

    @classmethod
    def single(cls, path: Path, message: str, **where: Any) -> StoreError:
        return cls([Problem(path, message, **where)])


class ChangedOnDiskError(StoreError):
    """The file changed on disk since it was loaded: saving would lose that change."""


# --- reading ---------------------------------------------------------------

_CONFLICT_MARKER = re.compile(r"^(<{7,}|\|{7,}|={7,}|>{7,})(?: |$)", re.MULTILINE)
"""git's markers: seven characters by default, more with ``conflict-marker-size``."""
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_ID_LINE = re.compile(r'^\s*id\s*=\s*"([a-z0-9]+)"', re.MULTILINE)
_HEADER = re.compile(r"^\s*\[\[\s*(claims|claims\.sources|links)\s*\]\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=')


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when it was read: a touch with the same bytes is no change."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, stat_result: os.stat_result) -> Fingerprint:
        return cls(stat_result.st_size, stat_result.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Loaded:
    """A document as loaded from disk, with what is needed to save it safely."""

    document: AnnotationFile
    path: Path
    fingerprint: Fingerprint

    @property
    def article_path(self) -> Path:
        return article_path_for(self.path, self.document)


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of an annotation file, or a StoreError saying why not."""
    try:
        with path.open("rb") as handle:
            data = handle.read()
            info = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise StoreError.single(path, "no such file") from None
    except IsADirectoryError:
        raise StoreError.single(path, "is a directory, not an annotation file") from None
    except PermissionError:
        raise StoreError.single(path, "permission denied") from None
    except OSError as error:
        raise StoreError.single(path, error.strerror or str(error)) from None
    return data, info


def load(path: Path | str) -> Loaded:
    """Load and validate an annotation file (StoreError names every problem)."""
    path = Path(path)
    data, info = read_bytes(path)
    return Loaded(parse(data, path), path, Fingerprint.of_bytes(data, info))


def parse(data: bytes | str, path: Path | str = "<annotations>") -> AnnotationFile:
    """Parse and validate the text of an annotation file."""
    path = Path(path)
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise StoreError.single(path, "not UTF-8", line=line) from None
    else:
        text = data
    try:
        raw = tomlread.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Markers are looked for only in text that is not TOML: a note may hold a
        # line of seven equals signs, but a conflict never parses.
        raise StoreError(conflict_problems(text, path) or [_toml_problem(error, path)]) from None
    except tomlread.UnreadableTomlError as error:
        raise StoreError.single(path, f"not valid TOML: {error}") from None
    huge = tomlread.integers_out_of_range(raw)
    if huge:
        raise StoreError(_out_of_range_problems(huge, raw, text, path))
    if "format" not in raw:
        message = 'no format key: not a factmark annotation file (expected format = "factmark/1")'
        raise StoreError([Problem(path, message, line=1 if text.strip() else None, key="format")])
    try:
        return AnnotationFile.model_validate(raw)
    except ValidationError as error:
        raise StoreError(validation_problems(error, raw, text, path)) from None


def _out_of_range_problems(
    found: list[tuple[tomlread.Location, int]], raw: Mapping[str, Any], text: str, path: Path
) -> list[Problem]:
    """Integers beyond 64 bits, each named by line, claim and key as a validation problem is."""
    lines = _LineIndex(text)
    problems = []
    for loc, value in found:
        message = f"not valid TOML: {tomlread.out_of_range_message(value)}"
        problems.append(
            _problem({"type": "toml_integer", "loc": loc, "msg": message}, raw, lines, path)
        )
    return problems


def _toml_problem(error: tomllib.TOMLDecodeError, path: Path) -> Problem:
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match is None:
        return Problem(path, f"not valid TOML: {_lower_first(message)}")
    message = message[: match.start()]
    return Problem(
        path,
        f"not valid TOML: {_lower_first(message)}",
        line=int(match.group(1)),
        column=int(match.group(2)),
    )


def conflict_problems(text: str, path: Path) -> list[Problem]:
    """Git conflict markers left in the file, naming the claims they cut through."""
    markers = [
        (text.count("\n", 0, m.start()) + 1, m.group(1)[0]) for m in _CONFLICT_MARKER.finditer(text)
    ]
    if not markers:
        return []
    lines = text.split("\n")
    problems = []
    start: int | None = None
    for line, kind in markers:
        if kind == "<":
            start = line
        elif kind == ">" and start is not None:
            claims = _claims_in_lines(lines, start, line)
            problems.append(
                Problem(
                    path,
                    f"unresolved git merge conflict (lines {start}-{line})"
                    + (
                        f" in claim{'s' if len(claims) > 1 else ''} {', '.join(claims)}"
                        if claims
                        else ""
                    )
                    + "; keep one version of each table between the markers",
                    line=start,
                )
            )
            start = None
    if not problems:
        problems.append(Problem(path, "git conflict marker left in the file", line=markers[0][0]))
    return problems


def _claims_in_lines(lines: list[str], first: int, last: int) -> list[str]:
    """Ids of the claims whose tables the lines first..last (1-based) cut through."""
    ids: list[str] = []
    opening = lines[first] if first < len(lines) else ""  # the line after <<<<<<<
    starts_a_table = opening.strip() in ("", "[[claims]]", "[[links]]") or bool(
        _CONFLICT_MARKER.match(opening)  # our side is empty: it deleted the claim
    )
    if not starts_a_table:  # the conflict begins inside a claim: name that claim
        for line in reversed(lines[: first - 1]):
            match = _ID_LINE.match(line)
            if match:
                ids.append(match.group(1))
                break
            if line.strip() in ("[[claims]]", "[[links]]"):
                break
    for line in lines[first - 1 : last]:
        match = _ID_LINE.match(line)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _claim_name(raw: Mapping[str, Any], index: int) -> str:
    claims = raw.get("claims")
    if isinstance(claims, list) and index < len(claims) and isinstance(claims[index], dict):
        claim_id = claims[index].get("id")
        if isinstance(claim_id, str) and claim_id:
            return claim_id
    return f"#{index + 1}"


def _link_name(raw: Mapping[str, Any], index: int) -> str:
    links = raw.get("links")
    if isinstance(links, list) and index < len(links) and isinstance(links[index], dict):
        link = links[index]
        return f"link {index + 1} ({link.get('from', '?')} -> {link.get('to', '?')})"
    return f"link {index + 1}"


_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(AnnotationFile.model_fields),
    "claims": tuple(Claim.model_fields),
    "sources": tuple(Source.model_fields),
    "links": ("from", "to", "kind", "note"),
}


def _describe(error: Mapping[str, Any], table: str) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, _FIELD_NAMES.get(table, ()), n=1)
        return "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind == "missing":
        return "required key is missing"
    if kind == "too_short":
        return "must not be empty"
    if kind == "too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"longer than {limit} characters" if limit is not None else "too long"
    if kind == "literal_error":
        return f"{value!r} is not one of {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a claim id (4 to 12 of a-z and 0-9)"
    if kind.endswith("_type") and not isinstance(value, dict | list):
        return f"{_lower_first(error['msg'])}, not {type(value).__name__} {value!r}"
    return _lower_first(str(error["msg"]))


def validation_problems(
    error: ValidationError, raw: Mapping[str, Any], text: str, path: Path
) -> list[Problem]:
    """Turn pydantic's errors into problems that name claim, key and line."""
    lines = _LineIndex(text)
    return [_problem(item, raw, lines, path) for item in error.errors()]


def _problem(item: Any, raw: Mapping[str, Any], lines: _LineIndex, path: Path) -> Problem:
    loc: tuple[Any, ...] = tuple(item["loc"])
    ctx: Mapping[str, Any] = item.get("ctx") or {}
    if not loc and "claim" in ctx:  # a rule across claims (a duplicate id)
        index = int(ctx.get("index", 0))
        claim_key = str(ctx.get("key", "id"))
        return Problem(
            path, _lower_first(item["msg"]), lines.find(("claims", index), claim_key),
            claim=str(ctx["claim"]), key=claim_key,
        )  # fmt: skip
    if not loc and "link" in ctx:  # a rule across links and claims
        return _link_problem(
            path, raw, lines, int(ctx["link"]), str(ctx.get("key", "to")), _lower_first(item["msg"])
        )
    if len(loc) >= 2 and loc[0] == "links" and isinstance(loc[1], int):
        link_key = str(loc[2]) if len(loc) > 2 else None
        return _link_problem(path, raw, lines, loc[1], link_key, _describe(item, "links"))
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        return _claim_problem(path, raw, lines, item, loc[1], loc[2:])
    top = str(loc[0]) if loc else None
    key_path = ".".join(str(part) for part in loc) or None
    return Problem(path, _describe(item, ""), lines.find((), top), key=key_path)


def _link_problem(
    path: Path, raw: Mapping[str, Any], lines: _LineIndex, index: int, key: str | None, what: str
) -> Problem:
    message = f"{_link_name(raw, index)}: " + (f"{key}: " if key else "") + what
    return Problem(path, message, lines.find(("links", index), key))


def _claim_problem(
    path: Path,
    raw: Mapping[str, Any],
    lines: _LineIndex,
    item: Any,
    index: int,
    rest: tuple[Any, ...],
) -> Problem:
    table: tuple[Any, ...] = ("claims", index)
    field_table = "claims"
    names: list[str] = []
    if len(rest) >= 2 and rest[0] == "sources" and isinstance(rest[1], int):
        table = ("claims", index, "sources", rest[1])
        field_table = "sources"
        names.append(f"sources[{rest[1] + 1}]")
        rest = rest[2:]
    key = str(rest[0]) if rest else None
    for part in rest:
        if isinstance(part, int):
            names[-1] += f"[{part + 1}]"
        else:
            names.append(str(part))
    return Problem(
        path,
        _describe(item, field_table),
        lines.find(table, key),
        claim=_claim_name(raw, index),
        key=".".join(names) or None,
    )


class _LineIndex:
    """Where tables and keys stand in a file's text, as far as a plain scan can tell."""

    def __init__(self, text: str) -> None:
        self._keys: dict[tuple[Any, ...], dict[str, int]] = {(): {}}
        claim = source = link = -1
        current: tuple[Any, ...] = ()
        for number, line in enumerate(text.split("\n"), start=1):
            header = _HEADER.match(line)
            if header:
                name = header.group(1)
                if name == "claims":
                    claim, source = claim + 1, -1
                    current = ("claims", claim)
                elif name == "claims.sources":
                    source += 1
                    current = ("claims", claim, "sources", source)
                else:
                    link += 1
                    current = ("links", link)
                self._keys.setdefault(current, {})["[header]"] = number
                continue
            if line.lstrip().startswith("["):
                current = ("?",)
                continue
            key = _KEY_LINE.match(line)
            if key:
                self._keys.setdefault(current, {}).setdefault(key.group(1) or key.group(2), number)

    def find(self, table: tuple[Any, ...], key: str | None) -> int | None:
        keys = self._keys.get(table)
        if keys is None:
            return None
        if key is not None and key in keys:
            return keys[key]
        return keys.get("[header]")


# --- writing ---------------------------------------------------------------

HEADER_KEYS = ("format", "article", "article_sha256")
CLAIM_KEYS = (
    "id", "quote", "prefix", "suffix", "paragraph", "start", "verdict", "confidence",
    "note", "tags", "author", "created", "updated", "state",
)  # fmt: skip
SOURCE_KEYS = ("url", "citation", "title", "quote", "accessed", "stance")
LINK_KEYS = ("from", "to", "kind", "note")


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


def header_text(document: AnnotationFile) -> str:
    """The file's top-level keys, as written."""
    return _table(None, document.model_dump(include=set(HEADER_KEYS)), HEADER_KEYS)


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


def dumps(document: AnnotationFile) -> str:
    """The canonical text of a document: the same data always gives the same bytes."""
    document = document.sorted()
    blocks = [header_text(document)]
    blocks.extend(claim_text(claim) for claim in document.claims)
    blocks.extend(link_text(link) for link in document.links)
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


_TABLE_START = re.compile(r"^\[\[(claims|links)\]\]$", re.MULTILINE)
_BLOCK_ID = re.compile(r'^id = "([a-z0-9]{4,12})"$', re.MULTILINE)
_BLOCK_PARAGRAPH = re.compile(r"^paragraph = (\d+)$", re.MULTILINE)
_BLOCK_START = re.compile(r"^start = (\d+)$", re.MULTILINE)


@dataclass(frozen=True)
class Blocks:
    """A file in canonical shape cut at its tables, each piece kept as written.

    Lets a merge of two large files parse only the claims that changed: a
    claim whose text is the same on every side is the same claim.
    """

    header: str
    claims: dict[str, str]
    """Claim id -> the claim's tables as written (as ``claim_text`` gives them)."""
    links: str
    """Every ``[[links]]`` table, as written."""

    def position(self, claim_id: str) -> tuple[int, int, str]:
        """The canonical sort key of a claim, read from its text."""
        text = self.claims[claim_id]
        paragraph, start = _BLOCK_PARAGRAPH.search(text), _BLOCK_START.search(text)
        big = 1 << 62
        return (
            int(paragraph.group(1)) if paragraph else big,
            int(start.group(1)) if start else big,
            claim_id,
        )

    def claim(self, claim_id: str) -> Claim:
        """Parse and validate one claim's text (StoreError if it is not valid)."""
        claim: Claim = _parse_tables(self.claims[claim_id], Claim, "claims")[0]
        return claim

    def parsed_links(self) -> list[Link]:
        return _parse_tables(self.links, Link, "links") if self.links else []

    def parsed_header(self) -> AnnotationFile:
        """The file's own keys, as a document without claims."""
        return parse(self.header)


def _parse_tables(text: str, model: type[Claim] | type[Link], key: str) -> list[Any]:
    try:
        raw = tomlread.loads(text)
        huge = tomlread.integers_out_of_range(raw)
        if huge:
            raise ValueError(tomlread.out_of_range_message(huge[0][1]))
        return [model.model_validate(item) for item in raw.get(key, [])]
    except (ValueError, ValidationError) as error:  # TOMLDecodeError is a ValueError
        raise StoreError.single(Path("<merge>"), f"{key}: {error}") from None


def split_blocks(text: str) -> Blocks | None:
    """Cut a file's text into header, claims and links; None when it is not in that shape.

    The shape is the canonical one: the header, then every claim (its sources
    after it), then every link, tables starting at the beginning of a line.
    """
    starts = [(m.start(), m.group(1)) for m in _TABLE_START.finditer(text)]
    header_end = starts[0][0] if starts else len(text)
    claims: dict[str, str] = {}
    links_start: int | None = None
    for index, (start, kind) in enumerate(starts):
        if kind == "links":
            links_start = start
            break
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        piece = text[start:end]
        block = piece[:-1] if piece.endswith("\n\n") else piece
        found = _BLOCK_ID.search(block)
        if found is None or found.group(1) in claims:
            return None
        claims[found.group(1)] = block
    if links_start is not None and any(
        kind == "claims" for start, kind in starts if start > links_start
    ):
        return None  # a claim after the links: not canonical
    links = text[links_start:] if links_start is not None else ""
    return Blocks(text[:header_end], claims, links)


def is_canonical(data: bytes, document: AnnotationFile) -> bool:
    return data == dumps(document).encode("utf-8")


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None when there is no file."""
    try:
        data, info = read_bytes(path)
    except StoreError:
        return None
    return Fingerprint.of_bytes(data, info)


def changed_on_disk(path: Path, expected: Fingerprint | None) -> bool:
    """Whether the file differs from what was loaded (None: there was no file)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return expected is not None
    if expected is None:
        return True
    if info.st_size == expected.size and info.st_mtime_ns == expected.mtime_ns:
        return False
    current = fingerprint(path)
    return current is None or current.sha256 != expected.sha256


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


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace a file's contents so that a crash leaves the old bytes or the new.

    A temporary file in the same folder is written, flushed and fsynced, given
    the old file's mode, and renamed over the target; then the folder is
    fsynced so that the rename itself survives a crash. A symlink is written
    through to its target. Returns the path actually written.

    A path that exists and is not a regular file (``/dev/null``, a pipe), or is a
    device's name (``/dev/stdout``, even when the shell sent it to a file), is
    written to as it is, not replaced; a folder is refused.
    """
    try:
        kind: int | None = Path(path).stat().st_mode
    except OSError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    # /dev/stdout redirected to a file is a regular file, but replacing it would
    # lose what the shell wrote there before (and anything appended after).
    special = os.path.abspath(path).startswith(("/dev/", "/proc/"))
    if kind is not None and (special or not stat.S_ISREG(kind)):
        with Path(path).open("ab") as stream:  # append: never truncate what the shell wrote
            stream.write(data)
        return Path(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder it goes in does not exist", str(path))
    clean_stale_temporaries(target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:  # say so of the file asked for, not of the temporary
        raise type(error)(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(handle.fileno(), mode)
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _fsync_directory(folder)
    return target


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporaries that a crashed save of ``target`` left behind.

    A temporary is stale when the process named in it is gone, or after an
    hour. Temporaries never end in ``.toml``, so they are never read as data.
    """
    removed = []
    for candidate in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        pid_text = candidate.name[len(target.name) + 2 :].split(".", 1)[0]
        # Our own pid is alive too: another save in this process may be writing it.
        alive = pid_text.isdigit() and (
            int(pid_text) == os.getpid() or _process_alive(int(pid_text))
        )
        try:
            old = time.time() - candidate.stat().st_mtime > STALE_TEMP_SECONDS
        except FileNotFoundError:
            continue
        if not alive or old:
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- paths (finding an article's file is factmark.paths; re-exported here) ---

__all__ = ["annotation_path_for", "git_root", "looks_like_annotations", "relative_article"]


def article_path_for(annotation_path: Path, document: AnnotationFile) -> Path:
    """The article an annotation file names, relative to the file's folder.

    StoreError, naming the annotation file, when it leads out of the repository
    (:func:`factmark.paths.article_in_repository` has the rule).
    """
    try:
        return article_in_repository(annotation_path, document.article)
    except ArticlePathError as error:
        raise StoreError.single(annotation_path, f"article {document.article}: {error}") from None


def read_article(loaded: Loaded) -> Article:
    """The article a loaded annotation file names, read; StoreError names the annotation file."""
    path = loaded.article_path
    try:
        return Article.read(path)
    except ArticleError as error:
        message = f"article {loaded.document.article}: {error.message}"
        raise StoreError.single(loaded.path, message) from None


_SKIPPED_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def annotation_files_in(folder: Path) -> Iterator[Path]:
    """Annotation files below a folder: ``*.toml`` that declare a factmark format."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(".toml"):
                continue
            candidate = Path(root) / name
            if Path(root).name == ANNOTATIONS_DIR or _declares_factmark(candidate):
                yield candidate


def _declares_factmark(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return re.search(rb'^format\s*=\s*"factmark/', head, re.MULTILINE) is not None
