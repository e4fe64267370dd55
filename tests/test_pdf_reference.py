"""The PDF reader calls PDFium directly (remiss/pdfium.py); the reader it replaced, kept in pdf_reference.py, went
through pypdfium2's helpers. Both read every PDF here – the real ones of ../shared/realdocs, the fixtures, the
damaged fixtures and generated long ones – and must give the same lines (text, page, size, bold, position,
gaps), title, outline, warnings and errors, and so the same sections and metadata."""

from __future__ import annotations

from pathlib import Path

import pdf_reference
import pytest
from conftest import FIXTURES, REALDOCS
from pdfgen import numbered_pdf, plain_pdf

from remissdraft.errors import UnreadableFileError
from remissdraft.remiss import pdf, read_document

PDFS = sorted(REALDOCS.glob("*.pdf")) + sorted(FIXTURES.glob("*.pdf")) + sorted((FIXTURES / "damaged").glob("*.pdf"))


def _read(reader, path: Path) -> tuple[object, list[str]]:
    warnings: list[str] = []
    try:
        return reader(path, warnings.append), warnings
    except UnreadableFileError as error:
        return f"UnreadableFileError: {error}", warnings


def _same_reading(path: Path) -> None:
    ours, our_warnings = _read(pdf.read_pdf, path)
    theirs, their_warnings = _read(pdf_reference.read_pdf, path)
    assert our_warnings == their_warnings
    if isinstance(theirs, str):
        assert ours == theirs
        return
    assert not isinstance(ours, str), ours
    assert (ours.title, ours.outline, ours.has_font_cues) == (theirs.title, theirs.outline, theirs.has_font_cues)
    assert len(ours.pages) == len(theirs.pages)
    for number, (mine, reference) in enumerate(zip(ours.pages, theirs.pages)):
        assert mine == reference, f"{path.name}, sidan {number + 1}"
    ours_read, theirs_read = read_document(path, raw=ours), read_document(path, raw=theirs)
    assert (ours_read.sections, ours_read.preamble, ours_read.metadata) == (theirs_read.sections, theirs_read.preamble, theirs_read.metadata)


def test_there_are_pdfs_to_compare():
    assert len([p for p in PDFS if p.parent == FIXTURES]) >= 5


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_the_direct_reader_reads_as_the_pypdfium2_one(path):
    _same_reading(path)


def test_generated_long_pdfs_read_the_same(tmp_path):
    plain, numbered = tmp_path / "plain.pdf", tmp_path / "numbered.pdf"
    plain_pdf(plain, 120)  # past one reopening of the document (every 100 pages)
    numbered_pdf(numbered, 30, 12)
    _same_reading(plain)
    _same_reading(numbered)


def test_a_missing_file_is_an_os_error_as_before(tmp_path):
    with pytest.raises(FileNotFoundError):
        pdf.read_pdf(tmp_path / "saknas.pdf")
    with pytest.raises(FileNotFoundError):
        pdf_reference.read_pdf(tmp_path / "saknas.pdf")


def test_pdfs_read_from_several_threads_at_once_read_as_one_at_a_time():
    """PDFium is not thread-safe: the app reads a remiss in a thread while a command or a worker may read another."""
    from concurrent.futures import ThreadPoolExecutor

    from remissdraft.remiss.pdf import read_pdf

    files = sorted(FIXTURES.glob("*_bold.pdf")) + sorted(FIXTURES.glob("yttrande_*.pdf"))
    alone = [read_pdf(path).pages for path in files]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda path: read_pdf(path).pages, files * 3))
    assert together == alone * 3
