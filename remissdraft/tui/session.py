"""What the TUI works on, without any Textual: the remiss, its draft, the corpus and the suggestions.

Everything here is plain Python so it can be tested and timed on its own; the widgets only show it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..draft import (
    Autosaver,
    load_draft,
    load_profile,
    load_template,
    new_draft,
    save_draft,
    switch_template,
)
from ..draft.create import purpose
from ..draft.edit import fill_snippet, follow_profile, used_snippets
from ..draft.proposals import accept, pending_count, propose, reject
from ..draft.templates import DEFAULT_TEMPLATE
from ..errors import RemissdraftError
from ..fileio import is_missing
from ..locations import default_draft_path
from ..model import (
    GENERAL_KEY,
    Draft,
    DraftSection,
    Profile,
    Remiss,
    Section,
    Snippet,
    SnippetUse,
    Synpunkt,
    Template,
)

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..draft.proposals import Ranker
    from ..match import Hit, Matcher

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")
GENERAL_TITLE = "Synpunkter i stort"
AUTOSAVE_AFTER = 0.5  # seconds after the first unsaved change; the app checks four times a second


@dataclass
class Suggestion:
    """One entry of a suggestion list: a ranked position (with its confidence) or a standard text (none)."""

    snippet: Snippet
    score: float
    matched_terms: list[str] = field(default_factory=list)
    confidence: float | None = None  # 0–1; None for a standard text, which is not ranked
    weak: bool = False  # below the relevance floor: shown only when asked for, marked
    similar: int = 0  # near-duplicates (the same position in another yttrande) this entry stands for

    @classmethod
    def of(cls, hit: Hit) -> Suggestion:
        return cls(hit.snippet, hit.score, list(hit.matched_terms), hit.confidence, hit.weak, len(hit.similar))


Fallbacks = tuple[list[Suggestion], list[Suggestion]]  # for a section nothing fits: on the remiss as a whole, standard


@dataclass
class Offer:
    """What the suggestion panel offers for a part of the draft: the positions that fit and, only when nothing
    fits, apart, the positions on the remiss as a whole and the standard answers."""

    fits: list[Suggestion] = field(default_factory=list)
    weak: list[Suggestion] = field(default_factory=list)  # below the floor, when asked for
    general: list[Suggestion] = field(default_factory=list)  # nothing fits: positions on the remiss as a whole
    standard: list[Suggestion] = field(default_factory=list)  # nothing fits: standard answers
    nothing_fits: bool = False  # nothing fits the part at all, whatever the filters

    def items(self) -> list[Suggestion]:
        """Every entry, in the order shown."""
        return [*self.fits, *self.weak, *self.general, *self.standard]


@dataclass
class Session:
    """An open remiss and the draft answering it."""

    remiss: Remiss
    draft: Draft
    snippets: list[Snippet]
    corpus_problems: list[str] = field(default_factory=list)
    resumed: bool = False
    ranking_ready: bool = False  # set once the ranking engine and index are loaded
    profile: Profile = field(default_factory=Profile)
    template: Template | None = None  # the draft's template, when it can be read

    def __post_init__(self) -> None:
        self.sections: list[Section] = list(self.remiss.walk())
        self.general = Section("", GENERAL_TITLE, 1, general_intro(self.remiss))  # shown first in the outline
        self.order: list[Section] = [self.general, *self.sections]  # what Ctrl+N / Ctrl+B step through
        self._position = {id(section): index for index, section in enumerate(self.order)}
        self.autosaver = Autosaver(self.draft, interval=AUTOSAVE_AFTER)
        self.touched = False  # the user has written or changed something since the draft was opened
        self._ranked: dict[tuple, list[Suggestion]] = {}
        self._matcher: Matcher | None = None  # built by the first ranking, again when the profile's owner changes
        self._fallback: Fallbacks | None = None
        self._proposed: dict[str, str] = {}  # a proposal's text as proposed, by synpunkt key, once the user edits it

    def add_snippet(self, snippet: Snippet) -> bool:
        """A snippet the user just put in the corpus, suggested once the ranking is made again (`new_ranking`,
        in a worker: at 100 000 snippets the index takes seconds). False when the corpus already held it."""
        holds = getattr(self.snippets, "holds_id", None)  # a stored corpus looks it up rather than reading every snippet
        if holds(snippet.id) if holds else any(s.id == snippet.id for s in self.snippets):
            return False
        self.snippets.append(snippet)  # the engine in use ranks what it was made from until the new one takes over
        return True

    def new_ranking(self, progress: Callable[[int, int], None] | None = None) -> tuple[Matcher, Fallbacks]:
        """The ranking engine made again for the corpus as it is now (its index built and stored if need be;
        `progress` hears how) and its fallback. Runs in a worker; `use_ranking` puts them in use."""
        from ..match import Matcher
        from ..match.index import get_index

        get_index(self.snippets, progress=progress)
        matcher = Matcher(self.snippets, organisation=self.profile.organisation, namnd=self.profile.namnd)
        return matcher, self._fallback_of(matcher)

    def use_ranking(self, ranking: tuple[Matcher, Fallbacks]) -> None:
        """Suggest from this engine from now on (rankings made by the one before are forgotten)."""
        self._forget_ranking()
        self._matcher, self._fallback = ranking

    def use_corpus(self, corpus: Corpus) -> None:
        """Rank from this corpus (loaded with its index by `load_corpus_and_index`) from now on."""
        self.snippets = corpus.snippets
        self.corpus_problems = self.corpus_problems + corpus.problems
        self._ranked.clear()
        self._matcher = None

    # --- sections and the parts of the draft answering them -------------------------------------------

    def part(self, section: Section) -> DraftSection | Synpunkt | None:
        """What the user writes for `section`: the general part, or the synpunkt on that remiss section."""
        return self.draft.general if section is self.general else self.synpunkt(section)

    def synpunkt(self, section: Section) -> Synpunkt | None:
        """The draft's synpunkt for a remiss section (same position in the remiss's order, same heading)."""
        index = self._position[id(section)] - 1
        if 0 <= index < len(self.draft.synpunkter):
            candidate = self.draft.synpunkter[index]
            if (candidate.number, candidate.title) == (section.number, section.title):
                return candidate
        return next((s for s in self.draft.synpunkter if (s.number, s.title) == (section.number, section.title)), None)

    def section_of(self, key: str) -> Section | None:
        """The section whose part has `key` ("i_stort", "4.5")."""
        if key == GENERAL_KEY:
            return self.general
        return next((s for s in self.sections if (part := self.synpunkt(s)) is not None and part.key == key), None)

    def answered(self, section: Section) -> bool:
        part = self.part(section)
        if isinstance(part, Synpunkt):
            return part.written
        return bool(part and part.text.strip())

    @staticmethod
    def answerable(section: Section) -> bool:
        """Whether a remiss section is one to answer: it has text of its own, or no sub-sections to answer instead."""
        return bool(section.paragraphs) or not section.children

    def coverage(self) -> tuple[int, int]:
        """(answered, to answer) over the remiss sections one answers, and any other answered anyway."""
        counted = [s for s in self.sections if self.answerable(s) or self.answered(s)]
        return sum(1 for s in counted if self.answered(s)), len(counted)

    def next_unanswered(self, after: Section | None) -> Section | None:
        start = self._position[id(after)] + 1 if after is not None else 0
        ordered = self.order[start:] + self.order[:start]
        return next((s for s in ordered if s is not self.general and self.answerable(s) and not self.answered(s)), None)

    def remember(self, section: Section) -> None:
        """Keep where the user is, so the draft reopens there."""
        part = self.part(section)
        key = part.key if part is not None else ""
        if key != self.draft.current:
            self.draft.current = key
            self.autosaver.changed()

    # --- suggestions --------------------------------------------------------------------------------

    def fill(self, snippet: Snippet) -> str:
        """A snippet as inserting it would write it (placeholders from the draft, then the profile)."""
        return fill_snippet(self.draft, snippet, self.profile)

    def used(self) -> dict[str, list[str]]:
        return used_snippets(self.draft)

    def matcher(self) -> Matcher:
        """The ranking engine for the corpus, with the user's organisation and nämnd first at equal fit."""
        if self._matcher is None:
            from ..match import (
                Matcher,  # numpy and the index: loaded when first needed, in a worker
            )

            self._matcher = Matcher(self.snippets, organisation=self.profile.organisation, namnd=self.profile.namnd)
        return self._matcher

    def _forget_ranking(self) -> None:
        self._ranked.clear()
        self._fallback = None
        self._matcher = None

    def suggestions(self, section: Section, stance: str | None = None, text_filter: str = "", top: int = 15,
                    weak: bool = False) -> list[Suggestion]:
        """The positions that fit a section, best first (for the general part: those on the remiss as a whole);
        with `weak` the weak ones follow, marked. `text_filter` keeps those that fuzzily contain it. Rankings
        are remembered per section, stance and `weak` until the corpus or the profile's owner changes."""
        key = (id(section), stance, top if not text_filter.strip() else 200, weak)
        if key not in self._ranked:
            matcher = self.matcher()
            if section is self.general:
                hits = [hit for hit in matcher.general(self.remiss, top=key[2] * 3, include_weak=weak)
                        if stance is None or hit.snippet.stance == stance][: key[2]]
            else:
                hits = matcher.suggest(self.remiss, section, top=key[2], stance=stance, include_weak=weak)
            self._ranked[key] = [Suggestion.of(hit) for hit in hits]
        return _filtered(self._ranked[key], text_filter, top)

    def offer(self, section: Section, stance: str | None = None, text_filter: str = "", weak: bool = False) -> Offer:
        """What the suggestion panel shows for a section: what fits and, when nothing fits it at all, the
        fallback apart (see `Matcher.fallback`); the filters apply to every group."""
        ranked = self.suggestions(section, stance, text_filter, weak=weak)
        offer = Offer(fits=[s for s in ranked if not s.weak], weak=[s for s in ranked if s.weak])
        if offer.fits or self.suggestions(section):  # something fits, if not with these filters
            return offer
        offer.nothing_fits = True
        general, standard = self.fallback()
        if section is not self.general:  # for the general part they are the fits, and none fit
            offer.general = _filtered([s for s in general if stance is None or s.snippet.stance == stance], text_filter)
        offer.standard = _filtered([s for s in standard if stance is None or s.snippet.stance == stance], text_filter)
        apart = {s.snippet.id for s in offer.general + offer.standard}  # each shown once, as what it is offered as
        offer.weak = [s for s in offer.weak if s.snippet.id not in apart]
        return offer

    def fallback(self) -> Fallbacks:
        """For a section nothing fits: (the positions on the remiss as a whole, the standard answers). Finding
        the standard answers looks through the whole corpus (0.1 s at 100 000 snippets): the loading worker asks first."""
        if self._fallback is None:
            self._fallback = self._fallback_of(self.matcher())
        return self._fallback

    def _fallback_of(self, matcher: Matcher) -> Fallbacks:
        found = matcher.fallback(self.remiss)
        standard = {snippet.id for snippet in found.standard}  # each shown once, as what it is
        return ([Suggestion.of(hit) for hit in found.general if hit.snippet.id not in standard],
                [Suggestion(snippet, 0.0) for snippet in found.standard])

    def section_suggestions(self, key: str, stance: str | None = None) -> list[Suggestion]:
        """Suggestions for any text of the draft outside the synpunkter per section: the corpus's standard texts
        for that section first (those its template asks for), then positions on the remiss as a whole."""
        standard = [Suggestion(snippet, 1.0) for snippet in self.standard_snippets(key) if stance is None or snippet.stance == stance]
        positions = self.suggestions(self.general, stance) if self.ranking_ready else []
        template_section = self.template.section(key) if self.template else None
        wanted = template_section.suggest if template_section else ""
        return positions + standard if wanted == "synpunkt" or key == GENERAL_KEY else standard + positions

    def standard_snippets(self, key: str) -> list[Snippet]:
        """The corpus's standard texts for a template section ("konsekvenser_for_barn"), one per distinct text as
        inserted: the most used first, and among equals those written in answers to a remiss before others."""
        ranks: dict[str, list] = {}
        first: dict[str, Snippet] = {}
        of_kind = getattr(self.snippets, "of_kind", None)  # a stored corpus hands out its few standard texts
        for snippet in of_kind("standardtext") if of_kind else self.snippets:
            if snippet.kind == "standardtext" and snippet.section_key == key:
                text = self.fill(snippet)
                rank = ranks.setdefault(text, [0, 1, len(text)])
                first.setdefault(text, snippet)
                rank[0] -= 1
                rank[1] = min(rank[1], 0 if snippet.source.title else 1)
        return [first[text] for text in sorted(ranks, key=lambda text: ranks[text])]

    def standard_texts(self, key: str) -> list[str]:
        return [self.fill(snippet) for snippet in self.standard_snippets(key)]

    # --- a first draft in one key: proposals ---------------------------------------------------------

    def find_proposals(self, trial: Draft) -> dict[str, SnippetUse]:
        """The proposals a first draft would hold now, by synpunkt key (see `draft.proposals.propose`), worked
        out on `trial`, a copy of the draft (`copy.deepcopy`, made where the draft is edited), so that a worker
        can run this while the user goes on writing."""
        propose(trial, self.remiss, cast("Ranker", self.matcher()))  # a Matcher is a Ranker (lists are invariant)
        return {s.key: s.proposal for s in trial.synpunkter if s.proposal is not None}

    def place_proposals(self, found: dict[str, SnippetUse]) -> list[str]:
        """Put proposals found by `find_proposals` into the draft, each where the user has still neither written
        nor a proposal to review nor declined it; returns the keys of those placed."""
        placed = []
        for key, proposal in found.items():
            synpunkt = self.draft.synpunkt(key)
            if synpunkt is None or synpunkt.written or synpunkt.proposal is not None or proposal.id in synpunkt.declined:
                continue
            synpunkt.proposal = proposal
            placed.append(key)
        if placed:
            self.changed()
        return placed

    def proposal(self, section: Section) -> SnippetUse | None:
        part = self.part(section)
        return part.proposal if isinstance(part, Synpunkt) else None

    def snippet(self, snippet_id: str) -> Snippet | None:
        """The corpus's snippet with this id (a proposal's, to show its stance)."""
        return next((s for s in self.snippets if s.id == snippet_id), None)

    def pending(self) -> int:
        """Proposals left to review."""
        return pending_count(self.draft)

    def next_proposal(self, after: Section | None) -> Section | None:
        """The next section, in the remiss's order after `after`, with a proposal to review."""
        start = self._position[id(after)] + 1 if after is not None else 0
        ordered = self.order[start:] + self.order[:start]
        return next((s for s in ordered if self.proposal(s) is not None), None)

    def revise_proposal(self, key: str, text: str) -> None:
        """The user edits a proposal before accepting it: the draft keeps the edit (so nothing typed is lost)
        as the proposal's text – still a proposal, never in the synpunkt until accepted."""
        synpunkt = self.draft.synpunkt(key)
        if synpunkt is None or synpunkt.proposal is None or synpunkt.proposal.text == text:
            return
        self._proposed.setdefault(key, synpunkt.proposal.text)
        synpunkt.proposal = SnippetUse(synpunkt.proposal.id, text, synpunkt.proposal.source)
        self.changed()

    def accept_proposal(self, key: str) -> str:
        """Take the proposal of synpunkt `key` into its text, as the user left it (edited or not); returns the
        text added."""
        synpunkt = self.draft.synpunkt(key)
        original = self._proposed.pop(key, None)
        if synpunkt is not None and synpunkt.proposal is not None and original not in (None, synpunkt.proposal.text):
            edited = synpunkt.proposal  # judged against the text proposed: its source stays while the edit holds it
            synpunkt.proposal = SnippetUse(edited.id, original or "", edited.source)
            added = accept(self.draft, key, edited.text)
        else:
            added = accept(self.draft, key)
        self.changed()
        return added

    def reject_proposal(self, key: str) -> None:
        reject(self.draft, key)
        self._proposed.pop(key, None)
        self.changed()

    # --- status -------------------------------------------------------------------------------------

    def days_left(self, today: date | None = None) -> int | None:
        deadline = self.remiss.deadline or self.draft.remiss.deadline
        return (deadline - (today or date.today())).days if deadline else None

    def lix(self) -> float | None:
        """Läsbarhetsindex of all the draft's text: words per sentence plus the share of long words."""
        texts = [self.draft.general.text] + [s.text for s in self.draft.sections] + [s.text for s in self.draft.synpunkter]
        return lix(" ".join(texts))

    def apply_profile(self, profile: Profile) -> None:
        """Use a newly saved profile: a draft nothing has been written in yet is made again from it (author,
        signatures, nämnd, the standard texts); in a draft already worked on the author, the signers not edited
        by hand and an empty nämnd follow it."""
        owner = (self.profile.organisation, self.profile.namnd)
        self.profile = profile
        if owner != (profile.organisation, profile.namnd):
            self._forget_ranking()  # the user's own positions come first: the engine is made again for the new owner
        if not self.touched and not self.resumed and self.template is not None:
            path, current = self.draft.path, self.draft.current
            self.draft = new_draft(self.remiss, self.template, profile)
            self.draft.path, self.draft.current = path, current
            self.autosaver.draft = self.draft
        elif self.template is not None:
            follow_profile(self.draft, self.template, profile)
        self.autosaver.changed()

    def switch_template(self, template: Template, profile: Profile) -> None:
        self.draft = switch_template(self.draft, self.remiss, template, profile)
        self.template = template
        self.autosaver.draft = self.draft
        self.changed()

    # --- saving -------------------------------------------------------------------------------------

    def changed(self) -> None:
        """Call after every edit by the user."""
        self.touched = True
        self.autosaver.changed()

    def save(self) -> Path:
        path = save_draft(self.draft, self.draft.path)
        self.autosaver.dirty = False
        return path


