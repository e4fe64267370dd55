"""Rank earlier positions (snippets) for the remiss section being answered.

score = text + labels + context + provenance, where
* text: weighted BM25 of the section's query (title, parent title, text; compounds met) against the
  snippet text, scaled so the best snippet has 1;
* labels: a snippet's topics and recorded section title compared with the section title (rapidfuzz,
  short against short), up to `label_weight`;
* context: half the gap to what its neighbours in the same yttrande score (the next positions, and the
  mean of those under the same heading), since an yttrande writes its positions on a section together;
* provenance: a snippet that answered this very remiss (same dnr or title) gets a little, and a lot when
  the section it answered is this one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from ..errors import MatchError
from ..model import STANCE_LABELS, STANCES, Remiss, Section, Snippet
from .index import IndexSettings, SnippetIndex, dnr_key, get_index, head_of, split_reference, title_key
from .normalize import fold, iter_words, plain
from .query import QuerySettings, remiss_specificity, section_terms, to_index


@dataclass(frozen=True)
class MatchSettings:
    """Every knob of the engine in one place; the defaults are the product's."""

    index: IndexSettings = field(default_factory=IndexSettings)
    query: QuerySettings = field(default_factory=QuerySettings)
    label_weight: float = 0.5  # a topic equal to the section title adds this much
    label_floor: float = 0.6  # similarity (0–1) below which a label adds nothing
    provenance: bool = True
    same_remiss: float = 0.2  # answered this remiss, section unknown
    same_section: float = 1.0  # answered this section of this remiss
    other_section: float = 0.0  # answered another section of this remiss: no more than any other snippet
    context: float = 0.5  # share of the gap to a better neighbour (same yttrande, same heading or next to it) gained
    context_window: int = 1  # neighbours this many places away in the yttrande count


DEFAULT_SETTINGS = MatchSettings()


@dataclass
class Hit:
    """One suggestion: the snippet, its score and the words of its text that matched the section."""

    snippet: Snippet
    score: float
    matched_terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape of `suggest --json` (ARCHITECTURE.md)."""
        source = self.snippet.source
        return {
            "id": self.snippet.id,
            "text": self.snippet.text,
            "stance": self.snippet.stance,
            "score": round(self.score, 4),
            "matched_terms": list(self.matched_terms),
            "source": {
                "organisation": source.organisation,
                "namnd": source.namnd,
                "dnr": source.dnr,
                "datum": source.datum,
                "title": source.title,
            },
        }


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
    as long as the corpus is unchanged and ask it for any number of sections."""

    def __init__(self, snippets: list[Snippet], settings: MatchSettings = DEFAULT_SETTINGS, use_disk: bool = True):
        self.snippets = list(snippets)
        self.settings = settings
        self.index: SnippetIndex | None = get_index(self.snippets, settings.index, use_disk) if self.snippets else None
        self._analyzer = settings.index.analyzer()
        self._specificity: tuple[Remiss, dict[str, float]] | None = None  # for the remiss asked about last

    def suggest(
        self, remiss: Remiss, section: Section, top: int = 10, stance: str | None = None, kind: str | None = "synpunkt"
    ) -> list[Hit]:
        """The `top` best snippets for `section`, best first; only of `stance` and `kind` when given.
        Snippets that share nothing with the section are left out, so the list may be shorter."""
        wanted_stance = normalize_stance(stance)
        if top < 1:
            raise MatchError("Antalet förslag måste vara minst 1.")
        index = self.index
        if index is None:
            return []
        terms = section_terms(remiss, section, self._analyzer, self.settings.query, self._specificity_of(remiss))
        weights = to_index(terms, index, self.settings.query)
        text = index.scores(weights)
        best = float(text.max()) if index.n_docs else 0.0
        total = text / best if best > 0 else np.zeros(index.n_docs, np.float32)
        if self.settings.label_weight:
            total = total + self.settings.label_weight * self._label_scores(section)
        if self.settings.context:  # what the words say, of a snippet and of its neighbours
            total = total + self.settings.context * np.maximum(self._context(total) - total, 0.0)
        if self.settings.provenance:
            total = total + self._provenance_scores(remiss, section)
        keep = total > 1e-6
        if wanted_stance is not None:
            keep &= index.stance == STANCES.index(wanted_stance)
        if kind is not None:
            keep &= index.kind == {"synpunkt": 0, "standardtext": 1}.get(kind, 2)
        candidates = np.flatnonzero(keep)
        if len(candidates) > top:
            candidates = candidates[np.argpartition(-total[candidates], top - 1)[:top]]
        ranked = sorted(candidates.tolist(), key=lambda doc: (-float(total[doc]), doc))
        return [Hit(self.snippets[doc], float(total[doc]), self._matched_words(self.snippets[doc], weights)) for doc in ranked]

    def _specificity_of(self, remiss: Remiss) -> dict[str, float] | None:
        if not self.settings.query.specificity:
            return None
        if self._specificity is None or self._specificity[0] is not remiss:
            self._specificity = (remiss, remiss_specificity(remiss, self._analyzer))
        return self._specificity[1]

    # --- the parts of the score ----------------------------------------------------------------------

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

    def _provenance_scores(self, remiss: Remiss, section: Section) -> np.ndarray:
        """Per snippet: what answering this remiss, and which section of it, says about fitting `section`."""
        index = self.index
        assert index is not None
        scores = np.zeros(index.n_docs, np.float32)
        same = np.zeros(index.n_docs, bool)
        title = title_key(remiss.title)
        if title and index.titles.values:
            same |= index.titles.per_doc(_same_titles(title, index.titles.values), index.n_docs) > 0
        dnrs = {dnr_key(remiss.dnr), dnr_key(remiss.reply_dnr)} - {""}
        if dnrs and index.remiss_dnrs.values:
            flags = np.asarray([value in dnrs for value in index.remiss_dnrs.values], np.float32)
            same |= index.remiss_dnrs.per_doc(flags, index.n_docs) > 0
        if not same.any():
            return scores
        scores[same] = self.settings.same_remiss
        pairs = same[index.sections.docs]
        fits = {sid: _section_fit(index.sections.values[sid], section, remiss) for sid in set(index.sections.ids[pairs].tolist())}
        for doc, sid in zip(index.sections.docs[pairs].tolist(), index.sections.ids[pairs].tolist()):
            fit = fits[sid]
            if fit > 0:
                scores[doc] = self.settings.same_remiss + self.settings.same_section * fit
            elif fit < 0:
                scores[doc] = self.settings.other_section
        return scores

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

    # --- explaining a hit ------------------------------------------------------------------------------

    def _matched_words(self, snippet: Snippet, weights: np.ndarray) -> list[str]:
        """The words of the snippet's text (as written) whose terms met the query, each once, the words that
        weigh most in the query first (so a display can show the strongest few)."""
        assert self.index is not None
        vocab = self.index.vocab
        words: dict[str, tuple[float, str]] = {}
        for surface, folded in iter_words(snippet.text):
            if folded not in words:
                term_id = vocab.get(self._analyzer.term(folded))
                if term_id is not None and weights[term_id] > 0:
                    words[folded] = (float(weights[term_id]), surface)
        return [surface for _, surface in sorted(words.values(), key=lambda pair: -pair[0])]


