"""Finding a Japanese TrueType font to embed in PDF reports (a subset of it, so that the PDF reads on a
machine without Japanese fonts). Never downloads: a configured path, then the usual system places, then
reportlab's CID font HeiseiKakuGo-W5 with a warning (not embedded; the viewer must supply the glyphs)."""

from __future__ import annotations

import os
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

from anzen.errors import Failure

ENV = "ANZEN_PDF_FONT"
CID_FALLBACK = "HeiseiKakuGo-W5"
SAMPLE = "安全管理措置報告書確認欄要対応"  # glyphs a usable font must have

# (path, subfont index for .ttc). TrueType outlines only: reportlab cannot embed CFF (.otf, Noto CJK, Hiragino).
_WINDOWS = os.environ.get("WINDIR", r"C:\Windows")
CANDIDATES: tuple[tuple[str, int], ...] = (
    # Debian / Ubuntu (fonts-ipaexfont, fonts-ipafont, fonts-vlgothic, fonts-takao) and the alternatives link
    ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
    ("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf", 0),
    ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
    ("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf", 0),
    ("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", 0),
    ("/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf", 0),
    ("/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf", 0),
    # Fedora / RHEL
    ("/usr/share/fonts/ipa-gothic/ipag.ttf", 0),
    ("/usr/share/fonts/ipaexfont-gothic/ipaexg.ttf", 0),
    ("/usr/share/fonts/vlgothic/VL-Gothic-Regular.ttf", 0),
    # Windows
    (os.path.join(_WINDOWS, "Fonts", "msgothic.ttc"), 0),
    (os.path.join(_WINDOWS, "Fonts", "meiryo.ttc"), 0),
    (os.path.join(_WINDOWS, "Fonts", "YuGothR.ttc"), 0),
    (os.path.join(_WINDOWS, "Fonts", "BIZ-UDGothicR.ttc"), 0),
    # macOS: Hiragino is CFF in most releases (tried, skipped when unusable); user-installed IPAex
    ("/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", 0),
    ("/Library/Fonts/ipaexg.ttf", 0),
    ("~/Library/Fonts/ipaexg.ttf", 0),
    # fonts installed by the user on Linux
    ("~/.local/share/fonts/ipaexg.ttf", 0),
    ("~/.fonts/ipaexg.ttf", 0),
)


class FontError(Failure):
    """A configured font cannot be used; the message names the path and why (in both languages)."""


@dataclass(frozen=True)
class FontChoice:
    name: str  # the reportlab font name to draw with
    path: str | None  # None for the CID fallback
    embedded: bool


def _spec(path: str) -> tuple[str, int]:
    """'font.ttc:2' → (font.ttc, 2): a subfont of a collection."""
    head, sep, tail = path.rpartition(":")
    if sep and tail.isdigit() and head.lower().endswith(".ttc"):
        return head, int(tail)
    return path, 0


def _register(path: str, index: int) -> str:
    """Register a TrueType font with reportlab; FontError when it cannot be embedded or lacks Japanese."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from anzen.exports.pdf_kept_font import load_font

    name = f"AnzenJP-{zlib.crc32(f'{path}:{index}'.encode()):08x}"  # stable: the same font, the same name
    try:
        pdfmetrics.getFont(name)
        return name
    except KeyError:
        pass
    try:
        font = load_font(name, path, index)  # parsed once, then kept between runs
    except TTFError as exc:
        raise FontError(f"{path}: not a usable TrueType font ({exc})", ja=f"{path}: 使える TrueType フォントではありません（{exc}）") from None
    except OSError as exc:
        raise FontError(f"{path}: cannot read: {exc.strerror or exc}", ja=f"{path}: 読み込めません: {exc.strerror or exc}") from None
    missing = [ch for ch in SAMPLE if ord(ch) not in font.face.charToGlyph]
    if missing:
        raise FontError(f"{path}: has no Japanese glyphs (missing {''.join(missing)})", ja=f"{path}: 日本語の字形がありません（{''.join(missing)} がない）")
    pdfmetrics.registerFont(font)
    return name


def _cid() -> FontChoice:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont(CID_FALLBACK)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, None, embedded=False)


class FontWarning(UserWarning):
    """No Japanese TrueType font was found: the PDF relies on the viewer's fonts. str() is the English;
    `ja` the same in Japanese."""

    def __init__(self, en: str, ja: str) -> None:
        super().__init__(en)
        self.ja = ja


def find_font(configured: str | None = None, candidates: tuple[tuple[str, int], ...] | None = None) -> FontChoice:
    """The font for PDF reports: `configured` (option), else $ANZEN_PDF_FONT, else the first usable system font.

    A configured font that cannot be used is an error (the user asked for it); a system font that cannot be
    used is skipped. With none found, the CID fallback and a FontWarning."""
    explicit = configured or os.environ.get(ENV)
    if explicit:
        path, index = _spec(os.path.expanduser(explicit))
        if not Path(path).is_file():
            source = "--pdf-font" if configured else ENV
            raise FontError(f"{path}: no such font file (from {source})", ja=f"{path}: そのフォントのファイルはありません（{source} の指定）")
        return FontChoice(_register(path, index), path, embedded=True)
    for raw, index in CANDIDATES if candidates is None else candidates:
        path = os.path.expanduser(raw)
        if not os.path.isfile(path):
            continue
        try:
            return FontChoice(_register(path, index), path, embedded=True)
        except FontError:
            continue
    warnings.warn(FontWarning(
        f"no Japanese TrueType font found (set {ENV}=/path/to/font.ttf, e.g. IPAex Gothic ipaexg.ttf); "
        f"the PDF uses {CID_FALLBACK}, which is not embedded: viewers without Japanese fonts show blanks",
        f"日本語の TrueType フォントが見つかりません（{ENV}=/path/to/font.ttf を設定してください。例: IPAex ゴシック ipaexg.ttf）。"
        f"PDF は埋め込まない {CID_FALLBACK} を使うため、日本語フォントのない環境では文字が表示されません",
    ), stacklevel=2)
    return _cid()
