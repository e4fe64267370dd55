"""Import earlier yttranden and tjänsteskrivelser: each argued paragraph of the position part becomes a snippet,
with the remiss section it answers and the provenance of the document it comes from.

A file may hold one document or a meeting's whole handlingar; it is split into its documents (handlingar.py)
and only yttranden and tjänsteskrivelser are taken: a yttrande's positions, a tjänsteskrivelse's positions
when it answers a remiss, and a tjänsteskrivelse's standard texts (Ekonomiska konsekvenser, Konsekvenser för
barn). A document exported by remissdraft gives its reused texts back their own source (reused.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import RemissdraftError
from ..model import Section, Snippet, Source
from ..remiss import READERS, Document, read_document, read_raw
from ..remiss.lines import Line, RawDocument
from ..remiss.metadata import MONTHS
from . import provenance
from .boilerplate import is_boilerplate
from .handlingar import Part, read_agenda, split
from .memo import Layout, letters, organisations, read_layout
from .reused import ReusedSource, reused_sources
from .segment import sentences
from .stance import classify, classify_paragraph
from .store import SaveResult, normalized_text, save_document, snippet_id

# Headings that open the part of a memo or letter where the answering body states its positions.
_POSITION_HEADING = re.compile(
    r"synpunkter|inställning|ställningstagande|bedömning|kommentarer|förslag och|medskick|"
    r"^(?:yttrande|remissvar)\b(?! till)",
    re.IGNORECASE,
)
# Parts that carry no positions: procedure, attachments, signatures.
_PROCEDURAL = re.compile(
    r"^(förslag till beslut|beslut\b|beredning|ärendets beredning|ärendegång|handlingar i ärendet|bilag|beslutsunderlag|"
    r"beslutsgång|beslutet (?:ska )?skickas|expediering|upplysning|reservation|protokollsanteckning|"
    r"sammanfattning av (?:strategin|policyn|förslaget|remissen|programmet|betänkandet|utredningen|planen)|"
    r"tjänsteskrivelse|tjänsteutlåtande|kopia|sändlista|frågor (?:kring|om) remissen|kontaktperson|referenser)",
    re.IGNORECASE,
)
# Parts that describe the case: only the answering body's own sentences there are positions.
_DESCRIPTION = re.compile(r"^(sammanfattning|ärendet|ärendebeskrivning|beskrivning av ärendet|bakgrund|förvaltningens motivering)", re.IGNORECASE)
# Standard texts a template suggests for its fixed sections.
STANDARD_SECTIONS = {
    "ekonomiska_konsekvenser": re.compile(r"^ekonomiska konsekvenser", re.IGNORECASE),
    "konsekvenser_for_barn": re.compile(r"^konsekvenser för barn", re.IGNORECASE),
}
_SECTION_WORD = re.compile(r"^(?:avsnitt|kapitel|punkt)\s+(?=\d)", re.IGNORECASE)
_QUESTION = re.compile(r"^fråga\s+\d{1,2}\b", re.IGNORECASE)
_FROM_REMISS = re.compile(
    r"rubriker(?:na)? (?:nedan )?(?:är )?(?:hämtade|tagna) (?:från|ur)|"
    r"^(?:med )?hänvisning(?:ar)? till (?:befintliga |de )?rubriker",
    re.IGNORECASE,
)
_INLINE_SECTION = re.compile(
    r"\bavsnitt(?:et)?\s+(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})\.?(?:\s+(?P<title>[A-ZÅÄÖ][^.,;:()]*))?", re.IGNORECASE
)
_PROCEDURE = re.compile(
    r"^(?:nedan (?:följer|beskrivs|redovisas|lämnas|presenteras|framförs|anges|sammanfattas)|\(?rubriker(?:na)? nedan)|"
    r"har (?:fått|getts|givits) (?:möjlighet|tillfälle)|har (?:gett|givit|lämnat) (?:\S+ ){1,3}(?:möjlighet|tillfälle)|"
    r"har lämnats tillfälle|har (?:blivit|blivits) (?:ombedd|ombedda|inbjuden)|"
    r"är (?:en av )?(?:drygt )?(?:\d+ )?remissinstans|ska också .{0,80}lämna yttrande|har tagit del av .{0,120}(?:nedan|följande)\s*:?$",
    re.IGNORECASE,
)
_DASH_ITEM = re.compile(r"^[−–]\s+")  # a list item the reader left with its dash: "−  Styrelsen ska …"
IMPORTED_KINDS = ("yttrande", "tjänsteskrivelse")
KIND_NAMES = {  # as the import report names a document
    "yttrande": "yttrande", "tjänsteskrivelse": "tjänsteskrivelse", "protokoll": "protokoll", "beslut": "beslut",
    "kallelse": "kallelse", "remiss": "remiss", "": "annan handling",
}


@dataclass
class ImportedDocument:
    """One yttrande or tjänsteskrivelse taken from a file, and what saving it did."""

    kind: str
    source: Source
    snippets: list[Snippet] = field(default_factory=list)
    answers_remiss: bool = True
    saved: SaveResult | None = None
    start: int = 0  # where in the file it begins

    @property
    def positions(self) -> int:
        return sum(1 for s in self.snippets if s.kind == "synpunkt")

    @property
    def standard_texts(self) -> int:
        return sum(1 for s in self.snippets if s.kind == "standardtext")


@dataclass
class ImportResult:
    """One file imported: the documents taken from it and those left out (where, kind, first line)."""

    path: Path
    documents: list[ImportedDocument] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # parts of the file that could not be read (Swedish lines)

    @property
    def snippets(self) -> list[Snippet]:
        return [snippet for document in self.documents for snippet in document.snippets]

    @property
    def written(self) -> Path | None:
        """The first corpus file written, None when nothing changed."""
        return next((d.saved.path for d in self.documents if d.saved and d.saved.status == "ny"), None)


def import_files(
    paths: Iterable[Path], corpus_dir: Path, overrides: Source | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[ImportResult]:
    """Import each file's yttranden and tjänsteskrivelser, each document into a corpus file of its own.
    Folders are searched for readable files. Nothing already in the corpus is overwritten."""
    results = []
    for path in expand(paths):
        result = read_file(path, overrides or Source())
        for document in result.documents:
            if document.snippets:
                document.saved = save_document(corpus_dir, document.snippets)
        results.append(result)
        if progress:
            progress(path)
    return results


def expand(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the readable files in the folders named (a path that cannot be looked at is kept, so
    that reading it gives its Swedish error)."""
    found: list[Path] = []
    for path in paths:
        if os.path.isdir(path):
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        else:
            found.append(path)
    return found


