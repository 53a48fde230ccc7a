"""The side panel: the current paragraph's claims and the selected claim's details.

The whole panel below its title is one piece of text, redrawn in one go: the
editor steps through paragraphs quickly, and one widget to measure and draw
is much cheaper than a list widget per section. Rows at the top (the claims,
then the selected claim's links) are one line each, so a click maps to a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from factmark.tui.text import excerpt, hidden_characters, plain
from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS

if TYPE_CHECKING:
    from factmark.model import AnnotationFile, Claim

ROW_PREFIX = 20
"""Cells before the quote in a claim row: marker (2), symbol (2), verdict (16).

A row any longer wraps, and the rows below it no longer match their clicks."""


def claim_label(claim: Claim, contradicted: bool, width: int = 60) -> Text:
    """One line naming a claim: verdict symbol, verdict, and the start of its quote."""
    symbol = CONTRADICTED_SYMBOL if contradicted else VERDICT_SYMBOLS[claim.verdict]
    label = Text(f"{symbol} ", style="bold", end="", no_wrap=True)
    label.append(f"{claim.verdict:<15} ", style="bold")
    label.append(excerpt(claim.quote, max(10, width)))
    return label


class PanelBody(ScrollView, can_focus=False):
    """The panel's text, drawn a line at a time like the article.

    Showing another claim sets new text and redraws this widget alone: its size
    never depends on its text, so nothing else on screen is laid out again.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text(end="")
        self.rows: dict[int, tuple[str, str]] = {}
        """Line number -> ("claim", id) or ("link", index in the document's links)."""
        self._lines: list[Strip] = []
        self._width = 0

    def show_text(self, text: Text, rows: dict[int, tuple[str, str]]) -> None:
        self.text, self.rows = text, rows
        self._wrap(force=True)
        if self.scroll_offset.y:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self, *, force: bool = False) -> None:
        width = max(1, self.scrollable_content_region.width)
        if not force and width == self._width:
            return
        self._width = width
        console = self.app.console
        base = self.rich_style
        lines = self.text.wrap(console, width)
        self._lines = [
            Strip(list(line.render(console))).apply_style(base).extend_cell_length(width, base)
            for line in lines
        ]
        # A new virtual size lays out the whole screen: keep it while the text fits.
        size = Size(width, max(len(self._lines), self.scrollable_content_region.height))
        if size != self.virtual_size:
            self.virtual_size = size

    def on_resize(self) -> None:
        self._wrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._wrap(force=True)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.size.width, self.rich_style)

    def row_at(self, y: int) -> tuple[str, str] | None:
        """The claim or link on a line of the widget, if any."""
        return self.rows.get(y + self.scroll_offset.y)


class ClaimPanel(Vertical, can_focus=False):
    """Claims of the current paragraph, the selected claim's links, then the claim in full."""

    @dataclass
    class ClaimPicked(Message):
        claim_id: str

    @dataclass
    class LinkPicked(Message):
        index: int
        """Index of the link in the document's links."""

    links_removable = True
    """Whether a click on a link offers to remove it (not in a read-only session)."""

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title")
        yield PanelBody(id="panel-body")

    def show(
        self,
        paragraph: int,
        claims: list[Claim],
        selected: Claim | None,
        document: AnnotationFile,
        contradicted: set[str],
    ) -> None:
        """Show a paragraph's claims and, in full, the selected claim."""
        title = Text(f"¶ {paragraph}", style="bold", end="", no_wrap=True)
        title.append(f" · {len(claims)} claim{'s' * (len(claims) != 1)}")
        if not claims:
            title.append(" · press a to add one", style="dim")
        self.query_one("#panel-title", Static).update(title, layout=False)

        width = max(24, self.query_one(PanelBody).scrollable_content_region.width or 48)
        body = Text(end="")
        rows: dict[int, tuple[str, str]] = {}
        line = 0
        for claim in claims:
            chosen = selected is not None and claim.id == selected.id
            row = Text("▶ " if chosen else "  ", end="", no_wrap=True)
            row.append(claim_label(claim, claim.id in contradicted, width - ROW_PREFIX))
            if chosen:
                row.stylize("reverse")
            body.append(row)
            body.append("\n")
            rows[line] = ("claim", claim.id)
            line += 1
        if selected is not None:
            links = [
                (i, link) for i, link in enumerate(document.links) if link.touches(selected.id)
            ]
            if links:
                hint = " · click one to remove it" if self.links_removable else ""
                body.append(f"\nLinks ({len(links)}){hint}\n", style="bold")
                line += 2
            for index, link in links:
                outgoing = link.source == selected.id
                arrow = "→" if outgoing or link.symmetric else "←"
                prefix = f"{arrow} {link.kind} "
                row = Text(prefix, style="bold", end="", no_wrap=True)
                try:
                    other = document.claim(link.other(selected.id)).quote
                except KeyError:
                    other = link.other(selected.id)
                row.append(excerpt(other, max(10, width - len(prefix))))
                body.append(row)
                body.append("\n")
                rows[line] = ("link", str(index))
                line += 1
            body.append("\n")
            body.append(claim_details(selected, document))
        self.query_one(PanelBody).show_text(body, rows)

    def on_click(self, event: events.Click) -> None:
        body = self.query_one(PanelBody)
        offset = event.get_content_offset(body)
        if offset is None:
            return
        row = body.row_at(offset.y)
        if row is None:
            return
        kind, value = row
        if kind == "claim":
            self.post_message(self.ClaimPicked(value))
        else:
            self.post_message(self.LinkPicked(int(value)))


def claim_details(claim: Claim, document: AnnotationFile | None = None) -> Text:
    """Everything about one claim, as plain text (no markup from the file is parsed)."""
    text = Text(end="")
    text.append("“")
    text.append(plain(claim.quote))
    text.append("”\n")
    hidden = hidden_characters(claim.quote)
    if hidden:
        warning = f"⚠ hidden characters in the quote: {', '.join(hidden)}\n"
        text.append(warning, style="bold reverse")
    text.append(f"{VERDICT_SYMBOLS[claim.verdict]} {claim.verdict}", style="bold")
    text.append(f" · confidence {claim.confidence}")
    if claim.state:
        text.append(f" · {claim.state}", style="bold reverse")
    text.append(f"\nid {claim.id}", style="dim")
    if claim.author:
        text.append(" · ", style="dim")
        text.append(plain(claim.author, "dim"))
    if claim.note:
        text.append("\n\n")
        text.append(plain(claim.note, lines=True))
    if claim.tags:
        text.append("\n\ntags: ", style="bold")
        text.append(plain(", ".join(claim.tags)))
    text.append(f"\n\nSources ({len(claim.sources)})", style="bold")
    if not claim.sources:
        text.append("\n  none yet", style="dim")
    for source in claim.sources:
        text.append("\n• ")
        if source.stance:
            text.append(f"[{source.stance}] ", style="italic")
        text.append(plain(source.title or source.citation or source.url or ""))
        if source.url and source.url != source.label:
            text.append("\n  ")
            text.append(plain(source.url, "underline"))
        if source.citation and source.title:
            text.append("\n  ")
            text.append(plain(source.citation, "dim"))
        if source.quote:
            text.append("\n  “")
            text.append(plain(source.quote, "italic"))
            text.append("”")
    notes = [link for link in document.links_of(claim.id) if link.note] if document else []
    if notes:
        text.append("\n\nLink notes", style="bold")
        for link in notes:
            text.append(f"\n• {link.kind}: ", style="italic")
            text.append(plain(link.note))
    return text
