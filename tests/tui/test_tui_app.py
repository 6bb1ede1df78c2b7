"""The app around the questions: quitting, language, staff-led notes, articles, validation, export errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from anzen.linebreak import NO_START
from anzen.tui.navigation import ResumeEntry
from anzen.tui.screens.confirm import ConfirmScreen
from anzen.tui.screens.home import HomeScreen
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.screens.result import ResultScreen
from anzen.tui.screens.source import ArticlesView, SourceScreen

from test_tui_walk_wakayama import BASICS_KEYS
from tui_helpers import NO, OPEN_SUBCONTRACT, OPEN_WAKAYAMA, YES, drawn, export, exported_report, make_app, typed


async def test_quitting_with_answers_asks_first_and_without_answers_does_not(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test() as pilot:
        await pilot.press(*OPEN_WAKAYAMA, "enter", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, InterviewScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
        assert not app.is_running
    app = make_app(out_dir)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        assert not app.is_running


async def test_the_language_switches_with_f4_everywhere_on_screen(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, "enter", "enter", "enter", "X")  # typed, not sent yet
        screen = app.screen
        await pilot.press("f4")
        assert "Safety-measures performance report" in str(screen.query_one("#flow-title").render())
        bubbles = drawn(screen)
        assert any("What is the contractor's company name?" in b for b in bubbles)
        assert any(b.strip().endswith("1 April 2026") for b in bubbles)  # answers relabelled (dates in words)
        assert "answered" in str(screen.query_one("#progress-text").render())
        assert screen.query_one("#text").value == "X", "what was typed survives the switch"
        await pilot.press("f4")
        assert "回答済み" in str(screen.query_one("#progress-text").render())


def test_anzen_without_a_command_opens_the_app_in_the_language_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import anzen.tui
    from anzen.cli.main import main

    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(anzen.tui, "run", lambda lang="ja", flow=None, db=None: opened.append((lang, flow, db)) or 0)
    assert main([]) == 0 and main(["--lang", "en", "--db", "x.db"]) == 0 and main(["app", "wakayama-safety-report"]) == 0
    assert opened == [("ja", None, None), ("en", None, "x.db"), ("ja", "wakayama-safety-report", None)]


async def test_a_staff_led_interview_records_the_staff_name_and_notes(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "right", "enter")  # the mode: staff-led
        home = app.screen
        assert isinstance(home, HomeScreen) and home.mode == "staff"
        await pilot.press("shift+tab", "shift+tab", "enter")  # the Wakayama report, no name yet
        assert isinstance(app.screen, HomeScreen) and "氏名" in str(home.query_one("#message").render())
        await pilot.press(*typed("佐藤"))  # the name field has the focus; Enter starts
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.state.staff == "佐藤"
        await pilot.press(*BASICS_KEYS, YES, "f2", *typed("規程を確認"))
        assert screen.state.notes == {"handling_rules": "規程を確認"}, "F2: a note on the answer just given"
        assert any("規程を確認" in b for b in drawn(screen, "user"))
        await pilot.press(NO, "ctrl+b", "f2", *typed("違反を報告済み"))  # back to an answer: the note goes on it
        assert screen.state.notes["laws_complied"] == "違反を報告済み"
        await pilot.press(YES)  # changed: the answer and its note stay
        await pilot.press("f3", "home", "down", "f2", "home", "ctrl+k", *typed("契約件名は契約書で確認"))  # F2 in the review
        assert screen.state.notes["contract_name"] == "契約件名は契約書で確認"
        await pilot.press("f5")
        await export(pilot)
        report = exported_report(out_dir)
    assert report["mode"] == "staff" and report["staff"] == "佐藤"
    assert report["notes"] == {"handling_rules": "規程を確認", "laws_complied": "違反を報告済み", "contract_name": "契約件名は契約書で確認"}


async def test_f1_shows_the_full_text_of_the_articles_behind_the_question(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS, YES, YES, YES, YES, YES, NO, "1", NO, NO, "f1")
        modal = app.screen
        assert isinstance(modal, SourceScreen)
        view = modal.query_one(ArticlesView)
        texts = [content.plain for kind, content in view.parts if kind in ("title", "text")]
        assert texts[0].startswith("和歌山市 個人情報取扱特記事項 第7")
        assert "複写し、又は複製してはならない" in texts[1]
        drawn = ["".join(cell.content.plain for cell in line).strip() for line in view.lines()]
        assert texts[1].replace(" ", "") in "".join(drawn).replace(" ", ""), "every character drawn, in order"
        for width in range(16, 60):  # (at some of these widths a Static would start a line with 、 or 。)
            lines = ["".join(cell.content.plain for cell in line).strip() for line in view.lay_out(view.parts[1], width)]
            assert not any(line[0] in NO_START for line in lines if line), (width, lines)
        await pilot.press("escape", "f4", "f1")
        texts = [content.plain for kind, content in app.screen.query_one(ArticlesView).parts if kind == "text"]
        assert "copy" in texts[0].lower() and "複写" in texts[1], "English first, the Japanese original beside it"


async def test_a_date_that_does_not_parse_is_explained_under_the_input(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, "enter", "enter", "home", "ctrl+k", *typed("4月1日"))
        screen = app.screen
        assert screen.node.id == "contract_date", "not accepted"
        assert "令和8年4月1日 の形で" in str(screen.query_one(".message").render())
        await pilot.press("home", "ctrl+k", *"R8.4.2")
        assert "令和8年4月2日" in str(screen.query_one(".message").render()), "the accepted date, in the era"
        await pilot.press("enter", *typed(""))  # an empty required text is refused with a message
        assert screen.node.id == "contractor" and "回答してください" in str(screen.query_one(".message").render())


async def test_export_problems_are_shown_on_screen(out_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(blocker)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_SUBCONTRACT, "enter", "enter", *typed("X"), "f5")
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        await export(pilot)
        failed = str(screen.query_one("#export-status").render())
        assert "出力できませんでした" in failed and "フォルダを作成できません" in failed and "cannot create" not in failed
        screen.query_one("#out").value = str(out_dir)  # another folder
        await export(pilot)
        assert "出力しました" in str(screen.query_one("#export-status").render())
        await export(pilot)  # again: the files exist and are not overwritten
        assert "同名のファイルがすでにあります" in str(screen.query_one("#export-status").render())
        assert exported_report(out_dir)["complete"] is False


async def test_the_home_screen_offers_sessions_to_resume_only_when_there_are_some(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.screen.query("#resume")
    entry = ResumeEntry("s1", "subcontract-application", "再委託の承認申請事項の確認", 3, "2026-09-30 17:00",
                        {"municipality": "和歌山市", "contract_name": "件名", "applicant": "X"})
    app = make_app(out_dir, resume_source=lambda: [entry])
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query("#resume")
        app.screen.query_one("#resume").focus()
        await pilot.press("home", "enter")
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "contract_start"
        assert screen.state.interview.value("applicant") == "X"



async def test_the_list_of_reports_takes_the_room_a_taller_terminal_gives_and_the_mode_choice_stays_below(out_dir: Path) -> None:
    heights = {}
    for rows in (24, 40):
        app = make_app(out_dir)
        async with app.run_test(size=(100, rows)) as pilot:
            await pilot.pause()
            flows, mode = app.screen.query_one("#flows"), app.screen.query_one("#mode")
            heights[rows] = flows.region.height
            assert mode.region.y >= flows.region.bottom and mode.region.bottom <= rows - 1  # on screen, above the footer
    assert heights[40] == heights[24] + 16


@pytest.mark.parametrize("width", [24, 37, 50, 76])
def test_a_report_in_the_list_is_laid_out_as_the_interview_is_its_description_under_its_title(width: int) -> None:
    from rich.cells import cell_len

    from anzen.cli.flows import flow_summaries
    from anzen.tui.screens.home import INDENT, flow_option

    rows = [*flow_summaries(), {"id": "broken", "error": {"ja": "問題 3 件: anzen flows check broken で確認できます", "en": "3 problem(s): run anzen flows check broken"}}]
    for row in rows:
        for lang in ("ja", "en"):
            lines = flow_option(row, lang, width).prompt.plain.split("\n")  # type: ignore[union-attr]
            heading = next(i for i, line in enumerate(lines) if line.startswith(INDENT))  # the title's lines come first
            title, rest = lines[:heading], lines[heading:]
            assert title and all(line.startswith(INDENT) and line[len(INDENT)] != " " for line in rest), lines
            shown = row["title"].get(lang) or row["title"]["ja"] if "title" in row else row["id"]
            assert "".join(title).replace(" ", "") == shown.replace(" ", "")
            assert all(cell_len(line) <= width for line in lines), (width, lines)
            assert not any(line.strip()[0] in NO_START for line in lines), lines
            said = (row.get("description") or {}).get(lang) or (row.get("description") or {}).get("ja") or (row.get("error") or {}).get(lang, "")
            assert said.replace(" ", "") in "".join(line.strip() for line in rest).replace(" ", "")  # all of it, in order


async def test_switching_language_after_the_last_answer_redraws_every_screen(out_dir: Path) -> None:
    from anzen.tui.screens.review import ReviewScreen
    from test_tui_walk_wakayama import GOOD
    from tui_helpers import start_with

    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_with(pilot, "wakayama-safety-report", GOOD)
        await pilot.press("f5", "f4")
        assert "Result" in str(app.screen.query_one("#title").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen) and "Check the answers" in str(app.screen.query_one("#title").render())
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
        assert "Answers (F3)" in str(app.screen.query_one(".to-review").label)
        await pilot.press("f4", "f3")
        assert isinstance(app.screen, ReviewScreen) and "回答の確認" in str(app.screen.query_one("#title").render())


async def test_a_report_written_earlier_can_be_opened_again_from_home(out_dir: Path, tmp_path: Path) -> None:
    from anzen.tui.screens.review import ReviewScreen
    from test_tui_walk_wakayama import GOOD
    from tui_helpers import fill_report

    written = fill_report("wakayama-safety-report", GOOD, tmp_path)
    (tmp_path / "fill-out" / "not-a-report.json").write_text("[1, 2]")  # passed over
    app = make_app(tmp_path / "fill-out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab")  # past the reports and the kind of interview
        assert app.focused is not None and app.focused.id == "recent"
        assert len(app.focused.options) == 1
        await pilot.press("enter")  # the newest is highlighted already
        assert isinstance(app.screen, ReviewScreen), "every question answered: straight to the review"
        assert app.screen.state.interview.answers == written["answers"]


def test_without_a_terminal_the_app_says_what_to_use_instead() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "anzen", "--lang", "en"], input="", capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "needs a terminal" in done.stderr and "anzen fill" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


async def test_the_footer_shows_the_screens_keys_and_a_click_presses_one(out_dir: Path) -> None:
    from anzen.tui.screens.review import ReviewScreen
    from anzen.tui.widgets.footer import Footer

    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        line = footer.render().plain
        assert "f3 一覧" in line and "f5 結果" in line and "終了" in line
        spot = next(s for s in footer.spots if s.key == "f3")
        await pilot.click(Footer, offset=(spot.start + 1, 0))
        assert isinstance(app.screen, ReviewScreen), "clicking 'f3 一覧' does what F3 does"
        assert app.screen.query(Footer), "every screen shows its keys the same way"


async def test_the_progress_bar_is_its_whole_width_at_every_count() -> None:
    from textual.app import App, ComposeResult

    from anzen.tui.widgets.side_panel import ProgressLine

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield ProgressLine()

    async with Bar().run_test(size=(24, 3)) as pilot:
        bar = pilot.app.query_one(ProgressLine)
        drawn = {}
        for done in (0, 1, 19, 30, 59):
            bar.update(done, 59)
            drawn[done] = bar.render().plain
        assert all(len(line) == 24 for line in drawn.values()), drawn
        assert drawn[19] == "━" * 7 + "╸" + "━" * 16, "after a half cell, the track goes on"
        assert drawn[1] == "╸" + "━" * 23


async def test_a_narrow_terminal_shows_the_conversation_alone_with_the_count_of_answers_in_the_title(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.has_class("-compact")
        assert not screen.query_one("#side").display and screen.query_one("#transcript").region.width >= 55
        title = str(screen.query_one("#flow-title").render())
        assert title.startswith("0 / ") and "安全管理措置等の履行状況報告書" in title
        await pilot.press("enter")  # the municipality, prefilled
        assert str(screen.query_one("#flow-title").render()).startswith("1 / ")
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        assert not screen.has_class("-compact") and screen.query_one("#side").display
        assert str(screen.query_one("#flow-title").render()).startswith("安全管理措置等")  # the count is in the side panel