def read_yttrande(path: Path, overrides: Source) -> list[Snippet]:
    """The snippets of every yttrande and tjänsteskrivelse in one file."""
    result = read_file(path, overrides)
    if not result.documents:
        raise RemissdraftError(f"{path.name}: inget yttrande eller ställningstagande hittades")
    return result.snippets


def read_file(path: Path, overrides: Source) -> ImportResult:
    """Split a file into its documents and read the yttranden and tjänsteskrivelser among them."""
    warnings: list[str] = []
    raw = read_raw(path, warnings.append)
    lines = raw.lines()
    parts = split(lines)
    context = _context(parts, lines)
    reused = reused_sources(path)
    result = ImportResult(path, warnings=warnings)
    importable = [part for part in parts if part.kind in IMPORTED_KINDS]
    if not importable and parts and not parts[0].kind and _reads_like_answer(parts[0]):
        importable = [replace(parts[0], kind="yttrande")]  # a letter without a header block
    for part in parts:
        chosen = next((p for p in importable if p.start == part.start), None)
        document = None
        if chosen is not None:
            where = "" if len(parts) == 1 else _location(chosen, lines)
            document = _read_part(path, raw, chosen, context, overrides, f"{path.name}{where}", reused)
        foreign = bool(context.agenda and context.organisation) and document is not None and document.source.organisation != context.organisation
        if foreign and document is not None:  # in a meeting's papers, another organisation's document is an attachment, not a position taken
            result.skipped.append((part.start, f"handling från {document.source.organisation}", _first_line(part)))
        elif document is None:
            result.skipped.append((part.start, part.kind, _first_line(part)))
        else:
            result.documents.append(document)
    return result


