"""Turn cleaned lines into a section tree: find headings, reflow paragraphs, nest by level."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..model import Section
from .clean import SUSPENDED_COMPOUND, bullet_text
from .lines import Line, Outline
from .toc import TocEntry

NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.?)\s+(?P<title>\S.*)$")
_LABEL_HEADING = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,2}: [A-ZÅÄÖ]")
_NOT_LABELS = re.compile(r"^(bild|figur|tabell|karta|källa|källor|not|obs|tillämpas av|e-post|telefon|tel|webb|adress|datum|dnr)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^(bild|figur|tabell|karta|diagram)\s+\d+", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;")
_PARAGRAPH_END = tuple('.!?:;”"»)')
_DECISION_HEADING = re.compile(r"^förslag till beslut\b", re.IGNORECASE)  # a memo's first heading, memo mode
_QUESTION_HEADING = re.compile(r"^Fråga\s+\d{1,2}[.:)]\s+[A-ZÅÄÖ]")  # a remiss's numbered question, memo mode
_CONNECTORS = {"och", "samt", "i", "för", "av", "till", "med", "på", "om", "eller", "att", "som", "inom", "mellan", "vid", "mot", "från", "efter", "under", "kring", "genom"}


@dataclass
class Heading:
    start: int  # first line index
    end: int  # last line index of the heading (wrapped headings span several)
    number: str
    title: str
    level: int = 0
    styled: bool = False
    kind: str = "numbered"  # numbered | styled | plain | label | toc


def join_lines(previous: str, following: str) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation but keeping "hälso- och sjukvård"."""
    if re.search(r"[A-Za-zÅÄÖåäö]-$", previous) and following[:1].islower():
        first_word = following.split()[0]
        if first_word in SUSPENDED_COMPOUND:
            return f"{previous} {following}"
        return previous[:-1] + following
    return f"{previous} {following}"


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
        self.width = statistics.median(wrapped) if wrapped else 80.0

    # --- headings -------------------------------------------------------------------------------

    def find_headings(self) -> list[Heading]:
        candidates = [c for c in (self._candidate(i) for i in range(len(self.lines))) if c is not None]
        if self.plain_headings:
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
        headings = self._drop_overlaps(sorted(headings, key=lambda h: h.start))
        self._assign_levels(headings)
        return headings

    def _candidate(self, index: int) -> Heading | None:
        line = self.lines[index]
        text = line.text.strip()
        if not text or line.in_table or line.title_style or line.list_item or bullet_text(text) is not None:
            return None
        styled = self._styled(line)
        if line.size and self.body_size and line.size < self.body_size - 0.5 and line.style_level is None:
            return None  # footnotes and captions are set smaller than the body
        number, title = "", text
        label = line.label.rstrip(".")
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,4}", label):
            number = label
        else:
            match = NUMBERED_HEADING.match(text)
            if match:
                number, title = match.group("number"), match.group("title")
        plain = self.plain_headings and self._plain_heading(index)
        if not (number or styled or plain or _LABEL_HEADING.match(title)):
            return None
        end = index
        if not line.paragraph:
            title, end = self._wrapped_title(index, title, styled)
        if not self._valid_title(title, number):
            return None
        if not (styled or self._at_paragraph_start(index)):
            return None
        if number:
            if any(part.startswith("0") or int(part) > 40 for part in number.split(".")):
                return None
            return Heading(index, end, number, title, styled=styled, kind="numbered")
        if (styled or plain) and len(title) <= 120:
            return Heading(index, end, "", title, styled=True, kind="styled" if styled else "plain")
        if _LABEL_HEADING.match(title) and not _NOT_LABELS.match(title):
            return Heading(index, end, "", title, kind="label")
        return None

    def _plain_heading(self, index: int) -> bool:
        """A short line of its own, starting a paragraph, followed by a new sentence or a list."""
        text = self.lines[index].text.strip()
        long_ok = bool(_DECISION_HEADING.match(text)) and len(text) <= 90  # "Förslag till beslut i nämnden för Miljö & Hälsoskydd"
        if (len(text) > 80 or len(text.split()) > 8) and not long_ok or text.endswith(_PARAGRAPH_END) or not text[:1].isupper():
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
        if not text or line.in_table or line.list_item or bullet_text(text) is not None or not self._at_paragraph_start(index):
            return None
        if _QUESTION_HEADING.match(text):
            return self._question_heading(index)
        match = NUMBERED_HEADING.match(text)
        if not match or any(part.startswith("0") or int(part) > 40 for part in match.group("number").split(".")):
            return None
        title = match.group("title").strip()
        following = self._next_filled(index)
        if following is None or starts_lower(self.lines[following].text.strip()):
            return None
        words = title.split()
        lower_title = starts_lower(title) and "." in match.group("number") and len(words) <= 12 and not title.endswith(_PARAGRAPH_END)
        short_stop = title[:1].isupper() and len(words) <= 5 and title.endswith(".") and not title.endswith("..")
        if not (lower_title or short_stop) or len(text) > 0.85 * max(self.width, 60):
            return None
        return Heading(index, index, match.group("number"), title, kind="numbered")

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
        starts = [h.start for h in numbered]
        groups: dict[int, list[Heading]] = {}
        for label in labels:
            parent = sum(1 for start in starts if start < label.start)
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
            elif last_numbered is not None:
                heading.level = last_numbered.level + 1
            else:
                heading.level = unnumbered_sizes.index(line.size or 0) + 1

    # --- headings from a table of contents or bookmarks -----------------------------------------

    def headings_from_toc(self, entries: list[TocEntry], start: int) -> list[Heading]:
        """Place each entry of the document's own table of contents on its heading in the body."""
        headings: list[Heading] = []
        position = start
        for number, entry in enumerate(entries):
            found = self._find_entry(entry.number, entry.title, position)
            if found is None:
                found = self._find_within(entry.title, position, self._next_entry_position(entries[number + 1 :], position))
            if found is None:
                continue
            headings.append(Heading(found[0], found[1], entry.number, entry.title, level=entry.level or 1, styled=True, kind="toc"))
            position = found[1] + 1
        return headings

    def headings_from_outline(self, outline: list[Outline]) -> list[Heading]:
        entries = []
        for item in outline:
            match = NUMBERED_HEADING.match(item.title)
            number, title = (match.group("number"), match.group("title")) if match else ("", item.title)
            entries.append(TocEntry(number, title, item.level, item.page or 0))
        return self.headings_from_toc(entries, 0)

    def _next_entry_position(self, entries: list[TocEntry], position: int) -> int:
        for entry in entries[:3]:
            found = self._find_entry(entry.number, entry.title, position)
            if found is not None:
                return found[0]
        return len(self.lines)

    def _find_within(self, title: str, start: int, end: int) -> tuple[int, int] | None:
        """A heading the table of contents shortens ("RÄTTIGHETER" for "TILLKOMMANDE NYA RÄTTIGHETER"): a short
        line standing alone between the neighbouring entries that contains the entry's words."""
        wanted = title.casefold()
        for index in range(start, end):
            text = self.lines[index].text.strip()
            if 0 < len(text) <= len(title) + 30 and re.search(rf"\b{re.escape(wanted)}\b", text.casefold()) and self._at_paragraph_start(index):
                return index, index
        return None

    def _find_entry(self, number: str, title: str, position: int) -> tuple[int, int] | None:
        wanted = title.casefold()
        for index in range(position, len(self.lines)):
            text = self.lines[index].text.strip()
            if not text or (number and not text.startswith(number)):
                continue
            if number:
                match = NUMBERED_HEADING.match(text)
                if not match or match.group("number") != number:
                    continue
                text = match.group("title")
            elif len(text) > len(title) + 15:
                continue
            end = index
            while len(text) < len(title) - 3 and end + 1 < len(self.lines):
                end += 1
                text = join_lines(text, self.lines[end].text.strip()) if self.lines[end].text.strip() else text
            from rapidfuzz import fuzz  # only documents with a table of contents need it

            if fuzz.ratio(wanted, text.casefold()[: len(wanted) + 3]) >= 80:
                return index, end
        return None

    # --- sections ---------------------------------------------------------------------------------

    def build(self, headings: list[Heading]) -> tuple[list[str], list[Section]]:
        """(preamble paragraphs, section tree)."""
        preamble_end = headings[0].start if headings else len(self.lines)
        preamble = self.reflow(self.lines[:preamble_end])
        roots: list[Section] = []
        stack: list[Section] = []
        for position, heading in enumerate(headings):
            body_end = headings[position + 1].start if position + 1 < len(headings) else len(self.lines)
            section = Section(heading.number, heading.title, heading.level, self.reflow(self.lines[heading.end + 1 : body_end]))
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        return preamble, roots

    def reflow(self, lines: list[Line]) -> list[str]:
        """Join hard-wrapped lines into paragraphs; bullets become "• " list items."""
        paragraphs: list[str] = []
        current = ""
        current_is_item = False
        blank_before = False
        for line in lines:
            text = line.text.strip()
            if not text:
                blank_before = True
                continue
            item = bullet_text(text)
            if item is None and line.list_item:
                item = text
            new = (
                not current
                or line.paragraph
                or item is not None
                or _CAPTION.match(text) is not None
                or ((blank_before or line.gap_before) and not (starts_lower(text) and not current.endswith(_SENTENCE_END)))
                or (current.endswith(_SENTENCE_END) and self._short(previous_text))
                or (len(previous_text) < 0.6 * self.width and not starts_lower(text))  # a line break: title block, address
                or (self._short(text) and text[:1].isupper() and not text.endswith(_SENTENCE_END) and not current.endswith(_SENTENCE_END))
            )
            if new:
                if current:
                    paragraphs.append(("• " if current_is_item else "") + current)
                current, current_is_item = (item if item is not None else text), item is not None
            else:
                current = join_lines(current, text)
            previous_text = text
            blank_before = False
        if current:
            paragraphs.append(("• " if current_is_item else "") + current)
        return paragraphs

    def _short(self, text: str) -> bool:
        return len(text) < 0.7 * self.width


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
