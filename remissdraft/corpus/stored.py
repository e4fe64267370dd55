"""The corpus as kept in the cache database (`cachedb`): each corpus file's snippets as parsed, brought up to
date file by file – a file whose size and modification time are as recorded is not read; one whose content hash
is unchanged is not parsed; a new or changed file costs its own parse, a deleted one its rows – and the snippets
of a loaded corpus fetched from there when asked for (`StoredSnippets`), so 100 000 of them are not held in
memory when a screen shows ten.

Two processes (two users of a shared corpus folder, or the app and the command line) may bring the same
database up to date at the same time: each file's rows are replaced in one transaction, so either process's
result is whole.
"""

from __future__ import annotations

import functools
import hashlib
import json
import operator
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import cachedb
from ..model import Snippet, Source

VERSION = "corpus-2"
_RACY_NS = 2_000_000_000  # a file changed this soon before it was recorded may change again unseen: hash it next time
_FETCH = 500  # rows per query when iterating
_KEEP_ROWS = 4096  # snippets kept in memory once fetched
_VIEWS_KEPT = 8
_SOURCE = tuple(Source.__dataclass_fields__)
_COLUMNS = ("id", "text", "stance", "topics", "kind", "section_key", "original",
            "organisation", "namnd", "dnr", "datum", "title", "section", "remiss_dnr", "source_file")
_TABLES = ("corpus_files", "corpus_snippets", "corpus_views")
_WRITTEN = ("stance", "topics", "kind", "organisation", "namnd", "dnr", "title", "section", "remiss_dnr", "source_file",
            "terms")  # what `FolderState.store` hands on of each row: what an index is built from, not the texts
_WRITTEN_AT = tuple(1 + _COLUMNS.index(name) for name in _WRITTEN[:-1])  # where in a `snippet_row`

Progress = Callable[[int, int], None]


def _schema(connection) -> None:
    connection.execute(
        "CREATE TABLE corpus_files(id INTEGER PRIMARY KEY AUTOINCREMENT, folder TEXT NOT NULL, path TEXT NOT NULL UNIQUE,"
        " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, checked_ns INTEGER NOT NULL, digest TEXT NOT NULL,"
        " problems TEXT NOT NULL, analysis TEXT NOT NULL)"
    )
    connection.execute("CREATE INDEX corpus_files_folder ON corpus_files(folder)")
    connection.execute(
        "CREATE TABLE corpus_snippets(n INTEGER PRIMARY KEY AUTOINCREMENT, file INTEGER NOT NULL, position INTEGER NOT NULL,"
        " norm INTEGER NOT NULL, " + ", ".join(f"{column} TEXT NOT NULL" for column in _COLUMNS) + ", terms TEXT)"
    )
    connection.execute("CREATE INDEX corpus_snippets_file ON corpus_snippets(file, position)")
    connection.execute("CREATE TABLE corpus_views(key TEXT PRIMARY KEY, rows BLOB NOT NULL, used REAL NOT NULL)")


def database() -> cachedb.Database:
    db = cachedb.database()
    db.ensure("corpus", VERSION, _schema, _TABLES)
    return db


