"""Split Swedish prose into sentences, and sentences into stance units."""

from __future__ import annotations

import re

# Abbreviations whose final period does not end a sentence. Those that close a list ("m.fl.", "osv.",
# "m.m.", "etc.") are left out: followed by a capital, they usually do end one.
ABBREVIATIONS = (
    "t.ex.", "bl.a.", "s.k.", "dvs.", "d.v.s.", "t.o.m.", "fr.o.m.", "p.g.a.",
    "pga.", "ca.", "jfr.", "resp.", "inkl.", "exkl.", "enl.", "kap.", "nr.", "st.", "e.d.", "f.d.", "o.d.", "s.", "f.",
    "bl. a.", "t. ex.", "prop.", "dnr.", "tel.", "ang.", "avd.", "mom.", "kl.", "sek.", "tex.",
)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”»)]?\s+(?=[\"”«(]?[A-ZÅÄÖ0-9•–])")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as t.ex. and bl.a. do not end one."""
    parts: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(paragraph):
        before = paragraph[start : boundary.start()].rstrip("\"”»)")
        last_word = before.rsplit(" ", 1)[-1].casefold()
        if any(before.casefold().endswith(" " + abbreviation) or last_word == abbreviation for abbreviation in ABBREVIATIONS):
            continue
        if re.search(r"\b\d{1,2}\.$", before) and not re.search(r"[a-zåäö]{3,} \d{1,2}\.$", before):
            continue  # "den 3. maj", numbered lists
        parts.append(paragraph[start : boundary.end()].strip())
        start = boundary.end()
    tail = paragraph[start:].strip()
    if tail:
        parts.append(tail)
    return parts
