"""The assist on the annotate screen (docs/design.md §10): the sentences worth checking
marked in the gutter, ``]`` and ``[`` to select them, their reasons in the side panel;
``C`` for the contradiction candidates.

The sentences are scored and the candidates found in a process of its own
(``python -m factmark.assist.offered``), started after the first paint: at book
length that is seconds of pure Python, which in a thread would hold the
interpreter's lock and slow every key. A worker thread only waits for the process.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from factmark.textrange import TextRange
from factmark.tui.text import excerpt
from factmark.tui.widgets.gutter import SUGGESTED_SYMBOL

if TYPE_CHECKING:
    from factmark.assist.contradictions import Candidate
    from factmark.assist.offered import Offered
    from factmark.assist.suggest import Sentence
    from factmark.tui.screens.annotate import AnnotateScreen

# fmt: off
ASSIST_BINDINGS = [
    Binding("right_square_bracket", "suggested(1)", "Next sentence worth checking", show=False,
            id="next-suggested"),
    Binding("left_square_bracket", "suggested(-1)", "Previous sentence worth checking",
            show=False, id="previous-suggested"),
    Binding("s", "toggle_suggestions", "Show or hide the marks of sentences worth checking",
            show=False, id="suggestion-marks"),
    Binding("C", "candidates", "Candidates", tooltip="Contradiction candidates: accept or dismiss",
            id="candidates"),
]
"""The annotate screen's keys for the assist."""
# fmt: on
ASSIST_WORK = "assist"
"""The group of the worker that waits for the scores (keys never wait for it)."""
PANEL_SHOWN = 3
"""Suggested sentences of a paragraph listed in the side panel."""


