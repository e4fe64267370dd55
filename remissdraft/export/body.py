"""The document body: title, standard sections, synpunkter per remiss section, attachments, signatures, and
a Word comment naming the source of every reused snippet.

One method per part of the document, called in order by `write`; the draft it gets is already filled
(placeholders, facts from the profile) and safe for XML."""

from __future__ import annotations

import re

from docx.shared import Cm
from docx.text.paragraph import Paragraph

from ..draft.placeholders import draft_values, fill
from ..draft.proposals import pending_only
from ..model import Draft, DraftSection, SnippetUse, Source, Synpunkt, Template
from .blocks import Block, split_blocks, squash
from .letterhead import header_values
from .oxml import borderless, keep_row_together, numbering_of_style, restart_numbering, set_num_id, zero_cell_margins
from .styles import ADDRESS, ATTACHMENT, LABEL, SIGNATURE, SIGNATURE_NAME

COMMENT_AUTHOR = "remissdraft"
COMMENT_INITIALS = "RD"
_MAX_LEVEL = 4  # Heading 1–4


class BodyWriter:
    """Writes a draft into an empty document body."""

    def __init__(self, document, draft: Draft, template: Template, text_width: Cm, *, comments: bool = True):
        self.document = document
        self.draft = draft
        self.template = template
        self.text_width = text_width
        self.comments = comments
        self.values = draft_values(draft)
        self.comment_count = 0
        self.pages = 1  # estimated once the body is written
        self.letterhead = False  # whether the template's letterhead went into the footer
        self._number_list = numbering_of_style(document, "List Number")

    def write(self) -> None:
        self._address()
        self._title()
        before, after = self._placed_sections()
        for section in before:
            self._section(section)
        self._signatures()
        for section in after:
            self._section(section)

    # --- the parts, in document order --------------------------------------------------------------------

    def _general_goes_in(self, section: DraftSection) -> bool:
        """Whether synpunkter i stort are written in `section`: the text section the template names, else the
        synpunkter section (before the per-section ones)."""
        if not self.draft.general.text.strip():
            return False
        wanted = self.template.general_synpunkter
        if wanted and any(s.key == wanted for s in self.draft.sections):
            return section.key == wanted
        return section.kind == "synpunkter"

    def _general(self, heading: Paragraph) -> None:
        general = self.draft.general
        self._comment_uses(general.uses, self._text(general.text), heading)

    def _address(self) -> None:
        """Header fields placed in the body, as a letter's recipient block ("Till")."""
        values = header_values(self.draft)
        for field in self.template.header_fields:
            if field.place != "body" or not values.get(field.key):
                continue
            if field.label:
                self.document.add_paragraph(style=ADDRESS).add_run(field.label, style=LABEL)
            for line in values[field.key].splitlines():
                self.document.add_paragraph(line, style=ADDRESS)
            self.document.paragraphs[-1].paragraph_format.space_after = Cm(1)

    def _title(self) -> None:
        self.document.add_paragraph(self.draft.title, style="Title")
        if self.draft.subtitle:
            self.document.add_paragraph(self.draft.subtitle, style="Subtitle")

    def _placed_sections(self) -> tuple[list[tuple[DraftSection, int]], list[tuple[DraftSection, int]]]:
        """The sections to print with their heading level, those before the signatures and those after them. An
        empty, optional section is left out, unless it heads deeper sections that are printed."""
        placed = []
        for section in self.draft.sections:
            spec = self.template.section(section.key)
            level = min(max(spec.level if spec else 1, 1), _MAX_LEVEL - 1)
            placed.append((section, level, bool(spec and spec.after_signatures), self._has_content(section)))
        before: list[tuple[DraftSection, int]] = []
        after: list[tuple[DraftSection, int]] = []
        for index, (section, level, below_signatures, content) in enumerate(placed):
            deeper = []
            for other in placed[index + 1:]:
                if other[1] <= level:
                    break
                deeper.append(other[3])
            if content or any(deeper):
                (after if below_signatures else before).append((section, level))
        return before, after

    def _has_content(self, section: DraftSection) -> bool:
        if self._general_goes_in(section) or section.text.strip():
            return True
        if section.kind == "synpunkter":
            required = section.required and not self.draft.general.text.strip()  # synpunkter i stort elsewhere answer it
            return required or any(self._exported(s) for s in self.draft.synpunkter)
        return section.required

    @staticmethod
    def _exported(synpunkt: Synpunkt) -> bool:
        """Written by the user: a proposal counts only once accepted."""
        return synpunkt.written and not pending_only(synpunkt)

    def _section(self, placed: tuple[DraftSection, int]) -> None:
        section, level = placed
        if section.kind == "synpunkter":
            self._synpunkter(section, level)
        elif section.kind == "handlingar":
            self._attachments(section, level)
        else:
            heading = self._heading(section.heading, level)
            self._comment_uses(section.uses, self._text(section.text), heading)
            if self._general_goes_in(section):
                self._general(heading)

    def _synpunkter(self, section: DraftSection, level: int) -> None:
        heading = self._heading(section.heading, level)
        self._comment_uses(section.uses, self._text(section.text), heading)
        if self._general_goes_in(section):
            self._general(heading)
        for synpunkt in (s for s in self.draft.synpunkter if self._exported(s)):
            numbered = synpunkt.number or synpunkt.parent
            title = fill(self.template.synpunkt_heading, {"avsnitt": synpunkt.label, "nummer": synpunkt.number,
                                                          "rubrik": synpunkt.title}) if numbered else synpunkt.label
            sub = self._heading(title, level + 1)
            if synpunkt.ingen_erinran:
                self.document.add_paragraph(fill(self.template.ingen_erinran, self.values))
                continue
            self._comment_uses(synpunkt.uses, self._text(synpunkt.text), sub)

    def _attachments(self, section: DraftSection, level: int) -> None:
        self._heading(section.heading, level)
        for line in (line.strip() for line in section.text.splitlines()):
            if not line:
                continue
            words = line.split(" ", 2)
            if len(words) == 3 and words[0].casefold() == "bilaga" and words[1].isdigit():
                line = f"{words[0]} {words[1]}\t{words[2]}"  # "Bilaga 1" in the hanging indent
            self.document.add_paragraph(line, style=ATTACHMENT)

    def _signatures(self) -> None:
        signers = self.draft.signatures
        if not signers:
            return
        if self.template.signature_intro:
            intro = self.document.add_paragraph(fill(self.template.signature_intro, self.values))
            intro.paragraph_format.keep_with_next = True
            intro.paragraph_format.space_before = Cm(0.6)
        columns = max(2, len(signers))
        table = self.document.add_table(rows=1, cols=columns)
        table.autofit = False
        borderless(table)
        zero_cell_margins(table)
        keep_row_together(table)
        for index in range(columns):
            cell = table.cell(0, index)
            cell.width = table.columns[index].width = Cm(self.text_width.cm / columns)
            if index >= len(signers):
                continue
            person = signers[index]
            cell.paragraphs[0].style = SIGNATURE_NAME
            cell.paragraphs[0].add_run(person.name)
            for line in (person.title, person.unit):
                if line:
                    cell.add_paragraph(line, style=SIGNATURE)

    # --- building blocks ------------------------------------------------------------------------------------

    def _heading(self, text: str, level: int) -> Paragraph:
        return self.document.add_paragraph(text, style=f"Heading {min(level, _MAX_LEVEL)}")

    def _text(self, text: str) -> list[tuple[Block, Paragraph]]:
        """Paragraphs, "List Bullet" items and "List Number" points; each run of points is numbered from 1."""
        written = []
        previous, num_id, counter = "", 0, 0
        for block in split_blocks(text):
            if block.kind == "bullet":
                paragraph = self.document.add_paragraph(block.text, style="List Bullet")
            elif block.kind == "number":
                counter = counter + 1 if previous == "number" else 1
                if counter == 1 and self._number_list is not None:
                    num_id = restart_numbering(self.document, self._number_list)
                paragraph = self.document.add_paragraph(block.text, style="List Number")
                if num_id:
                    set_num_id(paragraph, num_id)
            else:
                paragraph = self.document.add_paragraph(block.text)
            previous = block.kind
            written.append((block, paragraph))
        return written

    def _comment_uses(self, uses: list[SnippetUse], written: list[tuple[Block, Paragraph]], heading: Paragraph) -> None:
        """One comment per reused snippet, on the paragraphs that hold it; a snippet edited since it was inserted is
        found by its words and its comment says "bearbetad från"; one no longer recognisable goes on the heading."""
        if not self.comments:
            return
        for use in uses:
            anchor, edited = locate(use.text, written)
            if not anchor:
                anchor, edited = ([heading] if heading.runs else []), True
            runs = [run for paragraph in anchor for run in paragraph.runs]
            if not runs:
                continue
            self.document.add_comment(runs, text=source_note(use.source, edited=edited), author=COMMENT_AUTHOR,
                                      initials=COMMENT_INITIALS)
            self.comment_count += 1