def norm_key(normalized: str) -> int:
    """The identity of a snippet's normalised text as a signed 64-bit number (duplicates are found by it)."""
    return int.from_bytes(hashlib.blake2b(normalized.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)


def snippet_row(snippet: Snippet, normalized: str) -> tuple:
    """A snippet as stored: its normalised text's key and every field."""
    source = snippet.source
    return (norm_key(normalized), snippet.id, snippet.text, snippet.stance, topics_json(snippet.topics),
            snippet.kind, snippet.section_key, snippet.original, *(getattr(source, name) for name in _SOURCE))


def topics_json(topics: list[str]) -> str:
    """`json.dumps(topics, ensure_ascii=False)`, without the encoder for the usual plain topic or two."""
    if not topics:
        return "[]"
    if all(topic.isprintable() and '"' not in topic and "\\" not in topic for topic in topics):
        return '["' + '", "'.join(topics) + '"]'
    return json.dumps(topics, ensure_ascii=False)


def row_snippet(row: tuple) -> Snippet:
    """The Snippet of a `snippet_row`."""
    return _snippet(row[1:])


def _snippet(row: Sequence) -> Snippet:
    """A Snippet from the stored columns (in `_COLUMNS` order)."""
    topics = _topics(row[3])
    if not all(isinstance(value, str) for value in row):
        raise cachedb.Invalid("snippet")
    return Snippet(id=row[0], text=row[1], stance=row[2], topics=topics, kind=row[4], section_key=row[5], original=row[6],
                   source=Source(*row[7:15]))


def _topics(text: object) -> list[str]:
    if not isinstance(text, str):
        raise cachedb.Invalid("topics")
    return list(_parsed_topics(text))


@functools.lru_cache(maxsize=4096)
def _parsed_topics(text: str) -> tuple[str, ...]:
    """The topics of a stored JSON list, each distinct list parsed once (a yttrande's snippets share theirs)."""
    try:
        topics = json.loads(text)
    except ValueError:
        raise cachedb.Invalid("topics") from None
    if not isinstance(topics, list) or not all(isinstance(topic, str) for topic in topics):
        raise cachedb.Invalid("topics")
    return tuple(topics)


@dataclass
class DiskFile:
    """A corpus file found on disk (its path as a string), as stat saw it."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Analysis:
    """A text analysis run on every snippet text as it is parsed, its result kept with the snippet (the ranking's
    terms): `target` names a module-level function of remissdraft ("module:function") from a list of texts, and
    their identity keys (`store.normalized_texts`, which it may use in place of the texts), to one string per text;
    `signature` names what its result depends on."""

    signature: str
    target: str


@dataclass
class Read:
    """What reading one file gave: a problem (it could not be read), or its size, time and content hash and –
    unless the content is the one recorded (`unchanged`) – its snippet rows (`snippet_row`), their analysis and
    the problems parsing met."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    rows: list[tuple] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    problem: str = ""
    unchanged: bool = False
    terms: list[str] | None = None


class Written:
    """The rows written in this process (`FolderState.store`): their numbers in the order written and, per field of
    `_WRITTEN`, their values in that order – what an index built right after is made from without reading it back."""

    def __init__(self) -> None:
        self.numbers: list[int] = []
        self.values: list[list] = [[] for _ in _WRITTEN]

    def add(self, numbers: Sequence[int], rows: list[tuple], terms: Sequence[str | None]) -> None:
        if not rows:
            return
        self.numbers.extend(numbers)
        fields = list(zip(*rows))
        for values, at in zip(self.values, _WRITTEN_AT):
            values.extend(fields[at])
        self.values[-1].extend(terms)

    def __len__(self) -> int:
        return len(self.numbers)

    def positions(self, numbers) -> tuple[list[int], bool]:
        """Where each of these row numbers (a numpy array) is among the written ones, -1 where it is not; and
        whether all are."""
        import numpy as np

        written = np.asarray(self.numbers, np.int64)
        order = np.argsort(written, kind="stable")
        ordered = written[order]
        at = np.minimum(np.searchsorted(ordered, numbers), max(len(ordered) - 1, 0))
        found = ordered[at] == numbers if len(ordered) else np.zeros(len(numbers), bool)
        positions = np.where(found, order[at] if len(ordered) else 0, -1)
        return positions.tolist(), bool(found.all())


class FolderState:
    """What the database knows of a folder's files, and bringing it up to date."""

    def __init__(self, db: cachedb.Database, folder: Path):
        self.db = db
        self.folder = str(folder)
        rows = db.connection().execute(
            "SELECT id, path, size, mtime_ns, checked_ns, digest, analysis FROM corpus_files WHERE folder = ?", (self.folder,)
        ).fetchall()
        self.known = {row[1]: row for row in rows}
        self.order: dict[str, list[tuple[int, int]]] = {}  # the rows written now, per file: (number, identity key)

    def unchanged(self, found: DiskFile, analysis: str | None) -> bool:
        """Recorded with this size and modification time (and, when asked for, with this analysis), and not so
        soon after a change that it may have changed again unseen."""
        row = self.known.get(found.path)
        return (row is not None and row[2] == found.size and row[3] == found.mtime_ns and found.mtime_ns < row[4] - _RACY_NS
                and (analysis is None or row[6] == analysis))

    def as_recorded(self, found: DiskFile) -> bool:
        """Recorded with this very size and modification time (unchanged, unless it changed again within the
        time's resolution: `unchanged` has it hashed again)."""
        row = self.known.get(found.path)
        return row is not None and row[2] == found.size and row[3] == found.mtime_ns

    def digest_of(self, path: str, analysis: str | None) -> str | None:
        """The recorded content hash, when the file's rows are of use as they are (not when they lack the
        analysis asked for)."""
        row = self.known.get(path)
        return row[5] if row and (analysis is None or row[6] == analysis) else None

    def drop(self, gone: list[str]) -> None:
        """Forget files that are no longer there."""
        if gone:
            with self.db.writing() as connection:
                for path in gone:
                    self._delete(connection, path)
                connection.execute("DELETE FROM corpus_views")

    def store(self, batch: list[Read], analysis: str, written: Written) -> None:
        """Record a batch of files read, in one transaction: new times of unchanged content, new rows of changed
        files (replacing their old ones). A file that could not be read keeps its old rows (it is not used).
        What an index is built from of the rows written (`_WRITTEN`) is added to `written`: an index built
        right after need not read it back."""
        now = time.time_ns()
        changed = [item for item in batch if not item.problem and not item.unchanged]
        touched = [item for item in batch if item.unchanged]
        if not changed and not touched:
            return
        with self.db.writing() as connection:
            connection.executemany("UPDATE corpus_files SET size = ?, mtime_ns = ?, checked_ns = ? WHERE path = ?",
                                   [(item.size, item.mtime_ns, now, item.path) for item in touched])
            for item in changed:
                if item.path in self.known:
                    self._delete(connection, item.path)
                cursor = connection.execute(
                    "INSERT INTO corpus_files(folder, path, size, mtime_ns, checked_ns, digest, problems, analysis)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.folder, item.path, item.size, item.mtime_ns, now, item.digest,
                     json.dumps(item.problems, ensure_ascii=False), analysis if item.terms is not None else ""),
                )
                file_id = cursor.lastrowid
                terms = item.terms if item.terms is not None else [None] * len(item.rows)
                connection.executemany(
                    f"INSERT INTO corpus_snippets(file, position, norm, {', '.join(_COLUMNS)}, terms)"
                    f" VALUES ({', '.join('?' * (len(_COLUMNS) + 4))})",
                    [(file_id, position, *row, term) for position, (row, term) in enumerate(zip(item.rows, terms))],
                )
                low, high, count = connection.execute("SELECT min(n), max(n), count(*) FROM corpus_snippets WHERE file = ?",
                                                      (file_id,)).fetchone()
                if count and high - low + 1 == count == len(item.rows):  # one insert under the write lock: numbers in a row
                    numbers: Sequence[int] = range(low, high + 1)
                else:
                    numbers = [n for n, in connection.execute("SELECT n FROM corpus_snippets WHERE file = ? ORDER BY position", (file_id,))]
                written.add(numbers, item.rows, terms)
                self.order[item.path] = [(n, row[0]) for n, row in zip(numbers, item.rows)]
            if changed:
                connection.execute("DELETE FROM corpus_views")  # they name rows by number: made again when asked for

    @staticmethod
    def _delete(connection, path: str) -> None:
        connection.execute("DELETE FROM corpus_snippets WHERE file IN (SELECT id FROM corpus_files WHERE path = ?)", (path,))
        connection.execute("DELETE FROM corpus_files WHERE path = ?", (path,))


