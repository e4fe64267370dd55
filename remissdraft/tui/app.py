"""The remissdraft app: opens the remiss, hosts the workspace, and keeps what is common to every screen – the
command palette, the profile, saving, the keymap, help, quitting and the rescue of the draft on any error."""

from __future__ import annotations

import asyncio
import contextlib
import math
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widgets import Label, LoadingIndicator

from .. import collector
from ..draft import (
    list_templates,
    load_profile,
    load_template,
    missing_required,
    save_profile,
)
from ..errors import RemissdraftError
from ..locations import crash_log_path, export_dir
from ..model import Profile
from .indexing import load_corpus_and_index
from .screens.inserting import sync_editor
from .session import Session
from .widgets.fields import Editor
from .widgets.keybar import KeyBar

if TYPE_CHECKING:
    from .screens.export import ExportRequest
    from .screens.workspace import WorkspaceScreen

AUTOSAVE_TICK = 0.25  # seconds between checks; a change is saved AUTOSAVE_AFTER (session.py) after it was made
_PROGRESS_EVERY = 0.25  # seconds between two progress reports of indexing (the last is always told)
_SPINNER_AFTER = 0.3  # seconds of reading the remiss before the loading screen shows that it works on it
_COLLECT_AFTER = 10.0  # seconds after which the cyclic collector runs again, first suggestions shown or not


