"""F4: the whole document around the synpunkter – title, recipient line, dnr, date, signers, synpunkter i stort
and every standard section – with suggestions and standard texts for the text being written."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea

from ...draft.edit import filled, set_signature
from ...model import GENERAL_KEY
from ..session import GENERAL_TITLE, Session
from ..widgets.fields import Editor, TextField
from ..widgets.keybar import KeyBar
from ..widgets.suggestions import Suggestions
from .inserting import insert_into, sync_editor

if TYPE_CHECKING:
    from ..app import RemissdraftApp

ROLE_NAMES = {"chef": "Chef", "handlaggare": "Handläggare"}


class DraftScreen(Screen[None]):
    HELP_TITLE = "Utkastet (F4)"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Hjälp", id="help", priority=True),
        Binding("escape,f4", "close", "Tillbaka", id="draft.close", priority=True),
        Binding("f5", "export", "Exportera", id="draft.export", priority=True),
        Binding("ctrl+o", "standard_text", "Standardtext", id="draft.standard-text"),
        Binding("f3", "focus_suggestions", "Till förslagen", id="draft.focus-suggestions", show=False, priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.target: Editor | None = None  # the text the suggestions are for: the one focused last

    def compose(self) -> ComposeResult:
        draft = self.session.draft
        with Horizontal(id="draft-layout"):
            with VerticalScroll(id="draft-sections"):
                yield Label("Dokumentets rubrik, mottagare, uppgifter och underskrifter", classes="title")
                with Grid(id="draft-facts"):
                    for label, field_id, value, placeholder in [
                        ("Rubrik", "draft-title", draft.title, "Remiss – …"),
                        ("Underrubrik", "draft-subtitle", draft.subtitle, "Yttrande till …"),
                        ("Diarienummer", "draft-dnr", draft.dnr, "nämndens dnr, t.ex. SOCN 2021/133"),
                        ("Datum", "draft-datum", draft.datum, "ÅÅÅÅ-MM-DD"),
                    ]:
                        yield Label(label)
                        yield TextField(value, placeholder=placeholder, id=field_id)
                yield Label("Underskrifter [dim](följer profilen tills du ändrar dem här)[/]", classes="heading")
                with Grid(id="draft-signers"):
                    for index, signer in enumerate(draft.signatures):
                        yield Label(ROLE_NAMES.get(signer.role, signer.role.title() or f"Underskrift {index + 1}"))
                        for key, placeholder in (("name", "namn"), ("title", "titel"), ("unit", "enhet")):
                            yield TextField(getattr(signer, key), placeholder=placeholder, id=f"signer-{index}-{key}")
                for section in draft.sections:
                    heading = filled(draft, section.heading, self.session.profile)  # as the export will read
                    if section.kind == "synpunkter":
                        yield from self._general_part(heading)
                        continue
                    mark = " *" if section.required else ""
                    texts = self.session.standard_texts(section.key)
                    hint = f"   Ctrl+O: standardtext ({len(texts)} i korpusen)" if texts else ""
                    yield Label(f"{heading}{mark}[dim]{hint}[/]", markup=True, classes="heading")
                    yield Editor(section.text, part_key=section.key, id=f"draft-{section.key}", classes="standard")
                if not any(s.kind == "synpunkter" for s in draft.sections):
                    yield from self._general_part("")
            with Vertical(id="draft-right"):
                yield Suggestions(self.session.fill, id="draft-suggestions")
        yield KeyBar()

    def _general_part(self, heading: str):
        written = sum(1 for s in self.session.draft.synpunkter if s.written)
        if heading:
            yield Label(f"{heading} [dim]– {written} synpunkter per avsnitt, skrivs i arbetsytan[/]", classes="heading")
        yield Label(f"{GENERAL_TITLE} [dim](före synpunkterna per avsnitt, eller där mallen anger)[/]", classes="subheading")
        yield Editor(self.session.draft.general.text, part_key=GENERAL_KEY, id="draft-general", classes="standard")

    def on_mount(self) -> None:
        self.query_one("#draft-right").border_title = "Förslag"
        first = self.query_one("#draft-title", Input)
        first.focus()
        self.show_suggestions()

    # --- suggestions for the text being written -------------------------------------------------------

    def on_descendant_focus(self, event) -> None:
        widget: Widget = event.widget
        if isinstance(widget, Editor) and widget is not self.target:
            self.target = widget
            self.show_suggestions()

    def show_suggestions(self) -> None:
        suggestions = self.query_one("#draft-suggestions", Suggestions)
        right = self.query_one("#draft-right")
        if self.target is None:
            suggestions.show_message("Förslag och standardtexter visas för texten du skriver i.")
            right.border_subtitle = ""
            return
        items = self.session.section_suggestions(self.target.part_key)
        empty = "Förslagen laddas …" if not self.session.ranking_ready else "Inga förslag för det här avsnittet."
        suggestions.show_items(items, self.session.used(), empty=empty)
        right.border_subtitle = f"{len(items)} st · Enter infogar"

    @on(Suggestions.Insert)
    def _insert(self, event: Suggestions.Insert) -> None:
        self.insert_snippet(event.suggestion.snippet)

    def insert_snippet(self, snippet) -> None:
        """Insert into the text focused last (the palette's snippet search lands here too)."""
        if self.target is None:
            self.notify("Välj först texten att infoga i", timeout=3)
            return
        insert_into(self, self.session, self.target, snippet, self.show_suggestions)

    def palette_commands(self) -> list[tuple[str, object, str]]:
        return [("Tillbaka till arbetsytan", self.action_close, "Esc")]

    def action_focus_suggestions(self) -> None:
        self.query_one("#draft-suggestions").focus()

    # --- edits ------------------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        draft = self.session.draft
        field = event.input.id or ""
        value = event.value.strip()
        if field == "draft-title":
            draft.title = value
        elif field == "draft-subtitle":
            draft.subtitle = value
        elif field == "draft-dnr":
            draft.dnr = value
        elif field == "draft-datum":
            try:
                draft.datum = date.fromisoformat(value).isoformat()
            except ValueError:
                event.input.set_class(True, "-invalid")  # shown, and the last valid date kept while the user types
                return
            event.input.set_class(False, "-invalid")
        elif field.startswith("signer-"):
            _, index, key = field.split("-")
            signer = draft.signatures[int(index)]
            if getattr(signer, key) == value:
                return
            set_signature(draft, int(index), **{key: value})
        else:
            return
        self.session.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, Editor):
            sync_editor(self.session, event.text_area)

    def action_standard_text(self) -> None:
        """Put the corpus's standard text for the focused section in it; pressing again offers the next one."""
        area = self.focused
        key = area.part_key if isinstance(area, Editor) else ""
        texts = self.session.standard_texts(key) if key else []
        if not isinstance(area, Editor) or not texts:
            self.notify("Korpusen har ingen standardtext för det här avsnittet", timeout=3)
            return
        now = texts.index(area.text) if area.text in texts else -1  # the one shown now, if any: offer the next
        area.change_to(texts[(now + 1) % len(texts)])  # Ctrl+Z brings back what was there

    def action_export(self) -> None:
        cast("RemissdraftApp", self.app).action_export()

    def action_close(self) -> None:
        for editor in self.query(Editor):
            sync_editor(self.session, editor)
        self.dismiss(None)


__all__ = ["DraftScreen"]
