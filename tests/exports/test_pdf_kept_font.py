"""The Japanese font's parse kept between runs: the same font as a fresh parse, the same PDF byte for byte,
and a damaged or foreign kept file never used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from anzen.exports import pdf_kept_font
from anzen.exports.pdf_kept_font import load_font

IPAEX = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"  # fonts-ipaexfont (.ci/run installs it)
TEXT = "安全管理措置等の履行状況報告書（令和8年）ABC abc 123"


def _kept_files(cache: Path) -> list[Path]:
    return sorted((cache / "fonts").glob("*.pickle"))


def _same_font(kept, fresh) -> None:
    assert set(vars(kept)) == set(vars(fresh))
    kept_face, fresh_face = vars(kept.face), vars(fresh.face)
    assert set(kept_face) == set(fresh_face)
    assert {k: v for k, v in kept_face.items() if k != "_pdfScale"} == {k: v for k, v in fresh_face.items() if k != "_pdfScale"}
    assert [kept.face._pdfScale(v) for v in (0, 1, 977, 2048)] == [fresh.face._pdfScale(v) for v in (0, 1, 977, 2048)]
    assert kept.stringWidth(TEXT, 9.5) == fresh.stringWidth(TEXT, 9.5)
    subset = sorted({ord(ch) for ch in TEXT})
    assert kept.face.makeSubset(subset) == fresh.face.makeSubset(subset)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ANZEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_second_load_reads_the_kept_parse_and_gives_the_same_font(cache, monkeypatch):
    fresh = load_font("KeptTest", IPAEX, 0)
    [kept_file] = _kept_files(cache)
    assert kept_file.stat().st_mode & 0o777 == 0o600
    assert kept_file.stat().st_size < os.path.getsize(IPAEX) / 4  # the parse, not the font's bytes

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(pdf_kept_font.TTFont, "__init__", no_parse)
    _same_font(load_font("KeptTest", IPAEX, 0), fresh)


def test_a_damaged_kept_file_is_parsed_again_and_replaced(cache):
    fresh = load_font("KeptTest", IPAEX, 0)
    [kept_file] = _kept_files(cache)
    kept_file.write_bytes(b"\x80\x05damaged")
    _same_font(load_font("KeptTest", IPAEX, 0), fresh)
    assert kept_file.stat().st_size > 1000  # written again


def test_a_kept_file_others_may_write_is_not_read(cache, monkeypatch):
    load_font("KeptTest", IPAEX, 0)
    [kept_file] = _kept_files(cache)
    kept_file.chmod(0o666)
    parsed = []
    original = pdf_kept_font.TTFont.__init__
    monkeypatch.setattr(pdf_kept_font.TTFont, "__init__", lambda self, *a, **k: (parsed.append(a), original(self, *a, **k))[1])
    load_font("KeptTest", IPAEX, 0)
    assert parsed  # a pickle is code: only the user's own file is read


def test_another_font_file_at_the_same_path_is_not_taken_for_the_kept_one(cache, tmp_path):
    font = tmp_path / "font.ttf"
    font.write_bytes(Path(IPAEX).read_bytes())
    load_font("KeptTest", str(font), 0)
    os.utime(font, ns=(1, 1))  # a new version of the file
    load_font("KeptTest", str(font), 0)
    assert len(_kept_files(cache)) == 2


RENDER = """
import sys
sys.path.insert(0, {tests!r})
from exports_testing import WAKAYAMA, fill
from anzen.build import load_plan
from anzen.exports import render
sys.stdout.buffer.write(render(fill(load_plan("wakayama-safety-report"), WAKAYAMA), "pdf"))
"""


def test_a_pdf_made_with_the_kept_font_is_byte_for_byte_the_one_made_with_a_fresh_parse(tmp_path):
    script = RENDER.format(tests=str(Path(__file__).parent))

    def pdf(cache: str) -> bytes:
        env = {**os.environ, "ANZEN_CACHE_DIR": cache, "ANZEN_PDF_FONT": IPAEX}
        return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout

    cache = str(tmp_path / "cache")
    fresh = pdf("")  # no cache: parsed
    first = pdf(cache)  # parsed, then kept
    assert _kept_files(Path(cache))
    kept = pdf(cache)  # read from the kept parse
    assert fresh[:5] == b"%PDF-" and first == fresh and kept == fresh
