"""Which snippets answered the remiss being answered (the same document, or an earlier version of it), and
which of its sections each answered.

A snippet answered this remiss when its recorded remiss dnr is this remiss's, or its recorded title names it.

An yttrande records the remiss it answered in its own words: "Yttrande över förslag till ändring av föreskrifter
(NFS 2016:8) om miljörapport" for the remiss "Naturvårdsverkets föreskrifter om miljörapport", "… skötselplan för
Lilla Äskhults kulturreservat …" for "… skötselplan för det blivande kulturreservatet Lilla Äskhult …". Two ways
count as the same title:

* nearly the same letters (`index.title_key` forms at least 88 % alike, or one's words all in the other when
  they are of similar length);
* the same subject: the titles' content terms (stemmed, without stop words), leaving out the words that say what
  kind of document it is ("förslag", "ändring", "remiss", "SOU", …) and the sender's name ("Naturvårdsverkets"):
  at least two shared, at least 80 % of the shorter side's and half of the longer side's.

The section a snippet answered is its `source.section`; a snippet of this remiss without one takes the sections
of the snippets of this remiss that are the same position (sharing a run of `SAME_RUN` words: the förvaltning's
and the nämnd's yttrande often write one position twice, and only one of them under a heading that names it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from ..model import Remiss, Snippet
from .index import SnippetIndex, dnr_key, title_key
from .normalize import Analyzer, iter_words, plain

# Words of a remiss title that say what kind of document or step it is, not what it is about (as terms).
_KIND_WORDS = (
    "förslag ändring ändringar remiss remissen remissversion samråd samrådsversion samrådshandling utkast betänkande "
    "promemoria skrivelse yttrande konsekvensutredning sou ds nfs prop proposition"
)
_MIN_SHARED = 2
SAME_RUN = 8  # words in a row two snippets share when they are the same position


class TitleMatcher:
    """Compares one remiss's title with stored titles (`index.titles.values`, title_key forms)."""

    def __init__(self, analyzer: Analyzer, sender: str = ""):
        self._analyzer = analyzer
        self._kind = set(analyzer.terms(_KIND_WORDS))
        self._sender = [word for word in plain(sender).split() if len(word) >= 4]

    def subject(self, title: str) -> set[str]:
        """The content terms of a title that say what it is about."""
        return {
            term for term in self._analyzer.terms(title)
            if term not in self._kind and not any(fuzz.ratio(term, name) >= 85 for name in self._sender)
        }

    def same(self, title: str, titles: list[str]) -> np.ndarray:
        """1 for each stored title that names the same remiss as `title` (both title_key forms), else 0."""
        if not titles:
            return np.zeros(0, np.float32)
        ratio = process.cdist([title], titles, scorer=fuzz.ratio, dtype=np.float32)[0]
        token_set = process.cdist([title], titles, scorer=fuzz.token_set_ratio, dtype=np.float32)[0]
        lengths = np.asarray([len(t) for t in titles], np.float32)
        balance = np.minimum(lengths, len(title)) / np.maximum(np.maximum(lengths, len(title)), 1)
        alike = (ratio >= 88) | ((token_set >= 95) & (balance >= 0.6))
        mine = self.subject(title)
        if len(mine) >= _MIN_SHARED:
            alike |= np.asarray([_same_subject(mine, self.subject(other)) for other in titles], bool)
        return alike.astype(np.float32)


def _same_subject(a: set[str], b: set[str]) -> bool:
    shared = len(a & b)
    return shared >= _MIN_SHARED and shared >= 0.8 * min(len(a), len(b)) and shared >= 0.5 * max(len(a), len(b))


@dataclass
class Answered:
    """What the corpus records about one remiss: which snippets answered it, and the (snippet, section reference)
    pairs of those, near-duplicates' included."""

    remiss: Remiss
    same: np.ndarray  # bool per snippet
    references: list[tuple[int, str]]


def answered(index: SnippetIndex, snippets: list[Snippet], remiss: Remiss, analyzer: Analyzer) -> Answered:
    """Which snippets (those `index` was built from) answered `remiss`, and which section each answered: its
    recorded section, else the headings it stood under in its yttrande (topics), else its near-duplicates'."""
    same = np.zeros(index.n_docs, bool)
    title = title_key(remiss.title)
    if title and index.titles.values:
        flags = TitleMatcher(analyzer, remiss.sender).same(title, index.titles.values)
        same |= index.titles.per_doc(flags, index.n_docs) > 0
    dnrs = {dnr_key(remiss.dnr), dnr_key(remiss.reply_dnr)} - {""}
    if dnrs and index.remiss_dnrs.values:
        flags = np.asarray([value in dnrs for value in index.remiss_dnrs.values], np.float32)
        same |= index.remiss_dnrs.per_doc(flags, index.n_docs) > 0
    pairs = same[index.sections.docs]
    recorded = [(doc, index.sections.values[sid]) for doc, sid in zip(index.sections.docs[pairs].tolist(), index.sections.ids[pairs].tolist())]
    have = {doc for doc, _ in recorded}
    docs = np.flatnonzero(same).tolist()
    recorded += [(doc, topic) for doc in docs if doc not in have for topic in snippets[doc].topics if topic.strip()]
    return Answered(remiss, same, recorded + _shared(docs, snippets, recorded))


def _shared(docs: list[int], snippets: Sequence[Snippet], recorded: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The references a snippet without one takes from the same position written elsewhere (of `docs`; only
    their texts are read)."""
    have = {doc for doc, _ in recorded}
    if not have or len(have) == len(docs):
        return []
    runs = {doc: _runs(snippets[doc].text) for doc in docs}
    taken = []
    for doc in docs:
        if doc in have:
            continue
        for other, reference in recorded:
            if runs[doc] & runs[other]:
                taken.append((doc, reference))
    return taken


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [folded for _, folded in iter_words(text)]
    return {tuple(words[i : i + SAME_RUN]) for i in range(len(words) - SAME_RUN + 1)}
