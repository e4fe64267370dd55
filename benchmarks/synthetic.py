"""Synthetic corpora for the speed benchmarks, generated from the seed's own sentences (tests/fixtures/strategi.txt
when ../shared is absent): 1–3 sentences per snippet, one word in ten made into a compound of two seed words so
the vocabulary keeps growing with the corpus as a real one does, topics, yttrande dnr and remiss titles from pools
that grow with the corpus, twenty snippets per yttrande.

    .venv/bin/python benchmarks/synthetic.py DIR [--snippets 100000]   # writes one YAML file per yttrande
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from remissdraft.model import STANCES, Snippet, Source

SEED = ROOT.parent / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"
REMISS = ROOT / "tests" / "fixtures" / "strategi.txt"
PER_YTTRANDE = 20


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else REMISS.read_text(encoding="utf-8")
    text = re.sub(r"-\n", "", text)
    text = re.sub(r"\s+", " ", text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)]
    return [s for s in sentences if 40 <= len(s) <= 400 and sum(c.isalpha() for c in s) > 0.7 * len(s)]


def synthetic_corpus(size: int, rng: random.Random | None = None) -> list[Snippet]:
    """`size` snippets with realistic length, vocabulary growth and provenance (some repeat: sentences are
    sampled, so the corpus without duplicates is smaller)."""
    rng = rng or random.Random(7)
    sentences = seed_sentences()
    words = sorted({w for s in sentences for w in re.findall(r"[a-zåäö]{4,}", s)})
    headings = [f"{rng.choice(words).capitalize()} {rng.choice(words)}" for _ in range(max(20, size // 25))]
    titles = [f"Remiss {rng.choice(words)}{rng.choice(words)} och {rng.choice(words)}" for _ in range(max(5, size // 200))]
    snippets = []
    for number in range(size):
        text = " ".join(rng.sample(sentences, rng.choice((1, 1, 2, 3))))
        text = re.sub(
            r"\b[a-zåäö]{5,}\b",
            lambda m: m.group() if rng.random() > 0.1 else rng.choice(words) + rng.choice(("", "s")) + m.group(),
            text,
        )
        yttrande = number // PER_YTTRANDE
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


def write_corpus(folder: Path, size: int, seed: int = 7) -> int:
    """A corpus folder of `size` snippets, one YAML file per yttrande (as the importer writes them); returns the
    number of files."""
    from remissdraft.corpus.store import save_snippets

    snippets = synthetic_corpus(size, random.Random(seed))
    files = 0
    for start in range(0, size, PER_YTTRANDE):
        save_snippets(folder / f"yttrande-{start // PER_YTTRANDE:05d}.yaml", snippets[start : start + PER_YTTRANDE])
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--snippets", type=int, default=100_000)
    args = parser.parse_args()
    files = write_corpus(args.folder, args.snippets)
    print(f"{args.snippets} snippets in {files} files under {args.folder}")


if __name__ == "__main__":
    main()
