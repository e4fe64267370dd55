"""The TUI driven key by key with Textual's Pilot, on the bundled example remiss and the folkhälsopolicy.

Tests wait on the app's workers (reading the remiss, building the workspace, loading the ranking), never poll.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import docx
import pytest
import yaml
from conftest import FIXTURES
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from remissdraft.corpus.store import dump_snippets
from remissdraft.draft import load_draft
from remissdraft.locations import default_draft_path, example_remiss
from remissdraft.model import GENERAL_KEY, Snippet, Source
from remissdraft.tui.app import RemissdraftApp
from remissdraft.tui.screens.workspace import WorkspaceScreen
from remissdraft.tui.session import Session
from remissdraft.tui.widgets.keybar import KeyBar
from remissdraft.tui.widgets.outline import Outline
from remissdraft.tui.widgets.suggestions import Suggestions

SIZE = (150, 40)
NACKA_TITLE = "Remiss Folkhälsopolicy för Region Stockholms arbete för en god hälsa och minskade hälsoklyftor i befolkningen"
PROFILE = {
    "name": "Therese Råckle", "title": "Kvalitetsutvecklare", "unit": "Omsorgsenheten", "namnd": "Socialnämnden",
    "organisation": "Nacka kommun", "template": "nacka-tjansteskrivelse",
    "chef": {"name": "Helena Lindenius", "title": "Enhetschef", "unit": "Omsorgsenheten"},
}


def write_profile(data: dict) -> Path:
    from remissdraft.locations import profile_path

    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def profile(tmp_path, monkeypatch):
    return write_profile(PROFILE)


EXAMPLE_TITLE = "Strategi för främjande av psykisk hälsa och välbefinnande samt förebyggande av psykisk ohälsa 2022–2030"
EARLIER = Source(organisation="Testkommun", namnd="Socialnämnden", dnr="SN 2021/77", datum="2021-05-20", title=EXAMPLE_TITLE)


def answered(snippet_id: str, text: str, stance: str, section: str = "", topics: tuple[str, ...] = ()) -> Snippet:
    """An earlier answer to the example remiss itself, recorded for `section` (or under the headings `topics`):
    the provenance evidence puts it among the fits of that section whatever its words score."""
    return Snippet(snippet_id, text, stance, list(topics), Source(**{**EARLIER.to_dict(), "section": section}))


def user_corpus(*snippets: Snippet) -> Path:
    """Put `snippets` in the user corpus the tests read ($REMISSDRAFT_CORPUS, set by conftest), beside the bundled."""
    folder = Path(os.environ["REMISSDRAFT_CORPUS"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "testkommun.yaml").write_bytes(dump_snippets(list(snippets)))
    return folder


async def opened(pilot) -> RemissdraftApp:
    """Wait until the remiss is read, the workspace shown and the ranking loaded (all one worker)."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app


def workspace(app: RemissdraftApp) -> WorkspaceScreen:
    assert app.workspace is not None
    return app.workspace


def editor(app: RemissdraftApp) -> TextArea:
    return workspace(app).query_one("#editor", TextArea)


def status(app: RemissdraftApp) -> str:
    return str(workspace(app).query_one("#status").render())


def section_titled(app: RemissdraftApp, prefix: str):
    return next(s for s in app.session.sections if s.title.startswith(prefix))


# --- moving around -------------------------------------------------------------------------------------


