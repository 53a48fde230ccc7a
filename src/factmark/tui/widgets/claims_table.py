"""The review's table of claims and its heading, both drawn a line at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from factmark.review import COLUMNS, Row
from factmark.tui.text import excerpt, sanitize
from factmark.tui.widgets.item_list import ItemList
from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS
from factmark.vocabulary import AnchorState

HEADINGS = {
    "paragraph": "¶",
    "quote": "Claim",
    "verdict": "Verdict",
    "confidence": "Conf.",
    "sources": "Src",
    "links": "Links",
    "anchor": "Found",
}
WIDTHS = {"paragraph": 4, "verdict": 17, "confidence": 7, "sources": 5, "links": 7, "anchor": 7}
"""Cells of every column but the quote, which takes what is left (at least QUOTE_MIN);
each fits its heading and the sort arrow."""
RIGHT = {"paragraph", "sources", "links"}
GAP = 2
NARROW = 100
"""Below this many cells, one cell between columns rather than two."""
QUOTE_MIN = 16
EMPTY_STYLE = Style(italic=True)


@dataclass(frozen=True)
class Column:
    key: str
    x: int
    width: int


def columns(width: int) -> list[Column]:
    """Where each column stands at this width (the quote stretches, the rest is fixed)."""
    gap = gap_at(width)
    fixed = sum(WIDTHS.values()) + gap * (len(COLUMNS) - 1)
    quote = max(QUOTE_MIN, width - fixed)
    placed, x = [], 0
    for key in COLUMNS:
        size = quote if key == "quote" else WIDTHS[key]
        placed.append(Column(key, x, size))
        x += size + gap
    return placed


def gap_at(width: int) -> int:
    return GAP if width >= NARROW else 1


def _cell(text: str, width: int, right: bool) -> str:
    """The text in exactly ``width`` cells: cut with an ellipsis, or padded."""
    if cell_len(text) > width:
        text = excerpt(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if right else set_cell_size(text, width)


class ClaimsTable(ItemList):
    """One line per claim: paragraph, quote, verdict, confidence, sources, links, anchor.

    The verdicts take their colours from the theme, as in the article (app.tcss).
    """

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        f"claims-table--{verdict}" for verdict in VERDICT_SYMBOLS
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(zebra=True, id=id)
        self.rows: list[Row] = []
        self.empty = ""
        """What the first line says when there are no rows."""

    def show(self, rows: list[Row], cursor: int = 0, *, empty: str = "") -> None:
        self.rows = rows
        self.empty = empty
        self.reset(cursor)

    def render_line(self, y: int) -> Strip:
        if self.rows or not self.empty or y + self.scroll_offset.y:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        return Strip([Segment(_cell(self.empty, width, False), self.rich_style + EMPTY_STYLE)])

    def item_count(self) -> int:
        return len(self.rows)

    def item_key(self, index: int) -> str:
        return self.rows[index].claim.id

    def _colour(self, verdict: str) -> Style:
        return self.get_component_rich_style(f"claims-table--{verdict}", partial=True)

    def draw_item(self, index: int, width: int) -> list[Strip]:
        row = self.rows[index]
        claim = row.claim
        symbol = CONTRADICTED_SYMBOL if row.contradicted else VERDICT_SYMBOLS[claim.verdict]
        values = {
            "paragraph": (str(claim.paragraph) if claim.paragraph else "–", Style()),
            "quote": (sanitize(" ".join(claim.quote.split())), Style()),
            "verdict": (f"{symbol} {claim.verdict}", self._colour(claim.verdict)),
            "confidence": (claim.confidence, Style()),
            "sources": (str(len(claim.sources)), Style(bold=not claim.sources)),
            "links": (str(row.links) if row.links else "", Style()),
            # only what needs a look: a claim found where it was says nothing
            "anchor": ("" if row.state is AnchorState.ANCHORED else row.state.value,
                       Style(dim=True) if row.state.trusted else Style(bold=True)),
        }  # fmt: skip
        segments = []
        for column in columns(width):
            text, style = values[column.key]
            segments.append(Segment(_cell(text, column.width, column.key in RIGHT), style))
            segments.append(Segment(" " * gap_at(width)))
        return [Strip(segments[:-1]).crop(0, width)]


class TableHeading(Widget):
    """The column headings, the sorted one with its direction; a click sorts by a column."""

    DEFAULT_CSS = """
    TableHeading {
        height: 1;
        text-style: bold;
        background: $panel;
        padding: 0 1;  /* as the table below: its left padding and its scrollbar */
    }
    """

    class Clicked(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, sorted_by: Callable[[], tuple[str, bool]], *, id: str | None = None):
        super().__init__(id=id)
        self.sorted_by = sorted_by

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        column_key, descending = self.sorted_by()
        segments = []
        for column in columns(width):
            label = HEADINGS[column.key]
            if column.key == column_key:
                label += " ▼" if descending else " ▲"
            segments.append(Segment(_cell(label, column.width, column.key in RIGHT)))
            segments.append(Segment(" " * gap_at(width)))
        return Strip(segments[:-1]).crop(0, width).apply_style(self.rich_style)

    def on_click(self, event: events.Click) -> None:
        for column in columns(self.content_region.width):
            if column.x <= event.x < column.x + column.width + gap_at(self.content_region.width):
                self.post_message(self.Clicked(column.key))
                return
