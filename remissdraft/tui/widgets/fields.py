"""Text fields, the editor and buttons with the keys people expect from a word processor, described in Swedish.

Ctrl+A selects all, Ctrl+Home / Ctrl+End go to the start / end of the text, Ctrl+arrows move by word and Shift
with any of these selects. Every binding has an id, so a profile's keymap can move it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, TextArea

# The editing keys both kinds of field share (help lists them in Swedish).
_COMMON = [
    ("ctrl+a", "select_all", "Markera allt", "select-all"),
    ("ctrl+left", "{word_left}", "Ett ord åt vänster", "word-left"),
    ("ctrl+right", "{word_right}", "Ett ord åt höger", "word-right"),
    ("ctrl+shift+left", "{word_left}(True)", "Markera ett ord åt vänster", "select-word-left"),
    ("ctrl+shift+right", "{word_right}(True)", "Markera ett ord åt höger", "select-word-right"),
    ("ctrl+x", "cut", "Klipp ut", "cut"),
    ("ctrl+c", "copy", "Kopiera", "copy"),
    ("ctrl+v", "paste", "Klistra in", "paste"),
]


def _bindings(prefix: str, word_left: str, word_right: str, extra: list[tuple[str, str, str, str]]) -> list[BindingType]:
    rows = [(k, a.format(word_left=word_left, word_right=word_right), d, i) for k, a, d, i in _COMMON] + extra
    return [Binding(key, action, description, show=False, id=f"{prefix}.{name}") for key, action, description, name in rows]


class TextField(Input):
    """A one-line field that keeps its text when focused (Tab into it and type: the text is added to)."""

    HELP_TITLE = "I ett fält"
    BINDINGS: ClassVar[list[BindingType]] = _bindings("field", "cursor_left_word", "cursor_right_word", [
        ("home,ctrl+home", "home", "Till början", "start"),
        ("end,ctrl+end", "end", "Till slutet", "end"),
        ("shift+home,ctrl+shift+home", "home(True)", "Markera till början", "select-start"),
        ("shift+end,ctrl+shift+end", "end(True)", "Markera till slutet", "select-end"),
    ])

    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)


class Editor(TextArea):
    """A text the user writes; `part_key` names the part of the draft it edits ("4.5", "i_stort", a section key)."""

    HELP_TITLE = "I en text"
    BINDINGS: ClassVar[list[BindingType]] = _bindings("editor", "cursor_word_left", "cursor_word_right", [
        ("ctrl+home", "document_start", "Till textens början", "document-start"),
        ("ctrl+end", "document_end", "Till textens slut", "document-end"),
        ("ctrl+shift+home", "document_start(True)", "Markera till textens början", "select-document-start"),
        ("ctrl+shift+end", "document_end(True)", "Markera till textens slut", "select-document-end"),
        ("home", "cursor_line_start", "Till radens början", "line-start"),
        ("end", "cursor_line_end", "Till radens slut", "line-end"),
        ("shift+home", "cursor_line_start(True)", "Markera till radens början", "select-line-start"),
        ("shift+end", "cursor_line_end(True)", "Markera till radens slut", "select-line-end"),
        ("ctrl+z", "undo", "Ångra", "undo"),
        ("ctrl+y", "redo", "Gör om", "redo"),
    ])

    def __init__(self, text: str = "", part_key: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)
        self.part_key = part_key

    def action_document_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_document_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    def change_to(self, text: str) -> None:
        """Make the text `text` in one edit (Ctrl+Z brings back what was there): only what differs is replaced."""
        old = self.text
        start = 0
        while start < min(len(old), len(text)) and old[start] == text[start]:
            start += 1
        if old == text:
            return
        before = old[:start]
        location = (before.count("\n"), len(before) - (before.rfind("\n") + 1))
        self.replace(text[start:], location, self.document.end)
        self.move_cursor(self.document.end)
        self.scroll_cursor_visible()


class PushButton(Button):
    """A button pressed with Enter or Space."""

    HELP_TITLE = "På en knapp"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", "Tryck på knappen", show=False, id="button.press")]


class OptionBox(Checkbox):
    """A checkbox in a dialog: Space ticks it, Enter sends the dialog (as Enter in a field does) and leaves the
    tick as it is."""

    HELP_TITLE = "I en kryssruta"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Kryssa i eller ur", show=False, id="checkbox.toggle"),
        Binding("enter", "submit", "Skicka", show=False, id="checkbox.submit"),
    ]

    class Submitted(Message):
        """Enter was pressed on the checkbox."""

    def action_submit(self) -> None:
        self.post_message(self.Submitted())
