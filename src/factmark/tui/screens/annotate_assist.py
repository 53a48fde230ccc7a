"""The assist on the annotate screen (docs/design.md §10): the sentences worth checking
marked in the gutter, ``]`` and ``[`` to select them, their reasons in the side panel;
``C`` for the contradiction candidates.

The sentences are scored and the candidates found in a process of its own
(``python -m factmark.assist.offered``), started once the annotations are open (after
the first paint, and not competing with their loading): at book length that is seconds
of pure Python, which in a thread would hold the interpreter's lock and slow every key.
A worker thread only waits for the process.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from factmark.textrange import TextRange
from factmark.tui.text import excerpt
from factmark.tui.widgets.gutter import SUGGESTED_SYMBOL

if TYPE_CHECKING:
    from factmark.assist.contradictions import Candidate
    from factmark.assist.offered import Offered, Scoring
    from factmark.assist.suggest import Sentence
    from factmark.tui.screens.annotate import AnnotateScreen

# fmt: off
ASSIST_BINDINGS = [
    Binding("right_square_bracket", "assist('next')", "Next sentence worth checking",
            show=False, id="next-suggested"),
    Binding("left_square_bracket", "assist('previous')", "Previous sentence worth checking",
            show=False, id="previous-suggested"),
    Binding("s", "assist('marks')", "Show or hide the marks of sentences worth checking",
            show=False, id="suggestion-marks"),
    Binding("C", "assist('candidates')", "Contradiction candidates: accept or dismiss",
            show=False, id="candidates"),
]
"""The annotate screen's keys for the assist: each runs ``AssistFlow.run`` with its name."""
# fmt: on
ASSIST_WORK = "assist"
"""The group of the worker that waits for the scores (keys never wait for it)."""
CHUNK_PAUSE = 0.002
"""Seconds the worker sleeps after reading a chunk (which holds the interpreter's lock):
the event loop runs meanwhile."""
LISTED = 100
"""Candidates listed at most (the best; an article with more has other troubles)."""
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
        self._suggested: dict[int, list[Sentence]] = {}
        """The suggested sentences by paragraph (claimed or not)."""
        self._numbers: list[int] = []
        """The paragraphs that have some, in order."""
        self._unclaimed: dict[int, list[Sentence]] = {}
        """Those no claim overlaps, by paragraph, found when asked for (see refresh)."""
        self._scoring: Scoring | None = None
        self._started = False
        self._stopped = False
        self._shown: str | None = None

    # --- computing -------------------------------------------------------------

    def start(self) -> None:
        """Score the article in a process (once); a worker thread waits for it."""
        if not self.enabled or self._started:
            return
        self._started = True
        self.screen.app.run_worker(
            self._compute, thread=True, group=ASSIST_WORK, exit_on_error=False
        )

    def _compute(self) -> None:
        """Run the process and read what it gives (in the worker thread)."""
        try:
            offered = self._run()
        except Exception as error:  # the editor works on without suggestions
            if not self._stopped:
                self.screen.app.call_from_thread(self._failed, str(error) or type(error).__name__)
            return
        suggested: dict[int, list[Sentence]] = {}
        for sentence in offered.sentences:
            suggested.setdefault(sentence.paragraph, []).append(sentence)
        if not self._stopped:
            self.screen.app.call_from_thread(self._arrived, offered, suggested)

    def _run(self) -> Offered:
        from factmark.assist.offered import Scoring

        scoring = self._scoring = Scoring()
        if self._stopped:  # the screen went while the process started
            scoring.stop()
        # A chunk at a time, sleeping between two: the event loop runs meanwhile.
        return scoring.result(self.screen.article.text, lambda: time.sleep(CHUNK_PAUSE))

    def stop(self) -> None:
        """End the process if it is still scoring (the screen is going)."""
        self._stopped = True
        if self._scoring is not None:
            self._scoring.stop()

    def _failed(self, why: str) -> None:
        self.failed = why
        message = f"No suggestions: {why}"
        self.screen.notify(message, severity="warning", timeout=6, markup=False)

    def _arrived(self, offered: Offered, suggested: dict[int, list[Sentence]]) -> None:
        self.offered = offered
        self._suggested, self._numbers = suggested, sorted(suggested)
        if getattr(self.screen.app, "freeze_heap", False):
            gc.freeze()  # they live as long as the program, as what opening loaded
        self.refresh()
        self.show_in_panel()

    # --- the suggested sentences ---------------------------------------------

    def refresh(self) -> None:
        """The claims changed: find again which suggested sentences are unclaimed (each
        paragraph when it is asked for: at book length, the ones on screen), and mark them."""
        if self.offered is None or self.screen.session is None:
            return
        self._unclaimed = {}
        self._mark()
        self._shown = None

    def unclaimed_in(self, number: int) -> list[Sentence]:
        """The suggested sentences of a paragraph that no claim overlaps."""
        found = self._unclaimed.get(number)
        if found is None:
            from factmark.editing import overlapping

            session = self.screen.session
            claims = session.claims_in(number) if session is not None else []
            suggested = self._suggested.get(number, ())
            found = [s for s in suggested if not overlapping(claims, s.start, s.end)]
            self._unclaimed[number] = found
        return found

    def unclaimed(self) -> list[Sentence]:
        """Every unclaimed suggested sentence, in article order."""
        return [sentence for number in self._numbers for sentence in self.unclaimed_in(number)]

    def _spans_in(self, number: int) -> list[tuple[int, int]]:
        return [(sentence.start, sentence.end) for sentence in self.unclaimed_in(number)]

    def _mark(self) -> None:
        self.screen.view.show_suggestions(self._spans_in if self.marks_shown else None)

    def run(self, key: str) -> None:
        """What one of ASSIST_BINDINGS does."""
        keys = {"next": lambda: self.step(1), "previous": lambda: self.step(-1),
                "marks": self.toggle_marks, "candidates": self.show_candidates}  # fmt: skip
        keys[key]()

    def toggle_marks(self) -> None:
        self.marks_shown = not self.marks_shown
        self._mark()
        shown = "shown" if self.marks_shown else "hidden"
        self.screen.notify(f"Suggested sentences {shown} ({SUGGESTED_SYMBOL}).", timeout=2)

    def step(self, step: int) -> None:
        """Select the next (or previous) unclaimed suggested sentence, round the article."""
        if not self._ready():
            return
        view = self.screen.view
        selection = view.selection
        here = selection.span[0] if selection and selection.paragraph == view.current else -1
        found = self._after((view.current, here), step)
        if found is None:
            self.screen.notify("Every suggested sentence has a claim.", timeout=3)
            return
        self.select(found)

    def _after(self, position: tuple[int, int], step: int) -> Sentence | None:
        """The first unclaimed suggested sentence after ``position`` (before it, if ``step``
        is negative), going round the article; None if there is none."""
        numbers = self._numbers if step > 0 else self._numbers[::-1]
        ahead = [n for n in numbers if (n - position[0]) * step >= 0]
        for wrapped, paragraphs in ((False, ahead), (True, numbers)):
            for number in paragraphs:
                found = self.unclaimed_in(number)
                for sentence in found if step > 0 else found[::-1]:
                    key = (number, sentence.start)
                    if wrapped or (key > position if step > 0 else key < position):
                        return sentence
        return None

    def leave(self, paragraph: int) -> None:
        """A paragraph is made current: a suggested sentence selected elsewhere is left."""
        chosen = self.screen.view.selection
        if not self.screen.selecting and chosen is not None and chosen.paragraph != paragraph:
            self.screen.view.selection = None

    def unselect(self) -> None:
        """Drop the suggested sentence selected (escape)."""
        self.screen.view.selection = None
        self.show_in_panel()

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

        if self.offered is None:
            return
        text = self._panel_text()
        if text.plain != self._shown:
            self._shown = text.plain
            self.screen.query_one(ClaimPanel).show_suggestion(text)

    def _panel_text(self) -> Text:
        view = self.screen.view
        found = self.unclaimed_in(view.current)
        selection = view.selection
        if selection is not None:
            start, end = selection.span
            under = [s for s in found if s.start < end and start < s.end]
            if under:
                return _reasons(under[0])
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        for sentence in found[:PANEL_SHOWN]:
            text.append(f"{SUGGESTED_SYMBOL} {sentence.score:.2f} ", "bold")
            text.append(f"{', '.join(sentence.reasons) or 'its words'}: “")
            text.append(excerpt(sentence.text, 60))
            text.append("”\n")
        if len(found) > PANEL_SHOWN:
            text.append(f"… and {len(found) - PANEL_SHOWN} more here", "dim")
        if not found:
            text.append(f"{SUGGESTED_SYMBOL} no unclaimed sentence worth checking here", "dim")
        text.rstrip()
        return text

    # --- contradiction candidates ----------------------------------------------

    def open_candidates(self, most: int = LISTED) -> tuple[list[Candidate], bool]:
        """The best ``most`` candidates neither dismissed nor accepted already, best first;
        and whether there are more."""
        from factmark.assist.offered import open_candidates

        session = self.screen.session
        if self.offered is None or session is None:
            return [], False
        found = open_candidates(self.offered.candidates, session.document.dismissed)
        kept: list[Candidate] = []
        for candidate in found:
            if not session.candidate_accepted(candidate.a, candidate.b, candidate.reason):
                if len(kept) == most:
                    return kept, True
                kept.append(candidate)
        return kept, False

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


def _reasons(sentence: Sentence) -> Text:
    """The selected suggested sentence's score and reasons, and what to do with it."""
    text = Text(f"{SUGGESTED_SYMBOL} worth checking {sentence.score:.2f}", "bold", end="")
    text.append(f": {', '.join(sentence.reasons) or 'its words'}\n")
    text.append("a adds a claim on it; ] and [ go to the next and previous", "italic")
    return text
