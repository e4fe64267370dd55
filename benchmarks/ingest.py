"""Time `remissdraft sections` on a ~100-page PDF against `pdftotext` on the same file.

Builds the PDF by joining the real planbeskrivningar in ../shared/realdocs (118 pages); without that folder it
repeats the fixture PDFs. Prints the median of several runs and the ratio (target: ≤ 3×).

    .venv/bin/python benchmarks/ingest.py [--runs 5]
"""

from __future__ import annotations

import argparse
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


def build_pdf(target: Path, pages_wanted: int = 100) -> int:
    sources = sorted(REALDOCS.glob("marks_*.pdf")) if REALDOCS.is_dir() else []
    sources = sources or sorted((ROOT / "tests" / "fixtures").glob("*_styles.pdf"))
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages_wanted:
        for source in sources:
            merged.import_pages(pdfium.PdfDocument(str(source)))
    merged.save(str(target))
    return len(merged)


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext saknas (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "remiss-100.pdf"
        pages = build_pdf(pdf)
        remissdraft = str(Path(sys.executable).with_name("remissdraft"))
        ours = timed([remissdraft, "sections", "--json", str(pdf)], args.runs)
        reference = timed(["pdftotext", str(pdf), "-"], args.runs)

        from remissdraft.remiss import read_remiss

        in_process = []
        for _ in range(args.runs):
            start = time.perf_counter()
            remiss = read_remiss([pdf])
            in_process.append(time.perf_counter() - start)
        sections = sum(1 for _ in remiss.walk())
    print(f"PDF: {pages} sidor, {sections} avsnitt hittade")
    print(f"remissdraft sections (hela kommandot): {ours * 1000:7.0f} ms")
    print(f"  varav inläsning i processen:         {statistics.median(in_process) * 1000:7.0f} ms")
    print(f"pdftotext:                             {reference * 1000:7.0f} ms")
    print(f"kvot: {ours / reference:.2f}× (mål ≤ 3×)")


if __name__ == "__main__":
    main()
