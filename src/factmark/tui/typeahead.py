"""Keys typed while the annotations open: held back, then run in order.

The article is on screen before the annotations have loaded (loading them first
would delay the first paint by their parsing and anchoring), and an editor who
starts at once must lose no key. Textual drops a key whose action is disabled, as
the annotate screen's editing actions are until the annotations are open. So a
key that needs them waits here, before Textual looks at any binding, and so does
every key typed after it (``a enter`` must not run ``enter`` first). Once they are
open, the held keys go through Textual again one at a time, each after the one
before it has been handled and the dialog it opened (if any) is ready, so that the
keys typed for that dialog land in it. If the annotations cannot be loaded, the
held keys are dropped.
"""

from __future__ import annotations

from collections import deque
from functools import partial

from textual import events
from textual.app import App
from textual.message import Message

from factmark.tui.screens.annotate import AnnotateScreen

KEY_LOST_AFTER = 1.0
"""Seconds after which a key sent again counts as handled even if no word of it came back."""


class TypeAheadApp(App[int]):
    """An app that holds back the keys typed before its annotations are open."""

    class KeyHandled(Message):
        """Follows a key sent again through the widgets it went to: at the app, it is handled."""

        def __init__(self, key: events.Key) -> None:
            super().__init__()
            self.key = key

    def __init__(self) -> None:
        super().__init__()
        self._typed_ahead: deque[tuple[str, str | None]] = deque()
        """Keys held back (key, character), oldest first."""
        self._replaying = False
        """Whether held keys are being sent again (a key typed meanwhile queues behind them)."""
        self._in_flight: events.Key | None = None
        """The held key sent again whose handling has not yet been seen to end."""

    def release_typed_ahead(self) -> None:
        """The annotations are open: run the held keys, in order."""
        if self._typed_ahead:
            self._replaying = True
            self._replay_next()

    def drop_typed_ahead(self) -> None:
        """The annotations could not be loaded: the held keys were not meant for that."""
        self._typed_ahead.clear()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if event is self._in_flight:
                await super().on_event(event)  # the bindings with priority, then the focus
                (self.focused or self.screen).post_message(self.KeyHandled(event))
                return
            if self._hold(event):
                return
        await super().on_event(event)

    def _hold(self, key: events.Key) -> bool:
        """Keep a key for later if it needs the annotations or an earlier key waits."""
        if not (self._replaying or self._typed_ahead):
            screen = self.screen
            if not isinstance(screen, AnnotateScreen) or not screen.waits_for_session(key.key):
                return False
        self._typed_ahead.append((key.key, key.character))
        return True

    def _replay_next(self) -> None:
        """Send the oldest held key again, or stop holding keys when none is left."""
        if not self._typed_ahead:
            self._replaying = False
            return
        key = events.Key(*self._typed_ahead.popleft())
        key.set_sender(self)  # as the terminal's keys are (else it stops bubbling early)
        self._in_flight = key
        self.post_message(key)
        # A key whose widget was removed before the word came back must not hold up the rest.
        self.set_timer(KEY_LOST_AFTER, partial(self._key_handled, key))

    def on_type_ahead_app_key_handled(self, message: KeyHandled) -> None:
        self._key_handled(message.key)

    def _key_handled(self, key: events.Key) -> None:
        if key is not self._in_flight:
            return
        self._in_flight = None
        # The next key waits for what is queued on the screen now (a dialog this key
        # opened mounts there and takes its focus) before it is sent.
        if not self.screen.call_later(self._replay_next):
            self._replay_next()
