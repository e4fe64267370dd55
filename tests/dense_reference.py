"""The ranking as it was computed before the sparse and cached paths (remissdraft at 9b3849f): every part as a
dense array over all snippets, every time. Kept here only as the reference the fast path must equal
(tests/test_match_fast_path.py); the methods are those of `Matcher` then, the functions those of query.py,
index.py and evidence.py then."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from remissdraft.match import evidence
from remissdraft.match.compounds import HOW, compounds_of, parts_in
from remissdraft.match.index import SnippetIndex, head_of, series_key
from remissdraft.match.matcher import PARTS, Hit, Matcher, _names, _same_name, _section_fit
from remissdraft.match.normalize import iter_words, plain
from remissdraft.match.query import QuerySettings, section_terms
from remissdraft.match.similar import collapse
from remissdraft.model import STANCES, Remiss, Section, Snippet


def _sum(parts: dict[str, np.ndarray]) -> np.ndarray:
    values = iter(parts.values())
    total = next(values)
    for part in values:
        total = total + part
    return total


def dense_to_index(terms: dict[str, float], index: SnippetIndex, settings: QuerySettings) -> np.ndarray:
    """The query as a weight per index term (dense, by term id): exact terms at their weight, terms met
    inside a compound at a share of it (the best of several ways counts, never their sum)."""
    weights = np.zeros(len(index.vocab), np.float32)
    if not len(weights):
        return weights
    vocab = index.vocab
    table = index.compounds
    share = np.asarray([{"variant": 1.0, "part": settings.part_weight}.get(how, settings.compound_weight) for how in HOW], np.float32)
    ids: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for term, weight in terms.items():
        term_id = vocab.get(term)
        if term_id is not None:
            ids.append(np.asarray([term_id]))
            values.append(np.asarray([weight], np.float32))
        if not settings.compounds:
            continue
        if term_id is not None:  # the compounds of a term the corpus has: one slice of the table
            start, end = table.indptr[term_id], table.indptr[term_id + 1]
            if end > start:
                ids.append(table.targets[start:end])
                values.append(weight * share[table.kinds[start:end]])
        found = compounds_of(term, vocab, index.vocabulary) if term_id is None else {}
        found.update(parts_in(term, vocab, index.vocabulary))
        if found:
            ids.append(np.fromiter(found, np.int64, len(found)))
            values.append(weight * share[[HOW.index(how) for how in found.values()]])
    if ids:
        np.maximum.at(weights, np.concatenate(ids), np.concatenate(values))
    return weights



def dense_scores(self: SnippetIndex, weights: np.ndarray) -> np.ndarray:
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
    # Every posting of the query terms at once: positions start..end-1 of each term (int32: half the memory).
    shift = (starts - (np.cumsum(lengths) - lengths)).astype(np.int32)
    offsets = np.repeat(shift, lengths)
    offsets += np.arange(len(offsets), dtype=np.int32)
    contributions = self.data[offsets]
    contributions *= np.repeat(term_weights, lengths)
    return np.bincount(self.indices[offsets], weights=contributions, minlength=self.n_docs).astype(np.float32)


def dense_key_weights(weights: np.ndarray, term_idf: np.ndarray, cap: float, strongest: float, key_share: float) -> np.ndarray:
    """Query weights by index term for BM25 with the idf capped at `cap` and the terms worth less than
    `key_share` of the `strongest` value damped quadratically."""
    scale = np.minimum(1.0, cap / np.maximum(term_idf, 1e-6))
    if key_share > 0 and strongest > 0:
        share = weights * np.minimum(term_idf, cap) / strongest
        scale = scale * np.minimum(1.0, share / key_share) ** 2
    return (weights * scale).astype(np.float32)



class DenseMatcher(Matcher):
    """`Matcher` computing every part densely, as before."""

    def suggest(self, remiss, section, top=10, stance=None, kind="synpunkt", *, include_weak=False):
        from remissdraft.match.matcher import normalize_stance

        wanted_stance = normalize_stance(stance)
        if self.index is None:
            return []
        parts, weights, elsewhere = self._scores(remiss, section)
        return self._hits(parts, weights, top, wanted_stance, kind, include_weak, elsewhere=elsewhere,
                          this_remiss=self._this_remiss(remiss))

    def general(self, remiss, top=5, *, include_weak=False):
        from dataclasses import replace

        if self.index is None:
            return []
        whole = Section("", remiss.title, 0, [". ".join(s.title for s in remiss.walk() if s.title)])
        query = replace(self.settings.query, specificity=False, parent=0.0, children=0.0)
        parts, weights, elsewhere = self._scores(remiss, whole, query)
        return self._hits(parts, weights, top, None, "synpunkt", include_weak, leave_out=elsewhere, elsewhere=elsewhere,
                          this_remiss=self._this_remiss(remiss))

    def _scores(
        self, remiss: Remiss, section: Section, query: QuerySettings | None = None,
    ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
        """(the parts of every snippet's score, by `PARTS`: their sum is the score; the query's weight per
        index term; which snippets answered another section of this remiss)."""
        index = self.index
        assert index is not None and self._idf is not None
        settings = self.settings
        query = query or settings.query
        specificity = self._specificity_of(remiss) if query.specificity else None
        terms = section_terms(remiss, section, self._analyzer, query, specificity)
        weights = dense_to_index(terms, index, query)
        zero = np.zeros(index.n_docs, np.float32)
        parts: dict[str, np.ndarray] = dict.fromkeys(PARTS, zero)
        elsewhere = np.zeros(index.n_docs, bool)
        if settings.calibrated:
            parts["text"] = self._text_evidence(terms, weights)
        else:
            text = dense_scores(index, weights)
            best = float(text.max()) if index.n_docs else 0.0
            parts["text"] = text / best if best > 0 else zero
        if settings.label_weight:
            parts["label"] = settings.label_weight * self._label_scores(section)
        words = parts["text"] + parts["label"]
        if settings.context:  # what the words say, of a snippet and of its neighbours
            parts["context"] = settings.context * np.maximum(self._context(words) - words, 0.0)
        if settings.provenance:
            parts["provenance"], elsewhere = self._provenance_scores(remiss, section)
        total = _sum(parts)
        if settings.same_series:
            parts["sender"] = total * settings.same_series * self._same_sender(remiss)
        if settings.own_organisation or settings.own_namnd:
            parts["own"] = (total + parts["sender"]) * (self._own_factor() - 1.0)
        return {name: part.astype(np.float32) for name, part in parts.items()}, weights, elsewhere

    def _text_evidence(self, terms: dict[str, float], weights: np.ndarray) -> np.ndarray:
        """The text part on the fixed scale: capped-idf BM25 with key terms over the query's own best possible
        score (see evidence.py)."""
        index, settings, term_idf = self.index, self.settings, self._idf
        assert index is not None and term_idf is not None
        values = evidence.query_values(terms, index, term_idf, settings.idf_cap)
        ideal = evidence.ideal_score(values, settings.ideal_terms, settings.index.k1)
        if ideal <= 0:
            return np.zeros(index.n_docs, np.float32)
        keyed = dense_key_weights(weights, term_idf, settings.idf_cap, values[0], settings.key_share)
        total = dense_scores(index, keyed)
        text = total / ideal
        if settings.single_term < 1:
            alone = evidence.largest_part(index, keyed) >= settings.one_word * np.maximum(total, 1e-9)
            text = np.where(alone, text * settings.single_term, text)
        return text.astype(np.float32)

    def _hits(
        self, parts: dict[str, np.ndarray], weights: np.ndarray, top: int, stance: str | None, kind: str | None,
        include_weak: bool, leave_out: np.ndarray | None = None, elsewhere: np.ndarray | None = None,
        this_remiss: np.ndarray | None = None,
    ) -> list[Hit]:
        index, settings = self.index, self.settings
        assert index is not None
        total = _sum(parts)
        confidence = evidence.confidence(total, settings.half)
        own = total - parts["context"]
        own_confidence = evidence.confidence(own, settings.half)
        answered_here = parts["provenance"] > settings.same_remiss + 1e-6  # a recorded section of this remiss fits
        named_here = (parts["label"] > 0) & (parts["label"] >= 0.5 * settings.label_weight)  # a heading names it
        grounded = answered_here | named_here
        keep = total > 1e-6
        if leave_out is not None:
            keep &= ~leave_out
        if not include_weak:
            keep &= confidence >= settings.floor
        if stance is not None:
            keep &= index.stance == STANCES.index(stance)
        if kind is not None:
            keep &= index.kind == {"synpunkt": 0, "standardtext": 1}.get(kind, 2)
        candidates = np.flatnonzero(keep)
        pool = top * 3 + 10 if settings.collapse else top  # near-duplicates fold away: look a little further
        if len(candidates) > pool:
            candidates = candidates[np.argpartition(-total[candidates], pool - 1)[:pool]]
        ranked = sorted(candidates.tolist(), key=lambda doc: (-float(total[doc]), doc))
        if settings.collapse:
            groups = collapse([self.snippets[doc].text for doc in ranked], settings.collapse, top)
        else:
            groups = [[position] for position in range(min(top, len(ranked)))]
        hits = []
        for group in groups:
            doc = ranked[group[0]]
            words, shared = self._matched_words(self.snippets[doc], weights)
            hits.append(
                Hit(
                    self.snippets[doc],
                    float(total[doc]),
                    words,
                    confidence=float(confidence[doc]),
                    weak=bool(confidence[doc] < settings.floor),
                    similar=[self.snippets[ranked[member]] for member in group[1:]],
                    parts={name: round(float(part[doc]), 4) for name, part in parts.items()},
                    grounded=bool(grounded[doc]),
                    terms_shared=shared,
                    own_score=float(own[doc]),
                    own_confidence=float(own_confidence[doc]),
                    this_remiss=bool(this_remiss is not None and this_remiss[doc]),
                    elsewhere=bool(elsewhere is not None and elsewhere[doc]),
                )
            )
        return hits

    def _label_scores(self, section: Section) -> np.ndarray:
        """Per snippet 0–1: how well its best label (topic or recorded section title) names this section."""
        index = self.index
        assert index is not None
        if not index.labels.values:
            return np.zeros(index.n_docs, np.float32)
        queries = [q for q in dict.fromkeys((plain(section.title), plain(head_of(section.title)))) if q]
        if not queries:
            return np.zeros(index.n_docs, np.float32)
        similarity = np.maximum(
            process.cdist(queries, index.labels.values, scorer=fuzz.ratio, dtype=np.float32).max(axis=0),
            process.cdist(queries, index.label_heads, scorer=fuzz.ratio, dtype=np.float32).max(axis=0),
        ) / 100.0
        floor = self.settings.label_floor
        strength = np.clip((similarity - floor) / (1.0 - floor), 0.0, 1.0) ** 2
        return index.labels.per_doc(strength, index.n_docs)

    def _provenance_scores(self, remiss: Remiss, section: Section) -> tuple[np.ndarray, np.ndarray]:
        """Per snippet: what answering this remiss, and which section of it, says about fitting `section`;
        and whether it answered another section of this remiss."""
        index = self.index
        assert index is not None
        scores = np.zeros(index.n_docs, np.float32)
        facts = self._answered(remiss)
        elsewhere = np.zeros(index.n_docs, bool)
        if not facts.same.any():
            return scores, elsewhere
        scores[facts.same] = self.settings.same_remiss
        fits = {reference: _section_fit(reference, section, remiss) for reference in {r for _, r in facts.references}}
        best = np.full(index.n_docs, -2.0, np.float32)  # the best fit of the sections a snippet answered
        for doc, reference in facts.references:
            best[doc] = max(best[doc], fits[reference])
        fit_here = best > 0
        scores[fit_here] = self.settings.same_remiss + self.settings.same_section * best[fit_here]
        away = (best < 0) & (best > -2.0)
        scores[away] = self.settings.other_section
        elsewhere[away] = True
        return scores, elsewhere

    def _same_sender(self, remiss: Remiss) -> np.ndarray:
        """Per snippet 1 when it answered a remiss of this remiss's sender: the same dnr series ("RSG …"), or
        the sender named in the title it answered ("Länsstyrelsens i Hallands remiss: …"); else 0."""
        index = self.index
        assert index is not None
        flags = np.zeros(index.n_docs, np.float32)
        series = {series_key(remiss.dnr), series_key(remiss.reply_dnr)} - {""}
        if series and index.series.values:
            flags = np.maximum(flags, index.series.per_doc(np.asarray([v in series for v in index.series.values], np.float32), index.n_docs))
        names = [word for word in plain(remiss.sender).split() if len(word) >= 4]
        if names and index.title_words.values:
            named = np.asarray([_names(title.split(), names) for title in index.title_words.values], np.float32)
            flags = np.maximum(flags, index.title_words.per_doc(named, index.n_docs))
        return flags

    def _own_factor(self) -> np.ndarray:
        """Per snippet the factor for the user's own positions: 1, more for the own organisation and nämnd."""
        index = self.index
        assert index is not None
        if self._owner is None:
            factor = np.ones(index.n_docs, np.float32)
            for table, own, share in ((index.organisations, self.organisation, self.settings.own_organisation),
                                      (index.namnder, self.namnd, self.settings.own_namnd)):
                if own and share and table.values:
                    flags = np.asarray([_same_name(value, own) for value in table.values], np.float32)
                    factor += share * table.per_doc(flags, index.n_docs)
            self._owner = factor
        return self._owner

    def _context(self, scores: np.ndarray) -> np.ndarray:
        """Per snippet what its neighbours say: the better of its next neighbours in the same yttrande and
        the mean of the positions under the same heading. An yttrande writes its positions on one remiss
        section together, under one heading, so a position next to a good match is likely about the same
        section even when its own words do not show it."""
        index = self.index
        assert index is not None
        best = np.zeros(index.n_docs, np.float32)
        document = index.document
        for distance in range(1, self.settings.context_window + 1):
            if distance >= index.n_docs:
                break
            same = document[distance:] == document[:-distance]
            np.maximum(best[distance:], np.where(same, scores[:-distance], 0.0), out=best[distance:])
            np.maximum(best[:-distance], np.where(same, scores[distance:], 0.0), out=best[:-distance])
        grouped = index.heading >= 0
        if grouped.any():  # the mean of the group: one long, general position should not carry it
            groups = index.heading[grouped]
            mean = np.bincount(groups, weights=scores[grouped]) / np.maximum(np.bincount(groups), 1)
            best[grouped] = np.maximum(best[grouped], mean[groups].astype(np.float32))
        return best

    def _matched_words(self, snippet: Snippet, weights: np.ndarray) -> tuple[list[str], int]:
        """The words of the snippet's text (as written) whose terms met the query, each once, the words that
        weigh most in the query first (so a display can show the strongest few); and how many distinct terms
        they are."""
        assert self.index is not None
        vocab = self.index.vocab
        words: dict[str, tuple[float, str]] = {}
        terms: set[int] = set()
        for surface, folded in iter_words(snippet.text):
            if folded not in words:
                term_id = vocab.get(self._analyzer.term(folded))
                if term_id is not None and weights[term_id] > 0:
                    words[folded] = (float(weights[term_id]), surface)
                    terms.add(term_id)
        return [surface for _, surface in sorted(words.values(), key=lambda pair: -pair[0])], len(terms)

