"""Reading annotation files: bytes, TOML, then the models (docs/format.md).

Every problem becomes a :class:`~factmark.store.problems.Problem` that names
the file, the line where one is known, the claim and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factmark import tomlread
from factmark.article import Article, ArticleError
from factmark.model import AnnotationFile, Claim, Dismissal, Source
from factmark.paths import ArticlePathError, article_in_repository
from factmark.store.atomic import Fingerprint, read_bytes
from factmark.store.problems import (
    LineIndex,
    Problem,
    StoreError,
    conflict_problems,
    lower_first,
)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


@dataclass(frozen=True)
class Loaded:
    """A document as loaded from disk, with what is needed to save it safely."""

    document: AnnotationFile
    path: Path
    fingerprint: Fingerprint

    @property
    def article_path(self) -> Path:
        return article_path_for(self.path, self.document)


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
    lines = LineIndex(text)
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
        return Problem(path, f"not valid TOML: {lower_first(message)}")
    message = message[: match.start()]
    return Problem(
        path,
        f"not valid TOML: {lower_first(message)}",
        line=int(match.group(1)),
        column=int(match.group(2)),
    )


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
    "dismissed": tuple(Dismissal.model_fields),
}


def _describe(error: Mapping[str, Any], table: str) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        import difflib  # only for a file with a misspelt key: check starts without it

        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, _FIELD_NAMES.get(table, ()), n=1)
        return "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind == "missing":
        return "required key is missing"
    ctx = error.get("ctx", {})
    if kind in ("too_short", "too_long") and isinstance(value, list) and "actual_length" in ctx:
        bound = "at least" if kind == "too_short" else "at most"
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        return f"needs {bound} {limit} items, not {ctx['actual_length']}"
    if kind == "too_short":
        return "must not be empty"
    if kind == "too_long":
        limit = ctx.get("max_length")
        return f"longer than {limit} characters" if limit is not None else "too long"
    if kind == "literal_error":
        return f"{value!r} is not one of {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a claim id (4 to 12 of a-z and 0-9)"
    if kind.endswith("_type") and not isinstance(value, dict | list):
        return f"{lower_first(error['msg'])}, not {type(value).__name__} {value!r}"
    return lower_first(str(error["msg"]))


def validation_problems(
    error: ValidationError, raw: Mapping[str, Any], text: str, path: Path
) -> list[Problem]:
    """Turn pydantic's errors into problems that name claim, key and line."""
    lines = LineIndex(text)
    return [_problem(item, raw, lines, path) for item in error.errors()]


def _problem(item: Any, raw: Mapping[str, Any], lines: LineIndex, path: Path) -> Problem:
    loc: tuple[Any, ...] = tuple(item["loc"])
    ctx: Mapping[str, Any] = item.get("ctx") or {}
    if not loc and "claim" in ctx:  # a rule across claims (a duplicate id)
        index = int(ctx.get("index", 0))
        claim_key = str(ctx.get("key", "id"))
        return Problem(
            path, lower_first(item["msg"]), lines.find(("claims", index), claim_key),
            claim=str(ctx["claim"]), key=claim_key,
        )  # fmt: skip
    if not loc and "link" in ctx:  # a rule across links and claims
        return _link_problem(
            path, raw, lines, int(ctx["link"]), str(ctx.get("key", "to")), lower_first(item["msg"])
        )
    if len(loc) >= 2 and loc[0] == "links" and isinstance(loc[1], int):
        link_key = str(loc[2]) if len(loc) > 2 else None
        return _link_problem(path, raw, lines, loc[1], link_key, _describe(item, "links"))
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        rest = loc[2:] or ((ctx["key"],) if "key" in ctx else ())  # a rule across a claim's keys
        return _claim_problem(path, raw, lines, item, loc[1], rest)
    if len(loc) >= 2 and loc[0] == "dismissed" and isinstance(loc[1], int):
        key = str(loc[2]) if len(loc) > 2 else None
        message = f"dismissed {loc[1] + 1}: " + (f"{key}: " if key else "")
        return Problem(path, message + _describe(item, "dismissed"), lines.find(loc[:2], key))
    if not loc and "first" in ctx and ctx.get("key") == "quotes":  # a candidate dismissed twice
        index = int(ctx["second"]) - 1
        message = f"dismissed {index + 1}: quotes: {lower_first(item['msg'])}"
        return Problem(path, message, lines.find(("dismissed", index), "quotes"))
    top = str(loc[0]) if loc else None
    key_path = ".".join(str(part) for part in loc) or None
    return Problem(path, _describe(item, ""), lines.find((), top), key=key_path)


def _link_problem(
    path: Path, raw: Mapping[str, Any], lines: LineIndex, index: int, key: str | None, what: str
) -> Problem:
    message = f"{_link_name(raw, index)}: " + (f"{key}: " if key else "") + what
    return Problem(path, message, lines.find(("links", index), key))


def _claim_problem(
    path: Path,
    raw: Mapping[str, Any],
    lines: LineIndex,
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
