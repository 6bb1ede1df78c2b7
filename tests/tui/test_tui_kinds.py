"""Answer kinds the shipped flows do not use (multiple choice, numbers), on a small inline flow."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual.widgets import Input

from anzen.tui.navigation import StartRequest
from anzen.tui.screens.review import ReviewScreen

from anzen_testing import OUTER_READ
from tui_helpers import drawn, make_app, typed

FLOW = """
id: kinds
version: "1"
title: {ja: 種類, en: Kinds}
sections:
  - id: s
    title: {ja: 節, en: Section}
    questions:
      - id: media
        kind: multi_choice
        prompt: {ja: 使った媒体は？, en: "Which media?"}
        choices:
          - {value: paper, label: {ja: 紙, en: Paper}}
          - {value: usb, label: {ja: USBメモリ, en: USB stick}}
          - {value: cloud, label: {ja: クラウド, en: Cloud}}
        min_selected: 1
      - id: staff
        kind: number
        prompt: {ja: 従事者は何人ですか？, en: "How many staff?"}
        unit: {ja: 人, en: people}
        validation: {min: 1, max: 500, integer: true}
      - id: remark
        kind: text
        required: false
        prompt: {ja: 備考, en: Remarks}
"""


async def open_flow_file(app, pilot, path: Path, text: str) -> None:
    """Write a flow and start it from the home screen, as the app starts any flow."""
    path.write_text(text, encoding="utf-8")
    await pilot.pause()
    app.start(StartRequest(str(path)))
    await pilot.pause()


async def test_multiple_choice_and_numbers_by_keys(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "kinds.yaml", FLOW)
        screen = app.screen
        await pilot.press("enter")  # nothing chosen yet
        assert "回答してください" in str(screen.query_one(".message").render())
        await pilot.press("1", "3", "3", "2", "enter")  # toggling 3 twice leaves paper and USB
        assert screen.state.interview.value("media") == ["paper", "usb"]
        await pilot.press(*typed("0"))
        assert "1以上" in str(screen.query_one(".message").render()) and screen.node.id == "staff"
        await pilot.press("home", "ctrl+k", "1", "2")
        assert "12人" in str(screen.query_one(".message").render()), "the number as it will read"
        await pilot.press("enter", *typed("[b]x[/b]"))  # 12 people; a remark that looks like markup
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.state.interview.answers == {"media": ["paper", "usb"], "staff": 12, "remark": "[b]x[/b]"}
        answers = drawn(screen, "user")
        assert answers == ["紙、USBメモリ", "12人", "[b]x[/b]"], "shown as typed, never read as markup"


async def test_a_flow_that_cannot_be_loaded_is_reported_on_the_home_screen(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "broken.yaml", FLOW.replace('"Which media?"', '[Which media?'))  # a YAML syntax error
        message = str(app.screen.query_one("#message").render())
        assert "broken.yaml:11" in message and "YAML syntax" in message




async def test_a_changed_answer_that_blocks_read_says_which_groups_were_checked_again(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "outer.yaml", OUTER_READ)
        screen = app.screen
        plan = screen.state.interview.plan
        await screen.give(plan.by_id["mynumber"], "no")
        await screen.give(plan.by_id["parties"], [{"name": "甲社"}])
        await screen.give(plan.by_id["mynumber"], "yes")  # 'measures' is asked in each block now
        await pilot.pause()
        notices = [n.replace("\n", "") for n in drawn(screen, "notice")]
        assert any("確認し直しました" in n and "再委託先" in n and "もう一度入力" in n for n in notices), notices
        assert screen.node.id == "parties"  # asked again


async def test_an_input_that_is_replaced_is_freed(out_dir: Path, tmp_path: Path) -> None:
    """Textual's Input is kept by its screen's text-selection signal; the interview screen lives as long as
    the interview, so each replaced input would stay in memory with everything it drew."""
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "kinds.yaml", FLOW)
        await pilot.press("1", "enter")
        await pilot.pause()
        staff_field = weakref.ref(app.screen.query("#text").first(Input))  # (query_one would cache it)
        await pilot.press("3", "enter")  # the remark has no unit: a new answer area replaces the number's
        await pilot.pause()
        assert app.screen.query("#text").first(Input) is not staff_field()
        gc.collect()
        assert staff_field() is None
