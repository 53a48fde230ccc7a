"""The other end of a link as the TUI names it, and the quotes of claims in other files.

A link may point into another article's annotation file (``to = "harbour.toml#hbr002"``,
docs/format.md). Such a claim is not in the open document: it is named by that reference,
and its quote is read from the other file in a worker thread, once, then shown wherever
the link is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from factmark.crossfile import CrossFiles
    from factmark.linkview import LinkView
    from factmark.model import AnnotationFile

QuoteOf = Callable[[str], str | None]
"""The quote of the claim a cross-file reference names, if known yet."""


def no_quotes(ref: str) -> str | None:
    return None


def other_end(view: LinkView, document: AnnotationFile, quote_of: QuoteOf = no_quotes) -> str:
    """The claim at the other end of a link: its quote when this document holds it; a claim
    of another file by its reference, with its quote once read (plain, untrusted text)."""
    other = view.other
    if view.link.cross_file and other == view.link.target:
        quote = quote_of(other)
        return other if quote is None else f"{other} “{quote}”"
    quote = view.other_quote(document)
    return other if quote is None else quote


class OtherFiles:
    """The quotes of the claims that links name in other annotation files, each file read
    once off the event loop; ``on_read`` runs on the event loop after a quote arrives."""

    def __init__(self, app: App[object], annotation_path: Path, on_read: Callable[[], None]):
        self.app = app
        self.annotation_path = annotation_path
        self.on_read = on_read
        self._quotes: dict[str, str | None] = {}
        self._asked: set[str] = set()
        self._files: CrossFiles | None = None
        self._lock = threading.Lock()

    def quote(self, ref: str) -> str | None:
        """The quote if read; else None, and the reading starts (once per reference)."""
        if ref in self._quotes:
            return self._quotes[ref]
        if ref not in self._asked:
            self._asked.add(ref)
            self.app.run_worker(lambda: self._read(ref), thread=True, group="other-files")
        return None

    def _read(self, ref: str) -> None:
        from factmark.crossfile import CrossFileError, CrossFiles

        with self._lock:
            if self._files is None:
                self._files = CrossFiles(self.annotation_path)
            try:
                quote: str | None = self._files.claim(ref).quote
            except CrossFileError:
                quote = None
        self.app.call_from_thread(self._found, ref, quote)

    def _found(self, ref: str, quote: str | None) -> None:
        self._quotes[ref] = quote
        if quote is not None and self.app.is_running:
            self.on_read()
