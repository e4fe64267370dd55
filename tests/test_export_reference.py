"""An organisation's own Word file as the export's base: a LibreOffice-made one and a python-docx one with Swedish
style names (tests/fixtures/reference/, built by build_references.py there). Their styles, fonts, margins, header,
footer and logo are kept; each built-in style is defined once; nothing in the header is duplicated."""

from __future__ import annotations

import collections
import io
import shutil
import warnings
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from remissdraft.cli import main
from remissdraft.draft import insert_snippet, load_template, mark_ingen_erinran, new_draft, set_text
from remissdraft.errors import ExportError
from remissdraft.export import export_docx
from remissdraft.export.reference import adopt_styles, open_reference
from remissdraft.model import Person, Profile, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCES = FIXTURES / "reference"
LIBREOFFICE, SWEDISH = "libreoffice.docx", "svenska-stilar.docx"
PROFILE = Profile("Therese Råckle", "Kvalitetsutvecklare", "Omsorgsenheten", "Socialnämnden", "Exempelkommun", "",
                  Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"))
SOURCE = Source("Nacka kommun", "Socialnämnden", "SOCN 2021/132", "2021-04-27")


@pytest.fixture(scope="module")
def remiss():
    return read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])


def template_with(reference: Path, folder: Path):
    """The bundled Nacka template pointing at a copy of `reference`."""
    shutil.copyfile(reference, folder / f"referens{reference.suffix}")
    bundled = load_template("nacka-tjansteskrivelse").path.read_text(encoding="utf-8")
    path = folder / "med-referens.yaml"
    path.write_text(bundled + f"\nreference_docx: referens{reference.suffix}\n", encoding="utf-8")
    return load_template(str(path))


def exported(remiss, template, target: Path) -> docx.document.Document:
    """A draft with text, bullets, numbered points and a reused snippet, exported with python-docx warnings as errors."""
    draft = new_draft(remiss, template, PROFILE, dnr="SOCN 2021/132", datum=date(2021, 4, 22))
    set_text(draft, "ekonomiska_konsekvenser", "Inga.\n\n• en kostnad\n• en annan")
    set_text(draft, "konsekvenser_for_barn", "Två punkter:\n\n1. Första.\n2. Andra.")
    insert_snippet(draft, "5", Snippet("s1", "{namnd} är positiva till strategins angreppssätt.", source=SOURCE))
    mark_ingen_erinran(draft, "4")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export_docx(draft, template, target, profile=PROFILE)
    return docx.Document(str(target))


@pytest.fixture(params=[LIBREOFFICE, SWEDISH])
def case(request, remiss, tmp_path):
    template = template_with(REFERENCES / request.param, tmp_path)
    return request.param, exported(remiss, template, tmp_path / "ut.docx")


def style_elements(document) -> list:
    return document.styles.element.findall(qn("w:style"))


def style_of(document, text: str):
    paragraph = next(p for p in document.paragraphs if p.text == text)
    return document.styles.element.get_by_id(paragraph._p.pPr.pStyle.val)


def numbering_format(document, paragraph) -> str:
    """The number format ("bullet", "decimal") of a list paragraph, through its style's numbering."""
    style = document.styles.element.get_by_id(paragraph._p.pPr.pStyle.val)
    num_id = paragraph._p.pPr.numPr.numId.val if paragraph._p.pPr.numPr is not None else \
        int(style.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0])
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    return numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val')[0]


def header_parts(document) -> list:
    section = document.sections[0]
    parts = [section.header]
    if section.different_first_page_header_footer:
        parts.append(section.first_page_header)
    return parts


def all_text(part) -> str:
    return "".join(t.text or "" for t in part._element.iter(qn("w:t")))


# --- every reference ----------------------------------------------------------------------------------------


def test_each_style_is_defined_once(case):
    _, document = case
    ids = [s.get(qn("w:styleId")) for s in style_elements(document)]
    names = [s.find(qn("w:name")).get(qn("w:val")) for s in style_elements(document)]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    assert [i for i, n in collections.Counter(names).items() if n > 1] == []
    for name in ("heading 1", "heading 2", "Title", "List Bullet", "List Number", "annotation text", "annotation reference"):
        assert names.count(name) == 1
    defined = set(ids)
    for part in (document.part, document.part._comments_part, *header_parts(document)):
        element = part.element if hasattr(part, "element") else part._element
        for tag in ("w:pStyle", "w:rStyle"):
            assert {e.get(qn("w:val")) for e in element.iter(qn(tag))} <= defined


