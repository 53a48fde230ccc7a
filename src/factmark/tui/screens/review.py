"""The review screen: every claim in one table, filtered and sorted, and the contradictions.

The rows, filters, sort orders and counts come from ``factmark.review`` (the
same rules as ``factmark review``); this screen only shows them. One
``DataTable`` holds every row, so a fact-check of thousands of claims filters
as fast as one of twenty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, ListItem, ListView, Static

from factmark.model import CONFIDENCES, VERDICTS
from factmark.review import (
    COLUMNS,
    Row,
    Selection,
    Summary,
    arrange,
    contradictions,
    rows,
    summarize,
)
from factmark.tui.text import excerpt, plain
from factmark.tui.widgets.article_view import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS

if TYPE_CHECKING:
    from factmark.session import Session

HEADINGS = {
    "paragraph": "¶",
    "quote": "Claim",
    "verdict": "Verdict",
    "confidence": "Conf.",
    "sources": "Src",
    "links": "Links",
    "anchor": "Anchor",
}
OTHER_COLUMNS = 58
"""Cells the columns other than the quote take, with their padding."""
VERDICT_COLOURS = {
    "accurate": "success",
    "mostly-accurate": "success",
    "disputed": "warning",
    "misleading": "warning",
    "inaccurate": "error",
    "unverifiable": "text-muted",
}
"""The theme colour of each verdict, as in the article (pending has none)."""


def _filters(selection: Selection) -> list[str]:
    """The active filters, in words."""
    said = []
    if selection.verdicts:
        said.append("verdict " + " or ".join(sorted(selection.verdicts)))
    if selection.confidences:
        said.append("confidence " + " or ".join(sorted(selection.confidences)))
    if selection.contradictions:
        said.append("contradicted")
    if selection.missing_sources:
        said.append("no source")
    if selection.unresolved:
        said.append("changed or orphaned")
    if selection.query:
        said.append(f"“{excerpt(selection.query, 30)}”")
    return said


def summary_text(summary: Summary, shown: int, selection: Selection) -> Text:
    """The counts on top, then what is shown and why."""
    text = Text(f"{summary.claims} claims", style="bold", end="")
    text.append(f" · {summary.contradictions} contradictions", style="bold")
    text.append(f" · {summary.without_source} without source")
    if summary.changed or summary.orphaned:
        text.append(f" · {summary.changed} changed · {summary.orphaned} orphaned", style="bold")
    text.append("\n")
    text.append(" · ".join(f"{count} {verdict}" for verdict, count in summary.verdicts.items()))
    filters = _filters(selection)
    if filters:
        text.append(f"\nshowing {shown} of {summary.claims}: ", style="bold")
        text.append("; ".join(filters))
        text.append("   (0 clears)", style="dim")
    return text


def marked(quote: str, facts: set[str], style: str) -> Text:
    """A quote with the words that carry a differing fact highlighted."""
    text = Text(end="")
    for word in quote.split():
        if text:
            text.append(" ")
        differs = word in facts or word.strip(".,;:!?“”\"'’()") in facts
        text.append(plain(word, style if differs else ""))
    return text


class ReviewTable(DataTable[Text]):
    """The claims table, moved through with the article's keys too."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g,home", "scroll_top", "First", show=False),
        Binding("G,end", "scroll_bottom", "Last", show=False),
    ]


