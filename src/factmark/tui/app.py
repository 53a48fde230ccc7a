"""The factmark app: opening a session, saving it, and noticing changes on disk.

The screens edit; the app persists. Every save goes through the store, in a
worker thread, a short moment after the last change, and never over a file
that changed on disk since it was loaded.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from factmark.article import Article
from factmark.tui.palette import textual_colours, theme_colours
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.text import excerpt, sanitize
from factmark.tui.typeahead import TypeAheadApp

# The session, the store and the models (pydantic) load in the worker that opens
# the annotations, after the article is on screen.
if TYPE_CHECKING:
    from factmark.merge import Choice, Conflict
    from factmark.model import AnnotationFile, Claim
    from factmark.session import Session
    from factmark.store.atomic import Fingerprint
    from factmark.tui.screens.load_error import LoadErrorScreen


LOST_SHOWN = 4
"""Changes listed by name before "keep mine" overwrites them; the rest are counted (the
question fits 80×24 with its answers)."""
LOST_VALUE_WIDTH = 40
"""Cells of their value shown for each change "keep mine" would overwrite."""


class FactmarkApp(TypeAheadApp):
    """Annotate one article's claims (the keys typed run in order: see TypeAheadApp)."""

    CSS_PATH = "app.tcss"
    TITLE = "factmark"
    BINDINGS = [Binding("ctrl+s", "save_now", "Save now", show=False, id="save-now")]

    def __init__(
        self,
        article: Article,
        annotation_path: Path,
        *,
        author: str | None = None,
        lock: bool = True,
        save_delay: float = 0.5,
        watch_interval: float = 2.0,
        freeze_heap: bool = False,
        theme: str | None = None,
        settings: Path | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.annotation_path = annotation_path
        self.author = author
        self.lock = lock
        self.save_delay = save_delay
        """Seconds after the last change before it is saved."""
        self.watch_interval = watch_interval
        self.freeze_heap = freeze_heap
        """Move what is loaded out of the garbage collector's sight once it is open (the
        program does; a test process running many apps must not: frozen cycles stay)."""
        self.session: Session | None = None
        self.save_error: str | None = None
        self._save_timer: Timer | None = None
        self._save_lock = threading.Lock()
        self._asking_about_disk = False
        self._unreadable: Fingerprint | None = None
        """An unusable version on disk already reported (once; never overwritten unasked)."""
        self._later: Fingerprint | None = None
        """A version on disk whose merge the editor left for later (asked again on saving)."""
        self.settings = settings
        """The user's settings file: the theme in use is remembered there, at start and
        whenever the palette changes it (None: nowhere)."""
        self._settings_failed = False
        self._settings_lock = threading.Lock()
        if theme is not None:
            self.theme = theme

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and factmark's colours made readable from them."""
        variables = super().get_css_variables()
        colours = theme_colours(variables)
        return {**variables, **colours, **textual_colours(colours)}

    def get_default_screen(self) -> AnnotateScreen:
        return AnnotateScreen(self.article)  # the article is the first thing painted

    def on_load(self) -> None:
        if self.freeze_heap:
            # What start-up loaded (Textual, the article) lives as long as the program:
            # out of the collector's sight, no full collection walks it before the
            # first frame (one such walk took longer than drawing the frame).
            gc.freeze()

    def on_mount(self) -> None:
        self.call_after_refresh(self.open_session)  # then the claims, off the event loop
        self.remember_theme()

    @work(thread=True, exit_on_error=True)
    def open_session(self) -> None:
        """Load the annotations and find the claims, off the event loop."""
        from factmark.session import Session
        from factmark.store.problems import StoreError
        from factmark.tui.screens.load_error import LoadErrorScreen

        try:
            session = Session.open(
                self.article, self.annotation_path, author=self.author, lock=self.lock
            )
        except StoreError as error:
            problems = [str(problem) for problem in error.problems]
            self.call_from_thread(self._not_opened, LoadErrorScreen(problems))
            return
        self.call_from_thread(self._opened, session)

    def _not_opened(self, screen: LoadErrorScreen) -> None:
        self.drop_typed_ahead()
        self.push_screen(screen)

    def _opened(self, session: Session) -> None:
        self.session = session
        if self.freeze_heap:
            # The article, its layout and the annotations live as long as the program:
            # the collector need not walk them on every collection (at book length
            # that walk is most of what opening the review screen costs).
            gc.freeze()
        screen = self.annotate_screen
        if screen is not None:
            screen.attach(session)
        if session.read_only:
            self.notify(
                f"Read-only: {session.read_only}.", severity="warning", timeout=8, markup=False
            )
        if session.unresolved():
            count = len(session.unresolved())
            self.notify(
                f"{count} claim{'s' * (count != 1)} not found in the article as it was: "
                "press c to resolve them.",
                severity="warning",
                timeout=6,
            )
        self.set_interval(self.watch_interval, self.check_disk)
        self.release_typed_ahead()

    @property
    def annotate_screen(self) -> AnnotateScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, AnnotateScreen):
                return screen
        return None

    def _refresh(self) -> None:
        screen = self.annotate_screen
        if screen is not None:
            screen.save_error = self.save_error
            screen.refresh_all()
        from factmark.tui.screens.review import ReviewScreen

        for review in self.screen_stack:
            if isinstance(review, ReviewScreen):
                review.reload()

    # --- saving --------------------------------------------------------------

    def on_annotate_screen_document_changed(self) -> None:
        self.schedule_save()

    def schedule_save(self) -> None:
        """Save a moment after the last change (a burst of keys makes one write)."""
        if self.session is None or self.session.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_delay, self.save_in_background)

    def save_in_background(self) -> None:
        self.run_worker(self._write_latest, thread=True, group="save")

    def _write_latest(self) -> None:
        from factmark.store.problems import ChangedOnDiskError

        session = self.session
        if session is None:
            return
        with self._save_lock:
            snapshot = session.document
            if snapshot == session.saved:
                return
            try:
                fingerprint = session.write(snapshot)
            except ChangedOnDiskError:
                self.call_from_thread(self.ask_about_disk)
                return
            except OSError as error:
                self.call_from_thread(
                    self._save_failed, f"{self.annotation_path}: {error.strerror}"
                )
                return
            session.mark_saved(snapshot, fingerprint)
        self.save_error = None
        self.call_from_thread(self._refresh)

    def _save_failed(self, message: str) -> None:
        self.save_error = message
        self.notify(sanitize(f"Not saved: {message}"), severity="error", timeout=10, markup=False)
        self._refresh()

    def action_save_now(self) -> None:
        if self.session is None or self.session.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self.save_in_background()

    async def save_and_quit(self) -> None:
        """Save (asking first if the file changed on disk), then leave with exit code 0."""
        from factmark.store.problems import ChangedOnDiskError

        session = self.session
        if self._save_timer is not None:
            self._save_timer.stop()
        if session is None or session.read_only or not session.dirty:
            self._close(0)
            return
        try:
            with self._save_lock:
                session.save()
        except ChangedOnDiskError:
            self.ask_about_disk()
            return
        except OSError as error:
            self._save_failed(f"{self.annotation_path}: {error.strerror}")

            def answer(choice: str | None) -> None:
                if choice == "quit":
                    self._close(1)

            self.push_screen(
                ChoiceScreen(
                    "The annotations could not be saved.",
                    [("stay", "Stay (nothing is lost yet)"), ("quit", "Quit without saving")],
                ),
                answer,
            )
            return
        self._close(0)

    def _close(self, code: int) -> None:
        if self.session is not None:
            self.session.close()
        self.exit(code, return_code=code)

    async def action_quit(self) -> None:
        await self.save_and_quit()

    def action_exit_unusable(self) -> None:
        """Leave after a file that could not be loaded (exit code 2, nothing written)."""
        self._close(2)

    # --- changes on disk -----------------------------------------------------

    def check_disk(self) -> None:
        """Notice a change to the file made outside this session."""
        from factmark.store import atomic
        from factmark.store.problems import StoreError

        session = self.session
        if session is None or self._asking_about_disk or self._save_lock.locked():
            return
        if not atomic.changed_on_disk(session.path, session.fingerprint):
            return
        on_disk = atomic.fingerprint(session.path)
        if session.dirty:
            if on_disk is None or on_disk != self._later:
                self.ask_about_disk()
            return
        if on_disk is not None and on_disk == self._unreadable:
            return  # said so already; the next save will ask before replacing it
        try:
            session.reload()
        except StoreError as error:
            # The session keeps the fingerprint it loaded, so no save overwrites this
            # version (a conflicted git pull, a half-done hand edit) without asking.
            self._unreadable = on_disk
            self.notify(
                sanitize(f"The file changed on disk and cannot be read: {error}"),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self._refresh()
        self.notify("The annotation file changed on disk; reloaded it.", timeout=4)

    def ask_about_disk(self) -> None:
        """The file changed on disk while there were unsaved changes: ask what to do."""
        if self._asking_about_disk or self.session is None:
            return
        self._asking_about_disk = True
        question = Text(
            f"{self.annotation_path} changed on disk (a git pull, another editor?) while "
            "you had unsaved changes. Nothing has been overwritten.",
            end="",
        )
        self.push_screen(
            ChoiceScreen(
                question,
                [
                    ("merge", "Merge: take their changes and keep mine, claim by claim"),
                    ("reload", "Reload: take the file as it is on disk, drop my changes"),
                    ("mine", "Keep mine: write my version over theirs…"),
                ],
            ),
            self._disk_answer,
        )

    def _disk_answer(self, choice: str | None) -> None:
        from factmark.store.problems import StoreError

        if choice == "mine" and self.session is not None:
            self._confirm_keep_mine()  # still asking: the watcher waits for the confirmation
            return
        session = self.session
        if choice == "merge" and session is not None:
            self._merge_asking(session)  # still asking while the conflicts are
            return
        self._asking_about_disk = False
        if session is None or choice is None:
            return
        try:
            session.reload()
            self.notify("Reloaded from disk.", timeout=3)
        except StoreError as error:
            self._unreadable_on_disk(error)
        self._refresh()

    def _unreadable_on_disk(self, error: Exception) -> None:
        self.notify(
            sanitize(f"Cannot read the file on disk: {error}"),
            severity="error",
            timeout=10,
            markup=False,
        )

    def _merge_asking(
        self,
        session: Session,
        asked: list[Conflict] | None = None,
        choices: list[Choice] | None = None,
    ) -> None:
        """Merge with the file on disk; where both sides changed the same thing, ask first.

        Escape leaves both versions as they are (theirs on disk, mine in the session):
        the question comes back at the next save.
        """
        from factmark.store import atomic
        from factmark.store.problems import StoreError
        from factmark.tui.screens.conflicts import ConflictScreen, question

        try:
            conflicts = session.merge_with_disk(asked or [], choices or [])
            if not conflicts:
                self._asking_about_disk = False
                self.notify("Merged as you chose." if choices else "Merged cleanly.", timeout=3)
                self.schedule_save()
                self._refresh()
                return
            names = _claims_by_id(session.saved, session.document, session.disk_document())
        except StoreError as error:
            self._asking_about_disk = False
            self._unreadable_on_disk(error)
            return

        def answer(chosen: list[Choice] | None) -> None:
            if chosen is not None:
                self._merge_asking(session, conflicts, chosen)
                return
            self._asking_about_disk = False
            self._later = atomic.fingerprint(session.path)
            self.notify("Nothing merged yet: you will be asked again at the next save.", timeout=5)

        heading = sanitize(
            f"{self.annotation_path.name} changed on disk while you had unsaved changes, "
            "and both changed the same things. Nothing is merged until you choose:"
        )
        asked_now = [question(conflict, names) for conflict in conflicts]
        self.push_screen(ConflictScreen(heading, asked_now), answer)

    def _confirm_keep_mine(self) -> None:
        from factmark.store.problems import StoreError
        from factmark.tui.screens.conflicts import question

        session = self.session
        assert session is not None
        try:
            lost = session.lost_by_keeping_mine()
            names = _claims_by_id(session.saved, session.document, session.disk_document())
            count = f"{len(lost)} change{'s' * (len(lost) != 1)} of theirs"
            what = Text(f"Write your version anyway? {count} will be lost:", end="")
            for conflict in lost[:LOST_SHOWN]:
                asked = question(conflict, names)
                what.append(f"\n• {asked.subject}; theirs: ")
                what.append(excerpt(asked.theirs.plain, LOST_VALUE_WIDTH))
            if len(lost) > LOST_SHOWN:
                what.append(f"\n… and {len(lost) - LOST_SHOWN} more")
        except StoreError as error:
            what = Text(
                sanitize(f"Write your version anyway? The file on disk is not readable ({error}) "
                         "and will be replaced."), end="")  # fmt: skip

        def answer(choice: str | None) -> None:
            self._asking_about_disk = False
            if choice == "write":
                try:
                    session.keep_mine()
                except (OSError, StoreError) as error:
                    self._save_failed(str(error))
                self._refresh()

        self.push_screen(
            ChoiceScreen(what, [("cancel", "Cancel"), ("write", "Write mine anyway")]), answer
        )

    # --- the theme -----------------------------------------------------------

    def watch_theme(self) -> None:
        if self.is_running:  # not while __init__ sets the theme to start in
            self.remember_theme()

    def remember_theme(self) -> None:
        """Write the theme in use into the user's settings, off the event loop."""
        if self.settings is not None:
            self.run_worker(
                partial(self._write_theme, self.settings), thread=True, group="settings"
            )

    def _write_theme(self, settings: Path) -> None:
        from factmark.config import ConfigError, remember_theme

        with self._settings_lock:  # the latest theme, whichever write comes last
            try:
                remember_theme(settings, self.theme)
            except ConfigError as error:
                self.call_from_thread(self._theme_not_remembered, str(error))

    def _theme_not_remembered(self, error: str) -> None:
        if not self._settings_failed:  # once, however often the theme changes
            self._settings_failed = True
            message = sanitize(f"The theme is not remembered: {error}")
            self.notify(message, severity="warning", timeout=8, markup=False)

    # --- command palette -----------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from factmark.tui.commands import commands
        from factmark.tui.screens.review import ReviewScreen

        yield from super().get_system_commands(screen)

        def run(action: str, target: FactmarkApp | Screen[Any] = screen) -> None:
            self.call_later(target.run_action, action)

        if isinstance(screen, AnnotateScreen):
            yield from commands(AnnotateScreen.BINDINGS, run, leave=("escape", "enter"))
            yield from commands(self.BINDINGS, lambda action: run(action, self))
        elif isinstance(screen, ReviewScreen):
            yield from commands(ReviewScreen.BINDINGS, run)


def _claims_by_id(*documents: AnnotationFile) -> dict[str, Claim]:
    """Every claim of these documents by id, the later document's where both have it."""
    return {claim.id: claim for document in documents for claim in document.claims}
