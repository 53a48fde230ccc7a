"""The desk's review of a fact-check: claims in article order, grouped by paragraph,
with a contradictions section; as data, Markdown, or a table for the terminal.

No Textual here: ``factmark review`` and the Markdown export use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from factmark.linkview import LinkView, links_seen_from
from factmark.model import AnnotationFile, Claim
from factmark.visible import counted
from factmark.vocabulary import CONFIDENCES, VERDICTS, AnchorState, recorded_state

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
    awaiting_sign_off: bool = False
    """Only claims no second reader has signed off yet."""
    query: str = ""
    """Only claims whose quote, note, tags or sources hold this text (any case)."""

    def keeps(self, claim: Claim, contradicted: set[str], state: AnchorState) -> bool:
        return (
            (not self.verdicts or claim.verdict in self.verdicts)
            and (not self.confidences or claim.confidence in self.confidences)
            and (not self.contradictions or claim.id in contradicted)
            and (not self.missing_sources or not claim.sources)
            and (not self.unresolved or not state.trusted)
            and (not self.awaiting_sign_off or not claim.signed_off)
            and (not self.query or mentions(claim, self.query))
        )


MENTION_FIELDS = ("quote", "note", "tags", "sources", "id")
"""Where a claim can hold a searched text, in the order ``mention`` tries them."""


def mention(claim: Claim, query: str) -> str | None:
    """Which of the claim's fields first holds the text (any case), one of MENTION_FIELDS
    in that order, or None: what every search of claims matches."""
    needle = query.casefold()
    sources = [str(source.url or "") for source in claim.sources]
    for source in claim.sources:
        sources += [source.title, source.citation, source.quote]
    fields = {"quote": [claim.quote], "note": [claim.note], "tags": claim.tags,
              "sources": sources, "id": [claim.id]}  # fmt: skip
    for name in MENTION_FIELDS:
        if any(needle in text.casefold() for text in fields[name]):
            return name
    return None


def mentions(claim: Claim, query: str) -> bool:
    """Whether the claim's id, quote, note, tags or sources hold the text (any case)."""
    return mention(claim, query) is not None


def selected(
    document: AnnotationFile, selection: Selection, states: Mapping[str, AnchorState] | None = None
) -> list[Claim]:
    """The claims to review, in article order.

    ``states`` maps claim ids to where the article holds them now (else what the
    file records): the ``unresolved`` filter needs them.
    """
    ends = document.contradicted()
    return [
        claim
        for claim in document.sorted().claims
        if selection.keeps(claim, ends, _state(claim, states))
    ]


# --- the review table ----------------------------------------------------

COLUMNS = ("paragraph", "quote", "verdict", "confidence", "sources", "links", "anchor")
"""The review table's columns, each a sort key of Row."""


@dataclass(frozen=True)
class Row:
    """One claim as the review table shows it."""

    claim: Claim
    state: AnchorState
    """Where the claim was found."""
    links: int
    contradicted: bool

    def sort_key(self, column: str) -> tuple[Any, ...]:
        """Ordering by one column; ties keep article order."""
        claim = self.claim
        key: Any
        if column == "paragraph":
            key = ()
        elif column == "quote":
            key = " ".join(claim.quote.casefold().split())
        elif column == "verdict":
            key = VERDICTS.index(claim.verdict)
        elif column == "confidence":
            key = CONFIDENCES.index(claim.confidence)
        elif column == "sources":
            key = len(claim.sources)
        elif column == "links":
            key = self.links
        else:
            key = list(AnchorState).index(self.state)
        return (key, *claim.position, claim.id)


def rows(document: AnnotationFile, states: Mapping[str, AnchorState] | None = None) -> list[Row]:
    """Every claim as a row, in article order.

    ``states`` maps claim ids to where the article was found to hold them; without
    it, the state the file records (``changed``/``orphan``), else ``anchored``.
    """
    links: dict[str, int] = {}
    for link in document.links:
        for end in (link.source, link.target):
            links[end] = links.get(end, 0) + 1
    ends = document.contradicted()
    found = []
    for claim in document.sorted().claims:
        found.append(Row(claim, _state(claim, states), links.get(claim.id, 0), claim.id in ends))
    return found


