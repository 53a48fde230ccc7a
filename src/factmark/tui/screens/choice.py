"""A modal list of choices: the editor picks one with the arrows and enter, or a click."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    """Ask one question; dismiss with the chosen option's id, or None on escape."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="Answer nothing", id="choice-cancel"),
        Binding("j", "move('cursor_down')", "Next answer", show=False, id="choice-down"),
        Binding("k", "move('cursor_up')", "Previous answer", show=False, id="choice-up"),
    ]

    def __init__(
        self,
        question: Text | str,
        options: Sequence[tuple[str, Text | str]],
        start: str | None = None,
    ) -> None:
        super().__init__()
        keys = [key for key, _ in options]
        self.start = keys.index(start) if start in keys else 0
        self.question = question if isinstance(question, Text) else Text(question)
        self.options = [
            Option(label if isinstance(label, Text) else Text(label), id=key)
            for key, label in options
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question")
            yield OptionList(*self.options, id="choices")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = self.start

    async def action_move(self, action: str) -> None:
        await self.query_one(OptionList).run_action(action)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
