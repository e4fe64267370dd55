"""Text that cannot go into a Word document (control characters, lone surrogates) taken out before export."""

from __future__ import annotations

import dataclasses
import re

from ..model import DraftSection, Synpunkt, Template

# XML 1.0 allows tab, line feed and carriage return among the control characters, and no surrogates or U+FFFE/FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})  # Word's manual line break and page break, as pasted


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text.translate(_LINE_BREAKS))


def clean_for_xml(obj: object, where: str = "") -> list[str]:
    """Clean every string of a dataclass tree (a filled draft, a template) in place; returns where something was
    taken out, in words the user knows ("”Ärendet”", "underskrifterna"), each once."""
    found: list[str] = []
    _clean(obj, where, found)
    return list(dict.fromkeys(found))


def _clean(obj: object, where: str, found: list[str]) -> None:
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    where = _place(obj) or where
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        here = where or _PLACES.get(field.name, "utkastets uppgifter")
        if isinstance(value, str):
            cleaned = xml_safe(value)
            if cleaned != value:
                setattr(obj, field.name, cleaned)
                found.append(here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    cleaned = xml_safe(item)
                    if cleaned != item:
                        value[index] = cleaned
                        found.append(here)
                else:
                    _clean(item, where or _PLACES.get(field.name, ""), found)
        else:
            _clean(value, where or _PLACES.get(field.name, ""), found)


def _place(obj: object) -> str:
    if isinstance(obj, DraftSection):
        return f"”{obj.heading}”"
    if isinstance(obj, Synpunkt):
        return f"synpunkten på {obj.label}"
    if isinstance(obj, Template):
        return f"mallen {obj.id}"
    return ""


_PLACES = {"title": "rubriken", "subtitle": "underrubriken", "namnd": "nämnden", "organisation": "organisationen",
           "dnr": "diarienumret", "author": "handläggaren", "signatures": "underskrifterna", "remiss": "remissens uppgifter"}
