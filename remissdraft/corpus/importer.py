"""Import earlier yttranden: find the part that carries positions, split it into stance units, keep provenance."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import RemissdraftError
from ..model import Section, Snippet, Source
from ..remiss import READERS, Document, read_document
from ..remiss.metadata import MONTHS, find_dnr, find_sender, parse_date
from .segment import sentences
from .stance import classify
from .store import normalized_text, save_snippets, snippet_id

# Headings that open the part of a memo or letter where the answering body states its positions.
_POSITION_HEADING = re.compile(
    r"synpunkter|inställning|ställningstagande|bedömning|kommentarer|förslag och|^(?:yttrande|remissvar)\b(?! till)",
    re.IGNORECASE,
)
# Parts that carry no positions: procedure, standard texts, attachments, signatures.
_PROCEDURAL = re.compile(
    r"^(förslag till beslut|beslut\b|beredning|ärendegång|handlingar i ärendet|bilag|beslutet ska skickas|expediering|"
    r"ekonomiska konsekvenser|konsekvenser för barn|sammanfattning av (strategin|policyn|förslaget|remissen|programmet)|"
    r"bakgrund|tjänsteskrivelse|tjänsteutlåtande|kopia|sändlista|frågor)",
    re.IGNORECASE,
)
# Standard texts a template suggests for its fixed sections.
STANDARD_SECTIONS = {
    "ekonomiska_konsekvenser": re.compile(r"^ekonomiska konsekvenser", re.IGNORECASE),
    "konsekvenser_for_barn": re.compile(r"^konsekvenser för barn", re.IGNORECASE),
}
_SECTION_REFERENCE = re.compile(r"^(?:avsnitt|kapitel|punkt)\s+\d{1,2}(?:\.\d{1,2}){0,3}\b", re.IGNORECASE)
_BODY_NAME = re.compile(r"\b([A-ZÅÄÖ]?[a-zåäö-]*(?:nämnden|styrelsen|förvaltningen|kollegiet|myndigheten|verket))\b")
_SUBJECT = re.compile(r"^(?:vi|\{namnd\}|[\wåäö-]*(?:nämnden|styrelsen|förvaltningen|kollegiet|myndigheten|verket))\b", re.IGNORECASE)
_REMISS_TITLE = [
    re.compile(r"synpunkter (?:över|på) remissen\s+(.+?)\s+till\s+(?:kommun|region)?styrelsen", re.IGNORECASE | re.DOTALL),
    re.compile(r"(?:yttrande|remissvar)\s+(?:över|gällande|angående)\s+(?:betänkandet\s+)?(.+?)(?:\s*\(|$)", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^remiss\s*[-–:]?\s+(.+)$", re.IGNORECASE | re.MULTILINE),
]
_UNIT_LENGTH = 420  # consecutive sentences of one stance join into one unit up to this length


@dataclass
class ImportResult:
    path: Path
    written: Path | None  # the corpus file, None when nothing changed
    snippets: list[Snippet] = field(default_factory=list)


def import_files(
    paths: Iterable[Path], corpus_dir: Path, overrides: Source | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[ImportResult]:
    """Import each yttrande into its own file in `corpus_dir`. Folders are searched for readable files."""
    results = []
    for path in expand(paths):
        snippets = read_yttrande(path, overrides or Source())
        target = corpus_dir / corpus_file_name(snippets[0].source if snippets else Source(file=path.name), path)
        written = save_snippets(target, snippets)
        results.append(ImportResult(path, target if written else None, snippets))
        if progress:
            progress(path)
    return results


def expand(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        else:
            found.append(path)
    return found


def corpus_file_name(source: Source, path: Path) -> str:
    """A stable, file-system-safe name: the same yttrande always lands in the same file."""
    stem = "-".join(part for part in (source.organisation, source.dnr) if part) or path.stem
    slug = re.sub(r"[^a-z0-9]+", "-", stem.casefold().translate(str.maketrans("åäöé", "aaoe"))).strip("-")
    return f"{slug or 'yttrande'}.yaml"


def read_yttrande(path: Path, overrides: Source) -> list[Snippet]:
    """The stance units and standard texts of one yttrande or tjänsteskrivelse."""
    document = read_document(path, plain_headings=True)
    found = _provenance(document, path)
    source = replace(found, **{key: value for key, value in overrides.to_dict().items() if value})
    speaker = found.namnd or source.namnd  # the name the document itself opens its positions with
    parts = [section for top in document.sections for section in top.walk()]
    if not parts and not document.preamble:
        raise RemissdraftError(f"{path.name}: inga ställningstaganden hittades")
    return _without_repeats(_positions(document, parts, source, speaker) + _standard_texts(parts, source, speaker))


def _without_repeats(snippets: list[Snippet]) -> list[Snippet]:
    """Memos repeat their summary in the body: keep the first of snippets that are (nearly) the same."""
    kept: list[Snippet] = []
    for snippet in snippets:
        text = normalized_text(snippet.text)
        if not any(fuzz.ratio(text, normalized_text(other.text)) >= 92 for other in kept if other.kind == snippet.kind):
            kept.append(snippet)
    return kept


def _positions(document: Document, parts: list[Section], source: Source, speaker: str) -> list[Snippet]:
    start = next((i for i, part in enumerate(parts) if _POSITION_HEADING.search(part.title) and not _PROCEDURAL.match(part.title)), None)
    blocks: list[tuple[Section | None, str, bool]] = []  # (part, paragraph, inside the position part)
    if start is None:
        # A letter without headings is the yttrande proper; otherwise the front matter only restates positions.
        blocks += [(None, paragraph, not parts) for paragraph in document.preamble]
    for index, part in enumerate(parts):
        procedural = bool(_PROCEDURAL.match(part.title))
        inside = start is not None and index >= start and not procedural
        if start is not None and index > start and procedural:
            start = None if _standard_or_end(part) else start
        if procedural:
            continue
        blocks += [(part, paragraph, inside) for paragraph in part.paragraphs]
    snippets: list[Snippet] = []
    for part, paragraph, inside in blocks:
        for text, stance in _units(paragraph, inside, speaker):
            snippets.append(_snippet(text, stance, part, source, speaker))
    return snippets


def _standard_or_end(part: Section) -> bool:
    return any(pattern.match(part.title) for pattern in STANDARD_SECTIONS.values()) or part.title.lower().startswith(("handlingar", "bilag"))


def _units(paragraph: str, inside: bool, namnd: str) -> list[tuple[str, str]]:
    """Stance units of a paragraph: position sentences, consecutive ones of one stance joined."""
    if paragraph.startswith("• "):
        paragraph = paragraph[2:]
    units: list[tuple[str, str]] = []
    for sentence in sentences(paragraph):
        stance = classify(sentence)
        speaks = bool(_SUBJECT.match(sentence)) or (namnd and sentence.casefold().startswith(namnd.casefold()))
        if stance == "neutral" and not (inside and speaks and len(sentence.split()) >= 5):
            continue
        if stance != "neutral" and not (inside or speaks):
            continue  # outside the position part only the body's own voice counts
        if units and units[-1][1] == stance and len(units[-1][0]) + len(sentence) < _UNIT_LENGTH:
            units[-1] = (f"{units[-1][0]} {sentence}", stance)
        else:
            units.append((sentence, stance))
    return units


def _snippet(text: str, stance: str, part: Section | None, source: Source, speaker: str) -> Snippet:
    general = part is None or _POSITION_HEADING.search(part.title) or part.title.lower().startswith(("sammanfattning", "ärendet"))
    topic = "" if general else re.sub(r"^(på|om|angående|avseende)\s+", "", part.title, flags=re.IGNORECASE)
    topic = topic[:1].upper() + topic[1:]
    answers_section = part is not None and bool(part.number or _SECTION_REFERENCE.match(part.title))
    section = part.label if answers_section else ""
    placeholder = with_placeholder(text, speaker)
    return Snippet(
        id=snippet_id(placeholder),
        text=placeholder,
        stance=stance,
        topics=[topic] if topic else [],
        source=replace(source, section=section or source.section),
        original=text,
    )


def with_placeholder(text: str, namnd: str) -> str:
    """Put {namnd} where a position starts with the answering body's own name, so it reads right when reused."""
    names = [name for name in (namnd, "Nämnden") if name]
    for name in names:
        match = re.match(rf"{re.escape(name)}(s?)\b", text, re.IGNORECASE)
        if match:
            return "{namnd}" + match.group(1) + text[match.end() :]
    return text


