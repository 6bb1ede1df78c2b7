"""Text laid out for the terminal in line mode: widths in cells, lines broken with the kinsoku rules."""

import io

import pytest

from anzen.cli import interview as line_module
from anzen.cli.interview import LineInterview
from anzen.cli.terminal import broken, cells, width_of
from anzen.linebreak import NO_START

EXPLANATION = (
    "  （説明）個人情報の取扱いに関する特記事項（第7条）に基づき、受託者は、委託された業務の処理のために"
    "個人情報を複製し、又は複写してはならない。ただし、あらかじめ発注者の承諾を得た場合はこの限りでない。"
)


@pytest.mark.parametrize(
    ("text", "width"),
    [("abc", 3), ("個人情報", 8), ("ｶﾀｶﾅ", 4), ("第7条（説明）", 13), ("e\u0301", 1), ("a\u200bb", 2), ("", 0)],
)
def test_cells_count_wide_characters_twice_and_marks_not_at_all(text, width):
    assert cells(text) == width


@pytest.mark.parametrize("width", [30, 41, 60, 80])
def test_broken_lines_fit_keep_every_character_and_obey_kinsoku(width):
    lines = broken(EXPLANATION, width).split("\n")
    assert len(lines) > 1
    assert all(cells(line) <= width - 1 for line in lines)
    assert all(line.startswith("  ") for line in lines)  # the continuation keeps the line's indent
    assert all(line.lstrip(" ")[0] not in NO_START for line in lines)
    assert "".join(line.strip() for line in lines) == EXPLANATION.strip()


def test_short_lines_and_line_ends_are_left_alone():
    text = "はい\n\n  いいえ"
    assert broken(text, 80) == text


def test_a_file_or_a_pipe_has_no_width():
    assert width_of(io.StringIO()) is None
    closed = io.StringIO()
    closed.close()
    assert width_of(closed) is None


def test_line_mode_breaks_its_texts_in_a_terminal_and_keeps_them_whole_in_a_pipe(monkeypatch, capsys):
    line = LineInterview(interview=None, lang="ja")  # say() needs no interview
    monkeypatch.setattr(line_module, "width_of", lambda stream: 40)
    line.say(EXPLANATION)
    shown = capsys.readouterr().out.rstrip("\n").split("\n")
    assert len(shown) > 2 and all(cells(part) <= 39 for part in shown)

    monkeypatch.setattr(line_module, "width_of", lambda stream: None)
    line.say(EXPLANATION + "\x1b[31m")
    assert capsys.readouterr().out == EXPLANATION + "?[31m\n"  # whole, and no escape sequence reaches the terminal
