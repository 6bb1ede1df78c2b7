"""Every branch of the Wakayama report: for each path, the expected status of every item."""

import pytest

from anzen.build import allowed_values
from anzen.result import results
from anzen_testing import interview

HEADER = {
    "municipality": "和歌山市", "contract_name": "令和8年度マイナンバーカードコールセンター運営業務", "contract_date": "2026-04-01",
    "contractor": "株式会社テスト", "address": "和歌山市七番丁23番地", "representative": "代表取締役 山田太郎", "report_date": "2026-10-01",
    "offer_pledge": "no",
}
BASE = {
    **HEADER, "handling_rules": "yes", "laws_complied": "yes", "staff_limited": "yes", "place_limited": "yes",
    "roster_submitted": "yes", "roster_changed": "no", "training_scope": "all", "offer_training_report": "no", "used_outside_purpose": "no",
    "copied_any": "no", "taken_out": "no", "third_party_handled": "no", "info_no_longer_needed": "no",
    "aware_return_duty": "yes", "emergency_contact": "yes", "incident_response": "yes", "incident_occurred": "no",
}
C, F, NA = "confirmed", "follow_up", "not_applicable"
BASE_STATUS = {
    "1-1": C, "2-1": C, "3-1": C, "3-2": C, "4-1": C, "5-1": C, "6-1": C, "6-2": NA, "6-3": NA, "7-1": C, "7-2": NA,
    "7-3": NA, "8-1": C, "8-2": NA, "9-1": NA, "9-2": C, "9-3": NA, "9-4": NA, "10-1": C, "10-2": C,
}
SUB = {"third_party_handled": "yes", "subcontract_scope": "part", "subcontract_consent": "yes", "subcontractor_bound": "yes", "offer_application": "no"}
TAKEN = {"taken_out": "yes", "takeout_approved": "yes", "takeout_recorded": "yes", "takeout_concealed": "yes"}
DISPOSED = {"info_no_longer_needed": "yes", "disposition": "disposed", "disposal_certificate": "yes"}

