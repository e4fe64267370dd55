"""What the TUI works on, without any Textual: the remiss, its draft, the corpus and the suggestions.

Everything here is plain Python so it can be tested and timed on its own; the widgets only show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..draft import Autosaver, load_draft, load_profile, load_template, new_draft, save_draft, switch_template
from ..draft.edit import fill_snippet
from ..draft.templates import DEFAULT_TEMPLATE
from ..locations import default_draft_path, user_corpus_dir
from ..model import Draft, Profile, Remiss, Section, Snippet, Synpunkt, Template

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")


@dataclass
class Suggestion:
    snippet: Snippet
    score: float
    matched_terms: list[str] = field(default_factory=list)


@dataclass
class Session:
    """An open remiss and the draft answering it."""

    remiss: Remiss
    draft: Draft
    snippets: list[Snippet]
    corpus_problems: list[str] = field(default_factory=list)
    resumed: bool = False
    ranking_ready: bool = False  # set once the ranking engine and index are loaded

    def __post_init__(self) -> None:
        self.sections: list[Section] = list(self.remiss.walk())
        self._position = {id(section): index for index, section in enumerate(self.sections)}
        self.autosaver = Autosaver(self.draft)
        self._ranked: dict[tuple, list[Suggestion]] = {}
        self._matcher = None  # match.Matcher, built by the first ranking

    def add_snippet(self, snippet: Snippet) -> None:
        """A snippet the user just put in the corpus: suggested from now on."""
        if all(s.id != snippet.id for s in self.snippets):
            self.snippets.append(snippet)
            self._ranked.clear()
            self._matcher = None

    # --- sections and their synpunkter ----------------------------------------------------------

    def synpunkt(self, section: Section) -> Synpunkt | None:
        """The draft's synpunkt for a remiss section (same position in the remiss's order, same heading)."""
        index = self._position[id(section)]
        if index < len(self.draft.synpunkter):
            candidate = self.draft.synpunkter[index]
            if (candidate.number, candidate.title) == (section.number, section.title):
                return candidate
        return next((s for s in self.draft.synpunkter if (s.number, s.title) == (section.number, section.title)), None)

    def answered(self, section: Section) -> bool:
        synpunkt = self.synpunkt(section)
        return bool(synpunkt and synpunkt.written)

    def coverage(self) -> tuple[int, int]:
        return sum(1 for s in self.sections if self.answered(s)), len(self.sections)

    def next_unanswered(self, after: Section | None) -> Section | None:
        start = self._position[id(after)] + 1 if after is not None else 0
        ordered = self.sections[start:] + self.sections[:start]
        return next((s for s in ordered if not self.answered(s)), None)

    # --- suggestions --------------------------------------------------------------------------------

    def suggestions(self, section: Section, stance: str | None = None, text_filter: str = "", top: int = 15) -> list[Suggestion]:
        """Ranked positions for a section; `text_filter` keeps those that fuzzily contain it. Rankings are
        remembered per section and stance until the corpus changes."""
        key = (id(section), stance, top if not text_filter else 200)
        if key not in self._ranked:
            if self._matcher is None:
                from ..match import Matcher  # numpy and the index: loaded when first needed, in a worker

                self._matcher = Matcher(self.snippets)
            hits = self._matcher.suggest(self.remiss, section, top=key[2], stance=stance)
            self._ranked[key] = [Suggestion(hit.snippet, hit.score, list(hit.matched_terms)) for hit in hits]
        found = self._ranked[key]
        if text_filter.strip():
            from rapidfuzz import fuzz

            wanted = text_filter.casefold().strip()
            found = [s for s in found if fuzz.partial_ratio(wanted, _haystack(s.snippet)) >= 80][:top]
        return found

    def standard_texts(self, key: str) -> list[str]:
        """Standard texts the corpus holds for a template section ("konsekvenser_for_barn"): the most used first,
        and among equals those written in answers to a remiss (their source names the remiss) before others."""
        ranks: dict[str, list] = {}
        for snippet in self.snippets:
            if snippet.kind == "standardtext" and snippet.section_key == key:
                text = fill_snippet(self.draft, snippet)
                rank = ranks.setdefault(text, [0, 1, len(text)])
                rank[0] -= 1
                rank[1] = min(rank[1], 0 if snippet.source.title else 1)
        return sorted(ranks, key=lambda text: ranks[text])

    # --- status -------------------------------------------------------------------------------------

    def days_left(self, today: date | None = None) -> int | None:
        deadline = self.remiss.deadline or self.draft.remiss.deadline
        return (deadline - (today or date.today())).days if deadline else None

    def lix(self) -> float | None:
        """Läsbarhetsindex of all the draft's text: words per sentence plus the share of long words."""
        texts = [s.text for s in self.draft.sections] + [s.text for s in self.draft.synpunkter]
        return lix(" ".join(texts))

    def apply_profile(self, profile: Profile) -> None:
        """Use a newly saved profile: a draft nothing has been written in yet is made again from it (author,
        signatures, nämnd); in a draft already worked on only an empty nämnd is filled in."""
        untouched = not any(s.written for s in self.draft.synpunkter) and not self.autosaver.dirty and not self.resumed
        if untouched:
            path = self.draft.path
            self.draft = new_draft(self.remiss, load_template(self.draft.template), profile)
            self.draft.path = path
            self.autosaver = Autosaver(self.draft)
        elif not self.draft.namnd and profile.namnd:
            self.draft.namnd = profile.namnd
        self.changed()

    def switch_template(self, template: Template, profile: Profile) -> None:
        self.draft = switch_template(self.draft, self.remiss, template, profile)
        self.autosaver.draft = self.draft
        self.changed()

    # --- saving -------------------------------------------------------------------------------------

    def changed(self) -> None:
        self.autosaver.changed()

    def save(self) -> Path:
        path = save_draft(self.draft, self.draft.path)
        self.autosaver.dirty = False
        return path


def lix(text: str) -> float | None:
    words = _WORD.findall(text)
    if len(words) < 10:
        return None
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    long_words = sum(1 for word in words if len(word) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words), 1)


def _haystack(snippet: Snippet) -> str:
    source = snippet.source
    return " ".join([snippet.text, *snippet.topics, source.organisation, source.namnd, source.dnr]).casefold()


def open_session(files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> Session:
    """Read the remiss, resume its draft (or make one from the profile's template) and load the corpus.
    Runs in the loading worker, which is why the readers are imported here."""
    from ..corpus import load_corpus
    from ..remiss import read_remiss

    remiss = read_remiss(files)
    path = draft_path or default_draft_path(files)
    resumed = path.exists()
    if resumed:
        draft = load_draft(path)
    else:
        profile = load_profile()
        draft = new_draft(remiss, load_template(profile.template or DEFAULT_TEMPLATE), profile)
        draft.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(corpus_dir or user_corpus_dir())
    return Session(remiss, draft, corpus.snippets, corpus.problems, resumed)


__all__ = ["Session", "Suggestion", "lix", "open_session"]
