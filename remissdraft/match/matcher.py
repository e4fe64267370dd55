"""Rank earlier positions (snippets) for the remiss section being answered, and say how well each fits.

score = text + labels + context + provenance, then a little more for the same sender and for the user's own
organisation and nämnd, where
* text: the section's query (title, parent title, text; compounds met) against the snippet text: BM25 on the
  fixed scale of `evidence.py` (1 = the query's own best possible score), so that it says whether anything
  fits, not only what fits best;
* labels: a snippet's topics and recorded section title compared with the section title (rapidfuzz,
  short against short), up to `label_weight`: the same kind of section in another plan;
* context: half the gap to what its neighbours in the same yttrande score (the next positions, and the
  mean of those under the same heading), since an yttrande writes its positions on a section together;
* provenance: a snippet that answered this very remiss (same dnr, or a title naming it: also an earlier version
  of the same plan; identity.py) gets a little, and a lot when the section it answered is this one (recorded,
  a heading it stood under, or recorded for the same position written elsewhere);
* sender: a snippet answering a remiss from the same sender or dnr series counts `same_series` more; the
  user's own organisation and nämnd `own_organisation` and `own_namnd` more, so they come first at equal fit.

`confidence` = 1 - 2^(-score / half): 0.5 at `half`. Below `floor` a hit is weak and not shown as a fit.
`own_confidence` is the same without the context part: how well a snippet fits by itself (what the first draft
goes by, draft/proposals.py).
Near-duplicates collapse into the best of them, which carries the others as `similar`.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .. import cachedb
from ..errors import MatchError
from ..model import STANCE_LABELS, STANCES, Remiss, Section, Snippet
from . import evidence, storage
from .fallback import Fallback, standard_answers
from .identity import Answered, answered
from .index import SnippetIndex, StoredCorpus, get_index, head_of, series_key, split_reference
from .normalize import first_written, fold, plain
from .query import QuerySettings, remiss_specificity, section_terms, to_index
from .settings import IndexSettings
from .similar import collapse
from .wordsearch import WordIndex, searched_rows
from .wordsearch import _row as _searched


@dataclass(frozen=True)
class MatchSettings:
    """Every knob of the engine in one place; the defaults are the product's."""

    index: IndexSettings = field(default_factory=IndexSettings)
    query: QuerySettings = field(default_factory=QuerySettings)
    calibrated: bool = True  # text on the fixed scale (evidence.py); False: relative to the best snippet
    idf_cap: float = 4.0  # a term in about 2 % of the snippets or fewer counts as fully specific
    ideal_terms: int = 3  # the query's best possible score: a snippet holding its three strongest terms once
    key_share: float = 0.3  # a term worth less than this share of the query's strongest counts quadratically less
    one_word: float = 0.8  # a text match this much carried by one term may be a coincidence …
    single_term: float = 1.0  # … and keeps this share of its evidence; measured (benchmarks/relevance.py) and left
    # off: on the real sets it cost more fits (MRR 0.61 -> 0.56) than noise it removed (two sections in 157)
    label_weight: float = 0.5  # a topic equal to the section title adds this much
    label_floor: float = 0.6  # similarity (0–1) below which a label adds nothing
    provenance: bool = True
    same_remiss: float = 0.2  # answered this remiss, section unknown
    same_section: float = 1.0  # answered this section of this remiss
    other_section: float = 0.0  # answered another section of this remiss: no more than any other snippet
    context: float = 0.5  # share of the gap to a better neighbour (same yttrande, same heading or next to it) gained
    context_window: int = 1  # neighbours this many places away in the yttrande count
    same_series: float = 0.15  # answered a remiss of the same sender or dnr series: this share more
    own_organisation: float = 0.05  # the user's own organisation: this share more
    own_namnd: float = 0.05  # and the user's own nämnd: this share more again
    collapse: float = 88.0  # near-duplicates (plain texts at least this % alike) are one entry; 0: never
    half: float = 0.5  # the score at which confidence is 0.5
    floor: float = 0.5  # the confidence below which a hit is weak (not shown as a fit): a fit is at least even odds


