"""The weighted index over a corpus: BM25 over snippet text (the weights bm25s gives, worked out in numpy), plus
the short labels and provenance the ranking compares. Built once per corpus content and kept in the cache
database (`storage.py`), from where it loads in a few tens of milliseconds."""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .. import collector, locations, parallel
from ..model import STANCES, Snippet
from .analysis import analyse_batch
from .compounds import HOW, LONG_REST, MIN_MODIFIER, MIN_PART, CompoundTable, Vocabulary, relation
from .normalize import fold, plain
from .settings import TERMS, IndexSettings, analysis_signature

_KEEP_ON_DISK = 6  # indexes kept in the cache database, least recently used go first
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

    @classmethod
    def single(cls, values: list[str], transform: Callable[[str], str]) -> _Table:
        """`build` for one string per document and then `mapped` (the same table), each distinct string numbered
        and transformed once: a document has one string, so the pairs come in order without sorting them."""
        position: dict[str, int] = {}
        number = {value: position.setdefault(new, len(position)) if (new := transform(value)) else -1
                  for value in dict.fromkeys(values) if value}
        ids = np.fromiter(map(number.get, values, repeat(-1)), np.int32, len(values))
        keep = ids >= 0
        return cls(list(position), np.flatnonzero(keep).astype(np.int32), ids[keep])

    def mapped(self, transform: Callable[[str], str]) -> _Table:
        """The same table with every distinct string transformed (and merged where they become equal)."""
        position: dict[str, int] = {}
        new_id = np.asarray([position.setdefault(t, len(position)) if (t := transform(v)) else -1 for v in self.values], np.int32)
        ids = new_id[self.ids] if len(self.ids) else self.ids
        keep = ids >= 0
        pairs = distinct((self.docs[keep].astype(np.int64) << 32) | ids[keep].astype(np.int64))  # by document, then string
        return _Table(list(position), (pairs >> 32).astype(np.int32), (pairs & 0xFFFFFFFF).astype(np.int32))

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
    def build(cls, snippets: Sequence[Snippet], settings: IndexSettings | None = None, key: str = "",
              progress: Callable[[int, int], None] | None = None) -> SnippetIndex:
        """The index of these snippets (a list, or a corpus served from the cache database, read column by column
        without making Snippets). `progress(done, total)` hears how analysing new texts goes, in snippets."""
        settings = settings or IndexSettings()
        # A large corpus: a second process numbers half the terms, then makes the term orders and the compound
        # table (they need the terms only) while this one weighs BM25 and builds the rest.
        helper = parallel.Worker(__name__) if len(snippets) >= _PARALLEL_BUILD and parallel.workers() else None
        try:
            with collector.paused():  # millions of objects, no cycles
                return cls._build(Columns.of(snippets, settings), settings, key, progress, helper)
        finally:
            if helper is not None:
                helper.close()

    @classmethod
    def _build(cls, columns: Columns, settings: IndexSettings, key: str, progress: Callable[[int, int], None] | None,
               helper: parallel.Worker | None) -> SnippetIndex:
        vocab, ids, lengths = analysed(columns.texts, settings, progress, columns.terms, helper)
        terms = list(vocab)
        if helper is not None:
            helper.submit(term_tables, terms)
        data, indices, indptr = bm25_weights(ids, lengths, len(vocab), settings)
        del ids
        stance_codes = {stance: number for number, stance in enumerate(STANCES)}
        raw_labels = _Table.build([[*topics, section] for topics, section in zip(columns.topics, columns.sections)],
                                  lambda v: split_reference(v)[1])
        labels = raw_labels.mapped(plain)
        documents = list(zip(columns.organisations, columns.namnder, columns.dnrs, columns.files))
        folded = lru_cache(maxsize=None)(fold)  # the same few headings over and over
        facts = dict(
            stance=np.asarray([stance_codes.get(stance, -1) for stance in columns.stances], np.int8),
            kind=np.asarray([{"synpunkt": 0, "standardtext": 1}.get(kind, 2) for kind in columns.kinds], np.int8),
            labels=labels,
            label_heads=[plain(head_of(value)) for value in _heads_in_order(raw_labels, labels)],
            titles=_Table.single(columns.titles, title_key),
            title_words=_Table.single(columns.titles, plain),
            remiss_dnrs=_Table.single(columns.remiss_dnrs, dnr_key),
            sections=_Table.single(columns.sections, str.strip),
            series=_Table.single(columns.remiss_dnrs, series_key),
            organisations=_Table.single(columns.organisations, lambda v: " ".join(fold(v).split())),
            namnder=_Table.single(columns.namnder, lambda v: " ".join(fold(v).split())),
            document=_codes(documents),
            heading=_codes([(document, folded(topics[0])) if topics else None for document, topics in zip(documents, columns.topics)]),
        )
        forward, backward, compounds = helper.result() if helper is not None else term_tables(terms)
        return cls(key=key, settings=settings, n_docs=len(columns.stances), vocab=vocab,
                   vocabulary=lean_vocabulary(vocab, forward, backward), compounds=compounds, data=data, indices=indices,
                   indptr=indptr, **facts)  # type: ignore[arg-type]  # the per-document facts by field name

    def scores(self, weights: np.ndarray, term_ids: np.ndarray | None = None) -> np.ndarray:
        """Weighted BM25: per document the sum over query terms of the term's query weight (dense, by term
        id) times its BM25 weight in the document. `term_ids`: the terms with weight, when already known (any
        others among them add nothing)."""
        if term_ids is None:
            term_ids = np.flatnonzero(weights)
        if not len(term_ids) or not self.n_docs:
            return np.zeros(self.n_docs, np.float32)
        starts, ends = self.indptr[term_ids], self.indptr[term_ids + 1]
        lengths = ends - starts
        long = lengths >= _LONG_POSTINGS
        values: list[np.ndarray] = []
        docs: list[np.ndarray] = []
        # A term of many postings: its slice as it is (a view, weighted in one pass) ...
        for start, end, weight in zip(starts[long].tolist(), ends[long].tolist(), weights[term_ids[long]].tolist()):
            values.append(self.data[start:end] * np.float32(weight))
            docs.append(self.indices[start:end])
        # ... the many short ones (a query meets thousands of compounds, each in a few snippets) gathered at once.
        short = ~long & (lengths > 0)
        if short.any():
            starts, lengths, term_weights = starts[short], lengths[short], weights[term_ids[short]]
            shift = (starts - (np.cumsum(lengths) - lengths)).astype(np.int32)
            offsets = np.repeat(shift, lengths)
            offsets += np.arange(len(offsets), dtype=np.int32)
            gathered = self.data[offsets]
            gathered *= np.repeat(term_weights, lengths)
            values.append(gathered)
            docs.append(self.indices[offsets])
        scores = np.zeros(self.n_docs, np.float64)  # summed in double precision, as the dense computation sums
        if values:  # numpy's unbuffered add (a fast loop since numpy 1.25): what bm25s sums its postings with
            np.add.at(scores, np.concatenate(docs), np.concatenate(values, dtype=np.float64))
        return scores.astype(np.float32)

    def postings(self, term_id: int) -> np.ndarray:
        return self.indices[self.indptr[term_id] : self.indptr[term_id + 1]]


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: `np.unique` without its check for a masked array, which imports numpy.ma
    (7 ms of every start that builds an index)."""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _heads_in_order(raw: _Table, labels: _Table) -> list[str]:
    """For each value of `labels` (plain forms of `raw`), one raw value it came from."""
    first: dict[int, str] = {}
    mapping = {plain(value): value for value in reversed(raw.values)}
    for number, value in enumerate(labels.values):
        first[number] = mapping.get(value, value)
    return [first[number] for number in range(len(labels.values))]


def _codes(keys: list) -> np.ndarray:
    """A small integer per distinct key, in order of first appearance; -1 for None."""
    codes: dict = {}
    return np.asarray([-1 if key is None else codes.setdefault(key, len(codes)) for key in keys], np.int32)


# --- building -------------------------------------------------------------------------------------------


@dataclass
class Columns:
    """The fields of every snippet an index is built from, one list per field, in corpus order."""

    texts: list[str]
    stances: list[str]
    kinds: list[str]
    topics: list[list[str]]
    titles: list[str]
    sections: list[str]
    remiss_dnrs: list[str]
    organisations: list[str]
    namnder: list[str]
    dnrs: list[str]
    files: list[str]
    terms: list[str | None] | None = None  # each text's terms (joined by spaces) as the corpus keeps them (`TERMS`)

    NAMES = ("text", "stance", "kind", "topics", "title", "section", "remiss_dnr", "organisation", "namnd", "dnr", "source_file")

    @classmethod
    def of(cls, snippets: Sequence[Snippet], settings: IndexSettings | None = None) -> Columns:
        """The columns of these snippets; of a stored corpus analysed with `TERMS`, its terms too when `settings`
        analyse as `TERMS` does."""
        if isinstance(snippets, StoredCorpus) and snippets.stored:
            kept = settings is not None and getattr(snippets, "analysis", None) == TERMS.signature == analysis_signature(settings)
            if kept:  # the texts themselves are not needed: only those added since (`extra`) are analysed
                terms, *values = snippets.column_lists(("terms", *cls.NAMES[1:]))
                columns = cls([""] * len(terms), *values, terms=terms)  # type: ignore[misc]  # one list per name
            else:
                columns = cls(*snippets.column_lists(cls.NAMES))
            extra = [cls._row(snippet) for snippet in snippets.extra]
            if extra:
                for column, added in zip(cls.NAMES, zip(*extra)):
                    getattr(columns, _FIELDS[column]).extend(added)
                if columns.terms is not None:
                    columns.terms.extend([None] * len(extra))
            return columns
        rows = [cls._row(snippet) for snippet in snippets]
        if not rows:
            return cls(*([] for _ in cls.NAMES))
        return cls(*(list(column) for column in zip(*rows)))

    @staticmethod
    def _row(snippet: Snippet) -> tuple:
        source = snippet.source
        return (snippet.text, snippet.stance, snippet.kind, snippet.topics, source.title, source.section, source.remiss_dnr,
                source.organisation, source.namnd, source.dnr, source.file)


_FIELDS = dict(zip(Columns.NAMES, Columns.__dataclass_fields__))  # a column's name -> its field


def analysed(texts: list[str], settings: IndexSettings, progress: Callable[[int, int], None] | None = None,
             kept: list[str | None] | None = None, helper: parallel.Worker | None = None) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The terms of every text (`Analyzer.terms`): a vocabulary numbering the terms in order of first appearance,
    every text's term ids one after the other, and how many each text has. `kept`: the terms the corpus keeps
    of each text, joined by spaces (None where it has none: only then is the text needed). Other distinct texts
    are analysed once, in batches, on two processes when there are many. `helper`: a worker process that numbers
    the terms of the later half of the texts meanwhile."""
    joined: list[str | None] = list(kept) if kept is not None else [None] * len(texts)
    todo = list(dict.fromkeys(text for text, terms in zip(texts, joined) if terms is None))
    jobs = [(todo[start : start + _BATCH], settings.stop_words, settings.stemming) for start in range(0, len(todo), _BATCH)]
    count = parallel.workers() if len(todo) >= _PARALLEL else 0
    results = parallel.map_batches(analyse_batch, jobs, count) if count else map(analyse_batch, jobs)
    known: dict[str, str] = {}
    for job, terms in zip(jobs, results):
        known.update(zip(job[0], terms))
        if progress:
            progress(len(known), len(todo))
    if known:
        joined = [known[text] if terms is None else terms for text, terms in zip(texts, joined)]
    lengths = np.asarray([terms.count(" ") + 1 if terms else 0 for terms in joined], np.int64)
    vocab: dict[str, int] = {}
    half = len(joined) // 2 if helper is not None else len(joined)
    if helper is not None:
        helper.submit(number_terms, joined[half:])
    ids = _number(joined[:half], vocab)  # type: ignore[arg-type]  # every text's terms known by now
    if helper is not None:  # the later half's terms numbered after those of the first
        later, later_ids = helper.result()
        renumbered = np.fromiter((vocab.setdefault(term, len(vocab)) for term in later), np.int32, len(later))
        ids = np.concatenate([ids, renumbered[later_ids]])
    return vocab, ids, lengths


