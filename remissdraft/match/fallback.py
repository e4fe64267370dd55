"""When nothing fits a section: what to offer instead, apart and marked as such.

* the positions taken on the remiss as a whole (`Matcher.general`): ranked for the remiss's title and headings
  rather than for one section, on the same scale and behind the same floor;
* standard answers: the corpus's standard texts for a synpunkt (kind "standardtext", `section_key`
  "synpunkt" or "ingen_erinran") and the short "nothing to object" answers earlier yttranden gave
  ("… har inget att erinra i förslaget"), the user's own organisation first, then the most used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Snippet
from .normalize import fold, plain

STANDARD_KEYS = ("synpunkt", "ingen_erinran")
_NO_OBJECTION = re.compile(
    r"\b(?:inget|ingenting|inte något) att erinra\b|\bingen erinran\b|\binga (?:synpunkter|invändningar|erinringar)\b"
    r"|\bavstår från att (?:ge|lämna)\b",
    re.IGNORECASE,
)
_SHORT = 300  # a standard answer is a sentence or two, not a whole position
# What every text `_NO_OBJECTION` finds holds (LIKE patterns, ASCII only, so that case is ignored): a stored
# corpus hands out only those, rather than each of its snippets.
_NO_OBJECTION_HINTS = ("%erinra%", "%inga synpunkter%", "%inga inv_ndningar%", "%inga erinringar%", "%avst_r fr_n att%")


@dataclass
class Fallback:
    """What a section with nothing fitting is offered instead (each kind shown apart)."""

    general: list = field(default_factory=list)  # match.Hit: positions on the remiss as a whole, best first
    standard: list[Snippet] = field(default_factory=list)  # standard answers, the most fitting first


def standard_answers(snippets: Sequence[Snippet], organisation: str = "", limit: int = 5) -> list[Snippet]:
    """Standard texts for a synpunkt and short "nothing to object" answers, one of each wording: the user's
    `organisation` first, then the most used, then the shortest."""
    own = " ".join(fold(organisation).split())
    found: dict[str, Snippet] = {}
    uses: Counter[str] = Counter()
    mine: set[str] = set()
    for snippet in _candidates(snippets):
        standard = snippet.kind == "standardtext" and snippet.section_key in STANDARD_KEYS
        answer = snippet.kind == "synpunkt" and len(snippet.text) <= _SHORT and _NO_OBJECTION.search(snippet.text)
        if not (standard or answer):
            continue
        key = plain(snippet.text)
        found.setdefault(key, snippet)
        uses[key] += 1
        if own and " ".join(fold(snippet.source.organisation).split()) == own:
            mine.add(key)
    ranked = sorted(found, key=lambda key: (key not in mine, -uses[key], len(key)))
    return [found[key] for key in ranked[:limit]]


def _candidates(snippets: Sequence[Snippet]) -> Iterable[Snippet]:
    """The snippets that may be standard answers, the standard texts first (a wording that is both is shown as
    the standard text): a stored corpus looks them up – its standard texts and its short synpunkter with the
    words of one – rather than hand out each of its snippets."""
    of_kind = getattr(snippets, "of_kind", None)
    if of_kind is None:
        return sorted(snippets, key=lambda snippet: snippet.kind != "standardtext")
    return [*of_kind("standardtext"), *of_kind("synpunkt", _SHORT, _NO_OBJECTION_HINTS)]
