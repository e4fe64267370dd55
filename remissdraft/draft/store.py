"""The draft file: YAML with a schema version, saved atomically with a backup, checked when loaded."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from ..errors import DraftError, os_reason, shown_path
from ..fileio import YAML_LIMIT, atomic_write, backup_path, dump_yaml, is_missing, load_yaml, read_bytes, yaml_problem
from ..model import Draft, DraftSection, Person, RemissFile, RemissInfo, Signature, SnippetUse, Source, Synpunkt

SCHEMA = 2  # 2: "general" (synpunkter i stort), "current", "last_export", signatures with role and edited
_SOURCE_FIELDS = tuple(Source().__dict__)


def save_draft(draft: Draft, path: Path | None = None, *, backup: bool = True) -> Path:
    """Write the draft atomically (the previous version kept as DRAFT.yaml.bak); returns where it went."""
    target = Path(path or draft.path or "")
    if not target.name:
        raise DraftError("Utkastet har ingen fil att sparas i – ange ett filnamn")
    try:
        atomic_write(target, dump_yaml(draft_to_dict(draft)).encode("utf-8"), backup=backup)
    except OSError as error:
        raise DraftError(f"Utkastet kunde inte sparas i {shown_path(target)} ({os_reason(error, writing=True)})") from None
    draft.path = target
    return target


_REMISS_SUFFIXES = (".pdf", ".docx", ".txt", ".text", ".md", ".markdown")  # remiss.READERS: a draft is YAML


def load_draft(path: Path) -> Draft:
    """Read a draft file; every problem is reported as one Swedish line naming the file."""
    path = Path(path)
    if is_missing(path):
        raise DraftError(f"{shown_path(path)}: utkastet finns inte")
    if path.suffix.lower() in _REMISS_SUFFIXES:
        raise DraftError(f"{path.name}: är en remiss, inte ett utkast – skapa utkastet med ”remissdraft new {path.name}”")
    try:
        text = read_bytes(path, YAML_LIMIT, DraftError).decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(f"{path.name}: är inte en textfil i UTF-8 – är det verkligen ett utkast?") from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        hint = f" (föregående version finns i {backup_path(path).name})" if os.path.exists(backup_path(path)) else ""
        raise DraftError(f"{path.name}: {yaml_problem(error)}{hint}") from None
    try:
        draft = draft_from_dict(data)
    except _Invalid as problem:
        raise DraftError(f"{path.name}: {problem}") from None
    draft.path = path
    return draft


def draft_to_dict(draft: Draft) -> dict:
    remiss = draft.remiss
    return {
        "schema": SCHEMA,
        "template": draft.template,
        "title": draft.title,
        "subtitle": draft.subtitle,
        "dnr": draft.dnr,
        "datum": draft.datum,
        "organisation": draft.organisation,
        "namnd": draft.namnd,
        "remiss": {
            "title": remiss.title,
            "dnr": remiss.dnr,
            "sender": remiss.sender,
            "deadline": remiss.deadline.isoformat() if remiss.deadline else None,
            "reply_dnr": remiss.reply_dnr,
            "reply_to": remiss.reply_to,
            "files": [{"path": f.path, "sha256": f.sha256} for f in remiss.files],
        },
        "author": draft.author.to_dict(),
        "signatures": [p.to_dict() | {"role": p.role, "edited": p.edited} for p in draft.signatures],
        "general": {"text": draft.general.text, "uses": [_use_to_dict(u) for u in draft.general.uses]},
        "current": draft.current,
        "last_export": draft.last_export,
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "kind": s.kind,
                "required": s.required,
                "text": s.text,
                "uses": [_use_to_dict(u) for u in s.uses],
            }
            for s in draft.sections
        ],
        "synpunkter": {
            s.key: {
                "number": s.number,
                "title": s.title,
                "level": s.level,
                "parent": s.parent,
                "ingen_erinran": s.ingen_erinran,
                "text": s.text,
                "uses": [_use_to_dict(u) for u in s.uses],
                **({"proposal": _use_to_dict(s.proposal)} if s.proposal is not None else {}),
                **({"declined": list(s.declined)} if s.declined else {}),
            }
            for s in draft.synpunkter
        },
    }


class _Invalid(Exception):
    """A structural problem in a draft file (message in Swedish, without the file name)."""


def draft_from_dict(data: object) -> Draft:
    if not isinstance(data, dict):
        raise _Invalid("är inte ett utkast från remissdraft (filen ska vara en YAML-karta)")
    if "schema" not in data:
        raise _Invalid("saknar ”schema” – är det verkligen ett utkast från remissdraft?")
    schema = data["schema"]
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise _Invalid("”schema” ska vara ett heltal")
    if schema > SCHEMA:
        raise _Invalid(f"är skapat av en nyare version av remissdraft (format {schema}) – uppdatera programmet")
    if schema < 1:
        raise _Invalid(f"okänt format {schema}")
    remiss = _map(data, "remiss")
    deadline = remiss.get("deadline")
    draft = Draft(
        template=_str(data, "template", required=True),
        title=_str(data, "title"),
        subtitle=_str(data, "subtitle"),
        dnr=_str(data, "dnr"),
        datum=_date_text(data.get("datum"), "datum"),
        organisation=_str(data, "organisation"),
        namnd=_str(data, "namnd"),
        remiss=RemissInfo(
            title=_str(remiss, "title", "remiss.title"),
            dnr=_str(remiss, "dnr", "remiss.dnr"),
            sender=_str(remiss, "sender", "remiss.sender"),
            deadline=date.fromisoformat(_date_text(deadline, "remiss.deadline")) if deadline else None,
            reply_dnr=_str(remiss, "reply_dnr", "remiss.reply_dnr"),
            reply_to=_str(remiss, "reply_to", "remiss.reply_to"),
            files=[
                RemissFile(_str(f, "path", "remiss.files.path"), _str(f, "sha256", "remiss.files.sha256"))
                for f in _maps(remiss, "files", "remiss.files")
            ],
        ),
        author=_person(data.get("author"), "author"),
        signatures=[_signature(p, schema) for p in _list(data, "signatures")],
        current=_str(data, "current"),
        last_export=_str(data, "last_export"),
    )
    general = _map(data, "general")
    draft.general.text = _str(general, "text", "general.text")
    draft.general.uses = [_use(u, "general.uses") for u in _list(general, "uses", "general.uses")]
    for item in _maps(data, "sections"):
        key = _str(item, "key", "sections.key", required=True)
        draft.sections.append(
            DraftSection(
                key=key,
                heading=_str(item, "heading", f"sections.{key}.heading"),
                text=_str(item, "text", f"sections.{key}.text"),
                kind=_str(item, "kind", f"sections.{key}.kind") or "text",
                required=_bool(item, "required", f"sections.{key}.required"),
                uses=[_use(u, f"sections.{key}.uses") for u in _list(item, "uses", f"sections.{key}.uses")],
            )
        )
    if schema == 1:
        _general_from_synpunkter_section(draft)
    synpunkter = _map(data, "synpunkter")
    for key, item in synpunkter.items():
        where = f"synpunkter.{key}"
        if not isinstance(item, dict):
            raise _Invalid(f"”{where}” ska vara en YAML-karta med title och text")
        level = item.get("level", 1)
        if not isinstance(level, int) or isinstance(level, bool):
            raise _Invalid(f"”{where}.level” ska vara ett heltal")
        number = _str(item, "number", f"{where}.number")
        draft.synpunkter.append(
            Synpunkt(
                key=key if isinstance(key, str) else (number or str(key)),  # unquoted 4.10 reads as a float
                number=number,
                title=_str(item, "title", f"{where}.title"),
                level=level,
                parent=_str(item, "parent", f"{where}.parent"),
                text=_str(item, "text", f"{where}.text"),
                ingen_erinran=_bool(item, "ingen_erinran", f"{where}.ingen_erinran"),
                uses=[_use(u, f"{where}.uses") for u in _list(item, "uses", f"{where}.uses")],
                proposal=_use(item["proposal"], f"{where}.proposal") if item.get("proposal") is not None else None,
                declined=[str(d) for d in _list(item, "declined", f"{where}.declined")],
            )
        )
    return draft


def _general_from_synpunkter_section(draft: Draft) -> None:
    """Schema 1 had no place for synpunkter i stort but the synpunkter section's own text, exported in the same
    place: it becomes the general part, where the app shows it."""
    section = next((s for s in draft.sections if s.kind == "synpunkter" and s.text.strip()), None)
    if section is not None and not draft.general.text.strip():
        draft.general.text, draft.general.uses = section.text, section.uses
        section.text, section.uses = "", []


def _signature(data: object, schema: int) -> Signature:
    person = _person(data, "signatures")
    if schema == 1:  # no role recorded: a named signer was written for this draft and is kept as it is
        return Signature(person.name, person.title, person.unit, edited=bool(person.name.strip()))
    assert isinstance(data, dict)
    return Signature(person.name, person.title, person.unit, _str(data, "role", "signatures.role"),
                     _bool(data, "edited", "signatures.edited"))


def _use_to_dict(use: SnippetUse) -> dict:
    return {"id": use.id, "text": use.text, "source": {k: v for k, v in use.source.to_dict().items() if v}}


def _use(data: object, where: str) -> SnippetUse:
    if not isinstance(data, dict):
        raise _Invalid(f"”{where}” ska vara en lista av YAML-kartor (id, text, source)")
    source = data.get("source") or {}
    if not isinstance(source, dict):
        raise _Invalid(f"”{where}.source” ska vara en YAML-karta")
    return SnippetUse(
        id=_str(data, "id", f"{where}.id"),
        text=_str(data, "text", f"{where}.text"),
        source=Source(**{k: _str(source, k, f"{where}.source.{k}") for k in _SOURCE_FIELDS}),
    )


def _person(data: object, where: str) -> Person:
    if data is None:
        return Person()
    if not isinstance(data, dict):
        raise _Invalid(f"”{where}” ska ha name, title och unit")
    return Person(_str(data, "name", where), _str(data, "title", where), _str(data, "unit", where))


def _str(data: dict, key: str, where: str | None = None, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise _Invalid(f"”{where or key}” saknas")
        return ""
    if isinstance(value, (dict, list)):
        raise _Invalid(f"”{where or key}” ska vara en text")
    return str(value)


def _bool(data: dict, key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _Invalid(f"”{where}” ska vara true eller false")
    return value


def _date_text(value: object, where: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise _Invalid(f"”{where}” ska vara ett datum ÅÅÅÅ-MM-DD, inte ”{value}”") from None


def _map(data: dict, key: str) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Invalid(f"”{key}” ska vara en YAML-karta")
    return value


def _list(data: dict, key: str, where: str | None = None) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid(f"”{where or key}” ska vara en lista")
    return value


def _maps(data: dict, key: str, where: str | None = None) -> list[dict]:
    items = _list(data, key, where)
    for item in items:
        if not isinstance(item, dict):
            raise _Invalid(f"”{where or key}” ska vara en lista av YAML-kartor")
    return items


class Autosaver:
    """Saves a draft a while after it changed, for the TUI to call from a timer; the backup made on the first
    save keeps the draft as it was when opened, later autosaves do not overwrite it."""

    def __init__(self, draft: Draft, path: Path | None = None, *, interval: float = 3.0, clock: Callable[[], float] = time.monotonic):
        self.draft = draft
        self.path = Path(path) if path else draft.path
        self.interval = interval
        self.clock = clock
        self.dirty = False
        self._changed_at = 0.0
        self._saved_once = False

    def changed(self) -> None:
        """Call after every edit."""
        if not self.dirty:
            self._changed_at = self.clock()
        self.dirty = True

    def maybe_save(self) -> bool:
        """Save if there are changes older than `interval` seconds; True when it saved."""
        if self.dirty and self.clock() - self._changed_at >= self.interval:
            return self.flush()
        return False

    def flush(self) -> bool:
        """Save now if there are unsaved changes (on quit)."""
        if not self.dirty:
            return False
        save_draft(self.draft, self.path, backup=not self._saved_once)
        self._saved_once = True
        self.dirty = False
        return True
