"""Export to .docx, read back with python-docx: the Nacka tjänsteskrivelse SOCN 2021/132 and the other templates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from remissdraft.draft import (
    insert_snippet,
    load_draft,
    load_template,
    mark_ingen_erinran,
    new_draft,
    save_draft,
    set_text,
)
from remissdraft.errors import ExportError
from remissdraft.export import default_output_name, export_docx
from remissdraft.model import Draft, Person, Profile, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
NACKA = yaml.safe_load((FIXTURES / "export" / "socn_2021_132.yaml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def remiss():
    return read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])


def nacka_profile() -> Profile:
    (chef_name, chef_title, chef_unit), (name, title, unit) = NACKA["signatures"]
    return Profile(name, title, unit, "Socialnämnden", "Nacka kommun", "", Person(chef_name, chef_title, chef_unit))


def nacka_draft(remiss, template: str = "nacka-tjansteskrivelse") -> Draft:
    """A draft from the strategy filled with Nacka's text and positions, as the TUI would fill it."""
    draft = new_draft(remiss, load_template(template), nacka_profile(), dnr=NACKA["source"]["dnr"], datum=date(2021, 4, 22))
    for key, text in NACKA["sections"].items():
        if draft.section(key) is not None and key != "forslag_till_beslut":
            set_text(draft, key, text)
    source = Source(**NACKA["source"])
    for number, (key, text) in enumerate(NACKA["positions"].items()):
        synpunkt = draft.synpunkt(key) or next(s for s in draft.synpunkter if s.title == key)
        insert_snippet(draft, synpunkt.key, Snippet(f"nacka{number}", " ".join(text.split()), source=source))
    mark_ingen_erinran(draft, "6.2")
    return draft


def export(draft: Draft, tmp_path: Path, **options) -> docx.document.Document:
    path = save_draft(draft, tmp_path / "utkast.yaml")
    result = export_docx(load_draft(path), load_template(draft.template), **options)
    assert result.path.parent == tmp_path
    return docx.Document(str(result.path))


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if re.match(r"Title|Subtitle|Heading", p.style.name)]


def header_lines(document) -> list[str]:
    section = document.sections[0]
    return [p.text for p in section.first_page_header.paragraphs if p.text]


def letterhead_rows(document) -> list[list[str]]:
    section = document.sections[0]
    footer = section.first_page_footer if section.different_first_page_header_footer else section.footer
    table = footer.tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def dashes(text: str) -> str:
    """En dashes as hyphens: the seed's PDF text has "2022-2030" where the remiss has "2022–2030"."""
    return text.replace("–", "-")


# --- Nacka, SOCN 2021/132 -----------------------------------------------------------------------------------


@pytest.fixture
def nacka(remiss, tmp_path):
    return export(nacka_draft(remiss), tmp_path)


def test_heading_sequence_matches_socn_2021_132(nacka):
    found = headings(nacka)
    assert found[0][0] == "Title" and dashes(found[0][1]).replace("Remiss - ", "Remiss- ") == NACKA["title"]
    assert found[1] == ("Subtitle", NACKA["subtitle"])
    level_one = [text for style, text in found if style == "Heading 1"]
    original = list(dict.fromkeys(NACKA["template_headings"].get(h, h) for h in NACKA["headings"]))
    assert level_one == original


def test_synpunkter_under_the_remiss_numbering(nacka):
    level_two = [text for style, text in headings(nacka) if style == "Heading 2"]
    assert level_two == [
        "Avsnitt 1 Inledning",
        "Avsnitt 4 Målbild",
        "Avsnitt 5 Strategins angreppssätt",
        "Avsnitt 6.2 Långsiktig ekonomisk uthållighet",
        "Avsnitt 7.1 – Individnivå: Utveckla psykisk hälsa, psykiskt välbefinnande och resiliens",
        "Avsnitt 7.1 – Vardagsmiljö: Utveckla hälsofrämjande miljöer",
        "Avsnitt 7.1 – Närsamhälle: Stärka närsamhällens och bostadsområdens kraft",
        "Avsnitt 7.1 – Styrande nivå: Utveckla hälsofrämjande politik och strategisk resursfördelning inom alla sektorer",
        "Avsnitt 8 Implementering och uppföljning",
    ]  # sections without a synpunkt (1.1, 2, 3 …) are left out


