"""Right: earlier positions for the current part – only those that fit, each with how well, its stance, its
provenance, the terms that matched and where the draft already uses it; when nothing fits, one line saying so
and, apart, the positions on the remiss as a whole and the standard answers. A click selects, a double click or
Enter inserts, digits filter on stance, S shows the weak ones too."""

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
from ...draft.proposals import PROPOSAL_CONFIDENCE
from ...model import STANCE_LABELS, STANCES, Snippet, Source
from ..session import Offer, Suggestion

STANCE_STYLES = {
    "positiv": "bold black on green",
    "kritisk": "bold white on red",
    "forbehall": "bold black on yellow",
    "fortydligande": "bold black on cyan",
    "neutral": "bold black on grey70",
}
STANCE_KEYS: list[str | None] = [None, *STANCES]  # digit 0 is every stance, 1–5 one each
WELL = PROPOSAL_CONFIDENCE  # as sure as a first draft's proposal: "Passar väl"
NOTHING_FITS = "Inget tidigare ställningstagande passar avsnittet."
GROUPS = {  # the headings of the groups shown apart, and how each entry in them is marked
    "weak": ("Svaga träffar – under gränsen för att passa", "Svag träff"),
    "general": ("I stället: ställningstaganden om remissen som helhet", "Om remissen som helhet"),
    "standard": ("I stället: standardsvar", "Standardsvar"),
}


def placeholder_label(name: str) -> str:
    """How a placeholder the draft cannot fill yet reads in a suggestion: "{namnd}" → "‹nämndens namn›"."""
    return f"‹{KNOWN.get(name, name).split(' (')[0]}›"


def readable(text: str) -> str:
    """Placeholders the draft cannot fill yet, as words: "{namnd} ser …" → "‹nämndens namn› ser …"."""
    return PLACEHOLDER.sub(lambda match: placeholder_label(match.group(1)), text)


def fit_label(suggestion: Suggestion, marked: str = "") -> Text:
    """How well it fits, in words and a bar of five ("Passar väl ■■■■□"), "Svag träff" below the floor;
    `marked` names a fallback entry instead ("Standardsvar")."""
    text = Text()
    confidence = suggestion.confidence
    if marked and (confidence is None or not suggestion.weak):
        text.append(marked, style="bold italic")
    if confidence is None:
        return text
    if not marked:
        words, style = ("Svag träff", "dim") if suggestion.weak else ("Passar väl", "bold green") if confidence >= WELL else ("Passar", "green")
        text.append(words, style=style)
    filled = max(1, round(confidence * 5))
    text.append(" ")
    text.append("■" * filled, style="dim" if suggestion.weak else "green")
    text.append("■" * (5 - filled), style="grey30")
    return text


def suggestion_text(suggestion: Suggestion, shown: str, used_in: list[str] | None = None, marked: str = "") -> Text:
    """Badge and how well it fits (or what kind of fallback it is), near-duplicates, the text as it would be
    inserted with its matched terms highlighted (and placeholders still to be filled marked), the provenance
    line – who, dnr, date and the remiss section it answered – and, when the draft uses it already, where."""
    snippet = suggestion.snippet
    text = Text()
    text.append(f" {STANCE_LABELS[snippet.stance]} ", style=STANCE_STYLES[snippet.stance])
    fit = fit_label(suggestion, marked)
    if fit:
        text.append("  ")
        text.append_text(fit)
    if suggestion.similar:
        text.append(f"  · {suggestion.similar} liknande", style="italic")
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
    provenance = provenance_line(snippet)
    if provenance:
        text.append(f"\n{provenance}", style="dim")
    if used_in:
        text.append(f"\n✓ redan använd: {', '.join(used_in)}", style="bold magenta")
    return text


def provenance_line(snippet: Snippet) -> str:
    """"Nacka kommun · Socialnämnden · SOCN 2021/132 · 2021-04-27 · svar på avsnitt ”Styrande nivå”"."""
    return source_line(snippet.source, snippet.topics)


def source_line(source: Source, topics: list[str] | None = None) -> str:
    """Who wrote it, its dnr and date, and the remiss section it answered (else the heading it stood under)."""
    parts = [part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part]
    if source.section:
        parts.append(f"svar på avsnitt ”{source.section}”")
    elif topics:
        parts.append(f"under rubriken ”{', '.join(topics)}”")
    return " · ".join(parts)


