"""Texts remissdraft reused when it wrote a .docx, and the source its Word comment names for each.

The export anchors one comment per reused snippet on the paragraphs that hold it, written by "remissdraft":

    Återanvänd text – Nacka kommun, Socialnämnden, SOCN 2021/132, 2021-04-27
    Yttrande över: Strategi för främjande av psykisk hälsa …
    Avsnitt: 2.1 Individnivå

Importing that .docx again gives such a text back this source instead of the new document's.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..model import Source
from ..remiss.metadata import find_dnr, parse_date
from .memo import ORGANISATION, letters

AUTHOR = "remissdraft"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE = re.compile(r"^Återanvänd text\s*[–-]\s*(?P<facts>.*)$")


@dataclass
class ReusedSource:
    """A reused text as the document holds it, and where it came from."""

    text: str
    source: Source

    def covers(self, snippet_text: str) -> bool:
        """The snippet is (mostly) this reused text."""
        mine, theirs = letters(self.text), letters(snippet_text)
        if not mine or not theirs:
            return False
        return (mine in theirs and len(mine) >= 0.5 * len(theirs)) or theirs in mine


def reused_sources(path: Path) -> list[ReusedSource]:
    """The texts a .docx written by remissdraft reused, with their sources; [] for any other file."""
    if path.suffix.lower() != ".docx":
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/comments.xml" not in names:
                return []
            comments = ElementTree.fromstring(archive.read("word/comments.xml"))
            body = ElementTree.fromstring(archive.read("word/document.xml"))
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return []
    notes: dict[str, Source] = {}
    for comment in comments.iter(f"{_W}comment"):
        if comment.get(f"{_W}author") != AUTHOR:
            continue
        lines = ["".join(t.text or "" for t in paragraph.iter(f"{_W}t")) for paragraph in comment.iter(f"{_W}p")]
        source, key = parse_note(lines), comment.get(f"{_W}id")
        if source is not None and key is not None:
            notes[key] = source
    return [ReusedSource(text, notes[key]) for key, text in _anchored(body, set(notes)).items() if text.strip()]


def _anchored(body: ElementTree.Element, ids: set[str]) -> dict[str, str]:
    """The text between each comment's range start and end, paragraphs joined by blank lines."""
    texts: dict[str, list[str]] = {key: [] for key in ids}
    open_ranges: set[str] = set()
    for element in body.iter():
        key = element.get(f"{_W}id") or ""
        if element.tag == f"{_W}commentRangeStart" and key in ids:
            open_ranges.add(key)
        elif element.tag == f"{_W}commentRangeEnd":
            open_ranges.discard(key)
        elif element.tag == f"{_W}t" and element.text:
            for open_key in open_ranges:
                texts[open_key].append(element.text)
        elif element.tag == f"{_W}p":
            for open_key in open_ranges:
                texts[open_key].append("\n\n")
    return {key: "".join(parts).strip() for key, parts in texts.items()}


def parse_note(lines: list[str]) -> Source | None:
    """The source a comment names, or None when it is not one of remissdraft's notes."""
    match = _NOTE.match(lines[0].strip()) if lines else None
    if not match:
        return None
    source = Source()
    for fact in (part.strip() for part in match.group("facts").split(",")):
        if not fact or fact == "okänd källa":
            continue
        if parse_date(fact) and re.fullmatch(r"\d{4}-\d\d-\d\d", fact):
            source.datum = fact
        elif find_dnr(fact) == fact and not source.dnr:
            source.dnr = fact
        elif not source.organisation and ORGANISATION.fullmatch(fact):
            source.organisation = fact
        elif not source.namnd:
            source.namnd = fact
        elif not source.organisation:
            source.organisation = fact
    for line in lines[1:]:
        key, _, value = line.partition(":")
        if key.strip() == "Yttrande över":
            source.title = value.strip()
        elif key.strip() == "Avsnitt":
            source.section = re.sub(r"^avsnitt\s+", "", value.strip(), flags=re.IGNORECASE)
    return source
