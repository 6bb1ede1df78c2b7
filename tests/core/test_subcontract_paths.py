"""The subcontract application: per-subcontractor items, missing entries and flags."""

import pytest

from anzen.result import results
from anzen_testing import interview

HEADER = {"municipality": "和歌山市", "contract_name": "委託業務", "applicant": "株式会社受託", "contract_start": "2026-04-01", "contract_end": "2027-03-31", "application_date": "2026-06-01", "scope": "part"}
FULL = {
    "name": "株式会社再委託", "representative": "代表 佐藤", "address": "大阪市", "contact": "06-0000-0000", "group_company": "no",
    "content": "入力作業", "personal_info": "氏名・住所 1,000件", "mynumber": "no", "period_start": "2026-05-01", "period_end": "2027-03-31",
    "reason": "繁忙期の人員確保", "structure": "責任者 鈴木、従事者3名", "measures": "特記事項と同等", "clause_copy": "yes", "supervision": "月次報告と立入検査", "resub": "no",
}
C, F, NA = "confirmed", "follow_up", "not_applicable"
FULL_STATUS = {**{f"1-{n}": C for n in range(1, 9)}, **{f"2-{n}": NA for n in range(1, 9)}, "3-1": C, "3-2": C, "3-3": NA, "3-4": NA, "3-5": C, "3-6": C}
RESUB = {"resub": "yes", "resub_content": "a", "resub_personal_info": "b", "resub_period": "c", "resub_reason": "d", "resub_party": "e", "resub_structure": "f", "resub_measures": "g", "resub_supervision": "h"}

CASES = {
    "complete": ({}, {}, {}),
    "whole work": ({"scope": "whole"}, {}, {"3-1": F}),
    "scope unsure": ({"scope": "unsure"}, {}, {"3-1": F}),
    "missing entries": ({}, {"representative": None, "content": None, "personal_info": None, "reason": None, "structure": None, "measures": None, "supervision": None},
                        {"1-1": F, "1-2": F, "1-4": F, "1-5": F, "1-6": F, "1-7": F, "1-8": F}),
    "no period": ({}, {"period_start": None, "period_end": None}, {"1-3": F, "3-6": F}),
    "period reversed": ({}, {"period_start": "2026-12-01", "period_end": "2026-06-01"}, {"1-3": F}),
    "period starts early": ({}, {"period_start": "2026-03-01"}, {"3-6": F}),
    "period ends late": ({}, {"period_end": "2027-06-30"}, {"3-6": F}),
    "group company": ({}, {"group_company": "yes"}, {"3-3": F}),
    "group unsure": ({}, {"group_company": "unsure"}, {"3-3": F}),
    "my number confirmed": ({}, {"mynumber": "yes", "mynumber_measures": "yes", "mynumber_rules": "yes"}, {"3-4": F}),
    "my number unconfirmed": ({}, {"mynumber": "yes", "mynumber_measures": "no", "mynumber_rules": "unsure"}, {"3-4": F}),
    "my number unsure": ({}, {"mynumber": "unsure"}, {"3-4": F}),
    "no clause copy": ({}, {"clause_copy": "no"}, {"3-5": F}),
    "clause copy unsure": ({}, {"clause_copy": "unsure"}, {"3-5": F}),
    "resub complete": ({}, RESUB, {**{f"2-{n}": C for n in range(1, 9)}, "3-2": F}),
    "resub missing": ({}, {**RESUB, "resub_party": None, "resub_measures": None}, {**{f"2-{n}": C for n in range(1, 9)}, "2-5": F, "2-7": F, "3-2": F}),
    "resub unsure": ({}, {"resub": "unsure"}, {**{f"2-{n}": F for n in range(1, 9)}, "3-2": F}),
}


@pytest.mark.parametrize("name", CASES)
def test_case(subcontract_plan, name):
    top, block_changes, expected = CASES[name]
    block = {k: v for k, v in {**FULL, **block_changes}.items() if v is not None}
    iv = interview(subcontract_plan, {**HEADER, **top, "subcontractors": [block]})
    assert iv.complete
    (checklist,) = results(iv)
    statuses = {item.id: item.status for item in checklist.items}
    assert statuses == {**FULL_STATUS, **expected}
    assert {item.instance_label for item in checklist.items if item.instance is not None} == {"株式会社再委託"}


def test_two_subcontractors_get_their_own_items(subcontract_plan):
    second = {**FULL, "name": "有限会社二", "clause_copy": "no"}
    iv = interview(subcontract_plan, {**HEADER, "subcontractors": [FULL, second]})
    items = [i for i in results(iv)[0].items if i.id == "3-5"]
    assert [(i.instance, i.instance_label, i.status) for i in items] == [(1, "株式会社再委託", C), (2, "有限会社二", F)]
    one_five = [i for i in results(iv)[0].items if i.id == "1-5"]
    assert [a.label.ja for a in one_five[0].answer] == ["株式会社再委託", "代表 佐藤", "大阪市", "06-0000-0000"]


def test_before_the_group_is_answered_its_items_are_unanswered(subcontract_plan):
    iv = interview(subcontract_plan, HEADER)
    (checklist,) = results(iv)
    assert {i.status for i in checklist.items if i.id != "3-1"} == {"unanswered"}
    assert next(i for i in checklist.items if i.id == "3-1").status == C
