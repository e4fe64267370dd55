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
    footnotes: list[str] = field(default_factory=list)  # the section's footnotes, kept out of its text

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def label(self) -> str:
        """The heading as the remiss prints it: "4.1 Syfte" (a regulation's paragraph has only its number: "5 §")."""
        return f"{self.number} {self.title}".strip() if self.number else self.title

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
class RemissFacts:
    """What a remiss states about itself."""

    title: str = ""
    dnr: str = ""
    sender: str = ""
    deadline: date | None = None
    reply_dnr: str = ""  # the dnr the answer must quote, when a cover letter says so
    reply_to: str = ""  # where the answer is sent (e-mail or address), when stated


@dataclass
class Remiss(RemissFacts):
    """A remiss read from one or more files: metadata and its own section tree."""

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

    def to_dict(self) -> dict:
        """As the command line's JSON shows it."""
        return {
            "id": self.id,
            "text": self.text,
            "stance": self.stance,
            "topics": self.topics,
            "kind": self.kind,
            "source": self.source.to_dict(),
        }


# --- Templates, profile and drafts (remissdraft/draft/, remissdraft/export/) -------------------------


@dataclass
class LetterheadField:
    """One column of the letterhead footer: "Postadress" / "Nacka kommun, 131 81 Nacka"."""

    label: str
    value: str


@dataclass
class HeaderField:
    """A fact printed near the document label: `key` is datum, dnr, ert_dnr, till, handlaggare, enhet or namnd."""

    key: str
    label: str = ""  # "Dnr", "Ert diarienummer"; empty: the value alone
    place: str = "header"  # "header", "label" (on the label's line) or "body" (above the title, as in a letter)


@dataclass
class TemplateSection:
    """One standard section of a template, in document order."""

    key: str
    heading: str  # may hold placeholders: "{namnd}s synpunkter på remissen"
    kind: str = "text"  # "text", "synpunkter" (the synpunkter per remiss section go here) or "handlingar"
    required: bool = False
    default: str = ""  # text with placeholders, filled when a draft is created
    suggest: str = ""  # the kind of snippets to suggest: "synpunkt", "standardtext" or ""
    level: int = 1  # heading level in the document: 1, or 2 under the level-1 section before it
    after_signatures: bool = False  # printed below the signatures ("Beslutet ska skickas till")


@dataclass
class SignatureRole:
    """Who signs: "chef" and "handlaggare" come from the profile; any other role is filled in by hand."""

    role: str
    title: str = ""  # printed when the profile gives no title


@dataclass
class Template:
    """A document layout: organisation, letterhead, header, ordered sections and signatures."""

    id: str
    name: str
    label: str  # "TJÄNSTESKRIVELSE", "Tjänsteutlåtande", "YTTRANDE"
    organisation: str = ""
    description: str = ""
    letterhead: list[LetterheadField] = field(default_factory=list)
    letterhead_pages: str = "first"  # "first": the letterhead on page one only, as Nacka's; "all": every page
    header_fields: list[HeaderField] = field(default_factory=list)
    header_left: list[str] = field(default_factory=lambda: ["organisation", "namnd"])  # the header's left column
    title: str = "Remiss – {remiss}"
    subtitle: str = "Yttrande till {avsandare}"
    synpunkt_heading: str = "Avsnitt {avsnitt}"
    ingen_erinran: str = "{namnd} har ingen erinran."
    general_synpunkter: str = ""  # where "Synpunkter i stort" go: "" before the per-section ones, or a section key
    sections: list[TemplateSection] = field(default_factory=list)
    signatures: list[SignatureRole] = field(default_factory=list)
    signature_intro: str = ""  # a line above the signatures, e.g. "För {namnd}"
    body_font: str = "Times New Roman"
    heading_font: str = "Arial"
    font_size: float = 12.0
    reference_docx: Path | None = None
    path: Path | None = None

    def section(self, key: str) -> TemplateSection | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass
