"""Errors meant for the user: every message is one Swedish line, including what the operating system said."""

from __future__ import annotations

import errno
import os


class RemissdraftError(Exception):
    """Base class; `str(error)` is the Swedish message shown to the user."""


class UnreadableFileError(RemissdraftError):
    """A file that cannot be read as a remiss (missing, empty, corrupt, encrypted, scanned)."""


class UnsupportedFileError(RemissdraftError):
    """A file type remissdraft does not read."""


class TemplateError(RemissdraftError):
    """A template that is missing or does not follow the template format."""


class ProfileError(RemissdraftError):
    """A profile file that cannot be read or written."""


class DraftError(RemissdraftError):
    """A draft file that cannot be read or written, or an edit aimed at a section that does not exist."""


class ExportError(RemissdraftError):
    """An export that cannot be made: required sections empty, output exists, unwritable folder."""


class UnknownSectionError(RemissdraftError):
    """A section asked for by number or title that the remiss does not have; the message lists the closest."""


class MatchError(RemissdraftError):
    """A request for suggestions that cannot be answered as asked (unknown stance, no suggestions wanted)."""


class CorpusError(RemissdraftError):
    """A corpus folder that cannot be used (a file, or a path that cannot be reached)."""


_REASONS = {
    "EACCES": "behörighet saknas",
    "EPERM": "åtgärden är inte tillåten",
    "ENOENT": "finns inte",
    "EISDIR": "är en mapp, inte en fil",
    "ENOTDIR": "en del av sökvägen är en fil, inte en mapp",
    "EEXIST": "finns redan",
    "ENAMETOOLONG": "namnet är för långt",
    "ENOSPC": "disken är full",
    "EDQUOT": "lagringskvoten är slut",
    "EFBIG": "filen blir för stor för filsystemet",
    "EROFS": "platsen är skrivskyddad",
    "ELOOP": "symboliska länkar pekar på varandra i en slinga",
    "EMFILE": "för många öppna filer",
    "ENFILE": "för många öppna filer",
    "EIO": "läs- eller skrivfel på enheten",
    "EBUSY": "används av ett annat program",
    "ETXTBSY": "används av ett annat program",
    "EINVAL": "ogiltigt namn eller ogiltig åtgärd",
    "EXDEV": "kan inte flyttas mellan olika enheter",
    "ENOTEMPTY": "mappen är inte tom",
    "ENOMEM": "minnet räckte inte till",
    "ENXIO": "enheten finns inte",
    "ENODEV": "enheten finns inte",
    "ESTALE": "nätverksfilen är inte längre tillgänglig",
    "ETIMEDOUT": "tidsgränsen överskreds",
    "EAGAIN": "tillfälligt upptagen – försök igen",
}
_REASON_BY_ERRNO = {getattr(errno, name): text for name, text in _REASONS.items() if hasattr(errno, name)}
_WINDOWS_SHARING_VIOLATION = 32  # the file is open in another program (Word)
_LONGEST_PART = 60  # longer path parts are shortened in messages


def os_reason(error: OSError, writing: bool = False) -> str:
    """What went wrong, in Swedish ("behörighet saknas"), never the operating system's English text. When
    `writing`, a missing path is the folder the file was to go in."""
    if getattr(error, "winerror", None) == _WINDOWS_SHARING_VIOLATION:
        return "filen är öppen i ett annat program"
    if writing and error.errno == errno.ENOENT:
        return "mappen finns inte"
    if error.errno == errno.ENOENT and isinstance(error.filename, (str, bytes, os.PathLike)) and os.path.islink(error.filename):
        return "är en länk till något som inte finns"
    reason = _REASON_BY_ERRNO.get(error.errno)
    if reason:
        return reason
    return f"systemfel {errno.errorcode.get(error.errno, error.errno)}" if error.errno else "okänt systemfel"


def shown_path(path: object) -> str:
    """A path as it goes into a one-line message: unprintable characters replaced, very long names shortened."""
    text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    text = "".join(char if char.isprintable() else "?" for char in text)
    parts = text.split(os.sep)
    return os.sep.join(part if len(part) <= _LONGEST_PART else f"{part[:32]}…{part[-20:]}" for part in parts)


def os_message(error: OSError, path: object = None, doing: str = "", writing: bool = False) -> str:
    """One Swedish line for an operating-system error on a path: "/a/b.txt kunde inte läsas (behörighet saknas)"."""
    target = path if path is not None else error.filename
    reason = os_reason(error, writing)
    if target is None:
        return reason
    return f"{shown_path(target)} {doing} ({reason})" if doing else f"{shown_path(target)}: {reason}"
