"""How fast a large corpus loads: 20,000 snippets (benchmarks/synthetic.py, one file per yttrande), cold (an empty
cache dir: every file read, parsed and recorded in the cache database) and warm (nothing changed: nothing read).
Target: cold load ≤ 1 s. Anchor: parsing the same files with PyYAML's CSafeLoader alone (no validation, no
cache). Each figure is a fresh process (`load_corpus` timed inside it, imports apart), the two run interleaved
A B A B; medians are quoted.

    .venv/bin/python benchmarks/corpus_load.py [--snippets 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

CHILD = r'''
import os, sys, time
from pathlib import Path
kind, folder = sys.argv[1], Path(sys.argv[2])
if kind == "csafeloader":
    import yaml
    start = time.perf_counter()
    for path in sorted(folder.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    print(time.perf_counter() - start, 0)
else:
    from remissdraft.corpus import load_corpus
    start = time.perf_counter()
    corpus = load_corpus(folder, bundled=False)
    print(time.perf_counter() - start, len(corpus.snippets))
'''


def run(kind: str, folder: Path, cache: Path) -> tuple[float, int]:
    env = dict(os.environ, REMISSDRAFT_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(folder)], env=env, check=True, capture_output=True, text=True).stdout
    seconds, count = out.split()
    return float(seconds), int(count)


def main() -> None:
    from bytecode import compile_package

    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from synthetic import write_corpus

    with tempfile.TemporaryDirectory() as work:
        folder, cache = Path(work) / "corpus", Path(work) / "cache"
        files = write_corpus(folder, args.snippets)
        size = sum(path.stat().st_size for path in folder.iterdir()) / 1e6
        cold, warm, anchor = [], [], []
        count = 0
        for _ in range(args.runs):  # A B A B: cold, warm and the anchor in turn
            shutil.rmtree(cache, ignore_errors=True)
            seconds, count = run("cold", folder, cache)
            cold.append(seconds)
            warm.append(run("warm", folder, cache)[0])
            anchor.append(run("csafeloader", folder, cache)[0])
    c, w, a = (statistics.median(values) for values in (cold, warm, anchor))
    print(f"Korpus: {args.snippets} snippets ({count} utan dubbletter) i {files} filer, {size:.1f} MB YAML, medianer av {args.runs} körningar")
    print("| mått | tid | ankare: enbart CSafeLoader | kvot |")
    print("|---|---|---|---|")
    print(f"| kall laddning (tom cache) | {c * 1000:.0f} ms | {a * 1000:.0f} ms | {c / a:.2f}× |")
    print(f"| varm laddning (inget ändrat) | {w * 1000:.0f} ms | {a * 1000:.0f} ms | {w / a:.2f}× |")
    print(f"mål kall laddning ≤ 1000 ms: {'uppfyllt' if c <= 1 else 'EJ uppfyllt'} ({c * 1000:.0f} ms; spridning {min(cold) * 1000:.0f}–{max(cold) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
