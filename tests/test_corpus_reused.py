"""Importing a tjänsteskrivelse remissdraft exported: reused text keeps the source its Word comment names, the
tool's own standard texts are not positions, and sections read "2.1 …", never "Avsnitt 2.1 …"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from remissdraft.corpus import import_files
from remissdraft.corpus.reused import parse_note, reused_sources
from remissdraft.draft import insert_snippet, load_draft, load_template, mark_ingen_erinran, new_draft, save_draft, set_text
from remissdraft.export import export_docx
from remissdraft.model import Person, Profile, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
EARLIER = Source("Nacka kommun", "Äldrenämnden", "ÄLDN 2021/40", "2021-03-30", "Strategi för psykisk hälsa", "2.1 Individnivå")
REUSED = "Äldrenämnden ser positivt på att samverkan på individnivå utgår från den enskildes behov och önskemål."
WRITTEN = "Socialnämnden saknar en beskrivning av hur strategin ska följas upp på vardagsnivå och vill se en plan för det."


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    remiss = read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])
    profile = Profile("Therese Råckle", "Kvalitetsutvecklare", "Omsorgsenheten", "Socialnämnden", "Nacka kommun", "",
                      Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"))
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), profile, dnr="SOCN 2021/150", datum=date(2021, 5, 20))
    for key in ("sammanfattning", "arendet", "ekonomiska_konsekvenser", "konsekvenser_for_barn"):
        if draft.section(key) is not None and not draft.section(key).text.strip():
            set_text(draft, key, "Förslaget medför inga ekonomiska konsekvenser." if key == "ekonomiska_konsekvenser" else "Inga konsekvenser för barn.")
    individ, vardag, other = draft.synpunkter[0], draft.synpunkter[1], draft.synpunkter[2]
    insert_snippet(draft, individ.key, Snippet("earlier1", REUSED, "positiv", source=EARLIER))
    set_text_synpunkt = next(s for s in draft.synpunkter if s.key == vardag.key)
    set_text_synpunkt.text = WRITTEN
    mark_ingen_erinran(draft, other.key)
    path = save_draft(draft, folder / "utkast.yaml")
    return export_docx(load_draft(path), load_template("nacka-tjansteskrivelse")).path


def test_the_comments_name_the_reused_text_and_its_source(exported):
    (reused,) = reused_sources(exported)
    assert "samverkan på individnivå utgår från den enskildes behov" in reused.text
    assert (reused.source.dnr, reused.source.namnd, reused.source.datum) == ("ÄLDN 2021/40", "Äldrenämnden", "2021-03-30")
    assert reused.source.section == "2.1 Individnivå"


def test_reimport_keeps_each_text_its_own_source(exported, tmp_path):
    (result,) = import_files([exported], tmp_path)
    snippets = [s for s in result.snippets if s.kind == "synpunkt"]
    earlier = [s for s in snippets if "den enskildes behov och önskemål" in s.text]
    assert len(earlier) == 1 and earlier[0].source.dnr == "ÄLDN 2021/40" and earlier[0].source.namnd == "Äldrenämnden"
    assert earlier[0].source.title == "Strategi för psykisk hälsa"
    written = [s for s in snippets if "följas upp på vardagsnivå" in s.text]
    assert len(written) == 1 and written[0].source.dnr == "SOCN 2021/150" and written[0].stance == "kritisk"
    assert not any("ingen erinran" in s.text.casefold() for s in snippets)  # the tool's own line is not a position
    assert not any(s.source.section.casefold().startswith("avsnitt") for s in result.snippets)
    assert written[0].source.section and not written[0].source.section.startswith("Avsnitt")


def test_note_without_some_facts():
    source = parse_note(["Återanvänd text – Kungsbacka kommun, KS-2025-00232, 2025-03-11", "Avsnitt: Avsnitt 4.5 Olycka med farliga ämnen"])
    assert (source.organisation, source.namnd, source.dnr, source.datum) == ("Kungsbacka kommun", "", "KS-2025-00232", "2025-03-11")
    assert source.section == "4.5 Olycka med farliga ämnen"
    assert parse_note(["En kommentar av en kollega"]) is None
