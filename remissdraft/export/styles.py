"""Word styles carry every font and spacing in the export; the text itself has no direct formatting."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..model import Template
from .oxml import (
    add_list_definition,
    doc_defaults_rpr,
    numbering_of_style,
    remove_paragraph_border,
    set_fonts,
    set_language,
    set_outline_level,
    set_style_numbering,
    set_theme_font_language,
)

BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)

# Custom styles (Swedish names, as a user sees them in Word's style list).
LABEL = "Fältetikett"  # character style: "Dnr", "Datum" in the header
HEADER_LINE = "Sidhuvudrad"  # remissdraft's header lines: the Header style with the three columns' tab stops
LETTERHEAD_LABEL = "Brevfot rubrik"
LETTERHEAD = "Brevfot"
ATTACHMENT = "Bilaga"
SIGNATURE_NAME = "Underskrift namn"
SIGNATURE = "Underskrift"
ADDRESS = "Mottagare"


@dataclass(frozen=True)
class Role:
    """A built-in Word style the export writes with, and the names it goes by in other documents."""

    ui_name: str  # as python-docx takes it: "Heading 1"
    name: str  # as styles.xml names it, which is how Word knows a built-in style: "heading 1"
    style_id: str  # Word's English id: "Heading1"
    kind: str  # "paragraph" or "character"
    aliases: tuple[str, ...] = ()  # Swedish (and Nordic) Word's names, LibreOffice's, other spellings
    outline: int | None = None  # a heading's outline level, 0 for Heading 1


ROLES: tuple[Role, ...] = (
    Role("Normal", "Normal", "Normal", "paragraph", ("Standard",)),
    Role("Title", "Title", "Title", "paragraph", ("Rubrik", "Titel", "Dokumentrubrik")),
    Role("Subtitle", "Subtitle", "Subtitle", "paragraph", ("Underrubrik", "Undertitel")),
    *(Role(f"Heading {n}", f"heading {n}", f"Heading{n}", "paragraph", (f"Rubrik {n}", f"Overskrift {n}"), n - 1)
      for n in range(1, 5)),
    Role("List Bullet", "List Bullet", "ListBullet", "paragraph", ("Punktlista", "Listpunkt", "Listepunkt")),
    Role("List Number", "List Number", "ListNumber", "paragraph", ("Numrerad lista", "Nummerlista", "Listenummer")),
    Role("Header", "header", "Header", "paragraph", ("Sidhuvud", "Sidehoved", "Topptekst")),
    Role("Footer", "footer", "Footer", "paragraph", ("Sidfot", "Sidefod", "Bunntekst")),
    Role("Strong", "Strong", "Strong", "character", ("Stark", "Fet", "Strong Emphasis", "Sterk")),
    Role("annotation text", "annotation text", "CommentText", "paragraph", ("Kommentarstext", "Kommentarer", "Comment Text")),
    Role("annotation reference", "annotation reference", "CommentReference", "character",
         ("Kommentarsreferens", "Comment Reference")),
)


def apply_styles(document, template: Template, text_width: Cm, *, reuse: bool = False) -> list[str]:
    """Make the styles the export uses, each once. With `reuse` (a reference document, its styles already adopted)
    the reference's fonts and spacing are kept and only what it lacks is added; returns the built-in styles added."""
    styles = document.styles
    set_language(doc_defaults_rpr(styles.element))
    set_theme_font_language(document.settings)
    added = [role.ui_name for role in ROLES if _ensure_role(styles, role)]
    set_language(styles["Normal"].element)
    if not reuse:
        _house_style(document, template)
    else:
        _complete(document, added)
    _lists(document)
    _custom_styles(styles, template, text_width, reuse=reuse)
    return added


def _ensure_role(styles, role: Role) -> bool:
    """Add a built-in style the document lacks, under Word's own id and name; True when it was added."""
    if styles.element.get_by_name(role.name) is not None:
        return False
    kind = WD_STYLE_TYPE.PARAGRAPH if role.kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
    element = styles.element.add_style_of_type(role.name, kind, builtin=True)
    element.styleId = role.style_id
    if role.kind == "paragraph" and role.name != "Normal":
        element.basedOn_val = "Normal"
    if role.outline is not None:
        set_outline_level(element, role.outline)
    if role.style_id == "CommentText":
        _size(element, 10)
    elif role.style_id == "CommentReference":
        _size(element, 8)
    return True


