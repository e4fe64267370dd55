"""The tool's own texts, which are not positions when a document remissdraft wrote is imported again: the
"ingen erinran" line of each template and the default texts of its sections ("{namnd} lämnar synpunkter
över remissen {remiss} …"), with their placeholders filled in any way."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..locations import template_dirs
from ..model import Template
from .store import normalized_text

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_COVERAGE = 0.6  # share of a paragraph's words the fixed words of a standard text must make up


@lru_cache(maxsize=1)
def standard_texts() -> tuple[tuple[str, ...], ...]:
    """The fixed fragments (normalised) of every template text with placeholders, longest texts first."""
    texts = {Template.ingen_erinran}
    for folder in template_dirs():
        for path in sorted(folder.glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError, UnicodeDecodeError):
                continue
            if not isinstance(data, dict):
                continue
            synpunkter = data.get("synpunkter")
            synpunkter = synpunkter if isinstance(synpunkter, dict) else {}
            texts.add(str(synpunkter.get("ingen_erinran") or ""))
            for section in data.get("sections") or []:
                if isinstance(section, dict):
                    texts.add(str(section.get("default") or ""))
    fragments = []
    for text in texts:
        parts = tuple(normalized_text(part) for part in _PLACEHOLDER.split(text) if len(normalized_text(part)) >= 8)
        if parts:
            fragments.append(parts)
    return tuple(sorted(fragments, key=lambda parts: -sum(map(len, parts))))


def is_boilerplate(paragraph: str) -> bool:
    """A paragraph that is one of the tool's standard texts with its placeholders filled."""
    text = normalized_text(paragraph)
    for parts in standard_texts():
        position = 0
        for part in parts:
            found = text.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            if sum(len(part) for part in parts) >= _COVERAGE * len(text):
                return True
    return False