class RemissdraftApp(App[None]):
    """Compose a yttrande on a remiss, keyboard first."""

    TITLE = "remissdraft"
    CSS_PATH = Path(__file__).with_name("remissdraft.tcss")
    COMMANDS: ClassVar[set] = {lambda: _commands()}  # no Textual system commands: their names are English
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Hjälp", id="help", priority=True),  # function keys work from any pane
        Binding("question_mark", "help", "Hjälp", id="help-question-mark", show=False),  # "?" is typed in a text
        Binding("ctrl+q", "quit", "Avsluta", id="quit", priority=True),
        Binding("ctrl+s", "save", "Spara", id="save"),
        Binding("f6", "profile", "Profil", id="profile", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "Kommandon", id="command-palette", show=False, priority=True),
    ]

    def __init__(self, files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> None:
        super().__init__()
        self.theme = "textual-dark"  # fixed, so every screen (and every snapshot) looks the same
        self.files = files
        self.draft_path = draft_path
        self.corpus_dir = corpus_dir
        self.session: Session | None = None
        self.workspace: WorkspaceScreen | None = None
        self.crash_message = ""  # the one line shown after an unexpected error
        self.keymap: dict[str, str] = {}  # the profile's, by binding id
        self._heard: tuple[int, int] | None = None  # how indexing goes, as last heard (`_indexing`)
        self._told = -math.inf  # when the workspace was last told
        self._collector: collector.Pause | None = None  # from `on_load` until the first suggestions are shown
        # Reading the remiss, and the corpus with its index, start now, in plain threads: they overlap Textual's own
        # start-up, the workspace's mount and each other.
        self._loading = _Background(lambda: load_corpus_and_index(corpus_dir, self._indexing))
        self._opening = _Background(self._open)
        # And the ranking's modules (numpy above all) are imported meanwhile, in the time Textual waits on the
        # terminal: best effort, `_warm_up` imports them anyway.
        _Background(_import_ranking)

    def _open(self) -> Session:
        from .session import open_session

        return open_session(self.files, self.draft_path)

    def _indexing(self, done: int, total: int) -> None:
        """How indexing a new or changed corpus goes, heard on the loading thread: kept for a workspace not made
        yet, told to the workspace a few times a second (each report is drawn, and waited for) and at the end."""
        self._heard = (done, total)
        now = time.monotonic()
        workspace = self.workspace
        if workspace is not None and (now - self._told >= _PROGRESS_EVERY or done >= total):
            self._told = now
            self.call_from_thread(workspace.indexing, done, total)

    # --- opening ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Label("Läser remissen …", id="loading-label")
        yield LoadingIndicator(id="loading")
        yield KeyBar()

    def on_load(self) -> None:
        # Starting makes hundreds of thousands of objects that live on (widgets, styles, the corpus and its index)
        # and few cycles: the collector's passes over them (20–40 ms of a start) wait until the first suggestions
        # are shown (`_collect_again`).
        self._collector = collector.Pause()

    def on_mount(self) -> None:
        self.set_interval(AUTOSAVE_TICK, self._autosave)
        self.set_timer(_COLLECT_AFTER, self._collect_again)
        self.query_one("#loading", LoadingIndicator).display = False  # shown if reading takes a while (no flash)
        self.set_timer(_SPINNER_AFTER, self._show_spinner)
        self.open_remiss()

    def _show_spinner(self) -> None:
        if self.workspace is None and self._opening.running:
            self.query_one("#loading", LoadingIndicator).display = True

    def _collect_again(self) -> None:
        """The cyclic collector as it was before the app started (once the first suggestions are shown, or
        could not be, and at the latest when the app ends)."""
        if self._collector is not None:
            self._collector.resume()

    def on_unmount(self) -> None:
        self._collect_again()

    @work(exclusive=True, group="open", exit_on_error=False)
    async def open_remiss(self) -> None:
        """Wait for the remiss and its draft, show the workspace, then load the ranking behind it."""
        try:
            await self._open_remiss()
        finally:
            self._collect_again()

    async def _open_remiss(self) -> None:
        try:
            session = await asyncio.to_thread(self._opening.result)
        except Exception as error:
            self._show_opening_error(error)
            return
        self.session = session
        self.keymap = dict(session.profile.keymap)
        self.set_keymap(self.keymap)
        from .screens.workspace import WorkspaceScreen

        self.workspace = WorkspaceScreen(session)
        if self._heard is not None:  # what indexing said before there was a workspace to tell
            self.workspace.indexing(*self._heard)
        # The first suggestions are found once the corpus and its index are loaded, while the workspace mounts.
        warm_up = asyncio.ensure_future(asyncio.to_thread(self._warm_up, session))
        loading = self.query_one("#loading", LoadingIndicator)
        await self.push_screen(self.workspace)
        loading.display = False  # under the workspace its animation would still be drawn, many times a second
        self.call_after_refresh(self._use_keymap, session.profile)  # its check of the ids waits for the first screen
        self.title = f"remissdraft – {session.remiss.title or 'remiss'}"
        if session.resumed:
            self.notify(f"Fortsätter utkastet {session.draft.path.name if session.draft.path else ''}", timeout=4)
        if not session.resumed and not session.profile.name:
            from .screens.profile import ProfileScreen

            self.push_screen(ProfileScreen(session.profile, first_run=True), self._profile_saved)
        try:
            await warm_up
        except RemissdraftError as error:
            self.notify(f"Förslagen kunde inte tas fram: {error}", severity="error", timeout=15)
            return
        except Exception as error:  # the workspace goes on without suggestions; the details go to the log
            self.notify(f"Förslagen kunde inte tas fram – ett oväntat fel, beskrivet i {self.write_log(error)}",
                        severity="error", timeout=15)
            return
        for problem in session.corpus_problems:
            self.notify(problem, title="Hoppades över", severity="warning", timeout=10)
        self.workspace.ranking_loaded()
        with contextlib.suppress(Exception):  # what a section nothing fits is offered looks through the whole corpus:
            await asyncio.to_thread(session.fallback)  # found here, not when first shown (an error shows then)

    def _warm_up(self, session: Session) -> None:
        """Wait (off the UI thread) for the corpus and its index, loading since the app was made, then find the
        suggestions for the section shown; they show when it is done."""
        session.use_corpus(self._loading.result())
        workspace = self.workspace
        shown = workspace.section if workspace is not None else None
        session.offer(shown or next(iter(session.sections), session.general))  # the first suggestions shown

    def _show_opening_error(self, error: BaseException) -> None:
        if isinstance(error, RemissdraftError):
            message = str(error)
        else:
            log = self.write_log(error)
            message = f"Remissen kunde inte öppnas av ett oväntat fel – beskrivningen finns i {log}"
        self.query_one("#loading-label", Label).update(f"[b red]Fel:[/] {message}\n\nCtrl+Q avslutar.")
        self.query_one("#loading", LoadingIndicator).display = False
        self.notify(message, title="Kunde inte öppna", severity="error", timeout=30)

    # --- keys ---------------------------------------------------------------------------------------------

    def _use_keymap(self, profile: Profile) -> None:
        """The profile's keymap, by binding id; an id no screen knows is named, not silently ignored."""
        from .keys import binding_ids
        from .screens.dialogs import ConfirmScreen, StanceScreen
        from .screens.draft import DraftScreen
        from .screens.export import ExportScreen
        from .screens.help import HelpScreen
        from .screens.profile import ProfileScreen
        from .screens.workspace import WorkspaceScreen
        from .widgets.fields import PushButton, TextField
        from .widgets.suggestions import Suggestions

        known = binding_ids(type(self), WorkspaceScreen, DraftScreen, ExportScreen, HelpScreen, ProfileScreen,
                            ConfirmScreen, StanceScreen, Editor, TextField, PushButton, Suggestions)
        unknown = sorted(set(profile.keymap) - known)
        if unknown:
            self.notify(f"Profilens keymap nämner okända kommandon: {', '.join(unknown)} – se F1 och README",
                        severity="warning", timeout=10)
        self.keymap = {key: keys for key, keys in profile.keymap.items() if key in known}
        self.set_keymap(self.keymap)

    def action_help(self) -> None:
        from .keys import help_rows
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        title = getattr(self.screen, "HELP_TITLE", "") or "remissdraft"
        self.push_screen(HelpScreen(title, help_rows(self.screen, self.keymap)))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .commands import SwedishCommandPalette

        if not isinstance(self.screen, CommandPalette):
            self.push_screen(SwedishCommandPalette())

    def action_help_quit(self) -> None:
        """Ctrl+C copies in a text; elsewhere it tells how to quit – in Swedish."""
        self.notify("Avsluta med [b]Ctrl+Q[/b] – utkastet sparas först", title="Vill du avsluta?")

    # --- the profile ----------------------------------------------------------------------------------------

    def action_profile(self) -> None:
        from .screens.profile import ProfileScreen

        if isinstance(self.screen, ProfileScreen):
            return
        try:
            profile = load_profile()
        except RemissdraftError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.push_screen(ProfileScreen(profile), self._profile_saved)

    def _profile_saved(self, profile: Profile | None) -> None:
        if profile is None:
            return
        try:
            save_profile(profile)
        except RemissdraftError as error:
            self.notify(str(error), severity="error")
            return
        self._use_keymap(profile)
        if self.session is not None and self.workspace is not None:
            self.workspace.sync_editor()
            self.session.apply_profile(profile)
            self.workspace.after_draft_view()  # signatures, nämnd and suggestions read with the new profile
        self.notify("Profilen är sparad", timeout=3)

    # --- saving -------------------------------------------------------------------------------------------

    def sync_editors(self) -> None:
        """Every editor's text into the draft, on every screen (a change not yet handled is not lost)."""
        if self.session is None:
            return
        from .widgets.proposal import ProposalEditor

        for screen in self.screen_stack:
            for editor in screen.query(Editor):
                if isinstance(editor, ProposalEditor):
                    if editor.proposal_key:  # an edited proposal stays a proposal
                        self.session.revise_proposal(editor.proposal_key, editor.text)
                else:
                    sync_editor(self.session, editor)

    def action_save(self) -> None:
        if self.session is None:
            return
        self.sync_editors()
        try:
            path = self.session.save()
        except RemissdraftError as error:
            self.notify(str(error), title="Kunde inte spara", severity="error", timeout=10)
            return
        self._update_status()
        self.notify(f"Sparat i {path}", timeout=3)

    def _autosave(self) -> None:
        if self.session is None:
            return
        try:
            if self.session.autosaver.maybe_save():
                self._update_status()
        except RemissdraftError as error:
            self.notify(str(error), title="Autospar misslyckades", severity="error", timeout=10)

    def _update_status(self) -> None:
        if self.workspace is not None and self.workspace.is_mounted:
            self.workspace.update_status()

    async def action_quit(self) -> None:
        """Save synchronously, then quit; if saving fails, say so and quit on the second Ctrl+Q."""
        if self.session is not None:
            self.sync_editors()
            try:
                self.session.autosaver.flush()
            except RemissdraftError as error:
                self.notify(f"{error} – avsluta igen med Ctrl+Q för att stänga ändå", severity="error", timeout=15)
                self.session.autosaver.dirty = False
                return
        self.exit()

    # --- export and templates ---------------------------------------------------------------------------

    def action_export(self, template: str | None = None) -> None:
        from ..export import default_output_name
        from .screens.export import ExportScreen

        if self.session is None or isinstance(self.screen, ExportScreen):
            return
        self.sync_editors()
        draft = self.session.draft
        output = Path(draft.last_export) if draft.last_export else export_dir(self.files) / default_output_name(draft)
        self.push_screen(
            ExportScreen(list_templates(), template or draft.template, output, missing_required(draft), self._unfilled), self._do_export
        )

    def _unfilled(self, template_id: str) -> list[str]:
        """The placeholders the export would leave as written ("{namnd}" with no nämnd in the profile)."""
        from ..draft import filled_draft
        from ..export import leftover_placeholders

        assert self.session is not None
        try:
            template = load_template(template_id)
            return leftover_placeholders(filled_draft(self.session.draft, load_profile(), template), template)
        except RemissdraftError:
            return []  # the export itself will say what is wrong with the template or the profile

    def action_switch_template(self, template_id: str) -> None:
        """Lay the draft out by another template; what was written carries over (see draft.switch_template)."""
        if self.session is None or template_id == self.session.draft.template:
            return
        try:
            template = load_template(template_id)
            self.session.switch_template(template, load_profile())
        except RemissdraftError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self._update_status()
        self.notify(f"Mallen är nu {template.name}", timeout=4)

    def _do_export(self, request: ExportRequest | None) -> None:
        if request is None or self.session is None:
            return
        from ..export import export_docx

        self.action_switch_template(request.template)
        draft = self.session.draft
        missing = missing_required(draft)
        if missing and not request.force:
            self.notify(f"Obligatoriska avsnitt är tomma: {', '.join(missing)} – fyll i dem eller kryssa i ”Exportera ändå”",
                        title="Exporten stoppades", severity="error", timeout=15)
            return
        if request.output.exists() and not request.overwrite:
            self.notify(f"{request.output} finns redan – välj ett annat namn eller kryssa i ”Skriv över”",
                        title="Exporten stoppades", severity="error", timeout=15)
            return
        try:
            template = load_template(request.template)
            result = export_docx(draft, template, request.output, force=True, comments=request.comments)
        except RemissdraftError as error:
            self.notify(str(error), title="Exporten stoppades", severity="error", timeout=15)
            return
        draft.last_export = str(result.path)
        self.session.changed()
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self.notify(f"Exporterat till {result.path}", title="Klart", timeout=8)
        self._update_status()

    # --- nothing lost on an unexpected error ------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Any error no code expected: save the draft (with what the editors hold), write the traceback to a log
        in the data dir, and end with one Swedish line naming both – never a traceback on the screen."""
        if self._exit and isinstance(error, NoMatches):  # a screen still mounting as the app closes: nothing broke
            return
        first = not self.crash_message
        rescued = self._rescue()
        log = self.write_log(error)
        if first:
            self.crash_message = (f"remissdraft stannade av ett oväntat fel. {rescued} "
                                  f"Felbeskrivningen finns i {log} – skicka den gärna till den som stödjer programmet.")
            self._return_code = 1
            if self._exception is None:  # run_test re-raises it, so a test sees the error
                self._exception = error
                self._exception_event.set()
            self.panic(Text(self.crash_message))

    def _rescue(self) -> str:
        """Save the draft now, whatever state the screens are in; the sentence says how that went."""
        if self.session is None:
            return "Inget utkast var öppet."
        with contextlib.suppress(Exception):  # the draft as it is is still worth saving
            self.sync_editors()
        try:
            path = self.session.save()
        except Exception as problem:
            return f"Utkastet kunde inte sparas ({problem})."
        return f"Utkastet är sparat i {path}."

    def write_log(self, error: BaseException) -> Path | str:
        """The error with its traceback, appended to the crash log; the path (or why it could not be written)."""
        path = crash_log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(error)))
                log.write("\n")
        except OSError:
            return "(loggfilen kunde inte skrivas)"
        return path


def _commands():
    from .commands import RemissCommands

    return RemissCommands


def _import_ranking() -> None:
    """The modules `load_corpus_and_index` and the first suggestions need."""
    from ..corpus import store  # noqa: F401
    from ..match import matcher  # noqa: F401


class _Background:
    """A function run in a daemon thread; `result()` waits for it and re-raises what it raised."""

    def __init__(self, function: Callable[[], Any]) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(function,), daemon=True)
        self._thread.start()

    def _run(self, function: Callable[[], Any]) -> None:
        try:
            self._value = function()
        except BaseException as error:
            self._error = error

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


__all__ = ["RemissdraftApp"]
