"""Rank earlier positions (corpus snippets) for the remiss section being answered.

    section = find_section(remiss, "Styrande nivå")
    hits = suggest(remiss, section, snippets, top=5, stance="positiv")

`Matcher(snippets)` keeps a corpus's index at hand for many sections (the TUI); `suggest` is the one-shot
form. The index is cached on disk by the corpus's content (see `index.cache_dir`).
"""

from .index import cache_dir
from .sections import find_section
from .suggest import DEFAULT_SETTINGS, Hit, Matcher, MatchSettings, normalize_stance, suggest

__all__ = ["DEFAULT_SETTINGS", "Hit", "MatchSettings", "Matcher", "cache_dir", "find_section", "normalize_stance", "suggest"]
