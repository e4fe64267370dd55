"""Word specifics: list numbering that Word computes, headings made of bold direct formatting, tables."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from remissdraft.remiss import read_remiss

BODY = "Region Stockholm ska arbeta för en god och jämlik hälsa i hela länet och följa upp arbetet varje år."


def _numbering(document) -> None:
    """Add a two-level outline numbering ("1.", "1.1") with numId 90."""
    element = document.part.numbering_part.element
    element.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        "</w:abstractNum>"
    ))
    element.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(paragraph, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def _bold(document, text: str, size: float) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def test_word_numbering_gives_heading_numbers(tmp_path: Path):
    document = docx.Document()
    _numbering(document)
    document.add_paragraph("Folkhälsopolicy för Region Stockholm", style="Title")
    for level, text in [(0, "Om policyn"), (1, "Inledning"), (1, "Syfte"), (0, "Styrande principer"), (1, "Region Stockholm är en samlande kraft")]:
        heading = document.add_paragraph(text, style=f"Heading {level + 1}")
        _numbered(heading, level)
        document.add_paragraph(BODY)
    path = tmp_path / "numrerad.docx"
    document.save(path)

    remiss = read_remiss([path])
    assert [(s.number, s.title, s.level) for s in remiss.walk()] == [
        ("1", "Om policyn", 1), ("1.1", "Inledning", 2), ("1.2", "Syfte", 2),
        ("2", "Styrande principer", 1), ("2.1", "Region Stockholm är en samlande kraft", 2),
    ]
    assert remiss.title == "Folkhälsopolicy för Region Stockholm"


def test_bold_direct_formatting_and_numbered_list_items(tmp_path: Path):
    document = docx.Document()
    _bold(document, "1. Bakgrund", 14)
    document.add_paragraph(BODY)
    document.add_paragraph("Hälso- och sjukvårdsnämnden godkänner förslaget till strategi.", style="List Number")
    document.add_paragraph("Regionstyrelsen överlämnar ärendet till regionfullmäktige.", style="List Number")
    _bold(document, "Sammanfattande bedömning", 11)
    document.add_paragraph(BODY)
    _bold(document, "2. Förslag", 14)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("Område").bold = True
    table.cell(0, 1).text = "Kostnad"
    table.cell(1, 0).text = "3 Hälsa"
    table.cell(1, 1).text = "1 200 kr"
    document.add_paragraph(BODY)
    path = tmp_path / "fet.docx"
    document.save(path)

    sections = list(read_remiss([path]).walk())
    assert [(s.number, s.title, s.level) for s in sections] == [
        ("1", "Bakgrund", 1), ("", "Sammanfattande bedömning", 2), ("2", "Förslag", 1),
    ]
    assert "Hälso- och sjukvårdsnämnden godkänner förslaget till strategi." in sections[0].text
    assert "1 200 kr" in sections[2].text  # table text belongs to the section
