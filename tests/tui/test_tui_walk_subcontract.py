"""The subcontract application on its own: repeatable blocks added, edited and removed by keys."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.screens.result import ResultScreen
from anzen.tui.screens.review import ReviewScreen

from tui_helpers import NO, OPEN_SUBCONTRACT, YES, export, exported_report, fill_report, make_app, normalised, retyped, start_with, statuses, typed

BASICS_KEYS = ["enter", "enter", *typed("X"), "enter", "enter", "enter", "2"]  # the whole work
# name, representative, address, contact, group company, content, personal info, My Number,
# period start, period end, reason, structure, measures, clause copy, supervision, sub-subcontracting
BLOCK_A = [*typed("A"), *typed("r"), *typed("t"), *typed("c"), NO, *typed("w"), *typed("p"), YES, YES, YES,
           *typed("R8.4.1"), *typed("R9.3.31"), *typed("n"), *typed("s"), *typed("m"), YES, *typed("v"), NO]
BLOCK_B = [*typed("B"), "enter", "enter", "enter", YES, "enter", "enter", NO, *typed("R8.5.1"), *typed("R8.4.1"),
           "enter", "enter", "enter", NO, "enter", YES, *(["enter"] * 8)]
EDIT_A = [*retyped("A2"), *(["enter"] * 9), *(["enter"] * 2), *(["enter"] * 6)]  # every other answer kept

KEYS = [*OPEN_SUBCONTRACT, *BASICS_KEYS, *BLOCK_A, "a", *BLOCK_B, "up", "e", *EDIT_A]
A2 = {
    "name": "A2", "representative": "r", "address": "t", "contact": "c", "group_company": "no", "content": "w",
    "personal_info": "p", "mynumber": "yes", "mynumber_measures": "yes", "mynumber_rules": "yes",
    "period_start": "2026-04-01", "period_end": "2027-03-31", "reason": "n", "structure": "s", "measures": "m",
    "clause_copy": "yes", "supervision": "v", "resub": "no",
}
B = {
    "name": "B", "representative": None, "address": None, "contact": None, "group_company": "yes", "content": None,
    "personal_info": None, "mynumber": "no", "period_start": "2026-05-01", "period_end": "2026-04-01", "reason": None,
    "structure": None, "measures": None, "clause_copy": "no", "supervision": None, "resub": "yes",
    "resub_content": None, "resub_personal_info": None, "resub_period": None, "resub_reason": None, "resub_party": None,
    "resub_structure": None, "resub_measures": None, "resub_supervision": None,
}
BASICS = {
    "municipality": "和歌山市", "contract_name": "令和8年度マイナンバーカードコールセンター運営業務", "applicant": "X",
    "contract_start": "2026-04-01", "contract_end": "2027-03-31", "application_date": "2026-10-01", "scope": "whole",
}


async def test_blocks_are_added_edited_and_the_report_matches_fill(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*KEYS)
        panel_names = [str(o.prompt) for o in app.screen.query_one("#blocks").options]
        assert panel_names == ["1. A2", "2. B"]
        await pilot.press("enter")  # done
        assert isinstance(app.screen, ReviewScreen)
        answers = app.screen.state.interview.answers
        assert answers == {**BASICS, "subcontractors": [A2, B]}
        await pilot.press("f5")
        assert isinstance(app.screen, ResultScreen)
        await export(pilot)
        ui_report = exported_report(out_dir)
    assert normalised(ui_report) == normalised(fill_report("subcontract-application", answers, tmp_path))
    report = statuses(ui_report)
    assert report["3-1"] == "follow_up"  # the whole work
    assert report["1-1#1"] == "confirmed" and report["1-1#2"] == "follow_up"
    assert report["1-3#2"] == "follow_up"  # B's period ends before it starts
    assert report["3-2#1"] == "confirmed" and report["3-2#2"] == "follow_up"  # B plans sub-subcontracting


async def test_a_removed_block_is_gone_and_the_minimum_is_enforced(out_dir: Path) -> None:
    app = make_app(out_dir)
    short_b = [*typed("B"), "enter", "enter", "enter", NO, "enter", "enter", NO, "enter", "enter", "enter", "enter", "enter", YES, "enter", NO]
    async with app.run_test(size=(80, 24)) as pilot:
        await start_with(pilot, "subcontract-application", BASICS)
        await pilot.press(*short_b, "d")
        screen = app.screen
        assert not screen.query("#blocks"), "the only block was removed"
        await pilot.press("enter")  # done with no block: the flow needs at least one
        assert "1件以上" in str(screen.query_one(".group-panel .message").render())
        assert not screen.state.interview.is_answered("subcontractors")
        await pilot.press("a", *short_b, "ctrl+b")  # back to the question before, by mistake
        assert screen.node.id == "scope"
        await pilot.press("enter")  # the same answer again: the block entered is still there
        assert [str(o.prompt) for o in screen.query_one("#blocks").options] == ["1. B"]
        await pilot.press("enter")
        assert [b["name"] for b in screen.state.interview.value("subcontractors")] == ["B"]
