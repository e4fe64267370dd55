"""The few things python-docx has no API for, written as WordprocessingML: fonts without theme, language,
fields (PAGE, NUMPAGES), borderless tables, paragraph borders and restarted numbering."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
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
    numbering = numbering_element(document)
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id[0]}"]/w:abstractNumId/@w:val')
    return int(abstract[0]) if abstract else None


def restart_numbering(document, abstract_id: int) -> int:
    """A new w:num on the same list definition that starts again at 1; returns its numId."""
    numbering = numbering_element(document)
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


def add_list_definition(document, kind: str) -> int:
    """A one-level list definition, "bullet" (•) or "decimal" (1.), with a hanging indent; returns its numId."""
    numbering = numbering_element(document)
    ids = [int(value) for value in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level_type = OxmlElement("w:multiLevelType")
    level_type.set(qn("w:val"), "singleLevel")
    abstract.append(level_type)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", kind), ("w:lvlText", "•" if kind == "bullet" else "%1."),
                       ("w:lvlJc", "left")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "360")
    indent.set(qn("w:hanging"), "360")
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:  # abstract definitions come before every w:num (after any picture bullets)
        pictures = numbering.findall(qn("w:numPicBullet"))
        if pictures:
            pictures[-1].addnext(abstract)
        else:
            numbering.insert(0, abstract)
    return int(numbering.add_num(abstract_id).numId)


def set_style_numbering(style, num_id: int) -> None:
    """Make a paragraph style a list style: its paragraphs are numbered by `num_id`."""
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id


def set_outline_level(style_element, level: int) -> None:
    """The outline level of a paragraph style (0 for Heading 1): Word's navigation pane and tables of contents."""
    ppr = style_element.get_or_add_pPr()
    element = ppr.find(qn("w:outlineLvl"))
    if element is None:
        element = OxmlElement("w:outlineLvl")
        _insert_in_order(ppr, element, _PPR_BEFORE_OUTLINE)
    element.set(qn("w:val"), str(level))


_PPR_BEFORE_OUTLINE = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
                       "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
                       "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                       "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                       "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                       "w:textboxTightWrap")


def field_instructions(element) -> list[str]:
    """The field codes in a part or paragraph, complex and simple: ["PAGE", "NUMPAGES"]."""
    codes = [" ".join(text.split()) for text in (t.text or "" for t in element.iter(qn("w:instrText"))) if text.strip()]
    codes += [" ".join((simple.get(qn("w:instr")) or "").split()) for simple in element.iter(qn("w:fldSimple"))]
    return codes


def set_field_results(element, results: dict[str, str]) -> None:
    """Set the cached result a viewer shows without recomputing, for the fields named in `results` ({"NUMPAGES": "3"})."""
    for simple in element.iter(qn("w:fldSimple")):
        code = (simple.get(qn("w:instr")) or "").split()
        if code and code[0].upper() in results:
            texts = list(simple.iter(qn("w:t")))
            if texts:
                texts[0].text = results[code[0].upper()]
                for extra in texts[1:]:
                    extra.text = ""
    state, code, texts = "", "", []
    for node in element.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                state, code, texts = "code", "", []
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                name = code.split()[0].upper() if code.split() else ""
                if name in results and texts:
                    texts[0].text = results[name]
                    for extra in texts[1:]:
                        extra.text = ""
                state = ""
        elif node.tag == qn("w:instrText") and state == "code":
            code += node.text or ""
        elif node.tag == qn("w:t") and state == "result":
            texts.append(node)


def numbering_element(document):
    """The document's w:numbering, with a numbering part made for a document that has none (python-docx cannot)."""
    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return element
