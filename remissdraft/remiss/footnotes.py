"""Footnotes: find the numbered notes in a document's lines so they can be kept out of its body text.

A note starts with its number ("1 SOSFS 2013:22 …", or "4" on a line of its own with the text below). It counts
as a note when it is the next number of the document's notes (they run 1, 2, 3 … through a document) and either
the body text before it carries its marker ("dokument1.", "händelse.1", "för3:") or the note ends its page.
That keeps out headings ("2 Beskrivning av …") and paragraphs the extraction started with a marker
("4 Typfall är ett scenario …" in mid-page).
"""

from __future__ import annotations

import re
from collections import Counter

from .clean import bullet_text
from .lines import Line

_NOTE_START = re.compile(r"^(?P<number>\d{1,3})(?:\s+(?P<text>[A-ZÅÄÖ0-9\"”(«].*))?$")
# A note's marker: digits glued to a word or to the punctuation after one ("dokument1.", "händelse.1", "(LSO)1").
_MARKER = re.compile(r"(?:(?<=[A-Za-zÅÄÖåäö]{3})|(?<=[A-Za-zÅÄÖåäö)][.,:;])|(?<=[)”\"]))(?P<number>\d{1,3})(?=[\s.,;:)]|$)")
_LEADERS = re.compile(r"\.{4,}")
_DIGIT = re.compile(r"\d")
_NOTE_DIGIT = re.compile(r"\s*\d")
_MAX_SKIP = 5  # a note may follow a few numbers whose notes the extraction lost
_MAX_LINES = 8
_NOT_TEXT = re.compile(r"^(?:\||\[Tabell|```)")  # tables a conversion puts after a page's text


def mark_footnotes(lines: list[Line]) -> None:
    """Set `footnote` on every line of a footnote to the note's number. Where the format gives font sizes, a
    note is set smaller than the body text."""
    sizes = Counter(line.size for line in lines if line.size and line.text.strip())
    body_size = sizes.most_common(1)[0][0] if sizes else None
    last = 0
    markers: set[int] = set()
    index = 0
    while index < len(lines):
        start = _note_start(lines, index, last, markers, body_size) if _NOTE_DIGIT.match(lines[index].text) else None
        if start is None:
            text = lines[index].text
            if _DIGIT.search(text) and not _LEADERS.search(text):
                markers.update(int(m.group("number")) for m in _MARKER.finditer(text))
            index += 1
            continue
        number, end = start
        for line in lines[index : end + 1]:
            line.footnote = number
        last = number
        markers = {marker for marker in markers if marker > number}
        index = end + 1


def _note_start(lines: list[Line], index: int, last: int, markers: set[int], body_size: float | None) -> tuple[int, int] | None:
    """(number, last line) when a footnote starts at `index`."""
    line = lines[index]
    match = _NOTE_START.match(line.text.strip())
    if not match or line.in_table or line.list_item or line.style_level is not None or line.title_style or line.bold:
        return None
    if line.size and body_size and line.size >= body_size:
        return None
    number = int(match.group("number"))
    if not last < number <= last + _MAX_SKIP:
        return None
    first = index
    if not match.group("text"):  # the number alone: the note's text is on the next line
        following = _next_filled(lines, index)
        if following is None or lines[following].page != line.page or not lines[following].text.strip()[:1].isupper():
            return None
        first = following
    end = _note_end(lines, first, number)
    if end - first >= _MAX_LINES:
        return None  # a note is a few lines; this runs on like body text
    at_foot = all(_no_text(later) for later in lines[end + 1 :] if later.page == line.page)
    if at_foot or (number in markers and first == index):
        return number, end
    return None


def _note_end(lines: list[Line], first: int, number: int) -> int:
    """The last line of a note: it runs on until a blank line, a list item, the next note or the page's end."""
    if lines[first].paragraph:
        return first
    end = first
    for following in range(first + 1, len(lines)):
        line = lines[following]
        text = line.text.strip()
        if not text or line.page != lines[first].page or line.paragraph or bullet_text(text) is not None:
            break
        note = _NOTE_START.match(text)
        if note and int(note.group("number")) > number:
            break
        end = following
    return end


def _no_text(line: Line) -> bool:
    text = line.text.strip()
    return not text or line.in_table or bool(_NOT_TEXT.match(text))


def _next_filled(lines: list[Line], index: int) -> int | None:
    for following in range(index + 1, min(len(lines), index + 4)):
        if lines[following].text.strip():
            return following
    return None
