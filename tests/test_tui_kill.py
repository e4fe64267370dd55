"""kill -9 while the user types: the draft on disk holds everything typed up to a second before the kill, and
is never half written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from test_tui import PROFILE, write_profile

from remissdraft.draft import load_draft

TEXT = "Socialnämnden välkomnar strategin och ser fram emot samverkan med regionen på alla nivåer."

TYPIST = """
import asyncio, sys, time
from pathlib import Path
from remissdraft.locations import example_remiss
from remissdraft.tui.app import RemissdraftApp

async def main(draft, text):
    app = RemissdraftApp(example_remiss(), draft_path=Path(draft))
    async with app.run_test(size=(150, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.workspace.query_one("#editor").focus()
        print("ready", flush=True)
        for typed, character in enumerate(text, 1):
            await pilot.press(character)
            print(typed, time.monotonic(), flush=True)  # the key is handled when press returns
        await asyncio.sleep(120)

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def _type_and_kill(tmp_path, name: str, after: float) -> tuple[str, int]:
    """Start typing TEXT, kill -9 `after` seconds later; returns the synpunkt on disk and how many characters
    had been typed a second before the kill."""
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    draft = tmp_path / f"{name}.yaml"
    process = subprocess.Popen([sys.executable, str(script), str(draft), TEXT], stdout=subprocess.PIPE, text=True,
                               env=os.environ.copy())
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    progress: list[tuple[int, float]] = []

    def read() -> None:
        for line in process.stdout:
            typed, at = line.split()
            progress.append((int(typed), float(at)))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(after)
    killed_at = time.monotonic()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    reader.join(timeout=5)
    typed_before = max((typed for typed, at in progress if at <= killed_at - 1.0), default=0)
    assert progress and progress[-1][0] > typed_before, "typing went on up to the kill"
    text = load_draft(draft).synpunkter[0].text if draft.exists() else ""
    return text, typed_before


@pytest.mark.parametrize("after", [1.6, 2.7, 3.9])
def test_kill_9_while_typing_loses_at_most_the_last_second(tmp_path, after):
    write_profile(PROFILE)
    text, typed_before = _type_and_kill(tmp_path, f"utkast-{after}", after)
    assert TEXT.startswith(text)  # the file is whole: some prefix of what was typed, never a mix
    assert len(text) >= typed_before > 0