def test_body_text(nacka):
    texts = [p.text for p in nacka.paragraphs]
    forslag = texts[texts.index("Förslag till beslut") + 1]
    assert dashes(forslag) == " ".join(NACKA["sections"]["forslag_till_beslut"].split())
    assert "Socialnämnden har ingen erinran mot avsnittet." in texts
    assert any(t.startswith("Enligt socialtjänstlagen") and "en viktig fråga för socialnämnden. Socialnämnden anser" in t for t in texts)
    assert "{" not in "".join(texts)
    barn = texts.index("Konsekvenser för barn")
    assert texts[barn + 1].startswith("Konsekvenserna av strategins förslag bör bli positiva för barn.")


def test_handlingar_as_a_list(nacka):
    items = [p for p in nacka.paragraphs if p.style.name == "Bilaga"]
    assert [p.text.split("\t")[0] for p in items] == ["Bilaga 1", "Bilaga 2"]
    assert items[1].text == "Bilaga 2\tRemissbrev från Region Stockholm"
    paragraphs = nacka.paragraphs
    assert paragraphs[paragraphs.index(next(p for p in paragraphs if p.text == "Handlingar i ärendet")) + 1].style.name == "Bilaga"


def test_header_matches_socn_2021_132(nacka):
    lines = header_lines(nacka)
    assert lines[0].startswith("Nacka kommun\t" + NACKA["header_lines"][0] + "\t")
    assert lines[1] == "Socialnämnden\t2021-04-22"
    assert lines[2] == "\t" + NACKA["header_lines"][1]
    section = nacka.sections[0]
    later = [p.text for p in section.header.paragraphs if p.text]
    assert later[1:] == lines[1:]  # the same header on later pages
    pages = int(nacka.part.package.part_related_by(RT.EXTENDED_PROPERTIES).blob.split(b"<Pages>")[1].split(b"<")[0])
    assert pages == 3  # the estimate; LibreOffice lays it out on three pages too
    assert lines[0].endswith(f"\t1 ({pages})") and later[0].endswith(f"\t2 ({pages})")  # PAGE (NUMPAGES), cached


