"""The export dialog: template, output path, and the check of required sections."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from ...model import Template


class ExportRequest:
    def __init__(self, template: str, output: Path, comments: bool, force: bool) -> None:
        self.template, self.output, self.comments, self.force = template, output, comments, force


class ExportScreen(ModalScreen[ExportRequest | None]):
    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="export.cancel")]

    def __init__(self, templates: list[Template], current: str, output: Path, missing: list[str]) -> None:
        super().__init__()
        self.templates, self.current, self.output, self.missing = templates, current, output, missing

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Exportera tjänsteskrivelsen till Word", classes="title")
            yield Label("Mall")
            yield Select([(t.name, t.id) for t in self.templates], value=self.current, allow_blank=False, id="export-template")
            yield Label("Spara som")
            yield Input(str(self.output), id="export-output")
            yield Checkbox("Kommentarer om källorna (stäng av för slutversionen)", value=True, id="export-comments")
            if self.missing:
                yield Label("Tomma obligatoriska avsnitt: " + ", ".join(self.missing), classes="warning")
                yield Checkbox("Exportera ändå", value=False, id="export-force")
            with Horizontal(classes="buttons"):
                yield Button("Exportera", id="export", variant="primary")
                yield Button("Avbryt (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-output", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit() if event.button.id == "export" else self.action_cancel()

    def _submit(self) -> None:
        force = bool(self.missing) and self.query_one("#export-force", Checkbox).value
        self.dismiss(ExportRequest(
            str(self.query_one("#export-template", Select).value),
            Path(self.query_one("#export-output", Input).value.strip()).expanduser(),
            self.query_one("#export-comments", Checkbox).value,
            force,
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
