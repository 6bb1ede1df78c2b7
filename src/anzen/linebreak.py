"""Line breaking for mixed Japanese and Latin text (pure: the caller measures).

Japanese may break between any two characters, Latin words only at spaces, and the kinsoku rules of
JIS X 4051 hold: closing brackets, 、。, small kana, ー and the like never start a line, opening brackets
never end one: they travel with their neighbour to the next line (追い出し), except 、。 at a line's end,
which may hang past it (ぶら下げ) as in most Japanese print. A word or a glued run wider than the whole
line is cut where it must be."""

from __future__ import annotations

from collections.abc import Callable

# JIS X 4051: characters that may not start a line (行頭禁則) / may not end one (行末禁則)
NO_START = frozenset(
    "、。，．,.：:；;？?！!・･゛゜ヽヾゝゞ々〻ーｰ―‐゠–〜～…‥"
    "）)］]｝}」』】〕〉》〙〗〟’”｠»｣"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ"
    "％%‰℃°′″"
)
NO_END = frozenset("（(［[｛{「『【〔〈《〘〖〝‘“｟«｢￥＄$£＃#№")
HANGING = frozenset("、。，．")  # may hang past the line's end (ぶら下げ): their ink is in their left half

Measure = Callable[[str], float]


def _ideographic(ch: str) -> bool:
    """A character after which a line may break: kana, kanji, full-width forms, Japanese punctuation."""
    code = ord(ch)
    return code >= 0x2E80 or 0x2460 <= code <= 0x27BF or ch in "…‥※―"


def _pieces(line: str) -> list[str]:
    """The unbreakable pieces of one line: a Latin word, one ideographic character, or a run of spaces
    (" "), with kinsoku characters glued to the piece they must stay with."""
    pieces: list[str] = []
    word = ""
    for ch in line:
        if ch == " " or ch == "\t":
            if word:
                pieces.append(word)
                word = ""
            if not pieces or pieces[-1] != " ":
                pieces.append(" ")
        elif _ideographic(ch):
            if word:
                pieces.append(word)
                word = ""
            pieces.append(ch)
        else:
            word += ch
    if word:
        pieces.append(word)
    glued: list[str] = []
    for piece in pieces:
        if glued and piece != " " and glued[-1] != " " and (piece[0] in NO_START or glued[-1][-1] in NO_END):
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


def _cut(piece: str, room: float, width: float, measure: Measure) -> list[str]:
    """A piece wider than a line, cut into runs: the first fits in `room`, the others in `width` (one
    character at least each, so that a glyph wider than the line still moves on)."""
    runs, run, used, limit = [], "", 0.0, room
    for ch in piece:
        w = measure(ch)
        if run and used + w > limit:
            runs.append(run)
            run, used, limit = "", 0.0, width
        run += ch
        used += w
    runs.append(run)
    return runs


def break_lines(text: str, width: float, measure: Measure, first_indent: float = 0.0) -> list[str]:
    """`text` as lines no wider than `width` (by `measure`); its own line breaks are kept, empty lines too.
    The first line is `first_indent` narrower. Spaces at a break are dropped."""
    out: list[str] = []
    indent = first_indent
    space_w = measure(" ")
    for paragraph in text.splitlines():
        line, used, pending = "", 0.0, False
        room = width - indent
        indent = 0.0
        for piece in _pieces(paragraph):
            if piece == " ":
                pending = bool(line)
                continue
            w = measure(piece)
            gap = space_w if pending else 0.0
            if used + gap + w <= room or (piece[-1] in HANGING and used + gap + w - measure(piece[-1]) <= room):
                line += (" " if pending else "") + piece
                used += gap + w
            elif w <= width:
                if line:
                    out.append(line)
                line, used, room = piece, w, width
            else:  # wider than any line: cut it, starting on this line when its first character fits there
                if line and used + gap + measure(piece[0]) > room:
                    out.append(line)
                    line, used, gap, room = "", 0.0, 0.0, width
                runs = _cut(piece, room - used - gap, width, measure)
                line += (" " if line and pending else "") + runs[0]
                for run in runs[1:]:
                    out.append(line)
                    line, room = run, width
                used = measure(line)
            pending = False
        out.append(line)
    return out
