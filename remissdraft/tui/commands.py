"""The command palette (Ctrl+P): jump to a section, insert a snippet by search, export, switch template, profile."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..draft import list_templates
from ..model import STANCE_LABELS


class RemissCommands(Provider):
    """Commands built from the open remiss and draft."""

    def _entries(self):
        app = self.app
        session = getattr(app, "session", None)
        entries = [
            ("Exportera till Word …", app.action_export, "Skapa tjänsteskrivelsen som .docx"),
            ("Spara utkastet", app.action_save, "Ctrl+S"),
            ("Redigera profilen …", app.action_profile, "Namn, titel, nämnd och chef"),
            ("Visa utkastets standardavsnitt", app.action_draft, "Förslag till beslut, Konsekvenser för barn …"),
            ("Nästa obesvarade avsnitt", app.action_next_unanswered, "Ctrl+G"),
        ]
        if session is not None:
            for template in list_templates():
                entries.append((f"Byt mall: {template.name}", partial(app.action_switch_template, template.id),
                                "Samma utkast i en annan mall; det skrivna följer med"))
            for section in session.sections:
                entries.append((f"Gå till {section.label}", partial(app.jump_to, section), "Avsnitt i remissen"))
        return entries

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
        if session is None or len(query.strip()) < 3:
            return
        from ..corpus import search

        from ..draft import fill_snippet

        for snippet in search(session.snippets, query, limit=8):
            text = fill_snippet(session.draft, snippet)
            label = f"Infoga: {text[:70]}{'…' if len(text) > 70 else ''}"
            yield Hit(0.5, label, partial(self.app.insert_snippet, snippet), text=label,
                      help=f"{STANCE_LABELS[snippet.stance]} · {snippet.source.organisation} · {snippet.source.dnr}")
