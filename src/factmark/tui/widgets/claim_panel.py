"""The side panel: the current paragraph's claims and the selected claim's details."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from factmark.tui.text import excerpt, hidden_characters, plain
from factmark.tui.widgets.article_view import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS

if TYPE_CHECKING:
    from factmark.model import AnnotationFile, Claim


class ClaimList(OptionList, can_focus=False):
    """The claims of one paragraph; a click selects one."""


class LinkList(OptionList, can_focus=False):
    """The links of the selected claim, both directions; a click offers removal."""


def claim_label(claim: Claim, contradicted: bool, width: int = 60) -> Text:
    """One line naming a claim: verdict symbol, verdict, and the start of its quote."""
    symbol = CONTRADICTED_SYMBOL if contradicted else VERDICT_SYMBOLS[claim.verdict]
    label = Text(f"{symbol} ", style="bold", end="")
    label.append(f"{claim.verdict:<15} ", style="bold")
    label.append(excerpt(claim.quote, max(10, width)))
    label.no_wrap = True
    return label


class ClaimPanel(VerticalScroll, can_focus=False):
    """Claims of the current paragraph, then the selected claim in full."""

    @dataclass
    class ClaimPicked(Message):
        claim_id: str

    @dataclass
    class LinkPicked(Message):
        index: int
        """Index of the link in the document's links."""

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title")
        yield ClaimList(id="panel-claims")
        yield Static(id="panel-details")
        yield Static(Text("Links", style="bold"), id="panel-links-title")
        yield LinkList(id="panel-links")

    def show(
        self,
        paragraph: int,
        claims: list[Claim],
        selected: Claim | None,
        document: AnnotationFile,
        contradicted: set[str],
    ) -> None:
        """Show a paragraph's claims and, in full, the selected claim."""
        title = Text(f"¶ {paragraph}", style="bold", end="")
        title.append(f" · {len(claims)} claim{'s' * (len(claims) != 1)}")
        if not claims:
            title.append("\npress a to add one", style="dim")
        self.query_one("#panel-title", Static).update(title)
        claim_list = self.query_one(ClaimList)
        claim_list.clear_options()
        width = max(12, (self.scrollable_content_region.width or 48) - 20)
        claim_list.add_options(
            [Option(claim_label(c, c.id in contradicted, width), id=c.id) for c in claims]
        )
        claim_list.display = bool(claims)
        if selected is not None and selected.id in {c.id for c in claims}:
            claim_list.highlighted = [c.id for c in claims].index(selected.id)
        self.query_one("#panel-details", Static).update(
            claim_details(selected) if selected else Text("")
        )
        self._show_links(selected, document)

    def _show_links(self, selected: Claim | None, document: AnnotationFile) -> None:
        link_list = self.query_one(LinkList)
        link_list.clear_options()
        links = document.links_of(selected.id) if selected else []
        self.query_one("#panel-links-title").display = bool(links)
        link_list.display = bool(links)
        for index, link in enumerate(document.links):
            if selected is None or not link.touches(selected.id):
                continue
            other_id = link.other(selected.id)
            outgoing = link.source == selected.id
            arrow = "→" if outgoing or link.symmetric else "←"
            line = Text(f"{arrow} {link.kind} ", style="bold", end="")
            try:
                line.append(excerpt(document.claim(other_id).quote, 50))
            except KeyError:
                line.append(other_id)
            if link.note:
                line.append("\n  ")
                line.append(plain(link.note))
            link_list.add_option(Option(line, id=str(index)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        if isinstance(event.option_list, ClaimList):
            self.post_message(self.ClaimPicked(event.option.id))
        else:
            self.post_message(self.LinkPicked(int(event.option.id)))


def claim_details(claim: Claim) -> Text:
    """Everything about one claim, as plain text (no markup from the file is parsed)."""
    text = Text(end="")
    text.append("“")
    text.append(plain(claim.quote))
    text.append("”\n")
    hidden = hidden_characters(claim.quote)
    if hidden:
        text.append(
            f"⚠ hidden characters in the quote: {', '.join(hidden)}\n", style="bold reverse"
        )
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
        text.append(plain(claim.note))
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
    return text
