"""The weighted index over a corpus: BM25 (bm25s) over snippet text, plus the short labels and provenance
the ranking compares. Built once per corpus content and kept on disk under the cache dir."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import locations
from ..fileio import atomic_write
from ..model import STANCES, Snippet
from .compounds import CompoundTable, Vocabulary
from .normalize import Analyzer, fold, plain

ENGINE_VERSION = 2  # bump when the stored index changes shape or meaning
_KEEP_ON_DISK = 6  # index files kept in the cache dir, least recently used go first
_KEEP_IN_MEMORY = 2

# "7.1 – Närsamhälle: …", "Avsnitt 4.5 Olycka …", "4.5. Olycka …": a section reference in a snippet's source.
_SECTION_REFERENCE = re.compile(r"^\s*(?:avsnitt\s+|kapitel\s+|§\s*)?(\d+(?:\.\d+)*)\.?\s*[–—-]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
# What an answer puts in front of the remiss's own title: "Yttrande över", "Svar på", and the sender's
# "Länsstyrelsens i Hallands remiss av" (matched on the plain form: folded words, single spaces).
_TITLE_NOISE = re.compile(
    r"^(?:yttrande (?:över|om|på) |svar på |remissvar |(?:[^\W\d_]+ ){0,5}?remiss(?:en)? (?:av |om |över |gällande |angående )?)+"
)
_SERIES = re.compile(r"^([^\W\d_]{2,})[\s\-]*\d")


def cache_dir() -> Path:
    """Where indexes are kept: `match/` in remissdraft's cache dir."""
    return locations.cache_dir() / "match"


def split_reference(reference: str) -> tuple[str, str]:
    """("7.1", "Närsamhälle: Stärka …") from "7.1 – Närsamhälle: Stärka …"; ("", text) without a number."""
    match = _SECTION_REFERENCE.match(reference or "")
    if match:
        return match.group(1), match.group(2).strip()
    return "", (reference or "").strip()


def head_of(title: str) -> str:
    """The short name in front of a colon or dash: "Individnivå" of "Individnivå: Utveckla …"."""
    return re.split(r"\s*(?::|\s[–—-]\s)\s*", title, maxsplit=1)[0]


def title_key(title: str) -> str:
    """A remiss title as compared: "Remiss – Strategi för …" and "Strategi för …" are the same."""
    return _TITLE_NOISE.sub("", plain(title)).strip()


def series_key(dnr: str) -> str:
    """The sender's diary code of a remiss dnr: "RSG" of "RSG 2023/699", "LI" of "LI2025/00306"; "" for a dnr
    that starts with digits (a länsstyrelse's "457-6939-2024" names a case type, not a sender)."""
    match = _SERIES.match((dnr or "").strip())
    return match.group(1).casefold() if match else ""


def dnr_key(dnr: str) -> str:
    """A diarienummer as compared: letters and digits only, casefolded ("HSN 2020-1753" -> "hsn20201753")."""
    return re.sub(r"[\W_]+", "", dnr or "").casefold()


@dataclass
class IndexSettings:
    """What the stored index depends on besides the snippets."""

    stop_words: bool = True
    stemming: bool = True
    k1: float = 1.2
    b: float = 0.75

    def analyzer(self) -> Analyzer:
        return Analyzer(stop_words=self.stop_words, stemming=self.stemming)

    @property
    def signature(self) -> str:
        return f"v{ENGINE_VERSION};{self.analyzer().signature};k1={self.k1};b={self.b}"


@dataclass
class _Table:
    """Distinct strings and, per (document, string) pair, which string a document has."""

    values: list[str] = field(default_factory=list)
    docs: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    @classmethod
    def build(cls, per_doc: list[list[str]], transform: Callable[[str], str] | None = None) -> _Table:
        """From the strings of every document; `transform` is applied once per distinct string, and
        strings it turns into "" are dropped."""
        position: dict[str, int] = {}
        docs: list[int] = []
        ids: list[int] = []
        for doc, values in enumerate(per_doc):
            for value in values:
                if value:
                    docs.append(doc)
                    ids.append(position.setdefault(value, len(position)))
        table = cls(list(position), np.asarray(docs, np.int32), np.asarray(ids, np.int32))
        return table.mapped(transform) if transform else table

    def mapped(self, transform: Callable[[str], str]) -> _Table:
        """The same table with every distinct string transformed (and merged where they become equal)."""
        position: dict[str, int] = {}
        new_id = np.asarray([position.setdefault(t, len(position)) if (t := transform(v)) else -1 for v in self.values], np.int32)
        ids = new_id[self.ids] if len(self.ids) else self.ids
        keep = ids >= 0
        pairs = np.unique(np.stack([self.docs[keep], ids[keep]]), axis=1) if keep.any() else np.zeros((2, 0), np.int32)
        return _Table(list(position), pairs[0].astype(np.int32), pairs[1].astype(np.int32))

    def per_doc(self, value_scores: np.ndarray, n_docs: int) -> np.ndarray:
        """For every document the best score among its strings (0 where it has none)."""
        best = np.zeros(n_docs, np.float32)
        if len(self.docs):
            np.maximum.at(best, self.docs, value_scores[self.ids].astype(np.float32))
        return best