async def test_open_and_move_through_sections(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        assert ws.section.label == "1 Inledning"
        await pilot.press("ctrl+n")
        assert ws.section.label == "1.1 Syfte"
        await pilot.press("ctrl+n", "ctrl+n")
        assert ws.section.label.startswith("3 Psykisk hälsa")
        await pilot.press("ctrl+b")
        assert ws.section.label == "2 Tillämpning"
        ws.query_one(Outline).focus()
        await pilot.press("down")
        assert ws.section.label.startswith("3 Psykisk hälsa")
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b")  # the general part comes before the remiss's own
        assert ws.section is app.session.general
        assert "Dnr HSN 2020-1753" in status(app)


async def test_the_count_is_of_sections_one_answers(profile):
    """A heading whose text is all in its sub-sections (6 Gemensamma utgångspunkter) is not one to answer."""
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert "0 av 18 avsnitt besvarade" in status(app)
        heading = section_titled(app, "Gemensamma utgångspunkter")
        assert not heading.paragraphs and heading.children
        assert str(workspace(app).query_one(Outline).nodes[id(heading)].label).startswith("  6 ")  # no mark
        await pilot.press("ctrl+g")  # next unanswered skips it
        assert workspace(app).section.label == "1.1 Syfte"


async def test_reopens_where_the_user_left_off(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        workspace(app).show_section(section_titled(app, "Vardagsmiljö"))
        await pilot.press("ctrl+q")
    again = RemissdraftApp(example_remiss(), draft_path=draft)
    async with again.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert again.session.resumed
        assert workspace(again).section.title.startswith("Vardagsmiljö")


async def test_the_app_and_new_make_the_same_draft(profile, capsys):
    from remissdraft.cli import main

    assert main(["new", *map(str, example_remiss()), "--dnr", "SOCN 2021/132"]) == 0
    assert default_draft_path(example_remiss()).exists()
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert app.session.resumed and app.session.draft.dnr == "SOCN 2021/132"


# --- the text of the remiss ----------------------------------------------------------------------------


async def test_search_in_the_remiss_text_does_not_crash_and_keeps_what_was_typed(profile, tmp_path):
    """F2, /, hälsa, Enter used to crash the app and lose the sentence typed just before."""
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Bra.")
        await pilot.press("f2", "slash")
        search = workspace(app).query_one("#text-search", Input)
        assert search.has_focus and search.border_title == "Sök i remisstexten"
        await pilot.press(*"hälsa", "enter")
        await pilot.pause()
        text = workspace(app).query_one("#section-text")
        section = workspace(app).section
        expected = f"{section.label}\n\n{section.text}".casefold().count("hälsa")
        assert expected > 1 and text.border_subtitle == f"{expected} träffar på ”hälsa”"
        assert not search.display or "hidden" in search.classes
        await pilot.press("ctrl+q")
    assert load_draft(draft).synpunkter[0].text == "Bra."


# --- nothing lost ------------------------------------------------------------------------------------------


async def test_an_unexpected_error_saves_the_draft_and_says_where_the_log_is(profile, tmp_path, monkeypatch):
    """A forced exception in a handler: the text typed (even if no handler had put it in the draft yet) is saved,
    the traceback goes to a log in the data dir, and the one Swedish line names both."""
    draft = tmp_path / "utkast.yaml"
    monkeypatch.setattr(WorkspaceScreen, "sync_editor", lambda self: False)  # as if the change was never handled

    def broken(self):
        raise RuntimeError("tvingat fel i en hanterare")

    monkeypatch.setattr(WorkspaceScreen, "action_next_unanswered", broken)
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    with pytest.raises(RuntimeError, match="tvingat fel"):
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
            editor(app).focus()
            await pilot.press(*"Före felet.")
            await pilot.press("ctrl+g")
            await pilot.pause()
    assert load_draft(draft).synpunkter[0].text == "Före felet."
    logs = list((tmp_path / "data" / "fel").glob("fel-*.log"))
    assert len(logs) == 1 and "tvingat fel i en hanterare" in logs[0].read_text(encoding="utf-8")
    message = app.crash_message
    assert "\n" not in message and "oväntat fel" in message
    assert str(draft) in message and str(logs[0]) in message
    assert app.return_code == 1


async def test_quitting_while_a_dialog_mounts_is_no_crash(tmp_path, monkeypatch):
    """The profile dialog of a first run still mounting when the app closes (a query finding nothing then) is
    no unexpected error: no crash line, no log, no error code."""
    from textual.css.query import NoMatches

    from remissdraft.tui.screens.profile import ProfileScreen

    def closing_while_mounting(self):
        self.app.exit()
        raise NoMatches("No nodes match '#profile-name'")

    monkeypatch.setattr(ProfileScreen, "on_mount", closing_while_mounting)
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.crash_message == "" and app.return_code != 1
    assert not list((tmp_path / "data" / "fel").glob("fel-*.log"))


async def test_a_change_is_saved_within_a_second(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Sparas.")
        await pilot.pause(1.0)
        assert load_draft(draft).synpunkter[0].text == "Sparas."
        assert "ej sparat" not in status(app)


async def test_quit_saves_what_was_written(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        editor(app).insert("Sparas vid avslut.")
        await pilot.press("ctrl+q")  # at once: no autosave has run
    assert load_draft(draft).synpunkter[0].text == "Sparas vid avslut."


async def test_save_and_resume(profile, tmp_path):
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp(example_remiss(), draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Inga synpunkter.")
        await pilot.press("ctrl+s")
        assert draft.exists()
    again = RemissdraftApp(example_remiss(), draft_path=draft)
    async with again.run_test(size=SIZE) as pilot:
        await opened(pilot)
        first = again.session.sections[0]
        assert again.session.synpunkt(first).text == "Inga synpunkter."
        assert workspace(again).section is first  # where the user left off
        assert editor(again).text == "Inga synpunkter."


# --- suggestions -------------------------------------------------------------------------------------------


async def test_filter_insert_edit_and_undo(profile):
    """Nacka's position under the heading "Styrande nivå" in its answer to this very remiss fits that section."""
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        section = section_titled(app, "Styrande nivå")
        ws.show_section(section)
        await pilot.pause()
        suggestions = ws.query_one(Suggestions)
        assert suggestions.items, "the corpus has positions on styrande nivå"
        await pilot.press("ctrl+f")
        await pilot.press(*"konsekvensanalyser")
        assert len(suggestions.items) == 1 and "konsekvensanalyser" in suggestions.items[0].snippet.text
        await pilot.press("enter")  # to the list
        await pilot.press("enter")  # insert
        await pilot.pause()
        assert editor(app).text.startswith("Socialnämnden är positiva till strategins angreppssätt")  # {namnd} filled
        synpunkt = app.session.synpunkt(section)
        assert synpunkt.text == editor(app).text and synpunkt.uses[0].source.dnr == "SOCN 2021/132"
        assert "1 av 18 avsnitt besvarade" in status(app)
        await pilot.press("ctrl+end", *" Vi instämmer.")
        assert editor(app).text.endswith("Vi instämmer.")
        assert app.session.synpunkt(section).text.endswith("Vi instämmer.")
        for _ in range(20):
            await pilot.press("ctrl+z")
        assert editor(app).text == "" and app.session.synpunkt(section).text == ""


STYRANDE = (  # earlier answers on Styrande nivå, of two stances, besides Nacka's
    answered("styr-1", "{namnd} efterlyser en tydligare ansvarsfördelning i den strategiska resursfördelningen.", "kritisk", "Styrande nivå"),
    answered("styr-2", "{namnd} instämmer i att hälsofrämjande politik ska genomsyra alla sektorer.", "positiv", "Styrande nivå"),
)


async def test_digits_filter_stances_and_zero_shows_all(profile):
    user_corpus(*STYRANDE)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        ws.show_section(section_titled(app, "Styrande nivå"))
        await pilot.press("f3", "2")
        suggestions = ws.query_one(Suggestions)
        assert ws.stance == "kritisk" and {s.snippet.stance for s in suggestions.items} == {"kritisk"}
        assert "ställning: kritisk" in ws.query_one("#right").border_subtitle
        await pilot.press("0")
        assert ws.stance is None and len({s.snippet.stance for s in suggestions.items}) > 1
        await pilot.press("ctrl+t")
        assert ws.stance == "positiv"


async def test_the_text_filter_is_reset_when_moving_section(profile):
    user_corpus(  # two earlier answers on Närsamhälle, the section before Styrande nivå
        answered("nar-1", "{namnd} vill att föreningslivet får en tydlig roll i bostadsområdenas arbete.", "positiv", "Närsamhälle"),
        answered("nar-2", "{namnd} saknar en beskrivning av hur bostadsbolagen ska delta.", "kritisk", "Närsamhälle"),
    )
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        ws.show_section(section_titled(app, "Styrande nivå"))
        await pilot.press("ctrl+f", *"konsekvensanalyser")
        assert len(ws.query_one(Suggestions).items) == 1
        await pilot.press("ctrl+b")
        assert ws.section.title.startswith("Närsamhälle")
        assert ws.query_one("#suggestion-filter", Input).value == ""
        assert {"nar-1", "nar-2"} <= {s.snippet.id for s in ws.query_one(Suggestions).items}


async def test_a_click_selects_and_a_double_click_inserts_once(profile):
    user_corpus(*STYRANDE)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        ws.show_section(section_titled(app, "Styrande nivå"))
        await pilot.pause()
        suggestions = ws.query_one(Suggestions)
        region = suggestions.region
        row = next(y for y in range(region.height)  # the first screen row of the second option
                   if app.screen.get_style_at(region.x + 5, region.y + y).meta.get("option") == 1)
        await pilot.click(Suggestions, offset=(5, row))
        await pilot.pause()
        assert suggestions.highlighted == 1 and editor(app).text == ""
        await pilot.click(Suggestions, offset=(5, row), times=2)
        await pilot.pause()
        inserted = app.session.fill(suggestions.items[1].snippet)
        assert editor(app).text == inserted  # once, not twice


async def test_a_suggestion_already_used_is_marked_and_asks_before_it_goes_in_again(profile):
    both = answered("both", "{namnd} vill att lokala samverkansformer används även i den strategiska styrningen.",
                    "positiv", topics=("Styrande nivå", "Närsamhälle"))  # one earlier answer on both sections
    user_corpus(both)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        first, second = section_titled(app, "Styrande nivå"), section_titled(app, "Närsamhälle")
        ws.show_section(first)
        await pilot.pause()
        suggestions = ws.query_one(Suggestions)
        suggestions.focus()
        suggestions.highlighted = suggestions.option_index(next(s for s in suggestions.items if s.snippet.id == "both"))
        await pilot.press("enter")
        assert app.session.synpunkt(first).uses[0].id == "both"
        ws.show_section(second)
        await pilot.pause()
        index = next(i for i, s in enumerate(suggestions.items) if s.snippet.id == "both")
        option = suggestions.option_index(suggestions.items[index])
        assert f"✓ redan använd: {app.session.synpunkt(first).label}" in str(suggestions.get_option_at_index(option).prompt)
        suggestions.focus()
        suggestions.highlighted = option
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")
        assert editor(app).text == ""
        await pilot.press("enter")
        await pilot.press("enter")  # "Infoga igen"
        assert editor(app).text == app.session.fill(both)


async def test_add_to_corpus_asks_for_the_stance(profile, tmp_path):
    corpus = tmp_path / "min-korpus"
    app = RemissdraftApp(example_remiss(), corpus_dir=corpus)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        editor(app).insert("Socialnämnden saknar en tydlig ansvarsfördelning.")
        await pilot.press("ctrl+l")
        assert type(app.screen).__name__ == "StanceScreen"
        await pilot.press("2")  # kritisk
        saved = list((corpus / "egna-synpunkter").glob("*.yaml"))
        assert len(saved) == 1
        entry = yaml.safe_load(saved[0].read_text(encoding="utf-8"))["snippets"][0]
        assert entry["stance"] == "kritisk" and entry["text"].startswith("{namnd} saknar")
        assert any(s.text.startswith("{namnd} saknar") for s in app.session.snippets)


async def test_the_fallback_is_found_by_the_loading_worker_not_the_ui(profile, monkeypatch):
    """What a section nothing fits is offered reads the whole corpus (0.8 s at 100 000 snippets): found in a
    thread while the workspace is in use, never on the UI's thread when such a section is first shown."""
    from remissdraft.match import Matcher

    threads = []
    fallback = Matcher.fallback

    def recorded(self, remiss, top=5):
        threads.append(threading.current_thread())
        return fallback(self, remiss, top)

    monkeypatch.setattr(Matcher, "fallback", recorded)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert threads and threading.main_thread() not in threads
        ws, nothing_fits = workspace(app), 0
        for _ in app.session.order:  # every section, those nothing fits included
            await pilot.press("ctrl+n")
            nothing_fits += app.session.offer(ws.section).nothing_fits
        assert nothing_fits and threading.main_thread() not in threads and len(threads) == 1


async def test_a_position_added_to_the_corpus_is_ranked_without_stopping_the_workspace(profile, tmp_path, monkeypatch):
    """Ctrl+L makes the ranking again in a thread (seconds at 100 000 snippets): the suggestions in use stay and
    the user goes on writing; then the new position is among those ranked."""
    started, release = threading.Event(), threading.Event()
    new_ranking = Session.new_ranking

    def slow_ranking(self, progress=None):
        started.set()
        assert release.wait(30)
        return new_ranking(self, progress)

    monkeypatch.setattr(Session, "new_ranking", slow_ranking)
    app = RemissdraftApp(example_remiss(), corpus_dir=tmp_path / "min-korpus")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        shown = ws.query_one(Suggestions).option_count
        before = app.session.matcher()
        editor(app).focus()
        editor(app).insert("Socialnämnden saknar en tydlig ansvarsfördelning för suicidprevention.")
        await pilot.press("ctrl+l", "2")
        while not started.is_set():
            await pilot.pause(0.02)
        assert app.session.matcher() is before and ws.query_one(Suggestions).option_count == shown  # still in use
        assert ws.query_one("#right").border_subtitle == "uppdaterar förslagen …"
        await pilot.press("end", "enter", "O", "k")  # writing goes on meanwhile
        assert editor(app).text.endswith("\nOk")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = app.session.matcher()
        assert after is not before and after.index.n_docs == before.index.n_docs + 1
        assert "uppdaterar" not in str(ws.query_one("#right").border_subtitle)
        own = [s for s in after.snippets if s.text.startswith("{namnd} saknar en tydlig ansvarsfördelning")]
        assert len(own) == 1 and own[0].stance == "kritisk"


# --- the whole document --------------------------------------------------------------------------------------


async def test_general_synpunkter_with_their_own_suggestions(profile, tmp_path):
    app = RemissdraftApp([FIXTURES / "folkhalsopolicy.txt"], draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        ws.show_section(app.session.general)
        await pilot.pause()
        assert editor(app).border_title == "Synpunkter i stort"
        assert "Synpunkter i stort" in str(ws.query_one("#section-body", Static).render())
        suggestions = ws.query_one(Suggestions)
        assert suggestions.items[0].snippet.source.dnr == "SOCN 2021/133"  # Nacka's own answer to this remiss
        await pilot.press("f3", "enter")
        assert "Socialnämnden ser positivt på folkhälsopolicyn" in app.session.draft.general.text  # {namnd} filled
        assert app.session.draft.general.uses[0].source.dnr == "SOCN 2021/133"
        assert "synpunkter i stort skrivna" in status(app)


async def test_the_frame_of_the_document_in_f4(profile, tmp_path):
    """Title, recipient line, dnr, date and signers edited in the app and kept in the draft."""
    draft = tmp_path / "utkast.yaml"
    app = RemissdraftApp([FIXTURES / "folkhalsopolicy.txt"], draft_path=draft)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f4")
        screen = app.screen
        assert screen.query_one("#draft-title", Input).has_focus
        await pilot.press("ctrl+a", *"Remiss Folkhälsopolicy", "tab", "ctrl+a", *"Yttrande till Regionstyrelsen", "tab")
        await pilot.press(*"SOCN 2021/133", "tab")
        datum = screen.query_one("#draft-datum", Input)
        before = datum.value
        await pilot.press("x")  # Tab into the date and type: the date is kept, not wiped
        assert datum.value == before + "x" and app.session.draft.datum == before
        await pilot.press("ctrl+a", *"2021-04-22", "tab")
        await pilot.press("ctrl+end", *" Nilsson")  # the chef's name field
        await pilot.press("escape")
        await pilot.press("ctrl+s")
    saved = load_draft(draft)
    assert (saved.title, saved.subtitle, saved.dnr, saved.datum) == (
        "Remiss Folkhälsopolicy", "Yttrande till Regionstyrelsen", "SOCN 2021/133", "2021-04-22")
    assert saved.signatures[0].name == "Helena Lindenius Nilsson" and saved.signatures[0].edited


async def test_a_chef_added_in_the_profile_reaches_the_signatures(tmp_path):
    write_profile({**PROFILE, "chef": {}})
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Text.")
        assert [s.name for s in app.session.draft.signatures] == ["", "Therese Råckle"]
        await pilot.press("f6")  # from the editor: function keys work in any pane
        assert type(app.screen).__name__ == "ProfileScreen"
        app.screen.query_one("#profile-chef_name", Input).value = "Karin Kollberg"
        app.screen.query_one("#profile-chef_title", Input).value = "Social- och äldredirektör"
        await pilot.press("ctrl+s")
        await pilot.pause()
        signers = app.session.draft.signatures
        assert [(s.name, s.title) for s in signers] == [("Karin Kollberg", "Social- och äldredirektör"),
                                                         ("Therese Råckle", "Kvalitetsutvecklare")]
        assert editor(app).text == "Text."  # nothing written is lost


async def test_suggestions_and_standard_texts_in_the_f4_texts(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f4")
        screen = app.screen
        area = screen.query_one("#draft-konsekvenser_for_barn", TextArea)
        area.focus()
        await pilot.pause()
        panel = screen.query_one("#draft-suggestions", Suggestions)
        standard = app.session.standard_texts("konsekvenser_for_barn")
        assert [app.session.fill(s.snippet) for s in panel.items[: len(standard)]] == standard
        await pilot.press("f3", "enter")  # into the text focused last
        assert area.text == standard[0] and area.has_focus
        await pilot.press("ctrl+o")
        assert area.text == standard[1]  # Ctrl+O offers the next one
        await pilot.press("ctrl+z")
        assert area.text == standard[0]
        await pilot.press("ctrl+home", *"Först. ")  # Ctrl+Home goes to the start of the text …
        await pilot.press("ctrl+end", *" Sist.")  # … and Ctrl+End to its end
        assert area.text == f"Först. {standard[0]} Sist."
        await pilot.press("ctrl+a", *"Ersatt.")
        assert area.text == "Ersatt."
        await pilot.press("escape")
        assert app.session.draft.section("konsekvenser_for_barn").text == "Ersatt."


async def test_the_palette_inserts_a_snippet_where_one_writes(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f4")
        area = app.screen.query_one("#draft-general", TextArea)
        area.focus()
        await pilot.press("ctrl+p", *"samverkan på styrande nivå")
        await pilot.pause(0.5)
        palette = app.screen
        assert palette.query_one(Input).placeholder.startswith("Sök kommandon")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert area.text and app.session.draft.general.text == area.text
        assert app.session.draft.general.uses


async def test_opening_the_palette_where_one_writes_makes_the_word_index_for_snippet_search(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        matcher = app.session.matcher()
        assert matcher._words is None  # not made before anyone searches
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        assert matcher._words is not None and matcher._words.n_docs == len(app.session.snippets)


async def test_export_from_the_dialog_goes_to_a_visible_folder(profile, tmp_path):
    remiss = tmp_path / "remisser"
    remiss.mkdir()
    files = [Path(shutil.copy(path, remiss)) for path in example_remiss()]
    app = RemissdraftApp(files, draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Bra.")
        for key, text in [("ekonomiska_konsekvenser", "Inga ekonomiska konsekvenser."), ("konsekvenser_for_barn", "Inga konsekvenser för barn.")]:
            app.session.draft.section(key).text = text
        await pilot.press("f5")
        field = app.screen.query_one("#export-output", Input)
        output = Path(field.value)
        assert output.parent == remiss and output.suffix == ".docx"  # next to the remiss
        assert "Hamnar i mappen" in str(app.screen.query_one("#export-folder", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert output.exists(), [n.message for n in app._notifications]
        assert f"Senast exporterad: {output}" in status(app)
        assert app.session.draft.last_export == str(output)
        await pilot.press("f5")
        assert app.screen.query_one("#export-output", Input).value == str(output)  # again where it went last
        assert app.screen.query_one("#export-overwrite", Checkbox).display
    text = "\n".join(p.text for p in docx.Document(output).paragraphs)
    assert "Bra." in text and "Förslag till beslut" in text


async def test_the_bundled_example_exports_to_documents(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f5")
        assert Path(app.screen.query_one("#export-output", Input).value).parent == tmp_path / "Dokument"


async def test_space_and_enter_press_buttons(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f5")
        screen = app.screen
        screen.query_one("#cancel").focus()
        await pilot.press("space")
        assert isinstance(app.screen, WorkspaceScreen) and not app.session.draft.last_export  # cancelled, not exported
        await pilot.press("f5")
        output = tmp_path / "ut.docx"
        app.screen.query_one("#export-output", Input).value = str(output)
        app.screen.query_one("#export-force", Checkbox).value = True
        app.screen.query_one("#export").focus()
        await pilot.press("space")
        await pilot.pause()
        assert output.exists()


async def test_the_export_dialog_names_placeholders_the_profile_leaves_unfilled(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f5")
        assert not app.screen.query_one("#export-unfilled").display  # the profile names the nämnd: nothing to say
    write_profile({key: value for key, value in PROFILE.items() if key != "namnd"})
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utan-namnd.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f5")
        note = str(app.screen.query_one("#export-unfilled", Static).render())
        assert "{namnd} (nämndens namn)" in note and "fyll i profilen (F6)" in note
        output = tmp_path / "ut.docx"
        app.screen.query_one("#export-output", Input).value = str(output)
        app.screen.query_one("#export-force", Checkbox).value = True
        await pilot.press("enter")
        await pilot.pause()
        assert output.exists()  # a note, not a stop: the export is made, and says so again
        assert any("{namnd}" in n.message for n in app._notifications)
        await pilot.press("f5")
        assert app.screen.query_one("#export-unfilled").display
        await pilot.press("f6")  # the profile over the dialog; the nämnd filled there ends the note
        app.screen.query_one("#profile-namnd", Input).value = "Socialnämnden"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen" and not app.screen.query_one("#export-unfilled").display


async def test_the_export_dialog_stays_open_on_a_mistake(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("f5")
        field = app.screen.query_one("#export-output", Input)
        field.value = str(tmp_path / "finns-inte" / "ut.docx")
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ExportScreen" and field.value.endswith("finns-inte/ut.docx")
        assert "finns inte – välj en annan" in str(app.screen.query_one("#export-folder", Static).render())
        field.value = str(tmp_path / "ut.docx")
        await pilot.press("enter")  # required sections still empty, "Exportera ändå" not ticked
        assert type(app.screen).__name__ == "ExportScreen"
        assert "Exportera ändå" in str(app.screen.query_one("#export-folder", Static).render())
        assert not (tmp_path / "ut.docx").exists()
        # keyboard only: Tab to "Exportera ändå", Space ticks it, Enter there sends the dialog (and leaves the tick)
        await pilot.press("tab", "tab")
        force = app.screen.query_one("#export-force", Checkbox)
        assert app.screen.focused is force
        await pilot.press("space")
        assert force.value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen) and (tmp_path / "ut.docx").exists()


async def test_broken_file_gives_a_notification(profile):
    app = RemissdraftApp([FIXTURES / "corrupt.docx"])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session is None
        assert any("skadad" in n.message for n in app._notifications)
        assert "Fel:" in str(app.query_one("#loading-label", Label).render())


async def test_the_spinner_shows_only_when_reading_the_remiss_takes_a_while(profile, tmp_path, monkeypatch):
    from textual.widgets import LoadingIndicator

    import remissdraft.tui.session as session_module

    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:  # a text remiss is read in a blink: no spinner
        await opened(pilot)
        await pilot.pause(0.6)  # past the 0.3 s after which a slow read shows it
        assert not app.query_one("#loading", LoadingIndicator).display
    released = threading.Event()
    read = session_module.open_session
    monkeypatch.setattr(session_module, "open_session", lambda *args: released.wait(10) and read(*args))
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        spinner = app.query_one("#loading", LoadingIndicator)
        assert not spinner.display
        await pilot.pause(1.0)  # well past the 0.3 s after which a slow read shows it
        assert spinner.display and app.workspace is None
        released.set()
        await opened(pilot)
        assert isinstance(app.screen, WorkspaceScreen) and not spinner.display


async def test_first_run_asks_for_the_profile(tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot)
        assert type(app.screen).__name__ == "ProfileScreen"
        welcome = app.screen.query_one("#profile-welcome", Static)
        shown = " ".join("".join(segment.text for segment in strip).strip() for strip in welcome.render_lines(welcome.region.reset_offset))
        assert shown.strip().endswith("den används i tjänsteskrivelsen.")  # wrapped, not cut at the box's edge
        await pilot.press(*"Anna Andersson", "tab", *"Handläggare", "tab", *"Stab", "tab", *"Äldrenämnden")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.session.draft.namnd == "Äldrenämnden"
        assert app.session.draft.author.name == "Anna Andersson"
        workspace(app).show_section(section_titled(app, "Styrande nivå"))  # Nacka's "{namnd} är positiva …" fits
        await pilot.pause()
        suggestions = workspace(app).query_one(Suggestions)
        with_namnd = next(s for s in suggestions.items if s.snippet.text.startswith("{namnd}"))
        assert app.session.fill(with_namnd.snippet).startswith("Äldrenämnden")
        shown = str(suggestions.get_option_at_index(suggestions.option_index(with_namnd)).prompt)
        assert "Äldrenämnden är positiva" in shown and "{namnd}" not in shown  # what the list shows now


# --- keys, help and Swedish --------------------------------------------------------------------------------------


async def test_help_is_made_from_the_live_bindings(profile, tmp_path):
    write_profile({**PROFILE, "keymap": {"export": "f9"}})
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        rows = {(row.keys, row.description) for row in app.screen.rows}
        assert ("Ctrl+P", "Kommandon") in rows and ("F9", "Exportera") in rows  # remapped, so F5 is not listed
        assert ("F5", "Exportera") not in rows
        assert ("Ctrl+A", "Markera allt") in rows and ("Ctrl+Home", "Till textens början") in rows
        assert ("0", "Visa alla ställningar") in rows
        await pilot.press("escape")
        await pilot.press("f4", "f1")
        assert ("Ctrl+O", "Standardtext") in {(row.keys, row.description) for row in app.screen.rows}


async def test_a_keymap_in_the_profile_moves_a_key(tmp_path):
    write_profile({**PROFILE, "keymap": {"export": "f9", "okänd": "f12"}})
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert any("okänd" in n.message for n in app._notifications)
        await pilot.press("f5")
        assert isinstance(app.screen, WorkspaceScreen)
        await pilot.press("f9")
        assert type(app.screen).__name__ == "ExportScreen"


async def test_function_keys_work_from_every_pane(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        keys = (("f1", "HelpScreen"), ("f4", "DraftScreen"), ("f5", "ExportScreen"), ("f6", "ProfileScreen"))
        for pane, tried in (("#editor", keys), ("#suggestion-filter", keys[3:]), ("#suggestions", keys[:1])):
            for key, screen in tried:
                workspace(app).query_one(pane).focus()
                await pilot.press(key)
                assert type(app.screen).__name__ == screen, (pane, key)
                await pilot.press("escape")
                assert isinstance(app.screen, WorkspaceScreen)


async def test_editing_keys_in_the_editor_and_in_fields(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        area = editor(app)
        area.focus()
        await pilot.press(*"ett två tre")
        await pilot.press("ctrl+home", "ctrl+right", "ctrl+shift+right")
        assert area.selected_text.strip() == "två"
        await pilot.press("shift+end")
        assert area.selected_text == " två tre"
        await pilot.press("ctrl+a")
        assert area.selected_text == "ett två tre"
        field = workspace(app).query_one("#suggestion-filter", Input)
        field.focus()
        await pilot.press(*"alfa beta", "ctrl+home", "ctrl+shift+right")
        assert field.selected_text.strip() == "alfa"
        await pilot.press("ctrl+a", *"gamma")
        assert field.value == "gamma"


async def test_textual_speaks_swedish(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        workspace(app).query_one(Outline).focus()
        await pilot.press("ctrl+c")
        notice = app._notifications
        assert any(n.title == "Vill du avsluta?" and "Ctrl+Q" in n.message for n in notice)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown and not any(word in " ".join(shown) for word in ("Theme", "Quit", "Keys", "Screenshot"))
        await pilot.press(*"qqqxyz")
        await pilot.pause(0.8)
        assert "Inga träffar" in " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def test_the_footer_keeps_f1_f4_f5_at_100_columns(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        bar = workspace(app).query_one(KeyBar)
        visible = {key.binding.key for key in bar.drawn() if key.end <= bar.size.width == 100}
        assert {"f1", "f4", "f5"} <= visible


async def test_the_key_bar_shows_the_screens_keys_and_a_click_on_a_key_presses_it(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=(140, 35)) as pilot:
        await opened(pilot)
        bar = workspace(app).query_one(KeyBar)
        text = str(bar.render())
        assert text.startswith(" f1 Hjälp  f4 Utkastet ") and text.rstrip().endswith("▏^p Kommandon")
        assert len(text) == 140 and all(key.end <= 140 for key in bar.drawn())
        assert "Godta" not in text  # shown only while there are proposals (test_tui_proposals)
        draft_key = next(key for key in bar.drawn() if key.binding.key == "f4")
        propose_key = next(key for key in bar.drawn() if key.binding.key == "f7")
        await pilot.hover(KeyBar, offset=(propose_key.start + 1, 0))
        assert str(bar.tooltip).startswith("Föreslå utkast: tidigare ställningstaganden")  # the binding's tooltip
        await pilot.hover(KeyBar, offset=(draft_key.start + 1, 0))
        assert bar.tooltip is None  # F4 has none
        await pilot.click(KeyBar, offset=(draft_key.start + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "DraftScreen"


# --- the folkhälsopolicy as Nacka answered it -----------------------------------------------------------------


async def test_the_folkhalsopolicy_answered_as_nacka_did(tmp_path):
    """SOCN 2021/133: synpunkter i stort only, Nacka's own title and recipient line, both signers by name – all in
    the app – and the exported document shows them."""
    write_profile({"name": "Sofie Stener", "title": "Gruppchef", "unit": "Äldreenheten", "namnd": "Socialnämnden",
                   "organisation": "Nacka kommun",
                   "chef": {"name": "Karin Kollberg", "title": "Social- och äldredirektör", "unit": "Stadsledningskontoret"}})
    output = tmp_path / "Dokument" / "yttrande.docx"
    output.parent.mkdir()
    app = RemissdraftApp([FIXTURES / "folkhalsopolicy_styles.pdf"], draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        ws.show_section(app.session.general)
        await pilot.press("f3", "enter")  # Nacka's general position
        await pilot.press("f4")
        for field, value in (("#draft-title", NACKA_TITLE), ("#draft-subtitle", "Yttrande till Regionstyrelsen, Stockholms region"),
                             ("#draft-dnr", "SOCN 2021/133")):
            app.screen.query_one(field, Input).value = value  # as pasted into the fields
        for key in ("ekonomiska_konsekvenser", "konsekvenser_for_barn"):
            app.screen.query_one(f"#draft-{key}", TextArea).focus()
            await pilot.press("ctrl+o")
        await pilot.press("f5")
        app.screen.query_one("#export-output", Input).value = str(output)
        await pilot.press("enter")
        await pilot.pause()
        assert output.exists(), [n.message for n in app._notifications]
    document = docx.Document(output)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0] == ("Title", NACKA_TITLE)
    assert paragraphs[1] == ("Subtitle", "Yttrande till Regionstyrelsen, Stockholms region")
    texts = [text for _, text in paragraphs]
    assert any("Socialnämnden ser positivt på folkhälsopolicyn" in t for t in texts)
    assert "Remissvaret ger inga ekonomiska konsekvenser." in texts
    signers = [[p.text for p in cell.paragraphs] for cell in document.tables[-1].rows[0].cells]
    assert signers == [["Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret"],
                       ["Sofie Stener", "Gruppchef", "Äldreenheten"]]
    assert load_draft(tmp_path / "utkast.yaml").general.key == GENERAL_KEY


async def test_command_palette_jumps_to_a_section(profile):
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Närsamhälle")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert workspace(app).section.title.startswith("Närsamhälle")


async def test_command_palette_switches_template(profile, tmp_path):
    app = RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        editor(app).focus()
        await pilot.press(*"Kvar.")
        await pilot.press("ctrl+p")
        await pilot.press(*"Byt mall: Tjänsteutlåtande")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        draft = app.session.draft
        assert draft.template == "stockholm-tjansteutlatande"
        assert draft.synpunkter[0].text == "Kvar."
        assert app.session.autosaver.draft is draft


# --- the cyclic collector while starting ------------------------------------------------------------------


async def test_the_collector_waits_until_the_first_suggestions_are_shown(profile, monkeypatch):
    """Starting makes many objects that live on and few cycles: the collector is paused from the app's start
    until the first suggestions are shown, then runs as before."""
    import gc

    from remissdraft.tui import app as app_module

    during: list[bool] = []
    warm_up = app_module.RemissdraftApp._warm_up
    monkeypatch.setattr(app_module.RemissdraftApp, "_warm_up", lambda self, session: during.append(gc.isenabled()) or warm_up(self, session))
    assert gc.isenabled()
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert during == [False]
        assert workspace(app).query_one(Suggestions).option_count and gc.isenabled()


async def test_the_collector_runs_again_when_the_remiss_cannot_be_opened_or_the_app_ends(profile, monkeypatch):
    import gc

    from remissdraft.tui import app as app_module

    app = RemissdraftApp([FIXTURES / "corrupt.docx"])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session is None and gc.isenabled()
    slow = threading.Event()
    monkeypatch.setattr(app_module.RemissdraftApp, "_warm_up", lambda self, session: slow.wait(30))
    app = RemissdraftApp(example_remiss())
    try:
        async with app.run_test(size=SIZE) as pilot:
            while app.workspace is None:
                await pilot.pause(0.05)
            assert not gc.isenabled()  # the suggestions not yet shown
            await pilot.press("ctrl+q")
    finally:
        slow.set()
    assert gc.isenabled()
    gc.disable()  # one that was off stays off
    try:
        app = RemissdraftApp(example_remiss())
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- typing while the outline has the focus ----------------------------------------------------------------


async def test_typing_in_the_outline_goes_on_with_the_synpunkt(profile):
    """At start the outline has the focus: what the user types is not lost but written in the synpunkt of the
    section shown, at its end, and the editor takes over; space, "/" and "?" keep their meaning there."""
    from textual import events

    from remissdraft.tui.screens.help import HelpScreen

    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        ws = workspace(app)
        outline = ws.query_one(Outline)
        assert app.focused is outline
        await pilot.press("N", "ä", "m", "n", "d", "e", "n", "space", "s", "e", "r", "space")
        assert editor(app).text == "Nämnden ser " and app.focused is editor(app)
        outline.focus()
        await pilot.pause()
        for character in "på det":  # a burst (a paste the terminal sends as keys): all reach the outline first
            outline.post_message(events.Key("space" if character == " " else character, character))
        outline.post_message(events.Paste(" – inklistrat."))
        await pilot.pause()
        assert editor(app).text == "Nämnden ser på det – inklistrat." and app.focused is editor(app)
        outline.focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("slash")
        assert app.focused is ws.query_one("#text-search")
        await pilot.press("escape")
        outline.focus()
        ws.query_one(Outline).select_section(section_titled(app, "Psykisk hälsa"))
        await pilot.pause()
        node = outline.cursor_node
        assert node is not None and node.is_expanded
        await pilot.press("space")  # opens and closes a heading, as before
        assert not node.is_expanded and app.focused is outline
