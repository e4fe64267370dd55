"""Files written so that a crash never leaves a half-written one (temp file + fsync + rename, optional backup),
files read within a size limit with every operating-system error told in Swedish, and YAML as people write it.
Used by every layer that reads or saves: readers, drafts, profile, templates, corpus, export."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import RemissdraftError, os_message, shown_path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms of every start)
if TYPE_CHECKING:
    from .yamlio import _DUMP_OPTIONS, _Dumper, _Loader, _PythonDumper, dump_yaml, load_yaml, yaml_problem, yaml_reason  # noqa: F401

# The YAML half lives in yamlio.py and is imported when first asked for: PyYAML costs a tenth of the start-up
# of a command that reads only a PDF (`remissdraft sections`).
_YAML_NAMES = frozenset({"dump_yaml", "load_yaml", "yaml_problem", "yaml_reason", "_Dumper", "_PythonDumper", "_Loader", "_DUMP_OPTIONS", "_YAML_PROBLEMS"})


def __getattr__(name: str) -> object:
    """The YAML names, from yamlio on first use (PEP 562)."""
    if name in _YAML_NAMES:
        from . import yamlio

        return getattr(yamlio, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


CHUNK_SIZE = 64 * 1024
YAML_LIMIT = 8 * 2**20  # about 30 000 snippets (7 s, 300 MB to parse); drafts, templates and profiles are far smaller


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept: "utkast.yaml" → "utkast.yaml.bak"."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, data: bytes, *, backup: bool = True) -> None:
    """Replace `path` with `data` in one step; with `backup`, the version replaced is kept next to it.

    Raises OSError; callers turn it into a Swedish message. Until the final rename the old file is untouched,
    so killing the process at any moment leaves either the old or the new version, never a mix.
    """
    path = Path(path)
    folder = path.parent
    import secrets  # imported on use, as the writers need it: it loads hashlib and random

    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    mode = (path.stat().st_mode & 0o7777) if path.exists() else 0o666  # new files: 0o666 minus the umask
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view[:CHUNK_SIZE])
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            os.chmod(tmp, mode)
            if backup:
                _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _keep_backup(path: Path) -> None:
    """Point the backup name at the current version (a hard link where possible, else a copy), atomically."""
    target = backup_path(path)
    import secrets

    staging = path.with_name(f".{path.name}.{secrets.token_hex(4)}.bak.tmp")
    try:
        os.link(path, staging)
    except OSError:
        staging.write_bytes(path.read_bytes())
    try:
        os.replace(staging, target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 2**10:.0f} kB"


def regular_file(path: Path, error: type[RemissdraftError] = RemissdraftError) -> os.stat_result:
    """A path's status when it is an ordinary file; otherwise `error` with one Swedish line naming the path."""
    try:
        status = os.stat(path)
    except FileNotFoundError as problem:
        raise error(f"{shown_path(path)}: filen finns inte" if is_missing(path) else os_message(problem, path)) from None
    except OSError as problem:
        raise error(os_message(problem, path)) from None
    except ValueError:  # a NUL character in the name
        raise error(f"{shown_path(path)}: ogiltigt filnamn") from None
    if stat.S_ISDIR(status.st_mode):
        raise error(f"{shown_path(path)}: är en mapp, inte en fil")
    if not stat.S_ISREG(status.st_mode):
        raise error(f"{shown_path(path)}: är inte en vanlig fil")
    return status


def is_missing(path: Path) -> bool:
    """True only when nothing is at `path` (a broken link is something); other errors are for the reader to tell."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return False


def too_big(path: Path, size: int, limit: int) -> str:
    return f"{shown_path(path)}: filen är för stor ({_over(size, limit)})"


def _over(size: int, limit: int) -> str:
    """"12 MB, högst 8 MB"; just "högst 8 MB" for a size that rounds to the limit (not "8 MB, högst 8 MB")."""
    shown, most = megabytes(size), megabytes(limit)
    return f"högst {most}" if shown == most else f"{shown}, högst {most}"


def read_bytes(path: Path, limit: int, error: type[RemissdraftError] = RemissdraftError) -> bytes:
    """The contents of an ordinary file of at most `limit` bytes, checked before reading; every problem is `error`."""
    size = regular_file(path, error).st_size
    if size > limit:
        raise error(too_big(path, size, limit))
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as problem:
        raise error(os_message(problem, path, "kunde inte läsas")) from None
    if len(data) > limit:  # grew since it was measured
        raise error(too_big(path, len(data), limit))
    return data


@contextmanager
def os_errors(error: type[RemissdraftError], path: Path, doing: str, writing: bool = False) -> Iterator[None]:
    """Turn an OSError inside the block into `error`: "/a/b.yaml kunde inte sparas (disken är full)"."""
    try:
        yield
    except OSError as problem:
        raise error(os_message(problem, path, doing, writing)) from None


def check_zip(path: Path, error: type[RemissdraftError], *, xml_limit: int, total_limit: int, ratio_limit: int) -> None:
    """Refuse an archive whose parts unpack to more than the limits allow (a "zip bomb"), before unpacking any:
    each XML part (parsed whole) up to `xml_limit`, all parts up to `total_limit`, and no part over a megabyte
    packed more than `ratio_limit` times. The sizes are the archive's own claims; zipfile never returns more
    than a part claims, so they bound the work."""
    import zipfile  # imported on use: only DOCX files are archives

    name = shown_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return  # the reader reports a damaged file in its own words
    except OSError as problem:
        raise error(os_message(problem, path, "kunde inte läsas")) from None
    if len(parts) > 10_000:
        raise error(f"{name}: filen består av för många delar ({len(parts)}) och läses inte")
    total = 0
    for part in parts:
        total += part.file_size
        xml = part.filename.endswith((".xml", ".rels"))
        if (xml and part.file_size > xml_limit) or total > total_limit:
            size, limit = (total, total_limit) if total > total_limit else (part.file_size, xml_limit)
            raise error(f"{name}: filen blir för stor uppackad ({_over(size, limit)}) och läses inte")
        if part.file_size > 2**20 and part.file_size > ratio_limit * max(1, part.compress_size):
            ratio = part.file_size // max(1, part.compress_size)
            raise error(f"{name}: filen är onormalt hårt packad ({ratio} gånger) och läses inte")


def file_sha256(path: Path) -> str:
    """A file's SHA-256, computed once per version of the file (path, size and modification time)."""
    try:
        stat = Path(path).stat()
    except OSError:
        return ""
    return _sha256(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    import hashlib  # imported on use: it loads OpenSSL

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(CHUNK_SIZE * 16), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
