"""The bottom line of keys: the screen's shown bindings, the command palette at the right.

One widget drawing one line of text, in place of Textual's Footer, which mounts a widget per key and restyles
each of them when it is made and whenever the focus moves (measured: 150 ms of the workspace's first screen).
Looks and behaves like it: a key and its description, disabled keys dimmed, a click presses the key, hovering
shows the binding's tooltip.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """A key as drawn: where it begins and ends (cells), and the binding behind it."""

    start: int
    end: int
    binding: Binding
    enabled: bool
    tooltip: str


class KeyBar(Widget):
    """The active bindings of the screen, as Textual's footer shows them, on one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description", "keybar--palette"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keybar--palette {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._keys: list[Key] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def drawn(self) -> list[Key]:
        """The keys drawn at the last render, left to right (the palette's last)."""
        return list(self._keys)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        description_style = self.get_component_rich_style("keybar--description", partial=True)
        shown: dict[str, tuple[Binding, bool, str]] = {}  # the first key of each action, as the footer shows
        palette: tuple[Binding, bool, str] | None = None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = (binding, enabled, tooltip)
            elif binding.show:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        width = self.size.width
        tail = self._part(palette, key_style, description_style, lead="") if palette else Text()
        room = width - (tail.cell_len + 1 if palette else 0)  # the palette's key, after a bar
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[Key] = []
        for binding, enabled, tooltip in shown.values():
            part = self._part((binding, enabled, tooltip), key_style, description_style)
            if line.cell_len + part.cell_len > room:
                part.right_crop(1)  # its last cell is a space, and can go
            if line.cell_len + part.cell_len > room:
                break  # a key shown whole or not at all
            keys.append(Key(line.cell_len, line.cell_len + part.cell_len, binding, enabled, tooltip or binding.tooltip))
            line.append_text(part)
        if palette:
            line.append(" " * max(0, width - line.cell_len - tail.cell_len - 1))
            line.append("▏", self.get_component_rich_style("keybar--palette", partial=True))
            start = line.cell_len
            binding, enabled, tooltip = palette
            keys.append(Key(start, start + tail.cell_len, binding, enabled, tooltip or binding.tooltip or binding.description))
            line.append_text(tail)
        self._keys = keys
        return line

    def _part(self, item: tuple[Binding, bool, str], key_style: Style, description_style: Style, lead: str = " ") -> Text:
        binding, enabled, _tooltip = item
        part = Text(no_wrap=True, end="")
        part.append(f"{lead}{self.app.get_key_display(binding)} ", key_style)
        if binding.description:
            part.append(f"{binding.description} ", description_style)
        if not enabled:
            part.stylize("dim")
        return part

    def _key_at(self, x: int) -> Key | None:
        return next((key for key in self._keys if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        self.tooltip = key.tooltip if key and key.tooltip else None

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.binding.key)
        else:
            self.app.bell()