def test_page_numbers_are_fields(nacka):
    header = nacka.sections[0].first_page_header._element
    instructions = [t.text.strip() for t in header.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in header.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2


def test_footer_is_the_letterhead_of_socn_2021_132(nacka):
    labels, values = letterhead_rows(nacka)
    assert " ".join(labels).casefold() == NACKA["letterhead_labels"].casefold()
    assert " ".join(values) == NACKA["letterhead_values"]
    section = nacka.sections[0]
    assert section.different_first_page_header_footer
    assert not section.footer.tables and not "".join(p.text for p in section.footer.paragraphs)  # page one only


def test_signatures_as_a_borderless_two_column_table(nacka):
    table = nacka.tables[-1]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [[
        "Helena Lindenius\nEnhetschef\nOmsorgsenheten", "Therese Råckle\nKvalitetsutvecklare\nOmsorgsenheten",
    ]]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    assert len(borders) == 6
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Underskrift namn"


def test_each_reused_snippet_carries_a_comment_naming_its_source(nacka):
    comments = list(nacka.comments)
    assert len(comments) == len(NACKA["positions"])
    for comment in comments:
        assert comment.text.startswith("Återanvänd text – Nacka kommun, Socialnämnden, SOCN 2021/132, 2021-04-27")
        assert comment.author == "remissdraft"
    body = nacka.element.body
    starts = body.findall(".//" + qn("w:commentRangeStart"))
    ends = body.findall(".//" + qn("w:commentRangeEnd"))
    assert len(starts) == len(ends) == len(comments)
    anchored = starts[0].getparent()
    assert "".join(anchored.itertext()).startswith("Enligt socialtjänstlagen")


def test_styles_carry_the_fonts_and_the_swedish_language(nacka):
    styles = nacka.styles
    assert styles["Normal"].font.name == "Times New Roman"
    assert styles["Normal"].font.size.pt == 12
    for name in ("Title", "Heading 1", "Heading 2"):
        assert styles[name].font.name == "Arial"
        assert styles[name].font.bold
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over Arial
    assert styles["List Bullet"].base_style is None or styles["List Bullet"].font.name in (None, "Times New Roman")
    lang = styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    # No direct formatting in the body: runs carry no fonts or sizes of their own.
    for paragraph in nacka.paragraphs:
        for run in paragraph.runs:
            assert run.font.name is None and run.font.size is None and run.font.bold is None


def test_core_properties(nacka):
    properties = nacka.core_properties
    assert properties.title.startswith("Remiss – Strategi för främjande")
    assert properties.subject == "SOCN 2021/132"
    assert properties.author == "Therese Råckle"
    assert properties.language == "sv-SE"


def test_bullets_use_the_list_bullet_style(remiss, tmp_path):
    draft = nacka_draft(remiss)
    set_text(draft, "arendet", new_draft(remiss, load_template(draft.template), nacka_profile()).section("arendet").text)
    document = export(draft, tmp_path)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 5 and bullets[0].startswith("säkerställa att psykisk hälsa prioriteras")
    assert "•" not in "".join(bullets)


# --- options and refusals --------------------------------------------------------------------------------


def test_no_comments_for_the_final_version(remiss, tmp_path):
    document = export(nacka_draft(remiss), tmp_path, comments=False)
    assert len(document.comments) == 0
    assert not document.element.body.findall(".//" + qn("w:commentRangeStart"))


def test_empty_required_sections_are_refused_in_swedish(remiss, tmp_path):
    draft = nacka_draft(remiss)
    set_text(draft, "konsekvenser_for_barn", "  ")
    set_text(draft, "ekonomiska_konsekvenser", "")
    path = save_draft(draft, tmp_path / "utkast.yaml")
    with pytest.raises(ExportError, match="Obligatoriska avsnitt är tomma: Ekonomiska konsekvenser, Konsekvenser för barn"):
        export_docx(load_draft(path), load_template(draft.template))
    assert not list(tmp_path.glob("*.docx"))
    result = export_docx(load_draft(path), load_template(draft.template), force=True)
    assert result.warnings == ["Obligatoriskt avsnitt tomt: Ekonomiska konsekvenser", "Obligatoriskt avsnitt tomt: Konsekvenser för barn"]
    assert "Konsekvenser för barn" in [p.text for p in docx.Document(str(result.path)).paragraphs]


def test_an_existing_file_is_never_overwritten_without_force(remiss, tmp_path):
    draft = nacka_draft(remiss)
    target = tmp_path / "ut.docx"
    target.write_bytes(b"mitt eget dokument")
    with pytest.raises(ExportError, match="finns redan"):
        export_docx(draft, load_template(draft.template), target)
    assert target.read_bytes() == b"mitt eget dokument"
    export_docx(draft, load_template(draft.template), target, force=True)
    assert docx.Document(str(target)).paragraphs
    with pytest.raises(ExportError, match="ska sluta på .docx"):
        export_docx(draft, load_template(draft.template), tmp_path / "ut.pdf")


def test_default_output_name_is_safe_everywhere(remiss):
    draft = nacka_draft(remiss)
    assert default_output_name(draft) == "SOCN-2021-132_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx"
    draft.dnr, draft.title = "KS 2024/1", 'Ändring: "å/ä\\ö" <*?> | Æbleø ' + "x" * 300
    name = default_output_name(draft)
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.docx", name) and len(name) <= 100
    assert name.startswith("KS-2024-1_Andring-a-a-o-AEbleo")
    draft.dnr, draft.title, draft.remiss.title = "", "", ""
    assert default_output_name(draft) == "tjansteskrivelse.docx"
    draft.title = "con"
    assert default_output_name(draft) == "con_.docx"


def test_a_draft_with_placeholders_left_warns(remiss, tmp_path):
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile(), dnr="X 1")
    for key in ("ekonomiska_konsekvenser", "konsekvenser_for_barn"):
        set_text(draft, key, "Inga.")
    mark_ingen_erinran(draft, "1")
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut.docx")
    assert result.warnings == ["Texten har ifyllnadsfält utan värde: {namnd}"]


