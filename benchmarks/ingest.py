"""Ingest speed and memory: pages per second on text-layer PDFs (the dev-set PDFs and a generated
300-page letter) and peak memory while reading the 300-page PDF.

    .venv/bin/python benchmarks/ingest.py            # prints a table; --pages N for another size

Peak memory is measured twice: tracemalloc (Python allocations during read) and the process's maximum
resident set size (ru_maxrss, includes pdfium's C allocations) before and after the big read.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import Header, draw_header, draw_paragraphs, letter_paragraphs, new_pdf  # noqa: E402

from pipeline.ingest import read  # noqa: E402

DEVSET_PDF = ROOT.parent / "shared" / "devset" / "pdf"


def pdfium_floor(path: Path) -> float:
    """Seconds pypdfium2 alone needs to load every page and its text (the floor for any reader)."""
    import pypdfium2 as pdfium

    start = time.perf_counter()
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return time.perf_counter() - start


def timed(path: Path, repeat: int = 3) -> tuple[float, int, int]:
    """(best seconds, pages, lines) over `repeat` reads."""
    best = float("inf")
    source = None
    for _ in range(repeat):
        start = time.perf_counter()
        source = read(path)
        best = min(best, time.perf_counter() - start)
    pages = max((line.page or 0) for line in source.lines)
    return best, pages, len(source.lines)


def big_pdf(directory: Path, pages: int) -> Path:
    """A letter of `pages` pages: header block, numbered items, lettered points, dash bullets, page
    numbers at the top, a running footer."""
    path = directory / f"letter-{pages}p.pdf"
    paragraphs = letter_paragraphs(items=1, bullets=4)
    pdf = new_pdf(running_footer="Văn phòng UBND tỉnh")
    pdf.add_page()
    draw_header(pdf, Header())
    draw_paragraphs(pdf, paragraphs[:1])
    while pdf.page_no() < pages:
        draw_paragraphs(pdf, paragraphs[1:-3])
    draw_paragraphs(pdf, paragraphs[-3:])
    pdf.output(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    read(ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt")  # warm up imports and rules
    rows = []
    if DEVSET_PDF.exists():
        for path in sorted(DEVSET_PDF.glob("*.pdf")):
            rows.append((path.name, *timed(path), pdfium_floor(path)))
    else:
        print(f"(dev set PDFs not found at {DEVSET_PDF})")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        path = big_pdf(Path(tmp), args.pages)
        made = time.perf_counter() - start
        rows.append((path.name, *timed(path, repeat=1), pdfium_floor(path)))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        read(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = path.stat().st_size
    print(f"{'file':52} {'pages':>5} {'lines':>6} {'seconds':>8} {'pages/s':>8} {'pdfium-only pages/s':>20}")
    total_pages = total_seconds = 0.0
    for name, seconds, pages, lines, floor in rows:
        total_pages += pages
        total_seconds += seconds
        print(f"{name:52} {pages:5d} {lines:6d} {seconds:8.3f} {pages / seconds:8.1f} {pages / floor:20.1f}")
    print(f"{'all text-layer PDFs':52} {int(total_pages):5d} {'':6} {total_seconds:8.3f} "
          f"{total_pages / total_seconds:8.1f}")
    print(f"\n{args.pages}-page PDF ({size / 1e6:.1f} MB, generated in {made:.1f} s):")
    print(f"  tracemalloc peak during read: {peak / 1e6:.1f} MB")
    print(f"  max RSS before/after read: {rss_before / 1024:.0f} / {rss_after / 1024:.0f} MB")


if __name__ == "__main__":
    main()
