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

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from factmark.article import Article
from factmark.tui.disk import DiskWatch
from factmark.tui.palette import textual_colours, theme_colours
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.text import sanitize
from factmark.tui.typeahead import TypeAheadApp

# The session, the store and the models (pydantic) load in the worker that opens
# the annotations, after the article is on screen.
if TYPE_CHECKING:
    from factmark.session import Session
    from factmark.tui.screens.load_error import LoadErrorScreen


CHANGED_ON_DISK, NOT_WRITTEN = "changed on disk", "not written"
"""Why ``save_for_leaving`` did not write."""


class FactmarkApp(TypeAheadApp):
    """Annotate one article's claims (the keys typed run in order: see TypeAheadApp)."""

    CSS_PATH = "app.tcss"
    TITLE = "factmark"
    BINDINGS = [Binding("ctrl+s", "save_now", "Save now", show=False, id="save-now")]

    def __init__(
        self,
        article: Article | None,
        annotation_path: Path | None,
        *,
        author: str | None = None,
        lock: bool = True,
        save_delay: float = 0.5,
        watch_interval: float = 2.0,
        freeze_heap: bool = False,
        theme: str | None = None,
        settings: Path | None = None,
        suggest: bool = False,
    ) -> None:
        super().__init__()
        self._article = article
        self._annotation_path = annotation_path
        """The article open, and its annotation file (None: none yet, on the desk)."""
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
        self._watch_timer: Timer | None = None
        self.save_lock = threading.Lock()
        """Held while the file is written or read back (the watcher waits for it)."""
        self.disk = DiskWatch(self)
        self.settings = settings
        """The user's settings file: the theme in use is remembered there, at start and
        whenever the palette changes it (None: nowhere)."""
        self._settings_failed = False
        self._settings_lock = threading.Lock()
        self.suggest = suggest
        """Whether the sentences are scored and the candidates found (the program does)."""
        if theme is not None:
            self.theme = theme

    @property
    def article(self) -> Article:
        if self._article is None:
            raise RuntimeError("no article is open")
        return self._article

    @property
    def annotation_path(self) -> Path:
        if self._annotation_path is None:
            raise RuntimeError("no article is open")
        return self._annotation_path

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and factmark's colours made readable from them."""
        variables = super().get_css_variables()
        colours = theme_colours(variables)
        return {**variables, **colours, **textual_colours(colours)}

    def get_default_screen(self) -> Screen[None]:
        # the article is the first thing painted
        return AnnotateScreen(self.article, suggest=self.suggest)

    def on_load(self) -> None:
        if self.freeze_heap:
            # What start-up loaded (Textual, the article) lives as long as the program:
            # out of the collector's sight, no full collection walks it before the
            # first frame (one such walk took longer than drawing the frame).
            gc.freeze()

    def on_mount(self) -> None:
        if self._article is not None:  # on the desk, when one is chosen
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
        self._watch_timer = self.set_interval(self.watch_interval, self.disk.check)
        self.release_typed_ahead()

    @property
    def annotate_screen(self) -> AnnotateScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, AnnotateScreen):
                return screen
        return None

    def refresh_screens(self) -> None:
        """Show the session as it is now on the screens that show it (none once the app
        is closing: a save or a read from disk may finish as its screens go)."""
        if not self.is_running:
            return
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

    def on_review_screen_document_changed(self) -> None:
        self.refresh_screens()
        self.schedule_save()

    def schedule_save(self) -> None:
        """Save a moment after the last change (a burst of keys makes one write)."""
        if self.session is None or self.session.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_delay, self.save_in_background)

    def saving(self) -> bool:
        """Whether the file is being written now."""
        return self.save_lock.locked()

    def save_in_background(self) -> None:
        self.run_worker(self._write_latest, thread=True, group="save")

    def _write_latest(self) -> None:
        from factmark.store.problems import ChangedOnDiskError

        session = self.session
        if session is None:
            return
        with self.save_lock:
            snapshot = session.document
            if snapshot == session.saved:
                return
            try:
                fingerprint = session.write(snapshot)
            except ChangedOnDiskError:
                self.call_from_thread(self.disk.ask)
                return
            except OSError as error:
                self.call_from_thread(self.save_failed, f"{self.annotation_path}: {error.strerror}")
                return
            session.mark_saved(snapshot, fingerprint)
        self.save_error = None
        self.call_from_thread(self.refresh_screens)

    def save_failed(self, message: str) -> None:
        self.save_error = message
        self.notify(sanitize(f"Not saved: {message}"), severity="error", timeout=10, markup=False)
        self.refresh_screens()

    def action_save_now(self) -> None:
        if self.session is None or self.session.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self.save_in_background()

    def save_for_leaving(self) -> str | None:
        """Write what is unsaved, now: None when written (or nothing was to be), else why
        not (CHANGED_ON_DISK: the editor is being asked; NOT_WRITTEN: the error is said)."""
        from factmark.store.problems import ChangedOnDiskError

        session = self.session
        if self._save_timer is not None:
            self._save_timer.stop()
        if session is None or session.read_only or not session.dirty:
            return None
        try:
            with self.save_lock:
                session.save()
        except ChangedOnDiskError:
            self.disk.ask()
            return CHANGED_ON_DISK
        except OSError as error:
            self.save_failed(f"{self.annotation_path}: {error.strerror}")
            return NOT_WRITTEN
        return None

    async def save_and_quit(self) -> None:
        """Save (asking first if the file changed on disk), then leave with exit code 0."""
        unsaved = self.save_for_leaving()
        if unsaved == NOT_WRITTEN:

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
        elif unsaved is None:
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
        from factmark.tui.screens.desk import DeskScreen
        from factmark.tui.screens.review import ReviewScreen

        yield from super().get_system_commands(screen)

        def run(action: str, target: FactmarkApp | Screen[Any] = screen) -> None:
            self.call_later(target.run_action, action)

        if isinstance(screen, AnnotateScreen):
            yield from commands(AnnotateScreen.BINDINGS, run, leave=("escape", "enter"))
            yield from commands(self.BINDINGS, lambda action: run(action, self))
        elif isinstance(screen, ReviewScreen):
            yield from commands(ReviewScreen.BINDINGS, run)
        elif isinstance(screen, DeskScreen):
            yield from commands(DeskScreen.BINDINGS, run)
