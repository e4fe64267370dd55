"""Right: earlier positions for the current part, with stance, provenance, the terms that matched and where the
draft already uses them. A click selects, a double click or Enter inserts, digits filter on stance."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...draft.placeholders import KNOWN, PLACEHOLDER
from ...model import STANCE_LABELS, STANCES, Snippet
from ..session import Suggestion

STANCE_STYLES = {
    "positiv": "bold black on green",
    "kritisk": "bold white on red",
    "forbehall": "bold black on yellow",
    "fortydligande": "bold black on cyan",
    "neutral": "bold black on grey70",
}
STANCE_KEYS: list[str | None] = [None, *STANCES]  # digit 0 is every stance, 1–5 one each


def placeholder_label(name: str) -> str:
    """How a placeholder the draft cannot fill yet reads in a suggestion: "{namnd}" → "‹nämndens namn›"."""
    return f"‹{KNOWN.get(name, name).split(' (')[0]}›"


def readable(text: str) -> str:
    """Placeholders the draft cannot fill yet, as words: "{namnd} ser …" → "‹nämndens namn› ser …"."""
    return PLACEHOLDER.sub(lambda match: placeholder_label(match.group(1)), text)


def suggestion_text(suggestion: Suggestion, shown: str, used_in: list[str] | None = None) -> Text:
    """Badge, the text as it would be inserted with its matched terms highlighted (and placeholders still to be
    filled marked), the provenance line and, when the draft uses it already, where."""
    snippet = suggestion.snippet
    text = Text()
    text.append(f" {STANCE_LABELS[snippet.stance]} ", style=STANCE_STYLES[snippet.stance])
    if snippet.topics:
        text.append(f"  {', '.join(snippet.topics)}", style="italic")
    text.append("\n")
    body = Text()
    position = 0
    for match in PLACEHOLDER.finditer(shown):
        body.append(shown[position : match.start()])
        body.append(placeholder_label(match.group(1)), style="italic yellow")
        position = match.end()
    body.append(shown[position:])
    for term in sorted(set(suggestion.matched_terms[:8]), key=len, reverse=True):  # the strongest few, not every word
        if len(term) >= 3:
            body.highlight_regex(re.compile(rf"\b{re.escape(term)}\w*", re.IGNORECASE), style="bold underline")
    text.append_text(body)
    source = snippet.source
    provenance = " · ".join(part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part)
    if provenance:
        text.append(f"\n{provenance}", style="dim")
    if used_in:
        text.append(f"\n✓ redan använd: {', '.join(used_in)}", style="bold magenta")
    return text


class Suggestions(OptionList):
    """The suggestion list. Posts `Insert` (Enter, double click) and `StanceChosen` (digits 0–5)."""

    HELP_TITLE = "I förslagslistan"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Infoga förslaget", show=False, id="suggestions.insert"),
        *[Binding(str(digit), f"stance({digit})", f"Visa {STANCE_LABELS[stance] if stance else 'alla ställningar'}",
                  show=False, id=f"suggestions.stance-{stance or 'alla'}") for digit, stance in enumerate(STANCE_KEYS)],
    ]

    class Insert(Message):
        def __init__(self, suggestion: Suggestion) -> None:
            super().__init__()
            self.suggestion = suggestion

    class StanceChosen(Message):
        def __init__(self, stance: str | None) -> None:
            super().__init__()
            self.stance = stance

    def __init__(self, fill: Callable[[Snippet], str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.fill = fill  # placeholders filled as the draft would fill them
        self.items: list[Suggestion] = []

    def show_message(self, message: str) -> None:
        """No list, one line saying why ("Förslagen laddas …", "Inga förslag …")."""
        self.items = []
        self.clear_options()
        self.add_option(Option(Text(message, style="dim italic"), disabled=True))

    def show_loading(self) -> None:
        self.show_message("Förslagen laddas …")

    def show_items(self, items: list[Suggestion], used: dict[str, list[str]] | None = None,
                   empty: str = "Inga förslag för det här avsnittet.") -> None:
        if not items:
            self.show_message(empty)
            return
        used = used or {}
        highlighted = self.highlighted_suggestion
        self.items = items
        self.clear_options()
        self.add_options([Option(suggestion_text(item, self.fill(item.snippet), used.get(item.snippet.id)), id=str(index))
                          for index, item in enumerate(items)])
        same = [index for index, item in enumerate(items) if highlighted and item.snippet.id == highlighted.snippet.id]
        self.highlighted = same[0] if same else 0

    @property
    def highlighted_suggestion(self) -> Suggestion | None:
        index = self.highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def action_stance(self, digit: int) -> None:
        self.post_message(self.StanceChosen(STANCE_KEYS[digit]))

    async def _on_click(self, event: events.Click) -> None:
        """One click selects; the second click of a double click inserts."""
        event.prevent_default()  # OptionList itself would insert on every click
        clicked = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Insert(self.items[int(event.option.id)]))
