"""A first draft in one key: for every remiss section, the best earlier position above a high confidence is
placed as a *proposal*, which the user accepts (as it is or edited) or rejects.

What is proposed, at or above `PROPOSAL_CONFIDENCE` by the position's own evidence (`Hit.own_confidence`: its
words and what the corpus records, not what its neighbours in the yttrande lend it):
* a position the corpus grounds for this section (`Hit.grounded`): it answered this section before, of this
  remiss or an earlier version of it, or stood under a heading that names this kind of section;
* a position on this very remiss whose section is not recorded (`Hit.this_remiss`), where it fits best: at
  least `FITS_BEST` times its score in any other section (but the chapters around it and the sections below it),
  and sharing at least two of the section's terms. Words that fit several sections about as well say little
  about which one it answered — that is what the positions on the remiss as a whole look like — and one word
  alone may be a coincidence.
A position known only by its words (taken on another remiss, no heading naming the section) is not proposed: on
the judged real sets every such proposal was wrong, even at a confidence of 0.9 (benchmarks/relevance.py). A
position recorded for another section of this remiss (`Hit.elsewhere`) is not proposed here. Each position is
proposed once: the most confident first, and rather in a sub-section than in the chapter around it.

A proposal lives in `Synpunkt.proposal`, apart from the text, so nothing the user did not accept is ever
exported (see `pending_only`, which the export checks); a rejected proposal is remembered in
`Synpunkt.declined` and not proposed again.

    placed = propose(draft, remiss, matcher)        # matcher: match.Matcher for the corpus
    accept(draft, "4.5")                            # or accept(draft, "4.5", edited_text)
    reject(draft, "5")
    pending_count(draft)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..errors import DraftError
from ..model import Draft, Remiss, Section, Snippet, SnippetUse, Synpunkt
from .edit import fill_snippet, still_used

PROPOSAL_CONFIDENCE = 0.75  # how sure a position must be of fitting, by its own evidence
FITS_BEST = 1.3  # a position on this remiss without a recorded section: how much better here than anywhere else
_WORDS = 2  # a position the corpus does not ground shares at least this many of the section's terms
_LOOK = 5  # suggestions looked at per section: a position already proposed elsewhere gives way to the next


class _Hit(Protocol):
    snippet: Snippet
    own_score: float
    own_confidence: float
    terms_shared: int
    similar: list[Snippet]
    grounded: bool
    this_remiss: bool
    elsewhere: bool


class Ranker(Protocol):
    """What `propose` needs of a matcher (match.Matcher)."""

    def suggest(self, remiss: Remiss, section: Section, top: int = 10) -> Sequence[_Hit]: ...


@dataclass
class _Candidate:
    order: int  # the section's place in the remiss
    section: Section
    synpunkt: Synpunkt
    hit: _Hit


def propose(
    draft: Draft, remiss: Remiss, matcher: Ranker, *, confidence: float = PROPOSAL_CONFIDENCE, fits_best: float = FITS_BEST,
) -> int:
    """Place a proposal on every synpunkt not yet written (nor already proposed for), by the rules above, never
    one the user declined for it. Returns how many were placed."""
    candidates: list[_Candidate] = []
    seen: list[_Candidate] = []  # every position looked at, for where it fits best
    for order, (section, synpunkt) in enumerate(sections_and_synpunkter(draft, remiss)):
        if synpunkt.written or synpunkt.proposal is not None:
            continue
        refused = set(synpunkt.declined) | {use.id for use in synpunkt.uses}
        for hit in matcher.suggest(remiss, section, top=_LOOK):
            candidate = _Candidate(order, section, synpunkt, hit)
            seen.append(candidate)
            if hit.own_confidence >= confidence and (hit.grounded or hit.this_remiss) and not hit.elsewhere \
                    and hit.snippet.id not in refused:
                candidates.append(candidate)
    candidates = _where_it_fits_best(_most_specific(candidates), seen, fits_best)
    taken = {s.proposal.id for s in draft.synpunkter if s.proposal is not None}
    placed = 0
    for candidate in sorted(candidates, key=lambda c: (-c.hit.own_confidence, c.order)):
        hit, synpunkt = candidate.hit, candidate.synpunkt
        ids = {hit.snippet.id, *(other.id for other in hit.similar)}
        if synpunkt.proposal is not None or ids & taken:
            continue
        synpunkt.proposal = SnippetUse(hit.snippet.id, fill_snippet(draft, hit.snippet), hit.snippet.source)
        taken |= ids
        placed += 1
    return placed


def _most_specific(candidates: list[_Candidate]) -> list[_Candidate]:
    """Leave out a position's candidacy for a section when it is a candidate for one of its sub-sections too."""
    sections_of: dict[str, list[Section]] = {}
    for candidate in candidates:
        sections_of.setdefault(candidate.hit.snippet.id, []).append(candidate.section)
    return [c for c in candidates if not any(_below(other, c.section) for other in sections_of[c.hit.snippet.id])]


