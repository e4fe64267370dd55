"""Placeholders such as {namnd} in template defaults and snippets: filled safely, unknown ones left visible."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TypeVar

from ..model import Draft, DraftSection, Person, Profile, Synpunkt, Template

P = TypeVar("P", bound=Person)

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*(?:[•\-–*]\s+|\d+[.)]\s+)?)$")
# A nämnd's name is a common noun: "Socialnämnden" starts a sentence, "socialnämnden" is written inside one.
_COMMON_NOUN_ENDINGS = ("nämnden", "nämnd", "styrelsen", "förvaltningen", "kontoret", "utskottet", "beredningen", "fullmäktige")
_LOWER_INSIDE_SENTENCE = {"namnd"}

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")

# The placeholders a user may write, for help texts and template comments.
KNOWN = {
    "namnd": "nämndens namn (Socialnämnden)",
    "remissinstans": "organisationen som svarar (Nacka kommun)",
    "organisation": "organisationen som svarar (Nacka kommun)",
    "remiss": "remissens titel",
    "avsandare": "den som skickat remissen (Region Stockholm)",
    "avsandare_genitiv": "avsändaren i genitiv (Region Stockholms)",
    "remiss_dnr": "remissens eget diarienummer",
    "ert_dnr": "diarienumret svaret ska ange",
    "sista_svarsdag": "sista svarsdag (17 juni 2021)",
    "svar_till": "dit svaret skickas",
    "dnr": "ärendets diarienummer hos nämnden",
    "datum": "tjänsteskrivelsens datum",
    "handlaggare": "handläggarens namn",
    "enhet": "handläggarens enhet",
    "chef": "chefens namn",
}


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace {name} with values[name]; a name not in `values` stays visible as written, nothing raises.

    Only {identifier} counts as a placeholder: stray braces, "{0}", "{a.b}" or "{x:>3}" are left as they are.
    """

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            return match.group(0)
        value = str(values[key])
        if not value:
            return value
        if _SENTENCE_START.search(text, 0, match.start()) is not None:
            return value[0].upper() + value[1:]
        if key in _LOWER_INSIDE_SENTENCE and is_common_noun(value):
            return value[0].lower() + value[1:]
        return value

    return PLACEHOLDER.sub(replace, text)


def leftover(text: str) -> list[str]:
    """The placeholders still in a text, in order, each once: ["{namnd}"]."""
    return list(dict.fromkeys(match.group(0) for match in PLACEHOLDER.finditer(text)))


def is_common_noun(name: str) -> bool:
    first = name.split()[0].casefold() if name.split() else ""
    return first.endswith(_COMMON_NOUN_ENDINGS)


def genitive(name: str) -> str:
    """Swedish genitive: "Region Stockholm" → "Region Stockholms"; "Boverket" → "Boverkets"; "Mälarens" as is."""
    if not name:
        return ""
    return name if name[-1].lower() in "sxz" else name + "s"


def long_date(day: date | None) -> str:
    """"17 juni 2021"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def draft_values(draft: Draft, profile: Profile | None = None) -> dict[str, str]:
    """The values placeholders take in a draft: the draft's own facts, and where the draft has none the current
    profile's (nämnd, organisation, handläggare, enhet, chef). Empty facts are left out, so their placeholders stay
    visible."""
    remiss = draft.remiss
    profile = profile or Profile()
    values = {
        "namnd": draft.namnd or profile.namnd,
        "remissinstans": draft.organisation or profile.organisation,
        "organisation": draft.organisation or profile.organisation,
        "remiss": remiss.title,
        "avsandare": remiss.sender,
        "avsandare_genitiv": genitive(remiss.sender),
        "remiss_dnr": remiss.dnr,
        "ert_dnr": remiss.reply_dnr or remiss.dnr,
        "sista_svarsdag": long_date(remiss.deadline),
        "svar_till": remiss.reply_to,
        "dnr": draft.dnr,
        "datum": draft.datum,
        "handlaggare": draft.author.name or profile.name,
        "enhet": draft.author.unit or profile.unit,
        "chef": next((p.name for p in draft.signatures if p.name and p.name != draft.author.name), "") or profile.chef.name,
    }
    return {key: value for key, value in values.items() if value}


def filled_draft(draft: Draft, profile: Profile | None = None, template: Template | None = None) -> Draft:
    """The draft as it reads, for the export and for what the user sees; the draft itself is not changed.

    A copy in which facts the draft lacks come from the current `profile` (nämnd, organisation, the author, and
    the signers that the `template`'s roles "chef" and "handlaggare" name; the organisation last from the template),
    and every placeholder in the title, headings, texts and recorded snippet texts is filled; unknown placeholders
    stay visible."""
    filled = copy.deepcopy(draft)
    filled.path = draft.path
    if profile is not None:
        filled.namnd = filled.namnd or profile.namnd
        filled.organisation = filled.organisation or profile.organisation
        filled.author = _completed(filled.author, profile.person)
        roles = template.signatures if template is not None else []
        for role, index in zip(roles, range(len(filled.signatures))):
            source = {"chef": profile.chef, "handlaggare": profile.person}.get(role.role)
            if source is not None:
                filled.signatures[index] = _completed(filled.signatures[index], source)
    if template is not None:
        filled.organisation = filled.organisation or template.organisation
    values = draft_values(filled)
    filled.title, filled.subtitle = fill(filled.title, values), fill(filled.subtitle, values)
    for section in filled.sections:
        section.heading = fill(section.heading, values)
    parts: list[DraftSection | Synpunkt] = [filled.general, *filled.sections, *filled.synpunkter]
    for part in parts:
        part.text = fill(part.text, values)
        for use in part.uses:
            use.text = fill(use.text, values)
    return filled


def fill_title(pattern: str, values: Mapping[str, str]) -> str:
    """A document title from a template's pattern. A separating dash next to a value that has a dash of its own is
    dropped: "Remiss – {remiss}" with "Folkhälsopolicy – God hälsa" gives "Remiss Folkhälsopolicy – God hälsa"."""

    def has_dash(key: str) -> bool:
        return bool(_SPACED_DASH.search(str(values.get(key, ""))))

    pattern = _DASH_BEFORE.sub(lambda m: " " + m.group(1) if has_dash(m.group(2)) else m.group(0), pattern)
    pattern = _DASH_AFTER.sub(lambda m: m.group(1) + " " if has_dash(m.group(2)) else m.group(0), pattern)
    return fill(pattern, values)


_SPACED_DASH = re.compile(r"\s[–—-]\s")
_DASH_BEFORE = re.compile(r"\s+[–—-]\s+(\{([A-Za-z_][A-Za-z0-9_]*)\})")
_DASH_AFTER = re.compile(r"(\{([A-Za-z_][A-Za-z0-9_]*)\})\s+[–—-]\s+")


def _completed(person: P, source: Person) -> P:
    """A signer or author the draft left without a name takes the profile's person; a named one is kept (a
    signer keeps its role)."""
    if person.name or not source.name:
        return person
    return replace(person, name=source.name, title=source.title or person.title, unit=source.unit or person.unit)