def problems_of(db: cachedb.Database, paths: list[str]) -> dict[str, list[str]]:
    """The recorded problems of these files (only those that have any)."""
    found: dict[str, list[str]] = {}
    connection = db.connection()
    for start in range(0, len(paths), _FETCH):
        chunk = paths[start : start + _FETCH]
        query = f"SELECT path, problems FROM corpus_files WHERE problems != '[]' AND path IN ({', '.join('?' * len(chunk))})"
        for path, problems in connection.execute(query, chunk):
            found[path] = _topics(problems)  # a list of texts too
    return found


def view_key(paths: list[str], db: cachedb.Database, unique: bool = True) -> str:
    """The key of the corpus these files make, in this order: their content hashes (and whether duplicates count once)."""
    connection = db.connection()
    digests: dict[str, str] = {}
    names = paths
    for start in range(0, len(names), _FETCH):
        chunk = names[start : start + _FETCH]
        digests.update(connection.execute(f"SELECT path, digest FROM corpus_files WHERE path IN ({', '.join('?' * len(chunk))})", chunk))
    if len(digests) != len(names) or not all(isinstance(value, str) for value in digests.values()):
        raise cachedb.Invalid("files")
    ordered = [digests[name] for name in names]
    return hashlib.blake2b("\n".join(["view" if unique else "all", VERSION, *ordered]).encode(), digest_size=16).hexdigest()


