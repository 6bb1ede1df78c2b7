"""The conversation over a long interview: one widget however long, every entry a bubble, all of it readable."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.widgets.transcript import Conversation, Transcript

from tui_helpers import NO, OPEN_WAKAYAMA, YES, drawn, make_app, typed

HOSTILE = "[bold]株式会社[/] [link=https://example.com]x[/link]"
FIRST_QUESTION = "委託者（報告先の地方公共団体）の名称"  # the start of a wrapped line
CONTRACTOR = "事業者名（受託者の商号又は名称）を入力してください。"
KEYS = [*OPEN_WAKAYAMA, "enter", "enter", "enter", *typed(HOSTILE), *typed("和歌山"), *typed("山田"), "enter", NO,
        YES, YES, YES, YES, YES, NO, "1", NO, NO]  # up to "was anything copied?"


async def test_every_entry_stays_a_bubble_of_one_widget_drawn_once_and_as_typed(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*KEYS)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "copied_any"
        transcript = screen.query_one(Transcript)
        view = transcript.conversation
        assert list(transcript.children) == [view], "no widget per bubble"
        assert len(view.entries) > view.KEEP // 2 and len(view._laid_out) <= view.KEEP, "lines kept for the latest entries only"
        lines = [view.render_line(y).text for y in range(len(view.lines()))]
        assert sum(CONTRACTOR in line for line in lines) == 1, "each entry drawn once"
        assert HOSTILE in drawn(screen, "user"), "typed text shown as typed, never as markup"
        answer = next(line for line in lines if HOSTILE in line)
        assert answer.rstrip().endswith(f"{HOSTILE} █"), "an answer on the right, its edge on its right"


async def test_the_answer_under_the_mouse_is_highlighted(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*KEYS)
        view = app.screen.query_one(Conversation)
        last = len(view.entries) - 1
        answer = max(i for i, e in enumerate(view.entries[:last]) if e.kind == "user")
        top, _ = view.block_span(answer)
        plain = view.render_line(top)
        await pilot.hover(Conversation, offset=(view.size.width - 3, top))
        assert view.hovered == answer
        assert view.render_line(top).text == plain.text and view.render_line(top) != plain, "the same text, another background"
        await pilot.hover(Conversation, offset=(0, top))
        assert view.hovered is None


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