DEFAULT_SETTINGS = MatchSettings()
PARTS = ("text", "label", "context", "provenance", "sender", "own")  # the additive parts of a score, in order


@dataclass
class Hit:
    """One suggestion: the snippet, its score and confidence (0–1), the words of its text that matched the
    section, and the near-duplicates it stands for (the same position in another yttrande)."""

    snippet: Snippet
    score: float
    matched_terms: list[str] = field(default_factory=list)
    confidence: float = 0.0
    weak: bool = False  # below the relevance floor: not a fit, only listed when asked for
    similar: list[Snippet] = field(default_factory=list)
    parts: dict[str, float] = field(default_factory=dict)  # what the score is made of (see `PARTS`)
    grounded: bool = False  # the corpus knows more than the words: it answered this section before (of this
    # remiss or an earlier version of it), or stood under a heading that names this kind of section
    terms_shared: int = 0  # distinct terms of the section its text shares (one alone may be a coincidence)
    own_score: float = 0.0  # the score without what its neighbours in the yttrande lent it (the context part)
    own_confidence: float = 0.0  # and the confidence of that: how well it fits by itself
    this_remiss: bool = False  # it answered this remiss (or an earlier version of it), whichever section
    elsewhere: bool = False  # it answered another section of this remiss (recorded, or its near-duplicate's)

    def to_dict(self, with_weak: bool = False) -> dict:
        """The JSON shape of `suggest --json` (ARCHITECTURE.md); `with_weak` adds "weak" (for --all)."""
        source = self.snippet.source
        data = {
            "id": self.snippet.id,
            "text": self.snippet.text,
            "stance": self.snippet.stance,
            "score": round(self.score, 4),
            "confidence": round(self.confidence, 4),
            "matched_terms": list(self.matched_terms),
            "source": {
                "organisation": source.organisation,
                "namnd": source.namnd,
                "dnr": source.dnr,
                "datum": source.datum,
                "title": source.title,
                "section": source.section,
            },
            "similar": len(self.similar),
        }
        if with_weak:
            data["weak"] = self.weak
        return data


def normalize_stance(stance: str | None) -> str | None:
    """The stance key for a key or its Swedish label ("förbehåll" -> "forbehall"); None or "" for all."""
    if stance is None or not stance.strip():
        return None
    wanted = fold(stance).strip()
    for key in STANCES:
        if wanted in (key, fold(STANCE_LABELS[key])):
            return key
    choices = ", ".join(STANCE_LABELS[key] for key in STANCES)
    raise MatchError(f"Okänd ställning ”{stance.strip()}” – välj en av: {choices}.")


