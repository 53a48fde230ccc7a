"""A lock on an article, so that a second factmark on it opens read-only."""

from __future__ import annotations

import contextlib
import fcntl
from pathlib import Path
from typing import IO


class ArticleLock:
    """An advisory lock on the article, so that a second factmark opens read-only.

    The article itself is locked (``flock`` on a read-only descriptor): no
    lock file is left behind in the repository, and the lock goes with the
    process however it ends.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        handle = self.path.open("rb")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
