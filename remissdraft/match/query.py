"""The query for one remiss section: weighted terms from its title, its parent's title and its text (a long
text's terms counting less, as BM25 normalises a document's), mapped onto an index's vocabulary (compounds
included)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import Remiss, Section
from .compounds import HOW, compounds_of, parts_in
from .index import SnippetIndex
from .normalize import Analyzer


@dataclass(frozen=True)
class QuerySettings:
    """How much each part of a section counts. The flags exist so the benchmark can measure each step."""

    title: float = 3.0  # the section's own title
    parent: float = 1.5  # the title of the section it belongs to
    text: float = 1.0  # its paragraphs (term frequency saturates, k3)
    children: float = 0.3  # titles and text of its sub-sections
    k3: float = 1.2
    text_b: float = 0.75  # how much a long text's terms count less (BM25's b, on the query's side): one word
    # among the thousands of a long section says little about what it is about (real sets: MRR 0.84 -> 0.87,
    # the right position first for a 7000-character skötselplan chapter instead of 46th)
    text_length: float = 50.0  # the text length (in terms) at which a text term counts as it is
    specificity: bool = True  # weigh terms by how few sections of the remiss use them
    compounds: bool = True  # let terms meet the same word inside compounds
    compound_weight: float = 0.5  # the query term inside an index compound counts this much of an exact match
    part_weight: float = 0.25  # an index term inside a query compound (more general than the query) counts this much


def parent_of(remiss: Remiss, section: Section) -> Section | None:
    """The section whose children include `section`, if any."""
    for candidate in remiss.walk():
        if any(child is section for child in candidate.children):
            return candidate
    return None


def _text_weights(terms: list[str], settings: QuerySettings) -> dict[str, float]:
    """Per term of a text, its weight: the count saturated (k3) and, as BM25 does for a document, a long text's
    terms counting less (`text_b`, `text_length`): one word among thousands says less about what it is about."""
    k3 = settings.k3 * (1 - settings.text_b + settings.text_b * len(terms) / settings.text_length)
    return {term: count * (settings.k3 + 1) / (count + k3) for term, count in Counter(terms).items()}


def section_terms(
    remiss: Remiss,
    section: Section,
    analyzer: Analyzer,
    settings: QuerySettings,
    specificity: dict[str, float] | None = None,
) -> dict[str, float]:
    """Query terms with their weights, before they meet an index. `specificity` may be passed in when
    already known for this remiss (see `remiss_specificity`)."""
    weights: dict[str, float] = defaultdict(float)
    for term in set(analyzer.terms(section.title)):
        weights[term] += settings.title
    parent = parent_of(remiss, section)
    if parent is not None and settings.parent:
        for term in set(analyzer.terms(parent.title)):
            weights[term] += settings.parent
    for term, value in _text_weights(analyzer.terms(section.text), settings).items():
        weights[term] += settings.text * value
    if settings.children:
        below = [t for child in section.children for s in child.walk() for t in analyzer.terms(f"{s.title}\n{s.text}")]
        for term, value in _text_weights(below, settings).items():
            weights[term] += settings.children * value
    if settings.specificity:
        specificity = remiss_specificity(remiss, analyzer) if specificity is None else specificity
        for term in weights:
            weights[term] *= specificity.get(term, 1.0)
    return dict(weights)


def remiss_specificity(remiss: Remiss, analyzer: Analyzer) -> dict[str, float]:
    """1 for a term only one section uses, falling towards log 2 / log(N+1) for a term every section uses:
    what the whole remiss talks about says little about which earlier position fits this section."""
    documents = [set(analyzer.terms(f"{s.title}\n{s.text}")) for s in remiss.walk()]
    documents = [terms for terms in documents if terms]
    if len(documents) < 3:
        return {}
    frequency = Counter(term for terms in documents for term in terms)
    scale = math.log(1 + len(documents))
    return {term: math.log(1 + len(documents) / count) / scale for term, count in frequency.items()}


def to_index(terms: dict[str, float], index: SnippetIndex, settings: QuerySettings, cache: dict | None = None) -> np.ndarray:
    """The query as a weight per index term (dense, by term id): exact terms at their weight, terms met
    inside a compound at a share of it (the best of several ways counts, never their sum). `cache`: a dict
    kept with `index` (and only with it) where the terms each query term meets are kept for the next query."""
    weights = np.zeros(len(index.vocab), np.float32)
    if not len(weights):
        return weights
    share = np.asarray([{"variant": 1.0, "part": settings.part_weight}.get(how, settings.compound_weight) for how in HOW] + [1.0],
                       np.float32)  # by way of meeting, the term itself last (`_EXACT`)
    ids: list[np.ndarray] = []
    ways: list[np.ndarray] = []
    counts: list[int] = []
    values: list[float] = []
    for term, weight in terms.items():
        met = cache.get((term, settings.compounds)) if cache is not None else None
        if met is None:
            met = _met(term, index, settings.compounds)
            if cache is not None:
                if cache.get(_SIZE, 0) + len(met[0]) > _CACHE_IDS:
                    cache.clear()
                cache[(term, settings.compounds)] = met
                cache[_SIZE] = cache.get(_SIZE, 0) + len(met[0])
        if len(met[0]):
            ids.append(met[0])
            ways.append(met[1])
            counts.append(len(met[0]))
            values.append(weight)
    if ids:
        met_values = np.repeat(np.asarray(values, np.float32), counts) * share[np.concatenate(ways)]
        np.maximum.at(weights, np.concatenate(ids), met_values)
    return weights


_EXACT = len(HOW)  # the way a term meets itself, after those of HOW
_SIZE = "\x00size"  # the key under which a cache counts the term ids it holds
_CACHE_IDS = 1_000_000  # term ids a cache holds before it starts over


def _met(term: str, index: SnippetIndex, compounds: bool) -> tuple[np.ndarray, np.ndarray]:
    """The index terms a query term meets (its own, and with `compounds` those it meets inside a compound) and
    how, by position in HOW (`_EXACT` for itself); a term may be met more than one way."""
    vocab = index.vocab
    table = index.compounds
    term_id = vocab.get(term)
    ids: list[np.ndarray] = []
    ways: list[np.ndarray] = []
    if term_id is not None:
        ids.append(np.asarray([term_id], np.int32))
        ways.append(np.asarray([_EXACT], np.int8))
    if compounds:
        if term_id is not None:  # the compounds of a term the corpus has: one slice of the table
            start, end = table.indptr[term_id], table.indptr[term_id + 1]
            if end > start:
                ids.append(np.asarray(table.targets[start:end], np.int32))
                ways.append(np.asarray(table.kinds[start:end], np.int8))
        found = compounds_of(term, vocab, index.vocabulary) if term_id is None else {}
        found.update(parts_in(term, vocab, index.vocabulary))
        if found:
            ids.append(np.fromiter(found, np.int32, len(found)))
            ways.append(np.asarray([HOW.index(how) for how in found.values()], np.int8))
    if not ids:
        return np.zeros(0, np.int32), np.zeros(0, np.int8)
    return np.concatenate(ids), np.concatenate(ways)
