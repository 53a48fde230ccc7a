"""The desk's review of a fact-check: claims in article order, grouped by paragraph,
with a contradictions section; as data, Markdown, or a table for the terminal.

No Textual here: ``factmark review`` and the Markdown export use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from factmark.model import CONFIDENCES, VERDICTS, AnnotationFile, Claim, Link

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Z][\w’']+|\w+|\S")
_FACT = re.compile(r"\d|^[A-Z]")


@dataclass(frozen=True)
class Selection:
    """Which claims to show."""

    verdicts: frozenset[str] = field(default_factory=frozenset)
    confidences: frozenset[str] = field(default_factory=frozenset)
    contradictions: bool = False
    """Only claims on either end of a ``contradicts`` link."""
    missing_sources: bool = False
    """Only claims without a source."""
    unresolved: bool = False
    """Only claims no longer found as they were (changed or orphaned)."""
    query: str = ""
    """Only claims whose quote, note, tags or sources hold this text (any case)."""

    def keeps(self, claim: Claim, contradicted: set[str], state: str = "anchored") -> bool:
        return (
            (not self.verdicts or claim.verdict in self.verdicts)
            and (not self.confidences or claim.confidence in self.confidences)
            and (not self.contradictions or claim.id in contradicted)
            and (not self.missing_sources or not claim.sources)
            and (not self.unresolved or state in UNRESOLVED_STATES)
            and (not self.query or mentions(claim, self.query))
        )

    @property
    def active(self) -> bool:
        return self != Selection()


ANCHOR_STATES = ("anchored", "moved", "changed", "orphan")
UNRESOLVED_STATES = frozenset({"changed", "orphan"})


def mentions(claim: Claim, query: str) -> bool:
    """Whether the claim's id, quote, note, tags or sources hold the text (any case)."""
    needle = query.casefold()
    fields = [claim.id, claim.quote, claim.note, *claim.tags]
    for source in claim.sources:
        fields += [str(source.url or ""), source.title, source.citation, source.quote]
    return any(needle in text.casefold() for text in fields)


def contradicted(document: AnnotationFile) -> set[str]:
    return {end for link in document.contradictions() for end in (link.source, link.target)}


def selected(document: AnnotationFile, selection: Selection) -> list[Claim]:
    """The claims to review, in article order."""
    ends = contradicted(document)
    return [c for c in document.sorted().claims if selection.keeps(c, ends)]


# --- the review table ----------------------------------------------------

COLUMNS = ("paragraph", "quote", "verdict", "confidence", "sources", "links", "anchor")
"""The review table's columns, each a sort key of Row."""


@dataclass(frozen=True)
class Row:
    """One claim as the review table shows it."""

    claim: Claim
    state: str
    """Where the claim was found: one of ANCHOR_STATES."""
    links: int
    contradicted: bool

    def sort_key(self, column: str) -> tuple[Any, ...]:
        """Ordering by one column; ties keep article order."""
        claim = self.claim
        keys: dict[str, Any] = {
            "paragraph": (),
            "quote": " ".join(claim.quote.casefold().split()),
            "verdict": VERDICTS.index(claim.verdict),
            "confidence": CONFIDENCES.index(claim.confidence),
            "sources": len(claim.sources),
            "links": self.links,
            "anchor": ANCHOR_STATES.index(self.state),
        }
        return (keys[column], *claim.position, claim.id)


def rows(document: AnnotationFile, states: Mapping[str, str] | None = None) -> list[Row]:
    """Every claim as a row, in article order.

    ``states`` maps claim ids to where the article was found to hold them; without
    it, the state the file records (``changed``/``orphan``), else ``anchored``.
    """
    links: dict[str, int] = {}
    for link in document.links:
        for end in (link.source, link.target):
            links[end] = links.get(end, 0) + 1
    ends = contradicted(document)
    found = []
    for claim in document.sorted().claims:
        state = (states or {}).get(claim.id) or claim.state or "anchored"
        found.append(Row(claim, state, links.get(claim.id, 0), claim.id in ends))
    return found


def arrange(
    table: Iterable[Row], selection: Selection, column: str = "paragraph", descending: bool = False
) -> list[Row]:
    """The rows the selection keeps, sorted by a column."""
    ends = {row.claim.id for row in table if row.contradicted}
    kept = [row for row in table if selection.keeps(row.claim, ends, row.state)]
    return sorted(kept, key=lambda row: row.sort_key(column), reverse=descending)


@dataclass(frozen=True)
class Summary:
    """The counts on top of the review."""

    claims: int
    verdicts: dict[str, int]
    """Claims per verdict, in the model's order, only verdicts given."""
    contradictions: int
    """``contradicts`` links."""
    without_source: int
    changed: int
    orphaned: int


