"""Progress of a long index build: a bar on a terminal's stderr, nothing when it is piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SHOWN_FROM = 200
"""Files to read before a bar is worth showing: fewer take a moment."""

Advance = Callable[[int], None]


@contextmanager
def reading(total: int) -> Iterator[Advance]:
    """A callback that advances a bar of ``total`` files, shown only on a terminal."""
    if total < SHOWN_FROM or not sys.stderr.isatty():
        yield lambda _count: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress("indexing the archive", *columns, console=console, transient=True) as bar:
        task = bar.add_task("index", total=total)
        yield lambda count: bar.advance(task, count)
