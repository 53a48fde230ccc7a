"""Choosing the other claim of a link: searchable by typing, nearest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from factmark.editing import link_candidates
from factmark.model import Claim
from factmark.tui.text import excerpt


class LinkPicker(ModalScreen[str | None]):
    """Pick a claim; dismisses with its id. Type to filter, enter to pick."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Link nothing", id="link-cancel"),
        Binding("down", "move(1)", "Next claim", show=False, id="link-next"),
        Binding("up", "move(-1)", "Previous claim", show=False, id="link-previous"),
    ]

    def __init__(self, source: Claim, candidates: list[Claim]) -> None:
        super().__init__()
        self.source = source
        self.candidates = candidates
        """The other claims, nearest to the source first."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            title = Text("Link “", style="bold", end="")
            title.append(excerpt(self.source.quote, 50))
            title.append("” to…")
            yield Static(title, classes="dialog-question")
            yield Input(placeholder="type to search the claims", id="link-filter")
            yield OptionList(id="link-candidates")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for claim in link_candidates(self.candidates, query):
            label = Text(end="")  # a Text's own style would dim every part appended
            label.append(f"¶{claim.paragraph or '?':<4}", style="dim")
            label.append(f"{claim.verdict:<16}", style="bold")
            label.append(excerpt(claim.quote, 60))
            options.add_option(Option(label, id=claim.id))
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
