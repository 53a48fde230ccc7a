"""The side panel: the current paragraph's claims and the selected claim's details.

The whole panel below its title is one piece of text, redrawn in one go: the
editor steps through paragraphs quickly, and one widget to measure and draw
is much cheaper than a list widget per section. Rows at the top (the claims,
then the selected claim's links) are one line each, so a click maps to a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
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

from factmark.linkview import LinkView
from factmark.tui.cross_quotes import QuoteOf, no_quotes, other_end
from factmark.tui.text import excerpt, hidden_characters, plain
from factmark.tui.widgets.article_view import CHANGED_SYMBOL
from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS, counted
from factmark.vocabulary import AnchorState

if TYPE_CHECKING:
    from factmark.model import AnnotationFile, Claim
    from factmark.resolving import Unresolved

ORPHAN_SYMBOL = "⊘"
STATE_SYMBOLS = {AnchorState.CHANGED: CHANGED_SYMBOL, AnchorState.ORPHAN: ORPHAN_SYMBOL}
"""Shown instead of the verdict's symbol for a claim a copy edit changed or orphaned."""

ROW_PREFIX = 20
"""Cells before the quote in a claim row: marker (2), symbol (2), verdict (16).

A row any longer wraps, and the rows below it no longer match their clicks."""


def claim_label(
    claim: Claim, contradicted: bool, width: int = 60, placed: Unresolved | None = None
) -> Text:
    """One line naming a claim: verdict symbol, verdict, and the start of its quote.

    A claim a copy edit changed or orphaned shows its state instead of its verdict.
    """
    symbol = CONTRADICTED_SYMBOL if contradicted else VERDICT_SYMBOLS[claim.verdict]
    status: str = claim.verdict
    if placed is not None:
        symbol, status = STATE_SYMBOLS[placed.state], placed.state.value
    label = Text(f"{symbol} ", style="bold", end="", no_wrap=True)
    label.append(f"{status:<15} ", style="bold")
    label.append(excerpt(claim.quote, max(10, width)))
    return label


def panel_title(paragraph: int, claims: list[Claim], placed: dict[str, Unresolved]) -> Text:
    """The panel's title: the paragraph, its claims, and how many a copy edit changed
    or orphaned."""
    title = Text(f"¶ {paragraph}", style="bold", end="", no_wrap=True)
    title.append(f" · {counted(len(claims), 'claim')}")
    for state in STATE_SYMBOLS:
        count = sum(1 for claim in claims if claim.id in placed and placed[claim.id].state is state)
        if count:
            plural = "s" * (state is AnchorState.ORPHAN and count != 1)
            title.append(f" · {count} {state}{plural}", style="bold")
    if not claims:
        title.append(" · press a to add one", style="dim")
    return title


