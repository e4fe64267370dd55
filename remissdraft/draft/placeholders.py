"""Placeholders such as {namnd} in template defaults and snippets: filled safely, unknown ones left visible."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..model import Draft

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


def draft_values(draft: Draft) -> dict[str, str]:
    """The values placeholders take in a draft; empty facts are left out, so their placeholders stay visible."""
    remiss = draft.remiss
    values = {
        "namnd": draft.namnd,
        "remissinstans": draft.organisation,
        "organisation": draft.organisation,
        "remiss": remiss.title,
        "avsandare": remiss.sender,
        "avsandare_genitiv": genitive(remiss.sender),
        "remiss_dnr": remiss.dnr,
        "ert_dnr": remiss.reply_dnr or remiss.dnr,
        "sista_svarsdag": long_date(remiss.deadline),
        "svar_till": remiss.reply_to,
        "dnr": draft.dnr,
        "datum": draft.datum,
        "handlaggare": draft.author.name,
        "enhet": draft.author.unit,
        "chef": next((p.name for p in draft.signatures if p.name and p.name != draft.author.name), ""),
    }
    return {key: value for key, value in values.items() if value}
