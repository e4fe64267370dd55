"""Draft + template → .docx: page setup, styles, header and footer, body, core properties; written safely."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm

from ..draft.edit import missing_required
from ..fileio import atomic_write
from ..draft.placeholders import leftover
from ..errors import ExportError, os_message
from ..model import Draft, Template
from .body import BodyWriter
from .letterhead import has_content, write_header, write_letterhead
from .styles import apply_styles

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGINS = {"left": Cm(2.5), "right": Cm(2.5), "top": Cm(2.0), "bottom": Cm(2.2)}
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class ExportResult:
    path: Path
    comments: int = 0
    warnings: list[str] = field(default_factory=list)  # Swedish, one line each


def export_docx(draft: Draft, template: Template, output: Path | None = None, *, force: bool = False,
                comments: bool = True) -> ExportResult:
    """Write the tjänsteskrivelse. Refuses (ExportError) when required sections are empty or the file exists,
    unless `force`."""
    missing = missing_required(draft)
    if missing and not force:
        raise ExportError(f"Obligatoriska avsnitt är tomma: {', '.join(missing)} – fyll i dem eller exportera med --force")
    target = Path(output) if output else default_output_path(draft)
    if target.suffix.lower() != ".docx":
        raise ExportError(f"{target.name}: filen ska sluta på .docx")
    if os.path.exists(target) and not force:
        raise ExportError(f"{target} finns redan – välj ett annat namn med -o eller skriv över med --force")
    if not os.path.isdir(target.parent):
        raise ExportError(f"Mappen {target.parent} finns inte")
    document, writer = build_document(draft, template, comments=comments)
    data = _to_bytes(document)
    try:
        atomic_write(target, data, backup=False)
    except OSError as error:
        raise ExportError(os_message(error, target, "kunde inte skrivas", writing=True)) from None
    warnings = [f"Obligatoriskt avsnitt tomt: {heading}" for heading in missing]
    left = _leftover_placeholders(draft)
    if left:
        warnings.append(f"Texten har ifyllnadsfält utan värde: {', '.join(left)}")
    return ExportResult(target, writer.comment_count, warnings)


def build_document(draft: Draft, template: Template, *, comments: bool = True):
    """The python-docx Document for a draft (not saved) and the writer that filled it."""
    reference = template.reference_docx
    if reference is not None:
        try:
            document = Document(str(reference))
        except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
            raise ExportError(f"Referensdokumentet {reference.name} kunde inte läsas ({error})") from None
        _clear_body(document)
    else:
        document = Document()
    section = document.sections[0]
    if reference is None:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
        section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
        section.header_distance, section.footer_distance = Cm(1.0), Cm(0.8)
    text_width = Cm((section.page_width - section.left_margin - section.right_margin) / 360000)
    apply_styles(document, template, text_width, reuse=reference is not None)

    if reference is None:
        section.different_first_page_header_footer = template.letterhead_pages == "first"
    first_page = section.different_first_page_header_footer
    for header in [section.header] + ([section.first_page_header] if first_page else []):
        write_header(header, draft, template, keep_existing=reference is not None and has_content(header))
    footer = section.first_page_footer if first_page and template.letterhead_pages == "first" else section.footer
    if reference is None or not has_content(footer):
        size = document.styles["Footer"].font.size
        write_letterhead(footer, template, text_width, size.pt if size else 8.0)

    writer = BodyWriter(document, draft, template, text_width, comments=comments)
    writer.write()
    _core_properties(document, draft, template)
    return document, writer


def default_output_path(draft: Draft) -> Path:
    folder = draft.path.parent if draft.path else Path.cwd()
    return folder / default_output_name(draft)


def default_output_name(draft: Draft, suffix: str = ".docx") -> str:
    """"SOCN-2021-132_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx": ASCII only, no reserved names,
    short enough for any file system."""
    parts = [_slug(draft.dnr), _slug(draft.title or draft.remiss.title, 50)]
    name = "_".join(part for part in parts if part) or "tjansteskrivelse"
    if name.upper() in _WINDOWS_RESERVED:
        name = f"{name}_"
    return name + suffix


def _slug(text: str, limit: int = 40) -> str:
    text = text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o").replace("Ø", "O")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug


def _clear_body(document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _core_properties(document, draft: Draft, template: Template) -> None:
    properties = document.core_properties
    properties.title = draft.title
    properties.subject = draft.dnr
    properties.author = draft.author.name or draft.organisation
    properties.last_modified_by = draft.author.name or draft.organisation
    properties.category = template.label
    properties.keywords = "remiss; yttrande"
    properties.language = "sv-SE"
    properties.comments = f"Yttrande över {draft.remiss.title}" if draft.remiss.title else ""
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _to_bytes(document) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _leftover_placeholders(draft: Draft) -> list[str]:
    texts = [draft.title, draft.subtitle] + [s.text for s in draft.sections] + [s.text for s in draft.synpunkter if not s.ingen_erinran]
    found: list[str] = []
    for text in texts:
        found.extend(p for p in leftover(text) if p not in found)
    return found
