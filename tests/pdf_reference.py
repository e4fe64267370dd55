"""The PDF reader as it was before it called PDFium directly: through pypdfium2's helpers, one ctypes object
per call. Kept (not used by the program) so that test_pdf_reference.py can check that the direct reader gives
every line of every PDF the same text, size, weight, position and gap, and the same title and outline."""

from __future__ import annotations

import ctypes
import functools
import math
import statistics
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from remissdraft.errors import UnreadableFileError
from remissdraft.remiss.clean import undo_hyphen_marks
from remissdraft.remiss.lines import Line, Outline, RawDocument

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is a scan without a text layer


_REOPEN_EVERY = 100  # PDFium keeps every parsed page's objects until the document closes
PAGE_LIMIT = 10_000  # an SOU with appendices has about a thousand
_OUTLINE_LIMIT = 10_000
_SHOWN_PAGES = 10  # damaged pages named in the warning


def read_pdf(path: Path, warn: Callable[[str], None] | None = None) -> RawDocument:
    """Page by page: only the lines are kept, and the document is reopened every hundred pages so that a
    thousand-page remiss does not sit in memory twice. A page PDFium cannot load is left empty and named in
    one warning; a PDF with no readable page is damaged."""
    pdf = _open(path)
    try:
        count = len(pdf)
        if count > PAGE_LIMIT:
            raise UnreadableFileError(f"{path.name}: PDF-filen har för många sidor ({count}, högst {PAGE_LIMIT}) och läses inte")
        title, outline = _metadata_title(pdf), _outline(pdf)
        pages: list[list[Line]] = []
        damaged: list[int] = []
        for index in range(count):
            if index and index % _REOPEN_EVERY == 0:
                pdf.close()
                pdf = _open(path)
            lines = _read_page(pdf, index)
            if lines is None:
                damaged.append(index + 1)
            pages.append(lines or [])
    finally:
        pdf.close()
    if damaged and len(damaged) == count:
        raise UnreadableFileError(f"{path.name}: PDF-filen är skadad och kan inte läsas")
    if damaged and warn:
        warn(f"{path.name}: {_pages_phrase(damaged)} kunde inte läsas och hoppas över")
    characters = sum(len(line.text.strip()) for page in pages for line in page)
    if characters < _MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise UnreadableFileError(f"{path.name}: PDF-filen saknar textlager – den behöver OCR-tolkas först")
    return RawDocument(pages=pages, title=title, outline=outline, has_font_cues=True)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableFileError(f"{path.name}: PDF-filen är krypterad eller lösenordsskyddad och kan inte läsas") from None
        raise UnreadableFileError(f"{path.name}: PDF-filen är skadad och kan inte läsas") from None


def _read_page(pdf: pdfium.PdfDocument, index: int) -> list[Line] | None:
    """The lines of one page, or None when PDFium cannot load the page or its text."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return None
    try:
        return _page_lines(page, index)
    except pdfium.PdfiumError:
        return None
    finally:
        page.close()


def _pages_phrase(numbers: list[int]) -> str:
    """"sidan 3", "sidorna 3 och 5", "sidorna 3, 5, 7 … (12 sidor)"."""
    if len(numbers) == 1:
        return f"sidan {numbers[0]}"
    shown = [str(number) for number in numbers[:_SHOWN_PAGES]]
    if len(numbers) > _SHOWN_PAGES:
        return f"sidorna {', '.join(shown)} … ({len(numbers)} sidor)"
    return f"sidorna {', '.join(shown[:-1])} och {shown[-1]}"


def _page_lines(page: pdfium.PdfPage, page_index: int) -> list[Line]:
    height = page.get_height() or 1.0
    width = page.get_width() or 1.0
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        raw = textpage.raw
        lines: list[Line] = []
        baselines: list[float | None] = []
        offset = 0
        for piece in text.split("\n"):
            line_text = piece.rstrip("\r")
            start = offset
            offset += len(piece) + 1
            stripped = line_text.strip()
            if not stripped:
                lines.append(Line("", page=page_index))
                baselines.append(None)
                continue
            first = start + len(line_text) - len(line_text.lstrip())
            last = start + len(line_text.rstrip()) - 1
            middle = first + len(stripped) // 2
            samples = sorted({first, middle if not line_text[middle - start].isspace() else first, last})
            sizes = [_font_size(raw, i) for i in samples]
            left, bottom, top = _char_box(raw, first)
            lines.append(
                Line(
                    undo_hyphen_marks(line_text) if "\ufffe" in line_text else line_text,
                    page=page_index,
                    size=round(max(sizes), 1),
                    bold=all(_is_bold(raw, i) for i in samples),
                    top=(height - top) / height,
                    indent=left / width,
                )
            )
            baselines.append(bottom)
    finally:
        textpage.close()
    _mark_gaps(lines, baselines)
    return lines


def _char_box(raw, index: int) -> tuple[float, float, float]:
    """(left, bottom, top) of a character, in page coordinates."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
    return left.value, bottom.value, top.value


def _font_size(raw, index: int) -> float:
    """The size a character is drawn at. Some producers (Aspose) set every font at 1 pt and scale it with the
    text matrix, so a size of about 1 is multiplied by the matrix's vertical scale."""
    size = pdfium_c.FPDFText_GetFontSize(raw, index)
    if size <= 1.5:
        matrix = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            size *= math.hypot(matrix.c, matrix.d)
    return size


def _is_bold(raw, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600:
        return True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), flags)
    name = buffer.value.decode("latin-1", "replace").lower()
    return any(mark in name for mark in _BOLD_NAMES)


def _mark_gaps(lines: list[Line], baselines: list[float | None]) -> None:
    """Flag lines with more space above them than the page's usual line spacing."""
    steps = []
    previous = None
    for baseline in baselines:
        if baseline is not None and previous is not None and previous > baseline:
            steps.append(previous - baseline)
        if baseline is not None:
            previous = baseline
    if not steps:
        return
    usual = statistics.median(steps)
    previous = None
    for line, baseline in zip(lines, baselines):
        if baseline is None:
            continue
        if previous is not None:
            step = previous - baseline
            line.gap_before = step <= 0 or step > usual * 1.35
        previous = baseline


def _utf16(read: Callable[[ctypes.Array | None, int], int]) -> str:
    """A string PDFium hands out as UTF-16 with a terminating NUL; broken characters become U+FFFD."""
    size = read(None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    read(buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _metadata_title(pdf: pdfium.PdfDocument) -> str:
    return _utf16(lambda buffer, size: pdfium_c.FPDF_GetMetaText(pdf, b"Title\x00", buffer, size)).strip()


def _bookmark_title(item: pdfium.PdfBookmark, buffer: ctypes.Array | None, size: int) -> int:
    return pdfium_c.FPDFBookmark_GetTitle(item, buffer, size)


def _outline(pdf: pdfium.PdfDocument) -> list[Outline]:
    entries = []
    try:
        for item in pdf.get_toc(max_depth=8):
            destination = item.get_dest()
            page = destination.get_index() if destination is not None else None
            title = _utf16(functools.partial(_bookmark_title, item)).strip()
            entries.append(Outline(title=title, level=item.level + 1, page=page))
            if len(entries) >= _OUTLINE_LIMIT:
                break
    except pdfium.PdfiumError:
        return []
    return [entry for entry in entries if entry.title]
