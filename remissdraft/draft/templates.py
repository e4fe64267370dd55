"""Templates: the YAML files under templates/ (bundled) or the user's config dir, read and checked."""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from ..errors import TemplateError, shown_path
from ..fileio import YAML_LIMIT, atomic_write, dump_yaml, is_missing, load_yaml, read_bytes, yaml_problem
from ..locations import template_dirs
from ..model import HeaderField, LetterheadField, SignatureRole, Template, TemplateSection

DEFAULT_TEMPLATE = "nacka-tjansteskrivelse"
SECTION_KINDS = ("text", "synpunkter", "handlingar")
HEADER_KEYS = ("datum", "dnr", "ert_dnr", "till", "handlaggare", "enhet", "namnd")
HEADER_LEFT_KEYS = ("organisation", "namnd", "enhet", "handlaggare")
SUGGEST_KINDS = ("", "synpunkt", "standardtext")


def list_templates() -> list[Template]:
    """Every template found, the user's own first; a user template with a bundled name replaces it."""
    found: dict[str, Template] = {}
    for folder in template_dirs():
        if not os.path.isdir(folder):
            continue
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in found:
                found[path.stem] = read_template(path)
    return sorted(found.values(), key=lambda t: t.id)


def load_template(name: str | Path) -> Template:
    """A template by name ("nacka-tjansteskrivelse") or by path to a .yaml file."""
    text = str(name)
    if text.endswith((".yaml", ".yml")) or "/" in text or "\\" in text:
        return read_template(Path(text))
    for folder in template_dirs():
        path = folder / f"{text}.yaml"
        if os.path.isfile(path):
            return read_template(path)
    names = ", ".join(t.id for t in list_templates()) or "inga"
    raise TemplateError(f"Mallen ”{text}” finns inte – tillgängliga mallar: {names}")


def read_template(path: Path) -> Template:
    """Read and check one template file."""
    path = Path(path)
    if is_missing(path):
        raise TemplateError(f"{shown_path(path)}: mallfilen finns inte")
    try:
        data = load_yaml(read_bytes(path, YAML_LIMIT, TemplateError).decode("utf-8"))
    except yaml.YAMLError as error:
        raise TemplateError(f"{path.name}: {yaml_problem(error)}") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path.name}: mallen är inte en textfil i UTF-8") from None
    return parse_template(data, path)


def parse_template(data: object, path: Path) -> Template:
    where = path.name
    if not isinstance(data, dict):
        raise TemplateError(f"{where}: mallen ska vara en YAML-karta med nycklar som ”label” och ”sections”")
    label = _text(data, "label", where, required=True)
    organisation = data.get("organisation") or {}
    if not isinstance(organisation, dict):
        raise TemplateError(f"{where}: ”organisation” ska ha ”name” och ”letterhead”")
    fonts = data.get("fonts") or {}
    if not isinstance(fonts, dict):
        raise TemplateError(f"{where}: ”fonts” ska ha ”body”, ”heading” och ”size”")
    synpunkter = data.get("synpunkter") or {}
    signatures = data.get("signatures") or {}
    if not isinstance(synpunkter, dict) or not isinstance(signatures, dict):
        raise TemplateError(f"{where}: ”synpunkter” och ”signatures” ska vara YAML-kartor")
    template = Template(
        id=path.stem,
        name=_text(data, "name", where) or path.stem,
        label=label,
        organisation=_text(organisation, "name", where),
        description=_text(data, "description", where),
        letterhead=_letterhead(organisation.get("letterhead") or [], where),
        letterhead_pages=_choice(organisation, "letterhead_pages", ("first", "all"), where),
        header_fields=_header_fields(data.get("header_fields") or [], where),
        header_left=_header_left(data.get("header_left"), where),
        title=_text(data, "title", where) or "Remiss – {remiss}",
        subtitle=_text(data, "subtitle", where),
        synpunkt_heading=_text(synpunkter, "heading", where) or "Avsnitt {avsnitt}",
        ingen_erinran=_text(synpunkter, "ingen_erinran", where) or "{namnd} har ingen erinran.",
        general_synpunkter=_text(synpunkter, "general", where),
        sections=_sections(data.get("sections"), where),
        signatures=_roles(signatures.get("roles") or [], where),
        signature_intro=_text(signatures, "intro", where),
        body_font=_text(fonts, "body", where) or "Times New Roman",
        heading_font=_text(fonts, "heading", where) or "Arial",
        font_size=_size(fonts.get("size", 12), where),
        path=path,
    )
    reference = _text(data, "reference_docx", where)
    if reference:
        template.reference_docx = (path.parent / reference).resolve()
        if not os.path.isfile(template.reference_docx):
            raise TemplateError(f"{where}: referensdokumentet {reference} finns inte bredvid mallen")
    general = template.general_synpunkter
    if general and not any(s.key == general and s.kind == "text" for s in template.sections):
        raise TemplateError(f"{where}: ”synpunkter.general” ska vara nyckeln till ett textavsnitt i mallen, t.ex. arendet")
    return template


