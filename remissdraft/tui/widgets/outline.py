"""Left: "Synpunkter i stort", then the remiss's own outline, numbered, marking the parts already answered."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...model import Section, Synpunkt
from ..session import Session

DONE, NO_OBJECTION, OPEN, PROPOSED = "●", "–", "○", "◇"  # PROPOSED: a proposal of the first draft to review


class Outline(Tree[Section]):
    """The section tree; posts `Outline.Chosen` when the highlighted section changes."""

    class Chosen(Message):
        def __init__(self, section: Section) -> None:
            super().__init__()
            self.section = section

    def __init__(self, session: Session, typed: Callable[[str], None] | None = None, **kwargs) -> None:
        super().__init__("Remissens avsnitt", **kwargs)
        self.session = session
        self.typed = typed  # told what is typed here, which belongs in the synpunkt (`on_key`)
        self.show_root = False
        self.guide_depth = 2
        self.nodes: dict[int, TreeNode[Section]] = {}  # by id(section)

    def on_mount(self) -> None:
        def add(parent, sections: list[Section]) -> None:
            for section in sections:
                node = parent.add(self._label(section), data=section, expand=True, allow_expand=bool(section.children))
                self.nodes[id(section)] = node
                add(node, section.children)

        general = self.session.general
        self.nodes[id(general)] = self.root.add_leaf(self._label(general), data=general)
        add(self.root, self.session.remiss.sections)
        self.root.expand()

    def _label(self, section: Section) -> str:
        part = self.session.part(section)
        mark = DONE if self.session.answered(section) else OPEN
        if isinstance(part, Synpunkt) and part.ingen_erinran and not part.text.strip():
            mark = NO_OBJECTION
        elif isinstance(part, Synpunkt) and part.proposal is not None and not part.written:
            mark = PROPOSED
        if section is self.session.general:
            return f"{mark} {section.title}"
        label = f"{section.number} {section.title}" if section.number else section.title
        return f"{mark} {label}" if self.session.answerable(section) or self.session.answered(section) else f"  {label}"

    def refresh_all(self) -> None:
        for section in self.session.order:
            self.refresh_mark(section)

    def refresh_mark(self, section: Section) -> None:
        """Show whether `section` is answered (or has a proposal to review); called when its part changes."""
        node, label = self.nodes[id(section)], self._label(section)
        if str(node.label) != label:
            node.set_label(label)
        self.border_subtitle = f"{PROPOSED} förslag att granska" if self.session.pending() else ""

    def select_section(self, section: Section) -> None:
        node = self.nodes[id(section)]
        self.move_cursor(node)
        self.scroll_to_node(node)

    def on_key(self, event: events.Key) -> None:
        """A letter, digit or mark typed here that no key binding takes goes to `typed` (space still opens and
        closes a heading, "/" and "?" keep their meaning) – and so does every key of the same burst that reached
        the outline after the focus moved on."""
        character = event.character
        if self.typed is None or not event.is_printable or not character:
            return
        handed_over = self.screen.focused is not self
        if handed_over or (not character.isspace() and character not in "/?" and event.key not in self.screen.active_bindings):
            event.stop()
            event.prevent_default()
            self.typed(character)

    def on_paste(self, event: events.Paste) -> None:
        if self.typed is not None and event.text:
            event.stop()
            self.typed(event.text)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Chosen(event.node.data))
