"""Find the remiss section a user names: by number ("3.1", "7") or by a case-insensitive title prefix."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from ..errors import UnknownSectionError
from ..model import Remiss, Section
from .normalize import fold

_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_SHOWN = 3  # closest sections named in the error


def _short(section: Section, width: int = 60) -> str:
    label = " ".join(section.label.split())
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _spaced(text: str) -> str:
    return " ".join(fold(text).split())


def find_section(remiss: Remiss, spec: str) -> Section:
    """The section `spec` names: its number, its exact title or label, else the one title (or label)
    it is a prefix of. Raises UnknownSectionError, listing the closest sections, when none or several fit."""
    sections = list(remiss.walk())
    wanted = _spaced(spec or "")
    if not wanted:
        raise UnknownSectionError("Ange ett avsnitt med nummer (t.ex. 3.1) eller rubrik (t.ex. Styrande nivå).")
    if len(wanted) > 200:  # no number or title is this long (and int() refuses 4300 digits)
        raise UnknownSectionError("Avsnittet finns inte i remissen – ange ett nummer (t.ex. 3.1) eller början av en rubrik, högst 200 tecken.")
    if not sections:
        raise UnknownSectionError("Remissen har inga avsnitt att välja bland – inga rubriker hittades i den.")
    if _NUMBER.match(wanted):
        number = wanted.rstrip(".")
        for section in sections:
            if section.number == number:
                return section
        raise UnknownSectionError(f"Avsnitt {number} finns inte i remissen. Närmast: {_closest_numbers(number, sections)}.")
    exact = [s for s in sections if wanted in (_spaced(s.title), _spaced(s.label))]
    if exact:
        return exact[0]
    prefixed = [s for s in sections if _spaced(s.title).startswith(wanted) or _spaced(s.label).startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        listed = "; ".join(_short(s) for s in prefixed[:_SHOWN]) + ("; …" if len(prefixed) > _SHOWN else "")
        raise UnknownSectionError(f"”{spec.strip()}” passar flera avsnitt: {listed}. Skriv mer av rubriken eller ange numret.")
    raise UnknownSectionError(f"Avsnittet ”{spec.strip()}” finns inte i remissen. Närmast: {_closest_titles(wanted, sections)}.")


def _closest_titles(wanted: str, sections: list[Section]) -> str:
    choices = [_spaced(s.label) for s in sections]
    found = process.extract(wanted, choices, scorer=fuzz.WRatio, limit=_SHOWN)
    return "; ".join(_short(sections[index]) for _, _, index in found)


def _closest_numbers(number: str, sections: list[Section]) -> str:
    """Numbered sections nearest to `number`: the longest shared leading parts first, then the nearest value."""
    wanted = [int(part) for part in number.split(".")]

    def distance(section: Section) -> tuple[int, int, int, int]:
        parts = [int(part) for part in section.number.split(".")]
        shared = 0
        while shared < min(len(parts), len(wanted)) and parts[shared] == wanted[shared]:
            shared += 1
        gap = abs(parts[shared] - wanted[shared]) if shared < min(len(parts), len(wanted)) else 0
        return (-shared, len(parts) != len(wanted), gap, len(parts))  # siblings first, the nearest first

    numbered = [s for s in sections if s.number and re.fullmatch(r"\d+(?:\.\d+)*", s.number)]
    if not numbered:
        return "; ".join(_short(s) for s in sections[:_SHOWN])
    return "; ".join(_short(s) for s in sorted(numbered, key=distance)[:_SHOWN])