def _where_it_fits_best(candidates: list[_Candidate], seen: list[_Candidate], factor: float) -> list[_Candidate]:
    """Keep a candidate the corpus does not ground only where its position fits `factor` times better than in
    any other section looked at (the chapters around it and the sections below it aside)."""
    fits: dict[str, list[tuple[float, Section]]] = {}
    for candidate in seen:
        fits.setdefault(candidate.hit.snippet.id, []).append((candidate.hit.own_score, candidate.section))

    def best_here(candidate: _Candidate) -> bool:
        here = candidate.section
        elsewhere = [score for score, section in fits[candidate.hit.snippet.id]
                     if section is not here and not _below(section, here) and not _below(here, section)]
        return candidate.hit.own_score >= factor * max(elsewhere, default=0.0)

    return [c for c in candidates if c.hit.grounded or (c.hit.terms_shared >= _WORDS and best_here(c))]


def _below(section: Section, chapter: Section) -> bool:
    """Whether `section` is a sub-section of `chapter`, in the tree or by its number ("4.5" under "4")."""
    return section is not chapter and (
        any(node is section for node in chapter.walk()) or _numbered_under(section.number, chapter.number)
    )


def accept(draft: Draft, key: str, text: str | None = None) -> str:
    """Take the proposal of synpunkt `key` into its text, as proposed or as the user edited it (`text`); its
    source is kept while the text still recognisably holds it. Returns the text added."""
    synpunkt = _synpunkt(draft, key)
    proposal = synpunkt.proposal
    if proposal is None:
        raise DraftError(f"”{synpunkt.label}” har inget förslag att godta")
    added = proposal.text if text is None else text.strip()
    if pending_only(synpunkt):  # the text only mirrors the proposal: it is replaced, not added to
        synpunkt.text = ""
    if added:
        synpunkt.text = f"{synpunkt.text.rstrip()}\n\n{added}" if synpunkt.text.strip() else added
        synpunkt.ingen_erinran = False
        if still_used(proposal.text, added):
            synpunkt.uses.append(SnippetUse(proposal.id, added, proposal.source))
    synpunkt.proposal = None
    return added


def reject(draft: Draft, key: str) -> None:
    """Drop the proposal of synpunkt `key`; it is not proposed there again."""
    synpunkt = _synpunkt(draft, key)
    if synpunkt.proposal is None:
        raise DraftError(f"”{synpunkt.label}” har inget förslag att avvisa")
    if synpunkt.proposal.id not in synpunkt.declined:
        synpunkt.declined.append(synpunkt.proposal.id)
    synpunkt.proposal = None


def pending_count(draft: Draft) -> int:
    """Proposals left to review."""
    return sum(1 for synpunkt in draft.synpunkter if synpunkt.proposal is not None)


def pending_only(synpunkt: Synpunkt) -> bool:
    """Whether what a synpunkt holds is only its unreviewed proposal: its text is nothing but the proposal's
    (put there without accepting it). The export leaves such a synpunkt out."""
    proposal = synpunkt.proposal
    return proposal is not None and not synpunkt.ingen_erinran and _squash(synpunkt.text) == _squash(proposal.text)


def sections_and_synpunkter(draft: Draft, remiss: Remiss) -> Iterator[tuple[Section, Synpunkt]]:
    """Each remiss section with the draft's synpunkt for it (same place in the remiss's order and same heading,
    else the first with the same heading); sections the draft has no synpunkt for are left out."""
    synpunkter = draft.synpunkter
    for index, section in enumerate(remiss.walk()):
        here = synpunkter[index] if index < len(synpunkter) else None
        if here is None or (here.number, here.title) != (section.number, section.title):
            here = next((s for s in synpunkter if (s.number, s.title) == (section.number, section.title)), None)
        if here is not None:
            yield section, here


def _numbered_under(number: str, chapter: str) -> bool:
    """"4.5" is numbered under "4" (whatever tree the reader built)."""
    return bool(number and chapter) and number.replace(" ", "").startswith(chapter.replace(" ", "") + ".")


def _synpunkt(draft: Draft, key: str) -> Synpunkt:
    synpunkt = draft.synpunkt(key)
    if synpunkt is None:
        raise DraftError(f"Utkastet har inget remissavsnitt ”{key}”")
    return synpunkt


def _squash(text: str) -> str:
    return " ".join(text.split())
