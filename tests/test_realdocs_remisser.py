"""The real remisser in ../shared/realdocs/kommunhandlingar against their true heading lists
(tests/data/remiss_truth, written by reading the documents), and the reading bugs they showed.
Skipped when ../shared is absent."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import REALDOCS, flat
from remiss_truth import load_truths, score

from remissdraft.remiss import read_document, read_remiss
from remissdraft.remiss.metadata import find_field_dnr, find_header_dnr, find_title

pytestmark = pytest.mark.skipif(not (REALDOCS / "kommunhandlingar").is_dir(), reason="../shared/realdocs saknas")
KOMMUN = REALDOCS / "kommunhandlingar"
TRUTHS = {truth.name: truth for truth in load_truths()} if (REALDOCS / "kommunhandlingar").is_dir() else {}
UTRYMNING = "remiss-lst-halland_regional-strategi-storskalig-utrymning"
NFS = "remiss-naturvardsverket_foreskrifter-miljorapport-nfs-2025-xx"
LSO = "rsg_handlingsprogram_lso_2024"
ASKHULT = "lansstyrelsen_halland_lilla_askhult_remiss"


@pytest.fixture(scope="module")
def read():
    cache = {}

    def reader(name: str):
        if name not in cache:
            cache[name] = read_remiss([TRUTHS[name].path])
        return cache[name]

    return reader


def sections(remiss, label: str):
    return [s for s in flat(remiss) if s.label == label]


@pytest.mark.parametrize("name", sorted(TRUTHS))
def test_section_f1_against_the_true_headings(name, read):
    result = score(TRUTHS[name], read(name))
    assert result.f1 >= 0.95, (result.f1, result.missed, result.extra)


@pytest.mark.parametrize("name", sorted(TRUTHS))
@pytest.mark.parametrize("field", ["title", "dnr", "sender", "deadline"])
def test_metadata_against_the_truth(name, field, read):
    remiss = read(name)
    assert score(TRUTHS[name], remiss).fields[field], (field, getattr(remiss, field), getattr(TRUTHS[name], field))


def test_split_heading_numbers_and_words_are_rejoined(read):
    """The LSO programme's TOC reads "4 .2.1 Brand i bostad", "4   R isker", "Rädd ningstjänst", "Bilago r"."""
    labels = [s.label for s in flat(read(LSO))]
    assert "4.2.1 Brand i bostad" in labels and "4.1.1 Geografi och demografi" in labels
    assert "4 Risker" in labels and "8 Räddningstjänst – förmåga och verksamhet" in labels and "Bilagor" in labels
    assert not any(" ." in label.split()[0] or label.startswith(("4 .", "R isker")) for label in labels)


def test_deadline_only_from_answer_wording(read):
    # "Avtal om larmning … senaste version 2023-07-01" is not a deadline; the remiss period's end is
    assert read(LSO).deadline == date(2024, 5, 19)
    # "Miljörapporten ska senast den 31 mars …" is about the miljörapport, and the NFS sets no answer date
    assert read(NFS).deadline is None
    assert read(ASKHULT).deadline == date(2024, 2, 20)  # "synpunkter som ska vara inkomna senast 20 februari 2024"


def test_dnr_from_the_colophon_and_never_an_issn(read):
    assert read(UTRYMNING).dnr == "457-6939-2024"
    assert read(ASKHULT).dnr == "435-1705-21"
    assert read(NFS).dnr == ""  # "ISSN 1403-8234" names the series


def test_broken_toc_entry_and_duplicate_number(read):
    remiss = read(UTRYMNING)
    labels = [s.label for s in flat(remiss)]
    assert not any("Val av strategi" in label for label in labels)  # "1.4 … Fel! Bokmärket är inte definierat."
    assert labels.count("5.3.3 Inriktning och samordning") == 1 and labels.count("5.3.3 Genomförande") == 1
    assert "5.1.2 SAMVERKAN OCH SAMVERKANSPERSONER" in labels  # numbered in the body, left out of the TOC
    text = " ".join(p for s in flat(remiss) for p in s.paragraphs)
    assert "Fel! Bokmärket" not in text and "......" not in text
    # short labels the TOC does not list stay text
    assert not any(label.startswith(("Kategori", "Steg 1")) for label in labels)


def test_a_heading_the_toc_leaves_out_nests_by_its_number(read):
    """5.1.2 is only in the body: under 5.1, and 5.2 after it still under 5, not under 5.1.2."""
    chapter = sections(read(UTRYMNING), "5 GENOMFÖRANDE")[0]
    assert [c.number for c in chapter.children] == ["5.1", "5.2", "5.3", "5.4", "5.5"]
    assert [c.number for c in chapter.children[0].children] == ["5.1.1", "5.1.2"]


def test_unnumbered_toc_entries_take_their_level_from_capitals(read):
    """Extracted text keeps no indents, but the TOC prints chapters in capitals ("1 INLEDNING", "1.2 Syfte och
    mål"): the checklists in mixed case lie under "BILAGA 1 – CHECKLISTOR …", the capitals stay chapters."""
    remiss = read(UTRYMNING)
    top = [s.title for s in remiss.sections]
    assert top[0] == "FÖRORD" and top[-2] == "UNDERLAG TILL GRUND FÖR FRAMTAGANDET AV STRATEGIN"
    assert top[-1].startswith("BILAGA 1")
    checklists = [c.title for c in remiss.sections[-1].children]
    assert checklists[:2] == ["Uppsamlingsplats", "Utrymningsplats"] and "Resurser – Kompetens och utrustning" in checklists


