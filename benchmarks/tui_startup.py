"""Time to the first useful screen of `remissdraft` on the bundled example – the workspace with the outline, the
section text, the synpunkt *and* the suggestions shown – against a bare Textual app, in three cases: warm (caches
made by an earlier start), empty caches, and a first run (no profile: the profile dialog opens over the
workspace). Also with a corpus of 100,000 snippets (benchmarks/synthetic.py): the first start (no caches) and a
warm start, and the app's memory with the suggestions shown (VmRSS then, and its peak VmHWM) against the bare
app's. (A first start on a big corpus indexes it in a process of its own, tui/indexing.py: that process's
memory is not the app's, and is not counted here.) And, as a reference rather than a start a user makes, the
floor: the warm workspace drawn with no corpus read and no ranking imported – what no start can go below however
fast its suggestions come.

Each start is a fresh process (imports included), run headless; ours and the bare app in turn (A B A B), medians
quoted. Targets (issue 13): warm ≤ 1.5×, empty caches ≤ 2×, first run ≤ 2× the bare app; at 100k the first start
≤ 5 s and RSS ≤ 200 MiB.

    .venv/bin/python benchmarks/tui_startup.py [--runs 5] [--big 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

CHILD = r'''
import json, os, sys, time
start = float(sys.argv[2])

def status(field):  # MiB: VmRSS the process's memory now, VmHWM its peak
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(field)) / 1024

if sys.argv[1] == "bare":
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("hej")

        def on_mount(self):
            self.call_after_refresh(self.done)

        def done(self):
            print(json.dumps({"screen": time.time() - start, "suggestions": time.time() - start, "rss": status("VmRSS"), "hwm": status("VmHWM")}))
            self.exit()

    Bare().run(headless=True)
else:
    # As `remissdraft` starts the app (tui.run): the command line imported and the files checked first; the app
    # run headless, its workspace timed.
    from remissdraft import cli  # noqa: F401
    from remissdraft.locations import example_remiss
    from remissdraft.remiss import check_file

    for path in example_remiss():
        check_file(path)
    floor = sys.argv[1] == "floor"
    if floor:  # the workspace alone: no corpus read, no ranking imported, nothing suggested (what a start costs at least)
        import remissdraft.tui.app

        remissdraft.tui.app.load_corpus_and_index = lambda *args: time.sleep(3600)
        remissdraft.tui.app._import_ranking = lambda: None
    from remissdraft.tui import make_app
    from remissdraft.tui.screens import workspace
    from remissdraft.tui.widgets.suggestions import Suggestions

    shown = {}

    class Timed(workspace.WorkspaceScreen):
        """Told, not polled: the workspace drawn with its section (the outline and text), then drawn with the
        suggestions in the list (or told that nothing fits; an empty list is an error)."""

        def on_mount(self):  # Textual calls the WorkspaceScreen's own on_mount too, first
            self.call_after_refresh(self.drawn, "screen")
            if floor:
                self.call_after_refresh(self.drawn, "suggestions")

        def ranking_loaded(self):
            super().ranking_loaded()
            self.call_after_refresh(self.drawn, "suggestions")

        def drawn(self, what):
            shown[what] = time.time() - start
            if what == "suggestions":
                if not floor and not self.query_one(Suggestions).option_count:
                    raise SystemExit("inga förslag visades")
                print(json.dumps({**shown, "rss": status("VmRSS"), "hwm": status("VmHWM")}), flush=True)
                if floor:  # its loading thread never ends: nothing to wait for
                    os._exit(0)
                self.app.exit()

    workspace.WorkspaceScreen = Timed  # the app makes its workspace from the module, when the remiss is read
    make_app(example_remiss()).run(headless=True)
'''


FLOOR = "golv: arbetsytan utan korpus och rangordning (varm)"  # no start a user makes: what the others cannot go below


def start(kind: str, env: dict[str, str]) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, kind, str(time.time())], env=env, capture_output=True, text=True,
                            check=True, timeout=300)
    return json.loads(result.stdout.strip().splitlines()[-1])


def settled(timeout: float = 120.0) -> None:
    """Until no indexing process of an earlier start is running: it goes on storing (the index, then the palette's
    word index) after the app has its suggestions, and would share the cores with the next start measured."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = False
        for entry in Path("/proc").iterdir():
            try:
                running = running or b"remissdraft.tui.indexing" in (entry / "cmdline").read_bytes()
            except OSError:
                continue
        if not running:
            return
        time.sleep(0.1)


