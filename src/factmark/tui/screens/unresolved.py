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
    from collections.abc import Callable

    from textual.app import App

    from factmark.fuzzy import FuzzyMatch
    from factmark.model import Claim
    from factmark.resolving import Unresolved
    from factmark.session import Session

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Resolution:
    """What the editor chose for one claim."""

    claim_id: str
    action: str
    """``accept``, ``accept-keep`` (keep the verdict), ``reattach`` or ``delete``."""


@dataclass(frozen=True)
class Placement:
    """Where a claim the dialog lists is now, or was looked for, and the text nearest it."""

    placed: Unresolved
    closest: FuzzyMatch | None = None
    """An orphan's closest text near where it was looked for, if any."""


def where(placement: Placement) -> str:
    """A changed claim's paragraph, or where an orphan was looked for (a list row's)."""
    placed = placement.placed
    if placed.anchor.paragraph is not None:
        return f"¶{placed.anchor.paragraph}"
    return f"not in ¶{placed.looked_in}" if placed.looked_in is not None else "not found"


def placements(session: Session, claims: list[Claim]) -> dict[str, Placement]:
    """Where each of these changed or orphaned claims is, or was looked for."""
    from factmark.resolving import closest

    found = {}
    for claim in claims:
        placed = session.placement(claim.id)
        if placed is not None:
            near = closest(claim, session.article, placed) if placed.anchor.found is None else None
            found[claim.id] = Placement(placed, near)
    return found


def ask_verdict(app: App[object], claim: Claim, text: str, write: Callable[[bool], None]) -> None:
    """Re-attaching ``claim`` to ``text``: if that is other words than its quote, ask, as
    accepting does, whether the verdict goes back to pending; then ``write(keep)``."""
    if text == claim.quote:
        write(True)
        return
    from factmark.tui.screens.choice import ChoiceScreen

    def chosen(choice: str | None) -> None:
        if choice is None:
            app.notify("Not re-attached.", timeout=3)
        else:
            write(choice == "keep")

    question, options = verdict_question(claim, text)
    app.push_screen(ChoiceScreen(question, options), chosen)


def verdict_question(claim: Claim, text: str) -> tuple[Text, list[tuple[str, Text | str]]]:
    """Ask, as accepting does, what becomes of a verdict checked on other words."""
    old, new = difference(claim.quote, text)
    question = Text("The text differs from the quote that was checked:\n", style="bold", end="")
    question.append("was: ", style="bold")
    question.append(old)
    question.append("\nnow: ", style="bold")
    question.append(new)
    keep = f"keep the verdict ({claim.verdict} · confidence {claim.confidence})"
    options: list[tuple[str, Text | str]] = [
        ("pending", "verdict back to pending: it was checked on other words"),
        ("keep", keep),
    ]
    return question, options


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
        Binding("escape", "close", "Close", tooltip="Back to the article", id="unresolved-close"),
        Binding(
            "a",
            "resolve('accept')",
            "Accept new text",
            tooltip="Take the new text, the verdict back to pending",
            id="unresolved-accept",
        ),
        Binding(
            "k",
            "resolve('accept-keep')",
            "Accept, keep verdict",
            tooltip="Take the new text and keep the verdict",
            id="unresolved-accept-keep",
        ),
        Binding(
            "r",
            "resolve('reattach')",
            "Re-attach by selection",
            tooltip="Select the text to re-attach the claim to",
            id="unresolved-reattach",
        ),
        Binding(
            "d",
            "resolve('delete')",
            "Delete claim",
            tooltip="Delete the claim",
            id="unresolved-delete",
        ),
    ]

    def __init__(
        self, claims: list[Claim], placements: dict[str, Placement], start: str | None = None
    ) -> None:
        super().__init__()
        self.claims = claims
        self.placements = placements
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
                placement = self.placements[claim.id]
                label = Text(f"{placement.placed.state.value:<8}", style="bold", end="")
                label.append(f"{where(placement):<11}", style="dim")
                label.append(excerpt(claim.quote, 64))
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
        placement = self.placements[claim.id]
        anchor = placement.placed.anchor
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
            detail.append(orphan_detail(claim, placement))
        detail.append(f"\n\nverdict {claim.verdict} · confidence {claim.confidence}", style="dim")
        self.query_one("#unresolved-detail", Static).update(detail)

    def action_resolve(self, action: str) -> None:
        claim = self._current()
        if claim is None:
            return
        if action.startswith("accept") and self.placements[claim.id].placed.anchor.found is None:
            self.notify("An orphan has no new text: re-attach it (r) or delete it (d).",
                        severity="warning")  # fmt: skip
            return
        self.dismiss(Resolution(claim.id, action))

    def action_close(self) -> None:
        self.dismiss(None)


def orphan_detail(claim: Claim, placement: Placement) -> Text:
    """Where an orphan was looked for, and the closest text there, if any."""
    looked_in = placement.placed.looked_in
    text = Text(end="")
    if looked_in is None:
        text.append("\nnot found in the article", style="italic")
    else:
        text.append(f"\nnot found in ¶{looked_in} or beside it", style="italic")
        if claim.paragraph is not None and claim.paragraph != looked_in:
            text.append(f" (it stood in ¶{claim.paragraph}, before the edit)", style="italic")
    closest = placement.closest
    if closest is None:
        text.append("\nnothing like it nearby: r starts on the paragraph's closest sentence")
        return text
    text.append(f"\nclosest (¶{closest.paragraph}, {closest.quote:.0%} alike):  ", style="bold")
    text.append(difference(claim.quote, closest.found)[1])
    text.append("\nr starts re-attaching on it", style="italic")
    return text
