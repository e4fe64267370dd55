"""The readers' common output: lines of text with the layout cues the structure step needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One line of a PDF or text file, or one whole paragraph of a DOCX."""

    text: str
    page: int = 0
    size: float | None = None  # font size in points, when the format knows it
    bold: bool = False  # the whole line is bold
    style_level: int | None = None  # heading level given by the document itself (Word style, outline)
    title_style: bool = False  # the document marks this as its title
    list_item: bool = False  # the document marks this as a list item
    label: str = ""  # a number Word's list numbering puts before the text ("1.1")
    paragraph: bool = False  # already a whole paragraph (DOCX): never joined with neighbours
    gap_before: bool = False  # layout shows extra space above (a paragraph break)
    in_table: bool = False
    top: float | None = None  # distance from the top of the page, 0..1, when known
    indent: float | None = None  # how far in the line starts (PDF: share of the page width; text: spaces)
    footnote: int = 0  # the number of the footnote this line belongs to (0: body text)
    columns: bool = False  # the source line has a wide gap inside it (a table row or a two-column layout)


def median(values: Sequence[float]) -> float:
    """statistics.median, without importing statistics (with fractions, decimal and random: 4 ms of every start)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class Outline:
    """An entry of a document's own outline (PDF bookmarks)."""

    title: str
    level: int
    page: int | None = None


@dataclass
class RawDocument:
    """What a reader hands on: pages of lines, plus what the file says about itself."""

    pages: list[list[Line]]
    title: str = ""  # from the file's properties (PDF Info, DOCX core properties)
    outline: list[Outline] = field(default_factory=list)
    has_font_cues: bool = False
    furniture: list[str] = field(default_factory=list)  # text the format itself keeps apart (Word headers, footers)

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page]
