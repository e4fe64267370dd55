"""Header (organisation, nämnd, document label, page "1 (2)", date, Dnr) and footer (the letterhead).

A reference document's own header and footer are kept: fields in them ({dnr}, a content control tagged "Dnr") are
filled, and remissdraft adds only those parts of its header block that the reference's header does not show."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm

from ..draft.placeholders import PLACEHOLDER, draft_values
from ..model import Draft, Template
from .oxml import add_field, borderless, field_instructions, top_rule, zero_cell_margins
from .styles import HEADER_LINE, LABEL, LETTERHEAD, LETTERHEAD_LABEL

# What a content control's tag or title may say, and the value it takes.
_CONTROL_KEYS = {
    "dnr": "dnr", "diarienummer": "dnr", "datum": "datum", "date": "datum", "handläggare": "handlaggare",
    "handlaggare": "handlaggare", "nämnd": "namnd", "namnd": "namnd", "organisation": "organisation",
    "enhet": "enhet", "dokumenttyp": "dokumenttyp", "titel": "titel", "rubrik": "titel", "ertdnr": "ert_dnr",
    "ertdiarienummer": "ert_dnr",
}


def header_values(draft: Draft) -> dict[str, str]:
    """The header fields' values: datum, dnr, ert_dnr, till, handlaggare, enhet, namnd, organisation."""
    remiss = draft.remiss
    till = "\n".join(part for part in (remiss.sender, remiss.reply_to) if part)
    return {
        "datum": draft.datum,
        "dnr": draft.dnr,
        "ert_dnr": remiss.reply_dnr or remiss.dnr,
        "till": till,
        "handlaggare": draft.author.name,
        "enhet": draft.author.unit,
        "namnd": draft.namnd,
        "organisation": draft.organisation,
    }


def field_values(draft: Draft, template: Template) -> dict[str, str]:
    """What a reference's header and footer fields take: every placeholder's value, the label and the title."""
    values = draft_values(draft) | {"dokumenttyp": template.label, "titel": draft.title}
    return {key: value for key, value in values.items() if value}


def write_header(header, draft: Draft, template: Template, *, page: str = "1", pages: str = "1") -> None:
    """Three tab columns: organisation and nämnd | label and fields | page "1 (2)" as PAGE/NUMPAGES fields, whose
    cached results are `page` and `pages`. A reference's header that has fields is the organisation's design: its fields
    are filled and nothing is added; into one without fields (a logo, the organisation's name) goes what it lacks."""
    existing = has_content(header)
    if existing and fill_fields(header._element, field_values(draft, template)):
        return
    rows = _header_rows(draft, template, _shown(header._element) if existing else None)
    if not rows:
        return
    if existing:
        lines = [header.add_paragraph(style=HEADER_LINE) for _ in rows]
    else:
        first = header.paragraphs[0]
        for extra in header.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        for run in list(first.runs):
            run._r.getparent().remove(run._r)
        first.style = HEADER_LINE
        lines = [first] + [header.add_paragraph(style=HEADER_LINE) for _ in rows[1:]]
    for paragraph, row in zip(lines, rows):
        if row.left:
            paragraph.add_run(row.left, style="Strong" if row.bold else None)
        if row.label or row.page:
            paragraph.add_run("\t")
            if row.label:
                paragraph.add_run(row.label, style="Strong")
            if row.page:
                paragraph.add_run("\t")
                add_field(paragraph, "PAGE", page)
                paragraph.add_run(" (")
                add_field(paragraph, "NUMPAGES", pages)
                paragraph.add_run(")")
        elif row.field:
            field_label, value = row.field
            paragraph.add_run("\t")
            if field_label:
                paragraph.add_run(f"{field_label} ", style=LABEL)
            paragraph.add_run(value)
    lines[-1].paragraph_format.space_after = Cm(0.8)


@dataclass
class _Row:
    left: str = ""
    bold: bool = False
    label: str = ""
    page: bool = False
    field: tuple[str, str] | None = None

    def __bool__(self) -> bool:
        return bool(self.left or self.label or self.page or self.field)


def _header_rows(draft: Draft, template: Template, shown: str | None) -> list[_Row]:
    """The header block's lines: the left column (the first in bold), the label and page number on the first line,
    one field a line after it. With `shown` (a reference header's text, casefolded, with "\\x00page" when it has a
    page number field) only what it does not already show, and no empty lines."""
    values = header_values(draft)
    left = [values[key] for key in template.header_left if values.get(key)]
    fields = [(f.label, values[f.key]) for f in template.header_fields if f.place == "header" and values.get(f.key)]

    def missing(text: str) -> bool:
        return shown is None or text.casefold() not in shown

    rows = [_Row() for _ in range(max(len(left), len(fields) + 1, 2))]
    for index, text in enumerate(left):
        if missing(text):
            rows[index].left, rows[index].bold = text, index == 0
    beside = [values[f.key] for f in template.header_fields if f.place == "label" and values.get(f.key)]
    rows[0].label = " ".join(text for text in (template.label, *beside) if missing(text))
    rows[0].page = shown is None or "\x00page" not in shown
    for index, field in enumerate(fields, 1):
        if missing(field[1]):
            rows[index].field = field
    return rows if shown is None else [row for row in rows if row]