def test_title_and_headings_are_built_in_styles_with_outline_levels(case):
    _, document = case
    for text, style_id, name, level in (("Förslag till beslut", "Heading1", "heading 1", "0"),
                                        ("Avsnitt 5 Strategins angreppssätt", "Heading2", "heading 2", "1")):
        style = style_of(document, text)
        assert (style.get(qn("w:styleId")), style.find(qn("w:name")).get(qn("w:val"))) == (style_id, name)
        assert style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == level
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[0].text.startswith("Remiss – Strategi")


def test_lists_are_real_lists(case):
    _, document = case
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    numbers = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in bullets][-2:] == ["en kostnad", "en annan"]
    assert [p.text for p in numbers] == ["Första.", "Andra."]  # no typed "1."
    assert {numbering_format(document, p) for p in bullets} == {"bullet"}
    assert {numbering_format(document, p) for p in numbers} == {"decimal"}


def test_the_header_says_each_thing_once_and_keeps_the_logo(case):
    _, document = case
    for part in header_parts(document):
        text = all_text(part)
        assert part._element.findall(".//" + qn("w:drawing")), "the logo"
        if "Dnr" in text or "SOCN" in text:
            assert text.count("SOCN 2021/132") == 1 and text.count("2021-04-22") == 1
        assert text.count("TJÄNSTESKRIVELSE") == 1
        assert text.count("Exempelkommun") <= 1
        assert "{" not in text


def test_the_references_footer_is_kept_instead_of_the_letterhead(case):
    _, document = case
    section = document.sections[0]
    footers = [section.footer] + ([section.first_page_footer] if section.different_first_page_header_footer else [])
    for footer in footers:
        assert all_text(footer).startswith("Exempelkommun · Stadshuset, Storgatan 1")
        assert not footer.tables


def test_comments_and_their_styles(case):
    _, document = case
    assert len(document.comments) == 1
    assert document.styles.element.get_by_id("CommentText").find(qn("w:name")).get(qn("w:val")) == "annotation text"
    assert document.styles.element.get_by_id("CommentReference") is not None


def test_the_reference_example_text_is_gone(case):
    _, document = case
    texts = [p.text for p in document.paragraphs]
    assert "Exempeltext som inte ska följa med." not in texts and "Rubrik på tjänsteskrivelsen" not in texts


# --- the LibreOffice file ---------------------------------------------------------------------------------


def test_libreoffice_look_margins_and_header_are_kept(remiss, tmp_path):
    template = template_with(REFERENCES / LIBREOFFICE, tmp_path)
    document = exported(remiss, template, tmp_path / "ut.docx")
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 3.0
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb == docx.shared.RGBColor(0x1F, 0x4E, 0x79) and heading.base_style.font.name == "DejaVu Sans"
    assert document.styles["Normal"].element.get(qn("w:default")) == "1"  # LibreOffice marked no default style
    lines = [p.text for p in section.header.paragraphs]  # the reference's own lines, its NUMPAGES given the estimate
    assert lines == ["\tTJÄNSTESKRIVELSE\t1 (2)", "Exempelkommun\t2021-04-22", "Socialnämnden\tDnr SOCN 2021/132"]
    names = zipfile.ZipFile(tmp_path / "ut.docx").namelist()
    assert names.count("docProps/core.xml") == 1  # LibreOffice's odd relationship type did not make a second one
    assert document.core_properties.title.startswith("Remiss – Strategi")


# --- the python-docx file with Swedish style names ---------------------------------------------------------


def test_swedish_style_names_are_mapped_to_the_built_in_styles():
    document = open_reference(REFERENCES / SWEDISH)
    report = adopt_styles(document)
    assert report.mapped == {"Heading 1": "Rubrik 1", "Heading 2": "Rubrik 2", "List Bullet": "Liste\u00adpunkt"}
    assert sorted(report.merged) == ["List Bullet", "heading 1", "heading 2"]  # python-docx's own, unused
    styles = document.styles
    assert styles["Heading 1"].font.name == "Verdana" and styles["Heading 1"].font.size.pt == 15
    assert styles["Heading 2"].base_style.name == "Heading 1" and styles["Heading 2"].font.italic
    assert styles["Title"].style_id == "Title"  # Swedish Word's id "Rubrik", with every reference following it
    assert document.paragraphs[0].style.name == "Title"


def test_swedish_reference_fields_are_filled_and_the_plain_header_completed(remiss, tmp_path):
    template = template_with(REFERENCES / SWEDISH, tmp_path)
    document = exported(remiss, template, tmp_path / "ut.docx")
    section = document.sections[0]
    assert document.styles["Normal"].font.name == "Georgia" and round(section.left_margin.cm, 1) == 2.2
    first = section.first_page_header._element
    assert "".join(t.text or "" for t in first.iter(qn("w:t"))).replace("\t", "") == \
        "TJÄNSTESKRIVELSEExempelkommunDnr SOCN 2021/1322021-04-22"
    assert not first.findall(".//" + qn("w:showingPlcHdr"))  # the content controls show their value
    later = [p.text for p in section.header.paragraphs if p.text]
    assert later == ["\tExempelkommun", "\tTJÄNSTESKRIVELSE\t2 (2)", "Socialnämnden\t2021-04-22", "\tDnr SOCN 2021/132"]


