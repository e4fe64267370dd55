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
        words = sum(len(p.removeprefix("• ").split()) for p in section.paragraphs)
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
