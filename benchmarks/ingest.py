"""Time `remissdraft sections` on a ~100-page PDF against `pdftotext` on the same file, and check that a
1000-page PDF is read page by page (peak memory against the file's size).

Builds the PDFs by joining the real planbeskrivningar in ../shared/realdocs (118 pages); without that folder it
repeats the fixture PDFs. Prints the median of several runs and the ratio (target: ≤ 3×).

    .venv/bin/python benchmarks/ingest.py [--runs 5]
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


def build_pdf(target: Path, pages_wanted: int = 100) -> int:
    sources = sorted(REALDOCS.glob("marks_*.pdf")) if REALDOCS.is_dir() else []
    sources = sources or sorted((ROOT / "tests" / "fixtures").glob("*_styles.pdf"))
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages_wanted:
        for source in sources:
            merged.import_pages(pdfium.PdfDocument(str(source)))
    merged.save(str(target))
    return len(merged)


def peak_memory_mb(command: list[str]) -> float:
    """Peak resident memory of a command, in MB (run in a child so earlier runs do not count)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    return int(result.stdout) / 1024


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
    parser.add_argument("--large", action="store_true", help="läs också en PDF på 1000 sidor och mät minnet")
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
    if args.large:
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "remiss-1000.pdf"
            pages = build_pdf(pdf, 1000)
            start = time.perf_counter()
            memory = peak_memory_mb([remissdraft, "sections", "--json", str(pdf)])
            seconds = time.perf_counter() - start
            reference_memory = peak_memory_mb(["pdftotext", str(pdf), "-"])
            size = pdf.stat().st_size / 1e6
        print(f"{pages} sidor ({size:.0f} MB): {seconds:.1f} s, högsta minne {memory:.0f} MB (pdftotext {reference_memory:.0f} MB)")


if __name__ == "__main__":
    main()
