"""The command palette (Ctrl+P): the app's commands, those of the screen it was opened from (go to a part of the
draft, back to the workspace) and, on a screen one writes on, snippets found by search, inserted where one writes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
)
from textual.widgets.option_list import Option

from ..draft import list_templates
from ..model import STANCE_LABELS

if TYPE_CHECKING:
    from .app import RemissdraftApp


class SwedishCommandPalette(CommandPalette):
    """Textual's palette with its words in Swedish."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "escape", "Stäng kommandopaletten", id="palette.close")]

    def __init__(self) -> None:
        super().__init__(placeholder="Sök kommandon, avsnitt och förslag att infoga …", id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text("Inga träffar", style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class RemissCommands(Provider):
    """Commands built from the open remiss, its draft and the screen the palette was opened from."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("RemissdraftApp", self.app)
        session = getattr(app, "session", None)
        entries: list[tuple[str, Callable[[], object], str]] = []
        if session is not None:
            entries += [
                ("Exportera till Word …", app.action_export, "F5 – tjänsteskrivelsen som .docx"),
                ("Spara utkastet", app.action_save, "Ctrl+S"),
            ]
        entries += [
            ("Redigera profilen …", app.action_profile, "F6 – namn, titel, nämnd och chef"),
            ("Visa kortkommandon", app.action_help, "F1"),
            ("Avsluta", app.action_quit, "Ctrl+Q – utkastet sparas först"),
        ]
        screen_commands = getattr(self.screen, "palette_commands", None)
        if screen_commands is not None:
            entries += screen_commands()
        if session is not None:
            entries += [(f"Byt mall: {template.name}", partial(app.action_switch_template, template.id),
                         "Samma utkast i en annan mall; det skrivna följer med") for template in list_templates()]
        return entries

    async def startup(self) -> None:
        """The palette opened: the corpus's word index for snippet search starts being made now, in a thread,
        while the user types the first letters (a search asks from three on)."""
        session = getattr(self.app, "session", None)
        if session is not None and session.ranking_ready and getattr(self.screen, "insert_snippet", None) is not None:
            self.app.run_worker(lambda: session.matcher().prepare_search(), thread=True, group="search-index",
                                exclusive=True, exit_on_error=False)

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, help=help_text)
        session = getattr(self.app, "session", None)
        insert = getattr(self.screen, "insert_snippet", None)
        if session is None or insert is None or len(query.strip()) < 3:
            return
        from .widgets.suggestions import readable

        # the corpus's word index (made on the first search) off the event loop: the app answers meanwhile
        found = await asyncio.to_thread(lambda: session.matcher().search(query, 8))
        for snippet in found:
            text = readable(session.fill(snippet))
            label = f"Infoga: {text[:70]}{'…' if len(text) > 70 else ''}"
            yield Hit(0.5, label, partial(insert, snippet), text=label,
                      help=f"{STANCE_LABELS[snippet.stance]} · {snippet.source.organisation} · {snippet.source.dnr}")
