"""A canonical annotation file cut at its tables, for the merge driver's fast path."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factmark import tomlread
from factmark.model import AnnotationFile, Claim, Link
from factmark.store.loading import parse
from factmark.store.problems import StoreError

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