def _first_line(part: Part) -> str:
    return " ".join(next((line.text for line in part.lines if line.text.strip()), "").split())[:80]


def _location(part: Part, lines: list[Line]) -> str:
    pages = {line.page for line in part.lines}
    if len({line.page for line in lines}) > 1:
        first, last = min(pages) + 1, max(pages) + 1
        return f", s. {first}" if first == last else f", s. {first}–{last}"
    return f", rad {part.start + 1}–{part.end}"


def _reads_like_answer(part: Part) -> bool:
    """A document without a header of its own that still reads as an answer to a remiss."""
    text = "\n".join(line.text for line in part.lines[:400])
    return bool(re.search(r"^\s*(?:yttrande|remissvar|svar på)\b", text, re.IGNORECASE | re.MULTILINE)) or bool(
        re.search(r"^\s*(?:sammanfattande inställning|\w+ inställning i detalj|\w+s synpunkter)\b", text, re.IGNORECASE | re.MULTILINE)
    )


def _context(parts: list[Part], lines: list[Line]) -> provenance.Context:
    """What the whole file says: the agenda's meeting, nämnd and ärenden, the organisation of its letterheads."""
    context = provenance.Context()
    agenda = next((part for part in parts if part.kind == "kallelse"), None)
    if agenda is not None:
        found = read_agenda(agenda)
        context.datum, context.namnd, context.agenda = found.datum, found.namnd, found.items
    for part in parts:
        if part.kind == "protokoll":
            layout = read_layout(part.lines, text_widths=False)
            context.protocols.append((layout.title, provenance.dnr(layout.fields.get("dnr", ""))))
    named = organisations(lines)
    context.organisation = named[0] if named else ""
    return context


def _read_part(
    path: Path, raw: RawDocument, part: Part, context: provenance.Context, overrides: Source, file: str,
    reused: list[ReusedSource],
) -> ImportedDocument | None:
    layout = read_layout(part.lines, text_widths=not raw.has_font_cues)
    pages: dict[int, list[Line]] = {}
    for line in layout.lines:
        pages.setdefault(line.page, []).append(line)
    if not any(line.text.strip() for line in layout.lines):
        return None
    body = RawDocument(pages=list(pages.values()), has_font_cues=raw.has_font_cues, furniture=raw.furniture)
    document = read_document(path, plain_headings=True, raw=body)
    parts = [section for top in document.sections for section in top.walk()]
    decision = next((s for s in parts if re.match(r"^förslag till beslut|^beslut\b", s.title, re.IGNORECASE)), None)
    opening = _opening_subject(document)
    furniture = "\n".join(raw.furniture) if part.start == 0 and part.end == sum(len(page) for page in raw.pages) else ""
    found = provenance.source(layout, part.kind, decision, opening, context, _text(document), file, furniture)
    source = replace(found, **{key: value for key, value in overrides.to_dict().items() if value})
    on_remiss = provenance.answers_remiss(layout, part.kind, decision)
    speakers = _speakers(found, layout)
    snippets = _positions(document, parts, part.kind, source, found.namnd, speakers, layout.title) if on_remiss else []
    if part.kind == "tjänsteskrivelse":
        snippets += _standard_texts(parts, source, found.namnd)
    snippets = _with_reused_sources(_without_repeats(snippets), reused)
    return ImportedDocument(part.kind, source, snippets, on_remiss, start=part.start)


def _text(document: Document) -> str:
    return "\n".join(document.preamble + [p for top in document.sections for s in top.walk() for p in [s.title, *s.paragraphs]])


_OPENING_BODY = re.compile(
    r"^((?:[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen)|Nämnden|Styrelsen)(?: för [A-ZÅÄÖ][\wåäö-]*(?: (?:&|och) [A-ZÅÄÖ][\wåäö-]*)?)?)\b"
)


def _opening_subject(document: Document) -> str:
    """The body named at the start of the first paragraph: "Nämnden för Teknik är positiva …"."""
    for paragraph in document.preamble + [p for top in document.sections for s in top.walk() for p in s.paragraphs]:
        match = _OPENING_BODY.match(paragraph)
        if match:
            return match.group(1)
    return ""