def general_intro(remiss: Remiss) -> list[str]:
    """What the middle pane shows for the general part: what goes there, and what the remiss says it is about."""
    facts = [f"{label}: {value}" for label, value in (
        ("Remiss", remiss.title), ("Avsändare", remiss.sender), ("Diarienummer", remiss.dnr),
        ("Sista svarsdag", remiss.deadline.isoformat() if remiss.deadline else ""),
    ) if value]
    paragraphs = [("Här skriver du nämndens synpunkter på remissen i stort – det som inte hör till ett enskilt avsnitt. "
                   "De kommer före synpunkterna per avsnitt i tjänsteskrivelsen, eller där mallen anger.")]
    if facts:
        paragraphs.append("\n".join(facts))
    about = purpose(remiss)
    if about:
        paragraphs.append(about)
    return paragraphs


def lix(text: str) -> float | None:
    words = _WORD.findall(text)
    if len(words) < 10:
        return None
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    long_words = sum(1 for word in words if len(word) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words), 1)


def _filtered(found: list[Suggestion], text_filter: str, top: int = 15) -> list[Suggestion]:
    """Those that fuzzily contain `text_filter` (in their text, topics or provenance); all without one."""
    if not text_filter.strip():
        return found
    from rapidfuzz import fuzz

    wanted = text_filter.casefold().strip()
    return [s for s in found if fuzz.partial_ratio(wanted, _haystack(s.snippet)) >= 80][:top]


