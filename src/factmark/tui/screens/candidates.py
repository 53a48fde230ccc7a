"""The contradiction candidates (``C``): pairs of sentences that may state different
values for the same thing, best first, each with its reason and the figures that
differ marked, as the review's contradictions are. ``enter`` accepts one (its two
claims and a ``contradicts`` link), ``x`` dismisses one (remembered in the file):
each is one undoable step. Candidates are the editor's tool, not findings: the
review and the exports show only what was accepted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from factmark.review import tokens
from factmark.tui.text import plain
from factmark.tui.widgets.contradiction_list import ContradictionList, Pair
from factmark.tui.widgets.item_list import ItemList
from factmark.visible import counted

if TYPE_CHECKING:
    from factmark.assist.contradictions import Candidate
    from factmark.tui.screens.annotate_assist import AssistFlow


def candidate_pair(index: int, candidate: Candidate) -> Pair:
    """A candidate as the contradictions list shows it: where, why, the two sentences, the
    words of each that its reason names (the figures that differ) marked."""
    where = Text(f"¶{candidate.a.paragraph} and ¶{candidate.b.paragraph}", "bold", end="")
    where.append(" — ")
    where.append(plain(candidate.reason, "italic"))
    where.append(f" · score {candidate.score:.2f}", "dim")
    sides = candidate.reason.split(" vs ", 1)
    first, second = (sides[0], sides[1]) if len(sides) == 2 else (sides[0], sides[0])
    a, b = candidate.a.text, candidate.b.text
    facts = _named(a, first, b), _named(b, second, a)
    return Pair(str(index), where, a, b, *facts)


def _named(sentence: str, said: str, other: str) -> frozenset[str]:
    """The tokens of a sentence that ``said`` names and the other sentence has not: its
    figures and words (not "a", "of")."""
    wanted = {token.casefold() for token in tokens(said)}
    wanted -= {token.casefold() for token in tokens(other)}
    return frozenset(
        token
        for token in tokens(sentence)
        if token.casefold() in wanted and (len(token) > 2 or token.isdigit())
    )


class CandidatesScreen(Screen[None]):
    """The open contradiction candidates of the article, best first."""

    BINDINGS = [
        Binding("enter", "accept", "Accept", tooltip="Link the two claims as contradicting",
                id="candidate-accept"),
        Binding("x", "dismiss_candidate", "Dismiss",
                tooltip="Not a contradiction: not proposed again", id="candidate-dismiss"),
        Binding("escape,C", "close", "Close", tooltip="Back to the article", id="candidates-close"),
    ]  # fmt: skip

    def __init__(self, flow: AssistFlow) -> None:
        super().__init__()
        self.flow = flow
        self.candidates: list[Candidate] = []

    def compose(self) -> ComposeResult:
        yield Static(id="candidates-summary")
        yield ContradictionList(id="candidates-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.query_one(ContradictionList))

    def reload(self) -> None:
        """List the candidates still open, the cursor where it was."""
        listed = self.query_one(ContradictionList)
        cursor = listed.cursor
        self.candidates, more = self.flow.open_candidates()
        listed.show([candidate_pair(i, c) for i, c in enumerate(self.candidates)])
        listed.cursor = max(0, min(cursor, len(self.candidates) - 1))
        summary = Text("Contradiction candidates", "bold", end="")
        if self.candidates:
            best = "the best " if more else ""
            summary.append(f": {best}{counted(len(self.candidates), 'open candidate')}, best first")
            summary.append("\nnot checked yet: ", "dim")
            summary.append("enter accepts (claims and a contradicts link), x dismisses")
        else:
            summary.append(": none open (accepted or dismissed ones are not listed)")
        dismissed = len(self.flow.screen.editing.document.dismissed)
        if dismissed:
            summary.append(f" · {dismissed} dismissed", "dim")
        self.query_one("#candidates-summary", Static).update(summary)

    def _current(self) -> Candidate | None:
        cursor = self.query_one(ContradictionList).cursor
        return self.candidates[cursor] if 0 <= cursor < len(self.candidates) else None

    @on(ItemList.Chosen)
    def _chosen(self, event: ItemList.Chosen) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        candidate = self._current()
        if candidate is not None and self.flow.accept(candidate):
            self.reload()

    def action_dismiss_candidate(self) -> None:
        candidate = self._current()
        if candidate is not None and self.flow.dismiss(candidate):
            self.reload()

    def action_close(self) -> None:
        self.app.pop_screen()