def _text(data: dict, key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise TemplateError(f"{where}: ”{key}” saknas")
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TemplateError(f"{where}: ”{key}” ska vara en text")
    return str(value)


def _choice(data: dict, key: str, choices: tuple[str, ...], where: str) -> str:
    value = str(data.get(key) or choices[0])
    if value not in choices:
        raise TemplateError(f"{where}: ”{key}” ska vara något av {', '.join(choices)}")
    return value


def _size(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 6 <= value <= 72:
        raise TemplateError(f"{where}: ”fonts.size” ska vara en teckenstorlek i punkter (6–72)")
    return float(value)


def _letterhead(items: object, where: str) -> list[LetterheadField]:
    if not isinstance(items, list):
        raise TemplateError(f"{where}: ”organisation.letterhead” ska vara en lista")
    fields = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or "label" not in item:
            raise TemplateError(f"{where}: brevfotens rad {number} ska ha ”label” och ”value”")
        fields.append(LetterheadField(str(item["label"]), str(item.get("value") or "")))
    return fields


def _header_fields(items: object, where: str) -> list[HeaderField]:
    if not isinstance(items, list):
        raise TemplateError(f"{where}: ”header_fields” ska vara en lista")
    fields = []
    for number, item in enumerate(items, 1):
        item = {"key": item} if isinstance(item, str) else item
        if not isinstance(item, dict) or item.get("key") not in HEADER_KEYS:
            raise TemplateError(f"{where}: sidhuvudfält {number} ska ha ”key” – något av {', '.join(HEADER_KEYS)}")
        place = str(item.get("place") or "header")
        if place not in ("header", "label", "body"):
            raise TemplateError(f"{where}: sidhuvudfält {number}: ”place” ska vara header, label eller body")
        fields.append(HeaderField(item["key"], str(item.get("label") or ""), place))
    return fields


def _header_left(items: object, where: str) -> list[str]:
    if items is None:
        return ["organisation", "namnd"]
    if not isinstance(items, list) or any(item not in HEADER_LEFT_KEYS for item in items):
        raise TemplateError(f"{where}: ”header_left” ska vara en lista med något av {', '.join(HEADER_LEFT_KEYS)}")
    return [str(item) for item in items]


def _sections(items: object, where: str) -> list[TemplateSection]:
    if not isinstance(items, list) or not items:
        raise TemplateError(f"{where}: ”sections” ska vara en lista med minst ett avsnitt")
    sections: list[TemplateSection] = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise TemplateError(f"{where}: avsnitt {number} ska vara en YAML-karta")
        key = _text(item, "key", where)
        heading = _text(item, "heading", where)
        if not key or not heading:
            raise TemplateError(f"{where}: avsnitt {number} saknar ”key” eller ”heading”")
        kind = str(item.get("kind") or "text")
        if kind not in SECTION_KINDS:
            raise TemplateError(f"{where}: avsnitt ”{key}”: ”kind” ska vara något av {', '.join(SECTION_KINDS)}")
        suggest = str(item.get("suggest") or "")
        if suggest not in SUGGEST_KINDS:
            raise TemplateError(f"{where}: avsnitt ”{key}”: ”suggest” ska vara synpunkt eller standardtext")
        if any(s.key == key for s in sections):
            raise TemplateError(f"{where}: avsnittsnyckeln ”{key}” förekommer två gånger")
        required = item.get("required", False)
        if not isinstance(required, bool):
            raise TemplateError(f"{where}: avsnitt ”{key}”: ”required” ska vara true eller false")
        level = item.get("level", 1)
        if level not in (1, 2) or isinstance(level, bool):
            raise TemplateError(f"{where}: avsnitt ”{key}”: ”level” ska vara 1 eller 2")
        if level == 2 and not sections:
            raise TemplateError(f"{where}: avsnitt ”{key}”: det första avsnittet kan inte ha level 2")
        after = item.get("after_signatures", False)
        if not isinstance(after, bool):
            raise TemplateError(f"{where}: avsnitt ”{key}”: ”after_signatures” ska vara true eller false")
        sections.append(TemplateSection(key, heading, kind, required, _text(item, "default", where), suggest, level, after))
    if sum(1 for s in sections if s.kind == "synpunkter") > 1:
        raise TemplateError(f"{where}: bara ett avsnitt får ha kind: synpunkter")
    return sections


def _roles(items: object, where: str) -> list[SignatureRole]:
    if not isinstance(items, list):
        raise TemplateError(f"{where}: ”signatures.roles” ska vara en lista")
    roles = []
    for number, item in enumerate(items, 1):
        item = {"role": item} if isinstance(item, str) else item
        if not isinstance(item, dict) or not item.get("role"):
            raise TemplateError(f"{where}: underskrift {number} saknar ”role”")
        roles.append(SignatureRole(str(item["role"]), str(item.get("title") or "")))
    return roles


def user_template_dir() -> Path:
    """Where the user's own templates live: the config dir's templates folder."""
    return template_dirs()[0]


def add_user_template(reference: Path, base: str, name: str = "", *, organisation: str = "",
                      own_footer: bool = False) -> Template:
    """A user template made from an organisation's Word file (its styles, header, footer and logo) and a template's
    sections, saved in the config dir as ID.yaml beside a copy of the Word file; returns it as read back.

    The organisation is the user's (`organisation`); the base template's letterhead is kept only when it is that
    organisation's, and left out when the Word file has a footer of its own (`own_footer`)."""
    source = load_template(base)
    if source.path is None:
        raise TemplateError(f"Mallen ”{base}” har ingen fil att utgå från")
    name = " ".join((name or Path(reference).stem).split())
    template_id = slug(name)
    if not template_id:
        raise TemplateError("Mallens namn måste innehålla bokstäver eller siffror – ange ett med --name")
    if any(t.id == template_id for t in list_templates()):
        raise TemplateError(f"Mallen ”{template_id}” finns redan – välj ett annat namn med --name")
    data = load_yaml(source.path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):  # read_template parsed it a moment ago
        raise TemplateError(f"{source.path}: mallen är inte en YAML-karta")
    folder = user_template_dir()
    copy_name = f"{template_id}{Path(reference).suffix.lower()}"
    data["name"] = name
    data["description"] = f"Avsnitten från {source.name}, utseendet från {Path(reference).name}."
    block = dict(data.get("organisation") or {})
    same = bool(organisation) and organisation == source.organisation
    block["name"] = organisation
    if own_footer:
        block["letterhead"] = []
    elif not same:
        block["letterhead"] = [{"label": item.label, "value": ""} for item in source.letterhead]
    data["organisation"] = block
    data["reference_docx"] = copy_name
    data.pop("fonts", None)  # the Word file's fonts are used
    header = (f"# {name}: sektioner från mallen {source.id}, utseende (stilar, sidhuvud, sidfot, logotyp) från\n"
              f"# {copy_name}, en kopia av {Path(reference).name}. Skapad av ”remissdraft templates add”; ändra fritt.\n")
    if not organisation:
        header += "# FYLL I: organisationens namn (organisation.name).\n"
    if not own_footer and not same:
        header += "# FYLL I: brevfotens värden (organisation.letterhead) – tomma fält skrivs inte ut.\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / copy_name, Path(reference).read_bytes(), backup=False)
        atomic_write(folder / f"{template_id}.yaml", (header + "\n" + dump_yaml(data)).encode("utf-8"), backup=False)
    except OSError as error:
        raise TemplateError(f"Mallen kunde inte sparas i {folder} ({error.strerror or error})") from None
    return read_template(folder / f"{template_id}.yaml")


def slug(text: str) -> str:
    """A template id from a name: "Exempelkommun – tjänsteskrivelse" → "exempelkommun-tjansteskrivelse"."""
    text = text.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")
