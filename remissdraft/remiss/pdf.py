"""Read a PDF's text layer page by page, with font size, boldness and position per line."""

from __future__ import annotations

import ctypes
import functools
import math
import threading
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableFileError
from .clean import undo_hyphen_marks
from .lines import Line, Outline, RawDocument, median
from .pdfium import ERR_PASSWORD, FS_MATRIX, PdfiumError, library

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is a scan without a text layer


_REOPEN_EVERY = 100  # PDFium keeps every parsed page's objects until the document closes
PAGE_LIMIT = 10_000  # an SOU with appendices has about a thousand
_OUTLINE_LIMIT = 10_000
_OUTLINE_DEPTH = 8
_SHOWN_PAGES = 10  # damaged pages named in the warning
_PDFIUM_LOCK = threading.Lock()


class _Document:
    """An open PDFium document (a handle and the library), closed once."""

    def __init__(self, path: Path):
        self.lib = library()
        resolved = Path(str(path)).expanduser().resolve()
        if not resolved.is_file():
            raise FileNotFoundError(resolved)
        handle = self.lib.FPDF_LoadDocument(str(resolved).encode("utf-8", "surrogateescape"), None)
        if handle and self.lib.FPDF_GetPageCount(handle) >= 1:
            self.handle: int | None = handle
            return
        error = self.lib.FPDF_GetLastError()
        if handle:
            self.lib.FPDF_CloseDocument(handle)
        self.handle = None
        raise PdfiumError("password" if error == ERR_PASSWORD else "damaged")

    def __len__(self) -> int:
        return self.lib.FPDF_GetPageCount(self.handle)

    def close(self) -> None:
        if self.handle:
            self.lib.FPDF_CloseDocument(self.handle)
            self.handle = None


def read_pdf(path: Path, warn: Callable[[str], None] | None = None) -> RawDocument:
    """Page by page: only the lines are kept, and the document is reopened every hundred pages so that a
    thousand-page remiss does not sit in memory twice. A page PDFium cannot load is left empty and named in
    one warning; a PDF with no readable page is damaged. One PDF at a time per process: PDFium is not
    thread-safe."""
    with _PDFIUM_LOCK:
        return _read_pdf(path, warn)


def _read_pdf(path: Path, warn: Callable[[str], None] | None) -> RawDocument:
    pdf = _open(path)
    try:
        count = len(pdf)
        if count > PAGE_LIMIT:
            raise UnreadableFileError(f"{path.name}: PDF-filen har för många sidor ({count}, högst {PAGE_LIMIT}) och läses inte")
        title, outline = _metadata_title(pdf), _outline(pdf)
        pages: list[list[Line]] = []
        damaged: list[int] = []
        reader = _PageReader(pdf.lib)
        for index in range(count):
            if index and index % _REOPEN_EVERY == 0:
                pdf.close()
                pdf = _open(path)
            lines = reader.read(pdf, index)
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


def _open(path: Path) -> _Document:
    try:
        return _Document(path)
    except PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableFileError(f"{path.name}: PDF-filen är krypterad eller lösenordsskyddad och kan inte läsas") from None
        raise UnreadableFileError(f"{path.name}: PDF-filen är skadad och kan inte läsas") from None


def _pages_phrase(numbers: list[int]) -> str:
    """"sidan 3", "sidorna 3 och 5", "sidorna 3, 5, 7 … (12 sidor)"."""
    if len(numbers) == 1:
        return f"sidan {numbers[0]}"
    shown = [str(number) for number in numbers[:_SHOWN_PAGES]]
    if len(numbers) > _SHOWN_PAGES:
        return f"sidorna {', '.join(shown)} … ({len(numbers)} sidor)"
    return f"sidorna {', '.join(shown[:-1])} och {shown[-1]}"