def arrange(
    table: Iterable[Row], selection: Selection, column: str = "paragraph", descending: bool = False
) -> list[Row]:
    """The rows the selection keeps, sorted by a column (``table`` in article order)."""
    ends = {row.claim.id for row in table if row.contradicted}
    kept = [row for row in table if selection.keeps(row.claim, ends, row.state)]
    if column == "paragraph" and not descending:
        return kept  # rows() gives article order
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
        changed += row.state is AnchorState.CHANGED
        orphaned += row.state is AnchorState.ORPHAN
    return Summary(
        total, {v: n for v, n in verdicts.items() if n}, len(document.contradiction_links()),
        without_source, changed, orphaned,
    )  # fmt: skip


def fact_pieces(text: str, facts: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """The text in pieces, each with whether it is one of ``facts`` (as
    ``differing_facts`` found them, token for token): what every view marks."""
    wanted = set(facts)
    cursor = 0
    for match in _TOKEN.finditer(text):
        if match.group() in wanted:
            if cursor < match.start():
                yield text[cursor : match.start()], False
            yield match.group(), True
            cursor = match.end()
    if cursor < len(text):
        yield text[cursor:], False


def tokens(text: str) -> list[str]:
    """The text's tokens as ``fact_pieces`` reads them: figures, names, words, signs."""
    return _TOKEN.findall(text)


def differing_facts(first: str, second: str) -> tuple[set[str], set[str]]:
    """Figures, dates and names that one quote has and the other has not."""
    a = {t for t in _TOKEN.findall(first) if _FACT.search(t)}
    b = {t for t in _TOKEN.findall(second) if _FACT.search(t)}
    return a - b, b - a


def shown_of(shown: int, total: int) -> str:
    """``3 of 20 claims`` under a filter, ``20 claims`` without one."""
    return f"{shown} of {counted(total, 'claim')}" if shown != total else counted(total, "claim")


def _link_data(view: LinkView, document: AnnotationFile) -> dict[str, Any]:
    return {"kind": view.link.kind, "direction": view.direction, "claim": view.other,
            "quote": view.other_quote(document), "note": view.link.note}  # fmt: skip


def as_data(
    document: AnnotationFile,
    claims: Iterable[Claim],
    states: Mapping[str, AnchorState] | None = None,
) -> dict[str, Any]:
    """The review as plain data: ``factmark review --format json`` (docs/review.schema.json).

    ``{"article", "claims": [{claim fields…, "found": an AnchorState, "links":
    [{"kind", "direction" ("out"|"in"), "claim", "quote", "note"}]}], "contradictions":
    [{"from", "to", "from_quote", "to_quote", "note", "differs": [[facts only in from],
    [facts only in to]]}]}``. Contradictions are those of the claims given, in article
    order, the earlier claim first.
    """
    rows = []
    shown = set()
    for claim in claims:
        row = claim.model_dump(mode="json", exclude_none=True)
        if not claim.signed_off:
            del row["signed_by"]
        row["found"] = _state(claim, states)
        row["links"] = [_link_data(view, document) for view in links_seen_from(document, claim.id)]
        rows.append(row)
        shown.add(claim.id)
    return {
        "article": document.article,
        "claims": rows,
        "contradictions": contradiction_pairs(document, shown),
    }


def _state(claim: Claim, states: Mapping[str, AnchorState] | None) -> AnchorState:
    """Where the article holds the claim now, if known, else what its file records."""
    found = (states or {}).get(claim.id)
    return found or recorded_state(claim.state) or AnchorState.ANCHORED


def contradiction_pairs(
    document: AnnotationFile, among: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Each ``contradicts`` link between two claims of the document (touching a claim
    ``among`` those given, if given) with its two quotes and the facts that differ, in
    article order, the earlier claim first. A link into another file is no pair: it is
    listed among its claim's links."""
    by_id = {claim.id: claim for claim in document.claims}
    wanted = None if among is None else set(among)
    found: list[dict[str, Any]] = []
    for link in document.contradiction_links():
        if wanted is not None and not {link.source, link.target} & wanted:
            continue
        if link.target not in by_id:  # a claim of another file: a link of its claim, no pair
            continue
        first, second = sorted((by_id[link.source], by_id[link.target]),
                               key=lambda c: (*c.position, c.id))  # fmt: skip
        only_first, only_second = differing_facts(first.quote, second.quote)
        found.append({"from": first.id, "to": second.id, "from_quote": first.quote,
                      "to_quote": second.quote, "note": link.note,
                      "differs": [sorted(only_first), sorted(only_second)]})  # fmt: skip
    found.sort(key=lambda item: (*by_id[item["from"]].position, *by_id[item["to"]].position))
    return found


_MARKUP = re.compile(r"([\\`*_{}\[\]<>|~&])")


def _md(text: str) -> str:
    """Text safe inside Markdown, on one line: the characters that make markup escaped.

    Only what can start markup mid-line (emphasis, code, links, HTML, tables,
    entities): the text is never at the start of a line, where ``#``, ``-`` or
    ``1.`` would matter.
    """
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _md_marked(text: str, facts: set[str]) -> str:
    """A quote with the facts that differ in bold."""
    return "".join(
        f"**{_escape(piece)}**" if differs else _escape(piece)
        for piece, differs in fact_pieces(" ".join(text.split()), facts)
    )


def _autolink(url: str) -> str:
    """A URL as a Markdown autolink: what could close it or open HTML, percent-encoded."""
    return "<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~") + ">"


_FOUND_FLAGS = {
    AnchorState.CHANGED: " ⚠ changed: the article no longer reads so here",
    AnchorState.ORPHAN: " ⚠ orphan: no longer found in the article",
}


def as_markdown(
    document: AnnotationFile,
    claims: list[Claim],
    title: str,
    states: Mapping[str, AnchorState] | None = None,
) -> str:
    """The review as a Markdown document."""
    lines = [f"# Fact-check: {_md(title)}", ""]
    ends = document.contradicted()
    counts = dict.fromkeys(VERDICTS, 0)
    for claim in claims:
        counts[claim.verdict] += 1
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts.items() if n)
    total = len(document.claims)
    shown = shown_of(len(claims), total)
    found = contradiction_pairs(document, (claim.id for claim in claims))
    lines += [f"{shown}{f' ({summary})' if summary else ''}; "
              f"{counted(len(found), 'contradiction')}.", ""]  # fmt: skip
    if not claims:
        lines += ["No claims match.", ""]
    paragraph: int | None = -1
    for claim in claims:
        if claim.paragraph != paragraph:
            paragraph = claim.paragraph
            heading = f"## ¶ {paragraph}" if paragraph else "## Not found in the article"
            lines += [heading, ""] if lines[-1] == "" else ["", heading, ""]
        flag = " ≠ contradicted" if claim.id in ends else ""
        flag += _FOUND_FLAGS.get(_state(claim, states), "")
        lines.append(f"- **{claim.verdict}** ({claim.confidence}){flag} — “{_md(claim.quote)}”")
        if claim.note:
            lines.append(f"  - {_md(claim.note)}")
        for source in claim.sources:
            stance = f"{source.stance}: " if source.stance else ""
            label = _md(source.label)
            if source.url:
                url = _autolink(str(source.url))
                label = f"{label} {url}" if source.label != source.url else url
            lines.append(f"  - source — {stance}{label}")
        for view in links_seen_from(document, claim.id):
            other = view.other_quote(document) or view.other
            lines.append(f"  - {view.short} “{_md(other)}”")
    if found:
        lines += ["", "## Contradictions", ""]
        for item in found:
            a, b = (set(side) for side in item["differs"])
            lines.append(f"- “{_md_marked(item['from_quote'], a)}” "
                         f"≠ “{_md_marked(item['to_quote'], b)}”")  # fmt: skip
            if item["note"]:
                lines.append(f"  - {_md(item['note'])}")
    return "\n".join(lines) + "\n"