def summarize(document: AnnotationFile, table: Iterable[Row]) -> Summary:
    verdicts = dict.fromkeys(VERDICTS, 0)
    without_source = changed = orphaned = total = 0
    for row in table:
        total += 1
        verdicts[row.claim.verdict] += 1
        without_source += not row.claim.sources
        changed += row.state == "changed"
        orphaned += row.state == "orphan"
    return Summary(
        total, {v: n for v, n in verdicts.items() if n}, len(document.contradictions()),
        without_source, changed, orphaned,
    )  # fmt: skip


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The figures, words and marks that ``differing_facts`` compares, in order."""
    return _TOKEN.finditer(text)


def differing_facts(first: str, second: str) -> tuple[set[str], set[str]]:
    """Figures, dates and names that one quote has and the other has not."""
    a = {t for t in _TOKEN.findall(first) if _FACT.search(t)}
    b = {t for t in _TOKEN.findall(second) if _FACT.search(t)}
    return a - b, b - a


def _link_view(link: Link, claim_id: str, document: AnnotationFile) -> dict[str, Any]:
    other_id = link.other(claim_id)
    try:
        other_quote = document.claim(other_id).quote
    except KeyError:
        other_quote = None
    direction = "out" if link.source == claim_id or link.symmetric else "in"
    return {"kind": link.kind, "direction": direction, "claim": other_id,
            "quote": other_quote, "note": link.note}  # fmt: skip


def as_data(document: AnnotationFile, claims: Iterable[Claim]) -> dict[str, Any]:
    """The review as plain data (the stable shape of ``factmark review --format json``).

    ``{"article", "claims": [{claim fields…, "links": [{"kind", "direction" ("out"|"in"),
    "claim", "quote", "note"}]}], "contradictions": [{"from", "to", "from_quote",
    "to_quote", "note", "differs": [[facts only in from], [facts only in to]]}]}``
    """
    rows = []
    for claim in claims:
        row = claim.model_dump(mode="json", exclude_none=True)
        row["links"] = [
            _link_view(link, claim.id, document) for link in document.links_of(claim.id)
        ]
        rows.append(row)
    return {
        "article": document.article,
        "claims": rows,
        "contradictions": contradictions(document),
    }


def contradictions(document: AnnotationFile) -> list[dict[str, Any]]:
    quotes = {claim.id: claim.quote for claim in document.claims}
    found = []
    for link in document.sorted().contradictions():
        first, second = quotes[link.source], quotes[link.target]
        only_first, only_second = differing_facts(first, second)
        found.append({"from": link.source, "to": link.target, "from_quote": first,
                      "to_quote": second, "note": link.note,
                      "differs": [sorted(only_first), sorted(only_second)]})  # fmt: skip
    return found


def _md(text: str) -> str:
    """Text safe inside Markdown: its markup characters escaped, on one line."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~])", r"\\\1", " ".join(text.split()))


def _md_marked(text: str, facts: set[str]) -> str:
    out = []
    for token in re.split(r"(\s+)", text):
        out.append(
            f"**{_md(token)}**" if token.strip(".,;:") in facts or token in facts else _md(token)
        )
    return "".join(out)


def as_markdown(document: AnnotationFile, claims: list[Claim], title: str) -> str:
    """The review as a Markdown document."""
    lines = [f"# Fact-check: {_md(title)}", ""]
    ends = contradicted(document)
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.verdict] = counts.get(claim.verdict, 0) + 1
    summary = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items()))
    lines += [f"{len(claims)} claims ({summary}); "
              f"{len(document.contradictions())} contradictions.", ""]  # fmt: skip
    paragraph: int | None = -1
    for claim in claims:
        if claim.paragraph != paragraph:
            paragraph = claim.paragraph
            lines += [f"## ¶ {paragraph}" if paragraph else "## Not found in the article", ""]
        flag = " ≠ contradicted" if claim.id in ends else ""
        lines.append(f"- **{claim.verdict}** ({claim.confidence}){flag} — “{_md(claim.quote)}”")
        if claim.note:
            lines.append(f"  - {_md(claim.note)}")
        for source in claim.sources:
            stance = f"{source.stance}: " if source.stance else ""
            label = _md(source.label)
            if source.url:
                label = (
                    f"{label} <{source.url}>" if source.label != source.url else f"<{source.url}>"
                )
            lines.append(f"  - source — {stance}{label}")
        for link in document.links_of(claim.id):
            view = _link_view(link, claim.id, document)
            arrow = "→" if view["direction"] == "out" else "←"
            lines.append(f"  - {arrow} {link.kind} “{_md(view['quote'] or view['claim'])}”")
    found = contradictions(document)
    if found:
        lines += ["", "## Contradictions", ""]
        for item in found:
            a, b = (set(side) for side in item["differs"])
            lines.append(f"- “{_md_marked(item['from_quote'], a)}” "
                         f"≠ “{_md_marked(item['to_quote'], b)}”")  # fmt: skip
            if item["note"]:
                lines.append(f"  - {_md(item['note'])}")
    return "\n".join(lines) + "\n"
