"""The review screen: every claim in one table, filtered and sorted, and the contradictions.

The rows, filters, sort orders and counts come from ``factmark.review`` (the
same rules as ``factmark review``); this screen only shows them. The table and
the contradictions are drawn a line at a time (``ItemList``): a filter or a
sort of thousands of claims redraws one screenful, where a ``DataTable`` would
measure every cell of every row again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Static

from factmark.review import (
    COLUMNS,
    Row,
    Selection,
    Summary,
    arrange,
    contradiction_pairs,
    rows,
    summarize,
)
from factmark.tui.commands import sort_bindings, sorted_by
from factmark.tui.text import excerpt, plain, sanitize
from factmark.tui.widgets.claims_table import ClaimsTable, TableHeading
from factmark.tui.widgets.contradiction_list import ContradictionList, Pair
from factmark.tui.widgets.item_list import ItemList
from factmark.visible import counted
from factmark.vocabulary import CONFIDENCES, VERDICTS

if TYPE_CHECKING:
    from factmark.session import Session


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
    if selection.awaiting_sign_off:
        said.append("awaiting sign-off")
    if selection.query:
        said.append(f"“{excerpt(selection.query, 30)}”")
    return said


def summary_text(
    summary: Summary, shown: int, selection: Selection, table: Sequence[Row] = ()
) -> Text:
    """The counts on top, then what is shown and why."""
    text = Text(counted(summary.claims, "claim"), style="bold", end="")
    text.append(f" · {counted(summary.contradictions, 'contradiction')}", style="bold")
    text.append(f" · {summary.without_source} without source")
    text.append(sign_off_counts(table))
    if summary.changed or summary.orphaned:
        text.append(f" · {summary.changed} changed · {summary.orphaned} orphaned", style="bold")
    text.append("\n")
    # a count and its verdict never part at the end of a line
    text.append(" · ".join(f"{n}\u00a0{verdict}" for verdict, n in summary.verdicts.items()))
    filters = _filters(selection)
    if filters:
        text.append(f"\nshowing {shown} of {summary.claims}: ", style="bold")
        text.append("; ".join(filters))
        text.append("   (0 in the table clears)", style="dim")
    return text


def sign_off_counts(table: Sequence[Row]) -> str:
    """How many claims await a second reader's sign-off, and how many were self-signed."""
    awaiting = sum(not row.claim.signed_off for row in table)
    own = sum(row.claim.self_signed for row in table)
    return f" · {awaiting} awaiting sign-off" + (f" · {own} self-signed" if own else "")


