"""The Wakayama report walked end to end in the app by keys: statuses, and the same JSON as `anzen fill`."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.screens.result import ResultScreen
from anzen.tui.screens.review import ReviewScreen
from anzen.tui.widgets.side_panel import ProgressLine

from tui_helpers import NO, OPEN_WAKAYAMA, UNSURE, YES, export, exported_report, fill_report, make_app, normalised, statuses, typed

BASICS_KEYS = ["enter", "enter", "enter", *typed("株式会社サンプル"), *typed("和歌山"), *typed("山田"), "enter", NO]  # NO: no pledge now
BASICS = {
    "municipality": "和歌山市", "contract_name": "令和8年度マイナンバーカードコールセンター運営業務",
    "contract_date": "2026-04-01", "contractor": "株式会社サンプル", "address": "和歌山",
    "representative": "山田", "report_date": "2026-10-01", "offer_pledge": "no",
}

# A mix: a copy made without consent, a わからない, a subcontract (the application sub-flow, one block).
MIXED_KEYS = [
    *OPEN_WAKAYAMA, *BASICS_KEYS,
    YES, YES,  # 1, 2
    YES, YES, YES, YES, NO,  # 3: roster changed, change not reported
    "2", NO,  # 4: trained only some; no training report now
    NO,  # 5
    YES, NO, NO,  # 6: copied, not on instruction, no consent
    YES, YES, YES, UNSURE,  # 7: taken out with approval and record; concealment わからない
    YES, "1", YES, YES, YES,  # 8: a part, consent, bound, go through the application
    "enter", "enter", "enter",  # contract period and application date: the defaults
    # subcontractor 1
    *typed("S"), *typed("R"), "enter", "enter", NO, *typed("D"), "enter", YES, YES, NO,
    *typed("R8.5.1"), *typed("R9.3.31"), "enter", "enter", "enter", YES, "enter", NO,
    "enter",  # done with the subcontractors
    YES, "2", NO, "2",  # 9: disposed of, no certificate; copies erased, not reported
    YES, YES, NO,  # 10
]
SUB1 = {
    "name": "S", "representative": "R", "address": None, "contact": None, "group_company": "no",
    "content": "D", "personal_info": None, "mynumber": "yes", "mynumber_measures": "yes", "mynumber_rules": "no",
    "period_start": "2026-05-01", "period_end": "2027-03-31", "reason": None, "structure": None, "measures": None,
    "clause_copy": "yes", "supervision": None, "resub": "no",
}
MIXED = {
    **BASICS,
    "handling_rules": "yes", "laws_complied": "yes", "staff_limited": "yes", "place_limited": "yes",
    "roster_submitted": "yes", "roster_changed": "yes", "change_reported": "no", "training_scope": "some", "offer_training_report": "no",
    "used_outside_purpose": "no", "copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "no",
    "taken_out": "yes", "takeout_approved": "yes", "takeout_recorded": "yes", "takeout_concealed": "unsure",
    "third_party_handled": "yes", "subcontract_scope": "part", "subcontract_consent": "yes",
    "subcontractor_bound": "yes", "offer_application": "yes",
    "subcontract.contract_start": "2026-04-01", "subcontract.contract_end": "2027-03-31",
    "subcontract.application_date": "2026-10-01", "subcontract.subcontractors": [SUB1],
    "info_no_longer_needed": "yes", "disposition": "disposed", "disposal_certificate": "no",
    "copies_erased": "erased_unreported", "emergency_contact": "yes", "incident_response": "yes", "incident_occurred": "no",
}


async def test_mixed_walk_gives_the_checklist_and_the_same_report_as_fill(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*MIXED_KEYS)
        assert isinstance(app.screen, ReviewScreen), "the review opens when every question is answered"
        assert app.screen.state.interview.answers == MIXED
        await pilot.press("f5")
        assert isinstance(app.screen, ResultScreen)
        await export(pilot)
        ui_report = exported_report(out_dir)

    assert normalised(ui_report) == normalised(fill_report("wakayama-safety-report", MIXED, tmp_path))
    report = statuses(ui_report)
    assert report == {
        "1-1": "confirmed", "2-1": "confirmed", "3-1": "confirmed", "3-2": "follow_up", "4-1": "follow_up",
        "5-1": "confirmed", "6-1": "not_applicable", "6-2": "not_applicable", "6-3": "follow_up",
        "7-1": "not_applicable", "7-2": "confirmed", "7-3": "follow_up", "8-1": "not_applicable", "8-2": "confirmed",
        "9-1": "confirmed", "9-2": "not_applicable", "9-3": "follow_up", "9-4": "follow_up",
        "10-1": "confirmed", "10-2": "confirmed",
    }
    sub = statuses(ui_report, 1)
    assert ui_report["checklists"][1]["id"] == "subcontract-application"
    assert sub["1-1#1"] == "confirmed" and sub["1-2#1"] == "follow_up"  # content stated, personal information not


GOOD_KEYS = [
    *OPEN_WAKAYAMA, *BASICS_KEYS,
    YES, YES, YES, YES, YES, NO, "1", NO, NO, NO, NO, NO, NO, YES, YES, YES, NO,
]
GOOD = {
    **BASICS,
    "handling_rules": "yes", "laws_complied": "yes", "staff_limited": "yes", "place_limited": "yes",
    "roster_submitted": "yes", "roster_changed": "no", "training_scope": "all", "offer_training_report": "no", "used_outside_purpose": "no",
    "copied_any": "no", "taken_out": "no", "third_party_handled": "no", "info_no_longer_needed": "no",
    "aware_return_duty": "yes", "emergency_contact": "yes", "incident_response": "yes", "incident_occurred": "no",
}


async def test_a_clean_walk_confirms_every_item_that_applies(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*GOOD_KEYS, "f5")
        assert isinstance(app.screen, ResultScreen)
        await export(pilot)
        assert "出力しました" in str(app.screen.query_one("#export-status").render())
        ui_report = exported_report(out_dir)
    assert ui_report["answers"] == GOOD
    assert normalised(ui_report) == normalised(fill_report("wakayama-safety-report", GOOD, tmp_path))
    assert set(statuses(ui_report).values()) == {"confirmed", "not_applicable"}
    assert len(ui_report["checklists"]) == 1  # no subcontract, no application checklist


async def test_the_side_panel_marks_progress_current_category_and_follow_ups(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS, YES, YES, YES, YES, YES, YES, NO, "2", NO, NO, YES)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        progress = str(screen.query_one("#progress-text").render())
        assert progress.startswith("19 / ")
        bar = screen.query_one(ProgressLine)
        shown, total = bar.render(), int(progress.split("/ ")[1].split()[0])
        (filled,) = [span for span in shown.spans if span.style == "$primary"]
        assert abs((filled.end - filled.start) - bar.size.width * 19 / total) <= 1, "the bar fills as much of its width"
        assert len(shown.plain) == bar.size.width
        lines = [str(option.prompt) for option in screen.query_one("#categories").options]
        assert lines[3].startswith(" ▲ 4 ")  # trained only some: follow-up, by mark
        assert lines[5].startswith("▶？ 6 ")  # now asking about copies: current, not settled yet
        assert lines[0].startswith(" ☑ 1 ")
