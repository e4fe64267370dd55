"""The cache database: one SQLite file in the cache dir for derived data – the corpus files as parsed, their
analysed terms and the ranking indexes – so that a large corpus opens without parsing or building again.

Never trusted: each part (corpus, index) keeps its tables under a version of its own and makes them anew when
the version differs; a file that is not a database, or one SQLite finds damaged, is deleted and made anew; and
every caller treats any error from here as "no cache" and does the work itself (`CacheError`). Nothing the user
wrote lives here.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .locations import cache_dir

FILE_NAME = "remissdraft.sqlite3"
_PAGE_SIZE = 65536
_BUSY_MS = 10_000  # another process of the same user writing: wait this long before giving up (costs time only)
log = logging.getLogger(__name__)

class Invalid(Exception):
    """What was read from the database is not what was written there (damaged, or from another version)."""


# What a damaged, locked, full or missing database raises; callers fall back to doing the work.
CacheError = (sqlite3.Error, OSError, Invalid)


def path() -> Path:
    return cache_dir() / FILE_NAME


class Database:
    """The cache database of this process, one connection per thread. `part` names who owns a set of tables:
    `ensure(part, version, schema)` makes them (anew when the stored version differs)."""

    def __init__(self, file: Path):
        self.file = file
        self._local = threading.local()
        self._ready: set[str] = set()
        self._lock = threading.Lock()

    def connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = _connect(self.file)
            self._local.connection = connection
        return connection

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (taken at once, so two processes writing wait for each other, not deadlock)."""
        connection = self.connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()

    def ensure(self, part: str, version: str, schema: Callable[[sqlite3.Connection], None], drop: tuple[str, ...]) -> None:
        """The tables of `part` exist at `version`: else `drop` them and make them with `schema`."""
        if part in self._ready:
            return
        with self._lock:
            with self.writing() as connection:
                row = connection.execute("SELECT value FROM meta WHERE key = ?", (part,)).fetchone()
                if row is None or row[0] != version:
                    for table in drop:
                        connection.execute(f"DROP TABLE IF EXISTS {table}")
                    schema(connection)
                    connection.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (part, version))
            self._ready.add(part)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _connect(file: Path) -> sqlite3.Connection:
    """A connection to `file`, made anew when it is not a usable database."""
    file.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(2):
        try:
            connection = sqlite3.connect(file, timeout=_BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
            try:
                connection.execute(f"PRAGMA page_size={_PAGE_SIZE}")  # a new file only: the index blobs read in fewer pages
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                connection.execute("SELECT key, value FROM meta LIMIT 1").fetchall()
            except BaseException:
                connection.close()
                raise
            return connection
        except sqlite3.DatabaseError as error:  # not a database, or damaged: derived data only, so start over
            if attempt or (isinstance(error, sqlite3.OperationalError) and "locked" in str(error)):
                raise
            log.debug("cache database %s unusable (%s): made anew", file, error)
            discard(file)
    raise sqlite3.DatabaseError("unreachable")


def discard(file: Path) -> None:
    """Delete a damaged database and its journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            os.unlink(f"{file}{suffix}")


_DATABASES: dict[Path, Database] = {}
_GUARD = threading.Lock()


def database() -> Database:
    """The cache database for the current cache dir (raises one of `CacheError` when it cannot be had)."""
    file = path()
    with _GUARD:
        found = _DATABASES.get(file)
        if found is None:
            found = _DATABASES[file] = Database(file)
    found.connection()
    return found


def damaged(error: BaseException) -> bool:
    """Whether an error says the database file itself is damaged (then it is deleted and made anew)."""
    return (isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError)) or (
        isinstance(error, sqlite3.OperationalError) and "malformed" in str(error)
    )


def failed(error: BaseException) -> None:
    """After an error from the cache database: noted for debugging, and a damaged file deleted (made anew on next use)."""
    log.debug("cache database not used: %s", error)
    if damaged(error):
        forget(path())
        discard(path())


def forget(file: Path | None = None) -> None:
    """Close and drop this process's connections (after a damaged database, and in tests)."""
    with _GUARD:
        files = [file] if file is not None else list(_DATABASES)
        for name in files:
            found = _DATABASES.pop(name, None)
            if found is not None:
                found.close()