def source_note(source: Source, *, edited: bool = False) -> str:
    """The comment on a reused snippet: "Återanvänd text – Nacka kommun, Socialnämnden, SOCN 2021/132, 2021-04-27",
    or for one edited since: "Återanvänd text, bearbetad från Nacka kommun, Socialnämnden, …"."""
    facts = ", ".join(part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part)
    facts = facts or "okänd källa"
    lines = [f"Återanvänd text, bearbetad från {facts}" if edited else f"Återanvänd text – {facts}"]
    if source.title:
        lines.append(f"Yttrande över: {source.title}")
    if source.section:
        lines.append(f"Avsnitt: {source.section}")
    return "\n".join(lines)


_WORD = re.compile(r"\w+")
_SHARE = 0.6  # as draft.edit.still_used: a snippet is still there when most of its words are


def locate(text: str, written: list[tuple[Block, Paragraph]]) -> tuple[list[Paragraph], bool]:
    """The paragraphs a snippet's text became, and whether it was edited: an exact run of blocks, else a paragraph
    containing it whole, else the neighbouring paragraphs that hold most of its words ([] when none do)."""
    wanted = [squash(block.text) for block in split_blocks(text)]
    have = [squash(block.text) for block, _ in written]
    paragraphs = [paragraph for _, paragraph in written]
    if not wanted:
        return [], False
    for start in range(len(have) - len(wanted) + 1):
        if have[start : start + len(wanted)] == wanted:
            return [p for p in paragraphs[start : start + len(wanted)] if p.runs], False
    whole = " ".join(wanted)
    for index, line in enumerate(have):
        if whole in line and paragraphs[index].runs:
            return [paragraphs[index]], False
    snippet = set(_words(whole))
    if not snippet:
        return [], False
    shared = [set(_words(line)) & snippet for line in have]
    own = [len(s) / max(1, len(set(_words(line)))) for s, line in zip(shared, have)]
    best = max(range(len(have)), key=lambda i: len(shared[i]), default=None)
    if best is None or not shared[best]:
        return [], False
    low = high = best
    while low > 0 and own[low - 1] >= _SHARE:
        low -= 1
    while high < len(have) - 1 and own[high + 1] >= _SHARE:
        high += 1
    covered = set().union(*shared[low : high + 1])
    if len(covered) / len(snippet) < _SHARE:
        return [], False
    return [p for p in paragraphs[low : high + 1] if p.runs], True


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())