class Suggestions(OptionList):
    """The suggestion list. Posts `Insert` (Enter, double click), `StanceChosen` (digits 0–5) and `WeakToggled`
    (S: the weak ones too, or not)."""

    HELP_TITLE = "I förslagslistan"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Infoga förslaget", show=False, id="suggestions.insert"),
        *[Binding(str(digit), f"stance({digit})", f"Visa {STANCE_LABELS[stance] if stance else 'alla ställningar'}",
                  show=False, id=f"suggestions.stance-{stance or 'alla'}") for digit, stance in enumerate(STANCE_KEYS)],
        Binding("s", "toggle_weak", "Visa eller dölj svaga träffar", show=False, id="suggestions.weak"),
    ]

    class Insert(Message):
        def __init__(self, suggestion: Suggestion) -> None:
            super().__init__()
            self.suggestion = suggestion

    class StanceChosen(Message):
        def __init__(self, stance: str | None) -> None:
            super().__init__()
            self.stance = stance

    class WeakToggled(Message):
        pass

    def __init__(self, fill: Callable[[Snippet], str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.fill = fill  # placeholders filled as the draft would fill them
        self.items: list[Suggestion] = []

    def show_message(self, message: str) -> None:
        """No list, one line saying why ("Förslagen laddas …", "Inga förslag …"); a line already shown is only
        changed (indexing tells how it goes several times a second)."""
        prompt = Text(message, style="dim italic")
        if not self.items and self.option_count == 1 and self.get_option_at_index(0).disabled:
            self.replace_option_prompt_at_index(0, prompt)
            return
        self.items = []
        self.clear_options()
        self.add_option(Option(prompt, disabled=True))

    def show_loading(self) -> None:
        self.show_message("Förslagen laddas …")

    def show_items(self, items: list[Suggestion], used: dict[str, list[str]] | None = None,
                   empty: str = "Inga förslag för det här avsnittet.") -> None:
        """A plain list (the F4 texts): positions with how well they fit, standard texts marked as such."""
        if not items:
            self.show_message(empty)
            return
        self._show([(item, "Standardtext" if item.confidence is None else "") for item in items], used or {})

    def show_offer(self, offer: Offer, used: dict[str, list[str]] | None = None,
                   empty: str = "Inga förslag för det här avsnittet.") -> None:
        """What fits; the weak ones apart when asked for; when nothing fits, one line saying so and, apart and
        marked, the positions on the remiss as a whole and the standard answers."""
        rows: list[tuple[Suggestion, str] | str] = [(item, "") for item in offer.fits]
        if offer.nothing_fits:
            rows.insert(0, NOTHING_FITS)
        for group in ("weak", "general", "standard"):
            items = getattr(offer, group)
            if items:
                heading, mark = GROUPS[group]
                rows += [heading, *((item, mark if group != "weak" else "") for item in items)]
        if not any(isinstance(row, tuple) for row in rows):
            self.show_message(NOTHING_FITS if offer.nothing_fits else empty)
            return
        self._show(rows, used or {})

    def _show(self, rows: list[tuple[Suggestion, str] | str], used: dict[str, list[str]]) -> None:
        """Entries (a suggestion and how it is marked) and headings (a line of their own, not selectable)."""
        highlighted = self.highlighted_suggestion
        self.items = [row[0] for row in rows if isinstance(row, tuple)]
        options: list[Option] = []
        for row in rows:
            if isinstance(row, str):
                options.append(Option(Text(row, style="bold" if row == NOTHING_FITS else "bold underline"), disabled=True))
            else:
                item, mark = row
                prompt = suggestion_text(item, self.fill(item.snippet), used.get(item.snippet.id), mark)
                options.append(Option(prompt, id=str(sum(1 for option in options if option.id is not None))))
        self.clear_options()
        self.add_options(options)
        wanted = highlighted.snippet.id if highlighted else None
        same = [i for i, option in enumerate(options) if option.id is not None and self.items[int(option.id)].snippet.id == wanted]
        first = next((i for i, option in enumerate(options) if option.id is not None), None)
        self.highlighted = same[0] if same else first
        if not same:  # a new list starts at its top, with its headings, even when its first entry is tall
            self.call_after_refresh(self.scroll_to, y=0, animate=False)

    @property
    def highlighted_suggestion(self) -> Suggestion | None:
        index = self.highlighted
        if index is None or index >= self.option_count:
            return None
        option_id = self.get_option_at_index(index).id
        return self.items[int(option_id)] if option_id is not None and int(option_id) < len(self.items) else None

    def option_index(self, suggestion: Suggestion) -> int | None:
        """Where in the list an entry is (headings count), to highlight it."""
        wanted = self.items.index(suggestion) if suggestion in self.items else -1
        return next((i for i in range(self.option_count) if self.get_option_at_index(i).id == str(wanted)), None)

    def action_stance(self, digit: int) -> None:
        self.post_message(self.StanceChosen(STANCE_KEYS[digit]))

    def action_toggle_weak(self) -> None:
        self.post_message(self.WeakToggled())

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
