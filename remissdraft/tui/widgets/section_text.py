"""Middle: the selected section's own text, wrapped, with a search that highlights its hits."""

from __future__ import annotations

import re

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...model import Section


class SectionText(VerticalScroll, can_focus=True):
    """The remiss text of one section; `search()` highlights a word and scrolls to it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.section: Section | None = None
        self.query_text = ""
        self._text = Text()

    def compose(self):
        yield Static(id="section-body")

    def show_section(self, section: Section) -> None:
        self.section = section
        self._refresh_body()
        self.scroll_home(animate=False)

    def search(self, text: str) -> int:
        """Highlight `text` (every hit, case ignored) and scroll to the first; returns the number of hits."""
        self.query_text = text.strip()
        hits = self._refresh_body()
        if hits:
            self._scroll_to_first_hit()
        return hits

    def _scroll_to_first_hit(self) -> None:
        """Scroll so the line with the first hit shows (lines as wrapped to the pane's width)."""
        body = self.query_one("#section-body", Static)
        rendered = self._text
        index = rendered.plain.casefold().find(self.query_text.casefold())
        width = max(1, body.content_region.width or self.size.width)
        before = Text(rendered.plain[:index])
        lines = len(before.wrap(self.app.console, width)) - 1 if index > 0 else 0
        self.scroll_to(y=max(0, lines - 2), animate=False)

    def _refresh_body(self) -> int:
        body = self.query_one("#section-body", Static)
        section = self.section
        if section is None:
            body.update("")
            return 0
        text = Text()
        text.append(f"{section.label}\n\n", style="bold")
        paragraphs = section.paragraphs or ["(Avsnittet har ingen egen text – se underavsnitten.)"]
        text.append("\n\n".join(paragraphs))
        hits = 0
        if self.query_text:
            hits = text.highlight_regex(re.compile(re.escape(self.query_text), re.IGNORECASE), style="reverse")
        self._text = text
        body.update(text)
        self.border_subtitle = f"{hits} träffar på ”{self.query_text}”" if self.query_text else ""
        return hits
