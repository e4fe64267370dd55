"""The bundled templates, how templates are found, and the checks on a template file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from remissdraft.cli import main
from remissdraft.draft import list_templates, load_template, read_template
from remissdraft.errors import TemplateError

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))


def test_three_templates_are_bundled():
    assert [t.id for t in list_templates()] == ["nacka-tjansteskrivelse", "stockholm-tjansteutlatande", "yttrande-brev"]


def test_nacka_template_follows_the_seed_layout():
    template = load_template("nacka-tjansteskrivelse")
    assert template.label == "TJÄNSTESKRIVELSE"
    assert template.organisation == "Nacka kommun"
    assert [f.key for f in template.header_fields] == ["datum", "dnr"]
    assert [s.heading for s in template.sections] == [
        "Förslag till beslut", "Sammanfattning av ärendet", "Ärendet", "{namnd}s synpunkter på remissen",
        "Ekonomiska konsekvenser", "Konsekvenser för barn", "Handlingar i ärendet",
    ]
    assert template.section("konsekvenser_for_barn").required
    assert template.section("synpunkter").kind == "synpunkter" and template.section("synpunkter").suggest == "synpunkt"
    assert template.section("ekonomiska_konsekvenser").suggest == "standardtext"
    assert [r.role for r in template.signatures] == ["chef", "handlaggare"]
    expected = yaml.safe_load((FIXTURES / "export" / "socn_2021_132.yaml").read_text(encoding="utf-8"))
    assert " ".join(f.label for f in template.letterhead).casefold() == expected["letterhead_labels"].casefold()
    assert " ".join(f.value for f in template.letterhead) == expected["letterhead_values"]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds saknas")
def test_export_fixture_is_the_seeds_text():
    """The fixture's header and letterhead lines are copied from the seed, not made up."""
    expected = yaml.safe_load((FIXTURES / "export" / "socn_2021_132.yaml").read_text(encoding="utf-8"))
    seed = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()[1536:1545]]
    assert seed[:2] == expected["header_lines"]
    assert expected["letterhead_labels"] in seed and expected["letterhead_values"] in seed


def test_stockholm_and_letter_templates():
    stockholm = load_template("stockholm-tjansteutlatande")
    assert stockholm.label == "TJÄNSTEUTLÅTANDE" and stockholm.organisation == "Region Stockholm"
    assert [(s.heading, s.level) for s in stockholm.sections] == [
        ("Ärendebeskrivning", 1), ("Beslutsunderlag", 1), ("Ärendets beredning", 1), ("Förslag till beslut", 1),
        ("Förvaltningens motivering till förslaget", 1), ("Bakgrund", 2), ("Överväganden", 2),
        ("Ekonomiska konsekvenser", 2), ("Konsekvenser för patientsäkerhet", 2),
        ("Konsekvenser för jämlik och jämställd vård", 2), ("Miljökonsekvenser", 2), ("Administrativa konsekvenser", 2),
        ("Beslutet ska skickas till", 2),
    ]
    assert [s.key for s in stockholm.sections if s.after_signatures] == ["beslutet_skickas_till"]
    assert stockholm.section("synpunkter").kind == "synpunkter" and stockholm.section("synpunkter").heading == "Överväganden"
    assert stockholm.header_left == ["namnd", "enhet", "handlaggare"]
    assert [(f.key, f.place) for f in stockholm.header_fields] == [("dnr", "label"), ("datum", "header"), ("namnd", "body")]
    letter = load_template("yttrande-brev")
    assert letter.label == "YTTRANDE"
    assert [(f.key, f.label, f.place) for f in letter.header_fields] == [
        ("datum", "Datum", "header"), ("dnr", "Diarienummer", "header"), ("ert_dnr", "Ert diarienummer", "header"),
        ("till", "Till", "body"),
    ]
    assert letter.title == "Yttrande över {remiss} ({ert_dnr})"
    assert [s.heading for s in letter.sections] == ["Sammanfattande inställning", "Synpunkter per avsnitt"]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds saknas")
