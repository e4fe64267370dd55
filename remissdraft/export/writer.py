"""Draft + template → .docx: page setup, styles, header and footer, body, properties; written safely."""

from __future__ import annotations

import copy
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.shared import Cm

from ..draft.edit import missing_required
from ..draft.placeholders import draft_values, fill, filled_draft, genitive, leftover
from ..draft.profile import load_profile
from ..errors import ExportError, os_message
from ..fileio import atomic_write
from ..locations import export_dir
from ..model import Draft, Profile, Template
from .body import BodyWriter
from .letterhead import field_values, fill_fields, has_content, write_header, write_letterhead
from .oxml import set_field_results
from .package import drop_leftovers, set_app_properties, tidy_settings
from .pages import estimate_pages
from .reference import adopt_styles, clear_body, open_reference
from .styles import apply_styles
from .xmltext import clean_for_xml

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGINS = {"left": Cm(2.5), "right": Cm(2.5), "top": Cm(2.0), "bottom": Cm(2.2)}
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class ExportResult:
    path: Path
    comments: int = 0
    warnings: list[str] = field(default_factory=list)  # Swedish, one line each
    pages: int = 1  # estimated


def export_docx(draft: Draft, template: Template, output: Path | None = None, *, overwrite: bool = False,
                ignore_required: bool = False, comments: bool = True, profile: Profile | None = None,
                force: bool = False) -> ExportResult:
    """Write the tjänsteskrivelse, its placeholders filled from the draft and the current profile (`profile`, by
    default the saved one). Refuses (ExportError) when a required section is empty, unless `ignore_required`, and
    when the file exists, unless `overwrite`. (`force` is the old name for both at once.)"""
    overwrite, ignore_required = overwrite or force, ignore_required or force
    profile = load_profile() if profile is None else profile
    filled = filled_draft(draft, profile, template)
    missing = missing_required(filled)
    if missing and not ignore_required:
        unfilled = [p for heading in missing for p in leftover(heading)]
        hint = (" (nämnden är inte känd: ange den med ”remissdraft profile --namnd …”)" if "{namnd}" in unfilled
                else " (rubrikerna har ifyllnadsfält utan värde)" if unfilled else "")
        raise ExportError(f"Obligatoriska avsnitt är tomma: {', '.join(missing)}{hint} – fyll i dem eller exportera "
                          "med --ignore-required")
    target = Path(output) if output else default_output_path(draft)
    if target.suffix.lower() != ".docx":
        raise ExportError(f"{target.name}: filen ska sluta på .docx")
    if os.path.isdir(target):
        raise ExportError(f"{target} är en mapp – ange ett filnamn som slutar på .docx")
    if os.path.exists(target) and not overwrite:
        raise ExportError(f"{target} finns redan – välj ett annat namn med -o eller skriv över med --overwrite")
    if not os.path.isdir(target.parent):
        raise ExportError(f"Mappen {target.parent} finns inte")
    document, writer, warnings = _build(filled, template, comments=comments)
    buffer = BytesIO()
    document.save(buffer)
    try:
        atomic_write(target, buffer.getvalue(), backup=False)
    except OSError as error:
        raise ExportError(os_message(error, target, "kunde inte skrivas", writing=True)) from None
    warnings = [f"Obligatoriskt avsnitt tomt: {heading}" for heading in missing] + warnings
    warnings += _organisation_warnings(draft, profile, template, filled, letterhead=writer.letterhead)
    left = leftover_placeholders(filled, template)
    if left:
        warnings.append(f"Texten har ifyllnadsfält utan värde: {', '.join(left)}")
    return ExportResult(target, writer.comment_count, warnings, writer.pages)


def build_document(draft: Draft, template: Template, *, comments: bool = True, profile: Profile | None = None):
    """The python-docx Document for a draft (not saved) and the writer that filled it; the draft is filled from
    `profile` (none: the draft's own facts only)."""
    document, writer, _ = _build(filled_draft(draft, profile or Profile(), template), template, comments=comments)
    return document, writer


def _build(draft: Draft, template: Template, *, comments: bool):
    """Build from a filled draft (a copy of the user's, cleaned here in place); returns the document, the body writer
    and warnings about cleaned text."""
    template = copy.deepcopy(template)
    cleaned = clean_for_xml(draft) + clean_for_xml(template)
    places = ", ".join(dict.fromkeys(cleaned))
    warnings = [f"Tecken som inte kan stå i ett Word-dokument (styrtecken) togs bort ur: {places}"] if cleaned else []
    reference = template.reference_docx
    if reference is not None:
        document = open_reference(reference)
        adopt_styles(document)
        clear_body(document)
    else:
        document = Document()
    section = document.sections[0]
    if reference is None:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
        section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
        section.header_distance, section.footer_distance = Cm(1.0), Cm(0.8)
        section.different_first_page_header_footer = template.letterhead_pages == "first"
    text_width = Cm((section.page_width - section.left_margin - section.right_margin) / 360000)
    apply_styles(document, template, text_width, reuse=reference is not None)

    writer = BodyWriter(document, draft, template, text_width, comments=comments)
    writer.write()
    writer.pages = pages = estimate_pages(document)
    writer.letterhead = _header_and_footer(document, draft, template, text_width, pages)
    _core_properties(document, draft, template)
    tidy_settings(document.settings)
    drop_leftovers(document)
    set_app_properties(document, pages=pages, organisation=draft.organisation)
    return document, writer, warnings


