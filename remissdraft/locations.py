"""Every path remissdraft reads its own data from."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def user_corpus_dir() -> Path:
    """The user's own corpus: $REMISSDRAFT_CORPUS, else the platform data dir."""
    override = os.environ.get("REMISSDRAFT_CORPUS")
    return Path(override) if override else Path(platformdirs.user_data_dir("remissdraft")) / "corpus"


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
