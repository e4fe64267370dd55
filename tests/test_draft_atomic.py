"""A save killed midway leaves the previous draft intact and loadable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from remissdraft.draft import load_draft, load_template, new_draft, save_draft
from remissdraft.fileio import CHUNK_SIZE, backup_path
from remissdraft.model import Profile
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"

# The child loads the draft, makes it large (several megabytes, many chunks) and saves it, pausing at the
# chosen stage so the test can kill it there: mid-way through writing the temp file, or just before the rename.
CHILD = r"""
import os, sys, time
from pathlib import Path
from remissdraft.draft import load_draft, save_draft

path, marker, stage = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
draft = load_draft(path)
draft.section("arendet").text = "Nytt stycke som aldrig får synas halvt. " * 30_000
real_write, real_replace, calls = os.write, os.replace, [0]

def write(fd, data):
    written = real_write(fd, data)
    calls[0] += 1
    if stage == "write" and calls[0] == 3:
        marker.write_text("mitt i skrivningen")
        time.sleep(60)
    return written

def replace(source, target):
    if stage == "rename" and Path(target) == path:
        marker.write_text("före namnbytet")
        time.sleep(60)
    return real_replace(source, target)

os.write, os.replace = write, replace
save_draft(draft, path)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL finns inte på Windows")
@pytest.mark.parametrize("stage", ["write", "rename"])
def test_killing_a_save_midway_leaves_the_previous_draft_intact(tmp_path, monkeypatch, stage):
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))
    remiss = read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), Profile(namnd="Socialnämnden"), dnr="SOCN 2021/132")
    draft.section("konsekvenser_for_barn").text = "Det som redan är skrivet."
    path = save_draft(draft, tmp_path / "utkast.yaml")
    before = path.read_bytes()
    marker = tmp_path / "marker"

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(marker), stage], env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the saving process ended before reaching the pause"
            assert time.monotonic() < deadline, "the saving process never reached the pause"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    assert path.read_bytes() == before
    assert load_draft(path).section("konsekvenser_for_barn").text == "Det som redan är skrivet."
    temp_files = [p for p in tmp_path.iterdir() if p.name.startswith(".utkast.yaml.") and p.name.endswith(".tmp")]
    assert len(temp_files) == 1  # the interrupted write, never renamed over the draft
    if stage == "write":
        assert temp_files[0].stat().st_size == 3 * CHUNK_SIZE  # killed mid-write, three chunks in
        assert not backup_path(path).exists()
    else:
        assert temp_files[0].stat().st_size > 1_000_000  # complete, yet the draft is still the old one

    # The next save works and the stale temp file does not get in its way.
    draft.section("konsekvenser_for_barn").text = "Sparat efter avbrottet."
    save_draft(draft, path)
    assert load_draft(path).section("konsekvenser_for_barn").text == "Sparat efter avbrottet."
    assert load_draft(backup_path(path)).section("konsekvenser_for_barn").text == "Det som redan är skrivet."
