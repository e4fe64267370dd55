"""The TUI driven key by key with Textual's Pilot, on the bundled example remiss."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from textual.widgets import Input, Label, TextArea

from conftest import FIXTURES
from remissdraft.locations import example_remiss
from remissdraft.tui.app import RemissdraftApp
from remissdraft.tui.widgets.outline import Outline
from remissdraft.tui.widgets.suggestions import Suggestions

SIZE = (150, 40)
PROFILE = {
    "name": "Therese Råckle", "title": "Kvalitetsutvecklare", "unit": "Omsorgsenheten", "namnd": "Socialnämnden",
    "organisation": "Nacka kommun", "template": "nacka-tjansteskrivelse",
    "chef": {"name": "Helena Lindenius", "title": "Enhetschef", "unit": "Omsorgsenheten"},
}


@pytest.fixture
def profile(tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "profile.yaml").write_text(yaml.safe_dump(PROFILE, allow_unicode=True), encoding="utf-8")
    return config


async def opened(pilot) -> RemissdraftApp:
    app = pilot.app
    for _ in range(200):
        await pilot.pause(0.02)
        if app.session is not None and app.query(Outline) and app.session.ranking_ready:
            break
    await pilot.pause()
    return app


async def test_open_and_move_through_sections(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert app.section.label == "1 Inledning"
        await pilot.press("ctrl+n")
        assert app.section.label == "1.1 Syfte"
        await pilot.press("ctrl+n", "ctrl+n")
        assert app.section.label.startswith("3 Psykisk hälsa")
        await pilot.press("ctrl+b")
        assert app.section.label == "2 Tillämpning"
        app.query_one(Outline).focus()
        await pilot.press("down")
        assert app.section.label.startswith("3 Psykisk hälsa")
        status = str(app.query_one("#status").render())
        assert "Dnr HSN 2020-1753" in status and "0 av 19 avsnitt besvarade" in status


async def test_filter_insert_edit_and_undo(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        section = next(s for s in app.session.sections if s.title.startswith("Styrande nivå"))
        app.show_section(section)
        await pilot.pause()
        suggestions = app.query_one(Suggestions)
        assert suggestions.items, "the corpus has positions on styrande nivå"
        await pilot.press("ctrl+t", "ctrl+t")  # alla → positiv → kritisk
        assert app.stance == "kritisk" and {s.snippet.stance for s in suggestions.items} == {"kritisk"}
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t")  # → förbehåll → förtydligande → neutral → alla
        assert app.stance is None
        await pilot.press("ctrl+f")
        await pilot.press(*"integrera")
        assert len(suggestions.items) == 1 and "integrera" in suggestions.items[0].snippet.text
        await pilot.press("enter")  # to the list
        await pilot.press("enter")  # insert
        await pilot.pause()
        editor = app.query_one("#editor", TextArea)
        assert editor.text.startswith("Socialnämnden är positiva till strategins angreppssätt")  # {namnd} filled
        synpunkt = app.session.synpunkt(section)
        assert synpunkt.text == editor.text and synpunkt.uses[0].source.dnr == "SOCN 2021/132"
        assert "1 av 19 avsnitt besvarade" in str(app.query_one("#status").render())
        await pilot.press("end", *" Vi instämmer.")
        assert editor.text.endswith("Vi instämmer.")
        assert app.session.synpunkt(section).text.endswith("Vi instämmer.")
        for _ in range(20):
            await pilot.press("ctrl+z")
        assert editor.text == "" and app.session.synpunkt(section).text == ""


async def test_ingen_erinran_and_next_unanswered(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+r")
        first = app.session.synpunkt(app.section)
        assert first.ingen_erinran
        label = str(app.query_one(Outline).cursor_node.label)
        assert label.startswith("– 1 Inledning")
        await pilot.press("ctrl+g")
        assert app.section.label == "1.1 Syfte"
        await pilot.press("ctrl+b", "ctrl+r")
        assert not first.ingen_erinran


async def test_save_and_resume(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.query_one("#editor", TextArea).focus()
        await pilot.press(*"Nämnden har inga synpunkter på inledningen.")
        await pilot.press("ctrl+s")
        assert draft.exists()
    again = RemissdraftApp(example_remiss(), draft_path=draft)
    async with again.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert again.session.resumed
        first = again.session.sections[0]
        assert again.session.synpunkt(first).text == "Nämnden har inga synpunkter på inledningen."
        assert again.section is not first  # opens on the first unanswered section
        again.show_section(first)
        assert again.query_one("#editor", TextArea).text == "Nämnden har inga synpunkter på inledningen."


async def test_quit_saves_what_was_written(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.query_one("#editor", TextArea).focus()
        await pilot.press(*"Sparas vid avslut.")
        await pilot.press("ctrl+q")
    assert "Sparas vid avslut." in draft.read_text(encoding="utf-8")


async def test_export_from_the_dialog(profile, tmp_path):
    output = tmp_path / "yttrande.docx"
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.query_one("#editor", TextArea).focus()
        await pilot.press(*"Socialnämnden välkomnar strategin.")
        await pilot.press("f4")  # the standard sections: fill the two required ones
        await pilot.pause()
        for key, text in [("ekonomiska_konsekvenser", "Inga ekonomiska konsekvenser."), ("konsekvenser_for_barn", "Inga konsekvenser för barn.")]:
            area = app.screen.query_one(f"#draft-{key}", TextArea)
            area.focus()
            await pilot.press("ctrl+a", *text)
        await pilot.press("escape")
        await pilot.press("f5")
        await pilot.pause()
        field = app.screen.query_one("#export-output", Input)
        field.value = str(output)
        await pilot.press("enter")
        await pilot.pause()
        assert output.exists(), [n.message for n in app._notifications]
    text = "\n".join(p.text for p in docx.Document(output).paragraphs)
    assert "Socialnämnden välkomnar strategin." in text
    assert "Förslag till beslut" in text


async def test_broken_file_gives_a_notification(profile):
    app = RemissdraftApp([FIXTURES / "corrupt.docx"])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(10):
            await pilot.pause(0.05)
        assert app.session is None
        messages = [n.message for n in app._notifications]
        assert any("skadad" in m for m in messages)
        assert "Fel:" in str(app.query_one("#loading-label", Label).render())


async def test_first_run_asks_for_the_profile(tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfileScreen"
        await pilot.press(*"Anna Andersson", "tab", *"Handläggare", "tab", *"Stab", "tab", *"Äldrenämnden")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ != "ProfileScreen"
        assert app.session.draft.namnd == "Äldrenämnden"
        assert app.session.draft.author.name == "Anna Andersson"


async def test_help_lists_the_bindings(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert type(app.screen).__name__ != "HelpScreen"
        assert all(binding.id for binding in app.BINDINGS)


async def test_draft_view_standard_texts_and_dnr(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f4")
        await pilot.pause()
        dnr = app.screen.query_one("#draft-dnr", Input)
        dnr.focus()
        await pilot.press(*"SOCN 2021/132")
        area = app.screen.query_one("#draft-konsekvenser_for_barn", TextArea)
        area.focus()
        await pilot.press("ctrl+o")
        first = area.text
        assert first in app.session.standard_texts("konsekvenser_for_barn")
        await pilot.press("ctrl+o")
        assert area.text != first  # the next standard text
        await pilot.press("ctrl+z")
        assert area.text == first
        await pilot.press("escape")
        draft = app.session.draft
        assert draft.dnr == "SOCN 2021/132"
        assert draft.section("konsekvenser_for_barn").text == first


async def test_command_palette_jumps_to_a_section(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Närsamhälle")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.section.title.startswith("Närsamhälle")


async def test_command_palette_switches_template(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.query_one("#editor", TextArea).focus()
        await pilot.press(*"Behålls vid mallbyte.")
        await pilot.press("ctrl+p")
        await pilot.press(*"Byt mall: Tjänsteutlåtande")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        draft = app.session.draft
        assert draft.template == "stockholm-tjansteutlatande"
        assert draft.synpunkter[0].text == "Behålls vid mallbyte."
        assert app.session.autosaver.draft is draft