def test_numbered_points_restart_for_each_list(remiss, tmp_path):
    draft = nacka_draft(remiss)
    set_text(draft, "forslag_till_beslut", "1. Nämnden lämnar synpunkter.\n2. Paragrafen justeras omedelbart.")
    set_text(draft, "konsekvenser_for_barn", "Inledning.\n\n1. Första.\n2. Andra.")
    document = export(draft, tmp_path)
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Nämnden lämnar synpunkter.", "Paragrafen justeras omedelbart.", "Första.", "Andra."]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


# --- the other two templates -------------------------------------------------------------------------------


def test_stockholm_tjansteutlatande(remiss, tmp_path):
    """Region Stockholm's layout (seed lines 2146–2512, 2757–3207): nämnd, enhet and handläggare on the left,
    TJÄNSTEUTLÅTANDE with the dnr and the date on the right, the nämnd as recipient, the motivering's sections at
    level 2, the synpunkter under Överväganden, and "Beslutet ska skickas till" below the signatures."""
    draft = nacka_draft(remiss, "stockholm-tjansteutlatande")
    set_text(draft, "beredning", "Ärendet har beretts i socialförvaltningen.")
    document = export(draft, tmp_path)
    found = headings(document)
    assert [(style, text) for style, text in found if style in ("Heading 1", "Heading 2")] == [
        ("Heading 1", "Ärendebeskrivning"), ("Heading 1", "Beslutsunderlag"), ("Heading 1", "Ärendets beredning"),
        ("Heading 1", "Förslag till beslut"), ("Heading 1", "Förvaltningens motivering till förslaget"),
        ("Heading 2", "Bakgrund"), ("Heading 2", "Överväganden"), ("Heading 2", "Ekonomiska konsekvenser"),
        ("Heading 2", "Beslutet ska skickas till"),
    ]
    assert ("Heading 3", "Avsnitt 5 Strategins angreppssätt") in found
    assert found[0][0] == "Title" and found[1][0] != "Subtitle"  # the seed's title stands alone
    lines = header_lines(document)
    assert lines == ["Socialnämnden\tTJÄNSTEUTLÅTANDE SOCN 2021/132\t1 (3)", "Omsorgsenheten\t2021-04-22", "Therese Råckle"]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Socialnämnden" and document.paragraphs[0].style.name == "Mottagare"
    forslag = texts.index("Förslag till beslut")
    assert texts[forslag + 1] == "Socialnämnden beslutar följande:"
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered[1] == "Ärendet överlämnas till Region Stockholm."
    assert "Förvaltningen har ingen erinran mot avsnittet." in texts
    assert len(document.comments) == len(NACKA["positions"])
    signatures = document.tables[-1]
    assert [cell.text for cell in signatures.rows[0].cells] == ["", "Helena Lindenius\nEnhetschef\nOmsorgsenheten"]
    body = list(document.element.body.iterchildren())
    assert body.index(signatures._tbl) < body.index(next(p._p for p in document.paragraphs if p.text == "Beslutet ska skickas till"))
    assert texts[-1] == "Region Stockholm"
    section = document.sections[0]
    footer = section.first_page_footer if section.different_first_page_header_footer else section.footer
    assert not footer.tables  # the seed shows no letterhead: nothing is made up


