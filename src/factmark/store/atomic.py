"""Writing files atomically, and knowing whether a file changed since it was read.

A save writes a temporary beside the file and renames it over the target; a
fingerprint (size, modification time, SHA-256) tells a touch from a change.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from factmark.store.problems import StoreError

TEMP_SUFFIX = ".factmark-tmp"
STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when it was read: a touch with the same bytes is no change."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, stat_result: os.stat_result) -> Fingerprint:
        return cls(stat_result.st_size, stat_result.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of an annotation file, or a StoreError saying why not."""
    try:
        with path.open("rb") as handle:
            data = handle.read()
            info = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise StoreError.single(path, "no such file") from None
    except IsADirectoryError:
        raise StoreError.single(path, "is a directory, not an annotation file") from None
    except PermissionError:
        raise StoreError.single(path, "permission denied") from None
    except OSError as error:
        raise StoreError.single(path, error.strerror or str(error)) from None
    return data, info


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None when there is no file."""
    try:
        data, info = read_bytes(path)
    except StoreError:
        return None
    return Fingerprint.of_bytes(data, info)


def changed_on_disk(path: Path, expected: Fingerprint | None) -> bool:
    """Whether the file differs from what was loaded (None: there was no file)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return expected is not None
    if expected is None:
        return True
    if info.st_size == expected.size and info.st_mtime_ns == expected.mtime_ns:
        return False
    current = fingerprint(path)
    return current is None or current.sha256 != expected.sha256


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace a file's contents so that a crash leaves the old bytes or the new.

    A temporary file in the same folder is written, flushed and fsynced, given
    the old file's mode, and renamed over the target; then the folder is
    fsynced so that the rename itself survives a crash. A symlink is written
    through to its target. Returns the path actually written.

    A path that exists and is not a regular file (``/dev/null``, a pipe), or is a
    device's name (``/dev/stdout``, even when the shell sent it to a file), is
    written to as it is, not replaced; a folder is refused.
    """
    try:
        kind: int | None = Path(path).stat().st_mode
    except OSError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    # /dev/stdout redirected to a file is a regular file, but replacing it would
    # lose what the shell wrote there before (and anything appended after).
    special = os.path.abspath(path).startswith(("/dev/", "/proc/"))
    if kind is not None and (special or not stat.S_ISREG(kind)):
        with Path(path).open("ab") as stream:  # append: never truncate what the shell wrote
            stream.write(data)
        return Path(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder it goes in does not exist", str(path))
    clean_stale_temporaries(target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:  # say so of the file asked for, not of the temporary
        raise type(error)(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(handle.fileno(), mode)
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _fsync_directory(folder)
    return target


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporaries that a crashed save of ``target`` left behind.

    A temporary is stale when the process named in it is gone, or after an
    hour. Temporaries never end in ``.toml``, so they are never read as data.
    """
    removed = []
    for candidate in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        pid_text = candidate.name[len(target.name) + 2 :].split(".", 1)[0]
        # Our own pid is alive too: another save in this process may be writing it.
        alive = pid_text.isdigit() and (
            int(pid_text) == os.getpid() or _process_alive(int(pid_text))
        )
        try:
            old = time.time() - candidate.stat().st_mtime > STALE_TEMP_SECONDS
        except FileNotFoundError:
            continue
        if not alive or old:
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
