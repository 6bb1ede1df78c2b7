"""Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdftoppm), as a user's viewer would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def squash(text: str) -> str:
    """Text without white space: a table cell wraps wherever its width ends."""
    return re.sub(r"\s+", "", text)


def write(tmp_path: Path, data: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pages_text(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return out.split("\f")


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts as rows: name, type, emb."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def gray_page(path: Path, tmp_path: Path, page: int = 1, dpi: int = 50) -> tuple[int, int, bytes]:
    """Render one page to an 8-bit grey PGM (P5) and return width, height and the pixels."""
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path), str(stem)], check=True)
    data = (tmp_path / f"page{page}.pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, "not a binary PGM"
    width, height = int(match[1]), int(match[2])
    pixels = data[match.end():]
    assert len(pixels) == width * height
    return width, height, pixels


def darkness(image: tuple[int, int, bytes], x0: float, x1: float, y0: float, y1: float) -> float:
    """Share of dark pixels in a region given in fractions of the page."""
    width, height, pixels = image
    xs = range(int(x0 * width), int(x1 * width))
    ys = range(int(y0 * height), int(y1 * height))
    dark = sum(1 for y in ys for x in xs if pixels[y * width + x] < 128)
    return dark / (len(xs) * len(ys))
