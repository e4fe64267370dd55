"""The plain tree of `sections` is what rich prints without colour, character for character, and where it is not
sure to be (markup, emoji codes, wide characters) it leaves the drawing to rich."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.tree import Tree

from remissdraft.treetext import Label, Node, plain_width, render

WORDS = ["Remiss", "om", "ändrade", "regler", "för", "HÄLSO-", "och", "sjukvård", "–", "”citat”", "§ 3", "1.2.3",
         "Miljöbalken", "a", "detaljplanens_genomförandebeskrivning_med_bilagor_och_kartor", "SOU 2026:14", "(12 ord)",
         "…", "Ω", "\u00a0", "x" * 30]
STYLES = ["", "bold", "dim", "italic", "bold cyan"]


def _rich(root: Node, width: int) -> str:
    def build(node: Node, parent: Tree | None) -> Tree:
        tree = Tree(node.label.markup) if parent is None else parent.add(node.label.markup)
        for child in node.children:
            build(child, tree)
        return tree

    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(build(root, None))
    return out.getvalue()


def _label(rng: random.Random) -> Label:
    parts = []
    for _ in range(rng.randint(0, 4)):
        text = rng.choice(["", " ", "  "]).join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        parts.append((rng.choice(STYLES), rng.choice(["", " "]) + text + rng.choice(["", " ", "   "])))
    return Label(parts)


def _tree(rng: random.Random, depth: int) -> Node:
    node = Node(_label(rng))
    if depth:
        node.children = [_tree(rng, depth - 1) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
    return node


@pytest.mark.parametrize("seed", range(60))
def test_plain_tree_is_what_rich_prints(seed):
    rng = random.Random(seed)
    root = _tree(rng, rng.randint(0, 5))
    for width in (25, 40, 80, 133):
        assert render(root, width) == _rich(root, width)


@pytest.mark.parametrize("text", ["[red]rött[/]", "a [b] c", "ett :smile: leende", "Tabell\tett", "東京", "e\u0301", "noll\u200bbredd"])
def test_text_rich_would_read_otherwise_is_left_to_rich(text):
    assert render(Node(Label([("", "Titel")]), [Node(Label([("", text)]))]), 80) is None


def test_too_narrow_for_the_guides_is_left_to_rich():
    deep = Node(Label([("", "a")]))
    node = deep
    for _ in range(6):
        node = node.add(("", "b"))
    assert render(deep, 20) is None
    assert render(deep, 40) == _rich(deep, 40)


def test_width_as_rich_finds_it(monkeypatch):
    pipe = io.StringIO()
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setenv("COLUMNS", "57")
    assert plain_width(pipe) == Console(file=pipe).width == 57
    monkeypatch.delenv("COLUMNS")
    assert plain_width(pipe) == Console(file=pipe).width
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert plain_width(pipe) is None


def test_terminal_is_left_to_rich():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert plain_width(Terminal()) is None