def test_stockholm_template_follows_the_seeds_tjansteutlatanden():
    """Every heading is one of Region Stockholm's (RS 2020-0457, seed lines 2146–2512; HSN 2020-1162, 2757–3207);
    the seed shows no letterhead, so the template has none of its own values and says that they are to be filled."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    seed = [" ".join(line.split()) for line in lines[2145:2512] + lines[2756:3207]]
    template = load_template("stockholm-tjansteutlatande")
    for section in template.sections:
        assert section.heading in seed, section.heading
    assert seed[0] == "Hälso- och sjukvårdsnämnden TJÄNSTEUTLÅTANDE RS 2020-0457"  # nämnd | label and dnr
    assert seed[1:4] == ["Hälso- och sjukvårdsförvaltningen", "Psykiatri", "Karin Ölander"]  # förvaltning, enhet, handläggare
    for phrase in ("Beslutet ska skickas till", "Hälso- och sjukvårdsnämnden beslutar följande:"):
        assert phrase in seed
    assert not any(label in " ".join(seed) for label in ("Postadress", "Besöksadress", "Org.nummer"))
    assert template.letterhead and all(item.value == "" for item in template.letterhead)
    text = template.path.read_text(encoding="utf-8")
    assert "FYLL I" in text and "förlagan visar ingen brevfot" in text
    assert template.section("forslag_till_beslut").default.startswith("{namnd} beslutar följande:")


def test_a_user_template_replaces_a_bundled_one_and_adds_new(tmp_path):
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "nacka-tjansteskrivelse.yaml").write_text(
        "label: EGEN\nsections:\n  - {key: a, heading: A}\n", encoding="utf-8")
    (folder / "egen.yaml").write_text("label: EGEN2\nsections:\n  - {key: a, heading: A}\n", encoding="utf-8")
    assert load_template("nacka-tjansteskrivelse").label == "EGEN"
    assert [t.id for t in list_templates()] == ["egen", "nacka-tjansteskrivelse", "stockholm-tjansteutlatande", "yttrande-brev"]


def test_a_template_by_path(tmp_path):
    path = tmp_path / "min.yaml"
    path.write_text("label: X\nsections:\n  - {key: a, heading: A, required: true}\n", encoding="utf-8")
    template = load_template(str(path))
    assert template.id == "min" and template.sections[0].required
    assert template.title == "Remiss – {remiss}" and template.body_font == "Times New Roman"


def test_unknown_template_lists_the_available_ones():
    with pytest.raises(TemplateError, match="Mallen ”finns-inte” finns inte – tillgängliga mallar: nacka-tjansteskrivelse"):
        load_template("finns-inte")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("label: [", "fel i YAML-syntaxen"),
        ("- a\n", "ska vara en YAML-karta"),
        ("sections:\n  - {key: a, heading: A}\n", "”label” saknas"),
        ("label: X\n", "”sections” ska vara en lista"),
        ("label: X\nsections:\n  - {key: a}\n", "avsnitt 1 saknar ”key” eller ”heading”"),
        ("label: X\nsections:\n  - {key: a, heading: A, kind: tabell}\n", "”kind” ska vara något av"),
        ("label: X\nsections:\n  - {key: a, heading: A}\n  - {key: a, heading: B}\n", "förekommer två gånger"),
        ("label: X\nsections:\n  - {key: a, heading: A, required: ja}\n", "”required” ska vara true eller false"),
        ("label: X\nsections:\n  - {key: a, heading: A, kind: synpunkter}\n  - {key: b, heading: B, kind: synpunkter}\n",
         "bara ett avsnitt"),
        ("label: X\nheader_fields: [{key: telefon}]\nsections:\n  - {key: a, heading: A}\n", "sidhuvudfält 1"),
        ("label: X\nfonts: {size: 200}\nsections:\n  - {key: a, heading: A}\n", "teckenstorlek"),
        ("label: X\nreference_docx: saknas.docx\nsections:\n  - {key: a, heading: A}\n", "referensdokumentet saknas.docx"),
        ("label: X\norganisation: {letterhead: [{value: x}]}\nsections:\n  - {key: a, heading: A}\n", "brevfotens rad 1"),
        ("label: X\nsections:\n  - {key: a, heading: A, level: 3}\n", "”level” ska vara 1 eller 2"),
        ("label: X\nsections:\n  - {key: a, heading: A, level: 2}\n", "det första avsnittet kan inte ha level 2"),
        ("label: X\nsections:\n  - {key: a, heading: A, after_signatures: ja}\n", "”after_signatures” ska vara"),
        ("label: X\nheader_left: [telefon]\nsections:\n  - {key: a, heading: A}\n", "”header_left” ska vara"),
    ],
)
def test_template_errors_are_one_swedish_line(tmp_path, content, message):
    path = tmp_path / "trasig.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateError, match=message) as caught:
        read_template(path)
    assert str(caught.value).startswith("trasig.yaml: ") and "\n" not in str(caught.value)


def test_cli_templates(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("nacka-tjansteskrivelse", "stockholm-tjansteutlatande", "yttrande-brev", "TJÄNSTESKRIVELSE", "Tjänsteutlåtande"):
        assert name in out
    assert main(["templates", "--json"]) == 0
    rows = yaml.safe_load(capsys.readouterr().out)
    assert rows[0]["id"] == "nacka-tjansteskrivelse" and "Konsekvenser för barn" in rows[0]["sections"]
