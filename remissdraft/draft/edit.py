"""Changes the TUI makes to a draft: insert a snippet, edit a section, mark "ingen erinran", sign, check
completeness."""

from __future__ import annotations

import re

from ..errors import DraftError
from ..model import (
    Draft,
    DraftSection,
    Profile,
    Snippet,
    SnippetUse,
    Synpunkt,
    Template,
)
from .create import signer
from .placeholders import draft_values, fill


def target(draft: Draft, key: str) -> DraftSection | Synpunkt:
    """A standard section by key ("konsekvenser_for_barn"), the general part ("i_stort") or a synpunkt by
    remiss section ("4.5")."""
    found = draft.section(key) or draft.synpunkt(key)
    if found is None:
        raise DraftError(f"Utkastet har inget avsnitt ”{key}”")
    return found


def filled(draft: Draft, text: str, profile: Profile | None = None) -> str:
    """`text` as the user sees it in this draft: placeholders filled from the draft, then from the profile for
    facts the draft lacks (a nämnd chosen after the draft was made); unknown ones left visible."""
    values = draft_values(draft)
    if profile is not None:
        known = {"namnd": profile.namnd, "remissinstans": profile.organisation, "organisation": profile.organisation,
                 "handlaggare": profile.name, "enhet": profile.unit, "chef": profile.chef.name}
        values = {key: value for key, value in known.items() if value} | values
    return fill(text, values)


def fill_snippet(draft: Draft, snippet: Snippet, profile: Profile | None = None) -> str:
    """The snippet's text as it would be inserted: placeholders filled, unknown ones left visible."""
    return filled(draft, snippet.text, profile).strip()


def insert_snippet(draft: Draft, key: str, snippet: Snippet, profile: Profile | None = None) -> str:
    """Append a snippet as a new paragraph of a section or synpunkt, remembering its source; returns the text
    inserted. The section's text then starts with its old text without trailing space: an editor showing it
    appends `where.text[len(old.rstrip()):]`."""
    where = target(draft, key)
    text = fill_snippet(draft, snippet, profile)
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


def used_snippets(draft: Draft) -> dict[str, list[str]]:
    """Where each snippet is used in the draft: snippet id → the labels of the parts holding it."""
    used: dict[str, list[str]] = {}
    parts: list[tuple[str, DraftSection | Synpunkt]] = [(draft.general.heading, draft.general)]
    parts += [(s.heading, s) for s in draft.sections] + [(s.label, s) for s in draft.synpunkter]
    for label, part in parts:
        for use in part.uses:
            if label not in used.setdefault(use.id, []):
                used[use.id].append(label)
    return used


def refresh_signatures(draft: Draft, template: Template, profile: Profile) -> bool:
    """Signers as the template's roles and the profile say, except those edited for this draft; a signer whose
    role was not recorded gets the template's role at its place. Returns whether anything changed."""
    before = [(s.name, s.title, s.unit, s.role) for s in draft.signatures]
    for index, role in enumerate(template.signatures):
        if index == len(draft.signatures):
            draft.signatures.append(signer(role, profile))
            continue
        current = draft.signatures[index]
        current.role = current.role or role.role
        if not current.edited and current.role == role.role:
            fresh = signer(role, profile)
            current.name, current.title, current.unit = fresh.name, fresh.title, fresh.unit
    return before != [(s.name, s.title, s.unit, s.role) for s in draft.signatures]


def follow_profile(draft: Draft, template: Template, profile: Profile) -> bool:
    """A changed profile reaches the draft: its author, the signers not edited for this draft, and a nämnd or
    organisation the draft lacks. Returns whether anything changed."""
    before = (draft.author, draft.namnd, draft.organisation)
    if profile.name:
        draft.author = profile.person
    draft.namnd = draft.namnd or profile.namnd
    draft.organisation = draft.organisation or profile.organisation
    signers = refresh_signatures(draft, template, profile)
    return signers or before != (draft.author, draft.namnd, draft.organisation)


def set_signature(draft: Draft, index: int, **values: str) -> None:
    """Change a signer's name, title or unit by hand; from then on the profile no longer changes this signer."""
    if not 0 <= index < len(draft.signatures):
        raise DraftError(f"Utkastet har ingen underskrift nummer {index + 1}")
    person = draft.signatures[index]
    allowed = {"name", "title", "unit"}
    for key, value in values.items():
        if key not in allowed:
            raise DraftError(f"En underskrift har inget fält ”{key}”")
        setattr(person, key, value)
    person.edited = True


def missing_required(draft: Draft) -> list[str]:
    """Headings of required sections still empty; a required synpunkter section needs at least one synpunkt
    (one holding only an unreviewed proposal does not count), or synpunkter i stort."""
    from .proposals import pending_only  # proposals builds on this module

    missing = []
    for section in draft.sections:
        if not section.required:
            continue
        if section.kind == "synpunkter":
            if not any(s.written and not pending_only(s) for s in draft.synpunkter) and not draft.general.text.strip():
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