def test_yttrande_brev(remiss, tmp_path):
    draft = nacka_draft(remiss, "yttrande-brev")
    set_text(draft, "installning", NACKA["sections"]["sammanfattning"].split("\n\n")[1])
    document = export(draft, tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Till", "Region Stockholm", "registrator.rlk@sll.se"]
    found = headings(document)
    assert found[0] == ("Title", f"Yttrande över {draft.remiss.title} (RS 2020-0457)")
    assert [text for style, text in found if style == "Heading 1"] == ["Sammanfattande inställning", "Synpunkter per avsnitt"]
    assert "Avsnitt 5 Strategins angreppssätt" in [text for style, text in found if style == "Heading 2"]
    lines = header_lines(document)
    assert lines[0].startswith("Nacka kommun\tYTTRANDE\t")
    assert lines[1:] == ["Socialnämnden\tDatum 2021-04-22", "\tDiarienummer SOCN 2021/132", "\tErt diarienummer RS 2020-0457"]
    assert "För socialnämnden" in texts
    table = document.tables[-1]
    assert table.rows[0].cells[0].text == "Helena Lindenius\nEnhetschef\nOmsorgsenheten" and table.rows[0].cells[1].text == ""


# --- comments, placeholders, organisation, text that cannot go into XML -------------------------------------


def test_a_lightly_edited_snippet_is_commented_on_its_paragraph_as_bearbetad(remiss, tmp_path):
    draft = nacka_draft(remiss)
    synpunkt = draft.synpunkt("5")
    edited = synpunkt.text.replace("Socialnämnden är positiva till", "Socialnämnden ställer sig positiv till")
    synpunkt.text = "Inledande mening som nämnden skrivit själv.\n\n" + edited
    document = export(draft, tmp_path)
    comments = {c.comment_id: c for c in document.comments}
    body = document.element.body
    start = next(s for s in body.iter(qn("w:commentRangeStart"))
                 if "".join(s.getparent().itertext()).startswith("Socialnämnden ställer sig positiv till"))
    comment = comments[int(start.get(qn("w:id")))]
    assert comment.text.startswith("Återanvänd text, bearbetad från Nacka kommun, Socialnämnden, SOCN 2021/132, 2021-04-27")
    heading = next(p for p in document.paragraphs if p.text == "Avsnitt 5 Strategins angreppssätt")
    assert not heading._p.findall(qn("w:commentRangeStart"))  # the heading carries no comment
    unedited = [c for c in comments.values() if c.text.startswith("Återanvänd text – ")]
    assert len(unedited) == len(NACKA["positions"]) - 1


def test_placeholders_are_filled_at_export_from_the_current_profile(remiss, tmp_path):
    """A nämnd (and a name, a chef) added to the profile after the draft was made reach the document."""
    from remissdraft.draft import update_profile

    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile(), dnr="SOCN 2021/132")
    for key in ("ekonomiska_konsekvenser", "konsekvenser_for_barn"):
        set_text(draft, key, "Inga.")
    insert_snippet(draft, "5", Snippet("s", "{namnd} är positiva till strategins angreppssätt.",
                                       source=Source("Nacka kommun", "Socialnämnden")))
    assert draft.section("synpunkter").heading == "{namnd}s synpunkter på remissen"
    update_profile(namnd="Socialnämnden", organisation="Nacka kommun", name="Therese Råckle",
                   chef_name="Helena Lindenius", chef_title="Enhetschef")
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut.docx")
    document = docx.Document(str(result.path))
    texts = [p.text for p in document.paragraphs]
    assert "Socialnämndens synpunkter på remissen" in texts
    assert "Socialnämnden är positiva till strategins angreppssätt." in texts
    assert texts[texts.index("Förslag till beslut") + 1].startswith("Socialnämnden lämnar synpunkter över remissen")
    assert not [t for t in texts if "{" in t]
    assert header_lines(document)[1] == "Socialnämnden\t" + draft.datum
    assert document.tables[-1].rows[0].cells[0].text.startswith("Helena Lindenius\nEnhetschef")
    assert result.warnings == []
    assert draft.section("synpunkter").heading == "{namnd}s synpunkter på remissen"  # the draft is not changed


def test_left_over_placeholders_are_found_in_headings_too(remiss, tmp_path):
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile(), dnr="X 1")
    for key in ("ekonomiska_konsekvenser", "konsekvenser_for_barn"):
        set_text(draft, key, "Inga.")
    mark_ingen_erinran(draft, "1")
    draft.section("handlingar").heading = "Handlingar till {mottagare}"
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut.docx", profile=Profile())
    assert "Texten har ifyllnadsfält utan värde: {namnd}, {mottagare}" in result.warnings


def test_a_required_heading_with_an_unknown_namnd_says_how_to_fill_it(remiss, tmp_path):
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile())
    with pytest.raises(ExportError) as caught:
        export_docx(draft, load_template(draft.template), tmp_path / "ut.docx", profile=Profile())
    message = str(caught.value)
    assert message.startswith("Obligatoriska avsnitt är tomma: {namnd}s synpunkter på remissen, Ekonomiska")
    assert "ange den med ”remissdraft profile --namnd …”" in message and "--ignore-required" in message
    with pytest.raises(ExportError, match="^Obligatoriska avsnitt är tomma: Kulturnämndens synpunkter på remissen, "):
        export_docx(draft, load_template(draft.template), tmp_path / "ut.docx", profile=Profile(namnd="Kulturnämnden"))


