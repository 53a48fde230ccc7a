"""The archive's index: SQLite with FTS5, a cache of the annotation files, never the truth.

All of the archive's SQL is in this module (docs/archive.md says how it maps
onto another database). The index lives in the repository's git folder
(``factmark/``), or in the user's cache folder outside a repository; it is
brought up to date from the files by their sizes, times and content hashes
before every search, rebuilt when missing, outdated or unreadable, and can be
deleted at any time. Several factmark processes may use it at once: it is in
WAL mode, and a writer waits its turn.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from factmark.desk import archive

SCHEMA_VERSION = 2
BATCH = 256
"""Files read and written per transaction: a reader waits for no more than one batch."""
BUSY_MS = 60_000

_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    article TEXT NOT NULL,
    problem TEXT NOT NULL
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    file INTEGER NOT NULL,
    claim TEXT NOT NULL,
    quote TEXT NOT NULL,
    context TEXT NOT NULL,
    verdict TEXT NOT NULL,
    paragraph INTEGER,
    author TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX claims_file ON claims(file);
CREATE INDEX claims_verdict ON claims(verdict);
CREATE INDEX claims_updated ON claims(updated);
CREATE TABLE tags (claim INTEGER NOT NULL, tag TEXT NOT NULL COLLATE NOCASE);
CREATE INDEX tags_tag ON tags(tag);
CREATE INDEX tags_claim ON tags(claim);
CREATE VIRTUAL TABLE claim_terms USING fts5(
    quote, context, tokenize = "unicode61 remove_diacritics 2 tokenchars '.'"
);
"""
"""``claim_terms`` holds each claim's stemmed terms (``terms.index_terms``); rowid = claims.id."""

_COLUMNS = (
    "files.path, files.article, claims.claim, claims.quote, claims.context, claims.verdict, "
    "claims.paragraph, claims.author, claims.updated"
)


class IndexCorrupt(Exception):
    """The index file is not a database factmark can use."""


@dataclass(frozen=True)
class Row:
    """A claim as the index returns it, with its file and article (relative to the root)."""

    path: str
    article: str
    claim: str
    quote: str
    context: str
    verdict: str
    paragraph: int | None
    author: str
    updated: str
    rank: float = 0.0
    """FTS5's bm25 of the claim for the query: higher is better (0 without words)."""


def location(root: Path) -> Path:
    """Where the index of the archive at ``root`` lives (one per work tree)."""
    from factmark.gitio.git import GitError, run_git

    name = f"archive-{hashlib.sha256(os.fsencode(root)).hexdigest()[:16]}.sqlite3"
    with contextlib.suppress(GitError, OSError):
        result = run_git(["rev-parse", "--git-common-dir"], root, check=False)
        common = result.stdout.decode("utf-8", "surrogateescape").strip()
        if result.returncode == 0 and common:
            return (root / common / "factmark" / name).absolute()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "factmark" / name


