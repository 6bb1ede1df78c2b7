"""Helpers of tests/exports (a module of its own: test files import it by a name no other folder uses).

Reports to export: a filled Wakayama report with follow-ups and two subcontractors (answers carrying
markup and formula-like text), and a synthetic checklist of 500 items with 10,000-character answers."""

from __future__ import annotations

from datetime import date, datetime, timezone


from anzen.engine import Interview
from anzen.report import build_report

GENERATED = datetime(2026, 10, 1, 9, 30, tzinfo=timezone.utc)
HOSTILE_NAME = '株式会社<script>alert("x")</script>&\'サンプル\''
FORMULA = '=HYPERLINK("http://evil.example","x") 特記事項と同等の措置'

WAKAYAMA = {
    "municipality": "和歌山市", "contract_name": "令和8年度マイナンバーカードコールセンター運営業務", "contract_date": "2026-04-01",
    "contractor": HOSTILE_NAME, "address": "和歌山県和歌山市七番丁23番地", "representative": "代表取締役 山田 太郎",
    "report_date": "2026-10-01", "handling_rules": "yes", "laws_complied": "yes", "staff_limited": "yes", "place_limited": "no",
    "roster_submitted": "yes", "roster_changed": "no", "training_scope": "all", "used_outside_purpose": "no",
    "copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "unsure", "taken_out": "no",
    "third_party_handled": "yes", "subcontract_scope": "part", "subcontract_consent": "yes", "subcontractor_bound": "yes",
    "offer_application": "yes",
    "subcontract": {
        "application_date": "2026-09-20", "contract_start": "2026-04-01", "contract_end": "2027-03-31",
        "subcontractors": [
            {"name": "有限会社データ入力", "representative": "鈴木 一郎", "address": "大阪府大阪市北区1-1", "contact": "06-0000-0000",
             "group_company": "no", "content": "申請書の入力作業", "personal_info": "+氏名・住所・生年月日（約5,000件）", "mynumber": "yes",
             "mynumber_measures": "yes", "mynumber_rules": "no", "period_start": "2026-05-01", "period_end": "2027-04-30",
             "reason": "-繁忙期の入力作業量に対応するため", "structure": "@責任者 佐藤 花子、従事者 5名", "measures": FORMULA, "clause_copy": "yes",
             "supervision": "月1回の立入検査", "resub": "no"},
            {"name": "株式会社コール補助", "group_company": "yes", "content": "夜間の一次受付", "mynumber": "no", "clause_copy": "no", "resub": "no"},
        ],
    },
    "info_no_longer_needed": "no", "aware_return_duty": "yes", "copies_erased": "still_needed",
    "emergency_contact": "yes", "incident_response": "no", "incident_occurred": "no",
}


def fill(plan, answers, lang="ja"):
    interview = Interview(plan, today=date(2026, 10, 1))
    loaded = interview.load(answers)
    assert loaded.ok, loaded
    return build_report(interview, generated_at=GENERATED, lang=lang)
