"""Turn cleaned lines into a section tree: find headings, reflow paragraphs, nest by level."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ..model import Section
from .clean import SUSPENDED_COMPOUND, bullet_text
from .lines import Line, Outline, median
from .toc import TocEntry, levels_unset

NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,2}){0,4})(?P<dot>\.?)\s+(?P<title>\S.*)$")
_LABEL_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,4}")  # a heading number Word's list numbering gives
_LOOSE_MARKS = re.compile(r"[\s:;,.–—-]+")  # what _loose turns into one space
_SHORT_LINE = 230  # no heading is longer (a TOC entry is matched against lines up to its length + 30)
_MAX_CHAPTER = 199  # a long document may run past chapter 40; the numbers must still follow one another
_LABEL_HEADING = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,2}: [A-ZÅÄÖ]")
_NOT_LABELS = re.compile(r"^(bild|figur|tabell|karta|källa|källor|not|obs|tillämpas av|e-post|telefon|tel|webb|adress|datum|dnr)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^(bild|figur|fig\.|tabell|karta|diagram)\s*\d+", re.IGNORECASE)
# A paragraph of a regulation opens its first line with its designation: "5 §", "5 i § Miljörapporter som …".
_PARAGRAPH_UNIT = re.compile(r"^(?P<number>\d{1,3}(?: [a-z])?) § (?P<rest>[A-ZÅÄÖ].*)$")
_TITLE_END = tuple(".,;:")
# "Bilaga 5" heading a page, alone or after a running designation ("NFS 2025:XX  Bilaga 5").
_APPENDIX = re.compile(r"(?:^|\s)Bilaga (?P<id>\d{1,2}|[A-Z])(?P<rest>(?:\s*[:–-]\s*[A-ZÅÄÖ].*)?)$")
# The document naming its appendices: "bilaga 5 och 6 ska ha följande lydelse", "(se bilaga 1)".
_APPENDIX_REFERENCE = re.compile(r"\b[Bb]ilag(?:a|orna) (?P<ids>(?:\d{1,2}|[A-Z])(?:(?:,| och| samt| –| -) (?:\d{1,2}|[A-Z]))*)\b(?!:)")
# A line whose first sentence ends within its first words and goes on: the end of the sentence the line above began.
_FINISHES_SENTENCE = re.compile(r"^(?:\S+ ){0,2}\S*[a-zåäö]\. [A-ZÅÄÖ]")
_COUNTED = re.compile(r"^(?P<word>[A-ZÅÄÖ][a-zåäö]+) (?P<n>\d{1,2})\b")  # "Bilaga 2 Fastighetsförteckning"
_ITEM_HEADING = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+ \d{1,3}: [A-ZÅÄÖ]")  # a numbered item: "Sträcka 6: Vinbergs kyrkby …"
# Names and addresses: every word capitalised, parts apart by commas ("Erik Hansson, Region Halland").
_NAME_LINE = re.compile(r"^[A-ZÅÄÖ][\w-]*(?:,? [A-ZÅÄÖ\d][\w-]*)*$")
_NOT_TITLE_LINE = re.compile(r"^(\||\[tabell|källa\b|foto\b|obs\b)", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;")
_PARAGRAPH_END = tuple('.!?:;”"»)')
_DECISION_HEADING = re.compile(r"^förslag till beslut\b", re.IGNORECASE)  # a memo's first heading, memo mode
_QUESTION_HEADING = re.compile(r"^Fråga\s+\d{1,2}[.:)]\s+[A-ZÅÄÖ]")  # a remiss's numbered question, memo mode
# Memo mode: a line opening with the remiss's section number, also compound ("1.3.1/5.1 Konsekvenser …").
_MEMO_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4}(?:/\d{1,2}(?:\.\d{1,2}){0,4})*)\.?\s+(?P<title>\S.*)$")
# A numbered line that is a sentence of the answering body, not the remiss's heading: "1. Kommunen anser …".
_MEMO_SPEAKER = re.compile(r"^(?:kommunen|nämnden|styrelsen|förvaltningen|vi|regionen|myndigheten|[\wåäö-]+(?:nämnden|styrelsen))\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zåäö]{3,}\b")
_HYPHENATED_END = re.compile(r"[A-Za-zÅÄÖåäö]-")
_WORD_TOKEN = re.compile(r"\w+")
_CONNECTORS = {"och", "samt", "i", "för", "av", "till", "med", "på", "om", "eller", "att", "som", "inom", "mellan", "vid", "mot", "från", "efter", "under", "kring", "genom"}


@dataclass
class Heading:
    start: int  # first line index
    end: int  # last line index of the heading (wrapped headings span several)
    number: str
    title: str
    level: int = 0
    styled: bool = False
    kind: str = "numbered"  # numbered | styled | plain | label | toc | title | paragraph
    rest: str = ""  # body text on the heading's own line (a regulation's "5 § Miljörapporter …")
    appendix: bool = False  # an appendix of the whole document ("Bilaga 5" heading a page): never under a section


def join_lines(previous: str, following: str) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation but keeping "hälso- och sjukvård"."""
    # only the end of `previous` is looked at: it may be a whole page-long paragraph being built up
    if _HYPHENATED_END.fullmatch(previous[-2:]) and following[:1].islower():
        first_word = following.split()[0]
        if first_word in SUSPENDED_COMPOUND:
            return f"{previous} {following}"
        return previous[:-1] + following
    return f"{previous} {following}"


def likeness(a: str, b: str) -> float:
    """How alike two strings are, 0–100: twice their longest common subsequence over their lengths together,
    as rapidfuzz's `fuzz.ratio` gives it (a test holds them equal). Worked out here with the bit-parallel
    algorithm (Hyyrö 2004) on Python integers, because importing rapidfuzz costs a reader 5 ms at each start."""
    if not a and not b:
        return 100.0
    masks: dict[str, int] = {}
    for position, char in enumerate(a):
        masks[char] = masks.get(char, 0) | 1 << position
    full = (1 << len(a)) - 1
    row = full
    for char in b:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    common = len(a) - row.bit_count()
    return 200.0 * common / (len(a) + len(b))


def starts_lower(text: str) -> bool:
    return text[:1].isalpha() and text[0].islower()


