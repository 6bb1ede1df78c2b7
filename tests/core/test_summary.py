"""The summary after a fill or an interview: the same lines in colour on a terminal and plain elsewhere."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest
from rich.console import Console
from rich.text import Text

from anzen.cli.summary import print_summary
from anzen.widths import cells
from anzen.engine import Interview
from anzen.plan_cache import load_plan
from anzen.report import build_report

ANSWERS = {"copied_any": "unsure", "contractor": "[bold red]株式会社[/]", "taken_out": "yes", "taken_out_approved": "no"}


def report():
    interview = Interview(load_plan("wakayama-safety-report"), today=date(2026, 10, 1))
    interview.load(ANSWERS)
    return build_report(interview, generated_at=datetime(2026, 10, 1, tzinfo=timezone.utc))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_plain_lines_are_what_the_terminal_shows_without_colour(lang: str, tmp_path) -> None:
    shown = report()
    plain = io.StringIO()
    print_summary(shown, [tmp_path / "r.json"], lang, file=plain)
    terminal = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=400, highlight=False, soft_wrap=True)
    print_summary(shown, [tmp_path / "r.json"], lang, console=terminal)
    coloured = terminal.file.getvalue()
    assert "\x1b[" in coloured
    assert Text.from_ansi(coloured).plain.rstrip("\n") == plain.getvalue().rstrip("\n")
    lines = plain.getvalue().splitlines()
    table = lines[1:6]  # the header and a row per status: the counts right-aligned in one column
    assert len({cells(line) for line in table}) == 1 and all(line[-1].isdigit() for line in table[1:])
    assert any("6-1" in line for line in lines) and lines[-1].endswith("r.json")


def test_a_piped_fill_prints_plain_text_without_loading_rich(tmp_path) -> None:
    (tmp_path / "a.json").write_text('{"copied_any": "unsure"}', encoding="utf-8")
    code = ("import sys; from anzen.cli.main import main; code = main(['fill', 'wakayama-safety-report', '--answers', 'a.json', '--format', 'json', '--out', 'out']);"
            " print('rich loaded:', 'rich' in sys.modules, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "rich loaded: False" in result.stderr
    assert "▲ 要対応" in result.stdout and "\x1b[" not in result.stdout
