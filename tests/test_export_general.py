"""The parts of the draft the app now edits, in the Word export: synpunkter i stort (before the per-section
ones, or where the template says), an edited title and recipient line, and signers with names – the
folkhälsopolicy answered as Nacka's SOCN 2021/133 did."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from remissdraft.draft import insert_snippet, load_template, new_draft, set_text
from remissdraft.draft.edit import follow_profile
from remissdraft.export import export_docx
from remissdraft.model import GENERAL_KEY, Person, Profile, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
TITLE = "Remiss Folkhälsopolicy för Region Stockholms arbete för en god hälsa och minskade hälsoklyftor i befolkningen"
RECIPIENT = "Yttrande till Regionstyrelsen, Stockholms region"
GENERAL = ("Socialnämnden ser positivt på folkhälsopolicyn utifrån dess inriktning som bland annat lyfter samverkan "
           "med lokalsamhället.\n\nSocialnämnden ser även positivt på Region Stockholms roll som en samlande kraft i "
           "länets folkhälsoarbete med fokus på jämlikhet i hälsa och på grupper med störst behov.")
PROFILE = Profile("Sofie Stener", "Gruppchef", "Äldreenheten", "Socialnämnden", "Nacka kommun", "",
                  Person("Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret"))


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def remiss():
    return read_remiss([FIXTURES / "folkhalsopolicy.txt"])


def _draft(remiss, template):
    draft = new_draft(remiss, template, Profile(name="Sofie Stener", namnd="Socialnämnden"), dnr="SOCN 2021/133",
                      datum=date(2021, 4, 22))
    draft.title, draft.subtitle = TITLE, RECIPIENT
    follow_profile(draft, template, PROFILE)  # the chef added to the profile afterwards
    set_text(draft, GENERAL_KEY, GENERAL)
    set_text(draft, "ekonomiska_konsekvenser", "Remissvaret ger inga ekonomiska konsekvenser.")
    set_text(draft, "konsekvenser_for_barn", "Remissvaret ger inga konsekvenser för barn.")
    return draft


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_general_synpunkter_come_before_the_per_section_ones(remiss, tmp_path):
    template = load_template("nacka-tjansteskrivelse")
    draft = _draft(remiss, template)
    insert_snippet(draft, GENERAL_KEY, Snippet("k1", "{namnd} vill särskilt lyfta kommunernas roll.",
                                              source=Source("Nacka kommun", "Socialnämnden", "SOCN 2021/133")))
    set_text(draft, "2.4", "Kommunen är en viktig aktör i folkhälsoarbetet.")
    result = export_docx(draft, template, tmp_path / "ut.docx")
    paragraphs = _paragraphs(result.path)
    texts = [text for _, text in paragraphs]
    assert paragraphs[:2] == [("Title", TITLE), ("Subtitle", RECIPIENT)]
    start = texts.index("Socialnämndens synpunkter på remissen")
    assert texts[start + 1 : start + 4] == [*GENERAL.split("\n\n"), "Socialnämnden vill särskilt lyfta kommunernas roll."]
    assert texts[start + 4].startswith("Avsnitt 2.4") and texts[start + 5] == "Kommunen är en viktig aktör i folkhälsoarbetet."
    assert result.comments == 1  # the reused sentence in the general part names its source
    table = docx.Document(str(result.path)).tables[-1]
    cells = [[p.text for p in cell.paragraphs] for cell in table.rows[0].cells]
    assert cells == [["Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret"],
                     ["Sofie Stener", "Gruppchef", "Äldreenheten"]]


def test_general_synpunkter_under_arendet_when_the_template_says_so(remiss, tmp_path):
    template = load_template("nacka-tjansteskrivelse")
    template.general_synpunkter = "arendet"
    draft = _draft(remiss, template)
    result = export_docx(draft, template, tmp_path / "ut.docx")
    paragraphs = _paragraphs(result.path)
    texts = [text for _, text in paragraphs]
    arendet = texts.index("Ärendet")
    following = texts[arendet + 1 :]
    end = next(i for i, (style, _) in enumerate(paragraphs[arendet + 1 :]) if style.startswith("Heading"))
    assert following[:end][-2:] == GENERAL.split("\n\n")  # after the Ärendet text, as Nacka wrote it
    assert "Socialnämndens synpunkter på remissen" not in texts  # no per-section synpunkter: no empty heading
