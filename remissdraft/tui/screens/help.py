"""F1: every key binding, in Swedish."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Stäng", id="help.close")]

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = bindings

    def compose(self) -> ComposeResult:
        table = Table(title="Kortkommandon", expand=True, show_edge=False)
        table.add_column("Tangent", style="bold cyan", no_wrap=True)
        table.add_column("Gör")
        for key, description in self.rows:
            table.add_row(key, description)
        table.add_row("Tab / Skift+Tab", "Byt ruta")
        table.add_row("Enter (i förslagen)", "Infoga förslaget i synpunkten")
        table.add_row("0–5 (i förslagen)", "Filtrera på ställning: alla, positiv, kritisk, förbehåll, förtydligande, neutral")
        table.add_row("Ctrl+Z / Ctrl+Y", "Ångra / gör om i texten")
        with VerticalScroll(id="help-box"):
            yield Static(table)
            yield Static("Esc stänger.", classes="dim")
