"""Long documents (issue 14): the structure pass stays linear, and numbered headings are found past chapter 40.
Small generated PDFs here; benchmarks/long_pdfs.py runs the 500- and 2000-page versions."""

from __future__ import annotations

import time

from pdfgen import numbered_pdf, plain_pdf
from remissdraft.remiss import read_remiss
from remissdraft.remiss.lines import Line
from remissdraft.remiss.structure import StructureBuilder


def _reflow_seconds(count: int) -> float:
    lines = [Line(f"ord nummer {n} i ett stycke som aldrig tar slut och fortsätter på nästa rad", page=n // 50) for n in range(count)]
    builder = StructureBuilder(lines, has_font_cues=False)
    start = time.perf_counter()
    paragraphs = builder.reflow(lines)
    assert len(paragraphs) == 1
    return time.perf_counter() - start


def test_a_paragraph_of_many_pages_is_reflowed_in_linear_time():
    # a page-long paragraph used to be re-scanned on every line: 5 000 lines took seconds, 40 000 minutes
    small, large = _reflow_seconds(5_000), _reflow_seconds(40_000)
    assert large < 1.0, large
    assert large < 8 * max(small, 0.01) + 0.2, (small, large)


def test_a_pdf_without_headings_gives_its_text_and_no_sections(tmp_path):
    path = tmp_path / "plain.pdf"
    plain_pdf(path, 30)
    start = time.perf_counter()
    remiss = read_remiss([path])
    assert time.perf_counter() - start < 10
    assert list(remiss.walk()) == []


def test_numbered_headings_past_chapter_forty_are_all_found(tmp_path):
    path = tmp_path / "numbered.pdf"
    headings = numbered_pdf(path, 60, 260)  # chapters 1–52, five headings each
    found = [section.label for section in read_remiss([path]).walk()]
    assert found == headings