class StructureBuilder:
    """Finds the headings among a document's lines and builds the section tree."""

    def __init__(self, lines: list[Line], has_font_cues: bool, plain_headings: bool = False):
        self.lines = lines
        self.has_font_cues = has_font_cues
        # Memos (tjänsteskrivelser, yttranden) head their parts with short plain lines: "Ärendet", "På individnivå".
        self.plain_headings = plain_headings
        sizes: Counter[float] = Counter()
        for line in lines:
            if line.size and line.text.strip() and not line.in_table:
                sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else None
        wrapped = [len(line.text.strip()) for line in lines if line.text.strip() and not line.paragraph]
        self.width = median(wrapped) if wrapped else 80.0
        self.full_width = sorted(wrapped)[int(0.9 * len(wrapped))] if wrapped else 80.0  # a full line's length
        self.front_end = self._first_body_line()
        # one scan of the whole text: the line breaks put between the lines are no word characters
        self.lower_words = set(_LOWER_WORD.findall("\n".join(line.text for line in lines)))
        self._word_index: dict[str, list[int]] | None = None  # short lines by their words, built when first asked
        self._vocabulary: list[str] = []
        self._lengths: list[int] = []  # each line's stripped length, with the index
        self._sorted_places: dict[str, tuple[list[int], list[int]]] = {}

    # --- headings -------------------------------------------------------------------------------

    def find_headings(self, start: int = 0, end: int | None = None) -> list[Heading]:
        """The headings among lines[start:end] (all lines by default)."""
        stop = len(self.lines) if end is None else end
        candidates = [c for c in (self._candidate(i) for i in range(start, stop)) if c is not None]
        if self.plain_headings:  # memo mode: the headings of an yttrande or tjänsteskrivelse
            return self._memo_headings(candidates)
        numbered = self._numbered_chain([c for c in candidates if c.kind == "numbered"])
        chosen = set(id(c) for c in numbered)
        first_numbered = numbered[0].start if numbered else len(self.lines)
        headings = list(numbered)
        headings += [c for c in candidates if c.kind == "plain"]
        for candidate in candidates:
            if candidate.kind != "styled" or id(candidate) in chosen:
                continue
            explicit = self.lines[candidate.start].style_level is not None
            if candidate.start > first_numbered or explicit or not numbered:
                headings.append(candidate)
        headings += self._label_headings([c for c in candidates if c.kind == "label"], numbered)
        if not self.plain_headings:
            headings = self._without_numbered_lists(headings) + self._remiss_headings(candidates, start, stop)
        headings = self._drop_overlaps(sorted(headings, key=lambda h: h.start))
        self._assign_levels(headings)
        if not self.plain_headings:
            self._nest_under_bare_headings(headings)
        return headings

    # --- headings of remisser without font cues (never used for memos: plain_headings is False) -----------

    def _remiss_headings(self, candidates: list[Heading], start: int, stop: int) -> list[Heading]:
        """Unnumbered title lines, a regulation's paragraphs ("5 i §") and the appendices the document names."""
        found = [c for c in candidates if c.kind == "title"]
        units = [h for h in (self._paragraph_unit(i) for i in range(start, stop)) if h is not None]
        if len(units) >= 2:
            found += units
        found += self._cover_pages(start, stop)
        appendices = self._appendices(start, stop)
        # the line right under "Bilaga 5" names the appendix ("Uppgifter om …"): its first paragraph, not a heading
        named = {self._next_filled(a.end) for a in appendices} | {a.start for a in appendices}  # an appendix as such
        return [h for h in found if h.start not in named] + appendices

    def _nest_under_bare_headings(self, headings: list[Heading]) -> None:
        """Title lines tell no level. Where all headings are title lines, one that stands straight over the next
        with no text of its own ("Upplysningar" / "Om föreskrifterna") heads those after it, one level down,
        until a heading that opens a page (a new chapter)."""
        if self.has_font_cues or any(h.kind != "title" for h in headings):
            return
        nested = False
        for heading, following in zip(headings, headings[1:] + [None]):
            if self._opens_page(heading.start):
                nested = False
            heading.level = 2 if nested else 1
            if following is not None and not nested and self._next_filled(heading.end, blanks=8) == following.start:
                nested = True

    def _first_body_line(self) -> int:
        """Where the body text starts: the first line of running text (a sentence that ends on it or runs
        on to the next line). What comes before is the cover or title block, not headings."""
        for index, line in enumerate(self.lines):
            text = line.text.strip()
            if not text or line.footnote:
                continue
            following = self._next_filled(index, blanks=0)
            runs_on = following is not None and starts_lower(self.lines[following].text.strip())
            if line.paragraph and text.endswith(_SENTENCE_END):
                return index
            # a long line that ends a sentence, or runs on into a paragraph that does (a title wrapped over two
            # lines runs on too, but ends without a full stop)
            if len(text) >= 0.6 * self.full_width and (text.endswith(_SENTENCE_END) or (runs_on and self._ends_a_sentence(index))):
                return index
        return len(self.lines)

    def _without_numbered_lists(self, headings: list[Heading]) -> list[Heading]:
        """Numbered lines that follow one another with no text between, as siblings ("1. Karta" / "2.
        Skötselplan"), are a numbered list, not headings."""
        numbered = sorted((h for h in headings if h.number), key=lambda h: h.start)
        listed: set[int] = set()
        for a, b in itertools.pairwise(numbered):
            siblings = a.number.count(".") == b.number.count(".") and _follows(a.number, b.number)
            if siblings and self._next_filled(a.end, blanks=1) == b.start:
                listed.update({id(a), id(b)})
        if len(numbered) == 1:
            listed.add(id(numbered[0]))  # one numbered line is no numbering: an item ("1. Karta"), not a chapter
        return [h for h in headings if id(h) not in listed]

    def _title_line(self, index: int) -> bool:
        """A short line of its own that opens a block and is followed by body text: "Beslut", "Andra
        bestämmelser", "SAMMANFATTNING". Not a sentence, caption, table row, list item or label."""
        line = self.lines[index]
        text = line.text.strip()
        words = text.split()
        if len(words) <= 2 and text.endswith(":") and not text.endswith("::"):
            text, words = text[:-1], text[:-1].split()  # a label standing alone: "Upplysningar:"
        if not text[:1].isupper() or len(words) > 12 or text.endswith(_TITLE_END) or _CAPTION.match(text):
            return False
        if re.search(r"\d{5,}", text) or "@" in text or "www." in text or "://" in text:
            return False  # a figure of five digits or more, an address: a table cell or contact line, not a title
        if "," in text and not text.isupper() and _NAME_LINE.match(text):
            return False  # names and addresses ("Jan Törnell, Daniel Karlsson", "Box 517, 301 80 Halmstad")
        in_front = index < self.front_end and line.page == self.lines[0].page and not self._heads_first_text(index)
        if in_front or line.columns or line.footnote or _NOT_TITLE_LINE.match(text) or _LABEL_HEADING.match(text):
            return False
        if not self._at_paragraph_start(index) or self._two_cells(words) or self._in_counted_run(index):
            return False
        previous, following = self._previous_filled(index), self._next_filled(index)
        rows = [i for i in (previous, following) if i is not None and (self.lines[i].columns or self.lines[i].in_table)]
        if len(rows) == 2:
            return False  # a line between two table rows is a row of that table
        before = self.lines[previous].text.strip() if previous is not None else ""
        return not (before.endswith(":") and len(before.split()) >= 4)  # what a sentence announces ("… ska följande rapporteras:")

    def _heads_first_text(self, index: int) -> bool:
        """A heading right under the title block on page one, sitting on the first body text ("Bildande av …
        naturreservat" / blank / "Beslut" / "Länsstyrelsen … beslutar …"): a short line straight above the first
        body line, apart from the title lines above it."""
        above = self._previous_filled(index, blanks=8)
        return (
            self.front_end == index + 1 and len(self.lines[index].text.split()) <= 5
            and above is not None and above < index - 1 and self.lines[above].page == self.lines[index].page
        )

    def _previous_filled(self, index: int, blanks: int = 2) -> int | None:
        for previous in range(index - 1, max(-1, index - 2 - blanks), -1):
            if self.lines[previous].text.strip():
                return previous
        return None

    def _two_cells(self, words: list[str]) -> bool:
        """A capitalised word inside a line of lower-case words that the document elsewhere writes in lower
        case: two table cells on one line ("Bräddat på ledningsnät Antal bräddningar …")."""
        for previous, word in itertools.pairwise(words):
            if word[:1].isupper() and not word.isupper() and previous[-1:].isalpha() and previous[:1].islower():
                if re.sub(r"\W+$", "", word).casefold() in self.lower_words:
                    return True
        return False

    def _title_block_ok(self, index: int, end: int, sub: bool = False) -> bool:
        """What follows a title line: a new sentence, a list or a heading, and the title is not the first
        line of a wrapped paragraph (a long line running straight on)."""
        following = self._next_filled(end)
        if following is None:
            return False
        nxt = self.lines[following]
        text = nxt.text.strip()
        if starts_lower(text) or not (text[:1].isalnum() or bullet_text(text) is not None or nxt.list_item):
            return False
        last = self.lines[end].text.strip()
        straight_on = following == end + 1 and not nxt.gap_before
        if straight_on and len(last) > 0.75 * self.width and not self._broken_early(end, following):
            return False
        if straight_on and (last.split()[-1].casefold() in _CONNECTORS or _FINISHES_SENTENCE.match(text)):
            return False  # "… av makarna James Fredrik och Blanche" / "Dickson. Vid den tiden …": one sentence
        if _PARAGRAPH_UNIT.match(text) or self._opens_table(following) or self._opens_numbered_list(following) or self._in_counted_run(following):
            return True
        if _ITEM_HEADING.match(text) and not _CAPTION.match(text):
            return True  # a heading over numbered items: "Falkenbergs kommun" / "Sträcka 6: Vinbergs kyrkby …"
        if not sub and self._title_line(following) and self._title_block_ok(following, self._wrapped_title(following, text, False)[1], sub=True):
            return True  # a heading straight over its first sub-heading
        if not (len(text) >= 0.6 * self.width or text.endswith(_SENTENCE_END)):
            return False
        return self._ends_a_sentence(following)

    def _opens_table(self, start: int) -> bool:
        """Two or more table rows start here (cells apart by wide gaps, or a Markdown table)."""
        rows = 0
        index: int | None = start
        while index is not None and rows < 2:
            line = self.lines[index]
            if not (line.in_table or line.columns or _NOT_TITLE_LINE.match(line.text.strip())):
                break
            rows += 1
            index = self._next_filled(index)
        return rows >= 2

    def _opens_numbered_list(self, index: int) -> bool:
        """A list numbered from 1 starts here ("1. Karta" / "2. Skötselplan")."""
        first = re.match(r"^1[.)] [A-ZÅÄÖ]", self.lines[index].text.strip())
        following = self._next_filled(index)
        return bool(first and following is not None and re.match(r"^2[.)] ", self.lines[following].text.strip()))

    def _in_counted_run(self, index: int) -> bool:
        """The line is one of a run of lines that count the same thing ("Bilaga 1 Skötselplan" / "Bilaga 2
        Fastighetsförteckning" …), blank lines between allowed: a list, every item alike, none a heading."""
        match = _COUNTED.match(self.lines[index].text.strip())
        if not match:
            return False
        word, number = match.group("word"), int(match.group("n"))
        for neighbour, step in ((self._previous_filled(index, blanks=1), -1), (self._next_filled(index, blanks=1), 1)):
            other = _COUNTED.match(self.lines[neighbour].text.strip()) if neighbour is not None else None
            if other and other.group("word") == word and int(other.group("n")) == number + step:
                return True
        return False

    def _broken_early(self, index: int, following: int | None = None) -> bool:
        """The line ends before the page's width would have made it: the next line's first word would have fitted
        on it, so the break is the author's (a heading, a paragraph's last line), not the text wrapping."""
        following = self._next_filled(index) if following is None else following
        if following is None:
            return True
        first = self.lines[following].text.strip().split()[0]
        return len(self.lines[index].text.strip()) + 1 + len(first) < self.full_width

    def _ends_a_sentence(self, index: int, limit: int = 10) -> bool:
        """The paragraph starting at `index` is running text: it reaches the end of a sentence (a table row
        or a label block, "Systemägare Ägare, beställare …", does not)."""
        for _ in range(limit):
            text = self.lines[index].text.strip()
            if text.endswith(_SENTENCE_END):
                return True
            following = self._next_filled(index, blanks=8)
            if following is None:
                return False
            if following != index + 1 and not starts_lower(self.lines[following].text.strip()) and self._broken_early(index, following):
                return False  # a blank line ends the paragraph, unless the sentence runs on after it
            index = following
        return False

    def _paragraph_unit(self, index: int) -> Heading | None:
        line = self.lines[index]
        match = _PARAGRAPH_UNIT.match(line.text.strip())
        if not match or line.footnote or line.in_table or not self._at_paragraph_start(index):
            return None
        return Heading(index, index, f"{match.group('number')} §", "", kind="paragraph", rest=match.group("rest"))

    def _cover_pages(self, start: int, stop: int) -> list[Heading]:
        """A page holding nothing but a short title block (one to three short lines, no sentence) opens a new
        part of the file, such as an enclosed plan's cover ("Skötselplan" / "Kulturreservatet Lilla Äskhult")."""
        pages: dict[int, list[int]] = {}
        for index in range(start, stop):
            if self.lines[index].text.strip():
                pages.setdefault(self.lines[index].page, []).append(index)
        found = []
        first_page = self.lines[0].page if self.lines else 0
        for page, indexes in pages.items():
            texts = [self.lines[i].text.strip() for i in indexes]
            if page == first_page or len(texts) > 3 or any(self.lines[i].footnote or self.lines[i].columns for i in indexes):
                continue
            if all(t[:1].isupper() and len(t) <= 60 and not t.endswith(_TITLE_END) and not t.isupper() for t in texts):
                found.append(Heading(indexes[0], indexes[0], "", texts[0], kind="title"))
        return found

    def _appendices(self, start: int, stop: int) -> list[Heading]:
        """ "Bilaga 5" heading a page, when the document itself names that appendix elsewhere."""
        named = self._named_appendices()
        found = []
        for index in range(start, stop):
            line = self.lines[index]
            match = _APPENDIX.search(line.text.strip()) if "Bilaga " in line.text else None  # the pattern's own words
            if not match or line.footnote or match.group("id").casefold() not in named:
                continue
            if not self._opens_page(index):
                continue
            title = f"Bilaga {match.group('id')}" + (f"{match.group('rest')}" if match.group("rest").strip() else "")
            found.append(Heading(index, index, "", title.strip(), kind="title", appendix=True))
        return found

    def _named_appendices(self) -> set[str]:
        named: set[str] = set()
        for line in self.lines:
            if "ilag" not in line.text:  # "bilaga", "Bilagorna": the pattern matches nothing else
                continue
            for match in _APPENDIX_REFERENCE.finditer(line.text):
                named.update(part.casefold() for part in re.findall(r"\b(\d{1,2}|[A-Z])\b", match.group("ids")))
        return named

    def _opens_page(self, index: int) -> bool:
        page = self.lines[index].page
        for previous in range(index - 1, -1, -1):
            if self.lines[previous].page != page:
                return True
            if self.lines[previous].text.strip():
                return False
        return True

    def _numbered_lines(self) -> list[int]:
        """The lines _candidate can find a numbered heading on: a number as their list label or their start."""
        return [
            index for index, line in enumerate(self.lines)
            if NUMBERED_HEADING.match(line.text.strip()) or _LABEL_NUMBER.fullmatch(line.label.rstrip("."))
        ]

    def _candidate(self, index: int) -> Heading | None:
        line = self.lines[index]
        text = line.text.strip()
        if not text or line.in_table or line.title_style or line.list_item or line.footnote or bullet_text(text) is not None:
            return None
        styled = self._styled(line)
        if line.size and self.body_size and line.size < self.body_size - 0.5 and line.style_level is None:
            return None  # footnotes and captions are set smaller than the body
        number, title = "", text
        label = line.label.rstrip(".")
        if _LABEL_NUMBER.fullmatch(label):
            number = label
        else:
            match = NUMBERED_HEADING.match(text)
            if match:
                number, title = match.group("number"), match.group("title")
        plain = self.plain_headings and self._plain_heading(index)
        title_line = not (self.plain_headings or self.has_font_cues or number or styled) and self._title_line(index)
        if not (number or styled or plain or title_line or _LABEL_HEADING.match(title)):
            return None
        if title_line:
            title = title.removesuffix(":")
        end = index
        if not line.paragraph:
            title, end = self._wrapped_title(index, title, styled)
        if not self._valid_title(title, number):
            return None
        if not (styled or self._at_paragraph_start(index)):
            return None
        if number:
            parts = number.split(".")
            if any(part.startswith("0") for part in parts) or int(parts[0]) > _MAX_CHAPTER:
                return None
            return Heading(index, end, number, title, styled=styled, kind="numbered")
        if (styled or plain) and len(title) <= 120:
            return Heading(index, end, "", title, styled=True, kind="styled" if styled else "plain")
        if title_line:
            if len(title) <= 120 and self._title_block_ok(index, end):
                return Heading(index, end, "", title.rstrip(":"), kind="title")
            return None
        if _LABEL_HEADING.match(title) and not _NOT_LABELS.match(title):
            return Heading(index, end, "", title, kind="label")
        return None

    def _plain_heading(self, index: int) -> bool:
        """A short line of its own, starting a paragraph, followed by a new sentence or a list."""
        text = self.lines[index].text.strip()
        long_ok = bool(_DECISION_HEADING.match(text)) and len(text) <= 90  # "Förslag till beslut i nämnden för Miljö & Hälsoskydd"
        if ((len(text) > 80 or len(text.split()) > 8) and not long_ok) or text.endswith(_PARAGRAPH_END) or not text[:1].isupper():
            return False
        if not self._at_paragraph_start(index):
            return False
        following = self._next_filled(index)
        if following is None:
            return False
        nxt = self.lines[following].text.strip()
        wrapped_body_line = self.width >= 50 and len(text) > 0.7 * self.width and following == index + 1
        return not starts_lower(nxt) and not wrapped_body_line

    # --- memo mode (plain_headings): tjänsteskrivelser and yttranden ----------------------------------

    def _memo_headings(self, candidates: list[Heading]) -> list[Heading]:
        """A memo's headings. It answers a remiss by the remiss's own section numbers, which need not follow one
        another ("4.5", "5", "8.1.8"), so every numbered candidate counts, without the consecutive-chain rule; so do
        the remiss's questions ("Fråga 1. … ?") and numbered headings the general rules refuse ("14.4.1 kunskapscentrum
        föreslås …" in lower case, "5 Värdering, tabell 6." with a final stop)."""
        numbered = [c for c in candidates if c.kind == "numbered"]
        headings = numbered + [c for c in candidates if c.kind in ("plain", "styled")]
        headings += self._label_headings([c for c in candidates if c.kind == "label"], numbered)
        taken = {c.start for c in candidates}
        headings += [h for h in (self._memo_candidate(i) for i in range(len(self.lines)) if i not in taken) if h]
        headings = self._drop_overlaps(sorted(headings, key=lambda h: h.start))
        self._assign_levels(headings)
        return headings

    def _memo_candidate(self, index: int) -> Heading | None:
        line = self.lines[index]
        text = line.text.strip()
        if not text or line.in_table or line.list_item or bullet_text(text) is not None:
            return None
        if not (self._at_paragraph_start(index) or self._after_numbered_line(index)):
            return None
        if _QUESTION_HEADING.match(text):
            return self._question_heading(index)
        match = _MEMO_NUMBERED.match(text)
        if not match or any(part.startswith("0") or int(part) > 40 for part in re.split(r"[./]", match.group("number"))):
            return None
        title = match.group("title").strip()
        following = self._next_filled(index)
        if following is not None and starts_lower(self.lines[following].text.strip()):
            return self._wrapped_memo_heading(index, match.group("number"), title)
        words = title.split()
        lower_title = starts_lower(title) and "." in match.group("number") and len(words) <= 12 and not title.endswith(_PARAGRAPH_END)
        short_stop = title[:1].isupper() and len(words) <= 5 and title.endswith(".") and not title.endswith("..")
        if following is not None and (lower_title or short_stop) and len(text) <= 0.85 * max(self.width, 60):
            return Heading(index, index, match.group("number"), title, kind="numbered")
        return self._sectioned_heading(index, index, match.group("number"), title)

    def _wrapped_memo_heading(self, index: int, number: str, title: str) -> Heading | None:
        """ "4.1.1 Genomför … tillgång till medicinsk" / "bedömning dygnet runt.": a numbered heading over the lines
        it wraps onto (each starting in lower case), up to two more."""
        end = index
        for _ in range(2):
            following = self._next_filled(end, blanks=0)
            if following is None or not starts_lower(self.lines[following].text.strip()):
                break
            title, end = join_lines(title, self.lines[following].text.strip()), following
            if title.endswith(_SENTENCE_END):
                break
        after = self._next_filled(end)
        if end == index or (after is not None and starts_lower(self.lines[after].text.strip())):
            return None
        return self._sectioned_heading(index, end, number, title)

    def _sectioned_heading(self, start: int, end: int, number: str, title: str) -> Heading | None:
        """A yttrande organised by the remiss's numbering heads each part with the remiss's own heading, whatever its
        ending ("… bekostnad.", "… välfärdsbrott,"): a numbered line that fits that numbering, is one phrase and not
        a sentence of the answering body, is a heading."""
        title = re.sub(r"\s*[,;]$|(?<![.\s])\.$", "", title)
        if not self._sectioned or not title[:1].isupper() or _MEMO_SPEAKER.match(title):
            return None
        if len(title) > 200 or len(title.split()) > 30 or re.search(r"[a-zåäö]{2}[.!?] [A-ZÅÄÖ]", title):
            return None
        return Heading(start, end, number, title, kind="numbered")

    @cached_property
    def _sectioned(self) -> bool:
        """The memo answers by the remiss's section numbers: at least two lines open a paragraph with a number of
        two levels or more ("4.1", "1.3.1/5.1")."""
        numbered = [
            i for i, line in enumerate(self.lines)
            if (m := _MEMO_NUMBERED.match(line.text.strip())) and re.search(r"\d\.\d", m.group("number")) and self._at_paragraph_start(i)
        ]
        return len(numbered) >= 2

    def _after_numbered_line(self, index: int) -> bool:
        """Right after a line opening with a section number: two remiss headings in a row, the first with no text."""
        previous = self.lines[index - 1].text.strip() if index else ""
        return bool(_MEMO_NUMBERED.match(previous)) and index - 1 >= 0 and self._at_paragraph_start(index - 1)

    def _question_heading(self, index: int) -> Heading | None:
        """ "Fråga 1. Vad är er samlade uppfattning om … ?": the remiss's question, wrapped over up to five lines."""
        title, end = self.lines[index].text.strip(), index
        while not title.endswith("?"):
            following = self._next_filled(end, blanks=0)
            if following is None or following - index > 5:
                return None
            title, end = join_lines(title, self.lines[following].text.strip()), following
        return Heading(index, end, "", title, styled=True, kind="plain")

    def _styled(self, line: Line) -> bool:
        if line.style_level is not None:
            return True
        if not self.has_font_cues:
            return line.bold
        larger = bool(line.size and self.body_size and line.size >= self.body_size + 1)
        return line.bold or larger

    def _wrapped_title(self, index: int, title: str, styled: bool) -> tuple[str, int]:
        """Follow a heading onto the lines it wraps over."""
        line = self.lines[index]
        end = index
        for _ in range(3):
            following = self._next_filled(end)
            if following is None:
                break
            nxt = self.lines[following]
            text = nxt.text.strip()
            if nxt.paragraph or bullet_text(text) is not None or NUMBERED_HEADING.match(text) or title.endswith(_SENTENCE_END):
                break
            same_style = (
                self.has_font_cues and styled and nxt.size == line.size and nxt.bold == line.bold
                and not nxt.gap_before and following == end + 1
            )
            last_word = title.split()[-1].casefold() if title.split() else ""
            if not (starts_lower(text) or same_style or last_word in _CONNECTORS):
                break
            title = join_lines(title, text)
            end = following
        return title, end

    def _next_filled(self, index: int, blanks: int = 2) -> int | None:
        for following in range(index + 1, min(len(self.lines), index + 2 + blanks)):
            if self.lines[following].text.strip():
                return following
        return None

    def _at_paragraph_start(self, index: int) -> bool:
        line = self.lines[index]
        if line.paragraph or line.gap_before or index == 0:
            return True
        previous = self.lines[index - 1].text.strip()
        if not previous or previous.endswith(_PARAGRAPH_END) or line.page != self.lines[index - 1].page:
            return True
        # after a short line standing on its own (a heading, a running header) a new block begins
        before = self.lines[index - 2].text.strip() if index >= 2 else ""
        return len(previous) <= 30 and previous[:1].isupper() and (not before or before.endswith(_PARAGRAPH_END))

    @staticmethod
    def _valid_title(title: str, number: str) -> bool:
        if not title or len(title) > 160 or len(title.split()) > 25:
            return False
        first = title.lstrip("”\"«'")[:1]
        if not (first.isupper() or (first.isdigit() and not number)):
            return False
        if title.endswith((".", ",", ";", ":")) and not title.endswith("m.m."):
            return False
        if re.search(r"[a-zåäö]{2}\. [A-ZÅÄÖ]", title):
            return False  # more than one sentence: body text
        letters = sum(ch.isalpha() for ch in title)
        return letters >= 0.6 * len(title.replace(" ", ""))

    def _numbered_chain(self, candidates: list[Heading]) -> list[Heading]:
        """The longest run of numbered candidates whose numbers follow one another."""
        if self.has_font_cues:
            styled = _longest_sequence([c for c in candidates if c.styled])
            if len(styled) >= 3:
                return styled
        return _longest_sequence(candidates)

    def _label_headings(self, labels: list[Heading], numbered: list[Heading]) -> list[Heading]:
        """ "Individnivå: Utveckla …" lines count as headings when siblings of the same shape share a parent."""
        starts = sorted(h.start for h in numbered)
        groups: dict[int, list[Heading]] = {}
        for label in labels:
            parent = bisect.bisect_left(starts, label.start)  # how many numbered headings come before it
            groups.setdefault(parent, []).append(label)
        return [label for group in groups.values() if len(group) >= 2 for label in group]

    @staticmethod
    def _drop_overlaps(headings: list[Heading]) -> list[Heading]:
        kept: list[Heading] = []
        for heading in headings:
            if kept and heading.start <= kept[-1].end:
                continue
            kept.append(heading)
        return kept

    def _assign_levels(self, headings: list[Heading]) -> None:
        unnumbered_sizes = sorted(
            {self.lines[h.start].size or 0 for h in headings if not h.number and self.lines[h.start].style_level is None},
            reverse=True,
        )
        last_numbered: Heading | None = None
        for heading in headings:
            line = self.lines[heading.start]
            if heading.number:
                heading.level = heading.number.count(".") + 1
                last_numbered = heading
            elif line.style_level is not None:
                heading.level = line.style_level
            elif heading.appendix:
                heading.level = 1
            elif last_numbered is not None:  # under the numbered heading before; a regulation's rubrik heads the
                heading.level = last_numbered.level + (last_numbered.kind != "paragraph")  # paragraphs after it
            else:
                heading.level = unnumbered_sizes.index(line.size or 0) + 1

    # --- headings from a table of contents or bookmarks -----------------------------------------

    def headings_from_toc(self, entries: list[TocEntry], start: int, before: int | None = None) -> list[Heading]:
        """Place each entry of the document's own table of contents on its heading in the body.

        Every line that could carry an entry is a candidate, and the longest run of candidates in document
        order wins, so one wrong early match cannot push the rest out of reach. The body starts at `start`;
        when the table begins at `before`, entries may also sit on the pages between the cover and the table
        (a foreword). Entries that land on consecutive lines with no text between are a list of the
        entries (a "Bilagor" page), not their headings, and are looked for further on."""
        pool = list(range(start, len(self.lines)))
        if before:
            cover = self.lines[0].page
            pool = [i for i in range(before) if self.lines[i].page != cover] + pool
            cover_text = _loose(" ".join(line.text for line in self.lines if line.page == cover))
            if entries and not entries[0].number and _loose(entries[0].title) in cover_text:
                entries = entries[1:]  # the cover's title, listed first: not a section
        candidates = self._entry_candidates(entries, pool)
        placed = _longest_chain(candidates)
        listing = self._listed_entries(placed, entries)
        if listing:
            candidates = [c for c in candidates if (c[0], c[1]) not in listing]
            placed = _longest_chain(candidates)
        headings = [
            Heading(i, end, entries[k].number, entries[k].title, level=entries[k].level or 1, styled=True, kind="toc")
            for k, i, end in placed
        ]
        return self._shortened_entries(entries, placed, headings)

    def headings_from_outline(self, outline: list[Outline]) -> list[Heading]:
        entries = []
        for item in outline:
            match = NUMBERED_HEADING.match(item.title)
            number, title = (match.group("number"), match.group("title")) if match else ("", item.title)
            entries.append(TocEntry(number, title, item.level, item.page or 0))
        return self.headings_from_toc(entries, 0)

    def _entry_candidates(self, entries: list[TocEntry], pool: list[int]) -> list[tuple[int, int, int]]:
        """(entry, first line, last line) for every line that could be an entry's heading."""
        by_number: dict[str, list[int]] = {}
        unnumbered: list[int] = []
        for index in pool:
            text = self.lines[index].text.strip()
            if not text:
                continue
            match = NUMBERED_HEADING.match(text)
            if match:
                by_number.setdefault(match.group("number"), []).append(index)
            elif len(text) <= 200:
                unnumbered.append(index)
        loose: dict[int, str] = {}  # an unnumbered line's loose form, made when an entry first looks at the line
        in_pool = set(unnumbered)
        candidates = []
        for k, entry in enumerate(entries):
            if entry.number:
                for index in by_number.get(entry.number, []):
                    numbered = NUMBERED_HEADING.match(self.lines[index].text.strip())
                    span = self._entry_span(entry.title, index, numbered.group("title")) if numbered else None
                    if span:
                        candidates.append((k, index, span))
                continue
            wanted = _loose(entry.title)
            first = wanted.split()[0] if wanted else ""
            found = self._lines_with_word(first, len(entry.title) + 30, prefix=True)
            for index in unnumbered if found is None else (i for i in found if i in in_pool):
                text = self.lines[index].text.strip()
                line_loose = loose.get(index)
                if line_loose is None:
                    line_loose = loose[index] = _loose(self.lines[index].text)
                if first not in line_loose or len(text) > len(entry.title) + 30:
                    continue
                span = None
                if len(text) <= len(entry.title) + 15:
                    span = self._entry_span(entry.title, index, text)
                if span is None and text[:1].isupper() and re.search(rf"(?:^| ){re.escape(wanted)}$", line_loose) and self._at_paragraph_start(index):
                    span = index  # the heading carries a short prefix: "Remissversion: Bilaga A: …"
                if span is not None:
                    candidates.append((k, index, span))
        return candidates

    def _entry_span(self, title: str, index: int, text: str) -> int | None:
        """The last line of the heading at `index` when it reads like `title` (headings wrap over lines)."""
        wanted = title.casefold()
        end = index
        while len(text) < len(title) - 3 and end + 1 < len(self.lines) and end < index + 4:
            end += 1
            following = self.lines[end].text.strip()
            text = join_lines(text, following) if following else text
        if likeness(wanted, text.casefold()[: len(wanted) + 3]) >= 80:
            return end
        return None

    def _listed_entries(self, placed: list[tuple[int, int, int]], entries: list[TocEntry]) -> set[tuple[int, int]]:
        """Placements of three or more unnumbered entries that follow one another line by line: a list of
        them (a "Bilagor" page), not their headings. (Two may be a heading and its first sub-heading.)"""
        listed: set[tuple[int, int]] = set()
        run: list[tuple[int, int, int]] = []
        for placement in placed + [(-1, -1, -1)]:
            k, i, _ = placement
            if run and k == run[-1][0] + 1 and not entries[k].number and self._next_filled(run[-1][2], blanks=1) == i:
                run.append(placement)
                continue
            if len(run) >= 3:
                listed.update((k2, i2) for k2, i2, _ in run)
            run = [placement] if k >= 0 and not entries[k].number else []
        return listed

    def _shortened_entries(self, entries: list[TocEntry], placed: list[tuple[int, int, int]], headings: list[Heading]) -> list[Heading]:
        """Entries not placed: a heading the table shortens, looked for between the placed neighbours."""
        done = {k for k, _, _ in placed}
        bounds = [(k, i, end) for k, i, end in placed]
        result = list(headings)
        for k, entry in enumerate(entries):
            if k in done:
                continue
            low = max((end + 1 for j, _, end in bounds if j < k), default=0)
            high = min((i for j, i, _ in bounds if j > k), default=len(self.lines))
            found = self._find_within(entry.title, low, high)
            if found is not None:
                result.append(Heading(found[0], found[1], entry.number, entry.title, level=entry.level or 1, styled=True, kind="toc"))
                bounds.append((k, found[0], found[1]))
        return sorted(result, key=lambda h: h.start)

    def _lines_with_word(self, word: str, longest: int, prefix: bool = False) -> list[int] | None:
        """Indexes, in order, of the lines up to `longest` characters long (stripped) that hold `word` as a word of
        their own (casefolded), or with `prefix` a word starting with it ("risker" → "Riskerna"). None when `word`
        is no plain word: the caller looks at every line then. The index is built once, so placing a long table
        of contents costs about the lines that could carry its entries, not entries times lines."""
        if not re.fullmatch(r"\w+", word):
            return None
        if self._word_index is None:
            index_of: dict[str, list[int]] = {}
            lengths = self._lengths
            for index, line in enumerate(self.lines):
                text = line.text.strip()
                lengths.append(len(text))
                if 0 < len(text) <= _SHORT_LINE:
                    for token in set(_WORD_TOKEN.findall(text.casefold())):
                        places = index_of.get(token)
                        if places is None:
                            index_of[token] = [index]
                        else:
                            places.append(index)
            self._word_index = index_of
            self._vocabulary = sorted(index_of)
        tokens = [word]
        if prefix:
            start = bisect.bisect_left(self._vocabulary, word)
            tokens = list(itertools.takewhile(lambda token: token.startswith(word), self._vocabulary[start:]))
        found: set[int] = set()
        for token in tokens:
            places, sizes = self._by_length(token)
            found.update(places[: bisect.bisect_right(sizes, longest)])
        return sorted(found)

    def _by_length(self, token: str) -> tuple[list[int], list[int]]:
        """The short lines holding `token`, shortest first, and their lengths; sorted when first asked for."""
        known = self._sorted_places.get(token)
        if known is None:
            places = sorted((self._word_index or {}).get(token, []), key=self._lengths.__getitem__)
            known = self._sorted_places[token] = (places, [self._lengths[index] for index in places])
        return known

    def _find_within(self, title: str, start: int, end: int) -> tuple[int, int] | None:
        """A heading the table of contents shortens ("RÄTTIGHETER" for "TILLKOMMANDE NYA RÄTTIGHETER"): a short
        line standing alone between the neighbouring entries that contains the entry's words."""
        wanted = title.casefold()
        first = re.match(r"\w+", wanted)
        found = self._lines_with_word(first.group(0), len(title) + 30) if first else None
        indexes = range(start, end) if found is None else found[bisect.bisect_left(found, start) : bisect.bisect_left(found, end)]
        for index in indexes:
            text = self.lines[index].text.strip()
            if 0 < len(text) <= len(title) + 30 and re.search(rf"\b{re.escape(wanted)}\b", text.casefold()) and self._at_paragraph_start(index):
                return index, index
        return None

    def complete_toc_headings(self, headings: list[Heading], entries: list[TocEntry], toc_start: int) -> list[Heading]:
        """Remisser: what the table of contents leaves out. Numbered body headings at a level the table lists,
        between two placed entries whose numbers they continue ("5.1.2" between 5.1.1 and 5.2); the headings on
        the pages between the cover and the first placed entry (a summary, a foreword, before or after the table); when the table heads only the later
        part of a file (more pages precede it than its chapter 1 says), the headings of the part before it; and
        when the table lists unnumbered entries, the body's title lines it leaves out, one level below the entry
        they fall under (a table of the upper levels only)."""
        levels = {e.level for e in entries if e.number}
        taken = {h.start for h in headings}
        numbered = [h for h in headings if h.number]
        starts = [h.start for h in numbered]
        gaps = []
        candidates = [c for c in (self._candidate(i) for i in self._numbered_lines()) if c is not None and c.kind == "numbered"]
        for candidate in candidates:
            if candidate.start in taken or candidate.number.count(".") + 1 not in levels:
                continue
            position = bisect.bisect_left(starts, candidate.start)  # the placed numbered headings around it
            after = bisect.bisect_right(starts, candidate.end)
            if position > 0 and after < len(numbered) and _follows(numbered[position - 1].number, candidate.number) and _follows(candidate.number, numbered[after].number):
                candidate.level = candidate.number.count(".") + 1  # at its number's depth, as the table would list it
                gaps.append(candidate)
        result = sorted(headings + gaps, key=lambda h: h.start)
        if levels_unset(entries):
            self._chapters_open_pages(result)
        if result and not any(e.number for e in entries):
            result = self._drop_overlaps(sorted(result + self._unlisted_title_lines(result), key=lambda h: h.start))
        first_chapter = next((e.page for e in entries if e.number and e.page), 0)
        first_placed = min((h.start for h in result), default=toc_start)
        if toc_start and first_chapter and self.lines[toc_start].page > first_chapter:
            front = [h for h in self.find_headings(0, min(toc_start, first_placed)) if h.kind != "label"]
            result = self._drop_overlaps(sorted(front + result, key=lambda h: h.start))
        elif toc_start:  # the table's own lines are blank by now: look on both sides of it
            after_cover = next((i for i, line in enumerate(self.lines) if line.page != self.lines[0].page), toc_start)
            front = [h for h in self.find_headings(after_cover, first_placed) if h.kind == "title"]
            result = self._drop_overlaps(sorted(front + result, key=lambda h: h.start))
        return result

    def _chapters_open_pages(self, headings: list[Heading]) -> None:
        """Levels for a table that tells none (unnumbered, every entry set alike): a chapter heading starts a page
        and stands apart from its text (a blank line below it). When some placed entries do and others do not,
        the first are level 1, the others level 2."""
        opens = [self._opens_page(h.start) and self._next_filled(h.end, blanks=0) is None for h in headings]
        split = sum(opens) >= 2 and not all(opens)
        for heading, opened in zip(headings, opens):
            heading.level = 2 if split and not opened else 1

    def _set_apart(self, index: int) -> bool:
        """A blank line or the page's top above the line."""
        return index == 0 or not self.lines[index - 1].text.strip() or self.lines[index - 1].page != self.lines[index].page

    def _unlisted_title_lines(self, placed: list[Heading]) -> list[Heading]:
        """Title lines of the body that the table of contents does not list, one level below the placed entry
        before them. Only lines that head body text: not one standing over another heading or at the foot of a
        page (a pull quote, a divider), and not a label announcing what follows ("Insatser:"). Where the listed
        headings stand apart from the text above them (a blank line or a new page), so must these: a short line
        inside running text is a line of it (two columns read as one)."""
        covered = {i for h in placed for i in range(h.start, h.end + 1)}
        starts = [h.start for h in placed]
        apart = sum(1 for h in placed if self._set_apart(h.start)) >= 0.8 * len(placed)
        found = []
        for index in range(placed[0].end + 1, len(self.lines)):
            if index in covered or not self.lines[index].text.strip() or (apart and not self._set_apart(index)):
                continue
            candidate = self._candidate(index)
            if candidate is None or candidate.kind not in ("title", "label") or self.lines[index].text.strip().endswith(":"):
                continue
            if candidate.kind == "label" and not self._title_block_ok(index, candidate.end):
                continue  # "Fokusområde: …" heading its text, not "Mål: …" or a line of a paragraph
            following = self._next_filled(candidate.end)
            if following is None or following in covered or self.lines[following].page != self.lines[candidate.end].page:
                continue
            if self._candidate(following) is not None:
                continue
            parent = placed[bisect.bisect_right(starts, index) - 1]
            candidate.level = parent.level + 1
            found.append(candidate)
        return found

    # --- sections ---------------------------------------------------------------------------------

    def build(self, headings: list[Heading]) -> tuple[list[str], list[Section]]:
        """(preamble paragraphs, section tree). Footnotes go to their section's `footnotes`, not its text."""
        preamble_end = headings[0].start if headings else len(self.lines)
        preamble = self.reflow([line for line in self.lines[:preamble_end] if not line.footnote])
        roots: list[Section] = []
        stack: list[Section] = []
        for position, heading in enumerate(headings):
            body_end = headings[position + 1].start if position + 1 < len(headings) else len(self.lines)
            body = self.lines[heading.end + 1 : body_end]
            if heading.rest:
                body = [Line(heading.rest, page=self.lines[heading.start].page)] + body
            section = Section(
                heading.number, heading.title, heading.level,
                self.reflow([line for line in body if not line.footnote]), footnotes=_footnotes(body),
            )
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        return preamble, roots

    def reflow(self, lines: list[Line]) -> list[str]:
        """Join hard-wrapped lines into paragraphs; bullets become "• " list items. A paragraph is built up as a
        list of pieces and joined once, so a page-long paragraph costs no more than its length."""
        paragraphs: list[str] = []
        parts: list[str] = []  # the current paragraph, piece by piece
        current_is_item = False
        blank_before = False
        previous_text = ""

        def close() -> None:
            if parts:
                paragraphs.append(("• " if current_is_item else "") + "".join(parts))

        for line in lines:
            text = line.text.strip()
            if not text:
                blank_before = True
                continue
            item = bullet_text(text)
            if item is None and line.list_item:
                item = text
            ended = bool(parts) and parts[-1].endswith(_SENTENCE_END)
            new = (
                not parts
                or line.paragraph
                or item is not None
                or _CAPTION.match(text) is not None
                or ((blank_before or line.gap_before) and not (starts_lower(text) and not ended))
                or (ended and self._short(previous_text))
                or (len(previous_text) < 0.6 * self.width and not starts_lower(text))  # a line break: title block, address
                or (self._short(text) and text[:1].isupper() and not text.endswith(_SENTENCE_END) and not ended)
            )
            if new:
                close()
                parts, current_is_item = [item if item is not None else text], item is not None
            else:
                joined = join_lines(parts[-1][-2:], text)  # only the end of the paragraph decides how to join
                parts[-1] = parts[-1][:-2]
                parts.append(joined)
            previous_text = text
            blank_before = False
        close()
        return paragraphs

    def _short(self, text: str) -> bool:
        return len(text) < 0.7 * self.width