def live_rows(db: cachedb.Database, key: str, paths: list[str], unique: bool = True,
              written: dict[str, list[tuple[int, int]]] | None = None):
    """The rows (numpy int64 array of row numbers) of the corpus these files make in this order, with
    duplicates once when `unique` (the first of equal texts): stored under `key`, or worked out (and stored).
    `written`: the rows (number, identity key) of files written just now, which need not be read back."""
    import numpy as np

    connection = db.connection()
    row = connection.execute("SELECT rows FROM corpus_views WHERE key = ?", (key,)).fetchone()
    if row is not None:
        with db.writing() as writer:
            writer.execute("UPDATE corpus_views SET used = ? WHERE key = ?", (time.time(), key))
        return np.frombuffer(row[0], np.int64)
    written = written or {}
    names = [name for name in paths if name not in written]
    ids: dict[str, int] = {}
    for chunk in _chunks(names, _FETCH):
        ids.update(connection.execute(f"SELECT path, id FROM corpus_files WHERE path IN ({', '.join('?' * len(chunk))})", chunk))
    if len(ids) != len(names):
        raise cachedb.Invalid("files")
    by_file: dict[int, list[tuple[int, int, int]]] = {}
    for chunk in _chunks(list(ids.values()), _FETCH):
        query = f"SELECT file, position, n, norm FROM corpus_snippets WHERE file IN ({', '.join('?' * len(chunk))})"
        for file_id, position, n, norm in connection.execute(query, chunk):
            by_file.setdefault(file_id, []).append((position, n, norm))
    seen: set[int] = set()
    kept: list[int] = []
    for name in paths:
        found = written[name] if name in written else [(n, norm) for _, n, norm in sorted(by_file.get(ids[name], ()))]
        for n, norm in found:
            if norm not in seen or not unique:
                seen.add(norm)
                kept.append(n)
    rows = np.asarray(kept, np.int64)
    with db.writing() as writer:
        writer.execute("INSERT OR REPLACE INTO corpus_views(key, rows, used) VALUES (?, ?, ?)", (key, rows.tobytes(), time.time()))
        writer.execute(f"DELETE FROM corpus_views WHERE key NOT IN (SELECT key FROM corpus_views ORDER BY used DESC LIMIT {_VIEWS_KEPT})")
    return rows


