"""Line breaking for the PDF: Japanese anywhere but against the kinsoku rules, Latin at spaces, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anzen.linebreak import HANGING, NO_END, NO_START, break_lines, line_spans


def cells(text: str) -> float:
    """A terminal's measure: a Japanese character is two columns, anything else one."""
    return float(sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text))


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("あいうえおかきくけこ", 8, ["あいうえ", "おかきく", "けこ"]),  # Japanese breaks between any two characters
    ("あいうえ。かき", 8, ["あいうえ。", "かき"]),  # 。 may hang past the end (ぶら下げ) rather than start a line
    ("あいうえ、かき", 8, ["あいうえ、", "かき"]),
    ("あいうえ）かき", 8, ["あいう", "え）かき"]),  # ） never starts a line: its neighbour goes with it (追い出し)
    ("あいうっかき", 6, ["あい", "うっか", "き"]),  # nor a small kana
    ("あいう「えお」", 8, ["あいう", "「えお」"]),  # 「 never ends a line
    ("hello world foo", 11, ["hello world", "foo"]),  # Latin at spaces, the space at the break dropped
    ("株式会社Example", 12, ["株式会社", "Example"]),  # a Latin word moves whole
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # a word longer than a line is cut
    ("ab abcdefghij", 6, ["ab abc", "defghi", "j"]),  # ... starting where it stands
    ("a\n\nb", 10, ["a", "", "b"]),  # the text's own line breaks and empty lines are kept
    ("", 10, []),
    ("あいうえおか", 8, ["あいう", "えおか"]),  # with a first-line indent of 2
])
def test_lines(text, width, lines):
    indent = 2.0 if text == "あいうえおか" else 0.0
    assert break_lines(text, width, cells, indent) == lines


def test_a_glued_run_wider_than_a_line_is_still_cut():
    assert break_lines("「」」」」」", 4, cells) == ["「」", "」」", "」」"]


# pieces whose kinsoku characters are always next to a character they may stay with
TOKENS = ["あ", "漢字", "カナ", "あ。", "い、", "う）", "え」", "「お", "（か", "きっ", "ケー", "abc ", "1 ", "\n"]


@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join), st.integers(10, 40), st.booleans())
def test_nothing_is_lost_and_the_rules_hold(text, width, hanging):
    lines = break_lines(text, float(width), cells, hanging=hanging)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")  # only spaces at a break dropped
    assert len(lines) >= text.count("\n")
    for n, line in enumerate(lines):
        over = cells(line) - width
        assert over <= 0 or (hanging and line[-1] in HANGING and over <= cells(line[-1])), line  # too wide only by a hanging 、。
        assert not line or line[0] not in NO_START, (lines[n - 1], line)
        assert not line or line[-1] not in NO_END or n + 1 == len(lines), (line, lines[n + 1])


def test_spans_point_into_the_text_and_keep_its_own_spacing():
    text = "ab  cd\r\nあいう。えお\n\nxyz"
    spans = line_spans(text, 6, cells, hanging=False)
    assert [text[a:b] for a, b in spans] == ["ab  cd", "あい", "う。え", "お", "", "xyz"]  # 。 never hangs in a terminal
    assert line_spans("", 5, cells) == [(0, 0)] and break_lines("", 5, cells) == []
    assert break_lines("  → はい", 20, cells) == ["  → はい"]  # a paragraph's own indentation stays


@pytest.mark.parametrize("cluster", ["か\u3099", "👍🏽", "e\u0301", "👨\u200d👩\u200d👧", "葛\U000E0100"])
def test_a_character_and_what_belongs_to_it_stay_on_one_line(cluster):
    text = "あいう" + cluster * 6
    for width in range(int(cells(cluster)), 16):  # (a cluster wider than the whole line is cut: see below)
        for line in break_lines(text, float(width), cells):
            assert line and not line.startswith(cluster[1:]), (width, line)  # never begins with the mark, tone or joined part
            assert line.count(cluster[0]) * len(cluster) == len(line.replace("あ", "").replace("い", "").replace("う", "")), (width, line)


@pytest.mark.parametrize("text", ["a\u200d" * 300, "👍\u200d" * 100, "株式会社" + "e\u0301" * 200, "x" + "\u0301" * 100, "👨\u200d👩\u200d👧"])
def test_text_joined_without_end_still_stays_inside_the_line(text):
    for width in (2, 3, 10, 41):
        lines = break_lines(text, float(width), cells)
        assert "".join(lines) == text  # nothing lost
        assert all(cells(line) <= width for line in lines), (width, [cells(line) for line in lines])
