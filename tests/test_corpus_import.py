"""Importing earlier yttranden: the same positions from TXT, DOCX and PDF, with provenance, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REALDOCS

from remissdraft.cli import main
from remissdraft.corpus import import_files, load_corpus, read_yttrande
from remissdraft.corpus.importer import summarize, with_placeholder
from remissdraft.model import Source

YTTRANDE = "yttrande_socn_2021_132"
# Each position of Nacka's answer, by the words it must contain, and the topic it is filed under.
POSITIONS = {
    "Individnivå": "samverkan mellan kommun och region på individnivå",
    "Vardagsnivå": "önskar samtidigt förtydligande",
    "Närsamhälle": "öppen för dialog",
    "Styrande nivå": "välkomnar en utökad samverkan",
    "Strategin inkluderar hela livsförloppet": "hela livsförloppet inkluderas",
}
NOT_POSITIONS = ["Helena Lindenius", "Therese Råckle", "Enhetschef", "Postadress", "Granitvägen", "212000-0167",
                 "Bilaga", "TJÄNSTESKRIVELSE", "Dnr SOCN", "Omsorgsenheten"]


@pytest.fixture(scope="module")
def imported() -> dict[str, list]:
    return {fmt: read_yttrande(FIXTURES / f"{YTTRANDE}.{fmt}", Source()) for fmt in ("txt", "docx", "pdf")}


def test_same_snippets_from_every_format(imported):
    texts = {fmt: [(s.text, s.stance, s.topics) for s in snippets] for fmt, snippets in imported.items()}
    assert texts["docx"] == texts["txt"] and texts["pdf"] == texts["txt"]


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_each_position_is_a_snippet(imported, fmt):
    positions = [s for s in imported[fmt] if s.kind == "synpunkt"]
    for topic, words in POSITIONS.items():
        hits = [s for s in positions if words in s.text]
        assert len(hits) == 1, (topic, [s.text for s in positions])
        assert hits[0].topics == [topic]
    assert {s.stance for s in positions} == {"positiv", "kritisk", "fortydligande"}
    vardag = next(s for s in positions if "önskar samtidigt förtydligande" in s.text)
    assert vardag.stance == "fortydligande"


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_no_letterhead_signature_or_attachment_is_a_snippet(imported, fmt):
    for snippet in imported[fmt]:
        for word in NOT_POSITIONS:
            assert word not in snippet.text, (word, snippet.text)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_provenance_from_the_document(imported, fmt):
    source = imported[fmt][0].source
    assert (source.organisation, source.namnd, source.dnr) == ("Nacka kommun", "Socialnämnden", "SOCN 2021/132")
    assert source.title == "Strategi för främjande av psykisk hälsa och välbefinnande samt förebyggande av psykisk ohälsa 2022-2030"
    assert source.file == f"{YTTRANDE}.{fmt}"


def test_answering_body_becomes_a_placeholder(imported):
    # the unit is the argued paragraph: the one on individnivå opens with the nämnd's name
    snippet = next(s for s in imported["txt"] if "samverkan mellan kommun och region på individnivå" in s.text)
    assert snippet.text.startswith("{namnd} ser det som positivt med samverkan")
    assert snippet.original.startswith("Socialnämnden ser det som positivt med samverkan")
    assert with_placeholder("Socialnämndens synpunkter är följande.", "Socialnämnden") == "{namnd}s synpunkter är följande."
    assert with_placeholder("Region Stockholm har tagit fram.", "Socialnämnden") == "Region Stockholm har tagit fram."


def test_standard_texts_are_their_own_kind(imported):
    standard = {s.section_key: s.text for s in imported["txt"] if s.kind == "standardtext"}
    assert standard["ekonomiska_konsekvenser"] == "Förslaget förväntas inte medföra några ekonomiska konsekvenser för kommunen."
    assert standard["konsekvenser_for_barn"].startswith("Konsekvenserna av strategins förslag bör bli positiva för barn.")


def test_flags_override_provenance():
    snippets = read_yttrande(FIXTURES / f"{YTTRANDE}.txt", Source(namnd="Äldrenämnden", datum="2021-04-27"))
    assert {(s.source.namnd, s.source.datum) for s in snippets} == {("Äldrenämnden", "2021-04-27")}


def test_section_headings_are_recorded(tmp_path: Path):
    letter = tmp_path / "yttrande.txt"
    letter.write_text(
        "YTTRANDE\nDnr KS-2023-00417\n2023-05-04\n\nYttrande över Regional plan för krisberedskap\n\n"
        "4.5 Olycka med farliga ämnen\nKommunstyrelsen avstyrker förslaget om nya skyddsavstånd.\n\n"
        "Avsnitt 3.1 Samverkan\nKommunstyrelsen ställer sig bakom förslaget under förutsättning att staten finansierar övningarna.\n",
        encoding="utf-8",
    )
    snippets = read_yttrande(letter, Source(organisation="Nacka kommun"))
    by_text = {s.text: s for s in snippets}
    assert by_text["{namnd} avstyrker förslaget om nya skyddsavstånd."].source.section == "4.5 Olycka med farliga ämnen"
    conditional = next(s for s in snippets if "under förutsättning" in s.text)
    assert conditional.stance == "forbehall" and conditional.source.section.endswith("Samverkan")
    assert snippets[0].source.dnr == "KS-2023-00417" and snippets[0].source.datum == "2023-05-04"


def test_importing_twice_changes_nothing(tmp_path: Path):
    first = import_files([FIXTURES / f"{YTTRANDE}.pdf"], tmp_path)
    content = first[0].written.read_bytes()
    second = import_files([FIXTURES / f"{YTTRANDE}.pdf"], tmp_path)
    assert second[0].written is None and second[0].documents[0].saved.status == "oförändrad"
    # named from organisation, dnr (the PDF's date is lost in its extraction) and a short hash of the texts
    (name,) = [p.name for p in tmp_path.iterdir()]
    assert re.fullmatch(r"nacka-kommun-socn-2021-132-[0-9a-f]{8}\.yaml", name)
    assert first[0].snippets and (tmp_path / name).read_bytes() == content


def test_cli_import_then_search(tmp_path: Path, capsys):
    corpus = tmp_path / "min-korpus"
    assert main(["corpus", "import", str(FIXTURES / f"{YTTRANDE}.docx"), "--corpus", str(corpus), "--datum", "2021-04-27"]) == 0
    # one snippet per argued paragraph: eight positions (tests/data/stance_marks/000_c8ec6e676693ffa4.yaml)
    out = capsys.readouterr().out
    assert "tjänsteskrivelse SOCN 2021/132, 2021-04-27: 8 ställningstaganden, 2 standardtexter →" in out
    # the same yttrande again, and as a PDF: one unchanged of each, the words in the singular
    again = [str(FIXTURES / f"{YTTRANDE}.docx"), str(FIXTURES / f"{YTTRANDE}.pdf")]
    assert main(["corpus", "import", *again, "--corpus", str(corpus), "--datum", "2021-04-27"]) == 0
    assert "Summa: 2 filer, 0 dokument importerade (0 ställningstaganden, 0 standardtexter), 2 oförändrade, 0 konflikter, " \
           "0 andra handlingar som inte importeras" in capsys.readouterr().out
    assert main(["corpus", "search", "närsamhälle", "--corpus", str(corpus), "--no-bundled", "--json"]) == 0
    import json

    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1 and "öppen för dialog" in hits[0]["text"]
    assert hits[0]["source"]["datum"] == "2021-04-27"


def test_cli_import_of_a_broken_file_is_one_line(tmp_path: Path, capsys):
    assert main(["corpus", "import", str(FIXTURES / "corrupt.docx"), "--corpus", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: corrupt.docx") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs saknas")
def test_real_remissvar_from_kammarkollegiet():
    snippets = read_yttrande(REALDOCS / "kammarkollegiet_remissvar_sou_2026_14.pdf", Source())
    source = snippets[0].source
    assert source.dnr == "3.1-4788-2026" and source.datum == "2026-06-24"
    assert source.organisation == "Kammarkollegiet"
    assert source.title == "En moderniserad reglering av handel med ädelmetallarbeten (SOU 2026:14)"  # the SOU's number names it too
    assert source.remiss_dnr == "KN2026/00741"
    assert any("inte några synpunkter på de remitterade förslagen" in s.text for s in snippets)
    assert not any("registratur@" in s.text or "Slottsbacken" in s.text for s in snippets)


def test_user_corpus_adds_to_the_bundled_one(tmp_path: Path):
    import_files([FIXTURES / f"{YTTRANDE}.txt"], tmp_path, Source(namnd="Äldrenämnden"))
    corpus = load_corpus(tmp_path)
    # the same positions as the bundled ones (placeholders make them identical): each appears once
    assert len(corpus.snippets) == len(load_corpus(None).snippets)


def test_summary_counts_in_the_singular_and_plural():
    assert summarize([], failures=1) == ("Summa: 1 fil, 0 dokument importerade (0 ställningstaganden, 0 standardtexter), "
                                         "0 oförändrade, 0 konflikter, 0 andra handlingar som inte importeras, 1 fel")
