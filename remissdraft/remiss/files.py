"""Which reader reads a file, and the checks that need no reading: apart from the readers, so that the
command line can check the files it is given before the app starts (and imports none of them)."""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableFileError, UnsupportedFileError
from ..fileio import regular_file

READERS = {".pdf": "pdf", ".docx": "docx", ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text"}


def check_file(path: Path) -> str:
    """The reader module for a file, after the checks that need no reading: exists, is a file, known type, not empty."""
    size = regular_file(path, UnreadableFileError).st_size
    module = READERS.get(path.suffix.lower())
    if module is None:
        raise UnsupportedFileError(f"{path.name}: filtypen stöds inte – använd PDF, DOCX, TXT eller MD")
    if size == 0:
        raise UnreadableFileError(f"{path.name}: filen är tom")
    return module
