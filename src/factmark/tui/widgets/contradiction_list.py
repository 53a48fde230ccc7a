"""The review's contradictions: each pair of quotes side by side, the differing facts marked."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from factmark.review import fact_pieces
from factmark.tui.text import plain
from factmark.tui.widgets.item_list import ItemList

SIGN = " ≠ "


def _half(width: int) -> int:
    """Cells of each quote's column: half of what the sign leaves."""
    return max(10, (width - len(SIGN)) // 2)


@dataclass(frozen=True)
class Pair:
    """One ``contradicts`` link as the review shows it."""

    first_id: str
    where: Text
    """Where the two claims are, and the link's note."""
    first: str
    second: str
    first_facts: frozenset[str]
    second_facts: frozenset[str]


def marked(quote: str, facts: frozenset[str], style: Style) -> Text:
    """A quote on one line, the tokens that carry a differing fact highlighted."""
    text = Text(end="")
    for piece, differs in fact_pieces(" ".join(quote.split()), facts):
        text.append(plain(piece, style if differs else ""))
    return text


class ContradictionList(ItemList):
    """A heading line, then the two quotes in two columns, then a blank line, per pair."""

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        "contradiction-list--differs",
        "contradiction-list--sign",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pairs: list[Pair] = []
        self._wrapped: dict[tuple[int, int], tuple[Lines, Lines, Lines]] = {}
        self._stale = False

    def show(self, pairs: list[Pair]) -> None:
        self.pairs = pairs
        self._wrapped.clear()
        if self.display and self.is_mounted and self.size.width:
            self.reset(0)
        else:  # measured when first shown (the review opens on the table); nothing old drawn
            self.forget()
            self._stale = True

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.reset(0)

    def item_count(self) -> int:
        return len(self.pairs)

    def item_key(self, index: int) -> str:
        return self.pairs[index].first_id

    def item_height(self, index: int, width: int) -> int:
        where, left, right = self._wrap(index, width)
        return len(where) + max(len(left), len(right)) + 1

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped.clear()

    def _wrap(self, index: int, width: int) -> tuple[Lines, Lines, Lines]:
        """The pair's heading and its two quotes, wrapped (a quote to half the width)."""
        wrapped = self._wrapped.get((index, width))
        if wrapped is None:
            pair = self.pairs[index]
            console = self.app.console
            style = self.get_component_rich_style("contradiction-list--differs", partial=True)
            half = _half(width)
            wrapped = (
                pair.where.wrap(console, width),
                marked(pair.first, pair.first_facts, style).wrap(console, half),
                marked(pair.second, pair.second_facts, style).wrap(console, half),
            )
            self._wrapped[(index, width)] = wrapped
        return wrapped

    def draw_item(self, index: int, width: int) -> list[Strip]:
        console = self.app.console
        where, left, right = self._wrap(index, width)
        half = _half(width)
        sign = self.get_component_rich_style("contradiction-list--sign", partial=True)
        lines = [Strip(list(line.render(console))).crop(0, width) for line in where]
        for n in range(max(len(left), len(right))):
            one = _line(left, n, console, half)
            two = _line(right, n, console, half)
            middle = Segment(SIGN if n == 0 else " " * len(SIGN), sign)
            lines.append(Strip([*one, middle, *two]).crop(0, width))
        lines.append(Strip([Segment(" " * width)], width))
        return lines


def _line(lines: Lines, n: int, console: Console, width: int) -> list[Segment]:
    if n >= len(lines):
        return [Segment(" " * width)]
    strip = Strip(list(lines[n].render(console)))
    return list(strip.extend_cell_length(width).crop(0, width))
