"""A canonical annotation file cut at its tables, for the merge driver's fast path."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factmark import tomlread
from factmark.model import AnnotationFile, Claim, Dismissal, Link
from factmark.store.loading import parse
from factmark.store.problems import StoreError

_TABLE_START = re.compile(r"^\[\[(claims|links|dismissed)\]\]$", re.MULTILINE)
_BLOCK_ID = re.compile(r'^id = "([a-z0-9]{4,12})"$', re.MULTILINE)
_BLOCK_PARAGRAPH = re.compile(r"^paragraph = (\d+)$", re.MULTILINE)
_BLOCK_START = re.compile(r"^start = (\d+)$", re.MULTILINE)
_BLOCK_SIGNED = re.compile(r"^signed = ", re.MULTILINE)
_CROSS_FILE_TO = re.compile(r'^to = "[^"]*#', re.MULTILINE)


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
    dismissed: str = ""
    """Every ``[[dismissed]]`` table, as written."""

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

    def parsed_dismissed(self) -> list[Dismissal]:
        return _parse_tables(self.dismissed, Dismissal, "dismissed") if self.dismissed else []

    def parsed_header(self) -> AnnotationFile:
        """The file's own keys, as a document without claims."""
        return parse(self.header)


def _parse_tables(
    text: str, model: type[Claim] | type[Link] | type[Dismissal], key: str
) -> list[Any]:
    try:
        raw = tomlread.loads(text)
        huge = tomlread.integers_out_of_range(raw)
        if huge:
            raise ValueError(tomlread.out_of_range_message(huge[0][1]))
        return [model.model_validate(item) for item in raw.get(key, [])]
    except (ValueError, ValidationError) as error:  # TOMLDecodeError is a ValueError
        raise StoreError.single(Path("<merge>"), f"{key}: {error}") from None


def holds_sign_off(claim_text: str) -> bool:
    """Whether a claim's tables, as written, hold a sign-off."""
    return _BLOCK_SIGNED.search(claim_text) is not None


def holds_cross_file_link(links_text: str) -> bool:
    """Whether links, as written, point into another annotation file."""
    return _CROSS_FILE_TO.search(links_text) is not None


def split_blocks(text: str) -> Blocks | None:
    """Cut a file's text into header, claims, links and dismissals; None when not in that shape.

    The shape is the canonical one: the header, then every claim (its sources
    after it), then every link, then every dismissed candidate, tables starting
    at the beginning of a line.
    """
    starts = [(m.start(), m.group(1)) for m in _TABLE_START.finditer(text)]
    kinds = [kind for _, kind in starts]
    order = {"claims": 0, "links": 1, "dismissed": 2}
    if any(order[a] > order[b] for a, b in itertools.pairwise(kinds)):
        return None  # a claim after the links, a link after the dismissals: not canonical
    header_end = starts[0][0] if starts else len(text)
    tail = {kind: start for start, kind in reversed(starts) if kind != "claims"}
    links_start = tail.get("links")
    dismissed_start = tail.get("dismissed", len(text))
    claims: dict[str, str] = {}
    for index, (start, kind) in enumerate(starts):
        if kind != "claims":
            break
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        piece = text[start:end]
        block = piece[:-1] if piece.endswith("\n\n") else piece
        found = _BLOCK_ID.search(block)
        if found is None or found.group(1) in claims:
            return None
        claims[found.group(1)] = block
    links = text[links_start:dismissed_start] if links_start is not None else ""
    return Blocks(text[:header_end], claims, links, text[dismissed_start:])
