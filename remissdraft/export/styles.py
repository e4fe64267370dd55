"""Word styles carry every font and spacing in the export; the text itself has no direct formatting."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..model import Template
from .oxml import doc_defaults_rpr, remove_paragraph_border, set_fonts, set_language, set_theme_font_language

BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)

# Custom styles (Swedish names, as a user sees them in Word's style list).
LABEL = "Fältetikett"  # character style: "Dnr", "Datum" in the header
LETTERHEAD_LABEL = "Brevfot rubrik"
LETTERHEAD = "Brevfot"
ATTACHMENT = "Bilaga"
SIGNATURE_NAME = "Underskrift namn"
SIGNATURE = "Underskrift"
ADDRESS = "Mottagare"


def apply_styles(document, template: Template, text_width: Cm, *, reuse: bool = False) -> None:
    """Make the styles the export uses; with `reuse` (a reference document) its own fonts are kept."""
    styles = document.styles
    set_language(doc_defaults_rpr(styles.element))
    set_theme_font_language(document.settings)
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number",
                 "Header", "Footer"):
        _ensure(styles, name, WD_STYLE_TYPE.PARAGRAPH)
    set_language(styles["Normal"].element)
    if not reuse:
        _house_style(document, template)
    _custom_styles(styles, template, text_width)


def _house_style(document, template: Template) -> None:
    styles = document.styles
    body, heading, size = template.body_font, template.heading_font, template.font_size
    set_fonts(doc_defaults_rpr(styles.element), body)

    normal = styles["Normal"]
    set_fonts(normal.element, body)
    normal.font.size = Pt(size)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.08
    normal.paragraph_format.widow_control = True

    title = styles["Title"]
    remove_paragraph_border(title)
    _font(title, heading, size + 4, bold=True)
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(2)
    title.paragraph_format.keep_with_next = True
    _contextual_spacing_off(title)

    subtitle = styles["Subtitle"]
    _font(subtitle, heading, size, bold=False, italic=False)
    subtitle.paragraph_format.space_before = Pt(2)
    subtitle.paragraph_format.space_after = Pt(18)

    for name, points, before in (("Heading 1", size + 1, 16), ("Heading 2", size - 0.5, 12), ("Heading 3", size - 1, 10)):
        style = styles[name]
        _font(style, heading, points, bold=True, italic=False)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True

    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(3)

    for name, points in (("Header", size - 3), ("Footer", size - 4.5)):
        style = styles[name]
        set_fonts(style.element, heading)
        style.font.size = Pt(points)
        style.paragraph_format.space_after = Pt(0)


def _custom_styles(styles, template: Template, text_width: Cm) -> None:
    header = styles["Header"]
    header.paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(Cm(text_width.cm * 0.56), WD_TAB_ALIGNMENT.LEFT)
    header.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    strong = _ensure(styles, "Strong", WD_STYLE_TYPE.CHARACTER)
    if strong.font.bold is None:
        strong.font.bold = True
    label = _ensure(styles, LABEL, WD_STYLE_TYPE.CHARACTER)
    label.font.color.rgb = GREY

    footer_label = _ensure(styles, LETTERHEAD_LABEL, WD_STYLE_TYPE.PARAGRAPH, base="Footer")
    footer_label.font.color.rgb = GREY
    footer_size = styles["Footer"].font.size
    footer_label.font.size = Pt(max(5.5, footer_size.pt - 1 if footer_size else 6.5))
    footer_label.paragraph_format.space_before = Pt(3)
    _ensure(styles, LETTERHEAD, WD_STYLE_TYPE.PARAGRAPH, base="Footer")

    attachment = _ensure(styles, ATTACHMENT, WD_STYLE_TYPE.PARAGRAPH, base="Normal")
    attachment.paragraph_format.space_after = Pt(2)
    attachment.paragraph_format.left_indent = Cm(2)
    attachment.paragraph_format.first_line_indent = Cm(-2)
    attachment.paragraph_format.tab_stops.add_tab_stop(Cm(2))

    name = _ensure(styles, SIGNATURE_NAME, WD_STYLE_TYPE.PARAGRAPH, base="Normal")
    name.paragraph_format.space_before = Pt(30)
    name.paragraph_format.space_after = Pt(0)
    name.paragraph_format.keep_with_next = True
    signature = _ensure(styles, SIGNATURE, WD_STYLE_TYPE.PARAGRAPH, base="Normal")
    signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_with_next = True

    address = _ensure(styles, ADDRESS, WD_STYLE_TYPE.PARAGRAPH, base="Normal")
    address.paragraph_format.space_after = Pt(0)
    address.paragraph_format.left_indent = Cm(text_width.cm * 0.56)


def _ensure(styles, name: str, kind: WD_STYLE_TYPE, base: str | None = None):
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = styles[base] if base else (styles["Normal"] if name != "Normal" else None)
            style.quick_style = True
        return style


def _font(style, name: str, points: float, *, bold: bool, italic: bool | None = None) -> None:
    set_fonts(style.element, name)
    style.font.size = Pt(points)
    style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    style.font.color.rgb = BLACK
    style.font.all_caps = False
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _contextual_spacing_off(style) -> None:
    ppr = style.element.find(qn("w:pPr"))
    if ppr is None:
        return
    for element in ppr.findall(qn("w:contextualSpacing")):
        ppr.remove(element)