class ReviewScreen(Screen[str | None]):
    """The desk's view of a fact-check; dismissed with the claim to jump to, or None."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("v", "choose_verdict", "Verdict"),
        Binding("c", "choose_confidence", "Confidence"),
        Binding("x", "only('contradictions')", "Contradicted"),
        Binding("s", "only('missing_sources')", "No source"),
        Binding("p", "pending", "Pending", show=False),
        Binding("o", "only('unresolved')", "Changed/orphaned", show=False),
        Binding("0", "clear", "Clear filters", show=False),
        Binding("t", "switch_view", "Contradictions"),
        *[
            Binding(str(n), f"sort('{column}')", f"Sort by {column}", show=False)
            for n, column in enumerate(COLUMNS, start=1)
        ],
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.table: list[Row] = []
        self.summary: Summary | None = None
        self.selection = Selection()
        self.column = "paragraph"
        self.descending = False
        self.shown: list[Row] = []
        self.quote_width = 0
        """Cells of each quote shown: what the screen's width leaves (at least 20)."""

    def compose(self) -> ComposeResult:
        yield Static(id="review-summary")
        yield Input(placeholder="/ search quotes, notes, tags and sources", id="review-search")
        with ContentSwitcher(initial="review-table", id="review-views"):
            yield ReviewTable(cursor_type="row", zebra_stripes=True, id="review-table")
            yield ListView(id="review-contradictions")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#review-table", ReviewTable)
        for column in COLUMNS:
            table.add_column(HEADINGS[column], key=column)
        self.quote_width = self._quote_width()
        self.reload()
        table.focus()

    def _quote_width(self) -> int:
        return max(20, min(90, self.app.size.width - OTHER_COLUMNS))

    def on_resize(self) -> None:
        width = self._quote_width()
        if width != self.quote_width:
            self.quote_width = width
            self.show_rows()

    # --- showing -------------------------------------------------------------

    def reload(self) -> None:
        """Read the session again (after an edit, a reload or a merge)."""
        session = self.session
        states = {
            claim.id: session.anchor(claim.id).state.value for claim in session.document.claims
        }
        self.table = rows(session.document, states)
        self.summary = summarize(session.document, self.table)
        self.show_rows()
        self.show_contradictions()

    def _verdict_style(self, verdict: str) -> str:
        colour = VERDICT_COLOURS.get(verdict)
        return self.app.theme_variables.get(colour, "") if colour else ""

    def _cells(self, row: Row) -> list[Text]:
        claim = row.claim
        symbol = CONTRADICTED_SYMBOL if row.contradicted else VERDICT_SYMBOLS[claim.verdict]
        anchor_style = "bold" if row.state in ("changed", "orphan") else "dim"
        return [
            Text(str(claim.paragraph) if claim.paragraph else "–", justify="right"),
            Text(excerpt(claim.quote, self.quote_width)),
            Text(f"{symbol} {claim.verdict}", style=self._verdict_style(claim.verdict)),
            Text(claim.confidence),
            Text(str(len(claim.sources)), justify="right", style="" if claim.sources else "bold"),
            Text(str(row.links) if row.links else "", justify="right"),
            Text(row.state, style=anchor_style),
        ]

    def show_rows(self) -> None:
        """Fill the table with the rows the filters keep, in the chosen order."""
        table = self.query_one("#review-table", ReviewTable)
        current = self.current_claim()
        self.shown = arrange(self.table, self.selection, self.column, self.descending)
        table.clear()
        for column in COLUMNS:
            arrow = (" ▼" if self.descending else " ▲") if column == self.column else ""
            table.columns[column].label = Text(HEADINGS[column] + arrow)  # type: ignore[index]
        table.add_rows(self._cells(row) for row in self.shown)
        ids = [row.claim.id for row in self.shown]
        if current in ids:
            table.move_cursor(row=ids.index(current), animate=False)
        if self.summary is not None:
            self.query_one("#review-summary", Static).update(
                summary_text(self.summary, len(self.shown), self.selection)
            )

    def show_contradictions(self) -> None:
        view = self.query_one("#review-contradictions", ListView)
        view.clear()
        error = self.app.theme_variables.get("error", "red")
        items = []
        for found in contradictions(self.session.document):
            first, second = (set(side) for side in found["differs"])
            left = Static(marked(found["from_quote"], first, f"bold reverse {error}"))
            right = Static(marked(found["to_quote"], second, f"bold reverse {error}"))
            where = Text(self._where(found["from"]), style="bold", end="")
            where.append(" and ")
            where.append(self._where(found["to"]), style="bold")
            if found["note"]:
                where.append(" — ")
                where.append(plain(found["note"], "italic"))
            item = ListItem(
                Static(where, classes="contradiction-where"),
                Horizontal(left, Static("≠", classes="contradiction-sign"), right,
                           classes="contradiction-sides"),
                classes="contradiction",
            )  # fmt: skip
            item.claim_id = found["from"]  # type: ignore[attr-defined]
            items.append(item)
        if not items:
            items.append(ListItem(Static(Text("No contradictions recorded.", style="dim"))))
        view.extend(items)
        view.index = 0

    def _where(self, claim_id: str) -> str:
        claim = self.session.claim(claim_id)
        return f"¶{claim.paragraph}" if claim.paragraph else "not found"

    def current_claim(self) -> str | None:
        table = self.query_one("#review-table", ReviewTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row].claim.id

    # --- keys ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back" or action == "switch_view":
            return True
        if self.query_one(ContentSwitcher).current != "review-table":
            return None  # the filters and sorting are the table's
        return True

    def action_back(self) -> None:
        search = self.query_one("#review-search", Input)
        if search.has_focus:
            self.query_one("#review-table").focus()
        elif self.query_one(ContentSwitcher).current != "review-table":
            self.action_switch_view()
        else:
            self.dismiss(None)

    def action_search(self) -> None:
        self.query_one("#review-search", Input).focus()

    @on(Input.Changed, "#review-search")
    def _search(self, event: Input.Changed) -> None:
        self.filter(replace(self.selection, query=event.value.strip()))

    @on(Input.Submitted, "#review-search")
    def _searched(self) -> None:
        self.query_one("#review-table").focus()

    def filter(self, selection: Selection) -> None:
        self.selection = selection
        self.show_rows()

    def action_only(self, flag: str) -> None:
        """Turn one of the Selection's yes/no filters on or off."""
        changes: dict[str, Any] = {flag: not getattr(self.selection, flag)}
        self.filter(replace(self.selection, **changes))

    def action_pending(self) -> None:
        pending = frozenset({"pending"})
        verdicts = frozenset() if self.selection.verdicts == pending else pending
        self.filter(replace(self.selection, verdicts=verdicts))

    def action_clear(self) -> None:
        self.query_one("#review-search", Input).value = ""
        self.filter(Selection())

    def _choose(self, title: str, values: tuple[str, ...], counts: dict[str, int],
                chosen: frozenset[str], apply: str) -> None:  # fmt: skip
        from factmark.tui.screens.choice import ChoiceScreen

        options: list[tuple[str, Text | str]] = [("", "any")]
        for value in values:
            label = Text(f"{value:<16}", end="")
            label.append(f"{counts.get(value, 0):>5}", style="dim")
            if value in chosen:
                label.append("  (shown now)", style="bold")
            options.append((value, label))

        def done(choice: str | None) -> None:
            if choice is not None:
                picked = frozenset({choice}) if choice else frozenset()
                changes: dict[str, Any] = {apply: picked}
                self.filter(replace(self.selection, **changes))

        self.app.push_screen(ChoiceScreen(title, options), done)

    def action_choose_verdict(self) -> None:
        counts: dict[str, int] = {}
        for row in self.table:
            counts[row.claim.verdict] = counts.get(row.claim.verdict, 0) + 1
        self._choose("Show claims with the verdict", VERDICTS, counts, self.selection.verdicts,
                     "verdicts")  # fmt: skip

    def action_choose_confidence(self) -> None:
        counts: dict[str, int] = {}
        for row in self.table:
            counts[row.claim.confidence] = counts.get(row.claim.confidence, 0) + 1
        self._choose("Show claims with the confidence", CONFIDENCES, counts,
                     self.selection.confidences, "confidences")  # fmt: skip

    def action_sort(self, column: str) -> None:
        if column == self.column:
            self.descending = not self.descending
        else:
            self.column, self.descending = column, False
        self.show_rows()

    def action_switch_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        showing_table = switcher.current == "review-table"
        switcher.current = "review-contradictions" if showing_table else "review-table"
        self.query_one("#review-search").display = not showing_table  # it filters the table
        if switcher.visible_content is not None:
            switcher.visible_content.focus()
        self.refresh_bindings()

    # --- choosing ------------------------------------------------------------

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(str(event.column_key.value))

    @on(DataTable.RowSelected)
    def _row(self, event: DataTable.RowSelected) -> None:
        self.jump(self.current_claim())

    @on(ListView.Selected, "#review-contradictions")
    def _pair(self, event: ListView.Selected) -> None:
        self.jump(getattr(event.item, "claim_id", None))

    def jump(self, claim_id: str | None) -> None:
        """Back to the article, at the claim (unless it is no longer in it)."""
        if claim_id is None:
            return
        if self.session.anchor(claim_id).paragraph is None:
            self.notify(
                "This claim is no longer in the article: press c on the article to "
                "re-attach or delete it.",
                severity="warning",
            )
            return
        self.dismiss(claim_id)