def resolution_details(claim: Claim, placed: Unresolved) -> Text:
    """What a copy edit did to a claim: the old quote and the new text, or where it
    was looked for; and the key that resolves it."""
    from factmark.tui.screens.unresolved import difference

    symbol = STATE_SYMBOLS[placed.state]
    text = Text(end="")
    if placed.anchor.found is not None:
        text.append(f"{symbol} changed: the text here differs from the quote checked", "bold")
        old, new = difference(claim.quote, placed.anchor.found)
        text.append("\nwas: ", style="bold")
        text.append(old)
        text.append(f"\nnow (¶{placed.anchor.paragraph}): ", style="bold")
        text.append(new)
    else:
        where = f"¶{placed.looked_in}" if placed.looked_in is not None else "the article"
        text.append(f"{symbol} orphan: not found in {where}", "bold")
        if claim.paragraph is not None and claim.paragraph != placed.looked_in:
            text.append(f" (it stood in ¶{claim.paragraph} before the edit)")
        text.append("\nwas: ", style="bold")
        text.append(plain(claim.quote))
    text.append("\nc resolves it: accept, re-attach or delete\n", style="italic")
    return text


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
        self.focus_at: tuple[int, int] | None = None
        """Offsets in the text of the lines to keep in view: the selected claim's
        details, and its verdict line (which counts most)."""
        self._lines: list[Strip] = []
        self._width = 0

    def show_text(
        self,
        text: Text,
        rows: dict[int, tuple[str, str]],
        focus_at: tuple[int, int] | None = None,
    ) -> None:
        self.text, self.rows, self.focus_at = text, rows, focus_at
        self._wrap(force=True)
        self.refresh()
        # Once more after the screen is laid out: keys typed fast can show a claim
        # while the panel's height is still settling.
        self.call_after_refresh(self._keep_in_view)

    def _line_of(self, offset: int) -> int:
        """The wrapped line where the text from ``offset`` (just after a newline) begins."""
        return len(self.text[:offset].wrap(self.app.console, self._width)) - 1

    def _keep_in_view(self) -> None:
        """Scroll to the top, unless the selected claim's verdict would be below the fold:
        then to its details (or its verdict line, if the quote alone fills the view)."""
        height = self.scrollable_content_region.height
        y = 0
        if self.focus_at is not None and height > 0:
            details, verdict = (self._line_of(offset) for offset in self.focus_at)
            if verdict >= height:
                y = details if verdict - details < height else verdict
        if y != self.scroll_offset.y:
            self.scroll_to(y=y, animate=False, immediate=True)

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
        # The text's length is this widget's own affair: its scroll bar is always shown
        # (app.tcss), so a new virtual size is set without laying out the screen again,
        # as Textual sets one when a layout asks for none (``Widget._size_updated``).
        size = Size(width, max(len(self._lines), self.scrollable_content_region.height))
        if size != self.virtual_size:
            self.set_reactive(PanelBody.virtual_size, size)
            self._scroll_update(size)
        self._keep_in_view()

    def on_resize(self) -> None:
        self._wrap()
        self._keep_in_view()

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
    quote_of: QuoteOf = staticmethod(no_quotes)
    """The quotes of claims in other files that links name, as far as they are read."""
    checked_before: Callable[[Claim], Text | None] = staticmethod(lambda claim: None)
    """The claims of other articles that look like one, as a section of the panel."""

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title")
        yield PanelBody(id="panel-body")
        yield Static(id="panel-suggestion")

    def show(
        self,
        paragraph: int,
        claims: list[Claim],
        selected: Claim | None,
        document: AnnotationFile,
        contradicted: set[str],
        placed: dict[str, Unresolved] | None = None,
    ) -> None:
        """Show a paragraph's claims and, in full, the selected claim.

        ``placed``: the claims of these that a copy edit changed or orphaned.
        """
        placed = placed or {}
        title = panel_title(paragraph, claims, placed)
        self.query_one("#panel-title", Static).update(title, layout=False)

        width = max(24, self.query_one(PanelBody).scrollable_content_region.width or 48)
        body = Text(end="")
        rows: dict[int, tuple[str, str]] = {}
        line = append_claim_rows(body, rows, claims, selected, contradicted, placed, width)
        focus: tuple[int, int] | None = None
        if selected is not None:
            self._append_links(body, rows, line, selected, document, width)
            focus = append_details(body, selected, document, placed)
            self._append_checked_before(body, selected)
        self.query_one(PanelBody).show_text(body, rows, focus)

    def show_suggestion(self, text: Text) -> None:
        """Under the claims: the sentences worth checking here, or the one selected, with
        their scores and reasons (shown from the first time on)."""
        section = self.query_one("#panel-suggestion", Static)
        if not section.display:
            section.display = True  # the panel is laid out again, once
        section.update(text, layout=False)  # of a fixed height

    def _append_links(
        self,
        body: Text,
        rows: dict[int, tuple[str, str]],
        line: int,
        selected: Claim,
        document: AnnotationFile,
        width: int,
    ) -> None:
        """The selected claim's links, one row each from ``line``, under their heading."""
        links = [(i, link) for i, link in enumerate(document.links) if link.touches(selected.id)]
        if links:
            hint = " · click one to remove it" if self.links_removable else ""
            body.append(f"\nLinks ({len(links)}){hint}\n", style="bold")
            line += 2
        for index, link in links:
            view = LinkView(link, selected.id)
            prefix = f"{view.short} "
            row = Text(prefix, style="bold", end="", no_wrap=True)
            other = other_end(view, document, self.quote_of)
            row.append(excerpt(other, max(10, width - len(prefix))))
            body.append(row)
            body.append("\n")
            rows[line] = ("link", str(index))
            line += 1

    def _append_checked_before(self, body: Text, selected: Claim) -> None:
        """After the claim's details, what other articles' fact-checks hold like it."""
        section = self.checked_before(selected)
        if section is not None:
            body.append(section)

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


def append_claim_rows(
    body: Text,
    rows: dict[int, tuple[str, str]],
    claims: list[Claim],
    selected: Claim | None,
    contradicted: set[str],
    placed: dict[str, Unresolved],
    width: int,
) -> int:
    """One row per claim, the selected one marked; returns the number of rows."""
    line = 0
    for claim in claims:
        chosen = selected is not None and claim.id == selected.id
        row = Text("▶ " if chosen else "  ", end="", no_wrap=True)
        label = claim_label(
            claim, claim.id in contradicted, width - ROW_PREFIX, placed.get(claim.id)
        )
        row.append(label)
        if chosen:
            row.stylize("reverse")
        body.append(row)
        body.append("\n")
        rows[line] = ("claim", claim.id)
        line += 1
    return line


def append_details(
    body: Text, selected: Claim, document: AnnotationFile, placed: dict[str, Unresolved]
) -> tuple[int, int]:
    """After a blank line, the selected claim in full; returns the offsets of its
    details and of its verdict line."""
    body.append("\n")
    details = len(body.plain)
    if selected.id in placed:
        body.append(resolution_details(selected, placed[selected.id]))
    body.append(claim_quote(selected))
    verdict = len(body.plain)
    body.append(claim_facts(selected, document))
    return details, verdict


def claim_details(claim: Claim, document: AnnotationFile | None = None) -> Text:
    """Everything about one claim, as plain text (no markup from the file is parsed)."""
    text = claim_quote(claim)
    text.append(claim_facts(claim, document))
    return text


def claim_quote(claim: Claim) -> Text:
    """A claim's quote, and a warning of hidden characters in it (ends with a newline)."""
    text = Text(end="")
    text.append("“")
    text.append(plain(claim.quote))
    text.append("”\n")
    hidden = hidden_characters(claim.quote)
    if hidden:
        warning = f"⚠ hidden characters in the quote: {', '.join(hidden)}\n"
        text.append(warning, style="bold reverse")
    return text


def claim_facts(claim: Claim, document: AnnotationFile | None = None) -> Text:
    """A claim's verdict line, note, tags, sources and link notes."""
    text = Text(end="")
    text.append(f"{VERDICT_SYMBOLS[claim.verdict]} {claim.verdict}", style="bold")
    text.append(f" · confidence {claim.confidence}")
    if claim.state:
        text.append(f" · {claim.state}", style="bold reverse")
    text.append(f"\nid {claim.id}", style="dim")
    if claim.author:
        text.append(" · ", style="dim")
        text.append(plain(claim.author, "dim"))
    text.append("\n")
    text.append(sign_off_text(claim))
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


SIGNED_SYMBOL = "✔"
AWAITING_SYMBOL = "○"


def sign_off_text(claim: Claim) -> Text:
    """Who signed the claim's verdict off, and when (docs/desk.md), or that it awaits it."""
    if claim.signed is None:
        return Text(f"{AWAITING_SYMBOL} awaiting sign-off", style="italic", end="")
    text = Text(f"{SIGNED_SYMBOL} Signed off by ", style="bold", end="")
    text.append(plain(claim.signed_by, "bold"))
    text.append(f", {claim.signed.astimezone(UTC).date().isoformat()}", style="bold")
    if claim.self_signed:
        text.append(" · self-signed", style="bold reverse")
    return text
