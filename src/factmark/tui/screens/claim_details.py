"""One claim's details on a screen of their own: everything the side panel has no room
for on a small terminal. Read-only, so it works in a read-only session too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from factmark.linkview import links_seen_from
from factmark.tui.cross_quotes import QuoteOf, no_quotes, other_end
from factmark.tui.text import excerpt
from factmark.tui.widgets.claim_panel import claim_details, resolution_details

if TYPE_CHECKING:
    from factmark.model import AnnotationFile, Claim
    from factmark.resolving import Unresolved


class ClaimDetailsScreen(ModalScreen[None]):
    """The selected claim in full: quote, verdict, note, tags, sources and links."""

    BINDINGS = [
        Binding("escape,v,q", "close", "Close", tooltip="Back to the article", id="details-close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False, id="details-down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="details-up"),
    ]

    def __init__(
        self,
        claim: Claim,
        document: AnnotationFile,
        placed: Unresolved | None = None,
        quote_of: QuoteOf = no_quotes,
    ) -> None:
        super().__init__()
        self.claim = claim
        self.document = document
        self.placed = placed
        self.quote_of = quote_of
        """The quotes of claims in other files, as far as they are read."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="claim-details"):
            yield Static(Text("Claim details", style="bold"), classes="dialog-question")
            yield Static(self._body(), id="claim-details-body")
            yield Static(Text("escape closes", style="dim"), classes="dialog-help")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def _body(self) -> Text:
        text = Text(end="")
        if self.placed is not None:
            text.append(resolution_details(self.claim, self.placed))
            text.append("\n")
        text.append(claim_details(self.claim, self.document))
        links = links_seen_from(self.document, self.claim.id)
        if links:
            text.append(f"\n\nLinks ({len(links)})", style="bold")
        for view in links:
            text.append(f"\n{view.short} ", style="bold")
            text.append(excerpt(other_end(view, self.document, self.quote_of), 80))
        return text

    def action_scroll(self, step: int) -> None:
        scroller = self.query_one("#claim-details", VerticalScroll)
        scroller.scroll_relative(y=step, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
