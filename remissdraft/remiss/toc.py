"""A document's own table of contents: recognise its lines and read its entries."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .lines import Line

# Word prints "Fel! Bokmärket är inte definierat." (or "Error! Bookmark not defined.") where a page number broke.
_BROKEN_PAGE = r"(?:Fel! Bokmärket är inte definierat|Error! Bookmark not defined)\.?"
_LEADER_LINE = re.compile(rf"^(?P<head>.*?\S)\s*(?:\.\s?){{3,}}\s*\.?\s*(?:(?P<page>\d{{1,3}})|{_BROKEN_PAGE})$")
_TAB_LINE = re.compile(r"^(?P<head>(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\D.*?\S)\s{2,}(?P<page>\d{1,3})$")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?P<title>.+)$")
_PAGE_AT_END = re.compile(r"^(?P<head>.*[A-Za-zÅÄÖåäö].*?)\s+(?P<page>\d{1,3})$")
_APPENDICES = re.compile(r"^bilagor\b", re.IGNORECASE)
_APPENDIX = re.compile(r"^bilaga\s+(?:\d{1,2}|[A-Z])\b", re.IGNORECASE)
_TOC_TITLE = re.compile(r"^(innehåll|innehållsförteckning|innehallsforteckning)\b", re.IGNORECASE)


@dataclass
class TocEntry:
    number: str
    title: str
    level: int  # 0: unnumbered, level unknown
    page: int
    indent: float | None = None
    style: tuple = ()  # (size, bold) of the entry's line


def toc_line_indexes(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to a table of contents (dot leaders and page numbers)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _TOC_TITLE.match(text) and len(text) < 40:
            found.add(index)
        elif text.count(".") >= 3 and _LEADER_LINE.match(text):  # a leader is three dots or more
            found.add(index)
            # an entry wrapped over two lines: the first part has no leader and follows the entry before
            # (or the table's title), blank lines in between
            previous = _previous_filled(lines, index)
            if previous is not None and previous not in found and not lines[previous].text.strip().endswith("."):
                before = _previous_filled(lines, previous)
                if _NUMBERED.match(lines[previous].text.strip()) or (before is not None and before in found):
                    found.add(previous)
    if sum(1 for i in found if _LEADER_LINE.match(lines[i].text.strip())) >= 3:
        return found
    return _toc_without_leaders(lines)


def _toc_without_leaders(lines: list[Line]) -> set[int]:
    """A table of contents set without dot leaders: under its title, a run of entries that each end in a page
    number ("Gemensamma mål formar ett nytt arbetssätt      1"), blank lines between allowed."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not (_TOC_TITLE.match(text) and len(text) < 40):
            continue
        found = {index}
        entries = 0
        for following in range(index + 1, min(len(lines), index + 200)):
            entry = lines[following].text.strip()
            if not entry:
                continue
            if not _PAGE_AT_END.match(entry):
                break
            found.add(following)
            entries += 1
        if entries >= 3:
            return found
    return set()


def _previous_filled(lines: list[Line], index: int, blanks: int = 2) -> int | None:
    for previous in range(index - 1, max(-1, index - 2 - blanks), -1):
        if lines[previous].text.strip():
            return previous
    return None


def read_toc(lines: list[Line], indexes: set[int]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    pending = ""
    for index in sorted(indexes):
        text = re.sub(r"\s+", " ", lines[index].text.strip())
        match = _LEADER_LINE.match(text) or _PAGE_AT_END.match(text)
        if not match:
            if not _TOC_TITLE.match(text):
                pending = text
            continue
        head = (pending + " " + match.group("head")).strip() if pending else match.group("head")
        pending = ""
        numbered = _NUMBERED.match(head)
        line = lines[index]
        number, title = (numbered.group("number"), numbered.group("title").strip()) if numbered else ("", head.strip())
        level = number.count(".") + 1 if number else 0
        page = int(match.group("page")) if match.group("page") else 0
        entries.append(TocEntry(number, title, level, page, line.indent, (line.size, line.bold)))
    _unnumbered_levels(entries)
    _appendices_under_their_heading(entries)
    return entries


def levels_unset(entries: list[TocEntry]) -> bool:
    """The table tells no levels: no entry is numbered and all are set alike (same indent, same type). Its
    entries then all got the same level, and the body must tell which are chapters."""
    return bool(entries) and not any(e.number for e in entries) and len({(e.indent, e.style) for e in entries}) == 1


def _unnumbered_levels(entries: list[TocEntry]) -> None:
    """Give unnumbered entries a level from how the table sets them: indented like the numbered entries of a
    level, or further in than every numbered entry (one below the entry before), or in a level's type."""
    indents: dict[int, list[float]] = {}
    styles: dict[tuple, int] = {}
    for entry in entries:
        if entry.number and entry.indent is not None:
            indents.setdefault(entry.level, []).append(entry.indent)
            styles.setdefault(entry.style, entry.level)
    if _capitals_tell_levels(entries):
        previous = 1
        for entry in entries:
            if not entry.level:
                entry.level = 1 if entry.title.isupper() else max(2, previous)
            previous = entry.level
        return
    means = {level: sum(values) / len(values) for level, values in indents.items()}
    spread = sorted(means.values())
    telling = len(spread) > 1 and min(b - a for a, b in itertools.pairwise(spread)) > 0.005  # levels set at own indents
    previous = 1
    for entry in entries:
        if entry.level:
            previous = entry.level
            continue
        if entry.indent is None or not means:
            entry.level = previous + 1
        elif entry.indent > max(means.values()) + 0.005:
            entry.level = max(means) + 1 if telling else previous + 1
        elif telling:
            indent = entry.indent
            entry.level = min(means, key=lambda level: abs(means[level] - indent))
        else:
            entry.level = styles.get(entry.style, previous)


def _appendices_under_their_heading(entries: list[TocEntry]) -> None:
    """The "Bilaga A …" entries right after a "Bilagor" entry are the appendices it heads: one level below it."""
    heading: TocEntry | None = None
    for entry in entries:
        if not entry.number and _APPENDICES.match(entry.title):
            heading = entry
        elif heading is not None and not entry.number and _APPENDIX.match(entry.title):
            entry.level = max(entry.level, heading.level + 1)
        else:
            heading = None


def _capitals_tell_levels(entries: list[TocEntry]) -> bool:
    """A table whose layout tells no level (every entry set alike, as in extracted text) but whose numbered
    chapters are in capitals and nothing below them is ("1 INLEDNING", "1.2 Syfte och mål"): its unnumbered
    entries in capitals are chapters too, the others lie below one."""
    if len({(e.indent, e.style) for e in entries}) != 1:
        return False
    numbered = [e for e in entries if e.number]
    chapters = [e for e in numbered if e.level == 1]
    below = [e for e in numbered if e.level > 1]
    return len(chapters) >= 2 and bool(below) and all(e.title.isupper() for e in chapters) and not any(e.title.isupper() for e in below)
