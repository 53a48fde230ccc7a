"""A fact-check as one self-contained HTML page, for the desk to read and print.

The page holds, from top to bottom:

- a summary: claims per verdict (pending among them), contradictions, claims without sources
  and claims no longer found in the article;
- the contradictions: each ``contradicts`` link as its two quotes side by side, the
  figures, dates and names that differ between them in bold;
- the article, paragraph by paragraph with its ¶ number, every claim's quote
  highlighted in its verdict's colour (a ``<mark>`` per claim, ``id="claim-<id>"``;
  overlapping claims nest, the inner one drawn inside the outer one's band) and a
  small label after it (claim number and verdict symbol), so colour is never the
  only sign;
- beside it (below it on a narrow screen and on paper), the claims in article order:
  verdict, confidence, quote, note, sources, tags, links both ways, author and
  dates; claims whose hints no longer hold are listed last, under "Not found in the
  article", and not highlighted.

Marks link to their entries and entries back to their marks. The page loads
nothing: no script, no external style sheet, font or image, and a
Content-Security-Policy that forbids them. Every piece of article or annotation
text is escaped, and control, invisible and bidirectional characters are shown
as visible placeholders (titled with their code point). The same input always
gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise

from factmark import review
from factmark.anchor import offset_at_hint
from factmark.article import Article, Paragraph
from factmark.export import html_text
from factmark.linkview import LinkView, links_seen_from
from factmark.model import AnnotationFile, Claim, Source
from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS
from factmark.vocabulary import VERDICTS, AnchorState, recorded_state

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


# Where the claims stand ----------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """A claim as the page shows it: its number and, if its hints hold, its place."""

    claim: Claim
    number: int
    contradicted: bool
    found: bool

    @property
    def verdict_label(self) -> str:
        return f"{VERDICT_SYMBOLS[self.claim.verdict]} {self.claim.verdict}"

    @property
    def mark_label(self) -> str:
        flag = CONTRADICTED_SYMBOL if self.contradicted else ""
        return f"{self.number}{VERDICT_SYMBOLS[self.claim.verdict]}{flag}"

    @property
    def order(self) -> tuple[int, int, str]:
        """Outer claims first: earlier start, then longer quote."""
        start = self.claim.start or 0
        return (start, -len(self.claim.quote), self.claim.id)


def _entries(document: AnnotationFile, article: Article) -> list[_Entry]:
    """The claims in article order, found ones first, numbered from 1."""
    ends = document.contradicted()
    claims = review.selected(document, review.Selection())
    holds = {claim.id: offset_at_hint(claim, article) is not None for claim in claims}
    found = [claim for claim in claims if holds[claim.id]]
    missing = [claim for claim in claims if not holds[claim.id]]
    return [
        _Entry(claim, number, claim.id in ends, number <= len(found))
        for number, claim in enumerate(found + missing, start=1)
    ]


# The article -------------------------------------------------------------------------


@dataclass
class _Mark:
    """One ``<mark>`` of a claim: the whole quote, or a piece of it where claims cross."""

    entry: _Entry
    children: list[_Mark | str] = field(default_factory=list)
    first: bool = True
    last: bool = True


def _segments(text: str, entries: list[_Entry]) -> list[tuple[str, list[_Entry]]]:
    """The paragraph cut at every claim boundary, each piece with the claims covering it."""
    bounds = {0, len(text)}
    for entry in entries:
        start = entry.claim.start or 0
        bounds |= {start, start + len(entry.claim.quote)}
    cuts = sorted(bounds)
    pieces = []
    for low, high in pairwise(cuts):
        covering = [
            entry
            for entry in entries
            if (entry.claim.start or 0) <= low
            and high <= (entry.claim.start or 0) + len(entry.claim.quote)
        ]
        pieces.append((text[low:high], sorted(covering, key=lambda e: e.order)))
    return pieces


def _nest(text: str, entries: list[_Entry]) -> list[_Mark | str]:
    """Marks nested by the claims they cover; a claim that crosses another is split."""
    root: list[_Mark | str] = []
    stack: list[_Mark] = []
    fragments: dict[str, list[_Mark]] = {}
    for piece, covering in _segments(text, entries):
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep].entry is covering[keep]:
            keep += 1
        del stack[keep:]
        for entry in covering[keep:]:
            mark = _Mark(entry)
            (stack[-1].children if stack else root).append(mark)
            stack.append(mark)
            fragments.setdefault(entry.claim.id, []).append(mark)
        (stack[-1].children if stack else root).append(piece)
    for marks in fragments.values():
        for mark in marks[1:]:
            mark.first = False
        for mark in marks[:-1]:
            mark.last = False
    return root


def _render_mark(mark: _Mark) -> str:
    entry = mark.entry
    claim = entry.claim
    classes = f"claim v-{claim.verdict}" + (" contradicted" if entry.contradicted else "")
    title = f"Claim {entry.number}: {entry.verdict_label}, confidence {claim.confidence}"
    if entry.contradicted:
        title += ", contradicted by another claim"
    attributes = [f'class="{classes}"', f'title="{html_text.attr(title)}"']
    if mark.first:
        attributes.insert(0, f'id="claim-{claim.id}"')
    attributes.append(f'data-claim="{claim.id}"')
    if mark.last:
        attributes.append(f'data-label="{html_text.attr(entry.mark_label)}"')
    attributes.append(f'aria-describedby="verdict-{claim.id}"')
    inner = "".join(
        _render_mark(child)
        if isinstance(child, _Mark)
        else f'<a href="#entry-{claim.id}">{html_text.text(child)}</a>'
        for child in mark.children
    )
    return f"<mark {' '.join(attributes)}>{inner}</mark>"


def _paragraph(paragraph: Paragraph, entries: list[_Entry]) -> str:
    nodes = _nest(paragraph.text, entries)
    body = "".join(_render_mark(n) if isinstance(n, _Mark) else html_text.text(n) for n in nodes)
    number = paragraph.number
    return (
        f'<div class="para" id="p-{number}"><span class="pnum">¶{number}</span><p>{body}</p></div>'
    )


def _article(article: Article, entries: list[_Entry]) -> str:
    by_paragraph: dict[int, list[_Entry]] = {}
    for entry in entries:
        if entry.found and entry.claim.paragraph is not None:
            by_paragraph.setdefault(entry.claim.paragraph, []).append(entry)
    paragraphs = "\n".join(
        _paragraph(paragraph, by_paragraph.get(paragraph.number, []))
        for paragraph in article.paragraphs
    )
    return (
        '<main class="article" aria-labelledby="article-heading">\n'
        f'<h2 id="article-heading">Article</h2>\n{paragraphs}\n</main>'
    )


# The side list -----------------------------------------------------------------------


def _source(source: Source) -> str:
    parts: list[str] = []
    if source.stance:
        parts.append(f'<span class="stance stance-{source.stance}">{source.stance}</span>')
    url = html_text.safe_url(source.url) if source.url else None
    if url is not None:
        shows_url = not source.title
        label = html_text.text(source.title) if source.title else html_text.text(url)
        css = "source-link shows-url" if shows_url else "source-link"
        parts.append(f'<a class="{css}" href="{html_text.attr(url)}">{label}</a>')
    elif source.title:
        parts.append(f'<span class="source-title">{html_text.text(source.title)}</span>')
    if source.url and url is None:  # the model allows only http(s); never a live link
        parts.append(f'<span class="source-url">{html_text.text(source.url)}</span>')
    if source.citation:
        parts.append(f'<span class="citation">{html_text.text(source.citation)}</span>')
    if source.accessed:
        parts.append(f'<span class="accessed">accessed {source.accessed.isoformat()}</span>')
    said = f'<q class="source-quote">{html_text.text(source.quote)}</q>' if source.quote else ""
    return f"<li>{' '.join(parts)}{said}</li>"


_STATES: dict[AnchorState | None, str] = {
    AnchorState.CHANGED: "changed in the article",
    AnchorState.ORPHAN: "orphaned",
    None: "not where its hints say",
}


def _link(view: LinkView, numbers: dict[str, _Entry]) -> str:
    link, other = view.link, view.other
    if link.cross_file:  # a claim checked in another article: named, not on this page
        note = f' <span class="link-note">— {html_text.text(link.note)}</span>' if link.note else ""
        return (
            f'<li class="link link-{link.kind}"><span class="arrow" aria-hidden="true">'
            f'{view.arrow}</span> <span class="kind">{view.verb}</span> '
            f'<span class="other-file">{html_text.text(other)}</span>{note}</li>'
        )
    target = numbers[other]
    quote = html_text.excerpt(target.claim.quote)
    note = f' <span class="link-note">— {html_text.text(link.note)}</span>' if link.note else ""
    arrow = f'<span class="arrow" aria-hidden="true">{view.arrow}</span>'
    return (
        f'<li class="link link-{link.kind}">{arrow} <span class="kind">{view.verb}</span> '
        f'<a href="#claim-{other}">claim {target.number}</a> '
        f'<span class="link-verdict v-{target.claim.verdict}">{target.verdict_label}</span> '
        f'<q class="link-quote">{quote}</q>{note}</li>'
    )


def _meta(claim: Claim) -> str:
    parts = []
    if claim.author:
        parts.append(f'<span class="author">{html_text.text(claim.author)}</span>')
    if claim.created:
        parts.append(f"created {html_text.time_element(claim.created)}")
    if claim.updated and claim.updated != claim.created:
        parts.append(f"updated {html_text.time_element(claim.updated)}")
    parts.append(f'<span class="claim-id">id {claim.id}</span>')
    return f'<p class="meta">{" · ".join(parts)}</p>'


def _side_entry(entry: _Entry, numbers: dict[str, _Entry], document: AnnotationFile) -> str:
    claim = entry.claim
    where = (
        f'<a class="back" href="#claim-{claim.id}">¶{claim.paragraph} ↑</a>'
        if entry.found
        else f'<span class="state">{_STATES[recorded_state(claim.state)]}</span>'
    )
    flag = (
        f' <span class="flag">{CONTRADICTED_SYMBOL} contradicted</span>'
        if entry.contradicted
        else ""
    )
    quote_id = "" if entry.found else f' id="claim-{claim.id}"'
    parts = [
        f'<div class="entry-head"><span class="num">{entry.number}</span> '
        f'<span class="verdict" id="verdict-{claim.id}">{entry.verdict_label}</span> '
        f'<span class="confidence">confidence: {claim.confidence}</span>{flag} {where}</div>',
        f"<blockquote{quote_id}>{html_text.text(claim.quote)}</blockquote>",
    ]
    if claim.note:
        parts.append(f'<p class="note">{html_text.text(claim.note)}</p>')
    if claim.sources:
        items = "".join(_source(source) for source in claim.sources)
        parts.append(f'<ul class="sources" aria-label="Sources">{items}</ul>')
    else:
        parts.append('<p class="no-sources">No sources.</p>')
    links = links_seen_from(document, claim.id)
    if links:
        items = "".join(_link(view, numbers) for view in links)
        parts.append(f'<ul class="links" aria-label="Links">{items}</ul>')
    if claim.tags:
        tags = "".join(f'<li class="tag">{html_text.text(tag)}</li>' for tag in claim.tags)
        parts.append(f'<ul class="tags" aria-label="Tags">{tags}</ul>')
    parts.append(_meta(claim))
    return (
        f'<li class="entry v-{claim.verdict}" id="entry-{claim.id}">' + "\n".join(parts) + "</li>"
    )


def _side_list(entries: list[_Entry], document: AnnotationFile) -> str:
    numbers = {entry.claim.id: entry for entry in entries}
    found = [_side_entry(e, numbers, document) for e in entries if e.found]
    missing = [_side_entry(e, numbers, document) for e in entries if not e.found]
    parts = ['<aside class="claims" aria-labelledby="claims-heading">',
             '<h2 id="claims-heading">Claims</h2>']  # fmt: skip
    if found:
        parts.append(f'<ol class="entries">\n{chr(10).join(found)}\n</ol>')
    if missing:
        parts += ['<h3 class="not-found">Not found in the article</h3>',
                  f'<ol class="entries">\n{chr(10).join(missing)}\n</ol>']  # fmt: skip
    if not entries:
        parts.append('<p class="empty">No claims yet.</p>')
    parts.append("</aside>")
    return "\n".join(parts)


# Summary and contradictions ----------------------------------------------------------


def _summary(document: AnnotationFile, entries: list[_Entry]) -> str:
    counts = Counter(entry.claim.verdict for entry in entries)
    verdicts = "".join(
        f'<li class="count v-{verdict}{"" if counts[verdict] else " zero"}">'
        f'<span class="n">{counts[verdict]}</span> '
        f'<span class="what">{VERDICT_SYMBOLS[verdict]} {verdict}</span></li>'
        for verdict in VERDICTS
    )
    flags = [
        (len(document.contradiction_links()), "contradictions", "contradictions"),
        (sum(not entry.claim.sources for entry in entries), "unsourced", "without sources"),
        (sum(not entry.found for entry in entries), "not-found", "not found in the article"),
    ]
    flag_items = "".join(
        f'<li class="flag-{css}{"" if n else " zero"}"><span class="n">{n}</span> '
        f'<span class="what">{what}</span></li>'
        for n, css, what in flags
    )
    return (
        '<section class="summary" aria-label="Summary">'
        f'<p class="total"><span class="n">{len(entries)}</span> claims</p>'
        f'<ul class="counts" aria-label="Claims per verdict">{verdicts}</ul>'
        f'<ul class="flags" aria-label="To look at">{flag_items}</ul>'
        "</section>"
    )


def _highlighted(text: str, facts: set[str]) -> str:
    """The quote with the facts the other quote lacks in bold."""
    return "".join(
        f'<strong class="differs">{html_text.text(piece)}</strong>'
        if differs
        else html_text.text(piece)
        for piece, differs in review.fact_pieces(text, facts)
    )


def _contradiction_side(entry: _Entry, facts: set[str]) -> str:
    claim = entry.claim
    where = f"¶{claim.paragraph}" if entry.found else "not found in the article"
    return (
        f'<div class="side v-{claim.verdict}">'
        f'<p class="side-head"><a href="#claim-{claim.id}">claim {entry.number}</a> · {where}'
        f" · {entry.verdict_label}</p>"
        f"<blockquote>{_highlighted(claim.quote, facts)}</blockquote></div>"
    )


def _contradictions(document: AnnotationFile, entries: list[_Entry]) -> str:
    found = review.contradiction_pairs(document)
    if not found:
        return ""
    numbers = {entry.claim.id: entry for entry in entries}
    items = []
    for item in found:
        only_from, only_to = (set(side) for side in item["differs"])
        first = _contradiction_side(numbers[item["from"]], only_from)
        second = _contradiction_side(numbers[item["to"]], only_to)
        note = f'<p class="note">{html_text.text(item["note"])}</p>' if item["note"] else ""
        items.append(
            f'<li class="contradiction"><div class="pair">{first}'
            f'<span class="versus" role="img" aria-label="contradicts">{CONTRADICTED_SYMBOL}</span>'
            f"{second}</div>{note}</li>"
        )
    return (
        '<section class="contradictions" aria-labelledby="contradictions-heading">'
        '<h2 id="contradictions-heading">Contradictions</h2>'
        f"<ol>{''.join(items)}</ol></section>"
    )


# The page ----------------------------------------------------------------------------


def _stylesheet() -> str:
    """The page's stylesheet (html.css beside this module), inlined: the page loads nothing."""
    return resources.files("factmark.export").joinpath("html.css").read_text(encoding="utf-8")


def export(document: AnnotationFile, article: Article, title: str) -> str:
    """The fact-check of ``article`` as one self-contained HTML5 page, titled ``title``."""
    entries = _entries(document, article)
    heading = f"Fact-check: {title}"
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="factmark">',
            f"<title>{html_text.plain(heading)}</title>",
            f"<style>\n{_stylesheet()}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{html_text.text(heading)}</h1>",
            '<p class="subtitle">Article file: '
            f"<code>{html_text.text(document.article)}</code></p>",
            _summary(document, entries),
            "</header>",
            _contradictions(document, entries),
            '<div class="layout">',
            _article(article, entries),
            _side_list(entries, document),
            "</div>",
            "<footer>Exported by factmark. Marks link to their claims; ¶ numbers count"
            " the article's paragraphs from 1.</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )
