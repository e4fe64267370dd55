"""Keys as the help shows them, the bindings a screen offers right now, and the binding ids a keymap may name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen

_NAMES = {
    "escape": "Esc", "enter": "Enter", "space": "Mellanslag", "tab": "Tab", "backspace": "Backsteg",
    "delete": "Delete", "home": "Home", "end": "End", "pageup": "PgUp", "pagedown": "PgDn", "left": "←",
    "right": "→", "up": "↑", "down": "↓", "question_mark": "?", "slash": "/", "insert": "Insert",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Skift", "alt": "Alt", "super": "Super", "meta": "Meta"}


def key_label(key: str) -> str:
    """"ctrl+shift+home" → "Ctrl+Skift+Home", "f5" → "F5", "question_mark" → "?"."""
    *modifiers, name = key.strip().split("+")
    shown = _NAMES.get(name) or (name.upper() if name[:1] == "f" and name[1:].isdigit() else name.upper() if len(name) == 1 else name.title())
    return "+".join([*(_MODIFIERS.get(m, m.title()) for m in modifiers), shown])


@dataclass
class HelpRow:
    group: str  # "Överallt", "Arbetsytan", "I synpunkten" …
    keys: str  # "F1 / ?"
    description: str


def help_rows(screen: Screen, keymap: Mapping[str, str]) -> list[HelpRow]:
    """Every binding of ours the screen offers now, with the keys `keymap` gives it: the app's, the screen's,
    then each kind of widget on it (the focused one first). Bindings without an id are Textual's own, with
    English descriptions; the widgets of remissdraft restate the ones a user needs, in Swedish. A binding's
    tooltip, when it has one, is its longer description (the footer shows the short one)."""
    app = screen.app
    focused = screen.focused
    nodes: list[DOMNode] = [app, screen]
    widgets = list(focused.ancestors_with_self) if focused is not None else []
    widgets = [w for w in widgets if w is not screen and w is not app][:1] + list(screen.query("*"))
    seen_classes: set[type] = set()
    for widget in widgets:
        if getattr(widget, "HELP_TITLE", "") and type(widget) not in seen_classes:
            seen_classes.add(type(widget))
            nodes.append(widget)
    rows: list[HelpRow] = []
    listed: set[str] = set()  # a binding a screen repeats from the app (to show it first in the footer) once
    for node in nodes:
        group = "Överallt" if node is app else getattr(node, "HELP_TITLE", "") or "Här"
        keys_of: dict[tuple[str, str], list[str]] = {}  # one row per action, with all its keys
        ids: set[str] = set()
        for key, binding in _with_keymap(node._bindings, keymap):
            if not binding.id or not binding.description or binding.id in listed:
                continue
            ids.add(binding.id)
            keys_of.setdefault((binding.action.removeprefix("app."), binding.tooltip or binding.description), []).append(key)
        listed.update(ids)
        for (_, description), keys in keys_of.items():
            rows.append(HelpRow(group, " / ".join(key_label(key) for key in keys), description))
    return rows


def key_of(node: DOMNode, binding_id: str, keymap: Mapping[str, str]) -> str:
    """The key(s) a binding of `node` has after `keymap`, as the help shows them ("Skift+F8"); "" if none."""
    keys = [key for key, binding in _with_keymap(node._bindings, keymap) if binding.id == binding_id]
    return " / ".join(key_label(key) for key in keys)


def _with_keymap(bindings: BindingsMap, keymap: Mapping[str, str]) -> Iterator[tuple[str, Binding]]:
    copy = bindings.copy()
    if keymap:
        copy.apply_keymap(dict(keymap))
    for key, items in copy.key_to_bindings.items():
        for binding in items:
            yield key, binding


def binding_ids(*classes: type[DOMNode]) -> set[str]:
    """The ids of every binding the given classes (and their bases) declare."""
    ids: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids
