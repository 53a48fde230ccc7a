"""Keys typed ahead: none is lost or reordered, however fast they come.

Textual hands a key to the widget that has the focus when the key arrives, and
runs the key's binding only once it has bubbled back up from there. So a key
typed before the one ahead of it has been handled goes where the focus was, not
where that key moved it: ``/`` then a search typed or pasted fast, or ``a enter
i`` (the ``i`` meant for the claim editor that ``enter`` opens) lose keys. Here
each key (and paste) waits until the one before it has been handled and what that
opened (a dialog mounts and takes its focus) is ready.

The article is also on screen before the annotations have loaded (loading them
first would delay the first paint by their parsing and anchoring), and Textual
drops a key whose action is disabled, as the annotate screen's editing actions
are until then. So a key that needs the annotations waits for them, and every key
typed after it waits behind it; moves typed before it run at once. If the
annotations cannot be loaded, the waiting keys are dropped. Keys that edit wait
likewise while a worker changes the session (reloading or merging the file,
finding the claims again after an undo).
"""

from __future__ import annotations

from collections import deque
from functools import partial

from textual import events
from textual.app import App, ScreenStackError
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from factmark.tui.screens.annotate import SESSION_WORK, AnnotateScreen

KEY_LOST_AFTER = 1.0
"""Seconds after which a key counts as handled even if no word of it came back."""

Typed = events.Key | events.Paste
"""What an editor types (a paste goes in line with the keys around it)."""


class TypeAheadApp(App[int]):
    """An app that runs the keys typed one at a time, in order (see the module)."""

    class KeyHandled(Message):
        """Follows a key through the widgets it went to: at the app, it has been handled."""

        def __init__(self, key: Typed) -> None:
            super().__init__()
            self.key = key

    def __init__(self) -> None:
        super().__init__()
        self._typed_ahead: deque[Typed] = deque()
        """Keys waiting their turn, oldest first."""
        self._in_flight: Typed | None = None
        """The key being handled (until what it started has settled)."""
        self._awaiting_annotations = False
        """Whether the oldest waiting key needs the annotations, which are not open yet."""

    def release_typed_ahead(self) -> None:
        """The annotations are open: the keys that waited for them run now, in order."""
        self._awaiting_annotations = False
        if self._in_flight is None:
            self._send_next()

    def drop_typed_ahead(self) -> None:
        """The annotations could not be loaded: the waiting keys were not meant for that."""
        self._awaiting_annotations = False
        self._typed_ahead.clear()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, Typed) and not event.is_forwarded:
            if event is not self._in_flight:
                if self._must_wait(event):
                    self._typed_ahead.append(event)
                    return
                self._in_flight = event
            await super().on_event(event)  # the bindings with priority, then to the focus
            screen = self._active_screen()
            target = screen and (self.focused or screen)  # where the key went
            if target is None or not target.post_message(self.KeyHandled(event)):
                self._settled(event)
            return
        await super().on_event(event)

    def _must_wait(self, key: Typed) -> bool:
        """Whether a key just typed waits: one ahead is not done, or it needs the annotations."""
        if self._in_flight is not None or self._typed_ahead:
            if self._in_flight is not None and not self._typed_ahead:
                self._watch(self._in_flight)
            return True
        self._awaiting_annotations = self._needs_annotations(key)
        return self._awaiting_annotations

    def _needs_annotations(self, key: Typed) -> bool:
        screen = self._active_screen()
        return (
            isinstance(key, events.Key)
            and isinstance(screen, AnnotateScreen)
            and screen.waits_for_session(key.key, busy=self._session_busy())
        )

    def _session_busy(self) -> bool:
        """Whether a worker is changing the session (reloading, merging, re-locating)."""
        return any(w.group == SESSION_WORK and not w.is_finished for w in self.workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that changed the session is done: the keys that waited for it run."""
        if event.worker.group == SESSION_WORK and event.worker.is_finished:
            self.release_typed_ahead()

    def _active_screen(self) -> Screen[object] | None:
        try:
            return self.screen
        except ScreenStackError:  # the app is closing: the screens have gone
            return None

    def _watch(self, key: Typed) -> None:
        """Let the keys behind this one go even if word of its handling gets lost.

        (It is lost if a widget it went through is removed before the word passes.)
        """
        self.set_timer(KEY_LOST_AFTER, partial(self._settled, key))

    def _send_next(self) -> None:
        """Send the oldest waiting key through Textual again (once it may go)."""
        if self._awaiting_annotations or not self._typed_ahead:
            return
        if self._needs_annotations(self._typed_ahead[0]):
            self._awaiting_annotations = True  # until release_typed_ahead
            return
        key = self._typed_ahead.popleft()
        self._in_flight = key
        if self._typed_ahead:
            self._watch(key)
        self.post_message(key)

    def on_type_ahead_app_key_handled(self, message: TypeAheadApp.KeyHandled) -> None:
        key = message.key
        screen = self._active_screen()
        # What is queued on the screen now (a dialog this key opened mounts there
        # and takes its focus) comes before the next key.
        if (
            key is self._in_flight
            and screen is not None
            and not screen.call_later(self._settled, key)
        ):
            self._settled(key)

    def _settled(self, key: Typed) -> None:
        """The key and what it started are done: the next one may go."""
        if key is self._in_flight:
            self._in_flight = None
            self._send_next()
