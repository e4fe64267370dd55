"""The few things python-docx has no API for, written as WordprocessingML: fonts without theme, language,
fields (PAGE, NUMPAGES), borderless tables, paragraph borders and restarted numbering."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr_owner, name: str) -> None:
    """Set one typeface for every script on an element owning a w:rPr (a style, docDefaults), dropping theme fonts,
    which Word would otherwise prefer."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def set_language(rpr_owner, language: str = "sv-SE") -> None:
    """Proofing language on a style or docDefaults: Word checks spelling in Swedish."""
    rpr = rpr_owner.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def doc_defaults_rpr(styles_element):
    """The w:rPr holder of w:docDefaults/w:rPrDefault, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    holder = defaults.find(qn("w:rPrDefault"))
    if holder is None:
        holder = OxmlElement("w:rPrDefault")
        defaults.insert(0, holder)
    return _RprHolder(holder)


class _RprHolder:
    """Gives w:rPrDefault the get_or_add_rPr() a style element has."""

    def __init__(self, element):
        self.element = element

    def get_or_add_rPr(self):
        rpr = self.element.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            self.element.append(rpr)
        return rpr


def remove_paragraph_border(style) -> None:
    ppr = style.element.find(qn("w:pPr"))
    border = ppr.find(qn("w:pBdr")) if ppr is not None else None
    if border is not None:
        ppr.remove(border)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1", style: str | None = None) -> Run:
    """A complex field (PAGE, NUMPAGES …) as Word writes it: begin, instruction, separate, cached result, end."""
    run = paragraph.add_run(style=style)
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("text", placeholder), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")  # Word recomputes on open
        run._r.append(element)
    return run


def borderless(table: Table) -> None:
    """No borders at all on a table (also none inherited from a table style)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_in_order(tbl_pr, borders, ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                                       "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd"))


def zero_cell_margins(table: Table, left_twips: int = 0, right_twips: int = 113) -> None:
    """Cell padding so that a table's text lines up with the body text at the margin."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("left", left_twips), ("right", right_twips)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert_in_order(tbl_pr, margins, ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                                       "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
                                       "w:tblBorders", "w:shd", "w:tblLayout"))


def top_rule(table: Table, color: str = "808080", size_eighths: int = 4) -> None:
    """A thin line above a table (the rule over a letterhead), otherwise borderless."""
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    top = borders.find(qn("w:top"))
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(size_eighths))
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), color)


def keep_row_together(table: Table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        element = OxmlElement("w:cantSplit")
        tr_pr.append(element)


def numbering_of_style(document, style_name: str) -> int | None:
    """The abstract numbering a list style points to, or None (a reference document without list numbering)."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return None
    num_id = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not num_id:
        return None
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id[0]}"]/w:abstractNumId/@w:val')
    return int(abstract[0]) if abstract else None


def restart_numbering(document, abstract_id: int) -> int:
    """A new w:num on the same list definition that starts again at 1; returns its numId."""
    numbering = document.part.numbering_part.element
    num = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def set_num_id(paragraph: Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def set_theme_font_language(settings, language: str = "sv-SE") -> None:
    element = settings.element.find(qn("w:themeFontLang"))
    if element is None:
        element = OxmlElement("w:themeFontLang")
        settings.element.append(element)
    element.set(qn("w:val"), language)


def _insert_in_order(parent, child, predecessors: tuple[str, ...]) -> None:
    """Insert `child` after the last existing element among `predecessors` (the schema's order)."""
    tags = {qn(tag) for tag in predecessors}
    position = 0
    for index, element in enumerate(parent):
        if element.tag in tags:
            position = index + 1
    parent.insert(position, child)
