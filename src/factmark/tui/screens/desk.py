"""The desk screen: every article of the repository and where its fact-check stands.

The same articles and columns as ``factmark status`` (factmark.desk.status, docs/desk.md),
read in a worker thread (each annotation file is loaded and its claims found). Typing in
the filter keeps the articles whose path holds the text; a number key or a click on a
heading sorts by that column (again: the other way round); ``enter`` opens the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from factmark.desk.status_table import COLUMNS, cells, sort_key
from factmark.tui.commands import sort_bindings, sorted_by
from factmark.visible import counted

if TYPE_CHECKING:
    from factmark.desk.status import ArticleStatus

RIGHT = {"claims", "pending", "no source", "contra.", "unresolved", "signed"}
"""Columns of counts, aligned right."""


def filtered(statuses: list[ArticleStatus], typed: str, here: Path) -> list[ArticleStatus]:
    """The articles whose path (as shown) holds the typed text, in any case."""
    needle = typed.strip().casefold()
    return [s for s in statuses if not needle or needle in cells(s, here)[0].casefold()]


class DeskScreen(Screen[None]):
    """The articles of the desk in a table; enter opens one in the annotate screen."""

    AUTO_FOCUS = "#desk-table"

    # fmt: off
    BINDINGS = [
        Binding("slash", "filter", "Filter", tooltip="Keep the articles whose path holds a text",
                id="desk-filter"),
        Binding("escape", "clear_filter", "Clear the filter", show=False, id="desk-clear"),
        Binding("ctrl+r", "reload", "Read the desk again", show=False, id="desk-reload"),
        Binding("question_mark", "help", "Help", tooltip="Every key and what it does",
                id="desk-help"),
        Binding("q", "quit", "Quit", tooltip="Leave factmark", id="desk-quit"),
        *sort_bindings(COLUMNS, "desk-"),
    ]
    # fmt: on

    @dataclass
    class Opened(Message):
        """The editor chose an article to annotate."""

        status: ArticleStatus

    def __init__(self, folders: list[Path], here: Path) -> None:
        super().__init__()
        self.folders = folders
        self.here = here
        """Paths are shown relative to this folder, as ``factmark status`` shows them."""
        self.statuses: list[ArticleStatus] | None = None
        """None until the worker has read the desk."""
        self.column = "state"
        self.descending = False
        self.shown: list[ArticleStatus] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Desk · reading the articles…", style="bold"), id="desk-title")
        yield Input(placeholder="/ filter the articles by path", id="desk-filter")
        table: DataTable[Text] = DataTable(id="desk-table", cursor_type="row", zebra_stripes=True)
        for column in COLUMNS:
            table.add_column(Text(column, justify="right" if column in RIGHT else "left"),
                             key=column)  # fmt: skip
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    # --- reading the desk ------------------------------------------------------

    def action_reload(self) -> None:
        self.run_worker(self._read, thread=True, group="desk", exclusive=True)

    def _read(self) -> None:
        from factmark.desk.status import desk_status

        statuses = desk_status(self.folders)
        self.app.call_from_thread(self.show_statuses, statuses)

    def show_statuses(self, statuses: list[ArticleStatus]) -> None:
        self.statuses = statuses
        self.show_rows()

    def update_article(self, status: ArticleStatus) -> None:
        """Show an article's status anew (after it was annotated), the cursor kept on it."""
        if self.statuses is None:
            return
        key = status.article.resolve()
        self.statuses = [status if s.article.resolve() == key else s for s in self.statuses]
        self.show_rows(keep=str(key))

    # --- showing -----------------------------------------------------------------

    def show_rows(self, keep: str | None = None) -> None:
        """The articles the filter keeps, in the chosen order, the cursor on the same one."""
        if self.statuses is None:
            return
        table: DataTable[Text] = self.query_one(DataTable)
        current = keep or self._current_key()
        typed = self.query_one("#desk-filter", Input).value
        shown = filtered(self.statuses, typed, self.here)
        self.shown = sorted(shown, key=lambda s: sort_key(s, self.column), reverse=self.descending)
        table.clear()
        for status in self.shown:
            row = cells(status, self.here)
            table.add_row(
                *(Text(cell, justify="right" if column in RIGHT else "left", no_wrap=True)
                  for column, cell in zip(COLUMNS, row, strict=True)),
                key=str(status.article.resolve()),
            )  # fmt: skip
        keys = [str(s.article.resolve()) for s in self.shown]
        if current in keys:
            table.move_cursor(row=keys.index(current), animate=False)
        self._show_title(len(self.statuses), typed)

    def _show_title(self, total: int, typed: str) -> None:
        title = Text(f"Desk · {counted(total, 'article')}", style="bold", end="")
        ready = sum(status.ready for status in self.statuses or [])
        title.append(f" · {ready} ready")
        if typed.strip():
            title.append(f" · showing {len(self.shown)} whose path holds “{typed.strip()}”")
        if not total:
            title.append(" · no articles and no annotation files here", style="italic")
        title.append(f" · sorted by {self.column}{' ▼' if self.descending else ''}", style="dim")
        self.query_one("#desk-title", Static).update(title)

    def _current_key(self) -> str | None:
        table: DataTable[Text] = self.query_one(DataTable)
        if not 0 <= table.cursor_row < len(self.shown):
            return None
        return str(self.shown[table.cursor_row].article.resolve())

    # --- keys ----------------------------------------------------------------------

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#desk-filter", Input))

    def action_clear_filter(self) -> None:
        search = self.query_one("#desk-filter", Input)
        search.value = ""
        self.set_focus(self.query_one(DataTable))

    @on(Input.Changed, "#desk-filter")
    def _filter_changed(self) -> None:
        self.show_rows()

    @on(Input.Submitted, "#desk-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.query_one(DataTable))

    def action_sort(self, column: str) -> None:
        self.column, self.descending = sorted_by(column, (self.column, self.descending))
        self.show_rows()

    @on(DataTable.HeaderSelected)
    def _heading(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(str(event.column_key.value))

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.shown):
            self.post_message(self.Opened(self.shown[event.cursor_row]))

    def action_help(self) -> None:
        from factmark.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(section="The desk (factmark with no article)"))

    async def action_quit(self) -> None:
        await self.app.run_action("quit")
