"""Rebuild the bundled corpus (corpus/*.yaml) from the seed meeting papers.

Source: ../shared/seeds/000_c8ec6e676693ffa4.txt, Nacka kommun, Socialnämnden, meeting of 2021-04-27 — the
whole 95 pages, imported as a user's `remissdraft corpus import` would: the file is split into its documents
by their header blocks, and of Socialnämnden's six tjänsteskrivelser the two that answer a remiss (SOCN
2021/132 on Region Stockholm's strategy for mental health, SOCN 2021/133 on the folkhälsopolicy) give their
positions and standard texts, the other four their standard texts (Ekonomiska konsekvenser, Konsekvenser för
barn). The agenda, reports, the motion, Region Stockholm's tjänsteutlåtanden and the remisser are left out.
Official documents are free of copyright (upphovsrättslagen 9 §); each snippet keeps its provenance.

    .venv/bin/python scripts/build_bundled_corpus.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from remissdraft.corpus.importer import describe, import_files
from remissdraft.corpus.store import file_snippets, load_folder

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"
TARGET = ROOT / "corpus"


def main() -> None:
    if not SEED.exists():
        sys.exit(f"seed saknas: {SEED}")
    TARGET.mkdir(exist_ok=True)
    # the bundled corpus is built from the seed alone: its earlier build goes, the rest of the folder stays
    for path in sorted(TARGET.glob("*.yaml")):
        snippets = file_snippets(path)
        if snippets and all(s.source.file.startswith(SEED.name) for s in snippets):
            path.unlink()
    (result,) = import_files([SEED], TARGET)
    for line in describe(result):
        print(line)
    print(f"{len(load_folder(TARGET)[0])} snippets i {TARGET.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
