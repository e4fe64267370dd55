"""The workspace: the remiss outline, its text, earlier positions and the synpunkt being written.

Built by the app once the remiss is open; the app keeps loading, the palette, the profile, saving and quitting.
"""

from __future__ import annotations

import asyncio
import copy
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, TextArea

from ...draft import mark_ingen_erinran
from ...errors import RemissdraftError
from ...model import STANCE_LABELS, STANCES, Section, Snippet, Source, Synpunkt
from ..keys import key_of
from ..session import Session
from ..widgets.fields import Editor, TextField
from ..widgets.keybar import KeyBar
from ..widgets.outline import Outline
from ..widgets.proposal import ProposalBox, ProposalEditor
from ..widgets.section_text import SectionText
from ..widgets.status import StatusBar
from ..widgets.suggestions import Suggestions
from .inserting import insert_into, sync_editor

if TYPE_CHECKING:
    from ..app import RemissdraftApp

STANCE_FILTERS: list[str | None] = [None, *STANCES]


def stance_name(stance: str | None) -> str:
    return STANCE_LABELS[stance] if stance else "alla"


class WorkspaceScreen(Screen[None]):
    """Answer the remiss part by part, keyboard first."""

    HELP_TITLE = "Arbetsytan"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Hjälp", id="help", priority=True),  # the app's, here so the footer shows it first
        Binding("f4", "draft", "Utkastet", id="draft-view", priority=True),
        Binding("f5", "export", "Exportera", id="export", priority=True),
        Binding("f7", "propose_draft", "Föreslå utkast", id="propose-draft", priority=True,
                tooltip="Föreslå utkast: tidigare ställningstaganden som säkert passar, som förslag att granska"),
        Binding("f8", "accept_proposal", "Godta", id="accept-proposal", priority=True,
                tooltip="Godta förslaget (som det står i förslagsrutan, med dina ändringar)"),
        Binding("shift+f8", "reject_proposal", "Avvisa", id="reject-proposal", priority=True,
                tooltip="Avvisa förslaget (det föreslås inte där igen)"),
        Binding("shift+f7", "next_proposal", "Nästa förslag att granska", id="next-proposal", show=False, priority=True),
        Binding("ctrl+n", "next_section", "Nästa", id="next-section"),
        Binding("ctrl+b", "previous_section", "Föregående", id="previous-section"),
        Binding("ctrl+g", "next_unanswered", "Obesvarat", id="next-unanswered"),
        Binding("ctrl+r", "ingen_erinran", "Ingen erinran", id="ingen-erinran"),
        Binding("ctrl+t", "cycle_stance", "Ställning", id="cycle-stance"),
        Binding("ctrl+f", "filter", "Filtrera förslagen", id="filter-suggestions", show=False),
        Binding("ctrl+l", "add_to_corpus", "Spara synpunkten i din korpus", id="add-to-corpus", show=False),
        Binding("f2", "focus_outline", "Till avsnitten", id="focus-outline", show=False, priority=True),
        Binding("f3", "focus_suggestions", "Till förslagen", id="focus-suggestions", show=False, priority=True),
        Binding("slash", "search_text", "Sök i remisstexten", id="search-text", show=False),
        Binding("escape", "focus_editor", "Till synpunkten", id="focus-editor", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.section: Section | None = None
        self.stance: str | None = None
        self.show_weak = False  # the weak suggestions too, marked (S in the list)
        self._indexing = ""  # how indexing the corpus goes, while it does

    # --- building the screen --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="workspace"):
            yield Outline(self.session, typed=self.write_on, id="outline")
            with Vertical(id="middle"):
                yield SectionText(id="section-text")
                yield TextField(placeholder="ord i avsnittets text, Enter söker, Esc stänger", id="text-search", classes="hidden")
                yield ProposalBox(id="proposal")
                yield Editor(id="editor")
            with Vertical(id="right"):
                yield TextField(placeholder="Filtrera förslagen (Ctrl+F)", id="suggestion-filter")
                yield Suggestions(self.session.fill, id="suggestions")
        yield StatusBar(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#section-text").border_title = "Remisstext"
        self.query_one("#text-search").border_title = "Sök i remisstexten"
        self.query_one("#right").border_title = "Tidigare ställningstaganden"
        self.query_one(Outline).focus()
        session = self.session
        start = session.section_of(session.draft.current) if session.resumed else None
        self.show_section(start or session.next_unanswered(None) or session.order[0])
        self.update_status()

    def ranking_loaded(self) -> None:
        self.session.ranking_ready = True
        self.refresh_suggestions()

    def indexing(self, done: int, total: int) -> None:
        """How indexing a new or changed corpus goes, shown where the suggestions will be (the rest of the
        workspace is in use meanwhile); heard before the screen is mounted, it shows once it is."""
        count = lambda number: f"{number:,}".replace(",", "\u00a0")  # noqa: E731 – "1 240", as Swedish writes it
        self._indexing = f"Indexerar {count(done)} av {count(max(done, total))} ställningstaganden …"
        if not self.session.ranking_ready and self.is_mounted:
            self.query_one(Suggestions).show_message(self._indexing)

    # --- the current part -----------------------------------------------------------------------------

    @property
    def editor(self) -> Editor:
        return self.query_one("#editor", Editor)

    def show_section(self, section: Section) -> None:
        """Make `section` current: its text, its proposal to review, what the draft says on it in the editor,
        its suggestions."""
        session = self.session
        self.sync_editor()  # whatever the editor holds belongs to the part it was showing
        self.sync_proposal()
        if section is not self.section:
            with self.prevent(Input.Changed):
                self.query_one("#suggestion-filter", Input).value = ""  # a word filter belongs to one section
        self.section = section
        session.remember(section)
        outline = self.query_one(Outline)
        if outline.cursor_node is None or outline.cursor_node.data is not section:
            outline.select_section(section)
        self.query_one(SectionText).show_section(section)
        part = session.part(section)
        editor = self.editor
        editor.part_key = part.key if part is not None else ""
        editor.load_text(part.text if part is not None else "")
        editor.read_only = part is None
        if section is session.general:
            editor.border_title = "Synpunkter i stort"
        else:
            suffix = " – ingen erinran" if isinstance(part, Synpunkt) and part.ingen_erinran else ""
            editor.border_title = f"Synpunkt: {section.label}{suffix}"
        self.show_proposal()
        self.refresh_suggestions()

    def sync_editor(self) -> bool:
        """Put the editor's text into the draft when it differs; True when it did."""
        key = sync_editor(self.session, self.editor)
        if key is None:
            return False
        section = self.session.section_of(key)
        if section is not None:
            self.query_one(Outline).refresh_mark(section)
        self.update_status()
        return True

    def sync_proposal(self) -> None:
        """Keep what the user typed in the proposal box, as the proposal's text (never the synpunkt's)."""
        box = self.query_one(ProposalEditor)
        if box.proposal_key:
            self.session.revise_proposal(box.proposal_key, box.text)

    def show_proposal(self) -> None:
        """The proposal box for the current section: shown while it has a proposal to review."""
        section, session = self.section, self.session
        proposal = session.proposal(section) if section is not None else None
        part = session.part(section) if section is not None else None
        snippet = session.snippet(proposal.id) if proposal is not None else None
        keys = (f"{self.key('accept-proposal')} godtar · {self.key('reject-proposal')} avvisar · "
                f"{self.key('next-proposal')} nästa förslag")
        self.query_one(ProposalBox).show(part.key if part is not None else "", proposal, snippet.stance if snippet else "", keys)
        self.set_class(proposal is not None, "-proposal")
        self.refresh_bindings()

    def key(self, binding_id: str) -> str:
        """The key of one of this screen's bindings as the user has it (after the profile's keymap)."""
        return key_of(self, binding_id, cast("RemissdraftApp", self.app).keymap)

    def refresh_suggestions(self) -> None:
        if self.section is None:
            return
        right = self.query_one("#right")
        suggestions = self.query_one(Suggestions)
        if not self.session.ranking_ready:
            if self._indexing:
                suggestions.show_message(self._indexing)
            else:
                suggestions.show_loading()
            right.border_subtitle = "laddar …"
            return
        text_filter = self.query_one("#suggestion-filter", Input).value
        offer = self.session.offer(self.section, self.stance, text_filter, weak=self.show_weak)
        empty = ("Inga förslag med den ställningen." if self.stance else
                 "Inga förslag med de orden." if text_filter.strip() else "Inga förslag för det här avsnittet.")
        suggestions.show_offer(offer, self.session.used(), empty=empty)
        count = "inget passar" if offer.nothing_fits else f"{len(offer.fits)} passar"
        weak = f" · {len(offer.weak)} svaga" if self.show_weak else ""
        right.border_subtitle = f"ställning: {stance_name(self.stance)} (0–5) · {count}{weak}"

    @on(Outline.Chosen)
    def _outline_chosen(self, event: Outline.Chosen) -> None:
        if event.section is not self.section:
            self.show_section(event.section)

    def write_on(self, text: str) -> None:
        """Go on with the synpunkt of the section shown: the focus on its editor at once, `text` at its end
        (what is typed while the outline has the focus, `Outline.typed`)."""
        editor = self.editor
        self.query_one("#text-search", Input).add_class("hidden")
        self.set_focus(editor)
        if not editor.read_only:
            editor.move_cursor(editor.document.end)
            editor.insert(text)

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
    def _editor_changed(self) -> None:
        self.sync_editor()

    @on(TextArea.Changed, "#proposal-text")
    def _proposal_changed(self) -> None:
        self.sync_proposal()
        self.update_status()

    @on(Suggestions.Insert)
    def _insert(self, event: Suggestions.Insert) -> None:
        self.insert_snippet(event.suggestion.snippet)

    @on(Suggestions.StanceChosen)
    def _stance_chosen(self, event: Suggestions.StanceChosen) -> None:
        self.set_stance(event.stance)

    @on(Suggestions.WeakToggled)
    def _weak_toggled(self) -> None:
        self.action_toggle_weak()

    def insert_snippet(self, snippet: Snippet) -> None:
        """Put a snippet into the current part as a new paragraph (see `insert_into`)."""
        if self.section is not None and self.session.part(self.section) is not None:
            self.sync_editor()
            insert_into(self, self.session, self.editor, snippet, self._inserted)

    def _inserted(self) -> None:
        if self.section is not None:
            self.query_one(Outline).refresh_mark(self.section)
        self.refresh_suggestions()
        self.update_status()

    def jump_to(self, section: Section) -> None:
        self.show_section(section)
        self.editor.focus()

    def palette_commands(self) -> list[tuple[str, object, str]]:
        """The palette's entries for this screen: the first draft and its proposals, the weak suggestions, and
        every part of the draft to go to."""
        pending = self.session.pending()
        entries: list[tuple[str, object, str]] = [
            ("Föreslå utkast", self.action_propose_draft,
             f"{self.key('propose-draft')} – tidigare ställningstaganden som säkert passar, som förslag att granska"),
        ]
        if pending:
            entries += [
                ("Nästa förslag att granska", self.action_next_proposal, f"{self.key('next-proposal')} – {pending} kvar"),
                ("Godta förslaget", self.action_accept_proposal, f"{self.key('accept-proposal')} – i avsnittet du står i"),
                ("Avvisa förslaget", self.action_reject_proposal, f"{self.key('reject-proposal')} – i avsnittet du står i"),
            ]
        entries.append(("Dölj svaga förslag" if self.show_weak else "Visa även svaga förslag", self.action_toggle_weak,
                        "S i förslagslistan – träffar under gränsen för att passa, märkta som svaga"))
        return entries + [(f"Gå till {section.label}", partial(self.jump_to, section),
                           "Synpunkter på remissen som helhet" if section is self.session.general else "Avsnitt i remissen")
                          for section in self.session.order]

    # --- actions ----------------------------------------------------------------------------------

    def _step(self, offset: int) -> None:
        order = self.session.order
        if self.section in order:
            self.show_section(order[(order.index(self.section) + offset) % len(order)])

    def action_next_section(self) -> None:
        self._step(1)

    def action_previous_section(self) -> None:
        self._step(-1)

    def action_next_unanswered(self) -> None:
        section = self.session.next_unanswered(self.section)
        if section is None:
            self.notify("Alla avsnitt är besvarade", timeout=3)
        else:
            self.show_section(section)

    def action_ingen_erinran(self) -> None:
        if self.section is None:
            return
        part = self.session.part(self.section)
        if not isinstance(part, Synpunkt):
            self.notify("”Ingen erinran” gäller ett avsnitt i remissen, inte synpunkterna i stort", timeout=3)
            return
        self.sync_editor()
        mark_ingen_erinran(self.session.draft, part.key, not part.ingen_erinran)
        self.session.changed()
        self.query_one(Outline).refresh_mark(self.section)
        self.show_section(self.section)
        self.update_status()
        self.notify("Markerat ”ingen erinran”" if part.ingen_erinran else "”Ingen erinran” borttaget", timeout=2)

    def action_cycle_stance(self) -> None:
        self.set_stance(STANCE_FILTERS[(STANCE_FILTERS.index(self.stance) + 1) % len(STANCE_FILTERS)])

    def set_stance(self, stance: str | None) -> None:
        self.stance = stance
        self.refresh_suggestions()

    def action_toggle_weak(self) -> None:
        self.show_weak = not self.show_weak
        self.refresh_suggestions()
        self.notify("Svaga träffar visas, märkta som svaga" if self.show_weak else "Bara det som passar visas", timeout=2)

    # --- a first draft in one key ----------------------------------------------------------------

    def action_propose_draft(self) -> None:
        self.propose_draft()

    @work(exclusive=True, group="propose")
    async def propose_draft(self) -> None:
        """Place a proposal on every section an earlier position surely answers (in a worker, on a copy of the
        draft, so typing goes on), then go to the first one to review."""
        session = self.session
        self.notify("Letar förslag till utkastet …", timeout=2)
        try:
            found = await asyncio.to_thread(session.find_proposals, copy.deepcopy(session.draft))
        except RemissdraftError as error:
            self.notify(str(error), title="Inga förslag", severity="error", timeout=10)
            return
        placed = session.place_proposals(found)
        self.query_one(Outline).refresh_all()
        self.update_status()
        pending = session.pending()
        keys = f"{self.key('accept-proposal')} godtar, {self.key('reject-proposal')} avvisar"
        if placed:
            self.notify(f"{len(placed)} förslag att granska – {keys}", title="Utkast föreslaget", timeout=8)
            first = session.next_proposal(None)
        elif pending:
            self.notify(f"Inga nya förslag – {pending} kvar att granska ({keys})", timeout=6)
            first = session.next_proposal(self.section)
        else:
            self.notify("Inget tidigare ställningstagande passar säkert nog för att föreslås – se förslagen per avsnitt",
                        title="Inga förslag", timeout=8)
            first = None
        if first is not None:
            self.show_section(first)
        else:
            self.show_proposal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Godta and Avvisa show only while there are proposals to review."""
        if action in ("accept_proposal", "reject_proposal"):
            return self.session.pending() > 0
        return True

    def _proposal_key(self) -> str | None:
        """The synpunkt key of the current section's proposal; None (and a word on where they are) without."""
        if self.section is not None and self.session.proposal(self.section) is not None:
            part = self.session.part(self.section)
            return part.key if part is not None else None
        pending = self.session.pending()
        self.notify(f"Avsnittet har inget förslag att granska – {self.key('next-proposal')} går till nästa ({pending} kvar)"
                    if pending else f"Inga förslag att granska – {self.key('propose-draft')} föreslår ett utkast", timeout=4)
        return None

    def action_accept_proposal(self) -> None:
        """Take the proposal, as it stands in the box, into the synpunkt; the editor then holds it to edit on."""
        key = self._proposal_key()
        if key is None or self.section is None:
            return
        self.sync_editor()
        self.sync_proposal()
        self.session.accept_proposal(key)
        part = self.session.part(self.section)
        editor = self.editor
        if part is not None:
            editor.change_to(part.text)  # one edit, so Ctrl+Z takes it out again
        self.query_one(Outline).refresh_mark(self.section)
        self.show_proposal()
        self.update_status()
        editor.focus()
        left = self.session.pending()
        self.notify(f"Godtaget – texten är nu synpunkten och kan redigeras. {self._left(left)}", timeout=4)

    def action_reject_proposal(self) -> None:
        key = self._proposal_key()
        if key is None or self.section is None:
            return
        self.session.reject_proposal(key)
        self.query_one(Outline).refresh_mark(self.section)
        self.show_proposal()
        self.refresh_suggestions()
        self.update_status()
        self.notify(f"Förslaget avvisat – det föreslås inte här igen. {self._left(self.session.pending())}", timeout=4)

    def _left(self, pending: int) -> str:
        return f"{pending} förslag kvar ({self.key('next-proposal')} nästa)." if pending else "Inga förslag kvar att granska."

    def action_next_proposal(self) -> None:
        section = self.session.next_proposal(self.section)
        if section is None:
            self.notify(f"Inga förslag att granska – {self.key('propose-draft')} föreslår ett utkast", timeout=3)
        else:
            self.show_section(section)
            self.query_one(ProposalEditor).focus()

    def action_filter(self) -> None:
        self.query_one("#suggestion-filter", Input).focus()

    def action_focus_outline(self) -> None:
        self.query_one(Outline).focus()

    def action_focus_suggestions(self) -> None:
        self.query_one(Suggestions).focus()

    def action_focus_editor(self) -> None:
        self.query_one("#text-search", Input).add_class("hidden")
        self.editor.focus()

    def action_search_text(self) -> None:
        search = self.query_one("#text-search", Input)
        search.remove_class("hidden")
        search.focus()

    def action_draft(self) -> None:
        from .draft import DraftScreen

        self.sync_editor()
        self.app.push_screen(DraftScreen(self.session), lambda _: self.after_draft_view())

    def after_draft_view(self) -> None:
        """What F4 may have changed shows here too: the general part, marks, status."""
        if self.section is not None:
            self.show_section(self.section)
        self.query_one(Outline).refresh_all()
        self.update_status()

    def action_export(self) -> None:
        self.sync_editor()
        cast("RemissdraftApp", self.app).action_export()  # the app knows the templates and where exports go

    def action_add_to_corpus(self) -> None:
        """Keep the current text in the user's corpus, with the stance the user chooses."""
        if self.section is None:
            return
        self.sync_editor()
        part = self.session.part(self.section)
        text = part.text.strip() if part is not None else ""
        if not text:
            self.notify("Synpunkten är tom – skriv något först", severity="warning", timeout=3)
            return
        from ...corpus import classify
        from .dialogs import StanceScreen

        self.app.push_screen(StanceScreen(text, classify(text)), partial(self._add_to_corpus, text, self.section))

    def _add_to_corpus(self, text: str, section: Section, stance: str | None) -> None:
        if stance is None:
            return
        from ...corpus.user import add_own_snippet

        session, draft = self.session, self.session.draft
        label = "" if section is session.general else section.label
        source = Source(organisation=draft.organisation, namnd=draft.namnd, dnr=draft.dnr, datum=draft.datum,
                        title=session.remiss.title, section=label, remiss_dnr=session.remiss.dnr)
        topics = [] if section is session.general else [section.title]
        try:
            snippet = add_own_snippet(text, stance, topics, source, draft.namnd, cast("RemissdraftApp", self.app).corpus_dir)
        except RemissdraftError as error:
            self.notify(str(error), title="Kunde inte spara i korpusen", severity="error", timeout=10)
            return
        self.notify(f"Sparat i din korpus som {STANCE_LABELS[stance]}", timeout=3)
        if session.add_snippet(snippet) and session.ranking_ready:
            self.rank_again()

    @work(exclusive=True, group="rank-again", exit_on_error=False)
    async def rank_again(self) -> None:
        """Make the ranking again for the corpus with the user's new position, in a thread: the suggestions in
        use stay meanwhile (a big corpus takes seconds to index)."""
        right = self.query_one("#right")
        right.border_subtitle = "uppdaterar förslagen …"
        try:
            ranking = await asyncio.to_thread(self.session.new_ranking)
        except RemissdraftError as error:
            self.notify(f"Förslagen kunde inte uppdateras: {error}", severity="error", timeout=10)
            return
        except Exception as error:  # the suggestions in use stay; the details go to the log
            log = cast("RemissdraftApp", self.app).write_log(error)
            self.notify(f"Förslagen kunde inte uppdateras – ett oväntat fel, beskrivet i {log}", severity="error", timeout=15)
            return
        self.session.use_ranking(ranking)
        self.refresh_suggestions()

    # --- status -------------------------------------------------------------------------------------

    def update_status(self) -> None:
        for bar in self.query(StatusBar):  # none while the app is closing
            bar.update_from(self.session)
