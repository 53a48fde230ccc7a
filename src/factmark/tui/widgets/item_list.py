"""A list of items, one under a cursor, drawn a line at a time.

Each item is one or more lines. Only the lines on screen are drawn (the Line
API, like the article), so changing thousands of items (a filter, a sort)
costs a list assignment and one screenful of drawing, not a widget or a
measured table cell per item. The review screen's claims table and its
contradictions are both ItemLists.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class ItemList(ScrollView, can_focus=True, inherit_bindings=False):
    """Items of one or more lines; the cursor moves over them and enter chooses one.

    Subclasses say how many items there are, how tall each is at a width, and
    how to draw one; they call ``reset`` when the items change.
    """

    COMPONENT_CLASSES = {"item-list--cursor", "item-list--odd"}

    DEFAULT_CSS = """
    ItemList {
        height: 1fr;
        padding-left: 1;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 0;
        scrollbar-gutter: stable;
        & > .item-list--cursor {
            color: $foreground;
            background: $fm-cursor-blurred;
        }
        &:focus > .item-list--cursor {
            background: $fm-cursor;
            text-style: bold;
        }
        & > .item-list--odd { background: $surface; }
    }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Next item", show=False, id="list-next"),
        Binding("up,k", "move(-1)", "Previous item", show=False, id="list-previous"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list-page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list-page-up"),
        Binding("home,g", "first", "First item", show=False, id="list-first"),
        Binding("end,G", "last", "Last item", show=False, id="list-last"),
        Binding("enter", "choose", "Choose the item", show=False, id="list-choose"),
    ]

    cursor: reactive[int] = reactive(0, layout=False, init=False)

    class Chosen(Message):
        """The editor pressed enter on an item (or clicked it a second time)."""

        def __init__(self, item_list: ItemList, key: str) -> None:
            super().__init__()
            self.item_list = item_list
            self.key = key
            """The item's key, taken when chosen: the items may change before this arrives."""

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(self, *, zebra: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.zebra = zebra
        self._starts: list[int] = [0]
        """The first line of each item, then the total number of lines."""
        self._drawn: dict[int, list[Strip]] = {}
        self._width = 0

    # --- what subclasses give ----------------------------------------------

    def item_count(self) -> int:
        raise NotImplementedError

    def item_height(self, index: int, width: int) -> int:
        """Lines the item takes at this width (1 unless a subclass says otherwise)."""
        return 1

    def draw_item(self, index: int, width: int) -> list[Strip]:
        """The item's lines, ``width`` cells each, without the cursor's or zebra's colour."""
        raise NotImplementedError

    def item_key(self, index: int) -> str:
        """What names the item (a claim id), for ``Chosen``."""
        raise NotImplementedError

    # --- showing -----------------------------------------------------------

    def reset(self, cursor: int | None = None) -> None:
        """The items changed: measure them again and redraw what is on screen."""
        width = max(1, self.scrollable_content_region.width)
        self._width = width
        heights = (self.item_height(index, width) for index in range(self.item_count()))
        self._starts = list(accumulate(heights, initial=0))
        self._drawn.clear()
        self.virtual_size = Size(width, self._starts[-1])
        count = self.item_count()
        wanted = self.cursor if cursor is None else cursor
        self.set_reactive(ItemList.cursor, max(0, min(wanted, count - 1)))
        self.scroll_to_cursor()
        self.refresh()

    def forget(self) -> None:
        """Drop what was measured and drawn (the items changed while hidden)."""
        self._starts = [0]
        self._drawn.clear()
        self.virtual_size = Size(self._width, 0)
        self.set_reactive(ItemList.cursor, 0)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self.reset()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()  # a new theme: the items' colours come from it

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()

    def scroll_to_cursor(self) -> None:
        if not self.item_count():
            return
        top, bottom = self._starts[self.cursor], self._starts[self.cursor + 1]
        self.scroll_to_region(
            Region(0, top, 1, bottom - top), animate=False, immediate=True, force=True
        )

    def item_at_line(self, line: int) -> int | None:
        if not 0 <= line < self._starts[-1]:
            return None
        return bisect_right(self._starts, line) - 1

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        index = self.item_at_line(line)
        base = self.rich_style
        if index is None or index >= self.item_count():
            return Strip([Segment(" " * width, base)], width)
        lines = self._drawn.get(index)
        if lines is None:  # at the width measured, as many lines as measured
            lines = self.draw_item(index, self._width)
            self._drawn[index] = lines
        strip = lines[line - self._starts[index]]
        style = base
        if index == self.cursor:
            style += self.get_component_rich_style("item-list--cursor", partial=True)
        elif self.zebra and index % 2:
            style += self.get_component_rich_style("item-list--odd", partial=True)
        return _under(strip, style).extend_cell_length(width, style).crop(0, width)

    # --- keys and mouse ------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.item_count():
            self.cursor = max(0, min(self.item_count() - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        line = self._starts[self.cursor] + step * height if self.item_count() else 0
        index = self.item_at_line(max(0, min(self._starts[-1] - 1, line)))
        if index is not None:
            self.cursor = index

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, self.item_count() - 1)

    def action_choose(self) -> None:
        if 0 <= self.cursor < self.item_count():
            self.post_message(self.Chosen(self, self.item_key(self.cursor)))

    def on_click(self, event: events.Click) -> None:
        index = self.item_at_line(event.y + self.scroll_offset.y)
        if index is None or index >= self.item_count():
            return
        if index == self.cursor or event.chain > 1:
            self.post_message(self.Chosen(self, self.item_key(index)))
        self.cursor = index


def _under(strip: Strip, style: Style) -> Strip:
    """The strip with ``style`` beneath its own styles (its colours win)."""
    return Strip(
        [Segment(text, style + seg_style if seg_style else style, control)
         for text, seg_style, control in strip],
        strip.cell_length,
    )  # fmt: skip
