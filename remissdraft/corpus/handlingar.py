"""Split a file of meeting papers (handlingar) into its documents by their header blocks.

One PDF of a meeting holds the agenda, tjänsteskrivelser, yttranden, reports, protokoll extracts and remisser in
a row. A document begins at its header block: a document label on its first page ("TJÄNSTESKRIVELSE",
"KUNGSBACKA KOMMUN  SAMMANTRÄDESPROTOKOLL  1 (2)"), or — where the extraction lost the label — a title
standing over "Förslag till beslut" after the previous memo had its own. A memo ends with its signatures;
what follows them without a header of its own (the attached report, the remiss) is another document. The
agenda names each ärende with its dnr, which a memo that lost its own is given back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..remiss.lines import Line
from ..remiss.metadata import find_dnr, parse_date
from .memo import _ADDRESS_LINE, _JOB_TITLE, _NAMES_LINE, LABELS, POSTAL_CODE, cells, is_page_number, label_of

_DECISION = re.compile(r"^(?:förslag till beslut(?:\s+i\s+(?!.*sammanträdet)\S.*)?|beslut(?:\s*[-–].*)?)$", re.IGNORECASE)
_AGENDA_ITEM = re.compile(r"^\s*(?P<number>\d{1,3})\.\s+(?P<title>\S.*)$")
_NUMBERS = re.compile(r"[-\d\s,.%]{12,}")
_PAGE_ONE = re.compile(r"(?:^|\s)1\s*\(\s*\d{1,3}\s*\)\s*$")  # "Förslag till beslut      1 (21)"
_CASE_NUMBER = re.compile(r"^(?:[A-ZÅÄÖ]{1,8}[ -]?)?\d{2,4}[-/]\d{2,6}(?:[-/]\d{1,6})?$")  # "511-8192-21", "KS-2025-00447"
# Another authority's draft decision or consultation paper, sent with the memos: a remiss, never part of them.
_REMISS_HEAD = re.compile(r"förslag till beslut|remiss|samrådshandling|granskningshandling", re.IGNORECASE)


@dataclass
class Part:
    """One document of a file: its lines (first to last, exclusive) and the kind its header names."""

    start: int
    end: int
    kind: str  # tjänsteskrivelse, yttrande, protokoll, beslut, kallelse, or "" (no header of its own)
    lines: list[Line] = field(default_factory=list)


@dataclass
class Agenda:
    """What a meeting's agenda says: the meeting's date, the nämnd, each ärende's title and dnr."""

    datum: str = ""
    namnd: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)


def split(lines: list[Line]) -> list[Part]:
    """The documents of a file, in order. A file of one document gives one part."""
    starts: list[tuple[int, str]] = [(0, "")]
    addresses = _address_lines(lines)
    decided = False  # the current part has had its "Förslag till beslut" / "Beslut"
    signed = False
    current_label_line = ""
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        label = label_of(text)
        if label and label[1] and not _repeats(text, current_label_line):
            start = _page_start(lines, i) if line.top is not None and line.top < 0.25 else _extend_up(lines, i, addresses)
            _begin(starts, start, LABELS.get(label[0], "tjänsteskrivelse"))
            current_label_line, decided, signed = text, False, False
            continue
        if not label and _first_page_header(lines, i):
            _begin(starts, i, "remiss" if _REMISS_HEAD.search(text) else "")
            current_label_line, decided, signed = text, False, False
            continue
        if _DECISION.match(text) and len(text) <= 60:
            title_start = _title_above(lines, i)
            agenda_item = title_start is not None and _AGENDA_ITEM.match(lines[title_start].text)
            if (decided or signed) and title_start is not None and not agenda_item:
                _begin(starts, _extend_up(lines, title_start, addresses), "tjänsteskrivelse")
                current_label_line, signed = "", False
            decided = True
            continue
        if i not in addresses and _closes(lines, i) and starts[-1][1] in ("tjänsteskrivelse", "yttrande", "") and not signed:
            signed = True
            after = _after_signature(lines, i)
            if after is not None and after < len(lines):
                _begin(starts, after, "", closing=True)
                decided = False
    parts = []
    for (start, kind), (end, _) in zip(starts, starts[1:] + [(len(lines), "")]):
        if any(line.text.strip() for line in lines[start:end]):
            parts.append(Part(start, end, kind, lines[start:end]))
    return parts


