"""Indexes in the cache database (`cachedb`) – the ranking's, and the palette's word index: an index is stored as
its arrays (raw bytes, read back with `np.frombuffer`, no copy) and its strings (joined), and checked when read –
lengths, ranges, order – so a damaged or foreign one is rebuilt, never used."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

import numpy as np

from .. import cachedb
from .compounds import CompoundTable
from .index import (
    _KEEP_ON_DISK,
    ReversedTerms,
    SnippetIndex,
    SortedTerms,
    StoredCorpus,
    _Table,
    lean_vocabulary,
)
from .settings import ENGINE_VERSION, IndexSettings
from .wordsearch import WordIndex

VERSION = f"index-{ENGINE_VERSION}.2"
_TABLES = ("labels", "titles", "title_words", "remiss_dnrs", "sections", "series", "organisations", "namnder")
_ARRAYS = ("data", "indices", "indptr", "stance", "kind", "document", "heading")
log = logging.getLogger(__name__)
_Value = TypeVar("_Value")


class _Shelf:
    """Values kept as named parts (kind, bytes) under a key, with a little JSON beside them, in two tables of the
    cache database of their own version; the last few used are kept."""

    def __init__(self, part: str, version: str, name: str, keep: int):
        self.part, self.version, self.keep = part, version, keep
        self.keys, self.parts = f"{name}_keys", f"{name}_parts"

    def _schema(self, connection) -> None:
        connection.execute(f"CREATE TABLE {self.keys}(key TEXT PRIMARY KEY, used REAL NOT NULL, meta TEXT NOT NULL)")
        connection.execute(f"CREATE TABLE {self.parts}(key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
                           " data BLOB NOT NULL, PRIMARY KEY(key, name)) WITHOUT ROWID")

    def database(self) -> cachedb.Database:
        db = cachedb.database()
        db.ensure(self.part, self.version, self._schema, (self.keys, self.parts))
        return db

    def read(self, key: str) -> tuple[Any, dict[str, tuple[str, bytes]]] | None:
        """(meta, parts) kept under `key`, or None; raises one of `cachedb.CacheError`."""
        connection = self.database().connection()
        row = connection.execute(f"SELECT meta FROM {self.keys} WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        parts = {name: (kind, data) for name, kind, data in connection.execute(
            f"SELECT name, kind, data FROM {self.parts} WHERE key = ?", (key,))}
        return json.loads(row[0]), parts

    def load(self, key: str, unpack: Callable[[Any, dict[str, tuple[str, bytes]]], _Value]) -> _Value | None:
        """`unpack(meta, parts)` of what is kept under `key` (then marked used), when there is such and it is
        whole; else None (any error of the database or of the parts is only logged)."""
        wait()  # what this process is still writing first
        try:
            found = self.read(key)
            if found is None:
                return None
            value = unpack(*found)
            with self.database().writing() as connection:
                connection.execute(f"UPDATE {self.keys} SET used = ? WHERE key = ?", (time.time(), key))
            return value
        except (*cachedb.CacheError, ValueError, TypeError, KeyError, IndexError, OverflowError, UnicodeError) as error:
            cachedb.failed(error)
            return None

    def write(self, key: str, meta: Any, parts: dict[str, tuple[str, bytes]]) -> None:
        """Keep `parts` under `key` (replacing what was), and drop the least recently used beyond `keep`; raises
        one of `cachedb.CacheError`."""
        with self.database().writing() as connection:
            connection.execute(f"DELETE FROM {self.parts} WHERE key = ?", (key,))
            connection.executemany(f"INSERT INTO {self.parts}(key, name, kind, data) VALUES (?, ?, ?, ?)",
                                   [(key, name, kind, data) for name, (kind, data) in parts.items()])
            connection.execute(f"INSERT OR REPLACE INTO {self.keys}(key, used, meta) VALUES (?, ?, ?)",
                               (key, time.time(), json.dumps(meta)))
            stale = [old for old, in connection.execute(
                f"SELECT key FROM {self.keys} ORDER BY used DESC LIMIT -1 OFFSET {self.keep}")]
            for old in stale:
                connection.execute(f"DELETE FROM {self.parts} WHERE key = ?", (old,))
                connection.execute(f"DELETE FROM {self.keys} WHERE key = ?", (old,))

    def has(self, key: str) -> bool:
        """Whether something is kept under `key` (not read, nor checked); raises one of `cachedb.CacheError`."""
        connection = self.database().connection()
        return connection.execute(f"SELECT 1 FROM {self.keys} WHERE key = ?", (key,)).fetchone() is not None

    def stored(self) -> list[str]:
        return [key for key, in self.database().connection().execute(f"SELECT key FROM {self.keys} ORDER BY used DESC")]


_INDEXES = _Shelf("index", VERSION, "index", _KEEP_ON_DISK)


# --- indexes ----------------------------------------------------------------------------------------------


def packed(index: SnippetIndex) -> tuple[str, dict, dict[str, tuple[str, bytes]]]:
    """The index as it is stored (key, meta, parts), for another process of this program (`unpacked`)."""
    meta, parts = _pack(index)
    return index.key, meta, parts


def unpacked(value: Any) -> SnippetIndex:
    """An index from `packed`, checked as a stored one is; ValueError for anything that is not one, whole."""
    try:
        key, meta, parts = value
        return _unpack(key, meta, parts)
    except (cachedb.Invalid, ValueError, TypeError, KeyError, IndexError, OverflowError, UnicodeError, AttributeError) as error:
        raise ValueError(f"not an index: {error!r}") from None


def load(key: str) -> SnippetIndex | None:
    """The stored index of this key, when there is one and it is whole; else None (it is built again)."""
    return _INDEXES.load(key, lambda meta, parts: _unpack(key, meta, parts))


def has_index(key: str) -> bool:
    """Whether an index of this key is kept (not read, nor checked); False when the database cannot say."""
    try:
        return _INDEXES.has(key)
    except cachedb.CacheError:
        return False


def store_later(index: SnippetIndex) -> None:
    """`store(index)` on a thread of its own: what asked for a new index uses it at once rather than wait while it
    is written (a few tenths of a second at 100k snippets). The process waits for the thread before it ends, and
    this process's own reads of the database wait for it first (`wait`)."""
    _later(store, index)


