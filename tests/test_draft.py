"""Creating a draft from a remiss, template and profile; placeholders; edits; the draft file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from remissdraft.draft import (
    Autosaver,
    fill,
    fill_snippet,
    insert_snippet,
    leftover,
    load_draft,
    load_template,
    mark_ingen_erinran,
    missing_required,
    new_draft,
    save_draft,
    set_text,
)
from remissdraft.draft.create import clean_title
from remissdraft.errors import DraftError, RemissdraftError
from remissdraft.fileio import backup_path
from remissdraft.model import Person, Profile, Remiss, Section, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
NACKA = Source("Nacka kommun", "Socialnämnden", "SOCN 2021/132", "2021-04-27", "Strategi för psykisk hälsa")


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def remiss() -> Remiss:
    return read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])


@pytest.fixture
def profile() -> Profile:
    return Profile(
        name="Therese Råckle", title="Kvalitetsutvecklare", unit="Omsorgsenheten", namnd="Socialnämnden",
        organisation="Nacka kommun", chef=Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"),
    )


@pytest.fixture
def draft(remiss, profile):
    return new_draft(remiss, load_template("nacka-tjansteskrivelse"), profile, dnr="SOCN 2021/132", datum=date(2021, 4, 22))


# --- creating ---------------------------------------------------------------------------------------------


def test_title_and_recipient(draft):
    title = "Strategi för främjande av psykisk hälsa och välbefinnande samt förebyggande av psykisk ohälsa 2022–2030"
    assert draft.remiss.title == title
    assert draft.title == f"Remiss – {title}"
    assert draft.subtitle == "Yttrande till Region Stockholm"
    assert (draft.dnr, draft.datum, draft.namnd, draft.organisation) == ("SOCN 2021/132", "2021-04-22", "Socialnämnden", "Nacka kommun")


def test_forslag_till_beslut_in_the_seeds_form(draft):
    assert draft.section("forslag_till_beslut").text == (
        f"Socialnämnden lämnar synpunkter över remissen {draft.remiss.title} till kommunstyrelsen för vidare handläggning."
    )


def test_standard_sections_in_template_order(draft):
    assert [s.heading for s in draft.sections] == [
        "Förslag till beslut", "Sammanfattning av ärendet", "Ärendet", "Socialnämndens synpunkter på remissen",
        "Ekonomiska konsekvenser", "Konsekvenser för barn", "Handlingar i ärendet",
    ]
    assert draft.section("konsekvenser_for_barn").text == ""
    assert draft.section("konsekvenser_for_barn").required


def test_summary_and_arendet_scaffolded_neutrally_from_the_remiss(draft):
    summary = draft.section("sammanfattning").text
    assert summary.startswith("Nacka kommun är remissinstans för Region Stockholms ”Strategi för främjande")
    assert "senast den 17 juni 2021" in summary
    arendet = draft.section("arendet").text
    assert "(dnr HSN 2020-1753)" in arendet
    assert "registrator.rlk@sll.se med angivande av diarienummer RS 2020-0457" in arendet
    assert "avsnitt 1.1 Syfte" in arendet and "• säkerställa att psykisk hälsa prioriteras" in arendet
    assert not leftover(summary + arendet)


def test_one_synpunkt_slot_per_remiss_section_in_order(draft, remiss):
    assert [(s.number, s.title) for s in draft.synpunkter] == [(s.number, s.title) for s in remiss.walk()]
    assert len({s.key for s in draft.synpunkter}) == len(draft.synpunkter)
    unnumbered = [s for s in draft.synpunkter if not s.number]
    assert unnumbered and all(s.parent == "7.1" for s in unnumbered)
    assert unnumbered[0].label == "7.1 – Individnivå: Utveckla psykisk hälsa, psykiskt välbefinnande och resiliens"
    assert not any(s.written for s in draft.synpunkter)


def test_handlingar_list_the_remiss_files_as_bilagor(draft):
    assert draft.section("handlingar").text.splitlines() == [
        f"Bilaga 1 Remiss ”{draft.remiss.title}”",
        "Bilaga 2 Remissbrev från Region Stockholm",
    ]
    assert [Path(f.path).name for f in draft.remiss.files] == ["strategi.txt", "remissbrev.txt"]
    assert all(len(f.sha256) == 64 for f in draft.remiss.files)


def test_signatures_from_profile_chef_first(draft):
    assert [(p.name, p.title) for p in draft.signatures] == [("Helena Lindenius", "Enhetschef"), ("Therese Råckle", "Kvalitetsutvecklare")]


def test_without_profile_the_placeholders_stay_visible(remiss):
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile())
    assert draft.section("forslag_till_beslut").text.startswith("{namnd} lämnar synpunkter")
    assert draft.section("synpunkter").heading == "{namnd}s synpunkter på remissen"
    assert draft.datum == date.today().isoformat()


def test_a_remiss_without_metadata_still_makes_a_draft():
    remiss = Remiss(sections=[Section("", "Inledning", 1, ["Förslaget gäller."]), Section("", "Inledning", 1)])
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile(namnd="Kulturnämnden"))
    assert [s.key for s in draft.synpunkter] == ["Inledning", "Inledning (2)"]
    assert draft.section("sammanfattning").text.startswith("Nacka kommun är remissinstans för {avsandare_genitiv}")
    assert "Remissen inleds: ”Förslaget gäller.”" in draft.section("arendet").text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Region Stockholm Strategi för psykisk hälsa Remissversion", "Strategi för psykisk hälsa"),
        ("Folkhälsopolicy för Region Stockholm", "Folkhälsopolicy för Region Stockholm"),
        ("Remiss", "Remiss"),
    ],
)
def test_clean_title(title, expected):
    assert clean_title(title, "Region Stockholm") == expected


# --- placeholders -----------------------------------------------------------------------------------------


def test_fill_known_unknown_and_malformed_placeholders():
    values = {"namnd": "Socialnämnden", "remiss": "Strategin"}
    assert fill("{namnd} tillstyrker {remiss}.", values) == "Socialnämnden tillstyrker Strategin."
    assert fill("Det anser {namnd}.", values) == "Det anser socialnämnden."
    assert fill("Bra. {namnd} anser", values) == "Bra. Socialnämnden anser"
    assert fill("{okänd} och {okand} och {0} och {a.b} och {x:>3} och { namnd } och {", values) == (
        "{okänd} och {okand} och {0} och {a.b} och {x:>3} och { namnd } och {"
    )
    assert leftover("{okand} {namnd} {okand}") == ["{okand}", "{namnd}"]


def test_fill_keeps_proper_names_capitalised():
    assert fill("enligt {namnd}", {"namnd": "Region Stockholms hälso- och sjukvårdsnämnd"}) == "enligt Region Stockholms hälso- och sjukvårdsnämnd"


# --- editing ----------------------------------------------------------------------------------------------


def test_insert_snippet_fills_placeholders_and_records_the_source(draft):
    snippet = Snippet("abc", "{namnd} välkomnar en utökad samverkan med {avsandare}. {okand} står kvar.", source=NACKA)
    text = insert_snippet(draft, "5", snippet)
    assert text == "Socialnämnden välkomnar en utökad samverkan med Region Stockholm. {okand} står kvar."
    synpunkt = draft.synpunkt("5")
    assert synpunkt.text == text and synpunkt.written
    assert synpunkt.uses[0].id == "abc" and synpunkt.uses[0].source.dnr == "SOCN 2021/132"
    insert_snippet(draft, "5", Snippet("def", "Det är bra.", source=NACKA))
    assert synpunkt.text == f"{text}\n\nDet är bra."
    assert fill_snippet(draft, snippet) == text


def test_insert_into_a_standard_section(draft):
    insert_snippet(draft, "ekonomiska_konsekvenser", Snippet("e1", "Förslaget medför inga kostnader för {remissinstans}.", kind="standardtext"))
    assert draft.section("ekonomiska_konsekvenser").text == "Förslaget medför inga kostnader för Nacka kommun."


def test_set_text_forgets_sources_of_removed_snippets(draft):
    insert_snippet(draft, "4", Snippet("a", "Socialnämnden ser positivt på målbilden för barn och unga.", source=NACKA))
    set_text(draft, "4", draft.synpunkt("4").text + "\n\nEget tillägg.")
    assert [u.id for u in draft.synpunkt("4").uses] == ["a"]
    set_text(draft, "4", "Helt ny text om något annat.")
    assert draft.synpunkt("4").uses == []


def test_ingen_erinran(draft):
    mark_ingen_erinran(draft, "6.2")
    assert draft.synpunkt("6.2").written and draft.synpunkt("6.2").text == ""
    insert_snippet(draft, "6.2", Snippet("x", "Text."))
    assert not draft.synpunkt("6.2").ingen_erinran
    with pytest.raises(DraftError, match="gäller bara synpunkter"):
        mark_ingen_erinran(draft, "konsekvenser_for_barn")


def test_unknown_target_is_a_swedish_error(draft):
    with pytest.raises(DraftError, match="Utkastet har inget avsnitt ”9.9”"):
        set_text(draft, "9.9", "x")


def test_missing_required(draft):
    assert missing_required(draft) == ["Socialnämndens synpunkter på remissen", "Ekonomiska konsekvenser", "Konsekvenser för barn"]
    mark_ingen_erinran(draft, "1")
    set_text(draft, "ekonomiska_konsekvenser", "Inga.")
    assert missing_required(draft) == ["Konsekvenser för barn"]


# --- the file -----------------------------------------------------------------------------------------------


def test_save_and_load_round_trip(draft, tmp_path):
    insert_snippet(draft, "Vardagsmiljö: Utveckla hälsofrämjande miljöer", Snippet("v", "Rad ett\n\n• punkt: ”citat” {okand}", source=NACKA))
    mark_ingen_erinran(draft, "6.2")
    path = save_draft(draft, tmp_path / "utkast.yaml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("schema: 2\n")
    assert "'1.1':" in text  # section numbers stay strings, not floats
    loaded = load_draft(path)
    assert loaded.path == path
    loaded.path = draft.path = None
    assert loaded == draft


def test_save_keeps_the_previous_version_as_backup(draft, tmp_path):
    path = tmp_path / "utkast.yaml"
    save_draft(draft, path)
    assert not backup_path(path).exists()
    set_text(draft, "konsekvenser_for_barn", "Andra versionen.")
    save_draft(draft, path)
    assert "Andra versionen." in path.read_text(encoding="utf-8")
    assert load_draft(backup_path(path)).section("konsekvenser_for_barn").text == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["utkast.yaml", "utkast.yaml.bak"]  # no temp files left


def test_save_into_a_missing_folder_is_a_swedish_error(draft, tmp_path):
    with pytest.raises(DraftError, match="Utkastet kunde inte sparas"):
        save_draft(draft, tmp_path / "finns-inte" / "utkast.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("schema: 1\ntemplate: [", "fel i YAML-syntaxen på rad"),
        ("- bara\n- en lista\n", "ska vara en YAML-karta"),
        ("title: x\n", "saknar ”schema”"),
        ("schema: 99\ntemplate: t\n", "nyare version av remissdraft"),
        ("schema: 1\n", "”template” saknas"),
        ("schema: 1\ntemplate: t\nsections: x\n", "”sections” ska vara en lista"),
        ("schema: 1\ntemplate: t\ndatum: igår\n", "”datum” ska vara ett datum"),
        ("schema: 1\ntemplate: t\nsynpunkter:\n  '1': {title: x, ingen_erinran: kanske}\n", "”synpunkter.1.ingen_erinran” ska vara true eller false"),
    ],
)
def test_load_errors_name_the_problem_in_swedish(tmp_path, content, message):
    path = tmp_path / "trasig.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftError, match=message) as caught:
        load_draft(path)
    assert str(caught.value).startswith("trasig.yaml: ")
    assert "\n" not in str(caught.value)


def test_load_missing_and_binary_files(tmp_path):
    with pytest.raises(DraftError, match="utkastet finns inte"):
        load_draft(tmp_path / "nej.yaml")
    binary = tmp_path / "bild.yaml"
    binary.write_bytes(b"\xff\xd8\xff\x00\x01")
    with pytest.raises(RemissdraftError, match="inte en textfil"):
        load_draft(binary)


def test_autosave_waits_then_saves_and_keeps_the_opened_version_as_backup(draft, tmp_path):
    path = save_draft(draft, tmp_path / "utkast.yaml")
    now = [100.0]
    saver = Autosaver(draft, interval=2.0, clock=lambda: now[0])
    assert saver.path == path
    assert not saver.maybe_save()  # nothing changed
    set_text(draft, "konsekvenser_for_barn", "Ett")
    saver.changed()
    now[0] += 1
    assert not saver.maybe_save()
    now[0] += 1.5
    assert saver.maybe_save()
    assert load_draft(path).section("konsekvenser_for_barn").text == "Ett"
    set_text(draft, "konsekvenser_for_barn", "Två")
    saver.changed()
    assert saver.flush()
    assert load_draft(path).section("konsekvenser_for_barn").text == "Två"
    assert load_draft(backup_path(path)).section("konsekvenser_for_barn").text == ""  # as opened
    assert not saver.flush()