def number_terms(joined: list[str]) -> tuple[list[str], np.ndarray]:
    """The terms of these texts (each text's joined by spaces) numbered in order of first appearance, and every
    text's term ids one after the other (what a worker process does for the later half of a large corpus)."""
    vocab: dict[str, int] = {}
    ids = _number(joined, vocab)
    return list(vocab), ids


def _number(joined: list[str], vocab: dict[str, int]) -> np.ndarray:
    """Every text's term ids one after the other, terms not yet in `vocab` added to it in order of first appearance."""
    ids = []
    for start in range(0, len(joined), _CHUNK):  # a chunk at a time: millions of term strings at once would weigh
        flat = " ".join(terms for terms in joined[start : start + _CHUNK] if terms).split(" ")
        if flat != [""]:
            new = [term for term in dict.fromkeys(flat) if term not in vocab]
            vocab.update(zip(new, range(len(vocab), len(vocab) + len(new))))
            ids.append(np.fromiter(map(vocab.__getitem__, flat), np.int32, len(flat)))
    return np.concatenate(ids) if ids else np.zeros(0, np.int32)


_CHUNK = 5000  # texts whose terms are numbered at a time


_BATCH = 2000  # texts analysed per batch
_PARALLEL = 8000  # distinct texts: fewer are analysed in this process


