"""Line breaking for mixed Japanese and Latin text (pure: the caller measures).

Japanese may break between any two characters, Latin words only at spaces, and the kinsoku rules of
JIS X 4051 hold: closing brackets, 、。, small kana, ー and the like never start a line, opening brackets
never end one: they travel with their neighbour to the next line (追い出し), except 、。 at a line's end,
which may hang past it (ぶら下げ) as in most Japanese print. A word or a glued run wider than the whole
line is cut where it must be."""

from __future__ import annotations

from collections.abc import Callable
from unicodedata import combining

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
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines() breaks at


def _ideographic(ch: str) -> bool:
    """A character after which a line may break: kana, kanji, full-width forms, Japanese punctuation."""
    code = ord(ch)
    return code >= 0x2E80 or 0x2460 <= code <= 0x27BF or ch in "…‥※―"


def _continues(ch: str, before: str) -> bool:
    """A character that belongs to the one before it (a combining mark, a variation selector, an emoji's skin
    tone or what a zero-width joiner joins): never a line's first."""
    code = ord(ch)
    return (before == "\u200d" or code == 0x200D or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF
            or 0xE0100 <= code <= 0xE01EF or (code >= 0x300 and combining(ch) != 0))


def _pieces(line: str) -> list[tuple[int, int]]:
    """The unbreakable pieces of one line as (start, end) offsets: a Latin word or one ideographic character,
    with kinsoku characters glued to the piece they must stay with. Spaces between pieces are left out."""
    pieces: list[list[int]] = []
    word = -1  # where the Latin word being read began
    spaced = True  # a space (or the line's start) came before the next piece
    for i, ch in enumerate(line):
        if i and _continues(ch, line[i - 1]) and (word >= 0 or (pieces and pieces[-1][1] == i)):
            if word < 0:
                pieces[-1][1] = i + 1
            continue
        if ch == " " or ch == "\t":
            if word >= 0:
                pieces.append([word, i, spaced])
                word = -1
            spaced = True
            continue
        if _ideographic(ch):
            if word >= 0:
                pieces.append([word, i, spaced])
                word, spaced = -1, False
            pieces.append([i, i + 1, spaced])
            spaced = False
        elif word < 0:
            word = i
    if word >= 0:
        pieces.append([word, len(line), spaced])
    glued: list[tuple[int, int]] = []
    for start, end, after_space in pieces:
        if glued and not after_space and (line[start] in NO_START or line[glued[-1][1] - 1] in NO_END):
            glued[-1] = (glued[-1][0], end)
        else:
            glued.append((start, end))
    return glued


def _cut(line: str, start: int, end: int, room: float, width: float, measure: Measure) -> list[int]:
    """Where to cut a piece wider than a line: the first run fits in `room`, the others in `width` (one
    character at least each, so that a glyph wider than the line still moves on). A cut goes between a
    character and what belongs to it (a mark, a joined part) only where that cluster alone is wider than
    a line: text joined without end (a hostile answer) still stays inside the page."""
    cuts, used, limit = [], 0.0, room
    run = boundary = start  # where this line's part begins; the last place in it between two clusters
    for i in range(start, end):
        w = measure(line[i])
        joined = i > start and _continues(line[i], line[i - 1])
        if i > start and not joined:
            boundary = i
        if i > run and used + w > limit:
            cut = boundary if joined and boundary > run else i  # before its cluster, or inside one wider than a line
            cuts.append(cut)
            run, used, limit = cut, measure(line[cut:i]), width
        used += w
    return cuts


def _cluster_end(line: str, start: int, end: int) -> int:
    """Where the character at `start` and what belongs to it end."""
    i = start + 1
    while i < end and _continues(line[i], line[i - 1]):
        i += 1
    return i


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each of the text's own lines, as str.splitlines() finds them."""
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        ending = 2 if line.endswith("\r\n") else 1 if line[-1] in _BREAKS else 0
        spans.append((at, at + len(line) - ending))
        at += len(line)
    return spans


def line_spans(text: str, width: float, measure: Measure, first_indent: float = 0.0, hanging: bool = True) -> list[tuple[int, int]]:
    """Where each line of `text` begins and ends (offsets into it) when no line may be wider than `width`
    (by `measure`): its own line breaks kept, empty lines too; the first line `first_indent` narrower; spaces
    at a break belong to no line (a paragraph's leading ones stay). `hanging`: 、。 may end a line past its
    width (print has margins; a terminal cell does not)."""
    out: list[tuple[int, int]] = []
    room = width - first_indent
    for p_start, p_end in _paragraphs(text):
        line = text[p_start:p_end]
        begin, end, used = -1, -1, 0.0  # the line being filled: offsets into `line`, its width
        indent = len(line) - len(line.lstrip(" \t"))
        if indent < len(line) and indent and measure(line[:indent]) < room:  # its own indentation stays (if it fits)
            begin, end, used = 0, indent, measure(line[:indent])
        for start, stop in _pieces(line):
            w = measure(line[start:stop])
            gap = measure(line[end:start]) if begin >= 0 else 0.0
            fits = used + gap + w <= room or (hanging and line[stop - 1] in HANGING and used + gap + w - measure(line[stop - 1]) <= room)
            if fits:
                begin, end, used = (start if begin < 0 else begin), stop, used + gap + w
                continue
            if w > width:  # wider than any line: cut it, starting on this line when its first character (cluster) fits there
                if begin >= 0 and used + gap + measure(line[start:_cluster_end(line, start, stop)]) > room:
                    out.append((p_start + begin, p_start + end))
                    begin, used, gap, room = -1, 0.0, 0.0, width
                cuts = _cut(line, start, stop, room - used - gap, width, measure)
                first = start if begin < 0 else begin
                for cut in cuts:
                    out.append((p_start + first, p_start + cut))
                    first, room = cut, width
                begin, end, used = first, stop, measure(line[first:stop])
                continue
            if begin >= 0:
                out.append((p_start + begin, p_start + end))
            begin, end, used, room = start, stop, w, width
        out.append((p_start + begin, p_start + end) if begin >= 0 else (p_start, p_start))
        room = width
    return out or [(0, 0)]


def break_lines(text: str, width: float, measure: Measure, first_indent: float = 0.0, hanging: bool = True) -> list[str]:
    """`text` as lines no wider than `width`: see line_spans."""
    if not text:
        return []
    return [text[start:end] for start, end in line_spans(text, width, measure, first_indent, hanging)]
