"""Rebuild the bundled corpus (corpus/*.yaml) from the seed meeting papers.

Source: ../shared/seeds/000_c8ec6e676693ffa4.txt, Nacka kommun, Socialnämnden, meeting of 2021-04-27. From
Nacka's yttranden SOCN 2021/132 (on Region Stockholm's strategy for mental health) and SOCN 2021/133 (on the
folkhälsopolicy) it keeps every position and the standard texts; from the other tjänsteskrivelser of the
meeting only their standard texts (Ekonomiska konsekvenser, Konsekvenser för barn). Official documents are
free of copyright (upphovsrättslagen 9 §); each snippet keeps its provenance.

    .venv/bin/python scripts/build_bundled_corpus.py
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from remissdraft.corpus.importer import corpus_file_name, read_yttrande
from remissdraft.corpus.store import save_snippets
from remissdraft.model import Source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"
TARGET = ROOT / "corpus"
MEETING = "2021-04-27"

# (first line, last line, dnr, date, keep positions too): the seed README's table of contents. The date is the
# tjänsteskrivelse's own where the extraction kept it, else the meeting's.
DOCUMENTS = [
    (53, 452, "SOCN 2020/155", MEETING, False),  # Ekonomisk månadsrapport per mars 2021
    (453, 710, "SOCN 2020/337", MEETING, False),  # Inleda upphandling av HVB
    (711, 1300, "SOCN 2021/11", MEETING, False),  # Överenskommelse om munhälsobedömning och nödvändig tandvård
    (1305, 1536, "SOCN 2020/360", MEETING, False),  # Motion – plan mot hemlöshet
    (1537, 1696, "SOCN 2021/132", MEETING, True),  # Remiss – strategi för psykisk hälsa: yttrande
    (2691, 2756, "SOCN 2021/133", "2021-04-22", True),  # Remiss – folkhälsopolicy: yttrande
]


def main() -> None:
    if not SEED.exists():
        sys.exit(f"seed saknas: {SEED}")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    TARGET.mkdir(exist_ok=True)
    for first, last, dnr, datum, positions in DOCUMENTS:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"nacka-socialnamnden-{dnr.replace(' ', '-').replace('/', '-').lower()}.txt"
            path.write_text("\n".join(lines[first - 1 : last]) + "\n", encoding="utf-8")
            provenance = Source(organisation="Nacka kommun", namnd="Socialnämnden", dnr=dnr, datum=datum)
            snippets = read_yttrande(path, provenance)
        snippets = [
            replace(s, source=replace(s.source, file=f"{SEED.name}, rad {first}–{last}"))
            for s in snippets
            if positions or s.kind == "standardtext"
        ]
        target = TARGET / corpus_file_name(snippets[0].source, path)
        changed = save_snippets(target, snippets)
        print(f"{dnr}: {len(snippets)} snippets → {target.relative_to(ROOT)}{'' if changed else ' (oförändrad)'}")


if __name__ == "__main__":
    main()