def bm25_weights(ids: np.ndarray, lengths: np.ndarray, n_terms: int, settings: IndexSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The BM25 weight of every (term, document) pair as CSC arrays, from every document's term ids one after the
    other and the documents' lengths: what `bm25s.BM25(method="lucene")` builds, bit for bit (the same float64
    steps, then float32), in numpy instead of a loop per document."""
    if n_terms == 0:
        return np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64)
    docs = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    pairs, counts = np.unique((ids.astype(np.int64) << 32) | docs, return_counts=True)  # by term, then document: CSC order
    columns, rows = pairs >> 32, pairs & 0xFFFFFFFF
    df = np.bincount(columns, minlength=n_terms)
    n_docs = len(lengths)
    frequencies, which = np.unique(df, return_inverse=True)
    idf = np.asarray([math.log(1 + (n_docs - value + 0.5) / (value + 0.5)) for value in frequencies.tolist()], np.float32)[which]
    average = lengths.mean()  # as bm25s: numpy's mean of the lengths
    k1, b = settings.k1, settings.b
    tf = counts.astype(np.float32)
    tfc = tf / (k1 * ((1 - b) + b * lengths[rows].astype(np.float64) / average) + tf)
    data = (idf[columns] * tfc).astype(np.float32)
    indptr = np.zeros(n_terms + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    return data, rows.astype(np.int32), indptr


def term_orders(terms: list[str]) -> tuple[list[int], list[int]]:
    """The term ids (positions in `terms`) in the order of the sorted terms, and in that of the sorted reversed
    terms: what the vocabulary's prefix and suffix searches and the compound table walk."""
    return (sorted(range(len(terms)), key=terms.__getitem__),
            sorted(range(len(terms)), key=lambda number: terms[number][::-1]))


