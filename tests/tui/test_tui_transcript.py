"""The conversation over a long interview: a few bubbles, the rest in the history, all of it readable."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.widgets.transcript import LIVE_BUBBLES, Bubble, Transcript

from tui_helpers import NO, OPEN_WAKAYAMA, YES, make_app, typed

HOSTILE = "[bold]株式会社[/] [link=https://example.com]x[/link]"
FIRST_QUESTION = "委託者（報告先の地方公共団体）の名称"  # the start of a wrapped line
CONTRACTOR = "事業者名（受託者の商号又は名称）を入力してください。"
KEYS = [*OPEN_WAKAYAMA, "enter", "enter", "enter", *typed(HOSTILE), *typed("和歌山"), *typed("山田"), "enter", NO,
        YES, YES, YES, YES, YES, NO, "1", NO, NO]  # up to "was anything copied?"


async def test_older_entries_leave_their_bubbles_for_the_history_once_each(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*KEYS)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "copied_any"
        transcript = screen.query_one(Transcript)
        bubbles = list(screen.query(Bubble))
        assert len(bubbles) == LIVE_BUBBLES < len(transcript.entries)
        assert len(transcript.folded) + len(bubbles) == len(transcript.entries), "each entry shown once"
        history = transcript.earlier
        lines = [history.render_line(y).text for y in range(len(history.lines()))]
        assert sum(CONTRACTOR in line for line in lines) == 1
        assert any(line.strip() == f"→ {HOSTILE}" for line in lines), "typed text shown as typed, never as markup"
        assert str(history.render()).count(CONTRACTOR) == 1


async def test_the_history_is_read_by_scrolling_back_and_the_next_answer_returns_to_the_end(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*KEYS)
        screen = app.screen
        transcript = screen.query_one(Transcript)
        assert transcript.scroll_y == transcript.max_scroll_y > 0, "the latest question in view"
        assert FIRST_QUESTION not in app.export_screenshot()
        transcript.scroll_home(animate=False)  # as the mouse wheel or the scrollbar would
        await pilot.pause()
        assert transcript.scroll_y == 0
        assert FIRST_QUESTION in app.export_screenshot(), "the start of the interview, in the history"
        await pilot.press(NO)
        assert screen.node.id == "taken_out"
        assert transcript.scroll_y == transcript.max_scroll_y, "back at the end for the next question"
