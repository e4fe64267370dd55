"""Files written so that a crash never leaves a half-written one (temp file + fsync + rename, optional backup),
and YAML as people write it. Used by every layer that saves: drafts, profile, corpus, export."""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from pathlib import Path

import yaml

CHUNK_SIZE = 64 * 1024


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


class _PythonDumper(yaml.SafeDumper):
    """YAML as a person would write it: block scalars for text with line breaks, keys in given order."""


class _Dumper(getattr(yaml, "CSafeDumper", _PythonDumper)):  # type: ignore[misc]
    """The same YAML, written by libyaml when PyYAML has it: a tenth of the time, so autosaving a large draft
    does not pause typing (tests/test_fileio_yaml.py checks the two write the same)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_PythonDumper.add_representer(str, _represent_str)
_Dumper.add_representer(str, _represent_str)


_DUMP_OPTIONS: dict = {"allow_unicode": True, "sort_keys": False, "width": 4096, "default_flow_style": False}


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)


def load_yaml(text: str) -> object:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML syntax error as one Swedish phrase: "fel i YAML-syntaxen på rad 12"."""
    mark = getattr(error, "problem_mark", None)
    where = f" på rad {mark.line + 1}" if mark is not None else ""
    return f"fel i YAML-syntaxen{where}"


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
