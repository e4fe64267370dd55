"""How fast a large corpus loads: 20,000 snippets in 200 YAML files, cold (parsing YAML) and warm (the
content-keyed cache). Target: ≤ 1 s.

    .venv/bin/python benchmarks/corpus_load.py [--snippets 20000] [--files 200]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

WORDS = (
    "samverkan region kommun psykisk hälsa välbefinnande barn unga äldre socialtjänst förebyggande insatser "
    "strategi uppföljning finansiering ansvar vardagsmiljö närsamhälle styrande nivå individnivå brukarorganisationer "
    "konsekvensanalyser folkhälsa jämlikhet delaktighet kunskap metodstöd civilsamhälle skola arbetsmarknad"
).split()
STANCES = ["positiv", "kritisk", "forbehall", "fortydligande", "neutral"]


def build(folder: Path, snippets: int, files: int) -> None:
    from remissdraft.corpus.store import save_snippets, snippet_id
    from remissdraft.model import Snippet, Source

    rng = random.Random(7)
    per_file = snippets // files
    for number in range(files):
        source = Source(organisation=f"Kommun {number}", namnd="Socialnämnden", dnr=f"SOCN 2024/{number}", datum="2024-05-01",
                        title="Strategi för psykisk hälsa", file=f"yttrande-{number}.pdf")
        batch = []
        for index in range(per_file):
            text = "{namnd} " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 45))) + f" ({number}-{index})."
            batch.append(Snippet(snippet_id(text), text, rng.choice(STANCES), [rng.choice(WORDS).capitalize()], source))
        save_snippets(folder / f"kommun-{number}.yaml", batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippets", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        os.environ["REMISSDRAFT_CACHE_DIR"] = str(Path(work) / "cache")
        folder = Path(work) / "corpus"
        build(folder, args.snippets, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        from remissdraft.corpus import load_corpus

        timings = []
        for label in ("kall (YAML tolkas)", "varm (cache)", "varm (cache)"):
            start = time.perf_counter()
            corpus = load_corpus(folder, bundled=False)
            timings.append((label, time.perf_counter() - start))
    print(f"Korpus: {len(corpus.snippets)} snippets i {args.files} filer, {size:.1f} MB YAML")
    for label, seconds in timings:
        print(f"  laddning {label:18} {seconds * 1000:7.0f} ms")
    print(f"mål: ≤ 1000 ms (varm: {'uppfyllt' if timings[-1][1] <= 1 else 'EJ uppfyllt'})")


if __name__ == "__main__":
    main()