def _later(write: Callable[..., None], *args: Any) -> None:
    """`write(*args)` on a thread of its own that the process waits for before it ends (`store_later`)."""
    # Not a daemon, even when asked from one (the app's loading thread is, and a thread takes its creator's flag).
    thread = threading.Thread(target=_write_and_close, args=(write, *args), name="remissdraft-index-store", daemon=False)
    with _PENDING_LOCK:
        _PENDING.append(thread)
    thread.start()


def wait() -> None:
    """Until every index this process is writing is written."""
    with _PENDING_LOCK:
        pending = list(_PENDING)
    for thread in pending:
        if thread is not threading.current_thread():
            thread.join()
    with _PENDING_LOCK:
        _PENDING[:] = [thread for thread in _PENDING if thread.is_alive()]


def _write_and_close(write: Callable[..., None], *args: Any) -> None:
    write(*args)
    with suppress(*cachedb.CacheError):  # the thread's own connection: closed now, not whenever the thread is collected
        cachedb.database().close()


_PENDING: list[threading.Thread] = []
_PENDING_LOCK = threading.Lock()


def store(index: SnippetIndex) -> None:
    """Keep `index` (and drop the least recently used beyond the last few); a cache that cannot be written
    only costs time."""
    try:
        _INDEXES.write(index.key, *_pack(index))
    except cachedb.CacheError as error:
        cachedb.failed(error)


def stored_keys() -> list[str]:
    """The keys of the stored indexes, most recently used first (for tests)."""
    wait()
    try:
        return _INDEXES.stored()
    except cachedb.CacheError:
        return []


def _strings(values: list[str]) -> tuple[str, bytes]:
    return f"str:{len(values)}", "\x00".join(values).encode("utf-8", "surrogatepass")


def _pack(index: SnippetIndex) -> tuple[dict, dict[str, tuple[str, bytes]]]:
    terms = list(index.vocab)
    parts: dict[str, tuple[str, bytes]] = {
        "vocab": _strings(terms),
        "forward": ("<i4", _forward_order(index).tobytes()),
        "backward": ("<i4", _backward_order(index).tobytes()),
        "label_heads": _strings(index.label_heads),
        "compounds.indptr": ("<i8", index.compounds.indptr.astype("<i8").tobytes()),
        "compounds.targets": ("<i4", index.compounds.targets.astype("<i4").tobytes()),
        "compounds.kinds": ("|i1", index.compounds.kinds.astype("|i1").tobytes()),
    }
    for name in _ARRAYS:
        array = np.ascontiguousarray(getattr(index, name))
        parts[name] = (array.dtype.str, array.tobytes())
    for name in _TABLES:
        table: _Table = getattr(index, name)
        parts[f"{name}.values"] = _strings(table.values)
        parts[f"{name}.docs"] = ("<i4", table.docs.astype("<i4").tobytes())
        parts[f"{name}.ids"] = ("<i4", table.ids.astype("<i4").tobytes())
    settings = index.settings
    meta = {"n_docs": index.n_docs, "settings": [settings.stop_words, settings.stemming, settings.k1, settings.b]}
    return meta, parts