def environment(home: Path, corpus: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("CONFIG_DIR", "CACHE_DIR", "DATA_DIR"):
        env[f"REMISSDRAFT_{name}"] = str(home / name.lower())
    env["REMISSDRAFT_CORPUS"] = str(corpus or home / "corpus")
    return env


def with_profile(env: dict[str, str]) -> None:
    config = Path(env["REMISSDRAFT_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile.yaml").write_text("name: Therese Råckle\nnamnd: Socialnämnden\norganisation: Nacka kommun\n", encoding="utf-8")


def fresh(env: dict[str, str], *, cache: bool = True, data: bool = True) -> None:
    for name, wipe in (("CACHE_DIR", cache), ("DATA_DIR", data)):
        if wipe:
            shutil.rmtree(env[f"REMISSDRAFT_{name}"], ignore_errors=True)


def main() -> None:
    from bytecode import compile_package

    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=int, default=100_000, help="snippets of the large corpus (0: leave it out)")
    args = parser.parse_args()
    rows: list[tuple[str, list[dict], list[dict], float | None]] = []
    with tempfile.TemporaryDirectory() as work:
        home = Path(work) / "home"
        env = environment(home)
        bare = []
        cases: dict[str, list[dict]] = {"varm": [], "tomma cacher": [], "första körningen (profildialog)": [], FLOOR: []}
        with_profile(env)
        fresh(env)
        start("app", env)  # caches as after a user's first start
        for _ in range(args.runs):  # A B A B …
            bare.append(start("bare", env))
            cases["varm"].append(start("app", env))
            cases[FLOOR].append(start("floor", env))
            bare.append(start("bare", env))
            fresh(env)  # no index, no parsed corpus; the draft is made anew
            cases["tomma cacher"].append(start("app", env))
            bare.append(start("bare", env))
            fresh(env)
            shutil.rmtree(env["REMISSDRAFT_CONFIG_DIR"], ignore_errors=True)  # no profile: a first run
            cases["första körningen (profildialog)"].append(start("app", env))
            with_profile(env)
        targets = {"varm": 1.5, "tomma cacher": 2.0, "första körningen (profildialog)": 2.0, FLOOR: None}
        for name, runs in cases.items():
            rows.append((name, runs, bare, targets[name]))
        if args.big:
            from synthetic import write_corpus

            corpus = Path(work) / "stor-korpus"
            write_corpus(corpus, args.big)
            big_env = environment(Path(work) / "stor", corpus)
            with_profile(big_env)
            first, warm, bare_big = [], [], []
            for _ in range(max(1, args.runs // 2)):
                fresh(big_env)
                bare_big.append(start("bare", big_env))
                first.append(start("app", big_env))
                settled()
                bare_big.append(start("bare", big_env))
                warm.append(start("app", big_env))
            rows.append((f"{args.big:,} ställningstaganden, första start", first, bare_big, None))
            rows.append((f"{args.big:,} ställningstaganden, varm", warm, bare_big, None))
    print(f"medianer av {args.runs} starter, var och en en ny process; tom Textual-app i tur och ordning")
    print("| start | första användbara skärm | förslagen visas | tom Textual-app | kvot (förslagen visas) | mål | RSS med förslag | högsta RSS | tom app RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    verdicts = []
    for name, runs, anchor, target in rows:
        screen = statistics.median(r["screen"] for r in runs)
        shown = statistics.median(r["suggestions"] for r in runs)
        base = statistics.median(r["screen"] for r in anchor)
        memory = statistics.median(r["rss"] for r in runs)
        peak = statistics.median(r["hwm"] for r in runs)
        base_memory = statistics.median(r["rss"] for r in anchor)
        ratio = shown / base
        goal = f"≤ {target}×" if target else ("–" if name == FLOOR else "≤ 5 s, ≤ 200 MiB" if "första" in name else "≤ 200 MiB")
        print(f"| {name} | {screen * 1000:.0f} ms | {shown * 1000:.0f} ms | {base * 1000:.0f} ms | {ratio:.2f}× | {goal} | {memory:.0f} MiB | {peak:.0f} MiB | {base_memory:.0f} MiB |")
        if target:
            verdicts.append((name, ratio <= target))
        elif name != FLOOR:  # a reference, not a start a user makes
            verdicts.append((name, memory <= 200 and (shown <= 5 or "första" not in name)))
    print("mål: " + "; ".join(f"{name}: {'uppfyllt' if ok else 'EJ uppfyllt'}" for name, ok in verdicts))
    for name, runs, _, target in rows:
        if target is None and name != FLOOR:  # the few runs of the large corpus: each one, since the median of so few hides the spread
            print(f"{name}, varje start: " + ", ".join(f"{r['suggestions']:.2f} s" for r in runs))


if __name__ == "__main__":
    main()
