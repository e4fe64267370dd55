"""Time to the first useful screen of `remissdraft` on the bundled example, against a bare Textual app, and
the time from switching section to updated suggestions. Targets: ≤ 1.0 s and ≤ 2× the bare app; ≤ 50 ms.

Each start is a fresh process (imports included), run headless until the workspace shows the outline, the
section text and the suggestions; the corpus index cache is warm after the first run, as it is for a user.

    .venv/bin/python benchmarks/tui_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r'''
import sys, time
start = float(sys.argv[2])
if sys.argv[1] == "bare":
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("hej")

        def on_mount(self):
            self.call_after_refresh(self.done)

        def done(self):
            print(time.time() - start)
            self.exit()

    Bare().run(headless=True)
else:
    from remissdraft.locations import example_remiss
    from remissdraft.tui.app import RemissdraftApp
    from remissdraft.tui.widgets.suggestions import Suggestions

    class Timed(RemissdraftApp):
        """Looks every 5 ms: the workspace mounted (first useful screen), then suggestions in the list."""

        def on_mount(self):
            super().on_mount()
            self.shown = None
            self.set_interval(0.005, self.check)

        def check(self):
            workspace = self.workspace
            if self.shown is None and workspace is not None and workspace.is_mounted and workspace.section is not None:
                self.shown = time.time() - start
            if self.shown is not None and self.session.ranking_ready and workspace.query_one(Suggestions).items:
                print(self.shown, time.time() - start)
                self.exit()

    Timed(example_remiss()).run(headless=True)
'''


def start_time(kind: str) -> tuple[float, float]:
    """(first useful screen, suggestions shown) in seconds from the process start."""
    result = subprocess.run([sys.executable, "-c", CHILD, kind, str(time.time())], capture_output=True, text=True, check=True)
    values = [float(v) for v in result.stdout.strip().splitlines()[-1].split()]
    return values[0], values[-1]


async def switch_times() -> list[float]:
    from remissdraft.locations import example_remiss
    from remissdraft.tui.app import RemissdraftApp

    app = RemissdraftApp(example_remiss())
    times = []
    async with app.run_test(size=(150, 40)) as pilot:
        await app.workers.wait_for_complete()  # the remiss read, the workspace built, the ranking loaded
        await pilot.pause()
        workspace = app.workspace
        for visit in range(3):  # the first visit ranks the section, later ones reuse the ranking
            for section in app.session.order:
                begin = time.perf_counter()
                workspace.show_section(section)
                times.append((visit, time.perf_counter() - begin))
                await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        for name in ("CONFIG_DIR", "CACHE_DIR", "CORPUS", "DATA_DIR"):
            os.environ[f"REMISSDRAFT_{name}"] = os.path.join(home, name.lower())
        from remissdraft.draft import save_profile
        from remissdraft.model import Profile

        save_profile(Profile(name="Therese Råckle", namnd="Socialnämnden", organisation="Nacka kommun"))  # not a first run
        start_time("app")  # warm the index cache, as after a user's first start
        ours = [start_time("app") for _ in range(args.runs)]
        bare = [start_time("bare") for _ in range(args.runs)]
        switches = asyncio.run(switch_times())
    ours_median = statistics.median(first for first, _ in ours)
    suggestions_median = statistics.median(last for _, last in ours)
    bare_median = statistics.median(first for first, _ in bare)
    print(f"remissdraft, första användbara skärm (avsnitt, text, synpunkt): {ours_median * 1000:6.0f} ms (median av {args.runs})")
    print(f"remissdraft, förslagen visas:                                   {suggestions_median * 1000:6.0f} ms")
    print(f"tom Textual-app:                                                {bare_median * 1000:6.0f} ms")
    print(f"kvot: {ours_median / bare_median:.2f}× (mål ≤ 2×), absolut mål ≤ 1000 ms")
    for label, visits in (("första besöket", {0}), ("senare besök", {1, 2})):
        times = sorted(t for visit, t in switches if visit in visits)
        print(f"byte av avsnitt till nya förslag, {label}: median {statistics.median(times) * 1000:.1f} ms, "
              f"högst {times[-1] * 1000:.1f} ms (mål ≤ 50 ms)")
    print("(tiden från bytet tills avsnittets text, synpunkt och förslag är uppdaterade i widgetarna; "
          "själva ritningen sker i nästa bildruta)")


if __name__ == "__main__":
    main()
