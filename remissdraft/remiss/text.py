"""Read plain text and Markdown, including text already extracted from a PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableFileError
from ..fileio import read_bytes
from .lines import Line, RawDocument

TEXT_LIMIT = 10 * 2**20  # a thousand-page remiss is about 3 MB of text
LINE_LIMIT = 100_000  # characters; a long paragraph on one line is a few thousand
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BOLD_LINE = re.compile(r"^\*\*(.+)\*\*$")
_UTF8_LEADS = bytes(range(0xC2, 0xF5))  # the first byte of every character UTF-8 writes with more than one byte
_REPLACED = "\ufffd"


def decode(data: bytes, name: str, warn: Callable[[str], None] | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Text that is mostly UTF-8 stays UTF-8 with the few bad bytes replaced (and a warning): only a file whose
    non-ASCII bytes are mostly not UTF-8 is a Windows file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:  # an odd number of bytes, or half a surrogate pair
            text = data.decode("utf-16", errors="replace")
            return _warned(text, text.count(_REPLACED), name, warn)
    if b"\x00" in data[:4096]:
        raise UnreadableFileError(f"{name}: filen är inte en textfil")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count(_REPLACED) - data.count(_REPLACED.encode("utf-8"))
    multibyte = len(data) - len(data.translate(None, _UTF8_LEADS))  # valid characters plus some bad bytes
    if multibyte - bad >= 2 * bad:
        return _warned(text, bad, name, warn)
    return data.decode("cp1252", errors="replace")


def _warned(text: str, replaced: int, name: str, warn: Callable[[str], None] | None) -> str:
    if warn:
        what = "ett tecken" if replaced == 1 else f"{replaced} tecken"
        warn(f"{name}: {what} kunde inte avkodas och ersattes med {_REPLACED}")
    return text


def read_text(path: Path, warn: Callable[[str], None] | None = None) -> RawDocument:
    """Pages (form feeds) of lines. A file over TEXT_LIMIT is refused before it is read, one with a line over
    LINE_LIMIT before any line is built."""
    text = decode(read_bytes(path, TEXT_LIMIT, UnreadableFileError), path.name, warn)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() in {".md", ".markdown"}
    raw_pages = [page.split("\n") for page in text.split("\f")]
    if max(len(row) for rows in raw_pages for row in rows) > LINE_LIMIT:
        limit = f"{LINE_LIMIT:,}".replace(",", "\u00a0")
        raise UnreadableFileError(f"{path.name}: en rad är längre än {limit} tecken – det ser inte ut som en vanlig text")
    pages = [[_line(raw, number, markdown) for raw in rows] for number, rows in enumerate(raw_pages)]
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
