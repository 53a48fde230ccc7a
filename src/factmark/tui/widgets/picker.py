"""A row of choices set with one key each, or with the arrow keys and the mouse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
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


class Picker(Widget, Generic[T], can_focus=True):
    """Shows every choice on one line (wrapping if narrow); the chosen one stands out."""

    DEFAULT_CSS = """
    Picker { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
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

    def render(self) -> Text:
        text = Text(end="")
        for index, choice in enumerate(self.choices):
            if index:
                text.append("  ")
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
        column = 0
        for index, choice in enumerate(self.choices):
            width = len(choice.key) + 3 + len(choice.label) + (2 if index else 0)
            if event.x < column + width + 1:
                self.value = choice.value
                return
            column += width

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))  # type: ignore[arg-type]