class _PageReader:
    """Reads the lines of pages with a few calls per line: the page's whole text in one call, then for each
    line the box of its first character and the font of at most three (first, middle, last). The ctypes
    buffers are made once and reused."""

    def __init__(self, lib: ctypes.CDLL):
        self.lib = lib
        self.box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.box_refs = [ctypes.byref(value) for value in self.box]
        self.matrix = FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.font_name = ctypes.create_string_buffer(128)
        self.font_flags = ctypes.c_int()
        self.font_flags_ref = ctypes.byref(self.font_flags)
        self.bold_names: dict[bytes, bool] = {}  # a font name (as PDFium gives it) says bold or not

    def read(self, pdf: _Document, index: int) -> list[Line] | None:
        """The lines of one page, or None when PDFium cannot load the page or its text."""
        lib = self.lib
        page = lib.FPDF_LoadPage(pdf.handle, index)
        if not page:
            return None
        try:
            height = lib.FPDF_GetPageHeightF(page) or 1.0
            width = lib.FPDF_GetPageWidthF(page) or 1.0
            textpage = lib.FPDFText_LoadPage(page)
            if not textpage:
                return None
            try:
                text = self._text(textpage)
                if text is None:
                    return None
                return self._lines(textpage, text, index, width, height)
            finally:
                lib.FPDFText_ClosePage(textpage)
        finally:
            lib.FPDF_ClosePage(page)

    def _text(self, textpage: int) -> str | None:
        """The page's text as one string (PDFium's text view, as pypdfium2's get_text_range gives it: characters
        PDFium leaves out of the text at either end are left out of the range). None when PDFium fails."""
        lib = self.lib
        count = lib.FPDFText_CountChars(textpage)
        if count == -1:
            return None
        first, last = 0, count - 1
        while first <= last and lib.FPDFText_GetTextIndexFromCharIndex(textpage, first) == -1:
            first += 1
        if first > last:
            return ""
        text_start = lib.FPDFText_GetTextIndexFromCharIndex(textpage, first)
        while first <= last and lib.FPDFText_GetTextIndexFromCharIndex(textpage, last) == -1:
            last -= 1
        if first > last:
            return ""
        size = lib.FPDFText_GetTextIndexFromCharIndex(textpage, last) + 2 - text_start  # with the closing NUL
        buffer = (ctypes.c_ushort * size)()
        written = lib.FPDFText_GetText(textpage, first, last - first + 1, buffer)
        if written > size:
            return None
        return memoryview(buffer)[: written - 1].tobytes().decode("utf-16-le", errors="ignore")

    def _lines(self, textpage: int, text: str, page_index: int, width: float, height: float) -> list[Line]:
        lib = self.lib
        char_box, font_size, is_bold = lib.FPDFText_GetCharBox, self._font_size, self._is_bold
        left, _, bottom, top = self.box
        box_refs = self.box_refs
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
            last = first + len(stripped) - 1
            middle = first + len(stripped) // 2  # first <= middle <= last
            if line_text[middle - start].isspace():
                middle = first
            # the characters looked at, in order, each once: the first, the middle and the last
            samples = (first,) if first == last else (first, last) if middle in (first, last) else (first, middle, last)
            size = font_size(textpage, first)
            for index in samples[1:]:
                other = font_size(textpage, index)
                if other > size:
                    size = other
            bold = True
            for index in samples:
                if not is_bold(textpage, index):
                    bold = False
                    break
            if char_box(textpage, first, *box_refs):
                box_left, box_bottom, box_top = left.value, bottom.value, top.value
            else:
                box_left = box_bottom = box_top = 0.0
            lines.append(
                Line(
                    undo_hyphen_marks(line_text) if "\ufffe" in line_text else line_text,
                    page=page_index,
                    size=round(size, 1),
                    bold=bold,
                    top=(height - box_top) / height,
                    indent=box_left / width,
                )
            )
            baselines.append(box_bottom)
        _mark_gaps(lines, baselines)
        return lines

    def _font_size(self, textpage: int, index: int) -> float:
        """The size a character is drawn at. Some producers (Aspose) set every font at 1 pt and scale it with
        the text matrix, so a size of about 1 is multiplied by the matrix's vertical scale."""
        size: float = self.lib.FPDFText_GetFontSize(textpage, index)
        if size <= 1.5 and self.lib.FPDFText_GetMatrix(textpage, index, self.matrix_ref):
            size *= math.hypot(self.matrix.c, self.matrix.d)
        return size

    def _is_bold(self, textpage: int, index: int) -> bool:
        if self.lib.FPDFText_GetFontWeight(textpage, index) >= 600:
            return True
        buffer = self.font_name
        length = self.lib.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), self.font_flags_ref)
        if not 0 < length <= len(buffer):
            return False  # no font, or a name longer than the buffer (PDFium then writes nothing)
        name = buffer.value
        bold = self.bold_names.get(name)
        if bold is None:
            lowered = name.decode("latin-1", "replace").lower()
            bold = self.bold_names[name] = any(mark in lowered for mark in _BOLD_NAMES)
        return bold


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
    usual = median(steps)
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


def _metadata_title(pdf: _Document) -> str:
    return _utf16(lambda buffer, size: pdf.lib.FPDF_GetMetaText(pdf.handle, b"Title", buffer, size)).strip()


def _bookmarks(pdf: _Document) -> list[tuple[int, int]]:
    """(bookmark, level) in document order, as deep as _OUTLINE_DEPTH levels; a bookmark met again (a cycle)
    ends the walk of its siblings."""
    lib = pdf.lib
    found: list[tuple[int, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, level: int) -> None:
        item = lib.FPDFBookmark_GetFirstChild(pdf.handle, parent)
        while item and len(found) < _OUTLINE_LIMIT:
            if item in seen:
                return
            seen.add(item)
            found.append((item, level))
            if level < _OUTLINE_DEPTH - 1:
                walk(item, level + 1)
            item = lib.FPDFBookmark_GetNextSibling(pdf.handle, item)

    walk(None, 0)
    return found


def _outline(pdf: _Document) -> list[Outline]:
    lib = pdf.lib
    entries = []
    for item, level in _bookmarks(pdf):
        destination = lib.FPDFBookmark_GetDest(pdf.handle, item)
        page = lib.FPDFDest_GetDestPageIndex(pdf.handle, destination) if destination else -1
        title = _utf16(functools.partial(lib.FPDFBookmark_GetTitle, item)).strip()
        entries.append(Outline(title=title, level=level + 1, page=page if page >= 0 else None))
    return [entry for entry in entries if entry.title]
