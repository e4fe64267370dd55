"""Right: earlier positions for the current section, with stance, provenance and the terms that matched."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import STANCE_LABELS, Snippet
from ..session import Suggestion

STANCE_STYLES = {
    "positiv": "bold black on green",
    "kritisk": "bold white on red",
    "forbehall": "bold black on yellow",
    "fortydligande": "bold black on cyan",
    "neutral": "bold black on grey70",
}


def suggestion_text(suggestion: Suggestion, shown: str) -> Text:
    """Badge, the text as it would be inserted with its matched terms highlighted, and the provenance line."""
    snippet = suggestion.snippet
    text = Text()
    text.append(f" {STANCE_LABELS[snippet.stance]} ", style=STANCE_STYLES[snippet.stance])
    if snippet.topics:
        text.append(f"  {', '.join(snippet.topics)}", style="italic")
    text.append("\n")
    body = Text(shown)
    for term in sorted(set(suggestion.matched_terms[:8]), key=len, reverse=True):  # the strongest few, not every word
        if len(term) >= 3:
            body.highlight_regex(re.compile(rf"\b{re.escape(term)}\w*", re.IGNORECASE), style="bold underline")
    text.append_text(body)
    source = snippet.source
    provenance = " · ".join(part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part)
    text.append(f"\n{provenance}", style="dim")
    return text


class Suggestions(OptionList):
    """Enter (or a click) on a suggestion posts `Suggestions.Insert`."""

    class Insert(Message):
        def __init__(self, suggestion: Suggestion) -> None:
            super().__init__()
            self.suggestion = suggestion

    def __init__(self, fill: Callable[[Snippet], str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.fill = fill  # placeholders filled as the draft would fill them
        self.items: list[Suggestion] = []

    def show_loading(self) -> None:
        self.items = []
        self.clear_options()
        self.add_option(Option(Text("Förslagen laddas …", style="dim italic"), disabled=True))

    def show_items(self, items: list[Suggestion]) -> None:
        self.items = items
        self.clear_options()
        if not items:
            self.add_option(Option(Text("Inga förslag för det här avsnittet.", style="dim italic"), disabled=True))
            return
        self.add_options([Option(suggestion_text(item, self.fill(item.snippet)), id=str(index)) for index, item in enumerate(items)])
        self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Insert(self.items[int(event.option.id)]))
