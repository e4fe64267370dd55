"""Run the command line as a user would – its own process – and measure it: exit code, output, wall time, peak RSS."""

from __future__ import annotations

import ctypes
import functools
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

# Words of the operating system's, Python's and the libraries' English that must never reach a user.
ENGLISH = re.compile(
    r"Traceback|Errno|Error\b|error:|\b(?:No such|denied|not|found|invalid|the|directory|usage|expected|value|"
    r"cannot|could|too long|is a|File|argument[s]? (?:are|is)|required|unrecognized|choose)\b"
)


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float  # the process's own maximum resident set size


# A small go-between starts the command and reports its rusage: a child's peak RSS counts the memory of the
# process it was forked from (Linux carries the high-water mark across exec), and pytest's may be hundreds of MB.
_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "open(sys.argv[1], 'w').write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')\n"
)


def run_cli(*args: str | os.PathLike, unprivileged: bool = False, timeout: float = 120, cwd: Path | None = None) -> Run:
    """`python -m remissdraft.cli ARGS` with the test's environment. `unprivileged` drops root's power to read
    any file, so that permission tests mean the same as root as for anyone else."""
    with tempfile.TemporaryDirectory() as folder:
        report, out_path, err_path = (Path(folder) / name for name in ("rusage", "out", "err"))
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.monotonic()
            process = subprocess.Popen(
                [sys.executable, "-c", _MEASURE, str(report), sys.executable, "-m", "remissdraft.cli", *map(str, args)],
                stdout=out, stderr=err, cwd=cwd, start_new_session=True,
                preexec_fn=_drop_file_capabilities if unprivileged and os.geteuid() == 0 else None,
            )
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                pytest.fail(f"remissdraft {' '.join(map(str, args))} ran longer than {timeout} s")
            seconds = time.monotonic() - start
        code, maxrss = (int(part) for part in report.read_text().split())
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, kilobytes on Linux
        return Run(code, out_path.read_text(), err_path.read_text(), seconds, maxrss * scale / 2**20)


def _drop_file_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, out of the bounding set before exec
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


@functools.cache
def _permissions_hold() -> bool:
    """Whether a file with mode 000 really cannot be read by `run_cli(..., unprivileged=True)` here."""
    folder = Path(tempfile.mkdtemp())
    locked = folder / "låst.txt"
    locked.write_text("hemligt")
    locked.chmod(0)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(locked)!r}).read()"], capture_output=True,
            preexec_fn=_drop_file_capabilities if os.geteuid() == 0 else None,
        )
        return probe.returncode != 0 and b"PermissionError" in probe.stderr
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        locked.chmod(0o600)
        locked.unlink()
        folder.rmdir()


def needs_permissions():
    return pytest.mark.skipif(
        not hasattr(os, "geteuid") or not _permissions_hold(), reason="filrättigheter gäller inte här (root utan CAP_SETPCAP?)"
    )


def one_swedish_line(err: str, prefix: str = "Fel:", *, hide: tuple[object, ...] = ()) -> str:
    """The single line on stderr, checked: starts with `prefix`, carries no English; `hide` are paths whose own
    names (pytest's tmp folders are named after tests) are taken out before looking for English."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{err}"
    line = lines[0]
    assert line.startswith(prefix), line
    shown = line
    for path in sorted((str(p) for p in hide), key=len, reverse=True):
        shown = shown.replace(path, "<sökväg>")
    english = ENGLISH.search(shown)
    assert english is None, f"English in a user's line ({english.group(0)!r}): {line}"
    return line