def _shown(element) -> str:
    """A header's text, casefolded, with a marker for a page number field."""
    text = "".join(t.text or "" for t in element.iter(qn("w:t"))).casefold()
    if any(code.split()[0].upper() == "PAGE" for code in field_instructions(element) if code.split()):
        text += "\x00page"
    return text


def fill_fields(element, values: dict[str, str]) -> int:
    """Fill a reference's fields: {dnr}-style placeholders, also split over several runs as Word often splits them,
    and content controls whose tag or title names a value ("Dnr", "Datum", "Handläggare"); unknown ones stay.
    Returns how many fields there were, filled or not."""
    count = 0
    for control in element.iter(qn("w:sdt")):
        properties = control.find(qn("w:sdtPr"))
        content = control.find(qn("w:sdtContent"))
        if properties is None or content is None:
            continue
        names = [child.get(qn("w:val")) or "" for child in properties if child.tag in (qn("w:tag"), qn("w:alias"))]
        key = next((_CONTROL_KEYS[k] for k in ("".join(n.casefold().split()) for n in names) if k in _CONTROL_KEYS), None)
        count += key is not None
        texts = list(content.iter(qn("w:t")))
        if key in values and texts:
            _set_texts(texts, values[key])
            for marker in properties.findall(qn("w:showingPlcHdr")):
                properties.remove(marker)
    for paragraph in element.iter(qn("w:p")):
        texts = [t for t in paragraph.iter(qn("w:t")) if _paragraph_of(t) is paragraph]
        whole = "".join(t.text or "" for t in texts)
        if "{" not in whole:
            continue
        for match in reversed(list(PLACEHOLDER.finditer(whole))):
            count += 1
            if match.group(1) in values:
                _replace_span(texts, match.start(), match.end(), values[match.group(1)])
    return count


def _paragraph_of(node):
    parent = node.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


def _set_texts(texts, value: str) -> None:
    texts[0].text = value
    texts[0].set(qn("xml:space"), "preserve")
    for extra in texts[1:]:
        extra.text = ""


def _replace_span(texts, start: int, end: int, value: str) -> None:
    """Replace characters start:end of the runs' joined text with `value`, keeping each run's formatting."""
    offset = 0
    first = True
    for t in texts:
        text = t.text or ""
        low, high = offset, offset + len(text)
        offset = high
        if high <= start or low >= end:
            continue
        before = text[: max(0, start - low)]
        after = text[max(0, end - low):] if end < high else ""
        t.text = before + (value if first else "") + after
        t.set(qn("xml:space"), "preserve")
        first = False


def write_letterhead(footer, template: Template, text_width: Cm, font_points: float = 8.0) -> None:
    """The letterhead as a borderless table under a thin rule: labels above, values below. Lines the template
    leaves without a value (for the organisation to fill in) are not printed."""
    items = [item for item in template.letterhead if item.value.strip()]
    if not items:
        return
    table = footer.add_table(rows=2, cols=len(items), width=text_width)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    borderless(table)
    top_rule(table)
    zero_cell_margins(table)
    # Each column as wide as its longest line at the footer's size (about 0.55 em a character), the rest shared.
    char_cm = font_points * 0.55 * 2.54 / 72
    natural = [max(len(f.label), len(f.value)) * char_cm + 0.3 for f in items]
    weights = _fit(natural, text_width.cm)
    total = sum(weights)
    for column, (item, weight) in enumerate(zip(items, weights)):
        width = Cm(text_width.cm * weight / total)
        table.columns[column].width = width  # w:gridCol, which LibreOffice goes by
        for row, (text, style) in enumerate(((item.label, LETTERHEAD_LABEL), (item.value, LETTERHEAD))):
            cell = table.cell(row, column)
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.style = style
            paragraph.add_run(text)
    # A footer must end with a paragraph; the one python-docx starts with goes after the table, empty.
    first = footer.paragraphs[0]
    first._p.getparent().remove(first._p)
    footer._element.append(first._p)


def _fit(natural: list[float], width: float) -> list[float]:
    """Column widths summing to `width`: spare room shared evenly; when short, only the widest columns give way
    (their lines wrap), so short values such as a phone number stay on one line."""
    spare = width - sum(natural)
    if spare >= 0:
        return [n + spare / len(natural) for n in natural]
    low, high = 0.0, max(natural)
    for _ in range(40):  # the cap C with sum(min(n, C)) == width
        cap = (low + high) / 2
        low, high = (cap, high) if sum(min(n, cap) for n in natural) < width else (low, cap)
    return [min(n, high) for n in natural]


def has_content(part) -> bool:
    """Whether a header or footer holds text, a table or a picture (a logo). One that is linked to the previous
    section's, or that no section defines, has none."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return bool("".join(element.itertext()).strip()) or bool(element.xpath(".//w:drawing|.//w:pict|.//w:tbl"))