def _same_titles(title: str, titles: list[str]) -> np.ndarray:
    """1 for each stored title that names the same remiss as `title`, else 0."""
    ratio = process.cdist([title], titles, scorer=fuzz.ratio, dtype=np.float32)[0]
    token_set = process.cdist([title], titles, scorer=fuzz.token_set_ratio, dtype=np.float32)[0]
    lengths = np.asarray([len(t) for t in titles], np.float32)
    balance = np.minimum(lengths, len(title)) / np.maximum(np.maximum(lengths, len(title)), 1)
    return ((ratio >= 88) | ((token_set >= 95) & (balance >= 0.6))).astype(np.float32)


def _title_similarity(a: str, b: str) -> float:
    """0–100: a recorded section title against a section title, whole or by their short names."""
    pairs = [(plain(x), plain(y)) for x in (a, head_of(a)) for y in (b, head_of(b))]
    return max((fuzz.ratio(x, y) for x, y in pairs if x and y), default=0.0)


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
    """How well a snippet's recorded section of this same remiss fits `section`: 1 it is this section,
    between 0 and 1 it probably is, 0 unknown (or a whole chapter around it), -1 another section."""
    number, title = split_reference(reference)
    if number:
        own = section.number or _numbered_anchor(remiss, section)
        if number == own:
            if section.number or not title:
                return 1.0
        elif own.startswith(number + "."):
            return 0.0  # answered the chapter this section belongs to
        elif number.startswith(own + ".") and section.number:
            return 0.5  # answered a sub-section of this section
        else:
            return -1.0
    if not title:
        return 0.0
    this = _title_similarity(title, section.title)
    others = max((_title_similarity(title, s.title) for s in remiss.walk() if s is not section), default=0.0)
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
) -> list[Hit]:
    """The `top` snippets that best answer `section` of `remiss`, best first (empty for an empty corpus).
    The index is cached by content, so calling this again for the same corpus is fast; a long-lived caller
    (the TUI) can hold a `Matcher` instead and skip even the content hash."""
    normalize_stance(stance)  # a bad stance is an error even for an empty corpus
    if not snippets:
        if top < 1:
            raise MatchError("Antalet förslag måste vara minst 1.")
        return []
    return Matcher(snippets).suggest(remiss, section, top=top, stance=stance, kind=kind)