def _haystack(snippet: Snippet) -> str:
    source = snippet.source
    return " ".join([snippet.text, *snippet.topics, source.organisation, source.namnd, source.dnr]).casefold()


def open_session(files: list[Path], draft_path: Path | None = None) -> Session:
    """Read the remiss and resume its draft (or make one from the profile's template); the corpus is loaded
    apart (`load_corpus_and_index`). Runs in the loading worker, which is why the readers are imported here."""
    from ..remiss.cache import read_remiss_again

    problems: list[str] = []  # shown as notifications: parts of a file that could not be read, a lost template
    remiss = read_remiss_again(files, warn=problems.append)
    path = draft_path or default_draft_path(files)
    resumed = not is_missing(path)
    profile = load_profile()
    template: Template | None = None
    if resumed:
        draft = load_draft(path)
        try:
            template = load_template(draft.template)
        except RemissdraftError as error:
            problems.append(str(error))
    else:
        template = load_template(profile.template or DEFAULT_TEMPLATE)
        draft = new_draft(remiss, template, profile)
        draft.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
    session = Session(remiss, draft, [], problems, resumed, profile=profile, template=template)
    if resumed and template is not None and follow_profile(draft, template, profile):
        session.autosaver.changed()  # the profile changed since the draft was last open
    return session


__all__ = ["GENERAL_TITLE", "Offer", "Session", "Suggestion", "general_intro", "lix", "open_session"]