def test_foreword_before_the_toc_and_appendix_checklists(read):
    remiss = read(UTRYMNING)
    first = flat(remiss)[0]
    assert first.title == "FÖRORD" and first.paragraphs[0].startswith("Sveriges inträde i NATO")
    bilaga = sections(remiss, "BILAGA 1 – CHECKLISTOR FÖR UPPSAMLINGSPLATS, UTRYMNINGSPLATS, MOTTAGNINGSPLATS OCH INKVARTERING SAMT RESURSER")
    assert bilaga, [s.label for s in flat(remiss)][-8:]
    assert remiss.title == "Regional strategi för storskalig utrymning och mottagning i Hallands län"


def test_footnotes_are_kept_out_of_the_text(read):
    remiss = read(UTRYMNING)
    region = sections(remiss, "2.4 Region halland")[0]
    assert any(note.startswith("1 SOSFS 2013:22") for note in region.footnotes)
    assert not any("SOSFS 2013:22 Socialstyrelsens föreskrifter och allmänna råd om katastrofmedicinsk" in p for p in region.paragraphs)
    lso = read(LSO)
    inledning = sections(lso, "1 Inledning")[0]
    assert [n.split()[0] for n in inledning.footnotes] == ["1", "2"]
    assert all("SFS 2003:778" not in p for p in inledning.paragraphs)
    # "4 Typfall är ett scenario …" begins a paragraph with a note marker: body text, not a note
    scenario = sections(remiss, "3 DIMENSIONERANDE SCENARIO FÖR PLANERING AV STORSKALIG UTRYMNING OCH MOTTAGNING I HALLANDS LÄN")[0]
    assert any("Typfallet är ett scenario" in p for p in scenario.paragraphs)


def test_regulation_paragraphs_carry_their_text(read):
    remiss = read(NFS)
    unit = sections(remiss, "5 l §")[0]
    assert unit.paragraphs[0].startswith("Verksamheter som omfattas av anmälningsplikt C")
    assert sections(remiss, "Bilaga 6")[0].paragraphs[0].startswith("Uppgifter om tillståndspliktiga avloppsreningsanläggningar")
    assert remiss.title == "Naturvårdsverkets föreskrifter om miljörapport"
    assert not any(s.title.startswith("JOHAN") for s in flat(remiss))  # the signature page


def test_a_regulation_is_a_flat_list_of_units(read):
    """A föreskrift's rubrik heads the paragraphs after it, not the one before; its bilagor belong to no
    paragraph: every unit at the top of the outline."""
    remiss = read(NFS)
    assert [s.label for s in remiss.sections][-3:] == ["6 §", "Bilaga 5", "Bilaga 6"]
    assert len(remiss.sections) == 8 and not any(s.children for s in remiss.sections)


def test_appendices_start_where_they_start(read):
    """The LSO programme lists Bilaga A–C on its "Bilagor" page; each section begins at the appendix itself."""
    remiss = read(LSO)
    assert sections(remiss, "Bilaga A: Dokumentförteckning")[0].paragraphs[0] == "Avtal"
    assert sections(remiss, "Bilaga B: Beskrivning av samråd")[0].paragraphs[0].startswith("Det övergripande innehållet")


def test_appendices_lie_under_the_bilagor_heading_that_lists_them(read):
    """The LSO programme's table lists "Bilagor", then Bilaga A–C, all set alike in extracted text."""
    bilagor = read(LSO).sections[-1]
    assert bilagor.title == "Bilagor" and [c.title[:8] for c in bilagor.children] == ["Bilaga A", "Bilaga B", "Bilaga C"]


def test_composite_file_missive_proposal_and_plan(read):
    """Lilla Äskhult: a missive and a proposal with plain title lines, then a skötselplan with its own TOC."""
    remiss = read(ASKHULT)
    labels = [s.label for s in flat(remiss)]
    for label in ("Beslut", "Andra bestämmelser", "Länsstyrelsens bedömning", "Skötselplan", "1 Syftet med kulturreservatet", "4.10 Äskhult 2:2"):
        assert label in labels
    assert remiss.sender == "Länsstyrelsen i Hallands län" and remiss.title.startswith("Förslag till beslut och skötselplan")
    assert "Kulturreservatet Lilla Äskhult" not in labels and "1 Karta" not in labels


@pytest.mark.parametrize(
    "name, headings",
    [
        ("yttranden/ks-2025-03-25_yttrande_sou-2025-5-omradessamverkan.txt", ["Sammanfattande inställning", "Kommunens inställning i detalj", "Om kommunens roll i områdessamverkan"]),
        ("yttranden/ks-2025-08-20_yttrande_sou-2025-85-utvecklingspolitik.txt", ["Sammanfattande inställning", "Kommunens inställning i detalj", "Kommunernas roll"]),
    ],
)
def test_memo_mode_still_finds_plain_headings(name, headings):
    """The importer reads yttranden with plain_headings=True: their short plain headings stay headings."""
    document = read_document(KOMMUN / name, plain_headings=True)
    titles = [s.title for top in document.sections for s in top.walk()]
    for heading in headings:
        assert heading in titles


def test_the_dnr_the_running_header_repeats_and_a_cover_field():
    """Lilla Äskhult's förslag repeats "2023-12-13   435-1705-21" at the top of every page (page furniture, kept
    apart); the utrymning strategy's colophon is a block of fields ("Diarienummer: 457-6939-2024"), and its
    "Titel: …" field is never the title."""
    askhult = read_document(TRUTHS[ASKHULT].path)
    assert find_header_dnr(askhult.furniture) == "435-1705-21"
    utrymning = read_document(TRUTHS[UTRYMNING].path)
    assert find_field_dnr(utrymning.preamble) == "457-6939-2024"
    fields = [p for p in utrymning.preamble if p.startswith(("Titel:", "Författare:", "Rapportnummer:"))]
    assert len(fields) == 3 and find_title(fields, "", []) == ""
