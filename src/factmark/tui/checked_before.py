"""“Checked before”: claims of other articles' fact-checks that look like the selected one.

The archive (every annotation file of the work tree, docs/archive.md) is searched in a
worker thread for each claim shown, once per quote; the side panel lists what looks
like it with its article, verdict, date and author. ``b`` copies the sources of the
best of them into the selected claim, ``B`` links the two as duplicates across files
(``to = "<that file>#<id>"``, docs/format.md); each is one undoable step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from factmark.tui.text import excerpt, plain, sanitize

if TYPE_CHECKING:
    from textual.timer import Timer

    from factmark.desk.matches import Match
    from factmark.model import Claim, Source
    from factmark.tui.screens.annotate import AnnotateScreen

LIKE = 0.5
"""The score from which a claim of the archive looks like this one: a claim copied into
another file scores 0.6 to 0.8, one on the same subject saying something else 0.2 to 0.45."""
SHOWN = 3
REST = 0.4
"""Seconds the selection rests on a claim before the archive is searched for it: a search
ranks in pure Python, tens of milliseconds on a large archive, and would slow every step."""


@dataclass(frozen=True)
class Found:
    """A claim checked before, and that claim as its file holds it (for its sources)."""

    match: Match
    ref: str
    """How a link of the open file names it."""
    claim: Claim | None
    """None if its file could not be read again."""


def where(found: Found, width: int = 60) -> str:
    """``harbour.txt ¶3 — inaccurate, 2026-11-12, A. Editor`` (plain, one line)."""
    match = found.match
    article = match.article.name or match.annotations.name
    paragraph = f" ¶{match.paragraph}" if match.paragraph else ""
    facts = [match.verdict, match.updated[:10], match.author]
    said = ", ".join(fact for fact in facts if fact)
    return excerpt(f"{article}{paragraph} — {said}", width)


LookUp = Callable[[str, Callable[[list["Found"]], None]], None]
"""Looks up what looks like a quote, and hands it on (the claim editor's, for a new claim)."""


def before_text(found: list[Found], link_to: str = "") -> Text:
    """The claim editor's lines on the claim checked before that looks most like this one."""
    text = Text("Checked before: ", style="bold", end="")
    text.append(where(found[0], 70))
    if len(found) > 1:
        text.append(f" (+{len(found) - 1} more)", style="dim")
    text.append("\n“")
    text.append(plain(excerpt(found[0].match.quote, 80)))
    text.append("”\n")
    linked = link_to == found[0].ref
    text.append("ctrl+b copies its sources · ctrl+l ", style="dim")
    text.append("will not link it" if linked else "links it once saved", style="dim")
    if linked:
        text.append("\n✓ linked as a duplicate once saved", style="bold")
    return text


def desk_of(annotation_path: Path) -> Path:
    """The folder whose archive holds the file: its git work tree, else the folder that
    holds its ``annotations/`` (where ``factmark search`` would be run)."""
    from factmark.desk.archive import archive_root
    from factmark.paths import ANNOTATIONS_DIR

    folder = annotation_path.parent
    if folder.name == ANNOTATIONS_DIR:
        folder = folder.parent
    return archive_root(folder)


class CheckedBefore:
    """What the archive holds like each claim of the open file, looked up off the event loop."""

    def __init__(self, screen: AnnotateScreen) -> None:
        self.screen = screen
        self._found: dict[tuple[str, str], list[Found]] = {}
        self._asked: set[tuple[str, str]] = set()
        self._waiting: dict[tuple[str, str], Callable[[list[Found]], None]] = {}
        self._lock = threading.Lock()
        """One search at a time: each brings the index up to date first."""
        self._resting: Timer | None = None

    def of(self, claim: Claim, now: bool = False) -> list[Found] | None:
        """What looks like the claim, best first; None while it is being looked up.

        The side panel asks for the selected claim at every step; the search starts
        once the selection has rested there ``REST`` seconds (``now``: at once), so that
        walking through the article with j and k costs no search at all.
        """
        key = (claim.id, claim.quote)
        if key in self._found:
            return self._found[key]
        if now:
            self._start(key)
        elif key not in self._asked:
            self._rest_on(key)
        return None

    def _rest_on(self, key: tuple[str, str]) -> None:
        if self._resting is not None:
            self._resting.stop()
        self._resting = self.screen.set_timer(REST, lambda: self._rested(key))

    def _rested(self, key: tuple[str, str]) -> None:
        self._resting = None
        if self.screen.selected == key[0]:  # still there (asked quietly: none may be)
            self._start(key)

    def like(self, quote: str, then: Callable[[list[Found]], None]) -> None:
        """Look up what looks like a new claim's quote; ``then`` gets it on the event loop."""
        key = ("", quote)
        if key in self._found:
            then(self._found[key])
            return
        self._waiting[key] = then
        self._start(key)

    def _start(self, key: tuple[str, str]) -> None:
        session = self.screen.session
        if key not in self._asked and session is not None:
            self._asked.add(key)
            path = session.path
            self.screen.run_worker(
                lambda: self._look_up(key, path), thread=True, group="checked-before"
            )

    def _look_up(self, key: tuple[str, str], path: Path) -> None:
        from textual.worker import get_current_worker

        from factmark.crossfile import CrossFileError, CrossFiles, ref_to
        from factmark.desk.likeness import checked_before
        from factmark.errors import FactmarkError

        with self._lock:
            if get_current_worker().is_cancelled:  # the article was left meanwhile
                return
            try:
                matches = checked_before(key[1], desk_of(path), exclude=path)
            except FactmarkError:
                matches = []  # no usable index: nothing to show
        files, found = CrossFiles(path), []
        for match in [m for m in matches if m.score >= LIKE][:SHOWN]:
            ref = ref_to(path, match.annotations, match.id)
            try:
                other: Claim | None = files.claim(ref)
            except CrossFileError:
                other = None
            found.append(Found(match, ref, other))
        if not get_current_worker().is_cancelled:
            self.screen.app.call_from_thread(self._arrived, key, found)

    def _arrived(self, key: tuple[str, str], found: list[Found]) -> None:
        self._found[key] = found
        then = self._waiting.pop(key, None)
        if then is not None:
            then(found)
        if found and self.screen.app.is_running:
            self.screen.refresh_panel()

    def section(self, claim: Claim) -> Text | None:
        """The side panel's lines on what looks like the claim (None: nothing to show)."""
        found = self.of(claim)
        if not found:
            return None
        text = Text(f"\n\nChecked before ({len(found)})", style="bold", end="")
        text.append(" · b copies its sources, B links it", style="dim")
        for item in found:
            text.append("\n• ")
            text.append(where(item))
            text.append("\n  “")
            text.append(plain(excerpt(item.match.quote, 70)))
            text.append("”")
        return text

    # --- keys --------------------------------------------------------------------

    def best(self) -> tuple[Claim, Found] | None:
        """The selected claim and the claim most like it, or None (saying why)."""
        screen = self.screen
        claim = screen.selected_claim()
        if claim is None:
            return None
        found = self.of(claim, now=True)
        if not found:
            still = " yet" if found is None else ""
            screen.notify(f"Nothing checked before looks like this claim{still}.", timeout=3)
            return None
        return claim, found[0]

    def copy(self) -> None:
        """Add the best match's sources to the selected claim (those it has not got)."""
        chosen = self.best()
        if chosen is None:
            return
        claim, found = chosen
        screen = self.screen
        theirs: list[Source] = list(found.claim.sources) if found.claim else []
        new = [source for source in theirs if source not in claim.sources]
        if not new:
            screen.notify("This claim already has every source of the one checked before.")
            return
        screen.editing.update_claim(claim.id, sources=[*claim.sources, *new])
        screen.edited()
        count = f"{len(new)} source{'s' * (len(new) != 1)}"
        screen.notify(f"Copied {count} of {sanitize(where(found))}. Press u to undo.", markup=False)

    def link(self) -> None:
        """Link the selected claim to the best match as a duplicate, across files."""
        chosen = self.best()
        if chosen is None:
            return
        claim, found = chosen
        screen = self.screen
        try:
            screen.editing.add_link(claim.id, found.ref, "duplicates", "checked before")
        except ValueError as error:
            screen.notify(sanitize(str(error)), severity="warning", markup=False)
            return
        screen.edited()
        screen.notify(f"Linked: duplicates {sanitize(found.ref)}. Press u to undo.", markup=False)