class AssistFlow:
    """The suggestions of one article, and the keys that use them."""

    def __init__(self, screen: AnnotateScreen, *, enabled: bool = True) -> None:
        self.screen = screen
        self.enabled = enabled
        """Whether the article is scored at all (the program does; most tests do not)."""
        self.offered: Offered | None = None
        """None until the process has scored the article."""
        self.failed: str | None = None
        self.marks_shown = True
        self.unclaimed: list[Sentence] = []
        """The suggested sentences no claim overlaps, in article order."""
        self._keys: list[tuple[int, int]] = []
        self._by_paragraph: dict[int, list[Sentence]] = {}
        self._process: subprocess.Popen[bytes] | None = None
        self._shown: str | None = None

    # --- computing -------------------------------------------------------------

    def start(self) -> None:
        """Score the article in a process; a worker thread waits for it."""
        if not self.enabled:
            return
        self.screen.app.run_worker(self._compute, thread=True, group=ASSIST_WORK)

    def _compute(self) -> None:
        command = [sys.executable, "-m", "factmark.assist.offered"]
        pipe = subprocess.PIPE
        process = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe)
        self._process = process
        out, err = process.communicate(self.screen.article.text.encode("utf-8"))
        if process.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            why = lines[-1] if lines else f"exit status {process.returncode}"
            self.screen.app.call_from_thread(self._failed, why)
            return
        offered: Offered = pickle.loads(out)  # from the process started just above
        self.screen.app.call_from_thread(self._arrived, offered)

    def stop(self) -> None:
        """End the process if it is still scoring (the screen is going)."""
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def _failed(self, why: str) -> None:
        self.failed = why
        message = f"No suggestions: {why}"
        self.screen.notify(message, severity="warning", timeout=6, markup=False)

    def _arrived(self, offered: Offered) -> None:
        self.offered = offered
        self.refresh()
        self.show_in_panel()

    # --- the suggested sentences ---------------------------------------------

    def refresh(self) -> None:
        """Find which suggested sentences are still unclaimed, and mark them."""
        session = self.screen.session
        if self.offered is None or session is None:
            return
        from factmark.editing import overlapping

        self.unclaimed = [
            sentence
            for sentence in self.offered.sentences
            if not overlapping(session.claims_in(sentence.paragraph), sentence.start, sentence.end)
        ]
        self._keys = [(s.paragraph, s.start) for s in self.unclaimed]
        self._by_paragraph = {}
        for sentence in self.unclaimed:
            self._by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        self._mark()
        self._shown = None

    def _mark(self) -> None:
        marks = {
            number: [(s.start, s.end) for s in found]
            for number, found in self._by_paragraph.items()
        }
        self.screen.view.show_suggestions(marks if self.marks_shown else {})

    def toggle_marks(self) -> None:
        self.marks_shown = not self.marks_shown
        self._mark()
        shown = "shown" if self.marks_shown else "hidden"
        self.screen.notify(f"Suggested sentences {shown} ({SUGGESTED_SYMBOL}).", timeout=2)

    def step(self, step: int) -> None:
        """Select the next (or previous) unclaimed suggested sentence, round the article."""
        if not self._ready():
            return
        if not self.unclaimed:
            self.screen.notify("Every suggested sentence has a claim.", timeout=3)
            return
        view = self.screen.view
        selection = view.selection
        here = selection.span[0] if selection and selection.paragraph == view.current else -1
        position = (view.current, here)
        if step > 0:
            index = bisect_right(self._keys, position)
            index = 0 if index == len(self._keys) else index
        else:
            index = bisect_left(self._keys, position) - 1
            index = len(self._keys) - 1 if index < 0 else index
        self.select(self.unclaimed[index])

    def select(self, sentence: Sentence) -> None:
        """Make a sentence the article's selection (``a`` then starts a claim on it)."""
        screen = self.screen
        screen.go_to(sentence.paragraph)
        screen.view.selection = TextRange(sentence.paragraph, sentence.start, sentence.end)
        screen.view.scroll_to_offset(sentence.paragraph, sentence.start)
        self.show_in_panel()

    def _ready(self) -> bool:
        if self.offered is not None:
            return True
        if not self.enabled:
            self.screen.notify("Suggestions are off.", timeout=2)
        elif self.failed is not None:
            self._failed(self.failed)
        else:
            self.screen.notify("Still scoring the sentences…", timeout=2)
        return False

    def show_in_panel(self) -> None:
        """The side panel's section: the suggested sentence selected (its score and
        reasons), or those of the current paragraph."""
        from factmark.tui.widgets.claim_panel import ClaimPanel

        text = self._panel_text()
        if text.plain != self._shown:
            self._shown = text.plain
            self.screen.query_one(ClaimPanel).show_suggestion(text)

    def _panel_text(self) -> Text:
        view = self.screen.view
        found = self._by_paragraph.get(view.current, [])
        selection = view.selection
        if selection is not None:
            start, end = selection.span
            under = [s for s in found if s.start < end and start < s.end]
            if under:
                return _reasons(under[0], whole=True)
        text = Text(end="")
        for sentence in found[:PANEL_SHOWN]:
            text.append(_reasons(sentence, whole=False))
        if len(found) > PANEL_SHOWN:
            text.append(f"… and {len(found) - PANEL_SHOWN} more (] selects the next)", "dim")
        return text

    # --- contradiction candidates ----------------------------------------------

    def open_candidates(self) -> list[Candidate]:
        """The candidates neither dismissed nor accepted already, best first."""
        from factmark.assist.offered import open_candidates

        session = self.screen.session
        if self.offered is None or session is None:
            return []
        found = open_candidates(self.offered.candidates, session.document.dismissed)
        return [c for c in found if not session.candidate_accepted(c.a, c.b, c.reason)]

    def show_candidates(self) -> None:
        from factmark.tui.screens.candidates import CandidatesScreen

        if self._ready():
            self.screen.app.push_screen(CandidatesScreen(self))

    def accept(self, candidate: Candidate) -> bool:
        """Accept a candidate (its claims and a contradicts link); whether it was."""
        session = self.screen.editing
        try:
            link = session.accept_candidate(candidate.a, candidate.b, candidate.reason)
        except (ValueError, PermissionError) as error:
            self.screen.notify(f"Not accepted: {error}.", severity="warning", markup=False)
            return False
        self.screen.selected = link.source
        self.screen.edited()
        self.screen.notify("Accepted: the two claims contradict each other (u undoes).", timeout=3)
        return True

    def dismiss(self, candidate: Candidate) -> bool:
        """Dismiss a candidate (remembered in the file); whether it was."""
        try:
            self.screen.editing.dismiss_candidate(candidate.a, candidate.b, candidate.reason)
        except (ValueError, PermissionError) as error:
            self.screen.notify(f"Not dismissed: {error}.", severity="warning", markup=False)
            return False
        self.screen.edited()
        self.screen.notify("Dismissed: it is not proposed again (u undoes).", timeout=3)
        return True


def _reasons(sentence: Sentence, *, whole: bool) -> Text:
    """A suggested sentence's score and reasons (and its start, or all of it)."""
    text = Text(f"{SUGGESTED_SYMBOL} worth checking {sentence.score:.2f}", "bold", end="")
    text.append(f": {', '.join(sentence.reasons) or 'the words used'}\n")
    if whole:
        text.append("a adds a claim on it, ] and [ step through the others\n", "italic")
    else:
        text.append(f"  “{excerpt(sentence.text, 50)}”\n")
    return text