def _speakers(source: Source, layout: Layout) -> re.Pattern:
    """How the answering body names itself at the start of a sentence."""
    names = {"vi", "nämnden", "kommunen", "förvaltningen", "styrelsen", "{namnd}", "kommunstyrelsens förvaltning", "myndigheten"}
    for name in (source.organisation, source.namnd, layout.body_name, layout.signed_for, *layout.footer_bodies):
        if name:
            names.add(name.casefold())
            names.add(name.split()[0].casefold())  # "Kungsbacka" for Kungsbacka kommun
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    # "Nämnden anser …", "Enligt kommunen …"; "Mot bakgrund av … anser kommunstyrelsens förvaltning att …" (the verb
    # before its subject); never another body named in full ("Nämnden för Miljö & Hälsoskydd har lämnat …")
    verbs = "gör|anser|ser|bedömer|menar|föreslår|förordar|tillstyrker|avstyrker|vill|välkomnar|instämmer"
    return re.compile(
        rf"^(?:\S+\s+){{0,3}}(?:{alternatives})s?\b(?!\s+för\s+[A-ZÅÄÖ])|^(?:[^\s.,;:]+\s+){{1,10}}?(?:{verbs})\s+(?:{alternatives})\b|"
        # the förvaltning that writes, taking a view: "Bygg- och miljöförvaltningen välkomnar …"
        rf"^(?:[\wåäö]+-\s+och\s+)?[\wåäö]*förvaltningen\s+(?:\w+\s+)?(?:{verbs}|delar|ställer)\b",
        re.IGNORECASE,
    )


# --- positions ------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    text: str
    part: Section | None
    section: str
    topic: str


def _positions(
    document: Document, parts: list[Section], kind: str, source: Source, namnd: str, speakers: re.Pattern, title: str = ""
) -> list[Snippet]:
    """The paragraphs of the position part, each with the remiss section it answers and its topic."""
    units: list[_Unit] = []
    mode = "position" if kind == "yttrande" else "voice"
    section, topic, from_remiss = "", "", False
    blocks: list[tuple[Section | None, str]] = [(None, p) for p in document.preamble if not title or letters(p) != letters(title)]
    for heading in parts:
        blocks.append((heading, ""))  # a heading
        blocks += [(heading, _DASH_ITEM.sub("• ", paragraph)) for paragraph in heading.paragraphs]
    follows_unit = False  # the block before this one became (part of) the last unit
    dropped = False  # the block before this one was a paragraph left out
    for part, paragraph in blocks:
        after_unit, follows_unit = follows_unit, False
        after_dropped, dropped = dropped, False
        if part is not None and not paragraph:
            mode, section, topic, from_remiss = _heading(part, kind, mode, section, topic, from_remiss)
            continue
        if mode in ("skip", "standard"):
            continue
        said = sentences(paragraph)
        if any(_FROM_REMISS.search(s) for s in said):
            from_remiss = True  # "Rubrikerna nedan är hämtade från remissen.", "Hänvisning till befintliga rubriker i betänkandet."
            if all(_FROM_REMISS.search(s) or _PROCEDURE.search(s) for s in said):
                continue
        if paragraph.startswith("• ") and after_unit and units[-1].part is part:
            units[-1].text += "\n" + paragraph  # a list belongs to the paragraph it introduces or supports
            follows_unit = True
            continue
        if paragraph.startswith("• ") and mode == "voice" and after_dropped:
            dropped = True
            continue  # in a description, a list goes where the paragraph it belongs to goes: the law quoted, the remiss
        if not _keeps(paragraph, mode, speakers):
            dropped = True
            continue
        if mode == "voice":
            mode = "position"  # once the answering body speaks in a description, what follows argues its view
        units.append(_Unit(paragraph, part, section or _inline_section(paragraph), topic))
        follows_unit = True
    snippets = []
    for unit in units:
        if unit.text.rstrip().endswith(":") and "\n• " not in unit.text:
            continue  # announces what follows
        snippets.append(_snippet(unit, source, namnd))
    return snippets