def _loose(text: str) -> str:
    """Casefolded words without the punctuation headings vary in: "Bilaga C - Hamnar" ~ "Bilaga C: Hamnar"."""
    return _LOOSE_MARKS.sub(" ", text.casefold()).strip()


def _longest_chain(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The most (entry, line, end) candidates with entries and lines both in increasing order, one per entry."""
    ordered = sorted(candidates, key=lambda c: (c[0], -c[1]))
    tails: list[int] = []  # tails[n]: smallest line that ends a chain of length n + 1
    tail_at: list[int] = []
    back: list[int] = []
    for position, (_, line, _) in enumerate(ordered):
        n = bisect.bisect_left(tails, line)
        back.append(tail_at[n - 1] if n else -1)
        if n == len(tails):
            tails.append(line)
            tail_at.append(position)
        else:
            tails[n], tail_at[n] = line, position
    chain = []
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        chain.append(ordered[position])
        position = back[position]
    return chain[::-1]


def _follows(previous: str, number: str) -> bool:
    """`number` can come right after `previous` in a numbered outline: "5.1.1" → "5.1.2", "5.2", "6" or "5.1.1.1"."""
    a = tuple(int(part) for part in previous.split("."))
    b = tuple(int(part) for part in number.split("."))
    if b == a + (1,):
        return True
    return any(b == a[: k - 1] + (a[k - 1] + 1,) for k in range(1, len(a) + 1))


def _footnotes(lines: list[Line]) -> list[str]:
    """The footnotes among `lines`, one string per note."""
    notes: list[tuple[int, list[str]]] = []
    for line in lines:
        if not line.footnote or not line.text.strip():
            continue
        if notes and notes[-1][0] == line.footnote:
            notes[-1][1].append(line.text.strip())
        else:
            notes.append((line.footnote, [line.text.strip()]))
    result = []
    for number, parts in notes:
        text = parts[0]
        for part in parts[1:]:
            text = join_lines(text, part)
        result.append(text if text.startswith(str(number)) else f"{number} {text}")
    return result


def _longest_sequence(candidates: list[Heading]) -> list[Heading]:
    """The longest chain of candidates in which each number follows the one before ("2.2" → "2.3" or "3").

    Dynamic programming in document order; `by_prefix` holds, for every number prefix seen so far, the best
    chain ending in a number with that prefix, so each candidate looks up its possible predecessors directly.
    """
    best: list[int] = []
    back: list[int] = []
    exact: dict[tuple[int, ...], int] = {}
    by_prefix: dict[tuple[int, ...], int] = {}
    for i, candidate in enumerate(candidates):
        number = tuple(int(part) for part in candidate.number.split("."))
        predecessors = [by_prefix.get(number[:-1] + (number[-1] - 1,))]
        if number[-1] == 1 and len(number) > 1:
            predecessors.append(exact.get(number[:-1]))
        score, previous = 1, -1
        for j in predecessors:
            if j is not None and best[j] + 1 > score:
                score, previous = best[j] + 1, j
        best.append(score)
        back.append(previous)
        exact[number] = i if number not in exact or score >= best[exact[number]] else exact[number]
        for length in range(1, len(number) + 1):
            key = number[:length]
            if key not in by_prefix or score >= best[by_prefix[key]]:
                by_prefix[key] = i
    if not candidates:
        return []
    i = max(range(len(candidates)), key=lambda k: (best[k], k))
    chain = []
    while i != -1:
        chain.append(candidates[i])
        i = back[i]
    return chain[::-1]
