"""Snapshots of the main screens at 80×24 and at a wider size (pytest-textual-snapshot).

Regenerate after a deliberate change of the screens with `pytest tests/tui --snapshot-update`,
and look at the SVG files before committing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from anzen.tui.navigation import StartRequest

from test_tui_walk_wakayama import MIXED
from tui_helpers import make_app

OUT = Path("exports")  # shown in the export panel: the same on every machine; nothing is written here
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
UP_TO_COPIES = {k: MIXED[k] for k in list(MIXED)[: list(MIXED).index("copied_any") + 1]}


@pytest.fixture(autouse=True)
def _empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # ./exports holds no earlier reports: the home screen is the same everywhere


def started(answers: dict[str, Any], *then: str):
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.start(StartRequest("wakayama-safety-report", answers=answers))
        await pilot.pause()
        if then:
            await pilot.press(*then)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(OUT), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_question_with_its_articles_open(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(OUT), terminal_size=size, run_before=started(UP_TO_COPIES, "f1"))


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(OUT), terminal_size=size, run_before=started(MIXED))


@pytest.mark.parametrize("size", SIZES)
def test_result(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(OUT), terminal_size=size, run_before=started(MIXED, "f5", "pagedown"))


def test_result_in_the_light_theme(snap_compare: Any) -> None:
    assert snap_compare(make_app(OUT), terminal_size=(100, 30), run_before=started(MIXED, "ctrl+t", "f5", "pagedown"))
