"""The forms of issue 6 run end to end: `anzen fill` writes their reports, and the Wakayama report includes
the training report and the pledge without asking again what it already knows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from anzen.build import load_plan
from anzen.cli.main import main

COMPANY = {"contractor": "株式会社テスト", "address": "和歌山市七番丁1番地", "representative": "代表取締役 山田太郎"}


def fill(tmp_path: Path, flow: str, answers: dict, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / f"{flow}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["fill", flow, "--answers", str(path), "--out", str(out), "--format", "json,md", "--name", flow])
    capsys.readouterr()
    assert code == 0
    assert (out / f"{flow}.md").read_text(encoding="utf-8").strip()
    return json.loads((out / f"{flow}.json").read_text(encoding="utf-8"))


def statuses(report: dict, checklist: str) -> dict[str, str]:
    found = next(c for c in report["checklists"] if c["id"] == checklist)
    return {i["id"]: i["status"] for i in found["items"]}


def test_the_training_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = fill(tmp_path, "wakayama-training-report", {
        **COMPANY, "municipality": "和歌山市", "contract_name": "令和8年度マイナンバーカードコールセンター運営業務",
        "report_date": "2026-05-20", "training_date": "2026-05-15", "participants": "業務責任者及び業務従事者",
        "participant_count": 5, "content": "個人情報取扱特記事項の遵守事項と罰則", "topics": ["provisions", "penalties"],
        "scope": "all", "submitted_promptly": "yes", "other": None,  # skipped: その他 is optional
    }, capsys)
    assert statuses(report, "wakayama-training-report") == {
        "1-1": "confirmed", "1-2": "confirmed", "1-3": "confirmed", "1-4": "confirmed", "1-5": "not_applicable",
        "2-1": "confirmed", "2-2": "confirmed", "2-3": "confirmed"}
    checklist = report["checklists"][0]
    assert checklist["header"]["addressee"]["value"] == "和歌山市長"
    assert checklist["preamble"]["ja"] == "本業務において、次のとおり研修を実施したので、報告します。"
    date_item = next(i for i in checklist["items"] if i["id"] == "1-2")
    assert date_item["answer"][0]["label"]["ja"] == "令和8年5月15日"  # the value shows on the form


def test_the_pledge_flags_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = fill(tmp_path, "wakayama-pledge", {
        "municipality": "和歌山市", "address": COMPANY["address"], "company": COMPANY["contractor"], "representative": "山田太郎",
        "tel": "073-000-0000", "fax": None, "pledge_date": "2026-04-01", "keeps_confidential": "yes", "accepts_measures": "yes",
        "seal": "no", "staff_informed": "unsure",
    }, capsys)
    assert statuses(report, "wakayama-pledge") == {"1-1": "confirmed", "1-2": "confirmed", "2-1": "follow_up", "2-2": "follow_up"}
    assert report["checklists"][0]["header"]["fax"]["value"] is None


def test_the_safety_report_includes_the_training_report_and_pledge_with_shared_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan("wakayama-safety-report")
    for shared in ("training_report.contract_name", "training_report.contractor", "training_report.scope", "pledge.company", "pledge.address"):
        assert shared not in plan.by_id, f"{shared} would be asked again"
    report = fill(tmp_path, "wakayama-safety-report", {
        **COMPANY, "municipality": "和歌山市", "offer_pledge": "yes", "pledge": {"tel": "073-000-0000", "keeps_confidential": "yes",
        "accepts_measures": "yes", "seal": "yes", "staff_informed": "yes"}, "training_scope": "some", "offer_training_report": "yes",
        "training_report": {"training_date": "2026-05-15", "participants": "従事者", "participant_count": 3, "content": "研修",
                            "topics": ["provisions"], "submitted_promptly": "yes"},
    }, capsys)
    assert [c["id"] for c in report["checklists"]] == ["wakayama-safety-report", "wakayama-pledge", "wakayama-training-report"]
    training = next(c for c in report["checklists"] if c["id"] == "wakayama-training-report")
    assert training["header"]["contractor"]["value"] == "株式会社テスト"  # from the report header, not asked again
    assert statuses(report, "wakayama-training-report")["2-2"] == "follow_up"  # training_scope 'some' was shared
    assert statuses(report, "wakayama-training-report")["2-1"] == "follow_up"  # penalties not covered
    pledge = next(c for c in report["checklists"] if c["id"] == "wakayama-pledge")
    assert pledge["header"]["company"]["value"] == "株式会社テスト"
    assert statuses(report, "wakayama-safety-report")["4-1"] == "follow_up"


@pytest.mark.parametrize(("flow", "count"), [
    ("wakayama-tokki-selfcheck", 13), ("kanagawa-tokki-selfcheck", 16), ("okayama-tokki-selfcheck", 16), ("minato-tokki-selfcheck", 23),
])
def test_every_self_check_runs_and_confirms_everything_when_all_is_kept(flow: str, count: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan(flow)
    answers = {"contractor": "株式会社テスト", "contract_name": "業務委託", "check_date": "2026-10-01"}
    answers |= {n.id: "yes" for n in plan.questions if n.kind == "yes_no"}
    report = fill(tmp_path, flow, answers, capsys)
    assert list(statuses(report, flow).values()) == ["confirmed"] * count


def test_minato_asks_the_my_number_and_media_articles_only_when_they_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan("minato-tokki-selfcheck")
    answers = {n.id: "yes" for n in plan.questions if n.kind == "yes_no"} | {"contractor": "株式会社テスト", "contract_name": "業務", "check_date": "2026-10-01"}
    answers |= {"mynumber": "no", "media": "yes", "art22": "no", "subcontract": "unsure"}
    for article in range(16, 22):
        answers.pop(f"art{article}")
    report = fill(tmp_path, "minato-tokki-selfcheck", answers, capsys)
    result = statuses(report, "minato-tokki-selfcheck")
    assert [result[str(n)] for n in range(16, 22)] == ["not_applicable"] * 6
    assert (result["22"], result["23"]) == ("follow_up", "confirmed")
    assert result["5"] == "confirmed"  # asked because the subcontracting answer was わからない
    follow = next(i for c in report["checklists"] for i in c["items"] if i["id"] == "22")
    assert follow["refs"][0]["label"]["ja"] == "港区 個人情報等取扱いに関する特記事項 第22条"


def test_kanagawa_help_is_the_official_explanation() -> None:
    plan = load_plan("kanagawa-tokki-selfcheck")
    help_text = plan.by_id["art1"].question.help.ja
    assert help_text.startswith("〇 受託者が、委託契約による業務に関して知り得た個人情報についても漏えいすることを禁止する")
