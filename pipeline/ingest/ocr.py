"""Optional OCR of image-only PDF pages: pypdfium2 renders the page, the Tesseract binary (Debian
packages tesseract-ocr and tesseract-ocr-vie) reads it with the Vietnamese model. Nothing is downloaded.

Tesseract is asked for its word boxes (TSV), not plain text: it often reads the two columns of a header or
signature block printed side by side as one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …"), and only the
positions tell the columns apart (pdf.py splits such lines at wide gaps as it does for text layers)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from ..model import DoichieuError

OCR_DPI = 300


@dataclass
class OcrWord:
    """A word Tesseract read, with its box in page points (top-down)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """True when a tesseract binary with the Vietnamese ('vie') model is installed."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        listing = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (listing.stdout + listing.stderr).split()


def ocr_page(pdf: pdfium.PdfDocument, index: int, name: str) -> list[list[OcrWord]]:
    """The lines of one page read by Tesseract (lang vie) in its reading order, each as its words."""
    if not ocr_available():
        raise DoichieuError(name, "không có lớp văn bản (bản quét) — cần nhận dạng chữ (OCR) nhưng chưa cài Tesseract "
                                  "tiếng Việt (apt-get install tesseract-ocr tesseract-ocr-vie)")
    page = pdf[index]
    try:
        bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
        array = bitmap.to_numpy()
    finally:
        page.close()
    if array.ndim == 3:
        array = array[:, :, 0]
    with tempfile.TemporaryDirectory(prefix="doichieu-ocr-") as tmp:
        image = Path(tmp) / "page.pgm"
        height, width = array.shape
        image.write_bytes(f"P5 {width} {height} 255\n".encode() + array.astype("uint8").tobytes())
        try:
            result = subprocess.run(["tesseract", str(image), "stdout", "-l", "vie", "--dpi", str(OCR_DPI), "tsv"],
                                    capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.SubprocessError) as error:
            raise DoichieuError(name, f"nhận dạng chữ (OCR) lỗi ở trang {index + 1} ({error})") from None
    if result.returncode != 0:
        raise DoichieuError(name, f"nhận dạng chữ (OCR) lỗi ở trang {index + 1}: {result.stderr.strip()[:200]}")
    return words_by_line(result.stdout)


def words_by_line(tsv: str) -> list[list[OcrWord]]:
    """Tesseract's TSV output -> its lines (block, paragraph, line) in order, each as its words."""
    scale = 72 / OCR_DPI
    lines: dict[tuple[str, str, str], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(cells[k]) for k in range(6, 10))
        word = OcrWord(cells[11].strip(), left * scale, (left + width) * scale, top * scale, (top + height) * scale)
        lines.setdefault((cells[2], cells[3], cells[4]), []).append(word)
    return list(lines.values())
