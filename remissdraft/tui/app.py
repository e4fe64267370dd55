"""The remissdraft app: the remiss outline, its text, earlier positions and the synpunkt being written."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Label, LoadingIndicator, TextArea
from textual.worker import Worker, WorkerState

from ..draft import list_templates, load_profile, load_template, mark_ingen_erinran, missing_required, save_profile, set_text
from ..draft.edit import fill_snippet
from ..errors import RemissdraftError
from ..locations import user_corpus_dir
from ..model import STANCES, Profile, Section, Snippet, SnippetUse, Source
from .session import Session
from .widgets.outline import Outline
from .widgets.section_text import SectionText
from .widgets.status import StatusBar
from .widgets.suggestions import Suggestions

if TYPE_CHECKING:
    from .screens.export import ExportRequest

STANCE_FILTERS: list[str | None] = [None, *STANCES]
STANCE_NAMES = {None: "alla", "positiv": "positiv", "kritisk": "kritisk", "forbehall": "förbehåll",
                "fortydligande": "förtydligande", "neutral": "neutral"}


class RemissdraftApp(App[None]):
    """Compose a yttrande on a remiss, keyboard first."""

    TITLE = "remissdraft"
    CSS_PATH = Path(__file__).with_name("remissdraft.tcss")
    COMMANDS = App.COMMANDS | {lambda: _commands()}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="save"),
        Binding("ctrl+n", "next_section", "Nästa", id="next-section"),
        Binding("ctrl+b", "previous_section", "Föregående", id="previous-section"),
        Binding("ctrl+g", "next_unanswered", "Obesvarat", id="next-unanswered"),
        Binding("ctrl+r", "ingen_erinran", "Ingen erinran", id="ingen-erinran"),
        Binding("ctrl+t", "cycle_stance", "Ställning", id="cycle-stance"),
        Binding("ctrl+f", "filter", "Filtrera förslag", id="filter-suggestions", show=False),
        Binding("ctrl+l", "add_to_corpus", "Till korpus", id="add-to-corpus", show=False),
        Binding("f1,question_mark", "help", "Hjälp", id="help"),
        Binding("f2", "focus_outline", "Avsnitt", id="focus-outline", show=False),
        Binding("f3", "focus_suggestions", "Förslag", id="focus-suggestions", show=False),
        Binding("f4", "draft", "Utkastet", id="draft-view"),
        Binding("f5", "export", "Exportera", id="export"),
        Binding("f6", "profile", "Profil", id="profile", show=False),
        Binding("slash", "search_text", "Sök i texten", id="search-text", show=False),
        Binding("escape", "focus_editor", "Till synpunkten", id="focus-editor", show=False),
        Binding("ctrl+q", "quit", "Avsluta", id="quit", priority=True),
    ]

    def __init__(self, files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> None:
        super().__init__()
        self.theme = "textual-dark"  # fixed, so every screen (and every snapshot) looks the same
        self.files = files
        self.draft_path = draft_path
        self.corpus_dir = corpus_dir
        self.session: Session | None = None
        self.section: Section | None = None
        self.stance: str | None = None
        # Reading the remiss starts now, in a plain thread, so that it overlaps Textual's own start-up.
        self._opening = _Background(self._open)

    def _open(self) -> Session:
        from .session import open_session

        return open_session(self.files, self.draft_path, self.corpus_dir)

    WORKSPACE_ACTIONS = {
        "save", "next_section", "previous_section", "next_unanswered", "ingen_erinran", "cycle_stance", "filter",
        "add_to_corpus", "focus_outline", "focus_suggestions", "draft", "export", "search_text", "focus_editor",
    }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Workspace keys act only on the workspace, once the remiss is open, not behind a dialog."""
        if action in self.WORKSPACE_ACTIONS:
            return self.session is not None and len(self.screen_stack) == 1
        return True

    # --- building the screen --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Label("Läser remissen …", id="loading-label")
        yield LoadingIndicator(id="loading")
        yield Footer()

    def on_mount(self) -> None:
        self.load_session()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_session(self) -> Session:
        return self._opening.result()

    @work(thread=True, exclusive=True, group="rank", exit_on_error=False)
    def load_ranking(self) -> None:
        """Load the ranking engine and index off the UI thread; suggestions show when it is ready."""
        session = self.session
        section = self.section or (session.sections[0] if session.sections else None)
        if section is not None:
            session.suggestions(section, self.stance)
        self.call_from_thread(self._ranking_loaded)

    def _ranking_loaded(self) -> None:
        self.session.ranking_ready = True
        self.refresh_suggestions()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "rank" and event.state == WorkerState.ERROR:
            self.notify(f"Förslagen kunde inte tas fram ({event.worker.error})", severity="error", timeout=15)
            return
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self.session = event.worker.result
            self.call_later(self._build_workspace)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, RemissdraftError) else f"Remissen kunde inte öppnas ({error})"
            self.query_one("#loading-label", Label).update(f"[b red]Fel:[/] {message}\n\nCtrl+Q avslutar.")
            self.query_one("#loading", LoadingIndicator).display = False
            self.notify(message, title="Kunde inte öppna", severity="error", timeout=30)

    async def _build_workspace(self) -> None:
        session = self.session
        await self.query_one("#loading").remove()
        await self.query_one("#loading-label").remove()
        workspace = Horizontal(
            Outline(session, id="outline"),
            Vertical(
                SectionText(id="section-text"),
                Input(placeholder="Sök i avsnittets text (Enter)", id="text-search", classes="hidden"),
                TextArea("", id="editor", soft_wrap=True, show_line_numbers=False),
                id="middle",
            ),
            Vertical(
                Input(placeholder="Filtrera förslagen (Ctrl+F)", id="suggestion-filter"),
                Suggestions(lambda snippet: fill_snippet(self.session.draft, snippet), id="suggestions"),
                id="right",
            ),
            id="workspace",
        )
        await self.mount(workspace, before=self.query_one(Footer))
        await self.mount(StatusBar(id="status"), before=self.query_one(Footer))
        self.query_one("#section-text").border_title = "Remisstext"
        self.query_one("#editor").border_title = "Synpunkt"
        self.query_one("#right").border_title = "Tidigare ställningstaganden"
        self.title = f"remissdraft – {session.remiss.title or 'remiss'}"
        for problem in session.corpus_problems:
            self.notify(problem, title="Korpusfil hoppades över", severity="warning", timeout=10)
        if session.resumed:
            self.notify(f"Fortsätter utkastet {session.draft.path.name}", timeout=4)
        self.set_interval(1.0, self._autosave)
        self.load_ranking()
        outline = self.query_one(Outline)
        outline.focus()
        if session.sections:
            self.show_section(session.next_unanswered(None) or session.sections[0])
        self._update_status()
        if not session.resumed and not load_profile().name:
            from .screens.profile import ProfileScreen

            self.push_screen(ProfileScreen(load_profile(), first_run=True), self._profile_saved)

    # --- the current section ----------------------------------------------------------------------

    def show_section(self, section: Section) -> None:
        """Make `section` current: its text, its synpunkt in the editor, its suggestions."""
        session = self.session
        if session is None:
            return
        if section is not self.section:
            with self.prevent(Input.Changed):
                self.query_one("#suggestion-filter", Input).value = ""  # a word filter belongs to one section
        self.section = section
        outline = self.query_one(Outline)
        if outline.cursor_node is None or outline.cursor_node.data is not section:
            outline.select_section(section)
        self.query_one(SectionText).show_section(section)
        synpunkt = session.synpunkt(section)
        editor = self.query_one("#editor", TextArea)
        editor.load_text(synpunkt.text if synpunkt else "")
        suffix = " – ingen erinran" if synpunkt and synpunkt.ingen_erinran else ""
        editor.border_title = f"Synpunkt: {section.label}{suffix}"
        self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        if self.session is None or self.section is None:
            return
        right = self.query_one("#right")
        if not self.session.ranking_ready:
            self.query_one(Suggestions).show_loading()
            right.border_subtitle = "laddar …"
            return
        text_filter = self.query_one("#suggestion-filter", Input).value
        items = self.session.suggestions(self.section, self.stance, text_filter)
        self.query_one(Suggestions).show_items(items)
        right.border_subtitle = f"ställning: {STANCE_NAMES[self.stance]} · {len(items)} st"

    @on(Outline.Chosen)
    def _outline_chosen(self, event: Outline.Chosen) -> None:
        if event.section is not self.section:
            self.show_section(event.section)

    @on(Input.Changed, "#suggestion-filter")
    def _filter_changed(self) -> None:
        self.refresh_suggestions()

    @on(Input.Submitted, "#suggestion-filter")
    def _filter_submitted(self) -> None:
        self.query_one(Suggestions).focus()

    @on(Input.Submitted, "#text-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one(SectionText).search(event.value)
        event.input.add_class("hidden")
        self.query_one(SectionText).focus()
        self.notify(f"{hits} träffar" if event.value.strip() else "Sökningen rensad", timeout=2)

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self, event: TextArea.Changed) -> None:
        if self.section is None or self.session is None:
            return
        synpunkt = self.session.synpunkt(self.section)
        if synpunkt is not None and synpunkt.text != event.text_area.text:  # loading a section changes nothing
            set_text(self.session.draft, synpunkt.key, event.text_area.text)
            self.session.changed()
            self.query_one(Outline).refresh_mark(self.section)
            self._update_status()

    @on(Suggestions.Insert)
    def _insert(self, event: Suggestions.Insert) -> None:
        self.insert_snippet(event.suggestion.snippet)

    def insert_snippet(self, snippet: Snippet) -> None:
        """Put a snippet into the synpunkt at the end, placeholders filled; the editor keeps its undo history."""
        if self.session is None or self.section is None:
            return
        synpunkt = self.session.synpunkt(self.section)
        if synpunkt is None:
            return
        text = fill_snippet(self.session.draft, snippet)
        editor = self.query_one("#editor", TextArea)
        current = editor.text.rstrip()
        addition = f"\n\n{text}" if current else text
        editor.insert(addition, _end_of(current))
        synpunkt.uses.append(SnippetUse(snippet.id, text, snippet.source))
        synpunkt.ingen_erinran = False
        editor.focus()
        self.notify("Infogat – Ctrl+Z ångrar", timeout=2)

    # --- actions ----------------------------------------------------------------------------------

    def _step(self, offset: int) -> None:
        if self.session and self.section in self.session.sections:
            sections = self.session.sections
            self.show_section(sections[(sections.index(self.section) + offset) % len(sections)])

    def action_next_section(self) -> None:
        self._step(1)

    def action_previous_section(self) -> None:
        self._step(-1)

    def action_next_unanswered(self) -> None:
        if self.session is None:
            return
        section = self.session.next_unanswered(self.section)
        if section is None:
            self.notify("Alla avsnitt är besvarade", timeout=3)
        else:
            self.show_section(section)

    def action_ingen_erinran(self) -> None:
        if self.session is None or self.section is None:
            return
        synpunkt = self.session.synpunkt(self.section)
        mark_ingen_erinran(self.session.draft, synpunkt.key, not synpunkt.ingen_erinran)
        self.session.changed()
        self.query_one(Outline).refresh_mark(self.section)
        self.show_section(self.section)
        self._update_status()
        self.notify("Markerat ”ingen erinran”" if synpunkt.ingen_erinran else "”Ingen erinran” borttaget", timeout=2)

    def action_cycle_stance(self) -> None:
        self.set_stance(STANCE_FILTERS[(STANCE_FILTERS.index(self.stance) + 1) % len(STANCE_FILTERS)])

    def set_stance(self, stance: str | None) -> None:
        self.stance = stance
        self.refresh_suggestions()

    def action_filter(self) -> None:
        self.query_one("#suggestion-filter", Input).focus()

    def action_focus_outline(self) -> None:
        self.query_one(Outline).focus()

    def action_focus_suggestions(self) -> None:
        self.query_one(Suggestions).focus()

    def action_focus_editor(self) -> None:
        if self.session is not None and not self.screen.is_modal and self.screen is self.screen_stack[0]:
            search = self.query_one("#text-search", Input)
            search.add_class("hidden")
            self.query_one("#editor", TextArea).focus()

    def action_search_text(self) -> None:
        if self.session is None:
            return
        search = self.query_one("#text-search", Input)
        search.remove_class("hidden")
        search.focus()

    def action_save(self) -> None:
        if self.session is None:
            return
        try:
            path = self.session.save()
        except RemissdraftError as error:
            self.notify(str(error), title="Kunde inte spara", severity="error", timeout=10)
            return
        self._update_status()
        self.notify(f"Sparat i {path}", timeout=3)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        rows = [(binding.key_display or _keys(binding.key), binding.description) for binding in self.BINDINGS if binding.description]
        self.push_screen(HelpScreen(rows))

    def action_draft(self) -> None:
        if self.session is not None:
            from .screens.draft import DraftScreen

            self.push_screen(DraftScreen(self.session), lambda _: self._update_status())

    def action_profile(self) -> None:
        from .screens.profile import ProfileScreen

        self.push_screen(ProfileScreen(load_profile()), self._profile_saved)

    def _profile_saved(self, profile: Profile | None) -> None:
        if profile is None:
            return
        try:
            save_profile(profile)
        except RemissdraftError as error:
            self.notify(str(error), severity="error")
            return
        if self.session is not None:
            self.session.apply_profile(profile)
            if self.section is not None:
                self.show_section(self.section)  # placeholders in the suggestions now read with the nämnd
            self._update_status()
        self.notify("Profilen är sparad", timeout=3)

    def action_export(self, template: str | None = None) -> None:
        if self.session is None:
            return
        from ..export import default_output_path
        from .screens.export import ExportScreen

        draft = self.session.draft
        output = default_output_path(draft)
        self.push_screen(
            ExportScreen(list_templates(), template or draft.template, output, missing_required(draft)), self._do_export
        )

    def action_switch_template(self, template_id: str) -> None:
        """Lay the draft out by another template; what was written carries over (see draft.switch_template)."""
        if self.session is None or template_id == self.session.draft.template:
            return
        try:
            self.session.switch_template(load_template(template_id), load_profile())
        except RemissdraftError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self._update_status()
        self.notify(f"Mallen är nu {load_template(template_id).name}", timeout=4)

    def _do_export(self, request: ExportRequest | None) -> None:
        if request is None or self.session is None:
            return
        from ..export import export_docx

        self.action_switch_template(request.template)
        draft = self.session.draft
        try:
            result = export_docx(draft, load_template(request.template), request.output, force=request.force, comments=request.comments)
            self.session.save()
        except RemissdraftError as error:
            self.notify(str(error), title="Exporten stoppades", severity="error", timeout=15)
            return
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self.notify(f"Exporterat till {result.path}", title="Klart", timeout=8)
        self._update_status()

    def action_add_to_corpus(self) -> None:
        """Keep the current synpunkt in the user's corpus, so the position can be reused."""
        if self.session is None or self.section is None:
            return
        synpunkt = self.session.synpunkt(self.section)
        text = synpunkt.text.strip() if synpunkt else ""
        if not text:
            self.notify("Synpunkten är tom – skriv något först", severity="warning", timeout=3)
            return
        from ..corpus import classify, snippet_id
        from ..corpus.importer import with_placeholder
        from ..corpus.store import save_snippets

        draft = self.session.draft
        reusable = with_placeholder(text, draft.namnd)
        source = Source(organisation=draft.organisation, namnd=draft.namnd, dnr=draft.dnr, datum=draft.datum,
                        title=self.session.remiss.title, section=self.section.label, remiss_dnr=self.session.remiss.dnr)
        snippet = Snippet(snippet_id(reusable), reusable, classify(text), [self.section.title], source, original=text)
        folder = self.corpus_dir or user_corpus_dir()
        path = folder / "egna-synpunkter" / f"{snippet.id}.yaml"
        try:
            save_snippets(path, [snippet])
        except OSError as error:
            self.notify(f"Kunde inte spara i korpusen ({error})", severity="error")
            return
        self.session.add_snippet(snippet)
        self.notify(f"Sparat i din korpus ({STANCE_NAMES[snippet.stance]})", timeout=3)

    def jump_to(self, section: Section) -> None:
        self.show_section(section)
        self.query_one("#editor", TextArea).focus()

    # --- status and saving -------------------------------------------------------------------------

    def _update_status(self) -> None:
        if self.session is not None:
            self.query_one(StatusBar).update_from(self.session)

    def _autosave(self) -> None:
        if self.session is None:
            return
        try:
            if self.session.autosaver.maybe_save():
                self._update_status()
        except RemissdraftError as error:
            self.notify(str(error), title="Autospar misslyckades", severity="error", timeout=10)

    async def action_quit(self) -> None:
        if self.session is not None:
            try:
                self.session.autosaver.flush()
            except RemissdraftError as error:
                self.notify(f"{error} – avsluta igen med Ctrl+Q för att stänga ändå", severity="error", timeout=15)
                self.session.autosaver.dirty = False
                return
        self.exit()


def _commands():
    from .commands import RemissCommands

    return RemissCommands


class _Background:
    """A function run in a daemon thread; `result()` waits for it and re-raises what it raised."""

    def __init__(self, function) -> None:
        self._value = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(function,), daemon=True)
        self._thread.start()

    def _run(self, function) -> None:
        try:
            self._value = function()
        except BaseException as error:  # handed to the worker, which reports it
            self._error = error

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _keys(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "escape": "Esc"}
    return " / ".join(names.get(k, k.replace("ctrl+", "Ctrl+").upper() if k.startswith("f") and k[1:].isdigit() else k.replace("ctrl+", "Ctrl+").title())
                      for k in key.split(","))


def _end_of(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines) - 1, len(lines[-1])


__all__ = ["RemissdraftApp"]
