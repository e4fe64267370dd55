"""Let a term meet the same word inside a Swedish compound, in either direction.

Swedish glues words together: "folkhälsokonsekvensanalys", "samverkansformer", "närsamhällesperspektiv".
Without a lexicon, compounds are read against the index's own vocabulary of stems:

* a term is the *head* of a compound that ends with it ("analys" in "konsekvensanalys"); Swedish compounds
  are right-headed, so that compound *is* an analys;
* a term is the *modifier* of a compound that starts with it, followed by an optional linking element
  (-s-, -e-, -o- as in "hälso-") and a rest that is itself a word ("närsamhäll" + "es" + "perspektiv");
* a *variant* is the same word with an ending the Snowball stemmer left ("livsförloppet");
* the other way round, an index term is a *part* of a query compound ("barnkonsekvensanalysen" holds the
  index terms "barn" and "konsekvensanalys"); the longest part at each end counts.

The index stores, once per corpus, which of its terms each term occurs in (`CompoundTable`), so a query
term the corpus knows meets its compounds with one look-up. A query term the corpus does not know
("närsamhälle" when the corpus only has "närsamhällesperspektiv") is found by binary search in the
sorted vocabulary and in the sorted reversed vocabulary.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence, Set

import numpy as np

MIN_PART = 4  # shortest term that may meet a compound ("barn", "vård", "nivå")
MIN_MODIFIER = 3  # shortest modifier left in front of a head ("mun" in "munhälsa")
LONG_REST = 6  # a rest this long counts as a word even when the vocabulary does not know it
# Linking elements between modifier and head, and the vowel the stemmer removed ("hälsa" -> "häls" + "o").
LINKS = ("", "s", "e", "es", "a", "o", "u", "on", "ar")
# Endings the Swedish Snowball stemmer leaves on some words ("livsförloppet", "lokalsamhället").
INFLECTIONS = frozenset(("et", "ets", "en", "ens", "n", "t", "s", "na", "nas"))
HOW = ("variant", "modifier", "head", "part")
_SCAN_LIMIT = 5_000  # candidates looked at per binary search (a very short prefix is not worth more)


class Vocabulary:
    """Terms sorted forwards and reversed, for prefix and suffix search."""

    def __init__(self, terms: Iterable[str]):
        self.forward: Sequence[str] = sorted(set(terms))
        self.backward: Sequence[str] = sorted(term[::-1] for term in self.forward)
        self.known: Set[str] = frozenset(self.forward)

    def __contains__(self, term: str) -> bool:
        return term in self.known

    def __len__(self) -> int:
        return len(self.forward)

    def starting_with(self, prefix: str) -> Iterator[str]:
        start = bisect_left(self.forward, prefix)
        for term in self.forward[start : start + _SCAN_LIMIT]:
            if not term.startswith(prefix):
                break
            yield term

    def ending_with(self, suffix: str) -> Iterator[str]:
        reversed_suffix = suffix[::-1]
        start = bisect_left(self.backward, reversed_suffix)
        for term in self.backward[start : start + _SCAN_LIMIT]:
            if not term.startswith(reversed_suffix):
                break
            yield term[::-1]


def _is_word(rest: str, known: Set[str]) -> bool:
    """The rest of a compound after a modifier and a linking element is a word of its own."""
    return len(rest) >= MIN_MODIFIER and (len(rest) >= LONG_REST or rest in known)


def _after_modifier(rest: str, known: Set[str]) -> bool:
    return any(rest.startswith(link) and _is_word(rest[len(link) :], known) for link in LINKS)


def relation(part: str, whole: str, known: Set[str]) -> str:
    """How `part` occurs in `whole` ("variant", "modifier", "head"), or "" when it does not."""
    if len(part) < MIN_PART or len(whole) <= len(part):
        return ""
    if whole.startswith(part):
        rest = whole[len(part) :]
        if rest in INFLECTIONS:
            return "variant"
        if _after_modifier(rest, known):
            return "modifier"
    if whole.endswith(part) and len(whole) - len(part) >= MIN_MODIFIER:
        return "head"
    return ""


def parts_of(term: str, known: Set[str]) -> Iterator[tuple[str, str]]:
    """Every known term inside `term`, with how it occurs there."""
    for end in range(MIN_PART, len(term)):
        part = term[:end]
        if part in known:
            how = relation(part, term, known)
            if how:
                yield part, how
    for start in range(MIN_MODIFIER, len(term) - MIN_PART + 1):
        part = term[start:]
        if part in known:
            yield part, "head"


class CompoundTable:
    """For every term of an index, the index terms it occurs in (as variant, modifier or head): CSR arrays
    by term id, built once per corpus."""

    def __init__(self, vocab: dict[str, int]):
        known = frozenset(vocab)
        pairs: list[tuple[int, int, int]] = []
        for whole, whole_id in vocab.items():
            if len(whole) > MIN_PART:
                for part, how in parts_of(whole, known):
                    pairs.append((vocab[part], whole_id, HOW.index(how)))
        pairs.sort()
        sources = np.fromiter((p[0] for p in pairs), np.int64, len(pairs))
        self.indptr = np.zeros(len(vocab) + 1, np.int64)
        np.cumsum(np.bincount(sources, minlength=len(vocab)), out=self.indptr[1:])
        self.targets = np.fromiter((p[1] for p in pairs), np.int32, len(pairs))
        self.kinds = np.fromiter((p[2] for p in pairs), np.int8, len(pairs))

    def containing(self, term_id: int) -> Iterator[tuple[int, str]]:
        """(id of an index term the term occurs in, how)."""
        start, end = self.indptr[term_id], self.indptr[term_id + 1]
        for target, kind in zip(self.targets[start:end].tolist(), self.kinds[start:end].tolist()):
            yield target, HOW[kind]


def compounds_of(term: str, vocab: dict[str, int], vocabulary: Vocabulary) -> dict[int, str]:
    """Ids of the index terms that `term` occurs in, found by search (for a term the index lacks)."""
    found: dict[int, str] = {}
    if len(term) < MIN_PART:
        return found
    for candidate in vocabulary.starting_with(term):
        how = relation(term, candidate, vocabulary.known)
        if how:
            found[vocab[candidate]] = how
    for candidate in vocabulary.ending_with(term):
        if len(candidate) - len(term) >= MIN_MODIFIER:
            found.setdefault(vocab[candidate], "head")
    return found


def parts_in(term: str, vocab: dict[str, int], vocabulary: Vocabulary) -> dict[int, str]:
    """Ids of the longest index terms at the start and at the end of a query compound."""
    found: dict[int, str] = {}
    known = vocabulary.known
    for end in range(len(term) - MIN_MODIFIER, MIN_PART - 1, -1):
        part = term[:end]
        how = relation(part, term, known) if part in known else ""
        if how:
            found[vocab[part]] = "variant" if how == "variant" else "part"
            break
    for start in range(MIN_MODIFIER, len(term) - MIN_PART + 1):
        part = term[start:]
        if part in known:
            found.setdefault(vocab[part], "part")
            break
    return found


def expand(term: str, vocab: dict[str, int], vocabulary: Vocabulary, table: CompoundTable | None = None) -> dict[int, str]:
    """Ids of index terms other than `term` that share a word with it, each with how."""
    term_id = vocab.get(term)
    if term_id is not None and table is not None:
        found = dict(table.containing(term_id))
    else:
        found = compounds_of(term, vocab, vocabulary)
    for part_id, how in parts_in(term, vocab, vocabulary).items():
        found.setdefault(part_id, how)
    if term_id is not None:
        found.pop(term_id, None)
    return found