def _forward_order(index: SnippetIndex) -> np.ndarray:
    forward = index.vocabulary.forward
    if isinstance(forward, SortedTerms):
        return np.asarray(forward.order, "<i4")
    return np.asarray([index.vocab[term] for term in forward], "<i4")


def _backward_order(index: SnippetIndex) -> np.ndarray:
    backward = index.vocabulary.backward
    if isinstance(backward, ReversedTerms):
        return np.asarray(backward.order, "<i4")
    return np.asarray([index.vocab[term[::-1]] for term in backward], "<i4")


def _array(parts: dict[str, tuple[str, bytes]], name: str, dtype: str, length: int | None = None) -> np.ndarray:
    kind, data = parts[name]
    if kind != np.dtype(dtype).str:
        raise cachedb.Invalid(name)
    values = np.frombuffer(data, dtype)
    if length is not None and len(values) != length:
        raise cachedb.Invalid(name)
    return values


def _strings_of(parts: dict[str, tuple[str, bytes]], name: str) -> list[str]:
    kind, data = parts[name]
    if not kind.startswith("str:"):
        raise cachedb.Invalid(name)
    count = int(kind[4:])
    values = data.decode("utf-8", "surrogatepass").split("\x00") if count else []
    if len(values) != count:
        raise cachedb.Invalid(name)
    return values


def _within(values: np.ndarray, size: int, name: str) -> None:
    """Every value a position in something of `size`: else cachedb.Invalid."""
    if len(values) and (int(values.min()) < 0 or int(values.max()) >= size):
        raise cachedb.Invalid(name)


def _offsets(values: np.ndarray, total: int, name: str) -> None:
    """Offsets from 0 to `total`, never falling: else cachedb.Invalid."""
    if values[0] != 0 or values[-1] != total or (len(values) > 1 and bool((np.diff(values) < 0).any())):
        raise cachedb.Invalid(name)


def _unpack(key: str, meta: dict, parts: dict[str, tuple[str, bytes]]) -> SnippetIndex:
    """The index from its parts; raises cachedb.Invalid (or a ValueError from numpy) for anything not whole."""

    def array(name: str, dtype: str, length: int | None = None) -> np.ndarray:
        return _array(parts, name, dtype, length)

    def strings(name: str) -> list[str]:
        return _strings_of(parts, name)

    n_docs = meta["n_docs"]
    stop_words, stemming, k1, b = meta["settings"]
    if not isinstance(n_docs, int) or n_docs < 0 or not all(isinstance(flag, bool) for flag in (stop_words, stemming)):
        raise cachedb.Invalid("meta")
    settings = IndexSettings(stop_words=stop_words, stemming=stemming, k1=float(k1), b=float(b))
    terms = strings("vocab")
    vocab = dict(zip(terms, range(len(terms))))
    size = len(terms)
    if len(vocab) != size:
        raise cachedb.Invalid("vocab")
    data = array("data", "<f4")
    indices = array("indices", "<i4", len(data))
    indptr = array("indptr", "<i8", size + 1)
    _offsets(indptr, len(data), "indptr")
    _within(indices, n_docs, "indices")
    forward_ids = array("forward", "<i4", size)
    _within(forward_ids, size, "forward")
    backward = array("backward", "<i4", size)
    _within(backward, size, "backward")
    vocabulary = lean_vocabulary(vocab, forward_ids, backward)
    compounds = CompoundTable.__new__(CompoundTable)
    compounds.indptr = array("compounds.indptr", "<i8", size + 1)
    compounds.targets = array("compounds.targets", "<i4")
    compounds.kinds = array("compounds.kinds", "|i1", len(compounds.targets))
    _offsets(compounds.indptr, len(compounds.targets), "compounds.indptr")
    _within(compounds.targets, size, "compounds.targets")
    _within(compounds.kinds, 4, "compounds.kinds")
    tables = {}
    for name in _TABLES:
        values = strings(f"{name}.values")
        docs = array(f"{name}.docs", "<i4")
        ids = array(f"{name}.ids", "<i4", len(docs))
        _within(docs, n_docs, f"{name}.docs")
        _within(ids, len(values), f"{name}.ids")
        tables[name] = _Table(values, docs, ids)
    label_heads = strings("label_heads")
    if len(label_heads) != len(tables["labels"].values):
        raise cachedb.Invalid("label_heads")
    per_doc = {name: array(name, dtype, n_docs) for name, dtype in
               (("stance", "|i1"), ("kind", "|i1"), ("document", "<i4"), ("heading", "<i4"))}
    return SnippetIndex(key=key, settings=settings, n_docs=n_docs, vocab=vocab, vocabulary=vocabulary, compounds=compounds,
                        data=data, indices=indices, indptr=indptr, label_heads=label_heads,
                        **per_doc, **tables)  # type: ignore[arg-type]  # arrays and tables by field name