def compound_table(vocab: dict[str, int], forward: list[int] | None = None, backward: list[int] | None = None) -> CompoundTable:
    """`CompoundTable(vocab)`, the same arrays, found by search in the sorted vocabulary rather than by trying
    every prefix and suffix of every term: a term's compounds that start with it are the terms sorted after it
    that begin with it, those that end with it the same in the sorted reversed terms. `forward` and `backward`:
    the term ids in the order of the sorted and of the sorted reversed terms, when already known."""
    known = vocab.keys()  # a set view: `relation` asks `in` of it
    terms = list(vocab)
    if forward is None or backward is None:
        forward, backward = term_orders(terms)
    sources: list[int] = []
    targets: list[int] = []
    kinds: list[int] = []
    for order, ends in ((forward, False), (backward, True)):
        sorted_terms = [terms[number][::-1] for number in order] if ends else [terms[number] for number in order]
        size = len(sorted_terms)
        starts = [position for position, (part, after) in enumerate(pairwise(sorted_terms))
                  if len(part) >= MIN_PART and after.startswith(part)]  # a term some longer term begins with
        for position in starts:
            part = sorted_terms[position]
            part_id = order[position]
            for later in range(position + 1, size):
                whole = sorted_terms[later]
                if not whole.startswith(part):
                    break
                if ends:
                    if len(whole) - len(part) >= MIN_MODIFIER:
                        sources.append(part_id)
                        targets.append(order[later])
                        kinds.append(_HEAD)
                elif len(whole) - len(part) >= LONG_REST:  # what `relation` says of a long rest: a modifier
                    sources.append(part_id)
                    targets.append(order[later])
                    kinds.append(_MODIFIER)
                else:
                    how = relation(part, whole, known)
                    if how:
                        sources.append(part_id)
                        targets.append(order[later])
                        kinds.append(HOW.index(how))
    source = np.asarray(sources, np.int64)
    target = np.asarray(targets, np.int64)
    kind = np.asarray(kinds, np.int64)
    by = np.lexsort((kind, target, source))  # by term, then compound, then how
    table = CompoundTable.__new__(CompoundTable)
    table.indptr = np.zeros(len(vocab) + 1, np.int64)
    np.cumsum(np.bincount(source, minlength=len(vocab)), out=table.indptr[1:])
    table.targets = target[by].astype(np.int32)
    table.kinds = kind[by].astype(np.int8)
    return table