def _heading(part: Section, kind: str, mode: str, section: str, topic: str, from_remiss: bool) -> tuple[str, str, str, bool]:
    """The state after a heading: (mode, remiss section, topic, headings taken from the remiss)."""
    title = part.title
    if part.number:
        pass  # a numbered heading names the remiss's own section, whatever its words
    elif _PROCEDURAL.match(title):
        return "skip", "", "", False
    elif any(pattern.match(title) for pattern in STANDARD_SECTIONS.values()):
        return "standard", "", "", False
    if not part.number and _POSITION_HEADING.search(title) and not _DESCRIPTION.match(title):
        return "position", "", "", False
    if not part.number and _DESCRIPTION.match(title):
        return ("position" if kind == "yttrande" and mode == "position" and not title.lower().startswith("bakgrund") else "voice"), "", "", False
    if mode in ("skip", "standard"):
        return mode, section, topic, from_remiss
    if part.number or _SECTION_WORD.match(title) or _QUESTION.match(title) or from_remiss:
        # a heading that names the remiss's section: "4.5 Olycka …", "Avsnitt 3.1 …", "Fråga 1. …?"
        label = _SECTION_WORD.sub("", part.label)
        named = "" if _QUESTION.match(title) else re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", _SECTION_WORD.sub("", title))
        return mode, label, named, from_remiss
    own_topic = re.sub(r"^(på|om|angående|avseende)\s+", "", title, flags=re.IGNORECASE)
    return mode, section, own_topic[:1].upper() + own_topic[1:], from_remiss


def _keeps(paragraph: str, mode: str, speakers: re.Pattern) -> bool:
    """Whether a paragraph is a position: in the position part unless it only states procedure; in a
    description, only where the answering body speaks."""
    if is_boilerplate(paragraph):
        return False
    said = [s for s in sentences(paragraph.removeprefix("• ")) if not (_PROCEDURE.search(s) and classify(s) == "neutral")]
    if not said:
        return False
    if len(said) == 1 and len(said[0].split()) <= 14 and re.search(r"\b(?:följande|nedan)\b", said[0]) and said[0].endswith((".", ":")):
        return False  # "Kommunen önskar få förtydligande inom följande områden."
    if mode == "position":
        return True
    return any(speakers.match(s) for s in said)


def _inline_section(paragraph: str) -> str:
    """ "I avsnitt 4.7.1.1. beskrivs …", "… förtydliganden i avsnitt 5 Värdering, tabell 6.": the section the
    paragraph's first sentence names."""
    first = sentences(paragraph)[0] if paragraph else ""
    match = _INLINE_SECTION.search(first)
    if not match:
        return ""
    title = (match.group("title") or "").strip()
    words = title.split()
    if not title or len(words) > 6 or (words and words[-1].casefold() in ("och", "samt", "där", "som")):
        return match.group("number")
    return f"{match.group('number')} {title}"


