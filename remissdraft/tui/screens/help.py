"""F1: the keys of the screen below, read from its live bindings (so a remapped key shows as remapped)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import HelpRow


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "dismiss", "Stäng hjälpen", id="help.close")]

    def __init__(self, title: str, rows: list[HelpRow]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title=f"Kortkommandon – {self.title_text}", expand=True, show_edge=False)
        table.add_column("Tangent", style="bold cyan", no_wrap=True)
        table.add_column("Gör")
        group = None
        for row in self.rows:
            if row.group != group:
                group = row.group
                table.add_row(f"[b]{group}[/b]", "", end_section=False)
            table.add_row(f"  {row.keys}", row.description)
        with VerticalScroll(id="help-box"):
            yield Static(table)
            yield Static("Tangenterna kan flyttas med ”keymap:” i profilen (se README). Esc stänger.", classes="dim")