_LONG_POSTINGS = 128  # a term in this many snippets or more is summed from its own slice (`SnippetIndex.scores`)
_HEAD, _MODIFIER = HOW.index("head"), HOW.index("modifier")
_PARALLEL_BUILD = 40_000  # snippets: a smaller index is built in this process alone (a worker costs ~0.2 s to start)


def term_tables(terms: list[str]) -> tuple[np.ndarray, np.ndarray, CompoundTable]:
    """What the index makes of its terms alone (in a worker process for a large vocabulary): the term ids in the
    order of the sorted and of the sorted reversed terms (`term_orders`), and the compound table."""
    forward, backward = term_orders(terms)
    compounds = compound_table(dict(zip(terms, range(len(terms)))), forward, backward)
    return np.asarray(forward, np.int32), np.asarray(backward, np.int32), compounds


class SortedTerms(Sequence[str]):
    """The vocabulary's terms in sorted order (what `Vocabulary.forward` holds), looked up through their order
    rather than kept as a list of their own: a slice is walked, not copied (`Vocabulary.starting_with` looks at
    the first few of one), and nothing is made when an index is loaded."""

    def __init__(self, terms: list[str], order: np.ndarray):
        self.terms = terms
        self.order = order

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return (self.terms[number] for number in self.order[position].tolist())
        return self.terms[int(self.order[position])]


class ReversedTerms(SortedTerms):
    """The vocabulary's terms reversed, in sorted order (what `Vocabulary.backward` holds), made one at a time
    from the terms and their order rather than kept."""

    def __getitem__(self, position):
        if isinstance(position, slice):
            return (self.terms[number][::-1] for number in self.order[position].tolist())
        return self.terms[int(self.order[position])][::-1]


