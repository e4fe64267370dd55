"""Read remiss files (PDF, DOCX, TXT, MD) into a Remiss: metadata and the document's own section tree."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnreadableFileError, os_message
from ..model import Remiss, RemissFacts, Section
from . import metadata
from .clean import common_words, fix_split_letters, normalize, remove_furniture, vocabulary
from .files import READERS, check_file
from .footnotes import mark_footnotes
from .lines import Line, RawDocument
from .structure import NUMBERED_HEADING, StructureBuilder
from .toc import read_toc, toc_line_indexes

_COLUMN_GAP = re.compile(r"\S {3,}\S")

__all__ = ["READERS", "Document", "check_file", "read_document", "read_raw", "read_remiss"]


@dataclass
class Document:
    """One file read: its section tree, the text before the first heading, its metadata,
    and the page furniture taken out of it (letterheads and running headers carry provenance)."""

    path: Path
    sections: list[Section]
    preamble: list[str]
    metadata: RemissFacts
    furniture: str = ""


Warn = Callable[[str], None]  # receives a Swedish line about a part of a file that could not be read


def read_raw(path: Path, warn: Warn | None = None) -> RawDocument:
    """Check a file and read it with the reader for its type; damaged parts that were skipped go to `warn`."""
    module = check_file(path)
    # Readers are imported on use: python-docx alone costs a tenth of a second at start-up.
    reader = getattr(importlib.import_module(f".{module}", __package__), f"read_{module}")
    try:
        return reader(path, warn)
    except OSError as error:
        raise UnreadableFileError(os_message(error, path, "kunde inte läsas")) from None


def read_document(path: Path, plain_headings: bool = False, raw: RawDocument | None = None, warn: Warn | None = None) -> Document:
    """Read one file. `plain_headings` also takes short standalone lines as headings, as memos use them.
    `raw` is the file already read (or one document cut out of it), when the caller has it."""
    raw = raw if raw is not None else read_raw(path, warn)
    lines = _clean_lines(raw)
    builder = StructureBuilder(lines, raw.has_font_cues, plain_headings)
    title_lines = _title_lines(lines, builder.body_size)
    for line in lines:
        line.title_style = line.title_style or (bool(title_lines) and line.text in title_lines and line.page == lines[0].page)
    kept = {id(line) for line in lines}
    furniture = "\n".join(raw.furniture + [line.text for line in raw.lines() if id(line) not in kept])
    toc = toc_line_indexes(lines)
    headings = []
    if toc:
        entries = read_toc(lines, toc)
        for index in toc:
            lines[index] = Line("", page=lines[index].page)
        headings = builder.headings_from_toc(entries, max(toc) + 1, min(toc))
        if len(headings) < max(3, len(entries) // 2):
            headings = []
        elif not plain_headings:
            headings = builder.complete_toc_headings(headings, entries, min(toc))
    if not headings and len(raw.outline) >= 3:
        headings = builder.headings_from_outline(raw.outline)
        if len(headings) < max(3, len(raw.outline) // 2):
            headings = []
    if not headings:
        headings = builder.find_headings()
    preamble, sections = builder.build(headings)
    body = "\n\n".join(p for section in sections for s in section.walk() for p in [s.label, *s.paragraphs])
    back = [line.text for line in lines if line.text.strip() and line.page == lines[-1].page] if lines else []
    found = metadata.extract(preamble, body, furniture, raw.title, title_lines, back)
    if not sections and not preamble and not body:
        raise UnreadableFileError(f"{path.name}: filen innehåller ingen text")
    return Document(path, sections, preamble, found, furniture)


def read_remiss(paths: list[Path], warn: Warn | None = None) -> Remiss:
    """Read one remiss from its files: sections from the main document, metadata from all of them."""
    documents = [read_document(Path(path), warn=warn) for path in paths]
    main = max(documents, key=lambda d: sum(1 for s in d.sections for _ in s.walk()))
    ordered = [main] + [d for d in documents if d is not main]

    def first(field: str):
        return next((getattr(d.metadata, field) for d in ordered if getattr(d.metadata, field)), None)

    return Remiss(
        title=first("title") or "",
        dnr=first("dnr") or "",
        sender=first("sender") or "",
        deadline=first("deadline"),
        reply_dnr=first("reply_dnr") or "",
        reply_to=first("reply_to") or "",
        sections=main.sections,
        files=[d.path for d in documents],
    )


def _clean_lines(raw: RawDocument) -> list[Line]:
    for page in raw.pages:
        for line in page:
            line.columns = bool(_COLUMN_GAP.search(line.text.strip()))
            line.text = normalize(line.text)
    lines = remove_furniture(raw.pages)
    words = vocabulary(lines)
    common = common_words(words)
    for line in lines:
        line.text = fix_split_letters(line.text, words, common)
    mark_footnotes(lines)
    return lines


def _title_lines(lines: list[Line], body_size: float | None) -> list[str]:
    """The title: lines marked as such, else the largest type before the first numbered heading on page one."""
    marked = [line.text for line in lines if line.title_style and line.text]
    if marked:
        return marked
    if body_size is None or not lines:
        return []
    front: list[Line] = []
    for line in lines[:60]:
        if line.page != lines[0].page or NUMBERED_HEADING.match(line.text):
            break
        if line.text and line.size:
            front.append(line)
    if not front:
        return []
    largest = max(line.size or 0.0 for line in front)
    if largest < body_size + 2:
        return []
    picked: list[str] = []
    for line in front:
        if line.size == largest:
            picked.append(line.text)
        elif picked:
            break
    return picked