def test_the_profiles_organisation_is_not_replaced_by_the_templates(remiss, tmp_path):
    profile = Profile("Anna Andersson", "Utredare", "Stab", "Kulturnämnden", "Exempelkommun")
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), profile, dnr="KUN 2024/1")
    assert draft.organisation == "Exempelkommun"
    assert draft.section("sammanfattning").text.startswith("Exempelkommun är remissinstans")
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut.docx", ignore_required=True, profile=profile)
    document = docx.Document(str(result.path))
    assert header_lines(document)[0].startswith("Exempelkommun\tTJÄNSTESKRIVELSE")
    assert "Brevfoten är mallens (Nacka kommun), inte Exempelkommuns – gör en egen mall med ”remissdraft templates add”" \
        in result.warnings
    # A draft made before, with the template's organisation, says so rather than silently keeping it.
    draft.organisation = "Nacka kommun"
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut2.docx", ignore_required=True, profile=profile)
    assert "Utkastet anger organisationen Nacka kommun, din profil Exempelkommun – dokumentet har utkastets" in result.warnings


def test_control_characters_are_cleaned_with_a_warning(remiss, tmp_path):
    profile = nacka_profile()
    profile.name = "Therese\x07 Råckle"
    draft = nacka_draft(remiss)
    draft.author.name = "Therese\x07 Råckle"
    set_text(draft, "konsekvenser_for_barn", "Konsekvenser\x01 för barn\x0bsaknas.\x1b")
    result = export_docx(draft, load_template(draft.template), tmp_path / "ut.docx", profile=profile)
    document = docx.Document(str(result.path))
    texts = [p.text for p in document.paragraphs]
    assert "Konsekvenser för barn saknas." in texts  # the vertical tab became a line break, joined as any other
    assert document.core_properties.author == "Therese Råckle"
    assert result.warnings == [
        "Tecken som inte kan stå i ett Word-dokument (styrtecken) togs bort ur: handläggaren, ”Konsekvenser för barn”"]


def test_the_default_title_has_one_dash():
    from remissdraft.draft.placeholders import fill_title
    from remissdraft.model import Remiss, Section

    remiss = Remiss(title="Folkhälsopolicy – God hälsa och minskade hälsoklyftor i befolkningen", sender="Region Stockholm",
                    sections=[Section("1", "Om policyn", 1)])
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), nacka_profile())
    assert draft.title == "Remiss Folkhälsopolicy – God hälsa och minskade hälsoklyftor i befolkningen"
    assert fill_title("Remiss – {remiss}", {"remiss": "Strategi för psykisk hälsa"}) == "Remiss – Strategi för psykisk hälsa"
    assert fill_title("{remiss} – svar", {"remiss": "A – B"}) == "A – B svar"
    assert fill_title("Yttrande över {remiss} ({ert_dnr})", {"remiss": "A – B", "ert_dnr": "RS 1"}) == "Yttrande över A – B (RS 1)"


def test_filled_draft_is_what_the_user_sees(remiss):
    """The TUI shows headings and texts through filled_draft(draft, profile, template); the draft stays as saved."""
    from remissdraft.draft.placeholders import filled_draft

    template = load_template("nacka-tjansteskrivelse")
    draft = new_draft(remiss, template, Profile())
    shown = filled_draft(draft, nacka_profile(), template)
    assert shown.section("synpunkter").heading == "Socialnämndens synpunkter på remissen"
    assert shown.section("sammanfattning").text.startswith("Nacka kommun är remissinstans")
    assert [p.name for p in shown.signatures] == ["Helena Lindenius", "Therese Råckle"]
    assert shown.namnd == "Socialnämnden" and shown.author.name == "Therese Råckle"
    assert draft.section("synpunkter").heading == "{namnd}s synpunkter på remissen" and draft.namnd == ""
    assert filled_draft(draft).section("synpunkter").heading == "{namnd}s synpunkter på remissen"