def lean_vocabulary(vocab: dict[str, int], forward: np.ndarray | None = None, backward: np.ndarray | None = None) -> Vocabulary:
    """`Vocabulary(vocab)` holding no strings of its own: the vocab's keys as the known terms, the same terms
    in sorted order and the reversed terms in theirs, both looked up when looked at. `forward` and `backward`
    (term ids in the order of the sorted and of the reversed terms) when already known."""
    terms = list(vocab)
    vocabulary = Vocabulary.__new__(Vocabulary)
    if forward is None or backward is None:
        forward, backward = (np.asarray(order, np.int32) for order in term_orders(terms))
    vocabulary.forward = SortedTerms(terms, forward)
    vocabulary.backward = ReversedTerms(terms, backward)
    vocabulary.known = vocab.keys()  # a set view: `in` is all a Vocabulary asks of it
    return vocabulary


# --- identity and cache ----------------------------------------------------------------------------------


@runtime_checkable
class StoredCorpus(Protocol):
    """A corpus served from the cache database (corpus.stored.StoredSnippets): its content key, and its
    snippets' fields read column by column."""

    @property
    def key(self) -> str: ...

    @property
    def stored(self) -> bool: ...

    @property
    def extra(self) -> list[Snippet]: ...

    def column_lists(self, names: tuple[str, ...]) -> list[list]: ...


def fingerprint(snippets: Sequence[Snippet], settings: IndexSettings) -> str:
    """A hash of everything the index holds: text, stance, kind, topics and provenance, in order. A corpus
    from the cache database is named by its content key instead (its files' hashes), so it is not read."""
    if isinstance(snippets, StoredCorpus) and snippets.stored:
        return hashlib.blake2b(f"{settings.signature}\x1d{analysis_signature(settings)}\x1d{snippets.key}".encode(),
                               digest_size=16).hexdigest()
    parts = [settings.signature, analysis_signature(settings)]
    for s in snippets:
        source = s.source
        parts.append(
            f"{s.text}\x1f{s.stance}\x1f{s.kind}\x1f{chr(30).join(s.topics)}\x1f{source.title}\x1f{source.section}"
            f"\x1f{source.remiss_dnr}\x1f{source.organisation}\x1f{source.namnd}\x1f{source.dnr}\x1f{source.file}"
        )
    return hashlib.blake2b("\x1d".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_MEMORY: OrderedDict[str, SnippetIndex] = OrderedDict()
log = logging.getLogger(__name__)


def get_index(snippets: Sequence[Snippet], settings: IndexSettings | None = None, use_disk: bool = True,
              progress: Callable[[int, int], None] | None = None,
              store: Callable[[SnippetIndex], None] | None = None) -> SnippetIndex:
    """The index for these snippets: from memory, else from the cache database, else built and stored – by
    `store` (default `storage.store_later`) when the caller has its own time for it."""
    settings = settings or IndexSettings()
    key = fingerprint(snippets, settings)
    index = _MEMORY.get(key)
    if index is None and use_disk:
        index = storage.load(key)
    if index is None:
        index = SnippetIndex.build(snippets, settings, key, progress=progress if use_disk else None)
        if use_disk:
            (store or storage.store_later)(index)
    keep_in_memory(index)
    return index


def at_hand(snippets: Sequence[Snippet], settings: IndexSettings | None = None) -> bool:
    """Whether `get_index` would find the index of these snippets (in memory or kept in the cache database)
    rather than build it."""
    key = fingerprint(snippets, settings or IndexSettings())
    return key in _MEMORY or storage.has_index(key)


def keep_in_memory(index: SnippetIndex) -> None:
    """Keep an index in this process: `get_index` hands it out for snippets of its key (the last few kept)."""
    _MEMORY[index.key] = index
    _MEMORY.move_to_end(index.key)
    while len(_MEMORY) > _KEEP_IN_MEMORY:
        _MEMORY.popitem(last=False)


def forget_memory() -> None:
    """Drop the indexes kept in this process, once those being written are written (tests and benchmarks use it
    to measure the cache database)."""
    storage.wait()
    _MEMORY.clear()


from . import storage  # noqa: E402 – storage reads and writes SnippetIndex, defined above
