"""Optional OCR of image-only PDF pages: pypdfium2 renders the page, the Tesseract binary (Debian
packages tesseract-ocr and tesseract-ocr-vie) reads it with the Vietnamese model. Nothing is downloaded."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from ..model import DoichieuError

OCR_DPI = 300


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


def ocr_page(pdf: pdfium.PdfDocument, index: int, name: str) -> list[str]:
    """Text lines of one page read by Tesseract (lang vie)."""
    if not ocr_available():
        raise DoichieuError(name, "no text layer (scanned document) — OCR needed, but Tesseract with Vietnamese "
                                  "data is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
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
            result = subprocess.run(["tesseract", str(image), "stdout", "-l", "vie", "--dpi", str(OCR_DPI)],
                                    capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.SubprocessError) as error:
            raise DoichieuError(name, f"OCR failed on page {index + 1} ({error})") from None
    if result.returncode != 0:
        raise DoichieuError(name, f"OCR failed on page {index + 1}: {result.stderr.strip()[:200]}")
    return [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
