"""Where the editor and someone else changed the same thing: both values shown, one chosen.

One dialog for every such question: a dialog's edit that met a change made
meanwhile, and a merge with the file on disk. Each conflict names its claim by
the start of its quote and its paragraph, says which field differs and shows
both values; the editor picks mine, theirs, or (a list) both, per conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from factmark.merge import SET_FIELDS, Choice, Conflict
from factmark.model import Claim, Source
from factmark.tui.text import excerpt, plain, sanitize
from factmark.tui.widgets.picker import Choice as PickerChoice
from factmark.tui.widgets.picker import Picker

QUOTE_WIDTH = 40
"""Cells of a quote shown to name its claim."""
VALUE_LINES = 6
"""Lines of a value shown before the rest is cut."""
VALUE_WIDTH = 240
"""Cells of one line of a value shown before it is cut."""
FIELD_NAMES = {
    "start": "position",
    "prefix": "text before",
    "suffix": "text after",
    "state": "recorded state",
    "created": "creation time",
    "article": "article path",
}
"""Field names said otherwise than as they are spelt."""
MINE_WHOLE = {
    "changed": "keep the claim, with my changes",
    "deleted": "delete the claim",
    "added": "keep the claim as I added it",
}
THEIRS_WHOLE = {
    "changed": "keep the claim, with their changes",
    "deleted": "leave the claim deleted",
    "added": "take the claim as they added it",
}
WHOLE_STATES = {
    "changed": "changed it",
    "deleted": "deleted it",
    "added": "added it",
    "kept": "kept it",
    "linked": "linked them",
    "claim deleted": "deleted one of the claims",
}
"""What one side did to a whole claim or link, in words."""


def claim_name(claim: Claim | None) -> str:
    """A claim as the desk knows it: the start of its quote, and its paragraph."""
    if claim is None:
        return "a claim"
    quote = excerpt(claim.quote, QUOTE_WIDTH)
    cut = quote != sanitize(" ".join(claim.quote.split()))
    if cut and " " in quote[QUOTE_WIDTH // 2 :]:
        quote = quote[: quote.rindex(" ")] + "…"  # cut between words
    return f"“{quote}” (¶{claim.paragraph or '?'})"


@dataclass(frozen=True)
class Question:
    """One conflict worded for the editor."""

    subject: str
    """What it is about: a claim, a link or the file, named in words."""
    mine: Text
    theirs: Text
    choices: tuple[PickerChoice[str], ...]


def question(conflict: Conflict, claims: Mapping[str, Claim]) -> Question:
    """The conflict in words (claims looked up by id to be named by their quotes)."""
    mine, theirs = shown(conflict.ours), shown(conflict.theirs)
    choices = [PickerChoice("m", "mine", "keep mine"), PickerChoice("t", "theirs", "take theirs")]
    if conflict.link is not None:
        source, target, kind = conflict.link
        subject = f"the “{kind}” link from {claim_name(claims.get(source))} to "
        subject += claim_name(claims.get(target))
        if _is_state(conflict.ours) and _is_state(conflict.theirs):
            mine, theirs = _state(conflict.ours), _state(conflict.theirs)
        else:
            subject += ": its note"
    elif conflict.claim is None:
        subject = f"the file's {FIELD_NAMES.get(conflict.key, conflict.key)}"
    elif conflict.key == "claim":
        subject = f"{claim_name(claims.get(conflict.claim) or _as_claim(conflict.base))}: "
        subject += "the claim itself"
        mine, theirs = _state(conflict.ours), _state(conflict.theirs)
        choices = [
            PickerChoice("m", "mine", MINE_WHOLE.get(str(conflict.ours), "keep mine")),
            PickerChoice("t", "theirs", THEIRS_WHOLE.get(str(conflict.theirs), "take theirs")),
        ]
    else:
        subject = f"{claim_name(claims.get(conflict.claim))}: its "
        subject += FIELD_NAMES.get(conflict.key, conflict.key)
        if conflict.key in SET_FIELDS:
            choices.append(PickerChoice("b", "both", "keep both"))
    return Question(subject, mine, theirs, tuple(choices))


def _is_state(value: Any) -> bool:
    return isinstance(value, str) and value in WHOLE_STATES


def _as_claim(value: Any) -> Claim | None:
    return value if isinstance(value, Claim) else None


def _state(value: Any) -> Text:
    return Text(WHOLE_STATES.get(str(value), str(value)), style="italic", end="")


def shown(value: Any) -> Text:
    """A value as plain text, long ones cut: a note keeps its lines, a list one item a line."""
    if value is None or value == "" or value == []:
        return Text("(empty)", style="italic", end="")
    if isinstance(value, list) and isinstance(value[0], Source):
        return _lines([f"• {_source(source)}" for source in value])
    if isinstance(value, list):  # tags
        return _lines([", ".join(str(item) for item in value)])
    return _lines(str(value).split("\n"))


def _source(source: Source) -> str:
    return f"{source.label} ({source.stance})" if source.stance else str(source.label)


def _lines(lines: list[str]) -> Text:
    kept = [excerpt(line, VALUE_WIDTH) if line.strip() else "" for line in lines[:VALUE_LINES]]
    if len(lines) > VALUE_LINES:
        kept.append(f"… ({len(lines) - VALUE_LINES} more lines)")
    return plain("\n".join(kept), lines=True)


class ConflictScreen(ModalScreen[list[Choice] | None]):
    """Every conflict with both values; dismisses with one choice each, or None for later."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "apply",
            "Apply choices",
            tooltip="Merge as chosen",
            priority=True,
            id="conflicts-apply",
        ),
        Binding(
            "escape",
            "later",
            "Not now",
            tooltip="Merge nothing yet: asked again at the next save",
            id="conflicts-later",
        ),
        Binding("m", "choose('mine')", "Mine", tooltip="Keep my value", id="conflicts-mine"),
        Binding(
            "t", "choose('theirs')", "Theirs", tooltip="Take their value", id="conflicts-theirs"
        ),
        Binding(
            "b",
            "choose('both')",
            "Both (lists)",
            tooltip="Keep both (tags and sources)",
            id="conflicts-both",
        ),
    ]

    def __init__(
        self, heading: str, questions: Sequence[Question], later: str = "decide later"
    ) -> None:
        super().__init__()
        self.heading = heading
        self.questions = list(questions)
        self.later = later
        """What escape does, in words."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide conflicts"):
            yield Static(Text(self.heading, style="bold", end=""), classes="dialog-question")
            with VerticalScroll(id="conflicts"):
                for index, asked in enumerate(self.questions):
                    yield Static(self._block(index, asked), classes="conflict")
                    yield Picker(asked.choices, "", id=f"choice-{index}")
            keys = f"tab next · shift+tab previous · escape {self.later}"
            yield Static(Text(keys, style="dim"), classes="dialog-help")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def _block(self, index: int, asked: Question) -> Text:
        block = Text(f"{index + 1}. ", style="bold", end="")
        block.append(plain(asked.subject, "bold"))
        block.append("\n  mine:   ", style="dim")
        block.append(_indented(asked.mine))
        block.append("\n  theirs: ", style="dim")
        block.append(_indented(asked.theirs))
        return block

    @property
    def pickers(self) -> list[Picker[str]]:
        return list(self.query(Picker))

    def on_mount(self) -> None:
        pickers = self.pickers
        if pickers:
            pickers[0].focus()

    def on_picker_changed(self, event: Picker.Changed) -> None:
        if event.value and event.picker is self.focused:
            self.focus_next(Picker)

    def action_choose(self, choice: str) -> None:
        picker = self.focused
        if isinstance(picker, Picker) and any(c.value == choice for c in picker.choices):
            picker.value = choice

    def action_apply(self) -> None:
        undecided = [picker for picker in self.pickers if not picker.value]
        if undecided:
            undecided[0].focus()
            self.notify(f"Choose for each: {len(undecided)} left.", severity="warning")
            return
        self.dismiss([_choice(picker.value) for picker in self.pickers])

    def action_later(self) -> None:
        self.dismiss(None)


def _choice(value: str) -> Choice:
    return "theirs" if value == "theirs" else "both" if value == "both" else "mine"


def _indented(value: Text) -> Text:
    """A value's later lines lined up under its first."""
    return Text("\n          ", end="").join(value.split("\n", allow_blank=True))


Write = Callable[[Sequence[Choice] | None], list[Conflict]]
"""A write that returns its conflicts, applying nothing, until given one choice each."""


def write_asking(
    app: App[Any],
    write: Write,
    heading: str,
    claims: Callable[[], Mapping[str, Claim]],
    done: Callable[[], None],
    later: Callable[[], None],
    later_text: str = "decide later",
    choices: Sequence[Choice] | None = None,
) -> None:
    """Run a dialog's write; where it meets a change made meanwhile, ask, and run it again
    with the answers (asking afresh if things changed again). ``later``: the editor
    chose not now. ``claims`` names the claims by their quotes."""
    conflicts = write(choices)
    if not conflicts:
        done()
        return
    names = {**{c.base.id: c.base for c in conflicts if isinstance(c.base, Claim)}, **claims()}

    def answer(chosen: list[Choice] | None) -> None:
        if chosen is None:
            later()
        else:
            write_asking(app, write, heading, claims, done, later, later_text, chosen)

    asked = [question(conflict, names) for conflict in conflicts]
    app.push_screen(ConflictScreen(heading, asked, later_text), answer)
