"""Free-text search over a corpus from a word index made once: the same snippets, in the same order, as
`corpus.textsearch.search` (every query word inside a word of the snippet's text, topics or provenance, ranked
by how many of its words hold one), without reading every snippet again for each keystroke.

The index holds every distinct word of the corpus once, in one string (`lexicon`, a word a line), and for each
word the snippets that have it and how many times. A query word is found in the lexicon by substring search;
the snippets of the words it is in are counted with numpy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from ..model import Snippet

_WORD = re.compile(r"\w+")  # corpus.textsearch's words
_TOKEN = re.compile(r"\w+|\x00")  # a word, or the mark between two snippets
_BATCH = 5000  # snippets read into the index at a time
_KEEP_QUERIES = 8  # query words whose counts are kept (the words of a query typed so far)
_FIELDS = ("text", "topics", "organisation", "namnd", "dnr", "title")


def query_words(query: str) -> list[str]:
    """The words of a query as corpus.textsearch takes them."""
    return _WORD.findall(unicodedata.normalize("NFC", query).casefold())


def searched_rows(snippets: Sequence[Snippet]) -> Iterator[list[tuple]]:
    """What the search reads of each snippet (text, topics, organisation, nämnd, dnr, title), in order, a batch
    at a time; a corpus served from the cache database column by column, without making Snippets. Raises one of
    `cachedb.CacheError` when that database fails (then search `list(snippets)`)."""
    if getattr(snippets, "stored", False) and hasattr(snippets, "column_batches"):
        yield from snippets.column_batches(_FIELDS, _BATCH)  # a StoredSnippets
        extra = list(snippets.extra)  # type: ignore[attr-defined]
    else:
        extra = list(snippets)
    for start in range(0, len(extra), _BATCH):
        yield [_row(snippet) for snippet in extra[start : start + _BATCH]]


def _row(snippet: Snippet) -> tuple:
    source = snippet.source
    return (snippet.text, snippet.topics, source.organisation, source.namnd, source.dnr, source.title)


class WordIndex:
    """Per snippet the distinct words it has and how often (CSR: `indptr` over snippets), and every word of the
    corpus once in `lexicon`."""

    def __init__(self, batches: Iterable[list[tuple]]):
        position: dict[str, int] = {"\x00": 0}  # the mark between snippets is word 0 (no query word is in it)
        words: list[np.ndarray] = []
        counts: list[np.ndarray] = []
        lengths: list[np.ndarray] = []
        for rows in batches:
            if not rows:
                continue
            texts = [" ".join([text, *topics, organisation, namnd, dnr, title]).replace("\x00", " ")
                     for text, topics, organisation, namnd, dnr, title in rows]
            tokens = _TOKEN.findall(unicodedata.normalize("NFC", "\n\x00\n".join(texts)).casefold())
            new = [token for token in dict.fromkeys(tokens) if token not in position]
            position.update(zip(new, range(len(position), len(position) + len(new))))
            ids = np.fromiter(map(position.__getitem__, tokens), np.int64, len(tokens))
            mark = ids == 0
            doc = np.cumsum(mark)  # which snippet of the batch each word is of
            pairs, found = np.unique((doc[~mark] << 32) | ids[~mark], return_counts=True)  # by snippet, then word
            words.append((pairs & 0xFFFFFFFF).astype(np.int32))
            counts.append(found.astype(np.int32))
            lengths.append(np.bincount((pairs >> 32).astype(np.int64), minlength=len(texts)))
        count = np.concatenate(counts) if counts else np.zeros(0, np.int32)
        most = int(count.max()) if len(count) else 0
        per_doc = np.concatenate(lengths) if lengths else np.zeros(0, np.int64)
        indptr = np.zeros(len(per_doc) + 1, np.int64)
        np.cumsum(per_doc, out=indptr[1:])
        self._use(np.concatenate(words) if words else np.zeros(0, np.int32),
                  count.astype(np.uint8 if most <= 0xFF else np.uint16 if most <= 0xFFFF else np.int32),  # small
                  indptr, "\n".join(position))

    @classmethod
    def of_arrays(cls, words: np.ndarray, counts: np.ndarray, indptr: np.ndarray, lexicon: str) -> WordIndex:
        """The index as `arrays` gave it (from the cache database, checked there)."""
        index = cls.__new__(cls)
        index._use(words, counts, indptr, lexicon)
        return index

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
        """What the index is made of: per (snippet, word) pair the word and its count, the pairs' offsets per
        snippet, and the lexicon (the rest follows from them)."""
        return self.words, self.counts, self.indptr, self.lexicon

    def _use(self, words: np.ndarray, counts: np.ndarray, indptr: np.ndarray, lexicon: str) -> None:
        self.words, self.counts, self.indptr, self.lexicon = words, counts, indptr, lexicon  # the lexicon: a word a line
        self.n_docs = len(indptr) - 1
        self._nonempty = np.flatnonzero(np.diff(indptr))  # np.add.reduceat counts an empty run wrong: those are left out
        sizes = np.fromiter(map(len, lexicon.split("\n")), np.int64) + 1
        self.n_words = len(sizes)
        self.starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        self._found: OrderedDict[str, np.ndarray] = OrderedDict()

    def hits(self, word: str) -> np.ndarray:
        """Per snippet, how many of its words hold `word` (a query word)."""
        found = self._found.get(word)
        if found is not None:
            self._found.move_to_end(word)
            return found
        places = np.fromiter((match.start() for match in re.finditer(re.escape(word), self.lexicon)), np.int64)
        holding = np.zeros(self.n_words, bool)
        holding[np.searchsorted(self.starts, places, side="right") - 1] = True
        found = np.zeros(self.n_docs, np.int64)
        if len(self._nonempty):
            per_pair = np.where(holding[self.words], self.counts, 0)
            found[self._nonempty] = np.add.reduceat(per_pair, self.indptr[self._nonempty], dtype=np.int64)
        self._found[word] = found
        while len(self._found) > _KEEP_QUERIES:
            self._found.popitem(last=False)
        return found

    def search(self, query: str, limit: int) -> list[int]:
        """The positions of the snippets that hold every query word, most occurrences first, then in corpus
        order: `corpus.textsearch.search`, as positions."""
        wanted = query_words(query)
        if not wanted or limit < 1:
            return []
        total = np.zeros(self.n_docs, np.int64)
        every = np.ones(self.n_docs, bool)
        for word in wanted:
            found = self.hits(word)
            every &= found > 0
            total += found
        candidates = np.flatnonzero(every)
        order = np.lexsort((candidates, -total[candidates]))[:limit]
        return candidates[order].tolist()
