"""A document's own table of contents: recognise its lines and read its entries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line

_LEADER_LINE = re.compile(r"^(?P<head>.*?\S)\s*(?:\.\s?){3,}\s*\.?\s*(?P<page>\d{1,3})$")
_TAB_LINE = re.compile(r"^(?P<head>(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\D.*?\S)\s{2,}(?P<page>\d{1,3})$")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?P<title>.+)$")
_TOC_TITLE = re.compile(r"^(innehåll|innehållsförteckning|innehallsforteckning)\b", re.IGNORECASE)


@dataclass
class TocEntry:
    number: str
    title: str
    level: int
    page: int


def toc_line_indexes(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to a table of contents (dot leaders and page numbers)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _TOC_TITLE.match(text) and len(text) < 40:
            found.add(index)
        elif _LEADER_LINE.match(text):
            found.add(index)
            # an entry wrapped over two lines: the first part has no leader
            previous = index - 1
            if previous >= 0 and previous not in found and _NUMBERED.match(lines[previous].text.strip() or "-"):
                if not lines[previous].text.strip().endswith("."):
                    found.add(previous)
    return found if sum(1 for i in found if _LEADER_LINE.match(lines[i].text.strip())) >= 3 else set()


def read_toc(lines: list[Line], indexes: set[int]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    pending = ""
    for index in sorted(indexes):
        text = re.sub(r"\s+", " ", lines[index].text.strip())
        match = _LEADER_LINE.match(text)
        if not match:
            if not _TOC_TITLE.match(text):
                pending = text
            continue
        head = (pending + " " + match.group("head")).strip() if pending else match.group("head")
        pending = ""
        numbered = _NUMBERED.match(head)
        if numbered:
            number = numbered.group("number")
            entries.append(TocEntry(number, numbered.group("title").strip(), number.count(".") + 1, int(match.group("page"))))
        else:
            entries.append(TocEntry("", head.strip(), 0, int(match.group("page"))))
    return entries
