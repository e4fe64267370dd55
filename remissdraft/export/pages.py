"""How many pages the document will have, estimated from its text and styles without laying it out.

Word and LibreOffice recompute PAGE and NUMPAGES when they open the file; the estimate is the cached result that a
viewer which does not (a previewer, a mail client) shows, and the page count in docProps/app.xml."""

from __future__ import annotations

import math

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

# The average width of a character of running Swedish text, in em, by typeface (the rest: 0.5).
_CHAR_EM = {"times new roman": 0.45, "liberation serif": 0.45, "georgia": 0.5, "garamond": 0.43, "cambria": 0.48,
            "calibri": 0.46, "arial": 0.5, "liberation sans": 0.5, "helvetica": 0.5, "verdana": 0.58,
            "tahoma": 0.52, "dejavu sans": 0.56, "dejavu serif": 0.55, "segoe ui": 0.5}
_LINE_EM = 1.17  # single line spacing, in em


def estimate_pages(document) -> int:
    section = document.sections[-1]
    height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    width = (section.page_width - section.left_margin - section.right_margin) / 12700
    measure = _Measure(document)
    total = 0.0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            total += measure.height(Paragraph(child, document._body), width)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document._body)
            columns = max(1, len(table.columns))
            for row in table.rows:
                total += max((sum(measure.height(p, width / columns) for p in cell.paragraphs) for cell in row.cells),
                             default=0.0)
    return max(1, math.ceil(total / height - 0.05))


class _Measure:
    """Paragraph heights from their styles' properties, each style resolved once."""

    def __init__(self, document):
        self.defaults = _Defaults(document.styles.element)
        self.styles: dict[str, tuple] = {}

    def height(self, paragraph: Paragraph, width: float) -> float:
        ppr = paragraph._p.pPr
        key = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else ""
        if key not in self.styles:
            self.styles[key] = self._resolve(paragraph)
        size, font, before, after, spacing, indent = self.styles[key]
        em = _CHAR_EM.get((font or "").casefold(), 0.5)
        characters = max(8.0, (width - indent) / (size * em))
        lines = sum(max(1, math.ceil(len(line) / characters)) for line in (paragraph.text or " ").split("\n"))
        if isinstance(spacing, float):
            line_height = size * _LINE_EM * spacing
        else:  # an exact or minimum line height
            line_height = max(getattr(spacing, "pt", 0.0), size * _LINE_EM)
        return before + lines * line_height + after

    def _resolve(self, paragraph: Paragraph) -> tuple:
        defaults = self.defaults

        def first(read, fallback):
            value = _style_value(paragraph, read)
            return fallback if value is None else value

        return (
            first(lambda s: s.font.size.pt if s.font.size else None, defaults.size),
            first(lambda s: s.font.name, defaults.font),
            first(lambda s: _pt(s.paragraph_format.space_before), defaults.before),
            first(lambda s: _pt(s.paragraph_format.space_after), defaults.after),
            first(lambda s: s.paragraph_format.line_spacing, defaults.line),
            first(lambda s: _pt(s.paragraph_format.left_indent), 0.0),
        )


class _Defaults:
    """docDefaults: what a paragraph has when neither it nor its styles say."""

    def __init__(self, styles_element):
        ppr = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        rpr = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
        self.before = _twips(spacing, "w:before") / 20
        self.after = _twips(spacing, "w:after") / 20
        line = _twips(spacing, "w:line")
        self.line = line / 240 if line and spacing is not None and (spacing.get(qn("w:lineRule")) or "auto") == "auto" else 1.0
        size = rpr.find(qn("w:sz")) if rpr is not None else None
        self.size = int(size.get(qn("w:val"))) / 2 if size is not None and (size.get(qn("w:val")) or "").isdigit() else 10.0
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        self.font = (fonts.get(qn("w:ascii")) or "") if fonts is not None else ""


def _twips(element, attribute: str) -> float:
    value = element.get(qn(attribute)) if element is not None else None
    try:
        return float(value) if value is not None else 0.0
    except ValueError:
        return 0.0


def _pt(length) -> float | None:
    return None if length is None else length.pt


def _style_value(paragraph: Paragraph, read):
    """A property from the paragraph's style or the styles it is based on (Normal last)."""
    style = paragraph.style
    for _ in range(20):
        if style is None:
            return None
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None
