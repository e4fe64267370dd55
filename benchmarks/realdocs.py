"""Section F1 and metadata of the real remisser against their true heading lists (printed, not timed).

Reads every truth file in tests/data/remiss_truth (documents in ../shared/realdocs) and, with --held-out DIR,
the truth files in DIR/truth (documents relative to DIR; without DIR/truth, those in DIR/../truth that name
documents inside DIR). Prints per remiss: headings true / found / matched, precision, recall, section F1, the
matched headings at their true level, and whether title, dnr, sender and deadline are right; then a total row.
Target: F1 ≥ 0.95 for every remiss.

Then the import of the real yttranden against their marked stance paragraphs (benchmarks/realdocs_import.py):
recall of the marked position paragraphs, stance agreement, sections recorded, provenance right per document and
per field, and the snippets stored when every file is imported alone against all into one corpus (nothing lost).

    .venv/bin/python benchmarks/realdocs.py [--held-out /work/devdocs/holdout] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from remiss_truth import Score, Truth, held_out_truths, load_truths, score

from remissdraft.remiss import read_remiss

FIELDS = ("title", "dnr", "sender", "deadline")


def table(label: str, truths: list[Truth], verbose: bool) -> list[Score]:
    print(f"\n{label}")
    print(f"{'remiss':58} {'true':>4} {'found':>5} {'match':>5} {'prec':>5} {'rec':>5} {'F1':>5} {'lvl':>4}  title dnr sender deadline")
    scores = []
    for truth in truths:
        if not truth.path.is_file():
            print(f"{truth.name[:58]:58} (saknas: {truth.path})")
            continue
        remiss = read_remiss([truth.path])
        result = score(truth, remiss)
        scores.append(result)
        marks = "  ".join("ok" if result.fields[f] else "FEL" for f in FIELDS)
        print(
            f"{truth.name[:58]:58} {result.true:4} {result.found:5} {result.matched:5} "
            f"{result.precision:5.2f} {result.recall:5.2f} {result.f1:5.2f} {result.levels / max(result.matched, 1):4.2f}  {marks}"
        )
        if verbose:
            for field in FIELDS:
                if not result.fields[field]:
                    print(f"    {field}: {getattr(remiss, field)!r} (sant: {getattr(truth, field)!r})")
            for number, title in result.missed:
                print(f"    saknas: {number} {title}")
            for number, title in result.extra:
                print(f"    extra:  {number} {title}")
    if scores:
        true, found, matched = (sum(getattr(s, k) for s in scores) for k in ("true", "found", "matched"))
        total = Score(true, found, matched, levels=sum(s.levels for s in scores))
        right = {f: sum(s.fields[f] for s in scores) for f in FIELDS}
        print(
            f"{'total':58} {true:4} {found:5} {matched:5} {total.precision:5.2f} {total.recall:5.2f} {total.f1:5.2f} "
            f"{total.levels / max(matched, 1):4.2f}  "
            + "  ".join(f"{right[f]}/{len(scores)}" for f in FIELDS)
        )
        print(f"{'lowest F1':58} {'':4} {'':5} {'':5} {'':5} {'':5} {min(s.f1 for s in scores):5.2f}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", type=Path, help="folder with truth/*.yaml and the documents they name")
    parser.add_argument("--verbose", action="store_true", help="list wrong fields, missed and extra headings, missed paragraphs")
    parser.add_argument("--sections-only", action="store_true", help="only the remisser's sections and metadata")
    args = parser.parse_args()
    table("Development set (tests/data/remiss_truth)", load_truths(), args.verbose)
    if args.held_out:
        table(f"Held-out set ({args.held_out})", held_out_truths(args.held_out), args.verbose)
    if not args.sections_only:
        import realdocs_import

        print("\nImport of the real yttranden (tests/data/stance_marks)")
        realdocs_import.report(show=args.verbose)


if __name__ == "__main__":
    main()