# (changes to BASE, changes to BASE_STATUS)
PATHS = {
    "all compliant": ({}, {}),
    "no rules": ({"handling_rules": "no"}, {"1-1": F}),
    "rules unsure": ({"handling_rules": "unsure"}, {"1-1": F}),
    "laws no": ({"laws_complied": "no"}, {"2-1": F}),
    "laws unsure": ({"laws_complied": "unsure"}, {"2-1": F}),
    "staff unsure": ({"staff_limited": "unsure"}, {"3-1": F}),
    "staff not limited": ({"staff_limited": "no"}, {"3-1": F, "3-2": F}),
    "place unsure": ({"place_limited": "unsure"}, {"3-1": F}),
    "place not limited": ({"place_limited": "no"}, {"3-1": F, "3-2": F}),
    "roster not submitted": ({"roster_submitted": "no", "roster_changed": None}, {"3-2": F}),
    "roster unsure": ({"roster_submitted": "unsure", "roster_changed": None}, {"3-2": F}),
    "changed and reported": ({"roster_changed": "yes", "change_reported": "yes"}, {}),
    "changed not reported": ({"roster_changed": "yes", "change_reported": "no"}, {"3-2": F}),
    "change unsure, reported": ({"roster_changed": "unsure", "change_reported": "yes"}, {}),
    "change reported unsure": ({"roster_changed": "yes", "change_reported": "unsure"}, {"3-2": F}),
    "training some": ({"training_scope": "some"}, {"4-1": F}),
    "training none": ({"training_scope": "none"}, {"4-1": F}),
    "training unsure": ({"training_scope": "unsure"}, {"4-1": F}),
    "outside use authorised": ({"used_outside_purpose": "yes", "outside_use_authorized": "yes"}, {"5-1": F}),
    "outside use unauthorised": ({"used_outside_purpose": "yes", "outside_use_authorized": "no"}, {"5-1": F}),
    "outside use authorisation unsure": ({"used_outside_purpose": "yes", "outside_use_authorized": "unsure"}, {"5-1": F}),
    "outside use unsure": ({"used_outside_purpose": "unsure"}, {"5-1": F}),
    "copied on instruction": ({"copied_any": "yes", "copy_on_instruction": "yes", "copies_erased": "erased_reported"}, {"6-1": NA, "6-2": C, "9-4": C}),
    "copied with consent": ({"copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "yes", "copies_erased": "still_needed"}, {"6-1": NA, "6-3": C}),
    "copied without consent": ({"copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "no", "copies_erased": "erased_unreported"}, {"6-1": NA, "6-3": F, "9-4": F}),
    "copied, consent unsure": ({"copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "unsure", "copies_erased": "not_erased"}, {"6-1": NA, "6-3": F, "9-4": F}),
    "instruction unsure": ({"copied_any": "yes", "copy_on_instruction": "unsure", "copy_consent": "yes", "copies_erased": "unsure"}, {"6-1": NA, "6-2": F, "6-3": C, "9-4": F}),
    "copies unknown": ({"copied_any": "unsure", "copies_erased": "erased_reported"}, {"6-1": F, "6-2": F, "6-3": F, "9-4": C}),
    "taken out properly": (TAKEN, {"7-1": NA, "7-2": C, "7-3": C}),
    "taken out unapproved": ({**TAKEN, "takeout_approved": "no"}, {"7-1": NA, "7-2": F, "7-3": C}),
    "taken out unrecorded": ({**TAKEN, "takeout_recorded": "no"}, {"7-1": NA, "7-2": F, "7-3": C}),
    "approval unsure": ({**TAKEN, "takeout_approved": "unsure"}, {"7-1": NA, "7-2": F, "7-3": C}),
    "recorded unsure": ({**TAKEN, "takeout_recorded": "unsure"}, {"7-1": NA, "7-2": F, "7-3": C}),
    "carried openly": ({**TAKEN, "takeout_concealed": "no"}, {"7-1": NA, "7-2": C, "7-3": F}),
    "concealment unsure": ({**TAKEN, "takeout_concealed": "unsure"}, {"7-1": NA, "7-2": C, "7-3": F}),
    "taken out unsure": ({"taken_out": "unsure"}, {"7-1": F, "7-2": F, "7-3": F}),
    "subcontracted properly": (SUB, {"8-1": NA, "8-2": C}),
    "subcontracted whole": ({**SUB, "subcontract_scope": "whole"}, {"8-1": NA, "8-2": F}),
    "scope unsure": ({**SUB, "subcontract_scope": "unsure"}, {"8-1": NA, "8-2": F}),
    "subcontracted without consent": ({**SUB, "subcontract_consent": "no"}, {"8-1": NA, "8-2": F}),
    "consent unsure": ({**SUB, "subcontract_consent": "unsure"}, {"8-1": NA, "8-2": F}),
    "subcontractor unbound": ({**SUB, "subcontractor_bound": "no"}, {"8-1": NA, "8-2": F}),
    "bound unsure": ({**SUB, "subcontractor_bound": "unsure"}, {"8-1": NA, "8-2": F}),
    "third party unsure": ({"third_party_handled": "unsure"}, {"8-1": F, "8-2": F}),
    "returned": ({"info_no_longer_needed": "yes", "disposition": "returned"}, {"9-1": C, "9-2": NA}),
    "disposed with certificate": (DISPOSED, {"9-1": C, "9-2": NA, "9-3": C}),
    "disposed without certificate": ({**DISPOSED, "disposal_certificate": "no"}, {"9-1": C, "9-2": NA, "9-3": F}),
    "certificate unsure": ({**DISPOSED, "disposal_certificate": "unsure"}, {"9-1": C, "9-2": NA, "9-3": F}),
    "kept": ({"info_no_longer_needed": "yes", "disposition": "kept"}, {"9-1": F, "9-2": NA}),
    "disposition unsure": ({"info_no_longer_needed": "yes", "disposition": "unsure"}, {"9-1": F, "9-2": NA, "9-3": F}),
    "not aware": ({"aware_return_duty": "no"}, {"9-2": F}),
    "awareness unsure": ({"aware_return_duty": "unsure"}, {"9-2": F}),
    "need unsure": ({"info_no_longer_needed": "unsure"}, {"9-1": F, "9-2": F, "9-3": F}),
    "no emergency contact": ({"emergency_contact": "no"}, {"10-1": F}),
    "emergency contact unsure": ({"emergency_contact": "unsure"}, {"10-1": F}),
    "incident reported": ({"incident_occurred": "yes", "incident_reported": "yes"}, {}),
    "incident not reported": ({"incident_occurred": "yes", "incident_reported": "no"}, {"10-1": F}),
    "incident report unsure": ({"incident_occurred": "unsure", "incident_reported": "unsure"}, {"10-1": F}),
    "no incident response": ({"incident_response": "no"}, {"10-2": F}),
    "incident response unsure": ({"incident_response": "unsure"}, {"10-2": F}),
}


def answers_for(changes: dict) -> dict:
    answers = {**BASE, **changes}
    return {k: v for k, v in answers.items() if v is not None}


@pytest.mark.parametrize("name", PATHS)
def test_path(wakayama_plan, name):
    changes, expected_changes = PATHS[name]
    iv = interview(wakayama_plan, answers_for(changes))
    assert iv.complete, iv.next_question().id
    (checklist,) = results(iv)
    statuses = {item.id: item.status for item in checklist.items}
    assert statuses == {**BASE_STATUS, **expected_changes}
    for item in checklist.items:
        if item.status == "follow_up":
            assert item.reason and item.action and item.refs, item.id


def test_paths_cover_every_answer_of_every_question(wakayama_plan):
    used = {(q, v) for changes, _ in PATHS.values() for q, v in answers_for(changes).items()}
    missing = []
    for node in wakayama_plan.questions:
        values = allowed_values(node.question)
        if values is None or "." in node.id or node.id.startswith("offer_"):  # sub-flows have their own tests
            continue
        missing += [(node.id, v) for v in values if (node.id, v) not in used]
    assert missing == []


def test_unsure_reason_names_the_question(wakayama_plan):
    iv = interview(wakayama_plan, answers_for({"copied_any": "unsure", "copies_erased": "erased_reported"}))
    item = next(i for i in results(iv)[0].items if i.id == "6-1")
    assert "「契約に係る情報を、用紙や記録媒体などに複写・複製したことはありますか？」に「わからない」" in item.reason.ja
    assert item.answer[0].label.ja == "わからない"


def test_city_name_is_printed_verbatim_for_wakayama_and_replaced_otherwise(wakayama_plan):
    (checklist,) = results(interview(wakayama_plan, BASE))
    item = next(i for i in checklist.items if i.id == "4-1")
    assert "和歌山市情報セキュリティポリシー及びその他和歌山市との協議内容" in item.text.ja
    assert checklist.preamble.ja.startswith("令和8年4月1日付けで、和歌山市と株式会社テストで締結しました令和8年度マイナンバーカードコールセンター運営業務に関し")
    (other,) = results(interview(wakayama_plan, {**BASE, "municipality": "海南市", "contract_date": "2025-04-01"}))
    item = next(i for i in other.items if i.id == "4-1")
    assert "海南市情報セキュリティポリシー及びその他海南市との協議内容" in item.text.ja
    assert other.preamble.ja.startswith("令和7年4月1日付けで、海南市と株式会社テスト")
    header = {h.id: h.display.ja for h in other.header}
    assert header["addressee"] == "海南市長" and header["report_date"] == "令和8年10月1日"


def test_follow_up_text_fills_in_the_municipality(wakayama_plan):
    (checklist,) = results(interview(wakayama_plan, answers_for({"municipality": "海南市", "roster_submitted": "no", "roster_changed": None})))
    item = next(i for i in checklist.items if i.id == "3-2")
    assert "海南市に届け出てください" in item.action.ja


def test_offering_the_application_adds_its_checklist(wakayama_plan):
    iv = interview(wakayama_plan, answers_for({**SUB, "offer_application": "yes"}))
    assert not iv.complete and iv.next_question().id == "subcontract.contract_start"
    assert [c.id for c in results(iv)] == ["wakayama-safety-report", "subcontract-application"]
    sub = results(iv)[1]
    assert {h.id: h.value for h in sub.header}["applicant"] == "株式会社テスト"  # shared, not asked again
    three_one = next(i for i in sub.items if i.id == "3-1")
    assert three_one.status == "confirmed"  # scope 'part' came from subcontract_scope
