"""Speed of `suggest` on synthetic corpora of 1k, 10k and 100k snippets.

Snippets are made from the seed's own sentences (1–3 per snippet), with a share of words replaced by
made-up compounds of two seed words so the vocabulary keeps growing with the corpus as a real one does;
topics, yttrande dnr and remiss titles come from pools that grow with the corpus. Queries are all
sections of the strategy remiss (tests/fixtures/strategi.txt).

Reports per size: index build time (cold), time to store it and to load it from the cache dir, the content
hash, memory (peak while building, and what the index keeps), its size on disk, and per-query latency
with a warm index (Matcher.suggest, top 10): mean, median, p95, max; and the one-shot `suggest()` call
(content hash + in-memory index + query). Targets: <= 20 ms per query at 10k, <= 100 ms at 100k.

    .venv/bin/python benchmarks/suggest_speed.py [--sizes 1000 10000 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from remissdraft.match import Matcher, suggest  # noqa: E402
from remissdraft.match.index import IndexSettings, SnippetIndex, _path, fingerprint, forget_memory, get_index  # noqa: E402
from remissdraft.model import STANCES, Snippet, Source  # noqa: E402
from remissdraft.remiss import read_remiss  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"
REMISS = ROOT / "tests" / "fixtures" / "strategi.txt"


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else REMISS.read_text(encoding="utf-8")
    text = re.sub(r"-\n", "", text)
    text = re.sub(r"\s+", " ", text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)]
    return [s for s in sentences if 40 <= len(s) <= 400 and sum(c.isalpha() for c in s) > 0.7 * len(s)]


def synthetic_corpus(size: int, rng: random.Random) -> list[Snippet]:
    """`size` snippets with realistic length, vocabulary growth and provenance."""
    sentences = seed_sentences()
    words = sorted({w for s in sentences for w in re.findall(r"[a-zåäö]{4,}", s)})
    headings = [f"{rng.choice(words).capitalize()} {rng.choice(words)}" for _ in range(max(20, size // 25))]
    titles = [f"Remiss {rng.choice(words)}{rng.choice(words)} och {rng.choice(words)}" for _ in range(max(5, size // 200))]
    snippets = []
    for number in range(size):
        text = " ".join(rng.sample(sentences, rng.choice((1, 1, 2, 3))))
        # one word in ten becomes a compound of two seed words: "samverkans" + "modellen"
        text = re.sub(
            r"\b[a-zåäö]{5,}\b",
            lambda m: m.group() if rng.random() > 0.1 else rng.choice(words) + rng.choice(("", "s")) + m.group(),
            text,
        )
        yttrande = number // 20
        snippets.append(
            Snippet(
                id=f"syn{number}",
                text=text,
                stance=rng.choice(STANCES),
                topics=[rng.choice(headings)] if rng.random() < 0.7 else [],
                source=Source(
                    organisation=f"Kommun {yttrande % 290}",
                    namnd="Socialnämnden",
                    dnr=f"SOCN {2015 + yttrande % 10}/{yttrande}",
                    datum="2021-04-27",
                    title=titles[yttrande % len(titles)],
                    section=f"{rng.randint(1, 9)}.{rng.randint(1, 5)} {rng.choice(headings)}" if rng.random() < 0.3 else "",
                ),
            )
        )
    return snippets


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def measure(size: int, rng: random.Random) -> dict:
    snippets = synthetic_corpus(size, rng)
    remiss = read_remiss([REMISS])
    sections = list(remiss.walk())
    settings = IndexSettings()
    forget_memory()

    key, hash_time = timed(fingerprint, snippets, settings)
    SnippetIndex.build(snippets[:50], settings)  # imports (bm25s, numpy) are not the corpus's cost
    gc.collect()
    index, build_time = timed(SnippetIndex.build, snippets, settings, key)
    del index
    gc.collect()
    tracemalloc.start()  # memory in a second build: tracing slows Python down too much to time it
    index = SnippetIndex.build(snippets, settings, key)
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    gc.collect()

    forget_memory()
    _, store_time = timed(get_index, snippets, settings)  # builds again and stores
    disk = _path(key).stat().st_size
    forget_memory()
    _, load_time = timed(get_index, snippets, settings)  # from the cache dir

    matcher = Matcher(snippets)
    matcher.suggest(remiss, sections[0])  # first query pays for lazy set-up
    latencies = []
    for _ in range(3):
        for section in sections:
            _, elapsed = timed(matcher.suggest, remiss, section, 10)
            latencies.append(elapsed)
    one_shot = [timed(suggest, remiss, section, snippets, 10)[1] for section in sections[:5]]
    latencies.sort()
    return {
        "size": size,
        "hash_ms": hash_time * 1000,
        "build_s": build_time,
        "build_store_s": store_time,
        "load_s": load_time,
        "peak_mb": peak / 2**20,
        "held_mb": held / 2**20,
        "disk_mb": disk / 2**20,
        "mean_ms": statistics.mean(latencies) * 1000,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "max_ms": latencies[-1] * 1000,
        "one_shot_ms": statistics.median(one_shot) * 1000,
        "vocabulary": len(matcher.index.vocab) if matcher.index else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REMISSDRAFT_CACHE_DIR"] = cache  # never touch the real cache
        rows = [measure(size, random.Random(args.seed)) for size in args.sizes]
    print("| snippets | terms | build (cold) | build + store | load from cache | hash | peak / held memory | on disk "
          "| query mean | p50 | p95 | max | one-shot suggest() |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['size']:,} | {r['vocabulary']:,} | {r['build_s']:.2f} s | {r['build_store_s']:.2f} s | {r['load_s'] * 1000:.0f} ms "
            f"| {r['hash_ms']:.0f} ms | {r['peak_mb']:.0f} / {r['held_mb']:.0f} MB | {r['disk_mb']:.1f} MB "
            f"| {r['mean_ms']:.1f} ms | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {r['max_ms']:.1f} ms | {r['one_shot_ms']:.1f} ms |"
        )


if __name__ == "__main__":
    main()
