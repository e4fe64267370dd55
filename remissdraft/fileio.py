"""Files written so that a crash never leaves a half-written one (temp file + fsync + rename, optional backup),
files read within a size limit with every operating-system error told in Swedish, and YAML as people write it.
Used by every layer that reads or saves: readers, drafts, profile, templates, corpus, export."""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from .errors import RemissdraftError, os_message, shown_path

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
    return f"{shown_path(path)}: filen är för stor ({megabytes(size)}, högst {megabytes(limit)})"


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
            raise error(f"{name}: filen blir för stor uppackad ({megabytes(size)}, högst {megabytes(limit)}) och läses inte")
        if part.file_size > 2**20 and part.file_size > ratio_limit * max(1, part.compress_size):
            ratio = part.file_size // max(1, part.compress_size)
            raise error(f"{name}: filen är onormalt hårt packad ({ratio} gånger) och läses inte")


class _PythonDumper(yaml.SafeDumper):
    """YAML as a person would write it: block scalars for text with line breaks, keys in given order, and no
    anchors or aliases (the loader refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class _Dumper(getattr(yaml, "CSafeDumper", _PythonDumper)):  # type: ignore[misc]
    """The same YAML, written by libyaml when PyYAML has it: a tenth of the time, so autosaving a large draft
    does not pause typing (tests/test_fileio_yaml.py checks the two write the same)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_PythonDumper.add_representer(str, _represent_str)
_Dumper.add_representer(str, _represent_str)


_DUMP_OPTIONS: dict = {"allow_unicode": True, "sort_keys": False, "width": 4096, "default_flow_style": False}


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml's parser where present
    """The safe loader, with a value it cannot build ("2021-02-30", "!!int x") a YAML error at that value's line."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, LookupError, OverflowError):
            raise yaml.constructor.ConstructorError(None, None, "unreadable value", node.start_mark) from None


def load_yaml(data: str | bytes) -> object:
    """Safe YAML (plain data only) without aliases: a few lines of nested anchors expand to gigabytes.

    Raises yaml.YAMLError; `yaml_problem` says it in Swedish."""
    if (b"*" in data) if isinstance(data, bytes) else ("*" in data):  # every alias starts with one
        for event in yaml.parse(data, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise yaml.MarkedYAMLError(problem="alias", problem_mark=event.start_mark)  # type: ignore[arg-type]
    try:
        return yaml.load(data, Loader=_Loader)
    except RecursionError:
        raise yaml.YAMLError("nesting") from None


# PyYAML's problems (English parser jargon) as a person would put them; the rest is "fel i YAML-syntaxen".
_YAML_PROBLEMS = (
    ("alias", "alias (*namn) stöds inte – skriv ut värdet i stället"),
    ("nesting", "för djupt nästlad"),
    ("unreadable value", "ett värde som inte går att tolka, t.ex. ett datum som inte finns – sätt det inom citattecken"),
    ("maximum nesting depth", "för djupt nästlad"),
    ("mapping values are not allowed", "ett kolon på fel ställe – sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon saknas efter en nyckel"),
    ("did not find expected ',' or ']'", "en lista inom [ ] är inte avslutad"),
    ("did not find expected ',' or '}'", "en karta inom { } är inte avslutad"),
    ("did not find expected ','", "en lista eller karta inom hakparentes eller klammer är inte avslutad"),
    ("found unexpected end of stream", "ett citattecken är inte avslutat"),
    ("found character '\\t'", "tabbtecken i indraget – använd mellanslag"),
    ("that cannot start any token", "ett tecken som inte får inleda ett värde (tabb, @ eller `) – använd mellanslag i indrag och sätt texten inom citattecken"),
    ("found unknown escape character", "okänd \\-sekvens i en text inom dubbla citattecken"),
    ("expected <block end>", "indraget stämmer inte"),
    ("did not find expected key", "indraget stämmer inte"),
    ("did not find expected '-' indicator", "indraget i en lista stämmer inte"),
    ("found duplicate anchor", "ett ankare (&namn) förekommer två gånger"),
    ("found undefined alias", "alias (*namn) stöds inte – skriv ut värdet i stället"),
    ("unacceptable character", "filen innehåller otillåtna tecken"),
    ("special characters are not allowed", "filen innehåller otillåtna tecken"),
    ("could not determine a constructor", "en okänd tagg (!…)"),
    ("found unhashable key", "en nyckel som är en lista eller karta"),
    ("expected a single document", "filen innehåller flera YAML-dokument (---)"),
    ("while parsing a block collection", "indraget i en lista stämmer inte"),
)


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error as one Swedish phrase, with its line: "fel i YAML-syntaxen på rad 12: ett kolon saknas"."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f" på rad {mark.line + 1}" if mark is not None else ""
    reason = yaml_reason(error)
    return f"fel i YAML-syntaxen{where}: {reason}" if reason else f"fel i YAML-syntaxen{where}"


def yaml_reason(error: yaml.YAMLError) -> str:
    """The Swedish phrase for what PyYAML found, or "" when it has none (never the file's own text)."""
    if isinstance(error, yaml.MarkedYAMLError):
        said = f"{error.context or ''} {error.problem or ''}"
    else:
        said = str(error)
    return next((swedish for english, swedish in _YAML_PROBLEMS if english in said), "")


def file_sha256(path: Path) -> str:
    """A file's SHA-256, computed once per version of the file (path, size and modification time)."""
    try:
        stat = Path(path).stat()
    except OSError:
        return ""
    return _sha256(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(CHUNK_SIZE * 16), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
