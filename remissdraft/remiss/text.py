"""Read plain text and Markdown, including text already extracted from a PDF."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableFileError
from .lines import Line, RawDocument

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BOLD_LINE = re.compile(r"^\*\*(.+)\*\*$")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableFileError(f"{name}: filen är inte en textfil")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path) -> RawDocument:
    text = decode(path.read_bytes(), path.name).replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() in {".md", ".markdown"}
    pages = []
    for number, page in enumerate(text.split("\f")):
        pages.append([_line(raw, number, markdown) for raw in page.split("\n")])
    if markdown:
        _mark_title(pages)
    return RawDocument(pages=pages)


def _mark_title(pages: list[list[Line]]) -> None:
    """A Markdown file's single top-level heading is its title, not a section."""
    top = [line for page in pages for line in page if line.style_level == 1]
    if len(top) == 1:
        top[0].style_level, top[0].title_style = None, True


def _line(raw: str, page: int, markdown: bool) -> Line:
    if markdown:
        heading = _MD_HEADING.match(raw.strip())
        if heading:
            return Line(heading.group(2), page=page, style_level=len(heading.group(1)), paragraph=True)
        bold = _MD_BOLD_LINE.match(raw.strip())
        if bold:
            return Line(bold.group(1), page=page, bold=True)
    expanded = raw.expandtabs(4)
    return Line(raw, page=page, indent=float(len(expanded) - len(expanded.lstrip(" "))))
