"""Plain data shared by every layer. Standard library only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class Section:
    """One heading of a remiss with its own text and its sub-sections."""

    number: str  # "4.1.1", or "" for an unnumbered heading
    title: str
    level: int
    paragraphs: list[str] = field(default_factory=list)  # list items start with "• "
    children: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def label(self) -> str:
        """The heading as the remiss prints it: "4.1 Syfte"."""
        return f"{self.number} {self.title}" if self.number else self.title

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "level": self.level,
            "text": self.text,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class Remiss:
    """A remiss read from one or more files: metadata and its own section tree."""

    title: str = ""
    dnr: str = ""
    sender: str = ""
    deadline: date | None = None
    reply_dnr: str = ""  # the dnr the answer must quote, when a cover letter says so
    reply_to: str = ""  # where the answer is sent (e-mail or address), when stated
    sections: list[Section] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        for section in self.sections:
            yield from section.walk()

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "dnr": self.dnr,
            "sender": self.sender,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "reply_dnr": self.reply_dnr or None,
            "reply_to": self.reply_to or None,
            "files": [str(path) for path in self.files],
            "sections": [section.to_dict() for section in self.sections],
        }


STANCES = ("positiv", "kritisk", "forbehall", "fortydligande", "neutral")
STANCE_LABELS = {  # as users read them
    "positiv": "positiv",
    "kritisk": "kritisk",
    "forbehall": "förbehåll",
    "fortydligande": "förtydligande",
    "neutral": "neutral",
}


@dataclass
class Source:
    """Where a snippet comes from: the body that answered, and the remiss it answered."""

    organisation: str = ""
    namnd: str = ""
    dnr: str = ""
    datum: str = ""  # YYYY-MM-DD
    title: str = ""  # title of the remiss answered
    section: str = ""  # the remiss section answered, when known ("4.5 Olycka med farliga ämnen")
    remiss_dnr: str = ""  # the remiss's own dnr, when known
    file: str = ""

    def to_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items()}


@dataclass
class Snippet:
    """One position taken in an earlier yttrande (kind "synpunkt"), or a standard text for a template
    section (kind "standardtext", with `section_key` such as "ekonomiska_konsekvenser")."""

    id: str
    text: str  # with placeholders such as {namnd}
    stance: str = "neutral"
    topics: list[str] = field(default_factory=list)
    source: Source = field(default_factory=Source)
    kind: str = "synpunkt"
    section_key: str = ""
    original: str = ""  # the text as written, before placeholders replaced the answering body's name