def connect(path: Path) -> sqlite3.Connection:
    """The index at ``path``, created if missing; IndexCorrupt if it is not one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        _use_wal(connection)
        connection.execute("PRAGMA synchronous = NORMAL")
        _ensure_schema(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            raise
        raise IndexCorrupt(str(error)) from None
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Write-ahead logging, so that readers never wait for a writer.

    Switching a new index to WAL needs it alone, and SQLite answers "locked" at
    once rather than waiting while another process opens it too: try again
    until the busy timeout.
    """
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _ensure_schema(connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        connection.execute("SELECT count(*) FROM files WHERE id = 0").fetchone()
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            for table in ("claim_terms", "tags", "claims", "files"):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def discard(path: Path) -> None:
    """Delete the index file and its journal (the files are the truth: it is rebuilt)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


Known = tuple[int, int, str]
"""A file's size, modification time (ns) and SHA-256, as indexed."""


def known_files(connection: sqlite3.Connection) -> dict[str, Known]:
    rows = connection.execute("SELECT path, size, mtime_ns, sha256 FROM files")
    return {path: (size, mtime, sha) for path, size, mtime, sha in rows}


def problems(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """(path, why) of every file left out because it could not be read."""
    rows = connection.execute("SELECT path, problem FROM files WHERE problem != '' ORDER BY path")
    return [(path, problem) for path, problem in rows]


@contextlib.contextmanager
def _writing(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")  # one writer at a time; the others wait
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def forget(connection: sqlite3.Connection, paths: Iterable[str]) -> None:
    """Drop files (gone from the work tree) and their claims."""
    with _writing(connection):
        for path in paths:
            _delete(connection, path)


def _delete(connection: sqlite3.Connection, path: str) -> None:
    row = connection.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
    if row is None:
        return
    claims = "SELECT id FROM claims WHERE file = ?"
    connection.execute(f"DELETE FROM claim_terms WHERE rowid IN ({claims})", row)
    connection.execute(f"DELETE FROM tags WHERE claim IN ({claims})", row)
    connection.execute("DELETE FROM claims WHERE file = ?", row)
    connection.execute("DELETE FROM files WHERE id = ?", row)


def store(connection: sqlite3.Connection, files: Sequence[archive.ArchivedFile]) -> None:
    """Write files read from disk in one transaction (a file another process wrote is kept)."""
    with _writing(connection):
        for file in files:
            current = connection.execute(
                "SELECT size, mtime_ns, sha256 FROM files WHERE path = ?", (file.path,)
            ).fetchone()
            if current == (file.size, file.mtime_ns, file.sha256):
                continue
            if file.same and current is not None:
                connection.execute(
                    "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                    (file.size, file.mtime_ns, file.path),
                )
                continue
            _delete(connection, file.path)
            _insert(connection, file)


def _insert(connection: sqlite3.Connection, file: archive.ArchivedFile) -> None:
    cursor = connection.execute(
        "INSERT INTO files (path, size, mtime_ns, sha256, article, problem) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (file.path, file.size, file.mtime_ns, file.sha256, file.article, file.problem),
    )
    file_id = cursor.lastrowid
    for claim in file.claims:
        cursor = connection.execute(
            "INSERT INTO claims (file, claim, quote, context, verdict, paragraph, author, "
            "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (file_id, claim.claim, claim.quote, claim.context, claim.verdict,
             claim.paragraph, claim.author, claim.updated),
        )  # fmt: skip
        rowid = cursor.lastrowid
        connection.execute(
            "INSERT INTO claim_terms (rowid, quote, context) VALUES (?, ?, ?)",
            (rowid, claim.quote_terms, claim.context_terms),
        )
        connection.executemany(
            "INSERT INTO tags (claim, tag) VALUES (?, ?)", ((rowid, tag) for tag in claim.tags)
        )


def _phrase(terms: Sequence[str]) -> str:
    """Terms as one FTS5 phrase: quoted, so no term is read as an operator."""
    return '"' + " ".join(term.replace('"', '""') for term in terms) + '"'


def _filters(verdict: str | None, tag: str | None) -> tuple[str, list[object]]:
    where: list[str] = []
    values: list[object] = []
    if verdict is not None:
        where.append("claims.verdict = ?")
        values.append(verdict)
    if tag is not None:
        where.append("claims.id IN (SELECT claim FROM tags WHERE tag = ?)")
        values.append(tag)
    return "".join(f" AND {condition}" for condition in where), values


def search(
    connection: sqlite3.Connection,
    phrases: Sequence[Sequence[str]],
    *,
    verdict: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Claims holding every phrase (stemmed terms), best first; all claims when none is given."""
    extra, values = _filters(verdict, tag)
    bound = "" if limit is None else f" LIMIT {int(limit)}"
    phrases = [phrase for phrase in phrases if phrase]
    if not phrases:
        sql = (
            f"SELECT {_COLUMNS}, 0.0 FROM claims JOIN files ON files.id = claims.file "
            f"WHERE 1{extra} ORDER BY claims.updated DESC, files.path, claims.paragraph{bound}"
        )
        return [Row(*row) for row in connection.execute(sql, values)]
    match = " AND ".join(_phrase(phrase) for phrase in phrases)
    return _ranked(connection, match, extra, values, bound)


def candidates(
    connection: sqlite3.Connection, terms: Sequence[str], limit: int, *, exclude: str = ""
) -> list[Row]:
    """The ``limit`` claims that share most of the (rarest) terms, by bm25, best first."""
    terms = list(dict.fromkeys(term for term in terms if term))
    if not terms:
        return []
    match = " OR ".join(_phrase([term]) for term in terms)
    extra, values = (" AND files.path != ?", [exclude]) if exclude else ("", [])
    return _ranked(connection, match, extra, values, f" LIMIT {int(limit)}")


def others(
    connection: sqlite3.Connection, limit: int, *, but: Sequence[Row] = (), exclude: str = ""
) -> list[Row]:
    """Up to ``limit`` claims not in ``but`` nor in the file ``exclude``, latest changed first."""
    taken = {(row.path, row.claim) for row in but}
    sql = (
        f"SELECT {_COLUMNS}, 0.0 FROM claims JOIN files ON files.id = claims.file "
        "WHERE files.path != ? ORDER BY claims.updated DESC, claims.id DESC LIMIT ?"
    )
    rows = connection.execute(sql, (exclude, limit + len(taken)))
    return [Row(*row) for row in rows if (row[0], row[2]) not in taken][:limit]


def _ranked(
    connection: sqlite3.Connection, match: str, extra: str, values: Sequence[object], bound: str
) -> list[Row]:
    sql = (
        f"SELECT {_COLUMNS}, -bm25(claim_terms, 1.0, 1.5) AS rank FROM claim_terms "
        "JOIN claims ON claims.id = claim_terms.rowid JOIN files ON files.id = claims.file "
        f"WHERE claim_terms MATCH ?{extra} "
        f"ORDER BY bm25(claim_terms, 1.0, 1.5), files.path, claims.paragraph, claims.claim{bound}"
    )
    return [Row(*row) for row in connection.execute(sql, [match, *values])]


def claim_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM claims").fetchone()[0])