@dataclass
class SnippetIndex:
    """BM25 weights by term (CSC: `indptr` over terms, `indices` are documents) and the per-document
    facts the ranking needs, in the order of the snippets it was built from."""

    key: str
    settings: IndexSettings
    n_docs: int
    vocab: dict[str, int]
    vocabulary: Vocabulary
    compounds: CompoundTable
    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    stance: np.ndarray  # index into STANCES, -1 for an unknown stance
    kind: np.ndarray  # 0 synpunkt, 1 standardtext, 2 anything else
    labels: _Table  # topics and the title part of source.section, as (full, head) plain strings
    label_heads: list[str]
    titles: _Table  # title_key of source.title
    title_words: _Table  # plain form of source.title, the sender's name left in
    remiss_dnrs: _Table  # dnr_key of source.remiss_dnr
    sections: _Table  # source.section as written
    series: _Table  # series_key of source.remiss_dnr
    organisations: _Table  # fold of source.organisation
    namnder: _Table  # fold of source.namnd
    document: np.ndarray  # which yttrande a snippet comes from (organisation, nämnd, dnr, file), in corpus order
    heading: np.ndarray  # which heading of its yttrande (first topic) it stood under, -1 when unknown

    @classmethod
    def build(cls, snippets: list[Snippet], settings: IndexSettings | None = None, key: str = "") -> SnippetIndex:
        settings = settings or IndexSettings()
        analyzer = settings.analyzer()
        vocab: dict[str, int] = {}
        corpus_ids = [[vocab.setdefault(t, len(vocab)) for t in analyzer.terms(s.text)] for s in snippets]
        data, indices, indptr = _bm25(corpus_ids, len(vocab), settings)
        stance_codes = {stance: number for number, stance in enumerate(STANCES)}
        raw_labels = _Table.build([[*s.topics, s.source.section] for s in snippets], lambda v: split_reference(v)[1])
        labels = raw_labels.mapped(plain)
        return cls(
            key=key,
            settings=settings,
            n_docs=len(snippets),
            vocab=vocab,
            vocabulary=Vocabulary(vocab),
            compounds=CompoundTable(vocab),
            data=data,
            indices=indices,
            indptr=indptr,
            stance=np.asarray([stance_codes.get(s.stance, -1) for s in snippets], np.int8),
            kind=np.asarray([{"synpunkt": 0, "standardtext": 1}.get(s.kind, 2) for s in snippets], np.int8),
            labels=labels,
            label_heads=[plain(head_of(value)) for value in _heads_in_order(raw_labels, labels)],
            titles=_Table.build([[s.source.title] for s in snippets], title_key),
            title_words=_Table.build([[s.source.title] for s in snippets], plain),
            remiss_dnrs=_Table.build([[s.source.remiss_dnr] for s in snippets], dnr_key),
            sections=_Table.build([[s.source.section] for s in snippets], str.strip),
            series=_Table.build([[s.source.remiss_dnr] for s in snippets], series_key),
            organisations=_Table.build([[s.source.organisation] for s in snippets], lambda v: " ".join(fold(v).split())),
            namnder=_Table.build([[s.source.namnd] for s in snippets], lambda v: " ".join(fold(v).split())),
            document=_codes([_document_of(s) for s in snippets]),
            heading=_codes([(_document_of(s), fold(s.topics[0])) if s.topics else None for s in snippets]),
        )

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """Weighted BM25: per document the sum over query terms of the term's query weight (dense, by term
        id) times its BM25 weight in the document."""
        scores = np.zeros(self.n_docs, np.float32)
        term_ids = np.flatnonzero(weights)
        if not len(term_ids) or not self.n_docs:
            return scores
        starts, ends = self.indptr[term_ids], self.indptr[term_ids + 1]
        lengths = ends - starts
        keep = lengths > 0
        if not keep.any():
            return scores
        starts, lengths, term_weights = starts[keep], lengths[keep], weights[term_ids[keep]]
        # Every posting of the query terms at once: positions start..end-1 of each term.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        contributions = self.data[offsets] * np.repeat(term_weights, lengths)
        return np.bincount(self.indices[offsets], weights=contributions, minlength=self.n_docs).astype(np.float32)

    def postings(self, term_id: int) -> np.ndarray:
        return self.indices[self.indptr[term_id] : self.indptr[term_id + 1]]


