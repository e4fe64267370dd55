"""The .docx around the text: nothing left over from python-docx's default template that a Word user would notice
(compatibility mode, "Microsoft Macintosh Word" with 0 words, a blank thumbnail, an empty bibliography, a stale
"clean" proof state, "." as decimal symbol, comment styles used but not defined, page fields cached as "1")."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from remissdraft.draft import insert_snippet, load_template, mark_ingen_erinran, new_draft, set_text
from remissdraft.export import export_docx
from remissdraft.export.package import _SETTINGS_ORDER
from remissdraft.model import Person, Profile, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATES = ("nacka-tjansteskrivelse", "stockholm-tjansteutlatande", "yttrande-brev")
PROFILE = Profile("Therese Råckle", "Kvalitetsutvecklare", "Omsorgsenheten", "Socialnämnden", "Nacka kommun", "",
                  Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"))


@pytest.fixture(scope="module")
def remiss():
    return read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])


def export(remiss, template_id: str, target: Path) -> Path:
    template = load_template(template_id)
    draft = new_draft(remiss, template, PROFILE, dnr="SOCN 2021/132", datum=date(2021, 4, 22))
    for section in draft.sections:
        if section.kind == "text" and not section.text:
            set_text(draft, section.key, "Förslaget förväntas inte medföra några konsekvenser. " * 3)
    for number, key in enumerate(("1", "4", "5", "8")):
        insert_snippet(draft, key, Snippet(f"s{number}", "{namnd} ser positivt på avsnittet. " * 12,
                                           source=Source("Nacka kommun", "Socialnämnden", "SOCN 2021/132")))
    mark_ingen_erinran(draft, "6.2")
    return export_docx(draft, template, target, profile=PROFILE).path


@pytest.fixture(scope="module")
def exports(remiss, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    return {name: export(remiss, name, folder / f"{name}.docx") for name in TEMPLATES}


@pytest.fixture
def nacka(exports) -> Path:
    return exports["nacka-tjansteskrivelse"]


def xml(path: Path, part: str):
    return etree.fromstring(zipfile.ZipFile(path).read(part))


def setting(path: Path, tag: str):
    return xml(path, "word/settings.xml").find(qn(tag))


def test_word_opens_it_without_compatibility_mode(nacka):
    compat = setting(nacka, "w:compat")
    modes = [c.get(qn("w:val")) for c in compat if c.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["15"]


def test_spelling_is_checked_and_numbers_are_swedish(nacka):
    assert setting(nacka, "w:proofState") is None  # no stale "clean": Word checks the spelling
    assert setting(nacka, "w:savePreviewPicture") is None
    assert setting(nacka, "w:decimalSymbol").get(qn("w:val")) == ","
    assert setting(nacka, "w:listSeparator").get(qn("w:val")) == ";"
    assert setting(nacka, "w:themeFontLang").get(qn("w:val")) == "sv-SE"


def test_settings_are_in_the_schemas_order(exports):
    order = {qn(tag): index for index, tag in enumerate(_SETTINGS_ORDER)}
    for path in exports.values():
        ranks = [order[child.tag] for child in xml(path, "word/settings.xml") if child.tag in order]
        assert ranks == sorted(ranks)


def test_no_thumbnail_bibliography_or_stale_styles(exports):
    for path in exports.values():
        names = zipfile.ZipFile(path).namelist()
        assert not [n for n in names if "thumbnail" in n or n.startswith("customXml/") or "stylesWithEffects" in n]
        rels = zipfile.ZipFile(path).read("_rels/.rels").decode()
        assert "thumbnail" not in rels


def test_app_properties_describe_this_document(nacka):
    document = docx.Document(str(nacka))
    app = xml(nacka, "docProps/app.xml")
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Application").startswith("remissdraft")
    assert "Microsoft" not in zipfile.ZipFile(nacka).read("docProps/app.xml").decode()
    words = sum(len(p.text.split()) for p in document.paragraphs) + sum(
        len(cell.text.split()) for table in document.tables for row in table.rows for cell in row.cells)
    assert int(app.findtext(f"{ns}Words")) == words > 500
    assert int(app.findtext(f"{ns}Pages")) >= 2
    assert app.findtext(f"{ns}Company") == "Nacka kommun"


def test_comment_styles_are_defined(exports):
    for path in exports.values():
        document = docx.Document(str(path))
        styles = document.styles.element
        assert styles.get_by_id("CommentText").find(qn("w:name")).get(qn("w:val")) == "annotation text"
        assert styles.get_by_id("CommentReference").find(qn("w:name")).get(qn("w:val")) == "annotation reference"
        defined = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
        names = zipfile.ZipFile(path).namelist()
        for part in [n for n in names if re.fullmatch(r"word/(document|comments|header\d+|footer\d+)\.xml", n)]:
            element = xml(path, part)
            used = {e.get(qn("w:val")) for tag in ("w:pStyle", "w:rStyle") for e in element.iter(qn(tag))}
            assert used <= defined, part


def cached(element) -> list[tuple[str, str]]:
    """(instruction, cached result) of each complex field."""
    fields, code, result, state = [], "", "", ""
    for node in element.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                code, result, state = "", "", "code"
            elif kind == "separate":
                state = "result"
            else:
                fields.append((code.strip(), result))
        elif state == "code" and node.tag == qn("w:instrText"):
            code += node.text
        elif state == "result" and node.tag == qn("w:t"):
            result += node.text
    return fields


def test_page_fields_cache_the_page_count_not_1(exports):
    for path in exports.values():
        document = docx.Document(str(path))
        section = document.sections[0]
        pages = xml(path, "docProps/app.xml").findtext(
            "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages")
        assert int(pages) >= 2
        assert cached(section.first_page_header._element) == [("PAGE", "1"), ("NUMPAGES", pages)]
        assert cached(section.header._element) == [("PAGE", "2"), ("NUMPAGES", pages)]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) saknas")
def test_the_page_estimate_matches_libreoffices_layout(exports, tmp_path):
    """Times New Roman and Arial are laid out with LibreOffice's metric-compatible Liberation fonts."""
    for path in exports.values():
        # a profile of its own, so that a LibreOffice already running (a user's, another test's) cannot swallow the call
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                       check=True, capture_output=True, timeout=120)
        pdf = (tmp_path / path.with_suffix(".pdf").name).read_bytes()
        laid_out = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        estimated = int(xml(path, "docProps/app.xml").findtext(
            "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages"))
        assert estimated == laid_out, path.name


def test_each_export_has_its_own_document_id(remiss, tmp_path):
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    ids = {xml(export(remiss, "nacka-tjansteskrivelse", tmp_path / f"{name}.docx"), "word/settings.xml")
           .find(f"{w14}docId").get(f"{w14}val") for name in ("a", "b")}
    assert len(ids) == 2 and "24062061" not in ids  # not python-docx's template's


def test_core_and_package_relationships_are_single(nacka):
    package = docx.Document(str(nacka)).part.package
    types = [rel.reltype for rel in package.rels.values()]
    assert types.count(RT.CORE_PROPERTIES) == 1 and types.count(RT.EXTENDED_PROPERTIES) == 1
