"""Every path remissdraft reads its own data from."""

from __future__ import annotations

from pathlib import Path

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