def test_a_word_template_dotx_is_accepted(remiss, tmp_path):
    data = (REFERENCES / SWEDISH).read_bytes()
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(item, content)
    (tmp_path / "mall.dotx").write_bytes(buffer.getvalue())
    template = template_with(tmp_path / "mall.dotx", tmp_path)
    document = exported(remiss, template, tmp_path / "ut.docx")
    assert document.styles["Heading 1"].font.name == "Verdana"
    content_types = zipfile.ZipFile(tmp_path / "ut.docx").read("[Content_Types].xml")
    assert b"document.main+xml" in content_types and b"template.main+xml" not in content_types


# --- broken references -------------------------------------------------------------------------------------


def _broken(tmp_path: Path, part: str = "word/styles.xml") -> Path:
    source = zipfile.ZipFile(REFERENCES / LIBREOFFICE)
    target = tmp_path / "trasig.docx"
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            content = source.read(item)
            out.writestr(item, content[: len(content) // 2] if item.filename == part else content)
    return target


@pytest.mark.parametrize(("content", "message"), [
    (b"inte en docx", "är skadat eller inte ett Word-dokument"),
    (None, "är skadat: delen word/styles.xml är inte giltig XML"),
])
def test_an_unusable_reference_is_one_swedish_line(remiss, tmp_path, content, message):
    template = template_with(REFERENCES / LIBREOFFICE, tmp_path)
    if content is None:
        shutil.copyfile(_broken(tmp_path), template.reference_docx)
    else:
        template.reference_docx.write_bytes(content)
    draft = new_draft(remiss, template, PROFILE)
    with pytest.raises(ExportError, match=f"Referensdokumentet referens.docx {message}") as caught:
        export_docx(draft, template, tmp_path / "ut.docx", ignore_required=True, profile=PROFILE)
    assert "\n" not in str(caught.value)


def test_cli_export_with_a_broken_reference(remiss, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    template = template_with(REFERENCES / LIBREOFFICE, folder)
    shutil.copyfile(_broken(tmp_path, "word/header1.xml"), template.reference_docx)
    from remissdraft.draft import save_draft

    save_draft(new_draft(remiss, template, PROFILE), tmp_path / "utkast.yaml")
    assert main(["export", "utkast.yaml", "--ignore-required"]) == 1
    err = capsys.readouterr().err
    assert err == "Fel: Referensdokumentet referens.docx är skadat: delen word/header1.xml är inte giltig XML, rad 6\n"


# --- remissdraft templates add -----------------------------------------------------------------------------


def test_templates_add_makes_a_user_template(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["profile", "--organisation", "Exempelkommun", "--namnd", "Socialnämnden", "--name", "T R"]) == 0
    capsys.readouterr()
    assert main(["templates", "add", str(REFERENCES / SWEDISH), "--from", "nacka-tjansteskrivelse",
                 "--name", "Exempelkommun tjänsteskrivelse"]) == 0
    out = capsys.readouterr().out
    folder = tmp_path / "config" / "templates"
    assert f"Mall skapad: {folder / 'exempelkommun-tjansteskrivelse.yaml'}" in out
    assert "Rubrik 1 → Heading 1" in out
    assert (folder / "exempelkommun-tjansteskrivelse.docx").read_bytes() == (REFERENCES / SWEDISH).read_bytes()
    template = load_template("exempelkommun-tjansteskrivelse")
    assert template.organisation == "Exempelkommun" and template.letterhead == []  # the Word file's footer is used
    assert [s.heading for s in template.sections] == [s.heading for s in load_template("nacka-tjansteskrivelse").sections]
    assert template.reference_docx == folder / "exempelkommun-tjansteskrivelse.docx"

    assert main(["templates"]) == 0
    listed = capsys.readouterr().out
    assert "exempelkommun-tjansteskrivelse" in listed and "(egen)" in listed
    assert main(["templates", "--json"]) == 0
    import json

    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["exempelkommun-tjansteskrivelse"]["user"] and not rows["nacka-tjansteskrivelse"]["user"]

    assert main(["templates", "add", str(REFERENCES / SWEDISH), "--from", "nacka-tjansteskrivelse",
                 "--name", "Exempelkommun tjänsteskrivelse"]) == 1
    assert "finns redan" in capsys.readouterr().err

    remiss_files = [str(FIXTURES / "strategi.txt"), str(FIXTURES / "remissbrev.txt")]
    assert main(["new", *remiss_files, "--template", "exempelkommun-tjansteskrivelse", "-o", "u.yaml"]) == 0
    capsys.readouterr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no python-docx warning on the way
        assert main(["export", "u.yaml", "--ignore-required", "-o", "u.docx"]) == 0
    assert "Warning" not in capsys.readouterr().err
    document = docx.Document(str(tmp_path / "u.docx"))
    assert document.styles["Heading 1"].font.name == "Verdana"


def test_templates_add_refuses_a_file_that_is_not_word(tmp_path, capsys):
    (tmp_path / "org.docx").write_bytes(b"PK\x03\x04 trasig")
    assert main(["templates", "add", str(tmp_path / "org.docx"), "--from", "nacka-tjansteskrivelse"]) == 1
    assert capsys.readouterr().err.startswith("Fel: Referensdokumentet org.docx är skadat")
    assert not (tmp_path / "config" / "templates").exists()
    assert main(["templates", "add", str(REFERENCES / SWEDISH), "--from", "finns-inte"]) == 1
    assert "Mallen ”finns-inte” finns inte" in capsys.readouterr().err


def test_a_localised_style_based_on_the_built_in_one_keeps_what_it_inherited(tmp_path):
    """"Rubrik 1" made as a variant of python-docx's "heading 1": folding the two keeps heading 1's size and bold
    and Rubrik 1's colour, and the result is based on what heading 1 was based on (no style based on itself)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    base = document.styles["Heading 1"]
    base.font.size, base.font.bold = Pt(17), True
    rubrik = document.styles.add_style("Rubrik 1", WD_STYLE_TYPE.PARAGRAPH)
    rubrik.base_style = base
    rubrik.font.color.rgb = RGBColor(0x11, 0x22, 0x33)
    document.add_paragraph("Rubrik", style="Rubrik 1")
    document.save(str(tmp_path / "ref.docx"))

    reference = open_reference(tmp_path / "ref.docx")
    assert adopt_styles(reference).mapped == {"Heading 1": "Rubrik 1"}
    heading = reference.styles["Heading 1"]
    assert (heading.font.size.pt, heading.font.bold, heading.font.color.rgb) == (17, True, RGBColor(0x11, 0x22, 0x33))
    assert heading.base_style.name == "Normal" and heading.style_id == "Heading1"
    assert heading.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == "0"
    assert reference.paragraphs[0].style.name == "Heading 1"
    assert len(reference.styles.element.xpath('w:style[w:name/@w:val="heading 1"]')) == 1


@pytest.mark.parametrize(("organisation", "kept"), [("Nacka kommun", True), ("Exempelkommun", False), ("", False)])
def test_a_user_templates_letterhead_is_the_organisations_own(tmp_path, organisation, kept):
    """Without a footer in the Word file the base template's letterhead stays only if it is the user's
    organisation's; otherwise its lines are left for the organisation to fill in, and the file says so."""
    from remissdraft.draft.templates import add_user_template

    docx.Document().save(str(tmp_path / "utan-sidfot.docx"))
    template = add_user_template(tmp_path / "utan-sidfot.docx", "nacka-tjansteskrivelse", "Egen",
                                 organisation=organisation, own_footer=False)
    nacka = load_template("nacka-tjansteskrivelse")
    assert template.id == "egen" and template.organisation == organisation
    assert [f.label for f in template.letterhead] == [f.label for f in nacka.letterhead]
    assert [f.value for f in template.letterhead] == ([f.value for f in nacka.letterhead] if kept else [""] * len(nacka.letterhead))
    text = template.path.read_text(encoding="utf-8")
    assert ("FYLL I: brevfotens värden" in text) is not kept
    assert ("FYLL I: organisationens namn" in text) is (not organisation)


def test_a_reference_with_nothing_but_a_body_still_gets_every_style_and_list(remiss, tmp_path):
    """No styles, numbering, settings, header or footer parts: all are made, and the template's letterhead goes in."""
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            '<w:t>Hej</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
            'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(tmp_path / "minimal.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                         'officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", body)
    template = template_with(tmp_path / "minimal.docx", tmp_path)
    document = exported(remiss, template, tmp_path / "ut.docx")
    numbers = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [numbering_format(document, p) for p in numbers] == ["decimal", "decimal"]
    assert style_of(document, "Förslag till beslut").get(qn("w:styleId")) == "Heading1"
    assert document.sections[0].footer.tables  # the letterhead
    assert document.sections[0].header.paragraphs[0].text.startswith("Exempelkommun\tTJÄNSTESKRIVELSE\t1 (")
