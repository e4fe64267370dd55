"""A tree of labels drawn as plain text, character for character as rich's Tree prints it to a stream that is no
terminal (a pipe, a file), for the labels and settings where that is certain; None otherwise, and rich draws it.

Importing rich's console costs about 20 ms, more than reading a short remiss; `remissdraft sections … | less` and
scripts need none of its colours."""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import TextIO

__all__ = ["Label", "Node", "plain_width", "render"]

# rich's guides: space, continue, fork, end (Tree.TREE_GUIDES[0], four cells each)
_SPACE, _CONTINUE, _FORK, _END = "    ", "│   ", "├── ", "└── "
_WORD = re.compile(r"\s*\S+\s*")  # rich's word: the word and the whitespace around it (rich._wrap.re_word)
_TRAILING_SPACE = re.compile(r"\s+$")
_EMOJI_CODE = re.compile(r":\S*?:")  # rich replaces :name: by an emoji
# Characters rich measures as one cell each and folds one by one: its own single-cell ranges, and the Latin
# punctuation Swedish text uses (– — ‘ ’ “ ” • … ‰ €), which its width table gives one cell. No control character,
# no combining mark, nothing wide.
_ONE_CELL = frozenset(
    chr(code)
    for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC), (0x2800, 0x28FF),
                       (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC))
    for code in range(start, end + 1)
)


class Label:
    """One label, as parts of text with a rich style each ("" for none)."""

    __slots__ = ("parts",)  # plain classes: a dataclass costs ~0.6 ms of start-up to make

    def __init__(self, parts: list[tuple[str, str]]):
        self.parts = parts

    @property
    def markup(self) -> str:
        return "".join(f"[{style}]{text}[/]" if style else text for style, text in self.parts)

    @property
    def plain(self) -> str:
        return "".join(text for _, text in self.parts)


class Node:
    __slots__ = ("children", "label")

    def __init__(self, label: Label, children: list[Node] | None = None):
        self.label = label
        self.children = children if children is not None else []

    def add(self, *parts: tuple[str, str]) -> Node:
        child = Node(Label(list(parts)))
        self.children.append(child)
        return child


def plain_width(stream: TextIO) -> int | None:
    """The width rich would give a Console() on `stream` when it draws without colour; None when rich would use a
    terminal's escape codes, ASCII guides or Windows' console, or when it is not sure to be so."""
    environ = os.environ
    if sys.platform.startswith(("win32", "cygwin", "msys")) or "idlelib" in sys.modules:
        return None
    if any(name in environ for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "JUPYTER_COLUMNS")):
        return None
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    if not (getattr(stream, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) or 80  # rich: a width of 0 is 80
    for descriptor in (0, 1, 2):  # rich asks the standard streams in this order
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def render(root: Node, width: int) -> str | None:
    """The tree as rich prints it at `width` cells, or None when a label holds what rich would read differently
    than as plain text (markup, an emoji code, a control, wide or combining character)."""
    out: list[str] = []
    stack: list[tuple[Node, list[str], bool]] = [(root, [], True)]
    while stack:
        node, prefix, last = stack.pop()
        text = node.label.plain
        if "[" in text or _EMOJI_CODE.search(text) or not _ONE_CELL.issuperset(text):
            return None
        available = width - 4 * len(prefix)
        if available < 1:
            return None
        guides = list(prefix)
        for index, line in enumerate(_wrap(text, available)):
            out.append("".join(guides) + line)
            if index == 0 and guides:
                guides[-1] = _SPACE if last else _CONTINUE
        below = prefix[:-1] + [_SPACE if last else _CONTINUE] if prefix else []
        count = len(node.children)
        for position in range(count - 1, -1, -1):
            final = position == count - 1
            stack.append((node.children[position], below + [_END if final else _FORK], final))
    return "".join(line + "\n" for line in out)


def _wrap(text: str, width: int) -> list[str]:
    """One line of text wrapped as rich wraps it (rich.text.Text.wrap with overflow "fold"), one cell a character."""
    breaks = _break_offsets(text, width)
    lines = [text[start:end] for start, end in zip([0, *breaks], [*breaks, len(text)])]
    result = []
    for line in lines:
        if len(line) > width:  # Text.rstrip_end: whitespace past the width goes
            space = _TRAILING_SPACE.search(line)
            if space is not None:
                line = line[: len(line) - min(len(space.group(0)), len(line) - width)]
        result.append(line[:width])  # Text.truncate
    return result


def _break_offsets(text: str, width: int) -> list[int]:
    """rich._wrap.divide_line for text whose every character is one cell."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # fold the word over lines of the full width
            pieces = [word[index : index + width] for index in range(0, len(word), width)]
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
