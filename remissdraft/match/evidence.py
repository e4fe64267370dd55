"""How strongly a snippet's words say it answers a section, on a scale that means the same for every query.

Raw BM25 grows with the length of the query and the size of the corpus, so it ranks but says nothing about
whether anything fits. Here it is put on a fixed scale:

* a term's weight in the corpus (its idf) is capped at `idf_cap`: a word in about 2 % of the snippets or fewer
  counts as fully specific, a more common one counts for less, whatever the corpus's size;
* the score is divided by the query's own best possible score: what a snippet of average length holding the
  query's `ideal_terms` strongest terms once would score (BM25 as bm25s's "lucene" method weighs a term:
  idf * tf / (tf + k1 * (1 - b + b * length / average length)), so idf / (1 + k1) for one occurrence at
  average length). Terms of the query that the corpus does not have count there too (as fully specific), so
  when the corpus lacks the words that matter, nothing scores high;
* a fit shares the section's key terms, not a scattering of the hundreds of words a long section text holds:
  a term whose value (query weight x capped idf) is below `key_share` of the query's strongest counts for
  less, quadratically (a term at half that share counts a quarter as much as it would);
* optionally (`single_term` < 1), one word alone counts as a coincidence: a snippet whose evidence comes for
  at least `one_word` of it from a single term keeps only `single_term` of it. Off by default: on the real
  sets the right positions are often short and carried by one key word, so it cost more than it gained.

`confidence` turns the final score (this evidence plus labels, neighbours and provenance) into 0–1.
"""

from __future__ import annotations

import math

import numpy as np

from .index import SnippetIndex


def idf(index: SnippetIndex) -> np.ndarray:
    """The Lucene idf of every index term, as bm25s weighs it: ln(1 + (N - df + 0.5) / (df + 0.5))."""
    df = np.diff(index.indptr).astype(np.float64)
    return np.log1p((index.n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)


def unknown_idf(n_docs: int) -> float:
    """The idf of a term no snippet has."""
    return math.log1p((n_docs + 0.5) / 0.5)


def query_values(terms: dict[str, float], index: SnippetIndex, term_idf: np.ndarray, cap: float) -> list[float]:
    """Per query term, best first, its weight times its idf (capped): what it is worth to a snippet, up to
    the length factor; a term the corpus lacks counts as fully specific."""
    missing = min(unknown_idf(index.n_docs), cap)
    values = (weight * (min(float(term_idf[index.vocab[term]]), cap) if term in index.vocab else missing) for term, weight in terms.items())
    return sorted(values, reverse=True)


def ideal_score(values: list[float], count: int, k1: float) -> float:
    """The query's own best possible score: a snippet of average length holding its `count` strongest terms
    once."""
    return float(sum(values[:count])) / (1.0 + k1)


def key_weights(weights: np.ndarray, term_idf: np.ndarray, cap: float, strongest: float, key_share: float) -> np.ndarray:
    """Query weights by index term for BM25 with the idf capped at `cap` and the terms worth less than
    `key_share` of the `strongest` value damped quadratically."""
    scale = np.minimum(1.0, cap / np.maximum(term_idf, 1e-6))
    if key_share > 0 and strongest > 0:
        share = weights * np.minimum(term_idf, cap) / strongest
        scale = scale * np.minimum(1.0, share / key_share) ** 2
    return (weights * scale).astype(np.float32)


def largest_part(index: SnippetIndex, weights: np.ndarray) -> np.ndarray:
    """Per snippet, the largest part one query term has in its weighted BM25 score (`SnippetIndex.scores`)."""
    largest = np.zeros(index.n_docs, np.float32)
    term_ids = np.flatnonzero(weights)
    for term_id in term_ids.tolist():  # one term at a time: a query has a few hundred
        start, end = index.indptr[term_id], index.indptr[term_id + 1]
        docs = index.indices[start:end]
        largest[docs] = np.maximum(largest[docs], index.data[start:end] * weights[term_id])
    return largest


def confidence(score: np.ndarray | float, half: float) -> np.ndarray:
    """0–1 from a score: 0.5 at `half`, 0.75 at twice that, never quite 1."""
    return 1.0 - np.power(2.0, -np.maximum(np.asarray(score, np.float64), 0.0) / half)
