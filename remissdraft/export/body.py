"""The document body: title, standard sections, synpunkter per remiss section, attachments, signatures, and
a Word comment naming the source of every reused snippet."""

from __future__ import annotations

from docx.shared import Cm
from docx.text.paragraph import Paragraph

from ..draft.placeholders import draft_values, fill
from ..model import Draft, DraftSection, SnippetUse, Source, Template
from .blocks import Block, split_blocks, squash
from .letterhead import header_values
from .oxml import borderless, keep_row_together, numbering_of_style, restart_numbering, set_num_id, zero_cell_margins
from .styles import ADDRESS, ATTACHMENT, LABEL, SIGNATURE, SIGNATURE_NAME

COMMENT_AUTHOR = "remissdraft"
COMMENT_INITIALS = "RD"


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
        self._number_list = numbering_of_style(document, "List Number")

    def write(self) -> None:
        self._address()
        self.document.add_paragraph(self.draft.title, style="Title")
        if self.draft.subtitle:
            self.document.add_paragraph(self.draft.subtitle, style="Subtitle")
        for section in self.draft.sections:
            if section.kind == "synpunkter":
                self._synpunkter(section)
            elif section.kind == "handlingar":
                self._attachments(section)
            elif section.text.strip() or section.required or self._general_goes_in(section):
                heading = self.document.add_paragraph(section.heading, style="Heading 1")
                paragraphs = self._text(section.text)
                self._comment_uses(section.uses, paragraphs, heading)
                if self._general_goes_in(section):
                    self._general(heading)
        self._signatures()

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
            if field.place != "body" or not values[field.key]:
                continue
            lines = values[field.key].splitlines()
            if field.label:
                self.document.add_paragraph(style=ADDRESS).add_run(field.label, style=LABEL)
            for line in lines:
                self.document.add_paragraph(line, style=ADDRESS)
            self.document.paragraphs[-1].paragraph_format.space_after = Cm(1)

    def _synpunkter(self, section: DraftSection) -> None:
        written = [s for s in self.draft.synpunkter if s.written]
        general = self._general_goes_in(section)
        required = section.required and not self.draft.general.text.strip()  # synpunkter i stort elsewhere answer it
        if not written and not section.text.strip() and not required and not general:
            return
        heading = self.document.add_paragraph(section.heading, style="Heading 1")
        self._comment_uses(section.uses, self._text(section.text), None)
        if general:
            self._general(heading)
        for synpunkt in written:
            title = fill(self.template.synpunkt_heading, {"avsnitt": synpunkt.label, "nummer": synpunkt.number,
                                                          "rubrik": synpunkt.title}) if synpunkt.number or synpunkt.parent else synpunkt.label
            heading = self.document.add_paragraph(title, style="Heading 2")
            if synpunkt.ingen_erinran:
                self.document.add_paragraph(fill(self.template.ingen_erinran, self.values))
                continue
            self._comment_uses(synpunkt.uses, self._text(synpunkt.text), heading)

    def _attachments(self, section: DraftSection) -> None:
        lines = [line.strip() for line in section.text.splitlines() if line.strip()]
        if not lines and not section.required:
            return
        self.document.add_paragraph(section.heading, style="Heading 1")
        for line in lines:
            words = line.split(" ", 2)
            if len(words) == 3 and words[0].casefold() == "bilaga" and words[1].isdigit():
                line = f"{words[0]} {words[1]}\t{words[2]}"  # "Bilaga 1" in the hanging indent
            self.document.add_paragraph(line, style=ATTACHMENT)

    def _text(self, text: str) -> list[tuple[Block, Paragraph]]:
        """Paragraphs, "List Bullet" items and "List Number" points; each run of points is numbered from 1."""
        written = []
        previous, num_id, counter = "", None, 0
        for block in split_blocks(text):
            if block.kind == "bullet":
                paragraph = self.document.add_paragraph(block.text, style="List Bullet")
            elif block.kind == "number":
                counter = counter + 1 if previous == "number" else 1
                if self._number_list is None:  # a reference document without list numbering: write the number
                    paragraph = self.document.add_paragraph(f"{counter}. {block.text}")
                else:
                    if counter == 1:
                        num_id = restart_numbering(self.document, self._number_list)
                    paragraph = self.document.add_paragraph(block.text, style="List Number")
                    set_num_id(paragraph, num_id)
            else:
                paragraph = self.document.add_paragraph(block.text)
            previous = block.kind
            written.append((block, paragraph))
        return written

    def _comment_uses(self, uses: list[SnippetUse], written: list[tuple[Block, Paragraph]], fallback: Paragraph | None) -> None:
        """Anchor one comment per reused snippet on the paragraphs holding it (on the heading if edited beyond recognition)."""
        if not self.comments:
            return
        for use in uses:
            anchor = _find(use.text, written) or ([fallback] if fallback is not None and fallback.runs else [])
            runs = [run for paragraph in anchor for run in paragraph.runs]
            if not runs:
                continue
            self.document.add_comment(runs, text=source_note(use.source), author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
            self.comment_count += 1

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


def source_note(source: Source) -> str:
    """The comment on a reused snippet: "Återanvänd text – Nacka kommun, Socialnämnden, SOCN 2021/132, 2021-04-27"."""
    facts = ", ".join(part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part)
    lines = [f"Återanvänd text – {facts or 'okänd källa'}"]
    if source.title:
        lines.append(f"Yttrande över: {source.title}")
    if source.section:
        lines.append(f"Avsnitt: {source.section}")
    return "\n".join(lines)


def _find(text: str, written: list[tuple[Block, Paragraph]]) -> list[Paragraph]:
    """The paragraphs a snippet's text became: an exact run of blocks, else the first paragraph containing it."""
    wanted = [squash(block.text) for block in split_blocks(text)]
    have = [squash(block.text) for block, _ in written]
    if not wanted:
        return []
    for start in range(len(have) - len(wanted) + 1):
        if have[start : start + len(wanted)] == wanted:
            return [paragraph for _, paragraph in written[start : start + len(wanted)] if paragraph.runs]
    for index, line in enumerate(have):
        if wanted[0] in line and written[index][1].runs:
            return [written[index][1]]
    return []
