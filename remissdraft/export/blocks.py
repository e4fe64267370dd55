"""Section text as the user writes it, split into paragraphs, bullet items and numbered points."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[•\-–*▪●]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+(.*)$")


@dataclass
class Block:
    kind: str  # "paragraph", "bullet" or "number"
    text: str


def split_blocks(text: str) -> list[Block]:
    """Blank lines separate paragraphs; lines of a paragraph are joined; "• " / "- " start bullet items and
    "1. " numbered points (a line without a marker right after an item continues it)."""
    blocks: list[Block] = []
    current: Block | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            current = None
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            current = Block("bullet", bullet.group(1)) if bullet else Block("number", number.group(2))  # type: ignore[union-attr]
            blocks.append(current)
        elif current is not None:
            current.text = f"{current.text} {line}"
        else:
            current = Block("paragraph", line)
            blocks.append(current)
    return blocks


def squash(text: str) -> str:
    return " ".join(text.split())
