"""Claims no longer found as they were (changed or orphaned), for the editor to resolve."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from factmark.tui.text import excerpt, plain

if TYPE_CHECKING:
    from factmark.anchor import Anchor
    from factmark.model import Claim

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Resolution:
    """What the editor chose for one claim."""

    claim_id: str
    action: str
    """``accept``, ``accept-keep`` (keep the verdict), ``reattach`` or ``delete``."""


def difference(old: str, new: str) -> tuple[Text, Text]:
    """The old quote and the new text, with the words that differ marked in each."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    before, after = Text(end=""), Text(end="")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            before.append(plain("".join(a[i1:i2])))
            after.append(plain("".join(b[j1:j2])))
            continue
        before.append(plain("".join(a[i1:i2]), "bold strike reverse"))
        after.append(plain("".join(b[j1:j2]), "bold reverse"))
    return before, after


class UnresolvedScreen(ModalScreen[Resolution | None]):
    """Every changed or orphaned claim; the editor accepts, re-attaches or deletes each."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("a", "resolve('accept')", "Accept new text"),
        Binding("k", "resolve('accept-keep')", "Accept, keep verdict"),
        Binding("r", "resolve('reattach')", "Re-attach by selection"),
        Binding("d", "resolve('delete')", "Delete claim"),
    ]

    def __init__(
        self, claims: list[Claim], anchors: dict[str, Anchor], start: str | None = None
    ) -> None:
        super().__init__()
        self.claims = claims
        self.anchors = anchors
        ids = [claim.id for claim in claims]
        self.start = ids.index(start) if start in ids else 0
        """The claim highlighted first."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide"):
            yield Static(
                Text("Claims not found as they were", style="bold"), classes="dialog-question"
            )
            yield Static(
                Text(
                    "a accept the new text (verdict back to pending) · k accept, keep the "
                    "verdict · r re-attach to a selection · d delete · escape close",
                    style="dim",
                ),
                classes="dialog-keys",
            )
            options = []
            for claim in self.claims:
                state = self.anchors[claim.id].state.value
                label = Text(f"{state:<8}", style="bold", end="")
                label.append(f"¶{claim.paragraph or '?':<5}", style="dim")
                label.append(excerpt(claim.quote, 70))
                options.append(Option(label, id=claim.id))
            yield OptionList(*options, id="unresolved")
            yield Static(id="unresolved-detail")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.start
        options.focus()
        self._show(self.start)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_resolve("accept")

    def _current(self) -> Claim | None:
        index = self.query_one(OptionList).highlighted
        return self.claims[index] if index is not None and index < len(self.claims) else None

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.claims):
            return
        claim = self.claims[index]
        anchor = self.anchors[claim.id]
        detail = Text(end="")
        if anchor.found is not None:
            old, new = difference(claim.quote, anchor.found)
            detail.append("was:  ", style="bold")
            detail.append(old)
            detail.append(f"\nnow (¶{anchor.paragraph}):  ", style="bold")
            detail.append(new)
        else:
            detail.append("was:  ", style="bold")
            detail.append(plain(claim.quote))
            detail.append("\nnot found in the article: re-attach it to new text, or delete it",
                          style="italic")  # fmt: skip
        detail.append(f"\n\nverdict {claim.verdict} · confidence {claim.confidence}", style="dim")
        self.query_one("#unresolved-detail", Static).update(detail)

    def action_resolve(self, action: str) -> None:
        claim = self._current()
        if claim is None:
            return
        if action.startswith("accept") and self.anchors[claim.id].found is None:
            self.notify("An orphan has no new text: re-attach it (r) or delete it (d).",
                        severity="warning")  # fmt: skip
            return
        self.dismiss(Resolution(claim.id, action))

    def action_close(self) -> None:
        self.dismiss(None)