class Person:
    """A signer or author: name, title, unit."""

    name: str = ""
    title: str = ""
    unit: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "unit": self.unit}


@dataclass
class Profile:
    """The user: who writes, for which nämnd, and the chef who signs too."""

    name: str = ""
    title: str = ""
    unit: str = ""
    namnd: str = ""
    organisation: str = ""
    template: str = ""
    chef: Person = field(default_factory=Person)
    keymap: dict[str, str] = field(default_factory=dict)  # the app's keys remapped: binding id -> keys ("f9,ctrl+e")

    @property
    def person(self) -> Person:
        return Person(self.name, self.title, self.unit)


@dataclass
class Signature(Person):
    """A signer of the draft: `role` as the template names it ("chef", "handlaggare", …); one not `edited`
    for this draft follows the profile."""

    role: str = ""
    edited: bool = False


@dataclass
class SnippetUse:
    """A snippet put into a draft: the text as inserted (placeholders filled) and where it came from."""

    id: str
    text: str
    source: Source = field(default_factory=Source)


@dataclass
class DraftSection:
    """A standard section of a draft (Förslag till beslut, Konsekvenser för barn …)."""

    key: str
    heading: str
    text: str = ""
    kind: str = "text"  # as TemplateSection.kind
    required: bool = False
    uses: list[SnippetUse] = field(default_factory=list)


GENERAL_KEY = "i_stort"  # the draft part for synpunkter on the remiss as a whole ("Synpunkter i stort")


def general_part() -> DraftSection:
    return DraftSection(GENERAL_KEY, "Synpunkter i stort", kind="general")


@dataclass
class Synpunkt:
    """The nämnd's view on one remiss section; empty and not "ingen erinran" means left out."""

    key: str  # the remiss section number, or a key made from the title for an unnumbered heading
    number: str
    title: str
    level: int = 1
    parent: str = ""  # number of the nearest numbered ancestor, for an unnumbered heading ("7.1")
    text: str = ""
    ingen_erinran: bool = False
    uses: list[SnippetUse] = field(default_factory=list)
    proposal: SnippetUse | None = None  # an earlier position placed for review: not part of the text until accepted
    declined: list[str] = field(default_factory=list)  # ids of proposals the user rejected, not proposed again

    @property
    def label(self) -> str:
        """As the remiss numbers it: "4.5 Olycka med farliga ämnen", "7.1 – Individnivå: …"."""
        if self.number:
            return f"{self.number} {self.title}"
        return f"{self.parent} – {self.title}" if self.parent else self.title

    @property
    def written(self) -> bool:
        return self.ingen_erinran or bool(self.text.strip())


@dataclass
class RemissFile:
    path: str
    sha256: str = ""


@dataclass
class RemissInfo(RemissFacts):
    """The remiss a draft answers, as read when the draft was made."""

    files: list[RemissFile] = field(default_factory=list)


@dataclass
class Draft:
    """One yttrande being written: standard sections in template order and one synpunkt per remiss section."""

    template: str
    title: str = ""
    subtitle: str = ""
    dnr: str = ""
    datum: str = ""  # YYYY-MM-DD
    organisation: str = ""
    namnd: str = ""
    remiss: RemissInfo = field(default_factory=RemissInfo)
    author: Person = field(default_factory=Person)
    signatures: list[Signature] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    synpunkter: list[Synpunkt] = field(default_factory=list)
    general: DraftSection = field(default_factory=general_part)  # synpunkter on the remiss as a whole
    current: str = ""  # the key of the synpunkt the user was working on, to reopen there
    last_export: str = ""  # where the draft was last exported to
    path: Path | None = None  # where it was loaded from or saved to; not stored in the file

    def section(self, key: str) -> DraftSection | None:
        if key == GENERAL_KEY:
            return self.general
        return next((s for s in self.sections if s.key == key), None)

    def synpunkt(self, key: str) -> Synpunkt | None:
        return next((s for s in self.synpunkter if s.key == key), None)