def _heads_in_order(raw: _Table, labels: _Table) -> list[str]:
    """For each value of `labels` (plain forms of `raw`), one raw value it came from."""
    first: dict[int, str] = {}
    mapping = {plain(value): value for value in reversed(raw.values)}
    for number, value in enumerate(labels.values):
        first[number] = mapping.get(value, value)
    return [first[number] for number in range(len(labels.values))]


def _document_of(snippet: Snippet) -> tuple[str, ...]:
    source = snippet.source
    return (source.organisation, source.namnd, source.dnr, source.file)


def _codes(keys: list) -> np.ndarray:
    """A small integer per distinct key, in order of first appearance; -1 for None."""
    codes: dict = {}
    return np.asarray([-1 if key is None else codes.setdefault(key, len(codes)) for key in keys], np.int32)


def _bm25(corpus_ids: list[list[int]], n_terms: int, settings: IndexSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The BM25 weight of every (term, document) pair, by bm25s, as CSC arrays."""
    if n_terms == 0:
        return np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64)
    import bm25s  # imported on use: numpy-heavy, and only a build needs it

    retriever = bm25s.BM25(k1=settings.k1, b=settings.b, method="lucene")
    retriever.index((corpus_ids, {term: term for term in range(n_terms)}), create_empty_token=False, show_progress=False)
    scores = retriever.scores
    return (
        np.asarray(scores["data"], np.float32),
        np.asarray(scores["indices"], np.int32),
        np.asarray(scores["indptr"], np.int64),
    )


# --- identity and cache ----------------------------------------------------------------------------------


def fingerprint(snippets: list[Snippet], settings: IndexSettings) -> str:
    """A hash of everything the index holds: text, stance, kind, topics and provenance, in order."""
    parts = [settings.signature]
    for s in snippets:
        source = s.source
        parts.append(
            f"{s.text}\x1f{s.stance}\x1f{s.kind}\x1f{chr(30).join(s.topics)}\x1f{source.title}\x1f{source.section}"
            f"\x1f{source.remiss_dnr}\x1f{source.organisation}\x1f{source.namnd}\x1f{source.dnr}\x1f{source.file}"
        )
    return hashlib.blake2b("\x1d".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_MEMORY: OrderedDict[str, SnippetIndex] = OrderedDict()
log = logging.getLogger(__name__)


def get_index(snippets: list[Snippet], settings: IndexSettings | None = None, use_disk: bool = True) -> SnippetIndex:
    """The index for these snippets: from memory, else from the cache dir, else built (and stored)."""
    settings = settings or IndexSettings()
    key = fingerprint(snippets, settings)
    index = _MEMORY.get(key)
    if index is None and use_disk:
        index = _load(key)
    if index is None:
        index = SnippetIndex.build(snippets, settings, key)
        if use_disk:
            _store(index)
    _MEMORY[key] = index
    _MEMORY.move_to_end(key)
    while len(_MEMORY) > _KEEP_IN_MEMORY:
        _MEMORY.popitem(last=False)
    return index


def forget_memory() -> None:
    """Drop the indexes kept in this process (tests and benchmarks use it to measure the disk cache)."""
    _MEMORY.clear()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.pickle"


def _load(key: str) -> SnippetIndex | None:
    path = _path(key)
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)
        os.utime(path)  # mark as recently used
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged or outdated cache file is rebuilt, never shown to the user
        log.debug("ignoring cache file %s: %s", path, error)
        return None
    return index if isinstance(index, SnippetIndex) and index.key == key else None


def _store(index: SnippetIndex) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(_path(index.key), pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL), backup=False)
        _prune(folder)
    except OSError as error:  # a cache that cannot be written only costs time
        log.debug("index not cached: %s", error)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in files[_KEEP_ON_DISK:]:
        try:
            stale.unlink()
        except OSError:
            pass
    for leftover in folder.glob(".index.*.tmp"):  # from a process killed while writing
        try:
            if leftover.stat().st_mtime < time.time() - 3600:
                leftover.unlink()
        except OSError:
            pass
