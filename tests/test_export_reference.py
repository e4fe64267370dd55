"""A template may name an organisation's own .docx: its styles, header (logo) and footer are reused."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from remissdraft.draft import load_template, mark_ingen_erinran, new_draft, set_text
from remissdraft.errors import ExportError
from remissdraft.export import export_docx
from remissdraft.model import Person, Profile
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"


def _png(width: int = 8, height: int = 4) -> bytes:
    """A small blue PNG, made without an image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x00\x50\xa0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def template_with_reference(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    reference.styles["Normal"].font.size = Pt(11)
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    header = reference.sections[0].header
    header.paragraphs[0].add_run().add_picture(str(logo), width=Cm(3))
    header.add_paragraph("{organisation} – {dnr}")
    reference.sections[0].footer.paragraphs[0].text = "Egen sidfot med kommunens adress"
    reference.add_paragraph("Exempeltext i referensdokumentet som inte ska följa med.")
    reference.save(str(tmp_path / "referens.docx"))
    bundled = load_template("nacka-tjansteskrivelse").path.read_text(encoding="utf-8")
    path = tmp_path / "med-referens.yaml"
    path.write_text(bundled + "\nreference_docx: referens.docx\n", encoding="utf-8")
    return load_template(str(path))


def test_reference_styles_header_and_footer_are_reused(template_with_reference, tmp_path):
    remiss = read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])
    profile = Profile("Therese Råckle", "Kvalitetsutvecklare", "Omsorgsenheten", "Socialnämnden", "Nacka kommun", "",
                      Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"))
    draft = new_draft(remiss, template_with_reference, profile, dnr="SOCN 2021/132", datum=date(2021, 4, 22))
    for key in ("ekonomiska_konsekvenser", "konsekvenser_for_barn"):
        set_text(draft, key, "Inga.")
    mark_ingen_erinran(draft, "4")
    result = export_docx(draft, template_with_reference, tmp_path / "ut.docx")
    document = docx.Document(str(result.path))

    assert document.styles["Normal"].font.name == "Georgia"  # the organisation's fonts, not the template's
    assert document.styles["Normal"].font.size.pt == 11
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"

    header = document.sections[0].header
    assert header._element.findall(".//" + qn("w:drawing"))  # the logo
    lines = [p.text for p in header.paragraphs if p.text]
    assert lines[0] == "Nacka kommun – SOCN 2021/132"
    assert lines[1].startswith("Nacka kommun\tTJÄNSTESKRIVELSE\t")

    footer = document.sections[0].footer
    assert [p.text for p in footer.paragraphs if p.text] == ["Egen sidfot med kommunens adress"]
    assert not footer.tables

    texts = [p.text for p in document.paragraphs]
    assert "Exempeltext i referensdokumentet som inte ska följa med." not in texts
    assert texts[0].startswith("Remiss – Strategi")
    assert "Socialnämnden har ingen erinran mot avsnittet." in texts


def test_an_unreadable_reference_is_a_swedish_error(template_with_reference, tmp_path):
    (tmp_path / "referens.docx").write_bytes(b"inte en docx")
    draft = new_draft(read_remiss([FIXTURES / "strategi.txt"]), template_with_reference, Profile(namnd="N"))
    with pytest.raises(ExportError, match="Referensdokumentet referens.docx kunde inte läsas"):
        export_docx(draft, template_with_reference, tmp_path / "ut.docx", force=True)
