"""Read a Word document: paragraphs in order, with heading styles, bold direct formatting and list numbering."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.exceptions import PythonDocxError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import UnreadableFileError
from ..fileio import check_zip
from .lines import Line, RawDocument

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "rubrik"}
_NUMBER = re.compile(r"\s*-?\d{1,5}\s*")  # Word writes at most five digits (start values up to 32767)
# Unpacked, a 2000-page report is about 10 MB of XML (11 s to read) plus its images; python-docx holds every part
# in memory and parses each XML part whole.
XML_LIMIT = 32 * 2**20
TOTAL_LIMIT = 256 * 2**20
RATIO_LIMIT = 200  # XML packs 5-70 times; a zip bomb a thousand times
# python-docx raises these for values it cannot parse (a size "x", a missing style part, a broken relationship)
_DAMAGED = (PythonDocxError, ValueError, LookupError, TypeError, AttributeError)


def read_docx(path: Path, warn: Callable[[str], None] | None = None) -> RawDocument:
    """Paragraphs in order. A paragraph whose formatting cannot be read keeps its text alone, one that cannot be
    read at all is left out, and a damaged header or footer is skipped; each is counted in one warning."""
    check_zip(path, UnreadableFileError, xml_limit=XML_LIMIT, total_limit=TOTAL_LIMIT, ratio_limit=RATIO_LIMIT)
    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises zip, XML and package errors alike
        raise UnreadableFileError(f"{path.name}: Word-filen är skadad och kan inte läsas") from None
    damage = _Damage()
    numbering = damage.guard(_Numbering, document) or _Numbering(None)
    styles = _Styles()
    lines: list[Line] = []
    for block in _blocks(document):
        if isinstance(block, Table):
            for paragraph in damage.guard(_table_paragraphs, block) or []:
                line = _safe_line(paragraph, numbering, styles, damage)
                if line is not None:
                    line.in_table = True
                    lines.append(line)
        else:
            line = _safe_line(block, numbering, styles, damage)
            if line is not None:
                lines.append(line)
    title = (damage.guard(lambda: document.core_properties.title) or "").strip()
    furniture = damage.guard(_headers_and_footers, document) or []
    if damage.count and warn:
        warn(f"{path.name}: {damage.phrase()} i Word-filen kunde inte läsas helt – texten i övrigt är med")
    return RawDocument(pages=[lines], title=title, has_font_cues=True, furniture=furniture)


class _Damage:
    """Counts the parts of a document that could not be read, for one warning."""

    def __init__(self):
        self.count = 0

    def guard(self, read: Callable, *args):
        try:
            return read(*args)
        except _DAMAGED:
            self.count += 1
            return None

    def phrase(self) -> str:
        return "en del" if self.count == 1 else f"{self.count} delar"


def _table_paragraphs(table: Table) -> list[Paragraph]:
    return [paragraph for row in table.rows for cell in _unique_cells(row) for paragraph in cell.paragraphs]


def _safe_line(paragraph: Paragraph, numbering: _Numbering, styles: _Styles, damage: _Damage) -> Line | None:
    """The paragraph's line; its bare text when the formatting is damaged; None when not even the text reads."""
    line = damage.guard(_paragraph_line, paragraph, numbering, styles)
    if line is not None:
        return line
    try:
        text = paragraph.text.replace("\n", " ").replace("\t", " ")
    except _DAMAGED:  # already counted
        return None
    return Line(text, paragraph=True) if text else None


def _headers_and_footers(document: Document) -> list[str]:
    texts: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                texts += [p.text for p in part.paragraphs if p.text.strip()]
    return list(dict.fromkeys(texts))


def _int(value: str | None, default: int) -> int:
    """A number from the XML, or `default` when it is missing or not a plain small integer ("1e9", ">")."""
    return int(value) if value is not None and _NUMBER.fullmatch(value) else default


def _blocks(document: Document):
    body = document.element.body
    if body is None:
        return
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def _unique_cells(row):
    seen = set()
    for cell in row.cells:  # merged cells repeat
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell


def _paragraph_line(paragraph: Paragraph, numbering: _Numbering, styles: _Styles) -> Line:
    text = paragraph.text.replace("\n", " ").replace("\t", " ")
    style = styles.of(paragraph)
    own = paragraph._p.pPr
    properties = ([own] if own is not None else []) + style.properties
    heading = _HEADING_STYLE.match(style.name)
    level = int(heading.group(1)) if heading else _outline_level(properties)
    label, bullet = numbering.label(properties)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return Line(
        text,
        size=next((run.font.size.pt for run in runs if run.font.size is not None), style.size),
        bold=bool(runs) and all(run.bold if run.bold is not None else style.bold for run in runs),
        style_level=level,
        title_style=style.name.lower() in _TITLE_STYLES,
        list_item=bullet or style.name.lower().startswith(("list bullet", "punktlista")),
        label=label,
        paragraph=True,
    )


@dataclass
class _Style:
    """What a paragraph style says, through the styles it is based on."""

    name: str
    properties: list  # the paragraph properties (w:pPr) of the style and its bases, nearest first
    bold: bool
    size: float | None


class _Styles:
    """Paragraph styles worked out once per style: python-docx looks a style up by scanning them all."""

    def __init__(self):
        self._known: dict[str | None, _Style] = {}

    def of(self, paragraph: Paragraph) -> _Style:
        key = paragraph._p.style  # the style id the paragraph names, None for the default
        if key not in self._known:
            self._known[key] = self._read(paragraph.style)
        return self._known[key]

    @staticmethod
    def _read(style) -> _Style:
        chain = list(_style_chain(style))
        return _Style(
            name=(style.name or "").strip() if style is not None else "",
            properties=[s.element.pPr for s in chain if s.element.pPr is not None],
            bold=next((s.font.bold for s in chain if s.font.bold is not None), False),
            size=next((s.font.size.pt for s in chain if s.font.size is not None), None),
        )


def _style_chain(style):
    """A style and the styles it is based on (a damaged file may make them a circle)."""
    seen: set[str] = set()
    while style is not None and len(seen) < 20 and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def _outline_level(properties: list) -> int | None:
    for element in properties:
        outline = element.find(qn("w:outlineLvl"))
        if outline is not None:
            value = _int(outline.get(qn("w:val")), 9)
            return value + 1 if 0 <= value < 9 else None
    return None


class _Numbering:
    """Computes the labels Word's list numbering shows before paragraphs ("2.1", "a)", bullets)."""

    def __init__(self, document: Document | None):
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if document is None:  # no numbering, or numbering that could not be read
            return
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = (
                    (fmt.get(qn("w:val")) if fmt is not None else None) or "decimal",
                    (text.get(qn("w:val")) if text is not None else None) or "",
                    _int(start.get(qn("w:val")), 1) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self.formats[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]

    def label(self, properties: list) -> tuple[str, bool]:
        """(label, is_bullet) for a paragraph with these properties; ("", False) when it is not numbered."""
        num_id, level = self._num_pr(properties)
        if num_id is None or num_id not in self.formats:
            return "", False
        levels = self.formats[num_id]
        fmt, _, _ = levels.get(level, ("decimal", "", 1))
        if fmt == "bullet":
            return "", True
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, levels.get(level, ("", "", 1))[2] - 1) + 1
        for deeper in [key for key in counts if key > level]:
            del counts[deeper]
        text = levels.get(level, ("decimal", f"%{level + 1}.", 1))[1]

        def value(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            count = counts.get(index, levels.get(index, ("", "", 1))[2])
            return _format_number(count, levels.get(index, ("decimal", "", 1))[0])

        return re.sub(r"%(\d)", value, text).strip(), False

    @staticmethod
    def _num_pr(properties: list) -> tuple[str | None, int]:
        for ppr in properties:
            num_pr = ppr.find(qn("w:numPr"))
            if num_pr is None:
                continue
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            if num_id is None:
                continue
            value = num_id.get(qn("w:val"))
            return (None if value == "0" else value), _int(ilvl.get(qn("w:val")), 0) if ilvl is not None else 0
        return None, 0


def _format_number(count: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (count - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (count - 1) % 26)
    if fmt in {"lowerRoman", "upperRoman"}:
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out = ""
        for value, numeral in numerals:
            while count >= value:
                out += numeral
                count -= value
        return out if fmt == "lowerRoman" else out.upper()
    return str(count)
