"""The result's checklist, drawn line by line by one widget: columns, follow-ups, text as typed."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection

from anzen.tui.screens.result import ResultScreen
from anzen.tui.widgets.checklist_view import NO_WIDTH, STATUS_WIDTH, ChecklistView

from test_tui_walk_wakayama import MIXED
from tui_helpers import make_app, start_with

HOSTILE = "[bold]株式会社[/] [link=https://example.com]x[/link]"


def texts(view: ChecklistView) -> list[str]:
    """What each line shows, as drawn."""
    return [view.render_line(y).text for y in range(len(view.lines()))]


def cells(view: ChecklistView, y: int, start: int, end: int | None = None) -> str:
    """What line y shows from column `start` (columns counted in cells: a kanji takes two)."""
    return view.render_line(y).crop(start, end or view.size.width).text


async def test_the_checklist_is_one_widget_with_its_table_laid_out_in_columns(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_with(pilot, "wakayama-safety-report", {**MIXED, "contractor": HOSTILE})
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        views = list(screen.query(ChecklistView))
        assert len(views) == 2, "the report and the subcontract application"
        assert len(list(screen.walk_children())) < 40, "no widget per row or cell"
        view = views[0]
        lines = texts(view)
        assert any(HOSTILE in line for line in lines), "a respondent's text is shown as typed, never as markup"
        row = next(y for y, line in enumerate(lines) if line[1:].startswith("3-2 "))
        assert cells(view, row, view.size.width - STATUS_WIDTH).startswith("▲ 要対応"), "the status in its column, with its mark"
        assert cells(view, row, 1 + NO_WIDTH).startswith("限定した"), "the item text in its column"
        follow_up = lines[row:row + 8]
        assert any("理由：" in line for line in follow_up) and any("対応：" in line for line in follow_up)
        assert any("根拠：" in line for line in follow_up)
        plain = next(y for y, line in enumerate(lines) if line[1:].startswith("3-1 "))
        background = lambda y: view.render_line(y)._segments[-1].style.bgcolor  # noqa: E731
        assert view.render_line(row)._segments[0].text == "█", "a bar on the left of a follow-up"
        assert background(row) != background(plain), "and a background of its own"
        assert view.render_line(plain)._segments[0].text == " "


async def test_the_table_is_laid_out_again_for_a_new_width_and_can_be_selected(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await start_with(pilot, "wakayama-safety-report", MIXED)
        await pilot.press("f5")
        view = app.screen.query(ChecklistView).first()
        wide = len(view.lines())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert len(view.lines()) > wide, "narrower: the item texts wrap onto more lines"
        assert all(view.render_line(y).cell_length == view.size.width for y in range(len(view.lines())))
        y = next(y for y, line in enumerate(texts(view)) if line[1:].startswith("3-2 "))
        selection = Selection(Offset(0, y), Offset(4, y))
        copied, _ = view.get_selection(selection)
        assert copied == "3-2 ", "the text, not the bar on the left"
        before = view.render_line(y)
        app.screen.selections = {view: selection}
        highlighted = [segment for segment in view.render_line(y) if segment.style.bgcolor != before._segments[1].style.bgcolor]
        assert "".join(segment.text for segment in highlighted) == "3-2 ", "shown selected"
