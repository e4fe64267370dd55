"""Header (organisation, nämnd, document label, page "1 (2)", date, Dnr) and footer (the letterhead)."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from ..draft.placeholders import draft_values, fill
from ..model import Draft, Template
from .oxml import add_field, borderless, top_rule, zero_cell_margins
from .styles import LABEL, LETTERHEAD, LETTERHEAD_LABEL


def header_values(draft: Draft) -> dict[str, str]:
    """The header fields' values: datum, dnr, ert_dnr, till, handlaggare."""
    remiss = draft.remiss
    till = "\n".join(part for part in (remiss.sender, remiss.reply_to) if part)
    return {
        "datum": draft.datum,
        "dnr": draft.dnr,
        "ert_dnr": remiss.reply_dnr or remiss.dnr,
        "till": till,
        "handlaggare": draft.author.name,
    }


def write_header(header, draft: Draft, template: Template, *, keep_existing: bool = False) -> None:
    """Three tab columns: organisation and nämnd | label and fields | page "1 (2)" as PAGE/NUMPAGES fields."""
    values = header_values(draft)
    fields = [(f.label, values[f.key]) for f in template.header_fields if f.place == "header" and values[f.key]]
    left = [draft.organisation or template.organisation, draft.namnd]
    rows = max(2, len(fields) + 1)
    paragraphs = list(header.paragraphs)
    if keep_existing:
        _fill_placeholders(header, draft, template)
        first = header.add_paragraph(style="Header")
    else:
        first = paragraphs[0]
        first.style = "Header"
        for extra in paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        for run in list(first.runs):
            run._r.getparent().remove(run._r)
    lines = [first] + [header.add_paragraph(style="Header") for _ in range(rows - 1)]
    for index, paragraph in enumerate(lines):
        if index < len(left) and left[index]:
            paragraph.add_run(left[index], style="Strong" if index == 0 else None)
        if index == 0:
            paragraph.add_run("\t")
            paragraph.add_run(template.label, style="Strong")
            paragraph.add_run("\t")
            add_field(paragraph, "PAGE")
            paragraph.add_run(" (")
            add_field(paragraph, "NUMPAGES")
            paragraph.add_run(")")
        elif index - 1 < len(fields):
            label, value = fields[index - 1]
            paragraph.add_run("\t")
            if label:
                paragraph.add_run(f"{label} ", style=LABEL)
            paragraph.add_run(value)
    lines[-1].paragraph_format.space_after = Cm(0.8)


def write_letterhead(footer, template: Template, text_width: Cm, font_points: float = 8.0) -> None:
    """The letterhead as a borderless table under a thin rule: labels above, values below."""
    if not template.letterhead:
        return
    table = footer.add_table(rows=2, cols=len(template.letterhead), width=text_width)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    borderless(table)
    top_rule(table)
    zero_cell_margins(table)
    # Each column as wide as its longest line at the footer's size (about 0.55 em a character), the rest shared.
    char_cm = font_points * 0.55 * 2.54 / 72
    natural = [max(len(f.label), len(f.value)) * char_cm + 0.3 for f in template.letterhead]
    weights = _fit(natural, text_width.cm)
    total = sum(weights)
    for column, (item, weight) in enumerate(zip(template.letterhead, weights)):
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


def _fill_placeholders(part, draft: Draft, template: Template) -> None:
    """A reference document's header may say {dnr}, {datum}, {dokumenttyp}: fill them run by run."""
    values = draft_values(draft) | {"dokumenttyp": template.label}
    for paragraph in part.paragraphs:
        for run in paragraph.runs:
            if "{" in run.text:
                run.text = fill(run.text, values)
    for table in part.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        if "{" in run.text:
                            run.text = fill(run.text, values)


def has_content(part) -> bool:
    """Whether a header or footer from a reference document holds text, a table or a picture (a logo)."""
    element = part._element
    return bool("".join(element.itertext()).strip()) or bool(element.xpath(".//w:drawing|.//w:pict|.//w:tbl"))
