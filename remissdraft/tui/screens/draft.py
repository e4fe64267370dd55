"""F4: every standard section of the draft (Förslag till beslut, Konsekvenser för barn …), editable."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, TextArea

from ...draft import set_text
from ..session import Session


class DraftScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,f4", "app.pop_screen", "Tillbaka", id="draft.close"),
        Binding("ctrl+o", "standard_text", "Standardtext", id="draft.standard-text"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.offered: dict[str, int] = {}  # how many times Ctrl+O was pressed in a section

    def compose(self) -> ComposeResult:
        draft = self.session.draft
        with VerticalScroll(id="draft-sections"):
            yield Label(f"{draft.title}", classes="title")
            with Grid(id="draft-facts"):
                yield Label("Diarienummer")
                yield Input(draft.dnr, placeholder="nämndens dnr, t.ex. SOCN 2021/132", id="draft-dnr")
                yield Label("Datum")
                yield Input(draft.datum, placeholder="ÅÅÅÅ-MM-DD", id="draft-datum")
            for section in self.session.draft.sections:
                if section.kind == "synpunkter":
                    continue
                mark = " *" if section.required else ""
                texts = self.session.standard_texts(section.key)
                hint = f"   Ctrl+O: standardtext ({len(texts)} i korpusen)" if texts else ""
                yield Label(f"{section.heading}{mark}[dim]{hint}[/]", classes="heading")
                area = TextArea(section.text, id=f"draft-{section.key}", soft_wrap=True, classes="standard")
                area.section_key = section.key
                yield area
        yield Footer()

    def on_input_changed(self, event: Input.Changed) -> None:
        draft = self.session.draft
        value = event.value.strip()
        if event.input.id == "draft-dnr":
            draft.dnr = value
        elif event.input.id == "draft-datum":
            try:
                draft.datum = date.fromisoformat(value).isoformat()
            except ValueError:
                return  # keep the last valid date while the user types
        self.session.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        key = getattr(event.text_area, "section_key", None)
        if key:
            set_text(self.session.draft, key, event.text_area.text)
            self.session.changed()

    def action_standard_text(self) -> None:
        """Put the corpus's standard text for the focused section in it; pressing again offers the next one."""
        area = self.focused
        key = getattr(area, "section_key", None)
        texts = self.session.standard_texts(key) if key else []
        if not texts:
            self.notify("Korpusen har ingen standardtext för det här avsnittet", timeout=3)
            return
        count = self.offered.get(key, 0)
        self.offered[key] = count + 1
        area.replace(texts[count % len(texts)], (0, 0), area.document.end)  # Ctrl+Z brings back what was there