def _standard_texts(parts: list[Section], source: Source, speaker: str) -> list[Snippet]:
    snippets = []
    for part in parts:
        for key, pattern in STANDARD_SECTIONS.items():
            if pattern.match(part.title) and part.paragraphs:
                text = with_placeholder(" ".join(part.paragraphs), speaker)
                snippets.append(Snippet(snippet_id(text), text, "neutral", [part.title], source, "standardtext", key, " ".join(part.paragraphs)))
    return snippets


def _provenance(document: Document, path: Path) -> Source:
    """Organisation, nämnd, dnr, date and the remiss answered, as the document states them."""
    paragraphs = document.preamble + [p for top in document.sections for s in top.walk() for p in [s.title, *s.paragraphs]]
    text = "\n".join(paragraphs)
    front = "\n".join([document.furniture] + paragraphs[:12])
    organisation = _organisation(document.furniture, text)
    namnd = _namnd(paragraphs)
    return Source(
        organisation=organisation,
        namnd="" if namnd == organisation else namnd,
        dnr=find_dnr(front) or find_dnr(text),
        datum=_date(front) or _date(text),
        title=_remiss_title(text),
        file=path.name,
    )


def _organisation(furniture: str, text: str) -> str:
    answering = re.search(r"([A-ZÅÄÖ][\wåäö]+ kommun|Region [A-ZÅÄÖ]\w+) är (?:en av )?remissinstans", text)
    if answering:
        return answering.group(1)
    letterhead = find_sender(furniture, "")
    if letterhead:
        return letterhead
    lines = [line for line in text.splitlines() if not re.match(r"^(till|yttrande till|kopia)\b", line, re.IGNORECASE)]
    return find_sender("\n".join(lines[:8]), "\n".join(lines))


def _namnd(paragraphs: list[str]) -> str:
    """The body that speaks: the name most often opening a sentence."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            match = _BODY_NAME.match(sentence)
            if match:
                counts[match.group(1)[:1].upper() + match.group(1)[1:]] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _date(front: str) -> str:
    found = parse_date(front)
    return found.isoformat() if found else ""


def _remiss_title(text: str) -> str:
    for pattern in _REMISS_TITLE:
        match = pattern.search(text)
        if match:
            title = re.sub(r"\s+", " ", match.group(1)).strip(" ”\"'.")
            if len(title.split()) >= 2:
                return title
    return ""


__all__ = ["ImportResult", "import_files", "read_yttrande", "with_placeholder", "MONTHS"]