class StoredSnippets(Sequence[Snippet]):
    """The snippets of a loaded corpus, in order, fetched from the cache database when asked for (the last few
    thousand kept). `key` names the content: the same files give the same key. Snippets added in this process
    (`append`) are held in memory after the stored ones. Should the database fail while in use, the corpus is
    read from its files once more (`reload`) and held in memory from then on."""

    def __init__(self, db: cachedb.Database, key: str, rows, reload: Callable[[], list[Snippet]], analysis: str | None = None,
                 written: Written | None = None):
        self._db = db
        self._rows = rows
        self._base_key = key
        self._written = written  # rows just written (`FolderState.store`): the first `column_lists` need not read them
        self.analysis = analysis  # the signature of the analysis every stored snippet's "terms" hold, if any
        self._reload = reload
        self._memory: list[Snippet] | None = None
        self._extra: list[Snippet] = []
        self._kept: dict[int, Snippet] = {}
        self._numbers: list[int] | None = None
        self._lock = threading.Lock()

    # --- the sequence -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return (len(self._memory) if self._memory is not None else len(self._rows)) + len(self._extra)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError(index)
        stored = len(self) - len(self._extra)
        if index >= stored:
            return self._extra[index - stored]
        if self._memory is not None:
            return self._memory[index]
        n = int(self._rows[index])
        found = self._kept.get(n)
        if found is None:
            fetched = self._fetch([n])
            if fetched is None:
                return self[index]
            found = fetched[n]
        return found

    def __iter__(self) -> Iterator[Snippet]:
        stored = len(self) - len(self._extra)
        position = 0
        while position < stored:
            if self._memory is not None:
                yield from self._memory[position:]
                break
            chunk = [int(n) for n in self._rows[position : position + _FETCH]]
            fetched = self._fetch(chunk, keep=False)
            if fetched is None:
                continue  # now in memory
            for n in chunk:
                yield fetched[n]
            position += len(chunk)
        yield from list(self._extra)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, StoredSnippets)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: object) -> list[Snippet]:
        if isinstance(other, (list, tuple, StoredSnippets)):
            return [*self, *other]
        return NotImplemented

    def __radd__(self, other: object) -> list[Snippet]:
        if isinstance(other, (list, tuple)):
            return [*other, *self]
        return NotImplemented

    def holds_id(self, snippet_id: str) -> bool:
        """Whether a snippet of this id is among these (looked up, not read one by one)."""
        if self._memory is not None:
            return any(snippet.id == snippet_id for snippet in self._memory) or any(s.id == snippet_id for s in self._extra)
        try:
            found = {n for n, in self._db.connection().execute("SELECT n FROM corpus_snippets WHERE id = ?", (snippet_id,))}
        except cachedb.CacheError:
            self._fall_back()
            return self.holds_id(snippet_id)
        return bool(found & set(self._row_numbers())) or any(snippet.id == snippet_id for snippet in self._extra)

    def of_kind(self, kind: str, longest: int | None = None, containing: tuple[str, ...] = ()) -> list[Snippet]:
        """The snippets of one kind ("standardtext": a few among many positions), in order, looked up rather than
        read one by one. With `longest` and `containing` (patterns of SQL's LIKE, ASCII case ignored) the stored
        ones are only those at most that many characters long whose text holds one of the patterns: a coarse
        cut, which the caller refines (the snippets added in this process, or read again after the database
        failed, are all handed out)."""
        if self._memory is None:
            condition, parameters = "kind = ?", list[object]([kind])
            if longest is not None:
                condition += " AND length(text) <= ?"
                parameters.append(longest)
            if containing:
                condition += f" AND ({' OR '.join(['text LIKE ?'] * len(containing))})"
                parameters += containing
            try:
                query = f"SELECT n FROM corpus_snippets WHERE {condition}"
                numbers = {n for n, in self._db.connection().execute(query, parameters)}
                wanted = [n for n in self._row_numbers() if n in numbers]
                fetched = {} if not wanted else self._fetch_all(wanted)
                if fetched is not None:
                    return [fetched[n] for n in wanted] + [s for s in self._extra if s.kind == kind]
            except cachedb.CacheError:
                self._fall_back()
        return [snippet for snippet in self if snippet.kind == kind]

    def _row_numbers(self) -> list[int]:
        if self._numbers is None:
            self._numbers = [int(n) for n in self._rows]
        return self._numbers

    def _fetch_all(self, numbers: list[int]) -> dict[int, Snippet] | None:
        found: dict[int, Snippet] = {}
        for chunk in _chunks(numbers, _FETCH):
            fetched = self._fetch(chunk, keep=False)
            if fetched is None:
                return None
            found.update(fetched)
        return found

    def append(self, snippet: Snippet) -> None:
        """A snippet added in this process (the user's own position): held in memory, after the stored ones."""
        self._extra.append(snippet)

    # --- what the ranking index reads -------------------------------------------------------------------

    @property
    def key(self) -> str:
        """The identity of the content: the files' hashes in order, and any snippets added since."""
        if not self._extra:
            return self._base_key
        extra = json.dumps([snippet_row(s, "")[1:] for s in self._extra], ensure_ascii=False)
        return hashlib.blake2b(f"{self._base_key}\n{extra}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    @property
    def stored(self) -> bool:
        """Whether the snippets are still served from the database (not held in memory after a failure)."""
        return self._memory is None

    def columns(self, names: tuple[str, ...]) -> list[tuple]:
        """Per stored snippet, in order, the values of these columns (`column_lists` a snippet at a time)."""
        return list(zip(*self.column_lists(names))) if len(self._rows) else []

    def column_lists(self, names: tuple[str, ...]) -> list[list]:
        """Per column (of `_COLUMNS`; "topics" as a list), the values of every stored snippet, in order: what an
        index is built from, without making Snippets; "terms": what `analysis` gave. Rows written just now are
        not read back (the first time). Raises one of `cachedb.CacheError` when the database fails."""
        written, self._written = self._written, None
        import numpy as np

        rows = np.asarray(self._rows, np.int64)
        numbers = rows.tolist()
        usable = written is not None and len(written) > 0 and all(name in _WRITTEN for name in names)
        positions, complete = written.positions(rows) if usable else ([-1] * len(numbers), False)  # type: ignore[union-attr]
        fetched = {} if complete else self._fetched([n for n, at in zip(numbers, positions) if at < 0], ", ".join(names))
        result: list[list] = []
        for column, name in enumerate(names):
            kept = written.values[_WRITTEN.index(name)] if usable else []  # type: ignore[union-attr]  # usable: written
            if complete:
                values = _picked(kept, positions)
            else:
                values = [kept[at] if at >= 0 else fetched[n][column] for n, at in zip(numbers, positions)]
            result.append(_topic_lists(values) if name == "topics" else values)
        return result

    def _fetched(self, numbers: list[int], wanted: str) -> dict[int, tuple]:
        """The `wanted` columns (joined by commas) of these stored rows, by row number; a row the database does
        not have makes it invalid."""
        connection = self._db.connection()
        found: dict[int, tuple] = {}
        for chunk in _chunks(numbers, _FETCH):
            query = f"SELECT n, {wanted} FROM corpus_snippets WHERE n IN ({', '.join('?' * len(chunk))})"
            found.update((row[0], row[1:]) for row in connection.execute(query, chunk))
        if len(found) != len(set(numbers)):
            raise cachedb.Invalid("rows")
        return found

    def column_batches(self, names: tuple[str, ...], size: int = 5000) -> Iterator[list[tuple]]:
        """`columns`, `size` stored snippets at a time, so that not every row is held at once (the palette's word
        index is made from them). Raises one of `cachedb.CacheError` when the database fails."""
        wanted = ", ".join(names)
        topics = names.index("topics") if "topics" in names else -1
        numbers = [int(n) for n in self._rows]
        for batch in _chunks(numbers, size):
            found = self._fetched(batch, wanted)
            rows = [found[n] for n in batch]
            if topics >= 0:
                rows = [(*values[:topics], _topics(values[topics]), *values[topics + 1 :]) for values in rows]
            yield rows

    @property
    def extra(self) -> list[Snippet]:
        return list(self._extra)

    # --- fetching -----------------------------------------------------------------------------------------

    def _fetch(self, numbers: list[int], keep: bool = True) -> dict[int, Snippet] | None:
        """The snippets of these rows; None when the database failed and the corpus is now held in memory."""
        try:
            query = f"SELECT n, {', '.join(_COLUMNS)} FROM corpus_snippets WHERE n IN ({', '.join('?' * len(numbers))})"
            fetched = {row[0]: _snippet(row[1:]) for row in self._db.connection().execute(query, numbers)}
            if len(fetched) != len(set(numbers)):
                raise cachedb.Invalid("rows")
        except cachedb.CacheError:
            self._fall_back()
            return None
        if keep:
            with self._lock:
                if len(self._kept) > _KEEP_ROWS:
                    self._kept.clear()
                self._kept.update(fetched)
        return fetched

    def _fall_back(self) -> None:
        with self._lock:
            if self._memory is None:
                self._memory = self._reload()


def _picked(values: list, positions: list[int]) -> list:
    """values[p] for each p of positions."""
    if len(positions) > 1:
        return list(operator.itemgetter(*positions)(values))
    return [values[p] for p in positions]


def _topic_lists(texts: list) -> list[list[str]]:
    """The topics of each stored JSON list, each distinct list parsed once."""
    parsed: dict[str, tuple[str, ...]] = {}
    result = []
    for text in texts:
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = tuple(_topics(text))
        result.append(list(found))
    return result


def _chunks(values: list, size: int) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def disk_file(path: str) -> DiskFile | None:
    """The file's size and modification time; None when it is not a regular readable file (read it to say why)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    import stat as stat_module

    if not stat_module.S_ISREG(status.st_mode) or not os.access(path, os.R_OK):
        return None
    return DiskFile(path, status.st_size, status.st_mtime_ns)
