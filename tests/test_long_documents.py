"""Long documents (issue 14): the structure pass stays linear, and numbered headings are found past chapter 40.
Small generated PDFs here; benchmarks/long_pdfs.py runs the 500- and 2000-page versions."""

from __future__ import annotations

import random
import time

from pdfgen import numbered_pdf, plain_pdf

from remissdraft.remiss import read_remiss
from remissdraft.remiss.lines import Line
from remissdraft.remiss.structure import StructureBuilder
from remissdraft.remiss.toc import read_toc, toc_line_indexes

_WORDS = ["kommunen", "regionen", "ska", "arbeta", "med", "kultur", "under", "perioden", "och", "hur", "arbetet", "följs", "upp", "av", "nämnden", "samt", "planen"]


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


def _toc_seconds(count: int) -> float:
    """Place a table of `count` unnumbered entries (dot leaders) on a document of 40 paragraphs per entry, as a
    long DOCX gives them; the entries' words recur all through the body."""
    rng = random.Random(count)
    titles = [f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} och {rng.choice(_WORDS)} del {k + 1}" for k in range(count)]
    lines = [Line("Innehållsförteckning", paragraph=True)]
    lines += [Line(f"{title} {'.' * 20} {k + 2}", paragraph=True) for k, title in enumerate(titles)]
    for title in titles:
        lines.append(Line(title, paragraph=True, style_level=1))
        lines += [Line(" ".join(rng.choice(_WORDS) for _ in range(30)).capitalize() + ".", paragraph=True) for _ in range(39)]
    toc = toc_line_indexes(lines)
    entries = read_toc(lines, toc)
    for index in toc:
        lines[index] = Line("", paragraph=True)
    builder = StructureBuilder(lines, has_font_cues=True)
    start = time.perf_counter()
    headings = builder.complete_toc_headings(builder.headings_from_toc(entries, max(toc) + 1, min(toc)), entries, min(toc))
    took = time.perf_counter() - start
    assert [h.title for h in headings] == titles
    return took


def test_a_long_table_of_contents_is_placed_in_linear_time():
    # every entry used to be compared with every line: a 40 000-paragraph DOCX with 1 000 entries took 20 s
    small, large = min(_toc_seconds(50) for _ in range(2)), min(_toc_seconds(400) for _ in range(2))
    assert large < 14 * small + 0.2, (small, large)


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
