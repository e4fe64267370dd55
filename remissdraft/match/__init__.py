"""Rank earlier positions (corpus snippets) for the remiss section being answered.

    section = find_section(remiss, "Styrande nivå")
    hits = suggest(remiss, section, snippets, top=5, stance="positiv")

`Matcher(snippets, organisation=…, namnd=…)` keeps a corpus's index at hand for many sections (the TUI);
`suggest` is the one-shot form. Each hit has a `confidence` (0–1); only hits at or above the relevance floor
are returned unless `include_weak` (then weak ones are marked `weak`), so an empty list means nothing fits —
`Matcher.fallback(remiss)` then gives what to offer instead. Near-duplicates come as one hit with `similar`.
A hit also says what the corpus knows of it: `grounded` (it answered this section before, or a heading names
it), `this_remiss` (it answered this remiss, some section), `elsewhere` (recorded for another section of this
remiss), and `own_confidence` (its fit without its neighbours' help, what draft.proposals goes by).
`Matcher.search(text, top)` is the palette's free-text search: what `corpus.search` finds, from a word index made
on the first search (wordsearch.py).
The index is cached on disk by the corpus's content (see `index.cache_dir`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fallback import Fallback, standard_answers
    from .index import cache_dir
    from .matcher import DEFAULT_SETTINGS, Hit, Matcher, MatchSettings, normalize_stance, suggest
    from .sections import find_section

# Each name from the module that defines it, imported when first asked for: a process that only analyses texts
# (a corpus worker, through match.analysis) does not import numpy and the ranking.
_FROM = {
    "Fallback": "fallback", "standard_answers": "fallback", "cache_dir": "index", "find_section": "sections",
    **dict.fromkeys(("DEFAULT_SETTINGS", "Hit", "Matcher", "MatchSettings", "normalize_stance", "suggest"), "matcher"),
}
__all__ = [
    "DEFAULT_SETTINGS", "Fallback", "Hit", "MatchSettings", "Matcher", "cache_dir", "find_section", "normalize_stance",
    "standard_answers", "suggest",
]


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
