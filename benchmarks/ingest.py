"""Time `remissdraft sections` (the tree, as a user runs it) on each real PDF of ../shared/realdocs on its own (the 1-page remissvar
included) against `pdftotext` on the same file, and on one long document made by joining the planbeskrivningar
until it passes 1000 pages (reported by its true page count, with peak memory against pdftotext's). Without
../shared/realdocs it says so and uses the fixture PDFs instead. The scanned PDF (no text layer) is left out of the
ratios: it is refused in one line, which is timed apart.

Each figure is a whole process; ours and pdftotext in turn (A B A B), medians of the runs. Target: ≤ 3× per file, on
the wall-clock figures. The processor time of each (user + system, from the children's rusage) is shown beside them:
on a machine shared with other work it moves less than wall-clock time does, and both programs use one core.

    .venv/bin/python benchmarks/ingest.py [--runs 5] [--no-large]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
FIXTURES = ROOT / "tests" / "fixtures"


def pages(path: Path) -> int:
    return len(pdfium.PdfDocument(str(path)))


def build_pdf(target: Path, sources: list[Path], pages_wanted: int) -> int:
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages_wanted:
        for source in sources:
            merged.import_pages(pdfium.PdfDocument(str(source)))
    merged.save(str(target))
    return len(merged)


def seconds(command: list[str]) -> tuple[float, float]:
    """Wall-clock and processor seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_memory_mb(command: list[str]) -> float:
    """Peak resident memory of a command, in MB (run in a child so earlier runs do not count)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    return int(result.stdout) / 1024


def compare(path: Path, runs: int, remissdraft: str) -> tuple[float, float, float, float]:
    """Medians: our wall-clock seconds, pdftotext's, our processor seconds, pdftotext's."""
    ours, theirs = [], []
    for _ in range(runs):  # A B A B
        ours.append(seconds([remissdraft, "sections", str(path)]))
        theirs.append(seconds(["pdftotext", str(path), "-"]))
    return (statistics.median(w for w, _ in ours), statistics.median(w for w, _ in theirs),
            statistics.median(c for _, c in ours), statistics.median(c for _, c in theirs))


def main() -> None:
    from bytecode import compile_package

    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-large", action="store_true", help="lämna bort dokumentet på över 1000 sidor")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext saknas (apt-get install poppler-utils)")
    remissdraft = str(Path(sys.executable).with_name("remissdraft"))
    if REALDOCS.is_dir():
        files = sorted(REALDOCS.glob("*.pdf"))
        print(f"PDF-filerna i {REALDOCS} (var och en för sig):")
    else:
        files = sorted(FIXTURES.glob("*_styles.pdf")) + sorted(FIXTURES.glob("*_bold.pdf"))
        print(f"{REALDOCS} saknas – fixturernas PDF-filer används i stället:")
    print("| fil | sidor | remissdraft sections | pdftotext | kvot | mål ≤ 3× | processortid: remissdraft / pdftotext (kvot) |")
    print("|---|---|---|---|---|---|---|")
    readable = []
    for path in files:
        count = pages(path)
        ours, theirs, our_cpu, their_cpu = compare(path, args.runs, remissdraft)
        scanned = "scanned" in path.name
        verdict = "– (skannad: avvisas med en rad)" if scanned else ("uppfyllt" if ours <= 3 * theirs else "EJ uppfyllt")
        cpu = f"{our_cpu * 1000:.0f} / {their_cpu * 1000:.0f} ms ({our_cpu / max(their_cpu, 1e-3):.1f}×)"
        print(f"| {path.name} | {count} | {ours * 1000:.0f} ms | {theirs * 1000:.0f} ms | {ours / theirs:.1f}× | {verdict} | {cpu} |")
        if not scanned:
            readable.append(path)
    if not args.no_large and readable:
        sources = [path for path in readable if pages(path) > 5] or readable
        with tempfile.TemporaryDirectory() as folder:
            big = Path(folder) / "lang.pdf"
            count = build_pdf(big, sources, 1000)
            ours, theirs, our_cpu, their_cpu = compare(big, max(1, args.runs // 2), remissdraft)
            memory = peak_memory_mb([remissdraft, "sections", str(big)])
            reference = peak_memory_mb(["pdftotext", str(big), "-"])
            size = big.stat().st_size / 1e6
        print(f"| ihopfogad ({size:.0f} MB) | {count} | {ours:.2f} s | {theirs:.2f} s | {ours / theirs:.1f}× | "
              f"{'uppfyllt' if ours <= 3 * theirs else 'EJ uppfyllt'} | {our_cpu:.2f} / {their_cpu:.2f} s ({our_cpu / their_cpu:.1f}×) |")
        print(f"högsta minne för {count} sidor: remissdraft {memory:.0f} MB, pdftotext {reference:.0f} MB")
    print(f"(medianer av {args.runs} körningar, hela processer, remissdraft och pdftotext i tur och ordning)")


if __name__ == "__main__":
    main()
