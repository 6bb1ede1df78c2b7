"""A TrueType font as reportlab parsed it, kept between runs in the cache folder of the plans.

Reportlab parses a font whole when it is registered, one table entry at a time: IPAex Gothic (6 MB, ~44,000
entries) took ~90 ms in every process that wrote a PDF, more than drawing the Wakayama report. What the parse
found (the face's tables, metrics and character map) is pickled once; the font's bytes are never copied, they
are read from the font file itself, as reportlab reads them.

A kept parse is used only when it was written by the same format, reportlab and Python for the same file,
subfont, size and modification time, and (a pickle is code) only from a file and folder that are the user's
own (plan_cache's rules). Anything else, or anything unexpected in reportlab's objects, and the font is parsed
as usual; errors of the cache are never shown. A test keeps a PDF made with a kept font byte for byte the
same as one made with a freshly parsed font."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from anzen.plan_cache import cache_dir, fingerprint, open_own, write_own

FORMAT = 1
# what TTFont.__init__ sets: anything else (another reportlab) and no font is kept
_FONT_FIELDS = frozenset({"fontName", "face", "encoding", "state", "_asciiReadable", "_shapable"})
_NOT_KEPT = ("_ttf_data", "_pdfScale")  # the font's bytes (read from the file) and a function (made again)


def load_font(name: str, path: str, index: int) -> TTFont:
    """`TTFont(name, path, subfontIndex=index)`, from the kept parse when there is a usable one."""
    cache = _cache_file(path, index)
    if cache is not None:
        font = _read(cache, name, path)
        if font is not None:
            return font
    font = TTFont(name, path, subfontIndex=index)
    if cache is not None:
        _write(cache, font, path)
    return font


def _cache_file(path: str, index: int) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    key = fingerprint(FORMAT, reportlab.Version, sys.version, os.path.realpath(path), index, info.st_size, info.st_mtime_ns)
    return folder / "fonts" / f"{Path(path).stem[:40]}-{key}.pickle"


def _scale(units_per_em: int) -> Any:
    """Glyph units to PDF's thousandths of an em, as reportlab's parser makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _read(cache: Path, name: str, path: str) -> TTFont | None:
    try:
        handle, _ = open_own(cache)
        with handle:
            kept = pickle.load(handle)
        if not isinstance(kept, dict) or kept.get("format") != FORMAT:
            return None
        with open(path, "rb") as font_file:
            data = font_file.read()
        face = TTFontFace.__new__(TTFontFace)
        vars(face).update(kept["face"])
        face._ttf_data, face._pdfScale = data, _scale(face.unitsPerEm)
        font = TTFont.__new__(TTFont)
        vars(font).update(kept["font"])
        font.fontName, font.face, font.state = name, face, WeakKeyDictionary()
        return font
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign file: the font is parsed
        return None


def _write(cache: Path, font: TTFont, path: str) -> None:
    try:
        kept = _state(font, path)
    except Exception:  # noqa: BLE001 - reportlab's objects not as expected: nothing kept, parsed next time
        return
    if kept is not None:
        write_own(cache, lambda handle: pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL))


def _state(font: TTFont, path: str) -> dict[str, Any] | None:
    """What a fresh parse found, to keep; None when this reportlab's objects are not what _read rebuilds."""
    face = vars(font.face)
    if set(vars(font)) != _FONT_FIELDS or any(f not in face for f in (*_NOT_KEPT, "unitsPerEm")):
        return None
    if face["_pdfScale"](1234) != _scale(face["unitsPerEm"])(1234):
        return None
    with open(path, "rb") as font_file:
        if font_file.read() != face["_ttf_data"]:  # (a file changed since, or read otherwise)
            return None
    return {"format": FORMAT, "face": {k: v for k, v in face.items() if k not in _NOT_KEPT},
            "font": {k: v for k, v in vars(font).items() if k not in ("face", "state")}}
