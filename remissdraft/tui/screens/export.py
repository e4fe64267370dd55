"""The export dialog: template, the file to write (its folder shown), comments, and the checks before writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ...draft.placeholders import KNOWN
from ...model import Template
from ..widgets.fields import OptionBox, PushButton, TextField
from ..widgets.status import short_path


@dataclass
class ExportRequest:
    template: str
    output: Path
    comments: bool
    force: bool  # export although required sections are empty
    overwrite: bool  # replace an existing file


class ExportScreen(ModalScreen[ExportRequest | None]):
    HELP_TITLE = "Exporten"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Avbryt", id="export.cancel")]

    def __init__(self, templates: list[Template], current: str, output: Path, missing: list[str],
                 unfilled: Callable[[str], list[str]] = lambda template: []) -> None:
        super().__init__()
        self.templates, self.current, self.output, self.missing = templates, current, output, missing
        self.unfilled = unfilled  # a template's placeholders the export would leave as written, asked anew

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Exportera tjänsteskrivelsen till Word", classes="title")
            yield Label("Mall")
            yield Select([(t.name, t.id) for t in self.templates], value=self.current, allow_blank=False, id="export-template")
            yield Label("Spara som")
            yield TextField(str(self.output), id="export-output")
            yield Static("", id="export-folder", classes="dim")
            yield OptionBox("Kommentarer om källorna (stäng av för slutversionen)", value=True, id="export-comments")
            yield OptionBox("Skriv över filen som finns", value=False, id="export-overwrite")
            yield Static("", id="export-unfilled", classes="warning")
            if self.missing:
                yield Static("Tomma obligatoriska avsnitt: " + ", ".join(self.missing), classes="warning")
                yield OptionBox("Exportera ändå", value=False, id="export-force")
            with Horizontal(classes="buttons"):
                yield PushButton("Exportera", id="export", variant="primary")
                yield PushButton("Avbryt (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-output", Input).focus()
        self._show_folder()
        self._show_unfilled()

    def on_screen_resume(self) -> None:
        self._show_unfilled()  # back from the profile (F6), which may have filled them

    def on_select_changed(self, event: Select.Changed) -> None:
        self._show_unfilled()

    def _show_unfilled(self) -> None:
        note = self.query_one("#export-unfilled", Static)
        unfilled = self.unfilled(str(self.query_one("#export-template", Select).value))
        note.update(_unfilled_note(unfilled) if unfilled else "")
        note.display = bool(unfilled)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_folder()

    def _path(self) -> Path:
        return Path(self.query_one("#export-output", Input).value.strip()).expanduser()

    def _show_folder(self) -> None:
        path = self._path()
        folder = path.parent if path.name else path
        note = "mappen finns inte" if not folder.is_dir() else "filen finns redan" if path.is_file() else ""
        self.query_one("#export-folder", Static).update(f"Hamnar i mappen {short_path(folder)}" + (f" – {note}" if note else ""))
        self.query_one("#export-overwrite", Checkbox).display = path.is_file()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_option_box_submitted(self, event: OptionBox.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: PushButton.Pressed) -> None:
        self._submit() if event.button.id == "export" else self.action_cancel()

    def _problem(self, force: bool, overwrite: bool) -> str:
        """Why the export cannot be made as the dialog stands, in one line; "" when it can."""
        path = self._path()
        if path.suffix.lower() != ".docx":
            return "Filnamnet ska sluta på .docx"
        if not path.parent.is_dir():
            return f"Mappen {short_path(path.parent)} finns inte – välj en annan"
        if path.exists() and not overwrite:
            return "Filen finns redan – välj ett annat namn eller kryssa i ”Skriv över”"
        if self.missing and not force:
            return "Fyll i de obligatoriska avsnitten eller kryssa i ”Exportera ändå”"
        return ""

    def _submit(self) -> None:
        force = bool(self.missing) and self.query_one("#export-force", Checkbox).value
        problem = self._problem(force, self.query_one("#export-overwrite", Checkbox).value)
        if problem:  # the dialog stays, with what the user typed
            self.query_one("#export-folder", Static).update(f"[b red]{problem}[/]")
            return
        self.dismiss(ExportRequest(
            str(self.query_one("#export-template", Select).value),
            self._path(),
            self.query_one("#export-comments", Checkbox).value,
            force,
            self.query_one("#export-overwrite", Checkbox).value,
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _unfilled_note(placeholders: list[str]) -> str:
    """One line on the placeholders that would stand as written in the document, and where the profile fills them."""
    names = [p[1:-1] for p in placeholders]
    listed = ", ".join(f"{{{n}}} ({KNOWN[n].split(' (')[0]})" if n in KNOWN else f"{{{n}}}" for n in names)
    hint = " – fyll i profilen (F6) före exporten" if any(n in _FROM_PROFILE for n in names) else ""
    return f"Står kvar som de är skrivna i dokumentet: {listed}{hint}"


_FROM_PROFILE = frozenset(("namnd", "organisation", "remissinstans", "handlaggare", "enhet", "chef"))