def _header_and_footer(document, draft: Draft, template: Template, text_width: Cm, pages: int) -> bool:
    """The header on every page (the first page's own when the layout has one); the letterhead in the first page's
    footer or every page's; a reference's own footer is kept with its fields filled. True when the template's
    letterhead went in."""
    section = document.sections[0]
    first_page = section.different_first_page_header_footer
    later = "2" if first_page and pages > 1 else "1"
    write_header(section.header, draft, template, page=later, pages=str(pages))
    if first_page:
        write_header(section.first_page_header, draft, template, page="1", pages=str(pages))
    counts = {"NUMPAGES": str(pages), "SECTIONPAGES": str(pages)}
    headers = [section.header, section.first_page_header] if first_page else [section.header]
    footers = [section.footer, section.first_page_footer] if first_page else [section.footer]
    for header in headers:
        set_field_results(header._element, counts)
    for part in footers:
        if has_content(part):  # the reference's own
            fill_fields(part._element, field_values(draft, template))
            set_field_results(part._element, counts)
    footer = section.first_page_footer if first_page and template.letterhead_pages == "first" else section.footer
    if has_content(footer):
        return False
    size = document.styles["Footer"].font.size
    write_letterhead(footer, template, text_width, size.pt if size else 8.0)
    return True


def default_output_path(draft: Draft) -> Path:
    folder = draft.path.parent if draft.path else Path.cwd()
    return folder / default_output_name(draft)


def visible_output_path(draft: Draft) -> Path:
    """Where the app and the command line put an export unless told otherwise: next to the remiss when that
    folder is the user's, else in the Documents folder (`locations.export_dir`) – never a hidden data dir."""
    return export_dir([Path(file.path) for file in draft.remiss.files]) / default_output_name(draft)


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
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now
    properties.revision = 1


def leftover_placeholders(draft: Draft, template: Template) -> list[str]:
    """Placeholders left in what the document prints of a filled draft: title, headings, texts, the template's set
    phrases; each once, in order."""
    values = draft_values(draft) | {"avsnitt": "x", "nummer": "x", "rubrik": "x"}
    texts = [draft.title, draft.subtitle, *(text for s in draft.sections for text in (s.heading, s.text))]
    texts += [s.text for s in draft.synpunkter if s.written and not s.ingen_erinran]
    if any(s.written for s in draft.synpunkter):
        texts.append(fill(template.synpunkt_heading, values))
    if any(s.ingen_erinran for s in draft.synpunkter):
        texts.append(fill(template.ingen_erinran, values))
    if draft.signatures:
        texts.append(fill(template.signature_intro, values))
    return list(dict.fromkeys(p for text in texts for p in leftover(text)))


def _organisation_warnings(draft: Draft, profile: Profile, template: Template, filled: Draft, *, letterhead: bool) -> list[str]:
    """Say so when the organisation in the document is not the user's own, and when the letterhead is not theirs or
    is incomplete."""
    warnings = []
    if profile.organisation and draft.organisation and draft.organisation != profile.organisation:
        warnings.append(f"Utkastet anger organisationen {draft.organisation}, din profil {profile.organisation} – "
                        "dokumentet har utkastets")
    elif not draft.organisation and not profile.organisation and template.organisation:
        warnings.append(f"Profilen saknar organisation – mallens ({template.organisation}) används; ange din med "
                        "”remissdraft profile --organisation …”")
    if not letterhead:
        return warnings
    printed = [item for item in template.letterhead if item.value.strip()]
    if printed and template.organisation and filled.organisation != template.organisation:
        warnings.append(f"Brevfoten är mallens ({template.organisation}), inte {genitive(filled.organisation)} – gör en "
                        "egen mall med ”remissdraft templates add”")
    blank = [item.label for item in template.letterhead if not item.value.strip()]
    if blank:
        where = template.path.name if template.path else template.id
        warnings.append(f"Mallens brevfot saknar värden för {', '.join(blank)} – fyll i dem i {where} eller gör en "
                        "egen mall med ”remissdraft templates add”")
    return warnings
