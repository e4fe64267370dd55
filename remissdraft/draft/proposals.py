"""A first draft in one key: for every remiss section, the best earlier position above a high confidence is
placed as a *proposal*, which the user accepts (as it is or edited) or rejects.

What is proposed: a position at or above `PROPOSAL_CONFIDENCE` that the corpus knows more about than its
words (it answered this section before, of this remiss or an earlier version of it, or stood under a heading
that names this kind of section: `Hit.grounded`), or one at or above `CERTAIN` from its words alone — a
position taken elsewhere is put in the draft only when it is nearly certain to fit. Each position is proposed
once: where it fits best, and rather in a sub-section than in the chapter around it.

A proposal lives in `Synpunkt.proposal`, apart from the text, so nothing the user did not accept is ever
exported (see `pending_only`, which the export checks); a rejected proposal is remembered in
`Synpunkt.declined` and not proposed again.

    placed = propose(draft, remiss, matcher)        # matcher: match.Matcher for the corpus
    accept(draft, "4.5")                            # or accept(draft, "4.5", edited_text)
    reject(draft, "5")
    pending_count(draft)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..errors import DraftError
from ..model import Draft, Remiss, Section, Snippet, SnippetUse, Synpunkt
from .edit import fill_snippet, still_used

PROPOSAL_CONFIDENCE = 0.75  # a grounded position this sure of fitting is proposed
CERTAIN = 0.9  # a position known only by its words must be this sure
_LOOK = 5  # suggestions looked at per section: a position already proposed elsewhere gives way to the next


class _Hit(Protocol):
    snippet: Snippet
    confidence: float
    similar: list[Snippet]
    grounded: bool


class Ranker(Protocol):
    """What `propose` needs of a matcher (match.Matcher)."""

    def suggest(self, remiss: Remiss, section: Section, top: int = 10) -> list[_Hit]: ...


def propose(
    draft: Draft, remiss: Remiss, matcher: Ranker, *, confidence: float = PROPOSAL_CONFIDENCE, certain: float = CERTAIN,
) -> int:
    """Place a proposal on every synpunkt not yet written (nor already proposed for): the best position that
    is `confidence` sure and grounded, or `certain` sure, and not one the user declined. Each position is
    proposed once; the most confident proposals are placed first, and a position that fits a section and one
    of its sub-sections goes to the sub-section. Returns how many were placed."""
    candidates: list[tuple[float, int, Section, Synpunkt, _Hit]] = []
    for order, (section, synpunkt) in enumerate(sections_and_synpunkter(draft, remiss)):
        if synpunkt.written or synpunkt.proposal is not None:
            continue
        refused = set(synpunkt.declined) | {use.id for use in synpunkt.uses}
        for hit in matcher.suggest(remiss, section, top=_LOOK):
            sure = hit.confidence >= certain or (hit.confidence >= confidence and hit.grounded)
            if sure and hit.snippet.id not in refused:
                candidates.append((-hit.confidence, order, section, synpunkt, hit))
    candidates = _most_specific(candidates)
    taken = {s.proposal.id for s in draft.synpunkter if s.proposal is not None}
    placed = 0
    for _, _, _, synpunkt, hit in sorted(candidates, key=lambda candidate: candidate[:2]):
        ids = {hit.snippet.id, *(other.id for other in hit.similar)}
        if synpunkt.proposal is not None or ids & taken:
            continue
        synpunkt.proposal = SnippetUse(hit.snippet.id, fill_snippet(draft, hit.snippet), hit.snippet.source)
        taken |= ids
        placed += 1
    return placed


def _most_specific(candidates: list[tuple[float, int, Section, Synpunkt, _Hit]]) -> list[tuple[float, int, Section, Synpunkt, _Hit]]:
    """Leave out a position's candidacy for a section when it is a candidate for one of its sub-sections too."""
    sections_of: dict[str, list[Section]] = {}
    for candidate in candidates:
        sections_of.setdefault(candidate[4].snippet.id, []).append(candidate[2])

    def has_sub_section(section: Section, others: list[Section]) -> bool:
        below = {id(node) for node in section.walk() if node is not section}
        return any(id(other) in below or _numbered_under(other.number, section.number) for other in others)

    return [c for c in candidates if not has_sub_section(c[2], sections_of[c[4].snippet.id])]


def accept(draft: Draft, key: str, text: str | None = None) -> str:
    """Take the proposal of synpunkt `key` into its text, as proposed or as the user edited it (`text`); its
    source is kept while the text still recognisably holds it. Returns the text added."""
    synpunkt = _synpunkt(draft, key)
    proposal = synpunkt.proposal
    if proposal is None:
        raise DraftError(f"”{synpunkt.label}” har inget förslag att godta")
    added = proposal.text if text is None else text.strip()
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
