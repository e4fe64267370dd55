"""The remiss readers on fixtures built from the seed: every section, right number/title/level, complete text."""

from __future__ import annotations

import json
import re

import pytest
from conftest import FIXTURES, flat

from remissdraft.cli import main
from remissdraft.remiss import read_remiss

FORMATS = ["{}.txt", "{}_styles.docx", "{}_bold.docx", "{}_styles.pdf", "{}_bold.pdf"]
CASES = [(doc, fmt.format(doc)) for doc in ("strategi", "folkhalsopolicy") for fmt in FORMATS]
CASES.append(("folkhalsopolicy", "folkhalsopolicy_cp1252.txt"))
FURNITURE = re.compile(r"Sida \d+ av \d+|\b\d+ \(\d+\)|Diarienummer|HSN 2020-1[17]\d\d|^Region Stockholm$")


@pytest.fixture(scope="module")
def read():
    cache = {}

    def reader(name: str):
        if name not in cache:
            cache[name] = read_remiss([FIXTURES / name])
        return cache[name]

    return reader


@pytest.mark.parametrize("doc, name", CASES)
def test_every_section_and_nothing_else(doc, name, read, expected_sections):
    found = [(s.number, s.title, s.level) for s in flat(read(name))]
    expected = [(s["number"], s["title"], s["level"]) for s in expected_sections[doc]["sections"]]
    assert found == expected


@pytest.mark.parametrize("doc, name", CASES)
def test_section_text_is_complete(doc, name, read, expected_sections):
    for section, expected in zip(flat(read(name)), expected_sections[doc]["sections"]):
        # footnotes are kept apart from the text (section.footnotes); the expected counts include them
        words = sum(len(p.removeprefix("• ").split()) for p in section.paragraphs + section.footnotes)
        assert abs(words - expected["words"]) <= max(2, 0.05 * expected["words"]), (section.label, words, expected["words"])


@pytest.mark.parametrize("doc, name", CASES)
def test_no_page_furniture_remains(doc, name, read):
    for section in flat(read(name)):
        for paragraph in section.paragraphs:
            assert not FURNITURE.search(paragraph), (section.label, paragraph[:120])


@pytest.mark.parametrize("doc, name", CASES)
def test_metadata(doc, name, read, expected_sections):
    remiss = read(name)
    truth = expected_sections[doc]
    assert remiss.dnr == truth["dnr"]
    assert remiss.title == truth["title"]
    assert remiss.sender == truth["sender"]


@pytest.mark.parametrize("name", ["strategi.txt", "strategi_bold.pdf"])
def test_text_is_reflowed_and_repaired(name, read):
    sections = {s.label: s for s in flat(read(name))}
    syfte = sections["1.1 Syfte"]
    assert "• säkerställa att psykisk hälsa prioriteras och beaktas i alla relevanta beslut om budget och verksamhet inom samtliga nämnder och bolag i Region Stockholm" in syfte.paragraphs
    text = " ".join(s.text for s in sections.values())
    assert "hälso- och sjukvårdsmiljöer" in text  # suspended compound kept
    assert "hälsofrämjande" in text and "hälso-främjande" not in text
    principles = sections["6.1 Vägledande principer"].text
    assert "det vill säga att insatser ska erbjudas" in principles  # a bullet split by a blank line stays one item


def test_remiss_letter_gives_deadline_and_reply_dnr(read):
    letter = read("remissbrev.txt")
    assert letter.deadline.isoformat() == "2021-06-17"
    assert letter.reply_dnr == "RS 2020-0457"
    assert letter.reply_to == "registrator.rlk@sll.se"


@pytest.mark.parametrize("letter", ["remissbrev.txt", "remissbrev.docx"])
def test_remiss_and_letter_merge(letter):
    remiss = read_remiss([FIXTURES / "strategi_bold.pdf", FIXTURES / letter])
    assert remiss.title.startswith("Strategi för främjande av psykisk hälsa")
    assert remiss.dnr == "HSN 2020-1753"
    assert remiss.sender == "Region Stockholm"
    assert remiss.deadline.isoformat() == "2021-06-17"
    assert remiss.reply_dnr == "RS 2020-0457"
    assert len(flat(remiss)) == 19