def _complete(document, added: list[str]) -> None:
    """Styles a reference lacked: made to fit among its own (a title bigger than its Heading 1, bold headings)."""
    styles = document.styles
    normal_size = _effective_size(styles["Normal"]) or 11
    for name in added:
        style = styles[name]
        if name == "Title":
            style.font.size, style.font.bold = Pt(round(normal_size * 1.6)), True
            style.paragraph_format.space_after = Pt(3)
        elif name == "Subtitle":
            style.font.size = Pt(normal_size + 1)
            style.paragraph_format.space_after = Pt(16)
        elif name.startswith("Heading"):
            level = int(name[-1])
            style.font.bold = True
            style.font.size = Pt(normal_size + max(0, 4 - level))
            style.paragraph_format.space_before = Pt(14 - 2 * level)
            style.paragraph_format.space_after = Pt(3)
            style.paragraph_format.keep_with_next = True
        elif name in ("List Bullet", "List Number"):
            style.paragraph_format.space_after = Pt(3)
        elif name == "Strong":
            style.font.bold = True
        elif name in ("Header", "Footer"):  # the letterhead's columns are sized for small type
            style.font.size = Pt(max(6.5, normal_size - (2 if name == "Header" else 3)))
            style.paragraph_format.space_after = Pt(0)


def _lists(document) -> None:
    """List Bullet and List Number are real lists (a bullet glyph, numbers Word counts), also in a reference whose
    list styles have no numbering of their own."""
    for name, kind in (("List Bullet", "bullet"), ("List Number", "decimal")):
        if numbering_of_style(document, name) is None:
            set_style_numbering(document.styles[name], add_list_definition(document, kind))


def _effective_size(style) -> float | None:
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return None


def _size(element, points: float) -> None:
    rpr = element.get_or_add_rPr()
    for tag in ("w:sz", "w:szCs"):
        child = rpr.find(qn(tag))
        if child is None:
            child = rpr.makeelement(qn(tag), {})
            rpr.append(child)
        child.set(qn("w:val"), str(round(points * 2)))


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


def _custom_styles(styles, template: Template, text_width: Cm, *, reuse: bool) -> None:
    """remissdraft's own styles; one the reference already defines under the same name keeps its look."""

    def custom(name: str, kind: WD_STYLE_TYPE, base: str | None = None):
        style, created = _ensure(styles, name, kind, base)
        return style if created or not reuse else None

    if (line := custom(HEADER_LINE, WD_STYLE_TYPE.PARAGRAPH, "Header")) is not None:
        ours = (Cm(text_width.cm * 0.56), text_width)
        for inherited in styles["Header"].paragraph_format.tab_stops:  # the reference's Header tabs do not apply
            if all(abs(inherited.position - position) > Cm(0.05) for position in ours):
                line.paragraph_format.tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        line.paragraph_format.tab_stops.add_tab_stop(ours[0], WD_TAB_ALIGNMENT.LEFT)
        line.paragraph_format.tab_stops.add_tab_stop(ours[1], WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.space_after = Pt(0)

    strong = styles["Strong"]
    if strong.font.bold is None:
        strong.font.bold = True
    if (label := custom(LABEL, WD_STYLE_TYPE.CHARACTER)) is not None:
        label.font.color.rgb = GREY

    if (footer_label := custom(LETTERHEAD_LABEL, WD_STYLE_TYPE.PARAGRAPH, "Footer")) is not None:
        footer_label.font.color.rgb = GREY
        footer_size = _effective_size(styles["Footer"])
        footer_label.font.size = Pt(max(5.5, footer_size - 1 if footer_size else 6.5))
        footer_label.paragraph_format.space_before = Pt(3)
    custom(LETTERHEAD, WD_STYLE_TYPE.PARAGRAPH, "Footer")

    if (attachment := custom(ATTACHMENT, WD_STYLE_TYPE.PARAGRAPH, "Normal")) is not None:
        attachment.paragraph_format.space_after = Pt(2)
        attachment.paragraph_format.left_indent = Cm(2)
        attachment.paragraph_format.first_line_indent = Cm(-2)
        attachment.paragraph_format.tab_stops.add_tab_stop(Cm(2))

    if (name := custom(SIGNATURE_NAME, WD_STYLE_TYPE.PARAGRAPH, "Normal")) is not None:
        name.paragraph_format.space_before = Pt(30)
        name.paragraph_format.space_after = Pt(0)
        name.paragraph_format.keep_with_next = True
    if (signature := custom(SIGNATURE, WD_STYLE_TYPE.PARAGRAPH, "Normal")) is not None:
        signature.paragraph_format.space_after = Pt(0)
        signature.paragraph_format.keep_with_next = True

    if (address := custom(ADDRESS, WD_STYLE_TYPE.PARAGRAPH, "Normal")) is not None:
        address.paragraph_format.space_after = Pt(0)
        address.paragraph_format.left_indent = Cm(text_width.cm * 0.56)


def _ensure(styles, name: str, kind: WD_STYLE_TYPE, base: str | None = None):
    """The style named `name`, made when missing; and whether it was made."""
    if styles.element.get_by_name(name) is not None:
        return styles[name], False
    style = styles.add_style(name, kind)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        style.base_style = styles[base or "Normal"]
        style.quick_style = True
    return style, True


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
