"""Changes the TUI makes to a draft: insert a snippet, edit a section, mark "ingen erinran", check completeness."""

from __future__ import annotations

import re

from ..errors import DraftError
from ..model import Draft, DraftSection, Snippet, SnippetUse, Synpunkt
from .placeholders import draft_values, fill


def target(draft: Draft, key: str) -> DraftSection | Synpunkt:
    """A standard section by key ("konsekvenser_for_barn") or a synpunkt by remiss section ("4.5")."""
    found = draft.section(key) or draft.synpunkt(key)
    if found is None:
        raise DraftError(f"Utkastet har inget avsnitt ”{key}”")
    return found


def fill_snippet(draft: Draft, snippet: Snippet) -> str:
    """The snippet's text as it would be inserted: placeholders filled, unknown ones left visible."""
    return fill(snippet.text, draft_values(draft)).strip()


def insert_snippet(draft: Draft, key: str, snippet: Snippet) -> str:
    """Append a snippet as a new paragraph of a section or synpunkt, remembering its source; returns the text."""
    where = target(draft, key)
    text = fill_snippet(draft, snippet)
    where.text = f"{where.text.rstrip()}\n\n{text}" if where.text.strip() else text
    where.uses.append(SnippetUse(snippet.id, text, snippet.source))
    if isinstance(where, Synpunkt):
        where.ingen_erinran = False
    return text


def set_text(draft: Draft, key: str, text: str) -> None:
    """Replace the text the user wrote; sources of snippets no longer in the text are forgotten."""
    where = target(draft, key)
    where.text = text
    where.uses = [use for use in where.uses if still_used(use.text, text)]


def mark_ingen_erinran(draft: Draft, key: str, value: bool = True) -> None:
    """Mark a synpunkt "ingen erinran" (no objection); any text written stays in the draft."""
    where = target(draft, key)
    if not isinstance(where, Synpunkt):
        raise DraftError(f"”{where.heading}” är inget remissavsnitt – ”ingen erinran” gäller bara synpunkter")
    where.ingen_erinran = value


def missing_required(draft: Draft) -> list[str]:
    """Headings of required sections still empty; a required synpunkter section needs at least one synpunkt
    (one holding only an unreviewed proposal does not count)."""
    from .proposals import pending_only  # proposals builds on this module

    missing = []
    for section in draft.sections:
        if not section.required:
            continue
        if section.kind == "synpunkter":
            if not any(s.written and not pending_only(s) for s in draft.synpunkter):
                missing.append(section.heading)
        elif not section.text.strip():
            missing.append(section.heading)
    return missing


def still_used(snippet_text: str, text: str) -> bool:
    """Whether an inserted snippet is still recognisably in the text (verbatim, or most of its words)."""
    if _squash(snippet_text) in _squash(text):
        return True
    words = set(_words(snippet_text))
    return bool(words) and len(words & set(_words(text))) / len(words) >= 0.6


def _squash(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
