"""Going back and changing answers in the app: abandoned branches leave nothing behind."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.navigation import StartRequest
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.screens.result import ResultScreen
from anzen.tui.screens.review import ReviewScreen
from anzen.tui.widgets.transcript import Conversation

from test_tui_walk_wakayama import BASICS_KEYS, GOOD
from tui_helpers import NO, OPEN_WAKAYAMA, YES, drawn, export, exported_report, make_app, start_with, statuses

TO_COPIES = [*OPEN_WAKAYAMA, *BASICS_KEYS, YES, YES, YES, YES, YES, NO, "1", NO, NO]  # NO after "1": no training report now


async def test_changing_a_branch_answer_removes_the_abandoned_branch(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*TO_COPIES, YES, NO, NO)  # copied, not on instruction, no written consent
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.state.interview.value("copy_consent") == "no"
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b")  # back to "was anything copied?"
        assert screen.node is not None and screen.node.id == "copied_any"
        await pilot.press(NO)
        answers = screen.state.interview.answers
        assert "copy_on_instruction" not in answers and "copy_consent" not in answers
        assert answers["copied_any"] == "no"
        assert screen.node.id == "taken_out", "the interview goes on where it was"
        notices = [n.replace("\n", "") for n in drawn(screen, "notice")]
        assert any("「はい」から「いいえ」に変更しました" in n for n in notices)
        removed = next(n for n in notices if "削除しました" in n)
        assert "指示によるものですか？（いいえ）" in removed and "承諾を受けましたか？（いいえ）" in removed
        view = screen.query_one(Conversation)
        old = [i for i, e in enumerate(view.entries) if e.question in ("copy_on_instruction", "copy_consent") and e.kind == "user"]
        assert old and all(view.entries[i].superseded and view.block_text(i).startswith("（変更前）") for i in old)
        await pilot.press("f5")
        assert isinstance(app.screen, ResultScreen)
        await export(pilot)
        report = exported_report(out_dir)
    assert "copy_consent" not in report["answers"] and "copy_on_instruction" not in report["answers"]
    items = statuses(report)
    assert items["6-1"] == "confirmed" and items["6-2"] == items["6-3"] == "not_applicable"
    assert items["9-4"] == "not_applicable"  # no copies: nothing to erase, not asked twice


async def test_an_answer_changed_from_the_review_re_branches_and_returns_to_the_review(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_with(pilot, "wakayama-safety-report", GOOD)
        assert isinstance(app.screen, ReviewScreen), "every question answered: the review opens"
        await pilot.press("end", "enter")  # the last answer: no incident so far
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "incident_occurred"
        await pilot.press(YES)  # there was one: a new question joins the path
        assert screen.node.id == "incident_reported"
        await pilot.press(NO)
        assert isinstance(app.screen, ReviewScreen), "back to the review once everything is answered again"
        assert app.screen.state.interview.answers == {**GOOD, "incident_occurred": "yes", "incident_reported": "no"}
        await pilot.press("f5")
        await export(pilot)
    assert statuses(exported_report(out_dir))["10-1"] == "follow_up"


async def test_clicking_an_earlier_answer_asks_that_question_again(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS, YES, NO)
        screen = app.screen
        view = screen.query_one(Conversation)
        index = next(i for i, e in enumerate(view.entries) if e.question == "handling_rules" and e.kind == "user")
        top, _ = view.block_span(index)
        asked = screen.node.id
        await pilot.click(Conversation, offset=(0, top))  # on the answer's line, left of its bubble
        assert screen.node.id == asked, "a click beside the bubble changes nothing"
        await pilot.click(Conversation, offset=(view.size.width - 3, top))  # the answer, on the right
        assert screen.node.id == "handling_rules"
        await pilot.press(NO)
        assert screen.state.interview.value("handling_rules") == "no"
        assert screen.node.id == "staff_limited", "laws_complied stays answered: on to the next open question"


async def test_a_category_in_the_side_panel_lists_its_answers_to_change(out_dir: Path) -> None:
    app = make_app(out_dir)
    answers = {k: v for k, v in GOOD.items() if k not in ("incident_response", "incident_occurred")}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start(StartRequest("wakayama-safety-report", answers=answers))  # as a resumed session would
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "incident_response"
        assert any("株式会社サンプル" in text for text in drawn(screen)), "loaded answers show as earlier conversation"
        screen.query_one("#categories").focus()
        await pilot.press("home", "down", "down", "enter")  # 3 安全管理措置
        picker = app.screen
        assert [o.id for o in picker.query_one("#answers").options if o.id] == ["staff_limited", "place_limited", "roster_submitted", "roster_changed"]
        await pilot.press("enter")
        assert app.screen is screen and screen.node.id == "staff_limited"