def _snippet(unit: _Unit, source: Source, namnd: str) -> Snippet:
    """`namnd`: the body the document names as its own, which becomes {namnd} where a position opens with it."""
    text = unit.text.removeprefix("• ")
    placeholder = with_placeholder(text, namnd)
    return Snippet(
        id=snippet_id(placeholder),
        text=placeholder,
        stance=classify_paragraph(text),
        topics=[unit.topic] if unit.topic else [],
        source=replace(source, section=unit.section or source.section),
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


def _without_repeats(snippets: list[Snippet]) -> list[Snippet]:
    """Memos repeat their summary in the body: keep the first of snippets that are (nearly) the same."""
    kept: list[Snippet] = []
    for snippet in snippets:
        text = normalized_text(snippet.text)
        if not any(fuzz.ratio(text, normalized_text(other.text)) >= 92 for other in kept if other.kind == snippet.kind):
            kept.append(snippet)
    return kept


def _standard_texts(parts: list[Section], source: Source, speaker: str) -> list[Snippet]:
    snippets: list[Snippet] = []
    for part in parts:
        for key, pattern in STANDARD_SECTIONS.items():
            if not part.number and pattern.match(part.title) and part.paragraphs and not any(s.section_key == key for s in snippets):
                original = " ".join(part.paragraphs)
                text = with_placeholder(original, speaker)
                snippets.append(Snippet(snippet_id(text), text, "neutral", [part.title], source, "standardtext", key, original))
    return snippets


def _with_reused_sources(snippets: list[Snippet], reused: list[ReusedSource]) -> list[Snippet]:
    """A text remissdraft reused when it wrote this document keeps the source its Word comment names."""
    if not reused:
        return snippets
    restored = []
    for snippet in snippets:
        origin = next((r for r in reused if r.covers(snippet.original or snippet.text)), None)
        if origin is not None:
            snippet = replace(snippet, source=replace(origin.source, file=snippet.source.file))
        restored.append(snippet)
    return restored


__all__ = ["MONTHS", "ImportResult", "ImportedDocument", "import_files", "read_file", "read_yttrande", "with_placeholder"]


# --- what an import did, in words ---------------------------------------------------------------------------


def describe(result: ImportResult) -> list[str]:
    """What importing one file found and did, one line per document (Swedish, for the command line)."""
    name = result.path.name
    if not result.documents:
        found = ", ".join(sorted({KIND_NAMES.get(kind, kind) for _, kind, _ in result.skipped})) or "ingen text"
        return [f"{name}: inget yttrande eller tjänsteskrivelse att importera ({found})"]
    if len(result.documents) == 1 and not result.skipped:
        return [f"{name}: {_document_line(result.documents[0])}"]
    entries = [(d.start, _document_line(d)) for d in result.documents]
    entries += [(start, f"{KIND_NAMES.get(kind, kind)} – importeras inte: {first}") for start, kind, first in result.skipped]
    return [f"{name}: {len(entries)} handlingar"] + [f"  {line}" for _, line in sorted(entries)]


def _document_line(document: ImportedDocument) -> str:
    source = document.source
    facts = ", ".join(part for part in (source.dnr, source.datum) if part)
    kind = document.kind + (f" {facts}" if facts else "") + ("" if document.answers_remiss else " (inte ett remissvar)")
    counts = f"{_count(document.positions, 'ställningstagande', 'ställningstaganden')}, " \
             f"{_count(document.standard_texts, 'standardtext', 'standardtexter')}"
    saved = document.saved
    if saved is None:
        return f"{kind}: inga ställningstaganden"
    if saved.status == "ny":
        return f"{kind}: {counts} → {saved.path.name}"
    if saved.status == "oförändrad" and saved.elsewhere:
        return f"{kind}: {counts} (oförändrad, finns redan i korpusen från en annan fil: {saved.path.name})"
    if saved.status == "oförändrad":
        return f"{kind}: {counts} (oförändrad, {saved.path.name})"
    where = saved.conflict.name if saved.conflict else "korpusen"
    return f"{kind}: {counts} – konflikt: {where} har redan en annan version, inget skrevs över"


def summarize(results: list[ImportResult], failures: int = 0) -> str:
    """One line over a whole import (Swedish, for the command line)."""
    documents = [d for r in results for d in r.documents]
    counted = {status: sum(1 for d in documents if d.saved and d.saved.status == status) for status in ("ny", "oförändrad", "konflikt")}
    skipped = sum(len(r.skipped) for r in results)
    new = [d for d in documents if d.saved and d.saved.status == "ny"]
    positions = _count(sum(d.positions for d in new), "ställningstagande", "ställningstaganden")
    standard_texts = _count(sum(d.standard_texts for d in new), "standardtext", "standardtexter")
    parts = [
        _count(len(results) + failures, "fil", "filer"),
        f"{counted['ny']} dokument importerade ({positions}, {standard_texts})",
        _count(counted["oförändrad"], "oförändrad", "oförändrade"),
        _count(counted["konflikt"], "konflikt", "konflikter"),
        _count(skipped, "annan handling", "andra handlingar") + " som inte importeras",
    ]
    if failures:
        parts.append(f"{failures} fel")
    return "Summa: " + ", ".join(parts)


def _count(number: int, one: str, many: str) -> str:
    """"1 fil", "2 filer": a number with its word in the right form."""
    return f"{number} {one if number == 1 else many}"