class ReviewScreen(Screen[str | None]):
    """The desk's view of a fact-check; dismissed with the claim to jump to, or None."""

    AUTO_FOCUS = "#review-table"

    # fmt: off
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the article", id="back"),
        Binding("slash", "search", "Search", tooltip="Search the claims", id="search"),
        Binding("v", "choose_verdict", "Verdict", tooltip="Show one verdict", id="verdict"),
        Binding("c", "choose_confidence", "Conf.", tooltip="Show one confidence", id="confidence"),
        Binding("x", "only('contradictions')", "≠ only", tooltip="Only contradicted claims",
                id="contradicted"),
        Binding("s", "only('missing_sources')", "Only claims without a source", show=False,
                id="no-source"),
        Binding("p", "pending", "Only pending claims", show=False, id="pending"),
        Binding("o", "only('unresolved')", "Only changed or orphaned claims", show=False,
                id="unresolved"),
        Binding("a", "only('awaiting_sign_off')", "Only claims awaiting sign-off", show=False,
                id="awaiting-sign-off"),
        Binding("S", "sign_off", "Sign off the claim under the cursor", show=False,
                id="review-sign-off"),
        Binding("0", "clear", "Clear the filters", show=False, id="clear"),
        Binding("t", "switch_view", "Contradictions", tooltip="The contradictions side by side",
                id="contradictions"),
        Binding("question_mark", "help", "Help", tooltip="Every key and what it does", id="help"),
        *sort_bindings(COLUMNS),
    ]
    # fmt: on

    @dataclass
    class DocumentChanged(Message):
        """The review changed the session's document (a sign-off): it is to be saved."""

    def __init__(self, session: Session, start: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.start = start
        """The claim the cursor starts on (the one selected in the article)."""
        self.table: list[Row] = []
        self.summary: Summary | None = None
        self.selection = Selection()
        self.column = "paragraph"
        self.descending = False
        self.shown: list[Row] = []
        self._pairs_shown = False
        """Whether the contradictions view shows the session's pairs (built on demand)."""

    def compose(self) -> ComposeResult:
        yield Static(id="review-summary")
        yield Input(
            placeholder="/ search quotes, notes, tags and sources; enter jumps to the first match",
            id="review-search",
        )
        with ContentSwitcher(initial="review-claims", id="review-views"):
            with Vertical(id="review-claims"):
                yield TableHeading(lambda: (self.column, self.descending), id="review-heading")
                yield ClaimsTable(id="review-table")
            yield ContradictionList(id="review-contradictions")
        yield Footer(compact=True)  # every key of the table fits 80 columns

    def on_mount(self) -> None:
        self.reload()
        ids = [row.claim.id for row in self.shown]
        if self.start in ids:
            self.query_one(ClaimsTable).cursor = ids.index(self.start)

    # --- showing -------------------------------------------------------------

    def reload(self) -> None:
        """Read the session again (after an edit, a reload or a merge)."""
        session = self.session
        states = {claim.id: session.anchor(claim.id).state for claim in session.document.claims}
        self.table = rows(session.document, states)
        self.summary = summarize(session.document, self.table)
        self.show_rows()
        self._pairs_shown = False
        if self.query_one(ContentSwitcher).current == "review-contradictions":
            self.show_contradictions()  # else when they are asked for

    def show_rows(self) -> None:
        """Show the rows the filters keep, in the chosen order, the cursor on the same claim."""
        current = self.current_claim()
        self.shown = arrange(self.table, self.selection, self.column, self.descending)
        ids = [row.claim.id for row in self.shown]
        cursor = ids.index(current) if current in ids else 0
        empty = "No claims match: 0 clears the filters" if self.table else "No claims yet"
        self.query_one(ClaimsTable).show(self.shown, cursor, empty=empty)
        self.query_one(TableHeading).refresh()
        self.show_summary()

    def show_summary(self) -> None:
        if self.summary is None:
            return
        pairs = self.query_one(ContentSwitcher).current == "review-contradictions"
        # the table's filters say nothing of the pairs
        selection = Selection() if pairs else self.selection
        text = summary_text(self.summary, len(self.shown), selection, self.table)
        if pairs:
            text.append("\nthe contradictions, in article order: ", style="bold")
            text.append("enter jumps to the first claim of a pair, t back to the table")
        self.query_one("#review-summary", Static).update(text)

    def show_contradictions(self) -> None:
        self._pairs_shown = True
        pairs = []
        for found in contradiction_pairs(self.session.document):
            where = Text(self._where(found["from"]), style="bold", end="")
            where.append(" and ")
            where.append(self._where(found["to"]), style="bold")
            if found["note"]:
                where.append(" — ")
                where.append(plain(found["note"], "italic"))
            first, second = (frozenset(side) for side in found["differs"])
            pairs.append(Pair(found["from"], where, found["from_quote"], found["to_quote"],
                              first, second))  # fmt: skip
        self.query_one(ContradictionList).show(pairs)

    def _where(self, claim_id: str) -> str:
        claim = self.session.claim(claim_id)
        return f"¶{claim.paragraph}" if claim.paragraph else "not found"

    def current_claim(self) -> str | None:
        table = self.query_one(ClaimsTable)
        if not 0 <= table.cursor < len(self.shown):
            return None
        return self.shown[table.cursor].claim.id

    # --- keys ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "switch_view", "help"):
            return True
        # the filters and the sorting are the table's: hidden while the pairs show
        return self.query_one(ContentSwitcher).current == "review-claims"

    def action_back(self) -> None:
        search = self.query_one("#review-search", Input)
        if search.has_focus:
            self.set_focus(self.query_one(ClaimsTable))
        elif self.query_one(ContentSwitcher).current != "review-claims":
            self.action_switch_view()
        else:
            self.dismiss(None)

    def action_search(self) -> None:
        # now, not after the keys already typed: "/Medinsky" typed fast all goes in
        self.set_focus(self.query_one("#review-search", Input))

    @on(Input.Changed, "#review-search")
    def _search(self, event: Input.Changed) -> None:
        self.filter(replace(self.selection, query=event.value.strip()))

    @on(Input.Submitted, "#review-search")
    def _searched(self) -> None:
        """Enter in the search field jumps to the claim under the cursor (the first match)."""
        if self.shown:
            self.jump(self.current_claim())

    def on_key(self, event: events.Key) -> None:
        """Down (or tab) from the search field goes to the matches, the search kept."""
        if event.key in ("down", "tab") and self.query_one("#review-search").has_focus:
            event.stop()
            event.prevent_default()
            self.set_focus(self.query_one(ClaimsTable))

    def filter(self, selection: Selection) -> None:
        self.selection = selection
        self.show_rows()

    def action_only(self, flag: str) -> None:
        """Turn one of the Selection's yes/no filters on or off."""
        changes: dict[str, Any] = {flag: not getattr(self.selection, flag)}
        self.filter(replace(self.selection, **changes))

    def action_sign_off(self) -> None:
        """Sign off the claim under the cursor, through the session (undoable with u in the
        article); the app saves it and shows it on every screen."""
        claim_id = self.current_claim()
        session = self.session
        if claim_id is None:
            return
        if session.read_only:
            self.notify(f"Read-only: {session.read_only}.", severity="warning", markup=False)
            return
        claim = session.claim(claim_id)
        if claim.signed_off:
            self.notify(f"Already signed off by {sanitize(claim.signed_by)}.", markup=False)
            return
        signed = session.sign_off(claim_id)
        self.post_message(self.DocumentChanged())
        own = " (self-signed: your own claim)" if signed.self_signed else ""
        self.notify(
            f"Signed off: “{excerpt(claim.quote, 40)}”{own}. u in the article undoes it.",
            timeout=4,
            markup=False,
        )

    def action_pending(self) -> None:
        pending = frozenset({"pending"})
        verdicts = frozenset() if self.selection.verdicts == pending else pending
        self.filter(replace(self.selection, verdicts=verdicts))

    def action_clear(self) -> None:
        self.query_one("#review-search", Input).value = ""
        self.filter(Selection())

    def _choose(self, title: str, values: tuple[str, ...], field: str, of: str) -> None:
        """Ask which verdict (or confidence) to show, with how many claims each would show."""
        from factmark.tui.screens.choice import ChoiceScreen

        others: dict[str, Any] = {field: frozenset()}
        kept = arrange(self.table, replace(self.selection, **others))
        counts: dict[str, int] = {}
        for row in kept:
            value = getattr(row.claim, of)
            counts[value] = counts.get(value, 0) + 1
        chosen: frozenset[str] = getattr(self.selection, field)
        options: list[tuple[str, Text | str]] = [("", Text(f"{'any':<16}{len(kept):>5}"))]
        for value in values:
            label = Text(f"{value:<16}", end="")
            label.append(f"{counts.get(value, 0):>5}", style="dim")
            options.append((value, label))
        start = next(iter(chosen)) if len(chosen) == 1 else ""

        def done(choice: str | None) -> None:
            if choice is not None:
                changes: dict[str, Any] = {field: frozenset({choice} if choice else ())}
                self.filter(replace(self.selection, **changes))

        self.app.push_screen(ChoiceScreen(title, options, start), done)

    def action_choose_verdict(self) -> None:
        self._choose("Show the claims with the verdict", VERDICTS, "verdicts", "verdict")

    def action_choose_confidence(self) -> None:
        self._choose("Show the claims with the confidence", CONFIDENCES, "confidences",
                     "confidence")  # fmt: skip

    def action_sort(self, column: str) -> None:
        self.column, self.descending = sorted_by(column, (self.column, self.descending))
        self.show_rows()

    def action_switch_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        showing_table = switcher.current == "review-claims"
        switcher.current = "review-contradictions" if showing_table else "review-claims"
        if showing_table and not self._pairs_shown:
            self.show_contradictions()
        self.query_one("#review-search").display = not showing_table  # it filters the table
        shown: ItemList = self.query_one(ContradictionList if showing_table else ClaimsTable)
        self.set_focus(shown)
        self.show_summary()
        self.refresh_bindings()

    def action_help(self) -> None:
        from factmark.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(section="In the review (r)"))

    # --- choosing ------------------------------------------------------------

    @on(TableHeading.Clicked)
    def _heading(self, event: TableHeading.Clicked) -> None:
        self.action_sort(event.column)

    @on(ItemList.Chosen)
    def _chosen(self, event: ItemList.Chosen) -> None:
        self.jump(event.key)  # a claim's id: a row, or the first claim of a pair

    def jump(self, claim_id: str | None) -> None:
        """Back to the article, at the claim (unless it is no longer in it)."""
        if claim_id is None or claim_id not in {c.id for c in self.session.document.claims}:
            return
        if self.session.anchor(claim_id).paragraph is None:
            self.notify(
                "This claim is no longer in the article: press c on the article to "
                "re-attach or delete it.",
                severity="warning",
            )
            return
        self.dismiss(claim_id)