def _first_page_header(lines: list[Line], index: int) -> bool:
    """A page that opens with a page count restarting at one ("Förslag till beslut      1 (21)") and its own date
    and diarienummer right below ("2025-05-26          511-8192-21"): the first page of another document."""
    text = lines[index].text.strip()
    if not _PAGE_ONE.search(text) or not _opens_page(lines, index):
        return False
    below = [line.text.strip() for line in lines[index + 1 : index + 6] if line.text.strip()][:2]
    found = [cell for row in [text, *below] for cell in cells(row)]
    dated = any(parse_date(cell) and re.fullmatch(r"[\d\s-]{8,12}", cell) for cell in found)
    numbered = any(_CASE_NUMBER.match(cell) and not parse_date(cell) for cell in found)
    return dated and numbered


def _opens_page(lines: list[Line], index: int) -> bool:
    for previous in range(index - 1, -1, -1):
        if lines[previous].page != lines[index].page:
            return True
        if lines[previous].text.strip():
            return False
    return True


def _begin(starts: list[tuple[int, str]], start: int, kind: str, closing: bool = False) -> None:
    """Open a part at `start`; a part opened by a signature gives way to a header that follows at once."""
    if start <= starts[-1][0]:
        if not closing:
            starts[-1] = (starts[-1][0], kind or starts[-1][1])
        return
    starts.append((start, kind))


def _repeats(text: str, label_line: str) -> bool:
    """The running head of a later page: the same label with the same dnr."""
    return bool(label_line) and find_dnr(text) != "" and find_dnr(text) == find_dnr(label_line)


def _page_start(lines: list[Line], index: int) -> int:
    page = lines[index].page
    while index > 0 and lines[index - 1].page == page:
        index -= 1
    return index


def _extend_up(lines: list[Line], index: int, addresses: set[int]) -> int:
    """Take in what stands over a header on the same page: the letterhead, the date, page numbers, blank lines."""
    start = index
    for j in range(index - 1, max(-1, index - 8), -1):
        text = lines[j].text.strip()
        if lines[j].page != lines[index].page:
            break
        if not text or j in addresses or is_page_number(text) or re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            start = j
            continue
        break
    while start < index and not lines[start].text.strip():
        start += 1
    return start


def _title_above(lines: list[Line], index: int) -> int | None:
    """The first line of the title block standing over "Förslag till beslut" (up to four lines), if any."""
    j = index - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    top = None
    for _ in range(4):
        if j < 0:
            break
        text = lines[j].text.strip()
        if not text or len(text) > 90 or text.endswith((".", "!", "?", ":", ";")) or _NUMBERS.search(text) or POSTAL_CODE.search(text):
            break
        top = j
        j -= 1
    return top


def _address_lines(lines: list[Line]) -> set[int]:
    """Lines of address blocks: a postal code line and its neighbours (footers name the handläggare there too)."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if POSTAL_CODE.search(line.text):
            found.update(range(max(0, i - 2), min(len(lines), i + 9)))
        elif _ADDRESS_LINE.match(line.text.strip()):
            found.add(i)
    return found


def _closes(lines: list[Line], index: int) -> bool:
    """A column of signers: names over their job titles."""
    text = lines[index].text.strip()
    if not _NAMES_LINE.match(" ".join(cells(text))) or index == 0 or lines[index - 1].text.strip():
        return False
    following = [j for j in range(index + 1, min(len(lines), index + 4)) if lines[j].text.strip()]
    return bool(following) and bool(_JOB_TITLE.search(lines[following[0]].text)) and len(lines[following[0]].text.strip()) <= 90


def _after_signature(lines: list[Line], index: int) -> int | None:
    """The first line after the signature block that begins at `index` (names, titles, units)."""
    j = index + 1
    taken = 0
    while j < len(lines) and taken < 3:
        text = lines[j].text.strip()
        if text:
            if len(text) > 70 or text.endswith((".", ":", ";")) or label_of(text) or POSTAL_CODE.search(text):
                break
            taken += 1
        j += 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j


# --- the agenda -----------------------------------------------------------------------------------------


def read_agenda(part: Part) -> Agenda:
    """The meeting's date, nämnd and the numbered ärenden with their dnr ("4. Ekonomisk månadsrapport (SOCN 2020/155)")."""
    agenda = Agenda()
    texts = [line.text.strip() for line in part.lines]
    for text in texts[:8]:
        found = parse_date(text)
        if not agenda.datum and found:
            agenda.datum = found.isoformat()
        elif not agenda.namnd and re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|utskottet)", text):
            agenda.namnd = text
    for i, text in enumerate(texts):
        match = _AGENDA_ITEM.match(text)
        if not match:
            continue
        title = match.group("title")
        for following in texts[i + 1 : i + 3]:
            if find_dnr(title) or not following:
                break
            title = f"{title} {following}"
        dnr = find_dnr(title)
        if dnr:
            agenda.items.append((re.sub(r"\s*\([^()]*\)\s*$", "", title).strip(), dnr))
    return agenda
