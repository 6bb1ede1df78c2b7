"""The plain-Python parts of the app (no terminal): interview state, group drafts, overviews."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from anzen.build import load_plan
from anzen.errors import AnswerError
from anzen.plan import refs_for
from anzen.tui.overview import answer_rows, category_rows, questions_of_category, source_articles
from anzen.tui.state import STAFF, GroupDraft, InterviewState

TODAY = date(2026, 10, 1)


@pytest.fixture(scope="module")
def wakayama():
    return load_plan("wakayama-safety-report")


@pytest.fixture(scope="module")
def subcontract():
    return load_plan("subcontract-application")


def test_notes_follow_their_answers(wakayama) -> None:
    state, _ = InterviewState.start(wakayama, today=TODAY, mode=STAFF, staff="佐藤", answers={"copied_any": "yes", "copy_on_instruction": "no"})
    assert state.saved and not state.unsaved_answers
    state.set_note("copy_on_instruction", "  指示書なし ")
    state.set_note("copied_any", "")
    assert state.notes == {"copy_on_instruction": "指示書なし"}
    change = state.answer("copied_any", "no")
    assert "copy_on_instruction" in change.removed and state.notes == {}, "a removed answer takes its note with it"
    assert state.unsaved_answers
    assert state.meta().staff == "佐藤" and state.meta().mode == "staff"


def test_a_session_created_after_the_first_answers_gets_them_in_order(wakayama, tmp_path) -> None:
    from anzen.store import open_store

    state, _ = InterviewState.start(wakayama, today=TODAY, mode=STAFF, staff="佐藤")
    state.answer("contractor", "株式会社サンプル")
    state.set_note("contractor", "名刺で確認")
    assert state.unsaved_answers
    interview = state.interview
    with open_store(tmp_path / "s.db") as store:
        live = store.start("wakayama-safety-report", mode=STAFF, staff="佐藤", lang="ja")
        state.attach(live)
        assert state.session is live and not state.unsaved_answers
        assert state.interview is interview and live.interview is interview, "the screen's interview goes on"
        state.answer("handling_rules", "yes")  # from now on committed as given
        stored = {a.question_id: a.value for a in store.answers(live.id)}
        assert stored == {"contractor": "株式会社サンプル", "handling_rules": "yes"}
        assert live.notes == {"contractor": "名刺で確認"}
        assert store.get(live.id).respondent == "株式会社サンプル"
        live.close()


def test_staff_name_only_in_a_staff_led_interview(wakayama) -> None:
    state, _ = InterviewState.start(wakayama, today=TODAY, staff="佐藤")
    assert state.staff is None and not state.staff_led


def test_a_group_draft_asks_what_the_engine_says_and_checks_each_answer(subcontract) -> None:
    state, _ = InterviewState.start(subcontract, today=TODAY)
    group = subcontract.by_id["subcontractors"]
    draft = GroupDraft(state.interview, group)
    draft.start_block()
    assert draft.next_child().id == "name"
    with pytest.raises(AnswerError):
        draft.answer_child(group.child("name"), "")  # required
    draft.answer_child(group.child("name"), "A")
    for child_id in ("representative", "address", "contact"):
        draft.answer_child(group.child(child_id), "")
    draft.answer_child(group.child("group_company"), "n")
    draft.answer_child(group.child("content"), "")
    draft.answer_child(group.child("personal_info"), "")
    draft.answer_child(group.child("mynumber"), "yes")
    assert draft.next_child().id == "mynumber_measures", "the block's own branch"
    assert draft.back().id == "mynumber" and draft.default_for(group.child("mynumber")) == "yes"
    draft.answer_child(group.child("mynumber"), "no")
    assert draft.next_child().id == "period_start"
    for child_id in ("period_start", "period_end", "reason", "structure", "measures"):
        draft.answer_child(group.child(child_id), "")
    draft.answer_child(group.child("clause_copy"), "y")
    draft.answer_child(group.child("supervision"), "")
    draft.answer_child(group.child("resub"), "no")
    assert draft.next_child() is None and draft.finish_block() == 1
    assert draft.block_name(draft.blocks[0], 1, "ja") == "A"
    draft.start_block(0)
    assert draft.default_for(group.child("name")) == "A" and draft.number() == 1
    assert draft.back() is None and draft.block is None, "leaving an edited block keeps it"
    assert len(draft.blocks) == 1
    draft.remove(0)
    assert draft.blocks == [] and draft.can_add()


def test_category_rows_mark_current_reached_and_follow_up(wakayama) -> None:
    state, _ = InterviewState.start(wakayama, today=TODAY, answers={"handling_rules": "no", "laws_complied": "yes"})
    interview = state.interview
    rows = category_rows(interview, interview.plan.by_id["staff_limited"])
    by_id = {r.id: r for r in rows}
    assert by_id["1"].status == "follow_up" and by_id["1"].follow_ups == 1 and by_id["1"].reached
    assert by_id["2"].status == "confirmed"
    assert by_id["3"].current and not by_id["3"].reached
    assert questions_of_category(interview, "wakayama-safety-report", "1") == ["handling_rules"]


def test_answer_rows_follow_the_path_and_describe_blocks(subcontract) -> None:
    state, _ = InterviewState.start(subcontract, today=TODAY, answers={
        "applicant": "X", "scope": "part", "subcontractors": [{"name": "A", "group_company": "no", "mynumber": "no", "clause_copy": "yes", "resub": "no"}],
    })
    rows = answer_rows(state.interview, "ja")
    assert [r.question for r in rows] == ["applicant", "scope", "subcontractors"]
    group = rows[-1]
    assert group.label == "1件" and group.details[0] == "1. A"
    assert any("子会社又はグループ会社" in line and "いいえ" in line for line in group.details)


def test_articles_come_from_the_question_or_else_from_its_category(wakayama) -> None:
    node = wakayama.by_id["copy_on_instruction"]
    (article,) = source_articles(wakayama, refs_for(wakayama, node), "ja")
    assert article.label.endswith("第7") and article.heading == "複写又は複製の禁止" and article.found
    english = source_articles(wakayama, refs_for(wakayama, node), "en")[0]
    assert english.text.startswith("In processing") and english.original.startswith("乙は")
    roster_changed = wakayama.by_id["roster_changed"]  # no refs of its own: category 3's items
    assert {r.doc for r in refs_for(wakayama, roster_changed)} >= {"wakayama-tokki"}


def test_recent_reports_are_anzen_reports_newest_first(tmp_path) -> None:
    import json
    import os

    from anzen.tui.recent import recent_reports

    for n in range(3):
        path = tmp_path / f"r{n}.json"
        path.write_text(json.dumps({"format": "anzen-report", "flow": "f", "flow_title": {"ja": "題", "en": "Title"},
                                    "answers": {"q": n}, "mode": "staff", "staff": "佐藤", "notes": {"q": "メモ"}}))
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "other.json").write_text('{"format": "something else", "answers": {}}')
    (tmp_path / "broken.json").write_text("{")
    found = recent_reports(tmp_path, "en", limit=2)
    assert [r.answers for r in found] == [{"q": 2}, {"q": 1}]
    assert found[0].title == "Title" and found[0].staff == "佐藤" and found[0].notes == {"q": "メモ"}
    assert recent_reports(tmp_path / "missing") == []


def test_commands_other_than_the_app_do_not_import_textual() -> None:
    code = "import sys; from anzen.cli.main import main; main(['flows', 'list', '--json']); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
