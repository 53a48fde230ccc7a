"""An annotation file as text a person reads in a diff: one block per claim.

This is what ``factmark textconv`` prints and what ``git diff`` then compares,
so every line has a fixed shape and says one thing: a verdict change is one
changed line, a new source one added line. A header names the article and
counts claims, links and contradictions, then one block per claim follows in
article order::

    claim k3v9q2 ¶3
      quote: "Russia reportedly transferred 1,200 bodies …"
      verdict: disputed
      confidence: medium
      source: [supports] Interfax, citing an unnamed source, 13 June
      link: contradicts p8w1mz "Medinsky claimed that Ukraine had …"
      note: first line
      tags: casualties, figures

Anchoring hints and bookkeeping (prefix, suffix, start, author, created,
updated) are left out: they change with every edit or re-anchoring and would
bury the change that matters; ``factmark diff`` reports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from factmark.linkview import LinkView
from factmark.model import AnnotationFile, Claim, Link, Source, format_timestamp
from factmark.store import atomic, loading
from factmark.store.problems import StoreError
from factmark.visible import HIDDEN, escaped

NEWLINE_MARK = "⏎"
LINKED_QUOTE_LENGTH = 60
"""Characters of the other claim's quote shown on a link line."""


def printable(text: str) -> str:
    """Text as one visible line: newlines as ⏎, hidden characters as ``\\uXXXX``."""
    return HIDDEN.sub(lambda m: escaped(m.group()), text).replace("\n", NEWLINE_MARK)


def shorten(text: str, length: int = LINKED_QUOTE_LENGTH) -> str:
    """:func:`printable` text cut to ``length`` characters, with … when cut."""
    line = printable(text)
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"


def field_line(key: str, value: str) -> str:
    """``key: value``, with no trailing space when the value is empty."""
    return f"{key}: {value}" if value else f"{key}:"


def claim_heading(claim: Claim) -> str:
    """``claim k3v9q2 ¶3``: the id and, when known, the paragraph."""
    where = f" ¶{claim.paragraph}" if claim.paragraph is not None else ""
    return f"claim {claim.id}{where}"


def source_text(source: Source) -> str:
    """A source on one line: stance, URL, title, citation, date read, what it says."""
    parts: list[str] = []
    if source.stance is not None:
        parts.append(f"[{source.stance}]")
    if source.url is not None:
        parts.append(source.url)
    if source.title:
        parts.append(f'"{source.title}"')
    if source.citation:
        parts.append(f"— {source.citation}" if source.url is not None else source.citation)
    if source.accessed is not None:
        parts.append(f"(accessed {source.accessed.isoformat()})")
    if source.quote:
        parts.append(f'says "{source.quote}"')
    return printable(" ".join(parts))


def link_line(link: Link, seen_from: str, quotes: Mapping[str, str]) -> str:
    """A link as read from one of its claims: ``contradicts p8w1mz "…quote…"``.

    Worded by :class:`~factmark.linkview.LinkView` (``supported by k3v9q2``
    from the claim a one-way link points to).
    """
    view = LinkView(link, seen_from)
    text = f"{view.verb} {view.other}"
    quote = quotes.get(view.other)
    if quote is not None:
        text += f' "{shorten(quote)}"'
    if link.note:
        text += f" — {printable(link.note)}"
    return text


def claim_fields(claim: Claim, links: Sequence[Link], quotes: Mapping[str, str]) -> list[str]:
    """The lines of a claim's block after its heading, unindented."""
    lines = [
        f'quote: "{printable(claim.quote)}"',
        f"verdict: {claim.verdict}",
        f"confidence: {claim.confidence}",
    ]
    lines += [field_line("source", source_text(source)) for source in claim.sources]
    lines += [field_line("link", link_line(link, claim.id, quotes)) for link in links]
    if claim.note:
        lines += [field_line("note", printable(line)) for line in claim.note.split("\n")]
    if claim.tags:
        lines.append(field_line("tags", ", ".join(printable(tag) for tag in claim.tags)))
    if claim.signed is not None:
        lines.append(f"signed off: {sign_off_text(claim)}")
    if claim.state is not None:
        lines.append(f"state: {claim.state}")
    return lines


def sign_off_text(claim: Claim) -> str:
    """Who signed a claim off and when: ``B. Reader, 2026-11-30T09:00:00Z (self-signed)``."""
    assert claim.signed is not None
    own = " (self-signed)" if claim.self_signed else ""
    return f"{printable(claim.signed_by)}, {format_timestamp(claim.signed)}{own}"


def links_by_claim(document: AnnotationFile) -> dict[str, list[Link]]:
    """Every claim's links (both directions), in the document's link order."""
    index: dict[str, list[Link]] = {claim.id: [] for claim in document.claims}
    for link in document.links:
        index.setdefault(link.source, []).append(link)
        index.setdefault(link.target, []).append(link)
    return index


def header_lines(document: AnnotationFile) -> list[str]:
    """The article, what it was anchored against, and the counts."""
    claims, links = len(document.claims), len(document.links)
    contradictions = len(document.contradiction_links())
    lines = [f"article: {printable(document.article)}"]
    if document.article_sha256:
        lines.append(f"article_sha256: {document.article_sha256}")
    lines.append(
        f"{claims} claim{'s' * (claims != 1)}, {links} link{'s' * (links != 1)}, "
        f"{contradictions} contradiction{'s' * (contradictions != 1)}"
    )
    return lines


def render(document: AnnotationFile) -> str:
    """The whole document as text: the header, then one block per claim in article order."""
    document = document.sorted()
    quotes = {claim.id: claim.quote for claim in document.claims}
    links = links_by_claim(document)
    lines = header_lines(document)
    for claim in document.claims:
        lines.append("")
        lines.append(claim_heading(claim))
        lines += ["  " + line for line in claim_fields(claim, links[claim.id], quotes)]
    return "\n".join(lines) + "\n"


def textconv(path: Path) -> bytes:
    """What git shows for an annotation file: its rendering, else a warning and the raw bytes.

    Never raises: a failing textconv makes git abort the whole ``git diff``,
    so a file that cannot be rendered is shown as it is, under one line
    saying why.
    """
    try:
        data, _ = atomic.read_bytes(path)
    except StoreError as error:
        return _warning(f"{error}; no text to show")
    try:
        return render(loading.parse(data, path)).encode("utf-8")
    except StoreError as error:
        problem = str(error)
    except Exception as error:  # a bug here must not break the user's git diff
        problem = f"{path}: cannot render ({type(error).__name__}: {error})"
    return _warning(f"{problem}; raw text follows") + data


def _warning(message: str) -> bytes:
    return f"# factmark textconv: {printable(message)}\n".encode()