# --- word indexes (the palette's search, wordsearch.py) ----------------------------------------------------

WORDS_VERSION = "words-1"  # bump when WordIndex's arrays change shape or meaning
_KEEP_WORDS = 3  # word indexes kept, least recently used go first (some 20 MB each at 100 000 snippets)
_COUNTS = ("|u1", "<u2", "<i4")  # the dtypes a WordIndex keeps its counts in


_WORDS = _Shelf("words", WORDS_VERSION, "word", _KEEP_WORDS)


def words_key(snippets: Any) -> str:
    """What names the word index of these snippets here: a corpus served from the cache database, with nothing
    added in this process, by its content key; "" for any other (its word index is not kept)."""
    if not isinstance(snippets, StoredCorpus) or not snippets.stored or snippets.extra:
        return ""
    return f"{WORDS_VERSION}:{snippets.key}"


def load_words(key: str) -> WordIndex | None:
    """The stored word index of this key (a corpus's content key), when there is one and it is whole; else None."""
    return _WORDS.load(key, lambda meta, parts: _unpack_words(meta["n_docs"], parts))


def has_words(key: str) -> bool:
    """Whether a word index is kept under this key (False when the database fails)."""
    wait()
    try:
        return _WORDS.has(key)
    except cachedb.CacheError:
        return False


def store_words_later(key: str, index: WordIndex) -> None:
    """`store_words` on a thread of its own: the search that made the index answers without waiting."""
    _later(store_words, key, index)


def store_words(key: str, index: WordIndex) -> None:
    """Keep the word index of a corpus (and drop the least recently used beyond the last few); a cache that
    cannot be written only costs time."""
    words, counts, indptr, lexicon = index.arrays()
    parts = {"words": ("<i4", words.astype("<i4").tobytes()), "counts": (counts.dtype.str, counts.tobytes()),
             "indptr": ("<i8", indptr.astype("<i8").tobytes()), "lexicon": ("text", lexicon.encode("utf-8", "surrogatepass"))}
    try:
        _WORDS.write(key, {"n_docs": index.n_docs}, parts)
    except cachedb.CacheError as error:
        cachedb.failed(error)


def _unpack_words(n_docs: Any, parts: dict[str, tuple[str, bytes]]) -> WordIndex:
    """The word index from its parts; cachedb.Invalid (or a ValueError) for anything not whole."""
    if not isinstance(n_docs, int) or n_docs < 0:
        raise cachedb.Invalid("n_docs")
    kind, data = parts["lexicon"]
    if kind != "text":
        raise cachedb.Invalid("lexicon")
    lexicon = data.decode("utf-8", "surrogatepass")
    words = _array(parts, "words", "<i4")
    counts_kind = parts["counts"][0]
    if counts_kind not in _COUNTS:
        raise cachedb.Invalid("counts")
    counts = _array(parts, "counts", counts_kind, len(words))
    indptr = _array(parts, "indptr", "<i8", n_docs + 1)
    _offsets(indptr, len(words), "indptr")
    _within(words, lexicon.count("\n") + 1, "words")
    if len(counts) and int(counts.min()) < 1:
        raise cachedb.Invalid("counts")
    return WordIndex.of_arrays(words, counts, indptr, lexicon)
