"""Changes made to the annotation file outside factmark while it is open.

A watcher notices them. With nothing unsaved the file is reloaded; with unsaved
changes the editor chooses: merge claim by claim, reload (drop mine), or keep
mine (write over theirs, after saying what of theirs is lost). Reading the file
and merging run in a worker thread; what they give is applied on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text

from factmark.tui.screens.annotate import SESSION_WORK
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.text import excerpt, sanitize

if TYPE_CHECKING:
    from factmark.merge import Choice, Conflict
    from factmark.model import AnnotationFile, Claim
    from factmark.session import Session
    from factmark.store.atomic import Fingerprint
    from factmark.tui.app import FactmarkApp

T = TypeVar("T")

LOST_SHOWN = 4
"""Changes listed by name before "keep mine" overwrites them; the rest are counted (the
question fits 80×24 with its answers)."""
LOST_VALUE_WIDTH = 40
"""Cells of their value shown for each change "keep mine" would overwrite."""


class DiskWatch:
    """What the app does about the file changing on disk (see the module)."""

    def __init__(self, app: FactmarkApp) -> None:
        self.app = app
        self.asking = False
        """Whether the editor is being asked (or the disk read): the watcher waits."""
        self.unreadable: Fingerprint | None = None
        """An unusable version on disk already reported (once; never overwritten unasked)."""
        self.later: Fingerprint | None = None
        """A version on disk whose merge the editor left for later (asked again on saving)."""

    def _off_the_loop(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        """Run ``work`` in a worker thread, then ``then`` with its result on the event loop.

        Keys that edit wait meanwhile (see TypeAheadApp); reading keys run at once.
        """

        def run() -> None:
            result = work()
            self.app.call_from_thread(then, result)

        self.app.run_worker(run, thread=True, group=SESSION_WORK, exit_on_error=True)

    def check(self) -> None:
        """Notice a change to the file made outside this session."""
        from factmark.store import atomic

        session = self.app.session
        if session is None or self.asking or self.app.saving():
            return
        if not atomic.changed_on_disk(session.path, session.fingerprint):
            return
        on_disk = atomic.fingerprint(session.path)
        if session.dirty:
            if on_disk is None or on_disk != self.later:
                self.ask()
            return
        if on_disk is not None and on_disk == self.unreadable:
            return  # said so already; the next save will ask before replacing it
        self.asking = True

        def reloaded(error: Exception | None) -> None:
            self.asking = False
            if error is not None:
                # The session keeps the fingerprint it loaded, so no save overwrites this
                # version (a conflicted git pull, a half-done hand edit) without asking.
                self.unreadable = on_disk
                message = f"The file changed on disk and cannot be read: {error}"
                self.app.notify(sanitize(message), severity="error", timeout=10, markup=False)
                return
            self.app.refresh_screens()
            self.app.notify("The annotation file changed on disk; reloaded it.", timeout=4)

        self._off_the_loop(lambda: self._reload(session), reloaded)

    def _reload(self, session: Session) -> Exception | None:
        """Take the file as it is on disk (in a worker): the error that prevents it, if any."""
        from factmark.store.problems import StoreError

        try:
            with self.app.save_lock:
                session.reload()
        except StoreError as error:
            return error
        return None

    def ask(self) -> None:
        """The file changed on disk while there were unsaved changes: ask what to do."""
        if self.asking or self.app.session is None:
            return
        self.asking = True
        question = Text(
            f"{self.app.annotation_path} changed on disk (a git pull, another editor?) while "
            "you had unsaved changes. Nothing has been overwritten.",
            end="",
        )
        options = [
            ("merge", "Merge: take their changes and keep mine, claim by claim"),
            ("reload", "Reload: take the file as it is on disk, drop my changes"),
            ("mine", "Keep mine: write my version over theirs…"),
        ]
        self.app.push_screen(ChoiceScreen(question, options), self._answer)

    def _answer(self, choice: str | None) -> None:
        session = self.app.session
        if session is None or choice is None:
            self.asking = False
            return
        if choice == "mine":
            self._confirm_keep_mine(session)  # still asking: the watcher waits for the answer
        elif choice == "merge":
            self._merge_asking(session)  # still asking while the conflicts are
        else:

            def reloaded(error: Exception | None) -> None:
                self.asking = False
                if error is None:
                    self.app.notify("Reloaded from disk.", timeout=3)
                else:
                    self._unreadable_on_disk(error)
                self.app.refresh_screens()

            self._off_the_loop(lambda: self._reload(session), reloaded)

    def _unreadable_on_disk(self, error: Exception) -> None:
        message = sanitize(f"Cannot read the file on disk: {error}")
        self.app.notify(message, severity="error", timeout=10, markup=False)

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
        from factmark.store.problems import StoreError

        def merge() -> tuple[list[Conflict], dict[str, Claim]] | StoreError:
            try:
                conflicts = session.merge_with_disk(asked or [], choices or [])
                if not conflicts:
                    return conflicts, {}
                disk = session.disk_document()
                return conflicts, _claims_by_id(session.saved, session.document, disk)
            except StoreError as error:
                return error

        def merged(result: tuple[list[Conflict], dict[str, Claim]] | StoreError) -> None:
            if isinstance(result, StoreError):
                self.asking = False
                self._unreadable_on_disk(result)
            elif not result[0]:
                self.asking = False
                self.app.notify("Merged as you chose." if choices else "Merged cleanly.", timeout=3)
                self.app.schedule_save()
                self.app.refresh_screens()
            else:
                self._ask_about_conflicts(session, *result)

        self._off_the_loop(merge, merged)

    def _ask_about_conflicts(
        self, session: Session, conflicts: list[Conflict], names: dict[str, Claim]
    ) -> None:
        from factmark.store import atomic
        from factmark.tui.screens.conflicts import ConflictScreen, question

        def answer(chosen: list[Choice] | None) -> None:
            if chosen is not None:
                self._merge_asking(session, conflicts, chosen)
                return
            self.asking = False
            self.later = atomic.fingerprint(session.path)
            self.app.notify(
                "Nothing merged yet: you will be asked again at the next save.", timeout=5
            )

        heading = sanitize(
            f"{self.app.annotation_path.name} changed on disk while you had unsaved changes, "
            "and both changed the same things. Nothing is merged until you choose:"
        )
        asked_now = [question(conflict, names) for conflict in conflicts]
        self.app.push_screen(ConflictScreen(heading, asked_now), answer)

    def _confirm_keep_mine(self, session: Session) -> None:
        from factmark.store.problems import StoreError

        try:
            what = _what_keeping_mine_loses(session)
        except StoreError as error:
            what = Text(
                sanitize(f"Write your version anyway? The file on disk is not readable ({error}) "
                         "and will be replaced."), end="")  # fmt: skip

        def answer(choice: str | None) -> None:
            self.asking = False
            if choice == "write":
                try:
                    session.keep_mine()
                except (OSError, StoreError) as error:
                    self.app.save_failed(str(error))
                self.app.refresh_screens()

        self.app.push_screen(
            ChoiceScreen(what, [("cancel", "Cancel"), ("write", "Write mine anyway")]), answer
        )


def _what_keeping_mine_loses(session: Session) -> Text:
    """The question before writing mine over theirs: their changes that would be lost."""
    from factmark.tui.screens.conflicts import question

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
    return what


def _claims_by_id(*documents: AnnotationFile) -> dict[str, Claim]:
    """Every claim of these documents by id, the later document's where both have it."""
    return {claim.id: claim for document in documents for claim in document.claims}
