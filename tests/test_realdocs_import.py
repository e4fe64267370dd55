"""Importing real yttranden, tjänsteskrivelser and meeting papers (../shared; skipped when absent), against the
stance marks in tests/data/stance_marks/ and the bugs seen on them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REALDOCS, SEED, SHARED

from remissdraft.cli import main
from remissdraft.corpus import import_files
from remissdraft.corpus.importer import read_file
from remissdraft.corpus.store import load_folder
from remissdraft.model import Source

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import realdocs_import as measure

pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs saknas")
KH = REALDOCS / "kommunhandlingar"


def read(path: Path):
    return read_file(path, Source())


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    found = {}
    for marked in measure.load_marks():
        folder = tmp_path_factory.mktemp(marked.name[:40])
        found[marked.name] = measure.score_file(marked, measure.imported_documents(marked.path, folder))
    return found


def test_the_judgments_cover_enough():
    marks = measure.load_marks()
    assert sum(1 for m in marks if m.stance_marked) >= 12
    assert sum(len(m.documents) for m in marks) >= 20


def test_position_paragraphs_are_kept_whole(scores):
    recalled = sum(s.recalled for s in scores.values())
    marked = sum(s.marked for s in scores.values())
    assert recalled / marked >= 0.95, [m for s in scores.values() for m in s.misses if m.startswith("saknas")]


def test_snippets_record_the_remiss_section_the_yttrande_names(scores):
    right = sum(s.section_right for s in scores.values())
    named = sum(s.sectioned for s in scores.values())
    assert named >= 25 and right / named >= 0.95


def test_provenance_is_right(scores):
    right = sum(s.provenance_right for s in scores.values())
    documents = sum(s.documents for s in scores.values())
    assert right / documents >= 0.95, [m for s in scores.values() for m in s.misses if not m.startswith(("saknas", "ställning", "avsnitt"))]


def test_stance_mostly_agrees_with_the_marks(scores):
    right = sum(s.stance_right for s in scores.values())
    assert right / sum(s.recalled for s in scores.values()) >= 0.9


def test_stance_is_on_the_marked_side_nearly_always(scores):
    right = sum(s.stance_lenient for s in scores.values())
    assert right / sum(s.recalled for s in scores.values()) >= 0.95


def test_agreement_turned_by_dock_is_a_condition_or_a_request():
    snippets = read(KH / "yttranden" / "ks-2025-03-20_yttrande_sou-2025-8-trygghet-studiero.txt").snippets
    def stance(opening: str) -> str:
        return next(s.stance for s in snippets if s.text.startswith(opening))

    assert stance("Kommunen instämmer i förslaget att dokumentationskravet tas bort") == "forbehall"  # "noterar dock … bör"
    assert stance("Kommunen instämmer i förslaget om att införa en ny disciplinär") == "fortydligande"  # "dock … förtydliganden"
    klimat = read(KH / "yttranden" / "ks-2025-01-16_yttrande_energi-och-klimatstrategi-halland.txt").snippets
    assert next(s for s in klimat if "alltför snäv syn på bilens roll" in s.text).stance == "kritisk"


# --- sections --------------------------------------------------------------------------------------------


def test_headings_by_the_remiss_numbers_set_the_section_and_stay_out_of_the_text():
    result = read(KH / "2024" / "kungsbacka_yttrande_rsg_handlingsprogram.txt")
    yttrande = next(d for d in result.documents if d.kind == "yttrande")
    by_section = {s.source.section for s in yttrande.snippets}
    assert {"4.5 Olycka med farliga ämnen", "5 Värdering, tabell 6.", "8.1.8 Varning och information till allmänheten (VMA)",
            "9.2 Lärande från räddningsinsatser"} <= by_section
    assert not any("8.1.8" in s.text or s.text.startswith(("4.5", "5 Värdering")) for s in yttrande.snippets)
    # a paragraph with no cue but the substance stays, with its context
    assert any(s.text.startswith("Kommunen ser att effekterna av en kärnteknisk olycka") for s in yttrande.snippets)


def test_sou_numbers_stray_dots_and_questions_wrapped_over_lines():
    te = read(KH / "yttranden" / "te-2025-03-12_yttrande_sou-2025-5-omradessamverkan.txt").snippets
    assert {"10.7.4 Aktörer som varit involverade", "14.4.1 kunskapscentrum föreslås placeras vid ett universitet",
            "17.2.11 Ekonomiska konsekvenser och finansiering"} <= {s.source.section for s in te}
    ks = read(KH / "yttranden" / "ks-2025-03-20_yttrande_sou-2025-8-trygghet-studiero.txt").snippets
    assert any(s.source.section.startswith("3.3 Möjliggöra för lärare") and s.source.section.endswith("effektivt sätt") for s in ks)
    vgr = read(KH / "yttranden" / "ks-2025-08-13_yttrande_vgr-regional-utvecklingsstrategi.txt").snippets
    questions = {s.source.section for s in vgr if s.source.section}
    assert any(q.startswith("Fråga 1. Vad är er samlade uppfattning") and q.endswith("Västra Götaland?") for q in questions)
    assert len(questions) == 5
    # the yttrande's own subheadings under a question keep the question and become the topic
    assert any(s.topics == ["Näringslivets tillväxt"] and s.source.section.startswith("Fråga 1.") for s in vgr)


# --- provenance ------------------------------------------------------------------------------------------


def test_the_answering_body_not_one_merely_mentioned():
    kungsbacka = read(KH / "yttrande-ks-2025-03-11_regional-strategi-storskalig-utrymning.txt").documents[0].source
    assert (kungsbacka.organisation, kungsbacka.namnd) == ("Kungsbacka kommun", "Kommunstyrelsen")  # not Länsstyrelsen
    assert kungsbacka.remiss_dnr == "457-6939-2024"
    miljo = read(KH / "yttranden" / "mh-2025-08-07_yttrande_sou-2025-64-kontrollorganisation-livsmedel.txt").documents[0].source
    assert miljo.namnd.casefold() == "nämnden för miljö & hälsoskydd" and miljo.organisation == "Kungsbacka kommun"


def test_template_text_in_footers_is_never_a_name():
    for name in ("ks-2025-03-25_yttrande_sou-2025-5-omradessamverkan.txt", "te-2025-03-12_yttrande_sou-2025-5-omradessamverkan.txt",
                 "kft-2025-03-10_yttrande_sou-2025-5-omradessamverkan.txt"):
        result = read(KH / "yttranden" / name)
        source = result.documents[0].source
        assert "namn" not in source.namnd.casefold() and "[" not in source.namnd
        assert not any("Nämndens namn" in s.text or "Skriv nämndens" in s.text or s.text == "Kungsbacka kommun" for s in result.snippets)


@pytest.mark.skipif(not SEED.exists(), reason="seed saknas")
def test_stockholms_tjansteutlatande_keeps_its_title_and_dnr(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tjansteutlatande.txt"
    path.write_text("\n".join(lines[2145:2506]) + "\n", encoding="utf-8")
    (document,) = read(path).documents  # not a remissvar: only its standard text is taken, with its provenance
    source = document.source
    assert (source.organisation, source.namnd, source.dnr) == ("Region Stockholm", "Hälso- och sjukvårdsnämnden", "RS 2020-0457")
    assert not document.answers_remiss and source.title == "" and document.positions == 0


# --- meeting papers ----------------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="seed saknas")
def test_the_seeds_95_pages_give_the_six_tjansteskrivelser():
    result = read(SEED)
    got = [(d.source.dnr, d.source.datum, d.answers_remiss, d.positions, d.standard_texts) for d in result.documents]
    assert [g[0] for g in got] == ["SOCN 2020/155", "SOCN 2020/337", "SOCN 2021/11", "SOCN 2020/360", "SOCN 2021/132", "SOCN 2021/133"]
    assert all(d.source.organisation == "Nacka kommun" and d.source.namnd == "Socialnämnden" for d in result.documents)
    remissvar = [g for g in got if g[2]]
    assert [g[0] for g in remissvar] == ["SOCN 2021/132", "SOCN 2021/133"] and all(g[3] >= 2 for g in remissvar)
    assert all(g[3] == 0 and g[4] == 2 for g in got if not g[2])  # the others give their standard texts only
    assert result.documents[5].source.datum == "2021-04-22"
    kinds = [kind for _, kind, _ in result.skipped]
    assert "kallelse" in kinds and kinds.count("handling från Region Stockholm") == 2


def test_kungsbacka_papers_are_split_into_their_documents():
    result = read(KH / "2024" / "kungsbacka_yttrande_rsg_handlingsprogram.txt")
    assert [d.kind for d in result.documents] == ["tjänsteskrivelse", "yttrande"]
    assert [(d.source.dnr, d.source.datum) for d in result.documents] == [("KS-2024-00231", "2024-04-16"), ("KS-2024-00231", "2024-04-15")]
    assert [kind for _, kind, _ in result.skipped] == ["protokoll"]
    assert result.documents[0].source.file.endswith("s. 2–4") and result.documents[1].source.file.endswith("s. 4–5")
    protokoll = read(KH / "yttranden" / "beredning" / "ksau-2025-04-08_p115_protokoll-tjansteskrivelse_storskalig-utrymning.txt")
    assert [d.kind for d in protokoll.documents] == ["tjänsteskrivelse"]
    assert not any("arbetsutskottet bifaller" in s.text for s in protokoll.snippets)


def test_signatures_footers_and_other_bodies_are_not_positions():
    miljo = read(KH / "yttranden" / "mh-2025-08-18_yttrande_naturvardsverket-foreskrifter-miljorapport.txt").snippets
    assert len(miljo) == 1 and not any(s.text.startswith("För Nämnden") for s in miljo)  # "För Nämnden för Miljö & Hälsoskydd"
    kultur = read(KH / "yttranden" / "beredning" / "kft-2025-03-19_p37_protokoll-tjansteskrivelse_sou-2025-5.txt").snippets
    assert not any("Besöksadress" in s.text or "Storgatan" in s.text for s in kultur)  # "0300-834883   Besöksadress"
    # Kommunstyrelsen's memo reporting what the nämnd wrote: the nämnd named in full is not the one answering
    ks = read(KH / "yttranden" / "beredning" / "ks-2025-08-20_tjansteskrivelse_sou-2025-64.txt").snippets
    assert not any(s.text.startswith("Nämnden för Miljö & Hälsoskydd är i dag ansvarig") for s in ks)
    assert any(s.text.startswith("{namnd}s förvaltning har inga ytterligare synpunkter") for s in ks)


def test_a_list_goes_with_the_line_that_introduces_it_whatever_its_dashes():
    result = read(KH / "2024" / "kungsbacka_yttrande_sou_2023_65.txt")
    yttrande = next(d for d in result.documents if d.kind == "yttrande")
    benefits = next(s for s in yttrande.snippets if s.text.startswith("Fördelar att beakta:"))
    assert benefits.text.count("\n• ") == 3 and "• Effektivare tillsyn och minskat välfärdsbrott" in benefits.text
    assert not any(s.text.startswith(("−", "• ")) for s in yttrande.snippets)


def test_a_draft_decision_after_a_covering_letter_is_another_document():
    result = read(KH / "2024" / "lansstyrelsen_halland_lilla_askhult_remiss.txt")  # "Förslag till beslut  1 (15)" + date + dnr
    assert not result.documents
    assert [(kind, first[:19]) for _, kind, first in result.skipped] == [("remiss", "Remiss 1(2)"), ("remiss", "Förslag till beslut")]


# --- nothing lost ------------------------------------------------------------------------------------------


def test_documents_sharing_a_dnr_or_lacking_one_never_share_a_file(tmp_path):
    paths = [KH / "2024" / "kungsbacka_yttrande_rsg_handlingsprogram.txt",  # tjänsteskrivelse and yttrande, one dnr
             KH / "yttrande-ks-2025-03-11_regional-strategi-storskalig-utrymning.txt",  # same dnr and date as the next
             KH / "yttranden" / "beredning" / "ksau-2025-04-08_p115_protokoll-tjansteskrivelse_storskalig-utrymning.txt"]
    results = import_files(paths, tmp_path)
    documents = [d for r in results for d in r.documents]
    assert len({d.saved.path for d in documents}) == len(documents) == 4
    assert len(load_folder(tmp_path)[0]) == sum(len(d.snippets) for d in documents)
    again = import_files(paths, tmp_path)
    assert {d.saved.status for r in again for d in r.documents} == {"oförändrad"}


def test_a_conflict_is_reported_and_nothing_is_overwritten(tmp_path):
    path = KH / "yttranden" / "if-2025-03-06_yttrande_sou-2025-5-omradessamverkan.txt"
    (first,) = import_files([path], tmp_path)
    stored = first.documents[0].saved.path
    edited = stored.read_text(encoding="utf-8").replace("stance: kritisk", "stance: neutral")
    stored.write_text(edited, encoding="utf-8")  # the user corrected a stance by hand
    (second,) = import_files([path], tmp_path)
    assert second.documents[0].saved.status == "konflikt" and stored.read_text(encoding="utf-8") == edited


def test_importing_a_folder_reports_each_file_and_a_summary(tmp_path, capsys):
    folder = KH / "yttranden" / "beredning"
    assert main(["corpus", "import", str(folder), str(KH / "remiss-naturvardsverket_foreskrifter-miljorapport-nfs-2025-xx.txt"),
                 "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ksau-2025-04-08_p115_protokoll-tjansteskrivelse_storskalig-utrymning.txt: 2 handlingar" in out
    assert "  protokoll – importeras inte: KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL 1 (1)" in out
    assert "te-2025-08-20_ordforandebeslut_naturvardsverket-miljorapport.txt: inget yttrande eller tjänsteskrivelse att importera (beslut)" in out
    assert "remiss-naturvardsverket_foreskrifter-miljorapport-nfs-2025-xx.txt: inget yttrande" in out
    # 12: Kultur & Fritid's tjänsteskrivelse (p37) only describes the remiss; its footer and the remiss's list are no positions
    assert "Summa: 16 filer, 12 dokument importerade" in out
    assert "kft-2025-03-19_p37_protokoll-tjansteskrivelse_sou-2025-5.txt: 2 handlingar" in out
    assert "  tjänsteskrivelse KFT-2025-00055, 2025-03-10: inga ställningstaganden" in out


def test_nothing_lost_over_the_whole_development_set():
    paths = sorted({m.path for m in measure.load_marks()} | set(KH.rglob("*.txt")))
    alone, together, _ = measure.nothing_lost(paths)
    assert alone == together > 250


def test_shared_folder_layout():
    assert (SHARED / "realdocs" / "kommunhandlingar" / "SOURCES.md").exists()
