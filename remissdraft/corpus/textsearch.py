"""Free-text search over the corpus, for `remissdraft corpus search` and the TUI's snippet search."""

from __future__ import annotations

import re
import unicodedata

from ..model import Snippet


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def search(snippets: list[Snippet], query: str, limit: int = 20) -> list[Snippet]:
    """Snippets containing every query word (also inside a compound, so "samverkan" finds
    "samverkansformer"), ranked by how often they occur; topics and provenance count too."""
    wanted = _words(query)
    if not wanted:
        return []
    scored = []
    for position, snippet in enumerate(snippets):
        source = snippet.source
        words = _words(" ".join([snippet.text, *snippet.topics, source.organisation, source.namnd, source.dnr, source.title]))
        hits = [sum(1 for word in words if term in word) for term in wanted]
        if all(hits):
            scored.append((-sum(hits), position, snippet))
    return [snippet for _, _, snippet in sorted(scored)[:limit]]
