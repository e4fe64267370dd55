"""Every path remissdraft reads its own data from."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime
from pathlib import Path

import platformdirs

from .fileio import file_sha256

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A top-level data folder ("templates", "corpus") of the repo or of the installed wheel."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(name)


def example_remiss() -> list[Path]:
    """The bundled example remiss files (remiss first, then its cover letter)."""
    folder = _PACKAGE / "examples"
    return [folder / "strategi-psykisk-halsa.txt", folder / "remissbrev-strategi.txt"]


def user_data_dir() -> Path:
    """The user's data (drafts, error logs, and the corpus unless moved): $REMISSDRAFT_DATA_DIR, else the
    platform data dir."""
    override = os.environ.get("REMISSDRAFT_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("remissdraft"))


def user_corpus_dir() -> Path:
    """The user's own corpus: $REMISSDRAFT_CORPUS, else the platform data dir."""
    override = os.environ.get("REMISSDRAFT_CORPUS")
    return Path(override) if override else user_data_dir() / "corpus"


def drafts_dir() -> Path:
    """Where drafts live unless the user names a file."""
    return user_data_dir() / "utkast"


def default_draft_path(files: list[Path]) -> Path:
    """One draft per remiss, the same for the app and `remissdraft new`: named from the first file, keyed by
    the files' content, so a moved or renamed remiss finds its draft again."""
    digest = hashlib.blake2b(digest_size=6)
    for path in files:
        digest.update(file_sha256(Path(path)).encode())  # the same digest the draft records
    stem = Path(files[0]).stem.casefold().translate(str.maketrans("åäö", "aao"))
    stem = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:60].strip("-")
    return drafts_dir() / f"{stem or 'remiss'}-{digest.hexdigest()}.yaml"


def crash_log_path(when: datetime | None = None) -> Path:
    """A new file for the traceback of an unexpected error, in the data dir where the user can find it."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return user_data_dir() / "fel" / f"fel-{stamp}.log"


def export_dir(remiss_files: list[Path]) -> Path:
    """Where an export goes unless the user says otherwise: next to the remiss when that folder is the user's
    and writable (not the bundled example inside the program), else the user's Documents folder
    ($REMISSDRAFT_DOCUMENTS_DIR moves it)."""
    if remiss_files:
        folder = Path(remiss_files[0]).resolve().parent
        if not folder.is_relative_to(_PACKAGE) and os.access(folder, os.W_OK):
            return folder
    override = os.environ.get("REMISSDRAFT_DOCUMENTS_DIR")
    if override:
        return Path(override)
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def cache_dir() -> Path:
    """Derived data that can always be rebuilt: $REMISSDRAFT_CACHE_DIR, else the platform cache dir."""
    override = os.environ.get("REMISSDRAFT_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("remissdraft"))


def config_dir() -> Path:
    """The user's settings (profile, own templates): $REMISSDRAFT_CONFIG_DIR, else the platform config dir."""
    override = os.environ.get("REMISSDRAFT_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("remissdraft"))


def profile_path() -> Path:
    return config_dir() / "profile.yaml"


def template_dirs() -> list[Path]:
    """Where templates are found, first match wins: the user's own, then the bundled ones."""
    return [config_dir() / "templates", data_dir("templates")]
