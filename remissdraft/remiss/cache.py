"""A remiss as read before: the app opens the remiss of a draft again and again, and reading a long PDF costs it
half a second each time. What `read_remiss` gave is kept as a small JSON file in the cache dir, by the content
of the files (SHA-256, in order) and the readers' own code; the warnings it gave are kept with it and given
again. Never trusted: a file that does not read back as a remiss is read anew (and replaced). Nothing the user
wrote lives here; the last `_KEPT` remisser read are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import date
from importlib.machinery import PathFinder
from pathlib import Path

from ..fileio import atomic_write, file_sha256
from ..locations import cache_dir
from ..model import Remiss, Section

FORMAT = 1  # bump when what is kept changes shape
_KEPT = 20
_READERS = Path(__file__).parent  # the code whose result is kept: a changed reader reads every remiss anew
_LIBRARIES = ("pypdfium2_raw", "docx")  # and what it reads PDF and DOCX with (PDFium, python-docx): likewise
_FACTS = ("title", "dnr", "sender", "reply_dnr", "reply_to")

Warn = Callable[[str], None]


def read_remiss_again(paths: list[Path], warn: Warn | None = None) -> Remiss:
    """`read_remiss(paths, warn)`, from the cache when these files were read before by these readers."""
    key = _key(paths)
    kept = _load(key, paths) if key else None
    if kept is not None:
        remiss, warnings = kept
        for line in warnings:
            if warn is not None:
                warn(line)
        return remiss
    from .read import read_remiss

    heard: list[str] = []

    def hear(line: str) -> None:
        heard.append(line)
        if warn is not None:
            warn(line)

    remiss = read_remiss(paths, warn=hear)
    if key:
        _store(key, remiss, heard)
    return remiss


def folder() -> Path:
    return cache_dir() / "remisser"


def _key(paths: list[Path]) -> str:
    """The files' content and the readers' code, as one name; "" when a file cannot be hashed (the readers
    then say what is wrong with it)."""
    hashes = [file_sha256(Path(path)) for path in paths]
    if not all(hashes):
        return ""
    code = [_files(_READERS, ".py"), *(_files(folder, "") for folder in _library_folders())]
    parts = json.dumps([FORMAT, code, [(Path(path).suffix.lower(), digest) for path, digest in zip(paths, hashes)]])
    return hashlib.blake2b(parts.encode(), digest_size=16).hexdigest()


def _files(folder: Path, suffix: str) -> list[tuple[str, int, int]]:
    """The files of a folder (not below it) ending in `suffix`, by name, size and time."""
    return sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns) for entry in os.scandir(folder)
                  if entry.name.endswith(suffix) and entry.is_file())


def _library_folders() -> list[Path]:
    """The package folders of `_LIBRARIES`, found without importing them."""
    folders = []
    for name in _LIBRARIES:
        spec = PathFinder.find_spec(name)
        folders += [Path(folder) for folder in (spec.submodule_search_locations or [])][:1] if spec is not None else []
    return folders


def _load(key: str, paths: list[Path]) -> tuple[Remiss, list[str]] | None:
    file = folder() / f"{key}.json"
    try:
        kept = json.loads(file.read_bytes())
        deadline = kept["deadline"]
        remiss = Remiss(**{name: str(kept[name]) for name in _FACTS}, deadline=date.fromisoformat(deadline) if deadline else None,
                        sections=[_section(entry) for entry in kept["sections"]], files=[Path(path) for path in paths])
        warnings = [str(line) for line in kept["warnings"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # not there, or not what was written: read anew
    os.utime(file)  # the most recently used are kept
    return remiss, warnings


def _section(entry: dict) -> Section:
    return Section(str(entry["number"]), str(entry["title"]), int(entry["level"]), [str(p) for p in entry["paragraphs"]],
                   [_section(child) for child in entry["children"]], [str(f) for f in entry["footnotes"]])


def _entry(section: Section) -> dict:
    return {"number": section.number, "title": section.title, "level": section.level, "paragraphs": section.paragraphs,
            "children": [_entry(child) for child in section.children], "footnotes": section.footnotes}


def _store(key: str, remiss: Remiss, warnings: list[str]) -> None:
    """Kept for the next time, best effort (a cache that cannot be written is no cache); the oldest go."""
    kept = {name: getattr(remiss, name) for name in _FACTS}
    kept.update(deadline=remiss.deadline.isoformat() if remiss.deadline else None, warnings=warnings,
                sections=[_entry(section) for section in remiss.sections])
    place = folder()
    try:
        place.mkdir(parents=True, exist_ok=True)
        atomic_write(place / f"{key}.json", json.dumps(kept, ensure_ascii=False).encode("utf-8"), backup=False)
        files = sorted(place.glob("*.json"), key=lambda file: file.stat().st_mtime_ns, reverse=True)
        for old in files[_KEPT:]:
            old.unlink(missing_ok=True)
    except (OSError, RecursionError):
        pass
