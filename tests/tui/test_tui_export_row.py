"""The result's export formats: one row of check boxes, ticked with keys or the mouse; only those are written."""

from __future__ import annotations

from pathlib import Path

from anzen.exports import FORMATS
from anzen.tui.screens.result import ResultScreen
from anzen.tui.widgets.toggles import CheckRow

from test_tui_walk_wakayama import MIXED
from tui_helpers import export, make_app, start_with


async def open_result(pilot) -> tuple[ResultScreen, CheckRow]:
    await start_with(pilot, "wakayama-safety-report", MIXED)
    await pilot.press("f5")
    screen = pilot.app.screen
    assert isinstance(screen, ResultScreen)
    return screen, screen.query_one("#formats", CheckRow)


async def test_formats_are_ticked_with_keys_and_the_mouse_and_only_those_are_written(out_dir: Path) -> None:
    app = make_app(out_dir)
    formats = list(FORMATS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, row = await open_result(pilot)
        assert row.chosen == formats, "all ticked at first"
        row.focus()
        await pilot.press("right", "right", "space")
        assert row.chosen == [f for f in formats if f != formats[2]], "the third, unticked by key"
        drawn = row.render().plain
        assert drawn.startswith("▐X▌ json  ▐X▌ md  ▐ ▌ pdf  ") and len(drawn) == row.size.width
        await pilot.click(row, offset=(drawn.index(f" {formats[1]} ") + 1, 0))
        assert row.chosen == [f for f in formats if f not in formats[1:3]], "the second, unticked by a click on its label"
        await pilot.click(row, offset=(drawn.index(f" {formats[1]} ") - 2, 0))
        assert formats[1] in row.chosen, "and ticked again by a click on its box"
        await export(pilot)
    written = sorted(path.suffix for path in out_dir.iterdir())
    assert written == sorted(FORMATS[f][1] for f in formats if f != formats[2])


async def test_no_format_ticked_is_said_and_nothing_is_written(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, row = await open_result(pilot)
        row.focus()
        for _ in FORMATS:
            await pilot.press("space", "right")
        assert row.chosen == [] and row.cursor == 0, "←/→ wrap around"
        await pilot.press("f6")
        assert "形式を1つ以上選んでください" in str(screen.query_one("#export-status").render())
    assert not out_dir.exists() or not list(out_dir.iterdir())
