"""``factmark`` with no argument: the desk, and from it one article at a time.

The desk screen lists the articles (docs/desk.md). ``enter`` opens one in the annotate
screen, as ``factmark ARTICLE`` would: the app reads the article, then opens its
annotations in a worker. ``escape`` with nothing to cancel saves, lets the article go
(its lock too) and comes back to the desk, that article's row read again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from factmark.tui.app import FactmarkApp
from factmark.tui.disk import DiskWatch
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.desk import DeskScreen
from factmark.tui.text import sanitize

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.desk.status import ArticleStatus


class DeskApp(FactmarkApp):
    """The desk first; an article's annotate screen on top of it while it is open."""

    def __init__(self, folders: list[Path], here: Path, **options: Any) -> None:
        super().__init__(None, None, **options)
        self.folders = folders
        self.here = here

    def get_default_screen(self) -> DeskScreen:
        return DeskScreen(self.folders, self.here)

    @property
    def desk(self) -> DeskScreen:
        return next(s for s in self.screen_stack if isinstance(s, DeskScreen))

    # --- opening an article --------------------------------------------------------

    def on_desk_screen_opened(self, message: DeskScreen.Opened) -> None:
        status = message.status
        if self.session is not None or self.annotate_screen is not None:
            return  # one article at a time
        if status.problem is not None:
            self.notify(sanitize(status.problem), severity="error", timeout=8, markup=False)
            return
        self.run_worker(lambda: self._read_article(status), thread=True, group="desk-open")

    def _read_article(self, status: ArticleStatus) -> None:
        from factmark.article import Article
        from factmark.errors import FactmarkError
        from factmark.paths import annotation_path_for

        try:
            article = Article.read(status.article)
        except FactmarkError as error:
            self.call_from_thread(self._not_read, str(error))
            return
        path = status.annotations or annotation_path_for(status.article)
        self.call_from_thread(self._show_article, article, path)

    def _not_read(self, error: str) -> None:
        self.notify(sanitize(error), severity="error", timeout=8, markup=False)

    def _show_article(self, article: Article, annotation_path: Path) -> None:
        self._article, self._annotation_path = article, annotation_path
        self.save_error = None
        self.disk = DiskWatch(self)  # what it knew of the last article's file is no more
        self.push_screen(AnnotateScreen(article, suggest=self.suggest))
        self.call_after_refresh(self.open_session)

    # --- back to the desk -------------------------------------------------------------

    def on_annotate_screen_left(self) -> None:
        """Save, let the article go and show the desk, that article's row read again."""
        session = self.session
        if session is None or self.save_for_leaving() is not None:
            return  # still opening; or not saved (the editor is asked, or told why)
        if self._watch_timer is not None:
            self._watch_timer.stop()
            self._watch_timer = None
        session.close()
        self.session = None
        self.pop_screen()
        path = self.annotation_path
        self.run_worker(lambda: self._read_status(path), thread=True, group="desk-status")

    def _read_status(self, path: Path) -> None:
        from factmark.desk.status import annotation_status

        status = annotation_status(path) if path.exists() else None
        if status is not None:
            self.call_from_thread(self.desk.update_article, status)

    def action_exit_unusable(self) -> None:
        """A file that cannot be read: back to the desk, nothing written (not the end)."""
        self.drop_typed_ahead()
        while self.annotate_screen is not None:
            self.pop_screen()
