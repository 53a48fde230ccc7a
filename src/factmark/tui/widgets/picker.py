"""A row of choices set with one key each, or with the arrow keys and the mouse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

T = TypeVar("T", bound=str)


@dataclass(frozen=True)
class Choice(Generic[T]):
    key: str
    """The one key that picks it."""
    value: T
    label: str


GAP = 2
"""Cells between two choices on a row."""


def choice_width(choice: Choice[T]) -> int:
    """Cells of ``key ○ label``."""
    return cell_len(f"{choice.key} ○ {choice.label}")


class Picker(Widget, Generic[T], can_focus=True):
    """Shows every choice on one line; the chosen one stands out.

    When the line is too narrow the choices wrap onto more rows, whole choices
    only (a key never ends up on another row than its label).
    """

    DEFAULT_CSS = """
    Picker { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("left", "step(-1)", "Previous choice", show=False, id="picker-previous"),
        Binding("right", "step(1)", "Next choice", show=False, id="picker-next"),
    ]

    value: reactive[str] = reactive("")

    @dataclass
    class Changed(Message):
        picker: Picker[str]
        value: str

    def __init__(self, choices: Sequence[Choice[T]], value: T, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = list(choices)
        self.set_reactive(Picker.value, str(value))

    def rows(self, width: int) -> list[list[int]]:
        """Indexes of the choices on each row, as many whole choices as fit in ``width``."""
        rows: list[list[int]] = [[]]
        used = 0
        for index, choice in enumerate(self.choices):
            size = choice_width(choice)
            if rows[-1] and width > 0 and used + GAP + size > width:
                rows.append([])
            used = size if not rows[-1] else used + GAP + size
            rows[-1].append(index)
        return rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def on_resize(self) -> None:
        self.refresh(layout=True)  # the number of rows depends on the width

    def render(self) -> Text:
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        for number, row in enumerate(self.rows(self.content_size.width)):
            if number:
                text.append("\n")
            for position, index in enumerate(row):
                if position:
                    text.append(" " * GAP)
                choice = self.choices[index]
                chosen = choice.value == self.value
                style = Style(reverse=True, bold=True) if chosen else Style()
                text.append(f"{choice.key} ", Style(dim=not chosen, bold=chosen))
                text.append(f"{'●' if chosen else '○'} {choice.label}", style)
        return text

    def _index(self) -> int:
        return next((i for i, c in enumerate(self.choices) if c.value == self.value), 0)

    def action_step(self, step: int) -> None:
        self.value = self.choices[(self._index() + step) % len(self.choices)].value

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character is not None and event.character == choice.key:
                self.value = choice.value
                event.stop()
                event.prevent_default()
                return

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        rows = self.rows(self.content_size.width)
        if offset is None or not 0 <= offset.y < len(rows):
            return
        column = 0
        for index in rows[offset.y]:
            end = column + choice_width(self.choices[index])
            if offset.x < end + GAP // 2:  # a click in the gap goes to the nearer choice
                self.value = self.choices[index].value
                return
            column = end + GAP

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))  # type: ignore[arg-type]