def test_sections_json_follows_the_contract(capsys):
    assert main(["sections", "--json", str(FIXTURES / "strategi.txt"), str(FIXTURES / "remissbrev.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"title", "dnr", "sender", "deadline", "sections"} <= set(data)
    assert data["deadline"] == "2021-06-17"
    first = data["sections"][0]
    assert set(first) == {"number", "title", "level", "text", "children"}
    assert first["number"] == "1" and first["children"][0]["number"] == "1.1"
    unnumbered = data["sections"][6]["children"][0]["children"]
    assert [s["number"] for s in unnumbered] == ["", "", "", ""]


def test_sections_tree_output(capsys):
    assert main(["sections", str(FIXTURES / "folkhalsopolicy_bold.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Folkhälsopolicy för Region Stockholms arbete" in out
    assert "2.4 Region Stockholm är en samlande kraft i länets folkhälsoarbete" in out


@pytest.mark.parametrize("doc", ["strategi", "folkhalsopolicy"])
def test_styled_pdf_without_bookmarks_uses_font_cues(doc, monkeypatch, expected_sections):
    """The styled PDFs carry bookmarks; without them the headings must come from font size and weight."""
    import remissdraft.remiss.pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "_outline", lambda pdf: [])
    found = [(s.number, s.title, s.level) for s in flat(read_remiss([FIXTURES / f"{doc}_styles.pdf"]))]
    assert found == [(s["number"], s["title"], s["level"]) for s in expected_sections[doc]["sections"]]


def test_markdown_headings_and_bold_lines(tmp_path):
    source = tmp_path / "remiss.md"
    source.write_text(
        "# Regional cykelstrategi\n\nDiarienummer TN 2024-0012\n\n## 1. Bakgrund\n\nCykeln ska bli ett självklart val.\n\n"
        "## 2. Mål\n\n**Delmål för 2030**\n\nAndelen resor med cykel ska fördubblas.\n\n- fler cykelbanor\n- säkra parkeringar\n",
        encoding="utf-8",
    )
    remiss = read_remiss([source])
    assert [(s.number, s.title, s.level) for s in flat(remiss)] == [
        ("1", "Bakgrund", 1), ("2", "Mål", 1), ("", "Delmål för 2030", 2),
    ]
    assert remiss.title == "Regional cykelstrategi"
    assert remiss.dnr == "TN 2024-0012"
    assert flat(remiss)[2].paragraphs == ["Andelen resor med cykel ska fördubblas.", "• fler cykelbanor", "• säkra parkeringar"]


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_title_lines_and_a_placeholder_cover(tmp_path):
    """A plan whose headings are plain title lines (no numbers, no font cues) and whose cover starts with a
    placeholder; ALL-CAPS sub-headings count too. Not table rows, list items or captions."""
    body = "Planen beskriver hur regionen ska arbeta med kultur under perioden och hur arbetet följs upp av nämnden.\n" * 2
    text = (
        "Tillkommer inför slutversion.\n\nKulturplan för Halland 2026–2029\n\nRemissversion\n\f\n"
        f"Inledning\n\n{body}\nSAMMANFATTNING\n\n{body}\n"
        f"Kultur som samhällskraft\n{body}\n"
        "• en punkt i en lista\n• en punkt till\n\nFigur 1. Karta över länet\n\n"
        f"Uppföljning och lärande\n\n{body}"
    )
    remiss = read_remiss([_write(tmp_path, "kulturplan.txt", text)])
    assert [s.title for s in flat(remiss)] == ["Inledning", "SAMMANFATTNING", "Kultur som samhällskraft", "Uppföljning och lärande"]
    assert remiss.title == "Kulturplan för Halland 2026–2029"


def test_table_of_contents_without_dot_leaders(tmp_path):
    body = "Biblioteken ska verka för det demokratiska samhällets utveckling och bidra till kunskapsförmedling.\n" * 2
    text = (
        "Remissutgåva\n\nHallands\n\nbiblioteksplan\n\f\nInnehållsförteckning\n\n"
        "Inledning – Plan för bibliotek i Halland 1\nGemensamma mål formar ett arbetssätt          1\n"
        "Samhällets utmaningar                 3\n\nBilaga 1 - Ordlista                4\n\f\n"
        f"Inledning – Plan för bibliotek i Halland\n\n{body}\nHallands plan – en underrubrik som tabellen inte listar\n{body}\n"
        f"Gemensamma mål formar ett arbetssätt\n{body}\f\nSamhällets utmaningar\n\n{body}\f\nBilaga 1 - Ordlista\n\n{body}"
    )
    remiss = read_remiss([_write(tmp_path, "biblioteksplan.txt", text)])
    assert [s.title for s in flat(remiss)] == [
        "Inledning – Plan för bibliotek i Halland", "Gemensamma mål formar ett arbetssätt", "Samhällets utmaningar", "Bilaga 1 - Ordlista",
    ]
    assert remiss.title == "Hallands biblioteksplan"


def test_an_appendix_heading_a_page_is_no_chapter_s_child(tmp_path):
    """"Bilaga 2" opening a page, named in the text, is an appendix of the whole plan: at the top of the outline,
    not under the numbered chapter before it."""
    def body(topic: str) -> str:
        return f"Planen beskriver hur kommunen ska arbeta med {topic} och hur arbetet följs upp av nämnden varje år.\n"

    text = (
        "Trafikplan för Kungsbacka\n\nSamrådshandling\n\f\n"
        f"1 Inledning\n\n{body('trafiksäkerhet')}\n1.1 Syfte\n\n{body('målen')}\n"
        f"2 Åtgärder\n\n{body('åtgärderna')}Åtgärderna redovisas i bilaga 2.\n\n2.1 Gång och cykel\n\n{body('cykelvägar')}\f\n"
        f"Bilaga 2 – Åtgärdslista\n\n{body('listan')}"
    )
    remiss = read_remiss([_write(tmp_path, "trafikplan.txt", text)])
    assert [s.label for s in remiss.sections] == ["1 Inledning", "2 Åtgärder", "Bilaga 2 – Åtgärdslista"]
    assert [c.label for c in remiss.sections[1].children] == ["2.1 Gång och cykel"]