class Matcher:
    """A corpus ready for suggestions. Building it finds (or builds and caches) the index; keep one for
    as long as the corpus is unchanged and ask it for any number of sections. `organisation` and `namnd`
    are the user's (profile): their own positions come first at equal fit."""

    def __init__(
        self, snippets: list[Snippet], settings: MatchSettings = DEFAULT_SETTINGS, use_disk: bool = True,
        *, organisation: str = "", namnd: str = "",
    ):
        self.snippets = snippets if isinstance(snippets, StoredCorpus) else list(snippets)  # stored: fetched when shown
        self.settings = settings
        self.index: SnippetIndex | None = get_index(self.snippets, settings.index, use_disk) if self.snippets else None
        self._use_disk = use_disk
        self.organisation = " ".join(fold(organisation).split())
        self.namnd = " ".join(fold(namnd).split())
        self._analyzer = settings.index.analyzer()
        self._specificity: tuple[Remiss, dict[str, float]] | None = None  # for the remiss asked about last
        self._idf = evidence.idf(self.index) if self.index is not None else None
        self._owner: np.ndarray | None = None  # per snippet, the factor for the user's own positions
        self._owns = False  # whether any snippet is the user's (`_own_factor`)
        self._remiss_facts: Answered | None = None  # what the corpus records about the remiss asked about last
        self._sender: tuple[Remiss, tuple[str, str, str], np.ndarray | None] | None = None  # `_same_sender`, last remiss
        self._neighbours: _Neighbours | None = None  # the yttranden and headings `_context` looks at, made once
        self._expansions: dict = {}  # per query term, the index terms it meets (query.to_index)
        self._plain: dict[int, str] = {}  # plain forms of snippet texts compared for near-duplicates
        self._words: WordIndex | None = None  # for `search`, made when first asked
        self._kinds: dict[int, np.ndarray] = {}  # `_of_kind`
        self._search_lock = threading.Lock()

    def suggest(
        self, remiss: Remiss, section: Section, top: int = 10, stance: str | None = None, kind: str | None = "synpunkt",
        *, include_weak: bool = False,
    ) -> list[Hit]:
        """The `top` best snippets for `section`, best first; only of `stance` and `kind` when given. Only
        hits at or above the relevance floor unless `include_weak` (then weak ones come too, marked). Snippets
        that share nothing with the section are left out, so the list may be short or empty."""
        wanted_stance = normalize_stance(stance)
        if top < 1:
            raise MatchError("Antalet förslag måste vara minst 1.")
        if self.index is None:
            return []
        parts, weights, elsewhere, total = self._scored(remiss, section)
        return self._hits(parts, weights, top, wanted_stance, kind, include_weak, elsewhere=elsewhere,
                          this_remiss=self._this_remiss(remiss), total=total)

    def general(self, remiss: Remiss, top: int = 5, *, include_weak: bool = False) -> list[Hit]:
        """The positions that fit the remiss as a whole (its title and headings), best first: what to offer,
        marked as such, for a section nothing fits. A position that answered another section of this remiss
        is not one of them."""
        if top < 1:
            raise MatchError("Antalet förslag måste vara minst 1.")
        if self.index is None:
            return []
        whole = Section("", remiss.title, 0, [". ".join(s.title for s in remiss.walk() if s.title)])
        query = replace(self.settings.query, specificity=False, parent=0.0, children=0.0)  # what every section says is the point here
        parts, weights, elsewhere, total = self._scored(remiss, whole, query)
        return self._hits(parts, weights, top, None, "synpunkt", include_weak, leave_out=elsewhere, elsewhere=elsewhere,
                          this_remiss=self._this_remiss(remiss), total=total)

    def fallback(self, remiss: Remiss, top: int = 5) -> Fallback:
        """For a section with nothing above the floor: the positions on the remiss as a whole and the standard
        answers, to be shown apart from the suggestions and marked as such."""
        return Fallback(self.general(remiss, top), standard_answers(self.snippets, self.organisation, top))

    def search(self, text: str, top: int = 20) -> list[Snippet]:
        """The snippets holding every word of `text` (also inside a compound), those with most occurrences first:
        what `corpus.search` finds, from a word index made on the first search (the palette asks per keystroke)."""
        words = self.prepare_search()
        return [self.snippets[doc] for doc in words.search(text, top)]

    def prepare_search(self) -> WordIndex:
        """The word index `search` looks in: from the cache database, else made now (two seconds at 100k snippets)
        and stored there for the next time."""
        with self._search_lock:  # the palette may ask from more than one thread
            if self._words is None or self._words.n_docs != len(self.snippets):
                key = self._words_key()
                found = storage.load_words(key) if key else None
                if found is not None and found.n_docs == len(self.snippets):
                    self._words = found
                    return found
                try:
                    self._words = WordIndex(searched_rows(self.snippets))
                except cachedb.CacheError:  # the cache database failed: the snippets as the corpus now serves them
                    self._words = WordIndex([[_searched(snippet) for snippet in self.snippets]])
                else:
                    if key:
                        storage.store_words_later(key, self._words)
            return self._words

    def _words_key(self) -> str:
        return storage.words_key(self.snippets) if self._use_disk else ""

    # --- the parts of the score ----------------------------------------------------------------------

    def _scores(
        self, remiss: Remiss, section: Section, query: QuerySettings | None = None,
    ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
        """(the parts of every snippet's score, by `PARTS`: their sum is the score; the query's weight per
        index term; which snippets answered another section of this remiss)."""
        parts, weights, elsewhere, _ = self._scored(remiss, section, query)
        return parts, weights, elsewhere

    def _scored(
        self, remiss: Remiss, section: Section, query: QuerySettings | None = None,
    ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
        """`_scores` and the total score (their sum). A part that is nothing for every snippet is the one shared
        zero array and is not added (adding zeros changes no sum)."""
        index = self.index
        assert index is not None and self._idf is not None
        settings = self.settings
        query = query or settings.query
        specificity = self._specificity_of(remiss) if query.specificity else None
        terms = section_terms(remiss, section, self._analyzer, query, specificity)
        weights = to_index(terms, index, query, self._expansions)
        term_ids = np.flatnonzero(weights != 0)  # a mask first: nonzero of a float array is several times slower
        zero = np.zeros(index.n_docs, np.float32)
        parts: dict[str, np.ndarray] = dict.fromkeys(PARTS, zero)
        elsewhere = np.zeros(index.n_docs, bool)
        if settings.calibrated:
            parts["text"] = self._text_evidence(terms, weights, term_ids)
        else:
            text = index.scores(weights, term_ids)
            best = float(text.max()) if index.n_docs else 0.0
            parts["text"] = text / best if best > 0 else zero
        if settings.label_weight:
            labels = self._label_scores(section)
            if labels is not None:
                parts["label"] = settings.label_weight * labels
        words = _sum(parts, zero)
        if settings.context:  # what the words say, of a snippet and of its neighbours
            parts["context"] = settings.context * np.maximum(self._context(words) - words, 0.0)
        if settings.provenance:
            provenance, elsewhere = self._provenance_scores(remiss, section)
            if provenance is not None:
                parts["provenance"] = provenance
        total = _sum(parts, zero)
        if settings.same_series:
            flags = self._same_sender(remiss)
            if flags is not None:
                parts["sender"] = total * settings.same_series * flags
        if settings.own_organisation or settings.own_namnd:
            owner = self._own_factor()
            if owner is not None:
                parts["own"] = (total + parts["sender"]) * (owner - 1.0)
        parts = {name: part.astype(np.float32, copy=False) for name, part in parts.items()}
        return parts, weights, elsewhere, _sum(parts, zero)

    def _text_evidence(self, terms: dict[str, float], weights: np.ndarray, term_ids: np.ndarray) -> np.ndarray:
        """The text part on the fixed scale: capped-idf BM25 with key terms over the query's own best possible
        score (see evidence.py), worked out for the query's terms (`term_ids`) only."""
        index, settings, term_idf = self.index, self.settings, self._idf
        assert index is not None and term_idf is not None
        values = evidence.query_values(terms, index, term_idf, settings.idf_cap)
        ideal = evidence.ideal_score(values, settings.ideal_terms, settings.index.k1)
        if ideal <= 0:
            return np.zeros(index.n_docs, np.float32)
        keyed = np.zeros_like(weights)  # evidence.key_weights, element for element, where the query has weight
        query, query_idf = weights[term_ids], term_idf[term_ids]
        scale = np.minimum(1.0, settings.idf_cap / np.maximum(query_idf, 1e-6))
        if settings.key_share > 0 and values[0] > 0:
            share = query * np.minimum(query_idf, settings.idf_cap) / values[0]
            scale = scale * np.minimum(1.0, share / settings.key_share) ** 2
        keyed[term_ids] = (query * scale).astype(np.float32)
        total = index.scores(keyed, term_ids)
        text = total / ideal
        if settings.single_term < 1:
            alone = evidence.largest_part(index, keyed) >= settings.one_word * np.maximum(total, 1e-9)
            text = np.where(alone, text * settings.single_term, text)
        return text.astype(np.float32)

    def _hits(
        self, parts: dict[str, np.ndarray], weights: np.ndarray, top: int, stance: str | None, kind: str | None,
        include_weak: bool, leave_out: np.ndarray | None = None, elsewhere: np.ndarray | None = None,
        this_remiss: np.ndarray | None = None, total: np.ndarray | None = None,
    ) -> list[Hit]:
        """The hits, best first; confidence and the rest worked out for the few snippets ranked, not for all."""
        index, settings = self.index, self.settings
        assert index is not None
        if total is None:
            total = _sum(parts)
        keep = total > 1e-6
        if not include_weak:  # a cheap bound first (confidence rises with the score), the exact test below
            keep &= total >= _floor_score(settings.half, settings.floor)
        if leave_out is not None:
            keep &= ~leave_out
        if stance is not None:
            keep &= index.stance == STANCES.index(stance)
        if kind is not None:
            keep &= self._of_kind({"synpunkt": 0, "standardtext": 1}.get(kind, 2))
        candidates = np.flatnonzero(keep)
        if not include_weak and len(candidates):
            candidates = candidates[evidence.confidence(total[candidates], settings.half) >= settings.floor]
        pool = top * 3 + 10 if settings.collapse else top  # near-duplicates fold away: look a little further
        if len(candidates) > pool:
            candidates = candidates[np.argpartition(-total[candidates], pool - 1)[:pool]]
        ranked = sorted(candidates.tolist(), key=lambda doc: (-float(total[doc]), doc))
        if settings.collapse:
            groups = collapse([self._plain_text(doc) for doc in ranked], settings.collapse, top, plain_forms=True)
        else:
            groups = [[position] for position in range(min(top, len(ranked)))]
        if not groups:
            return []
        docs = np.asarray([ranked[group[0]] for group in groups], np.int64)
        confidence = evidence.confidence(total[docs], settings.half)
        own = total[docs] - parts["context"][docs]
        own_confidence = evidence.confidence(own, settings.half)
        answered_here = parts["provenance"][docs] > settings.same_remiss + 1e-6  # a recorded section of this remiss fits
        label = parts["label"][docs]
        named_here = (label > 0) & (label >= 0.5 * settings.label_weight)  # a heading names it
        grounded = answered_here | named_here
        hits = []
        for number, group in enumerate(groups):
            doc = ranked[group[0]]
            words, shared = self._matched_words(self.snippets[doc], weights)
            hits.append(
                Hit(
                    self.snippets[doc],
                    float(total[doc]),
                    words,
                    confidence=float(confidence[number]),
                    weak=bool(confidence[number] < settings.floor),
                    similar=[self.snippets[ranked[member]] for member in group[1:]],
                    parts={name: round(float(part[doc]), 4) for name, part in parts.items()},
                    grounded=bool(grounded[number]),
                    terms_shared=shared,
                    own_score=float(own[number]),
                    own_confidence=float(own_confidence[number]),
                    this_remiss=bool(this_remiss is not None and this_remiss[doc]),
                    elsewhere=bool(elsewhere is not None and elsewhere[doc]),
                )
            )
        return hits

    def _of_kind(self, code: int) -> np.ndarray:
        """Which snippets are of this kind (by `SnippetIndex.kind` code), made once per kind."""
        assert self.index is not None
        found = self._kinds.get(code)
        if found is None:
            found = self._kinds[code] = self.index.kind == code
        return found

    def _plain_text(self, doc: int) -> str:
        """The plain form of a snippet's text (`normalize.plain`), kept for the snippets compared before."""
        form = self._plain.get(doc)
        if form is None:
            if len(self._plain) >= _KEEP_PLAIN:
                self._plain.clear()
            form = self._plain[doc] = plain(self.snippets[doc].text)
        return form

    def _specificity_of(self, remiss: Remiss) -> dict[str, float]:
        if self._specificity is None or self._specificity[0] is not remiss:
            self._specificity = (remiss, remiss_specificity(remiss, self._analyzer))
        return self._specificity[1]

    def _label_scores(self, section: Section) -> np.ndarray | None:
        """Per snippet 0–1: how well its best label (topic or recorded section title) names this section; None
        when that is 0 for every snippet (none has a label near enough, or the section has no title)."""
        index = self.index
        assert index is not None
        if not index.labels.values:
            return None
        queries = [q for q in dict.fromkeys((plain(section.title), plain(head_of(section.title)))) if q]
        if not queries:
            return None
        similarity = np.maximum(
            process.cdist(queries, index.labels.values, scorer=fuzz.ratio, dtype=np.float32).max(axis=0),
            process.cdist(queries, index.label_heads, scorer=fuzz.ratio, dtype=np.float32).max(axis=0),
        ) / 100.0
        floor = self.settings.label_floor
        strength = np.clip((similarity - floor) / (1.0 - floor), 0.0, 1.0) ** 2
        if not strength.any():  # no label is near enough: nothing for any snippet
            return None
        return index.labels.per_doc(strength, index.n_docs)

    def _provenance_scores(self, remiss: Remiss, section: Section) -> tuple[np.ndarray | None, np.ndarray]:
        """Per snippet: what answering this remiss, and which section of it, says about fitting `section` (None
        when no snippet answered this remiss); and whether it answered another section of this remiss."""
        index = self.index
        assert index is not None
        facts = self._answered(remiss)
        elsewhere = np.zeros(index.n_docs, bool)
        if not facts.same.any():
            return None, elsewhere
        scores = np.zeros(index.n_docs, np.float32)
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

    def _this_remiss(self, remiss: Remiss) -> np.ndarray | None:
        return self._answered(remiss).same if self.settings.provenance else None

    def _answered(self, remiss: Remiss) -> Answered:
        """Which snippets answered this remiss, and which of its sections (identity.py); kept for the remiss
        asked about last."""
        if self._remiss_facts is None or self._remiss_facts.remiss is not remiss:
            assert self.index is not None
            self._remiss_facts = answered(self.index, self.snippets, remiss, self._analyzer)
        return self._remiss_facts

    def _same_sender(self, remiss: Remiss) -> np.ndarray | None:
        """Per snippet 1 when it answered a remiss of this remiss's sender: the same dnr series ("RSG …"), or
        the sender named in the title it answered ("Länsstyrelsens i Hallands remiss: …"); else 0. None when no
        snippet did. Kept for the remiss asked about last."""
        index = self.index
        assert index is not None
        asked = (remiss.dnr, remiss.reply_dnr, remiss.sender)
        if self._sender is not None and self._sender[0] is remiss and self._sender[1] == asked:
            return self._sender[2]
        flags = np.zeros(index.n_docs, np.float32)
        series = {series_key(remiss.dnr), series_key(remiss.reply_dnr)} - {""}
        if series and index.series.values:
            flags = np.maximum(flags, index.series.per_doc(np.asarray([v in series for v in index.series.values], np.float32), index.n_docs))
        names = [word for word in plain(remiss.sender).split() if len(word) >= 4]
        if names and index.title_words.values:
            named = np.asarray([_names(title.split(), names) for title in index.title_words.values], np.float32)
            flags = np.maximum(flags, index.title_words.per_doc(named, index.n_docs))
        found = flags if flags.any() else None
        self._sender = (remiss, asked, found)
        return found

    def _own_factor(self) -> np.ndarray | None:
        """Per snippet the factor for the user's own positions: 1, more for the own organisation and nämnd;
        None when no snippet is the user's."""
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
            self._owns = bool((factor != 1.0).any())
        return self._owner if self._owns else None

    def _context(self, scores: np.ndarray) -> np.ndarray:
        """Per snippet what its neighbours say: the better of its next neighbours in the same yttrande and
        the mean of the positions under the same heading. An yttrande writes its positions on one remiss
        section together, under one heading, so a position next to a good match is likely about the same
        section even when its own words do not show it."""
        index = self.index
        assert index is not None
        if self._neighbours is None:
            self._neighbours = _Neighbours.of(index, self.settings.context_window)
        neighbours = self._neighbours
        best = np.zeros(index.n_docs, np.float32)
        for distance, same in neighbours.same:
            np.maximum(best[distance:], np.where(same, scores[:-distance], 0.0), out=best[distance:])
            np.maximum(best[:-distance], np.where(same, scores[distance:], 0.0), out=best[:-distance])
        if neighbours.grouped:  # the mean of the group: one long, general position should not carry it
            slot = neighbours.slot
            mean = (np.bincount(slot, weights=scores, minlength=len(neighbours.sizes)) / neighbours.sizes).astype(np.float32)
            mean[-1] = 0.0  # the slot of the snippets under no known heading
            np.maximum(best, mean[slot], out=best)
        return best

    # --- explaining a hit ------------------------------------------------------------------------------

    def _matched_words(self, snippet: Snippet, weights: np.ndarray) -> tuple[list[str], int]:
        """The words of the snippet's text (as written) whose terms met the query, each once, the words that
        weigh most in the query first (so a display can show the strongest few); and how many distinct terms
        they are."""
        assert self.index is not None
        vocab = self.index.vocab
        first = first_written(snippet.text)
        term = self._analyzer.term
        known = [(surface, term_id) for folded, surface in first.items() if (term_id := vocab.get(term(folded))) is not None]
        if not known:
            return [], 0
        values = weights[np.fromiter((term_id for _, term_id in known), np.int64, len(known))].tolist()
        words = [(value, surface) for (surface, _), value in zip(known, values) if value > 0]
        terms = {term_id for (_, term_id), value in zip(known, values) if value > 0}
        return [surface for _, surface in sorted(words, key=lambda pair: -pair[0])], len(terms)


def _names(title_words: list[str], names: list[str]) -> bool:
    """Whether every word of a sender's name is in a title, the genitive too ("länsstyrelsens")."""
    have = set(title_words)
    return all(name in have or name + "s" in have or (name.endswith("s") and name[:-1] in have) for name in names)


def _same_name(value: str, own: str) -> bool:
    """A recorded organisation or nämnd is the user's: the same name, or nearly ("Miljö- och …" / "Miljö & …")."""
    return value == own or fuzz.ratio(value, own) >= 90


@lru_cache(maxsize=1 << 16)
def _title_similarity(a: str, b: str) -> float:
    """0–100: a recorded section title against a section title, whole or by their short names."""
    pairs = [(x, y) for x in _title_forms(a) for y in _title_forms(b)]
    return max((fuzz.ratio(x, y) for x, y in pairs if x and y), default=0.0)


@lru_cache(maxsize=1 << 12)
def _title_forms(title: str) -> tuple[str, str]:
    """A title's plain form, whole and of its short name: each title is compared with many."""
    return plain(title), plain(head_of(title))


def _numbered_anchor(remiss: Remiss, section: Section) -> str:
    """The number of `section`, or of its nearest numbered ancestor."""
    trail: list[Section] = []

    def find(nodes: list[Section]) -> bool:
        for node in nodes:
            trail.append(node)
            if node is section or find(node.children):
                return True
            trail.pop()
        return False

    find(remiss.sections)
    return next((node.number for node in reversed(trail) if node.number), "")


def _section_fit(reference: str, section: Section, remiss: Remiss) -> float:
    """How well a snippet's recorded section of this same remiss (or an earlier version of it) fits `section`:
    1 it is this section, between 0 and 1 it probably is, 0 unknown (or a whole chapter around it), -1 another
    section. The number decides, unless the recorded title names one section alone and the number another: a
    new version of a plan renumbers its sections ("4.5 Olycka med farliga ämnen" is 4.6 now)."""
    number, title = split_reference(reference)
    if not title:
        if not number:
            return 0.0
        own = section.number or _numbered_anchor(remiss, section)
        if number == own:
            return 1.0
        if own.startswith(number + "."):
            return 0.0
        return 0.5 if number.startswith(own + ".") and section.number else -1.0
    this = _title_similarity(title, section.title)
    others = max((_title_similarity(title, s.title) for s in remiss.walk() if s is not section), default=0.0)
    if number:
        own = section.number or _numbered_anchor(remiss, section)
        if number == own:
            if section.number and this < 60 and others >= 80:
                return -1.0  # renumbered: the title it answered is another section's now
            if section.number:
                return 1.0
        elif own.startswith(number + "."):
            return 0.0  # answered the chapter this section belongs to
        elif number.startswith(own + ".") and section.number:
            return 0.5  # answered a sub-section of this section
        elif this >= 80 and this > others:
            return 1.0  # renumbered: the title it answered is this section's alone
        else:
            return -1.0
    if this >= 80 and this >= others:
        return 1.0
    if others >= 80 and others > this:
        return -1.0
    if this >= 60 and this > others:
        return (this - 60) / 20
    return 0.0


def suggest(
    remiss: Remiss,
    section: Section,
    snippets: list[Snippet],
    top: int = 10,
    stance: str | None = None,
    kind: str | None = "synpunkt",
    *,
    include_weak: bool = False,
    organisation: str = "",
    namnd: str = "",
) -> list[Hit]:
    """The `top` snippets that best answer `section` of `remiss`, best first: only those above the relevance
    floor unless `include_weak` (empty for an empty corpus, or when nothing fits). The index is cached by
    content, so calling this again for the same corpus is fast; a long-lived caller (the TUI) can hold a
    `Matcher` instead and skip even the content hash."""
    normalize_stance(stance)  # a bad stance is an error even for an empty corpus
    if not snippets:
        if top < 1:
            raise MatchError("Antalet förslag måste vara minst 1.")
        return []
    matcher = Matcher(snippets, organisation=organisation, namnd=namnd)
    return matcher.suggest(remiss, section, top=top, stance=stance, kind=kind, include_weak=include_weak)


def _sum(parts: dict[str, np.ndarray], zero: np.ndarray | None = None) -> np.ndarray:
    """The parts of a score added up, in order; `zero`, a part that is nothing everywhere, is left out (adding
    it would change no sum)."""
    values = [part for part in parts.values() if part is not zero] or list(parts.values())[:1]
    total = values[0]
    for part in values[1:]:
        total = total + part
    return total


def _floor_score(half: float, floor: float) -> float:
    """A score a little below the lowest whose confidence reaches `floor` (confidence rises with the score): no
    snippet below it is a fit, those above are tested exactly."""
    if floor <= 0:
        return -math.inf
    if floor >= 1:
        return 0.0
    return -half * math.log2(1.0 - floor) * (1 - 1e-6) - 1e-9


_KEEP_PLAIN = 20_000  # plain forms of snippet texts a Matcher keeps


@dataclass
class _Neighbours:
    """What `Matcher._context` looks at, made once per index: per distance which snippets are that far from one
    of the same yttrande; per snippet its heading group's slot (the last slot for those under no known heading,
    whose mean counts for nothing) and the size of each slot; whether any snippet is under a known heading."""

    same: list[tuple[int, np.ndarray]]
    slot: np.ndarray
    sizes: np.ndarray
    grouped: bool

    @classmethod
    def of(cls, index: SnippetIndex, window: int) -> _Neighbours:
        document = index.document
        same = [(distance, document[distance:] == document[:-distance]) for distance in range(1, window + 1)
                if distance < index.n_docs]
        heading = index.heading.astype(np.int64)
        groups = int(heading.max()) + 1 if len(heading) else 0
        slot = np.where(heading >= 0, heading, groups)
        sizes = np.maximum(np.bincount(slot, minlength=groups + 1), 1)
        return cls(same, slot, sizes, bool(groups))
