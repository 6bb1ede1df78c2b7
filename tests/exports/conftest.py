"""Reports to export: a filled Wakayama report with follow-ups and two subcontractors (answers carrying
markup and formula-like text), and a synthetic checklist of 500 items with 10,000-character answers."""

from __future__ import annotations

import shutil
from pathlib import Path
import pytest
from anzen.build import build_plan, load_plan
from anzen.registry import Library, data_dir
from exports_testing import WAKAYAMA, fill


@pytest.fixture(scope="session")
def wakayama_plan():
    return load_plan("wakayama-safety-report")


@pytest.fixture(scope="session")
def report(wakayama_plan):
    return fill(wakayama_plan, WAKAYAMA)


@pytest.fixture(scope="session")
def report_en(wakayama_plan):
    return fill(wakayama_plan, WAKAYAMA, lang="en")


BIG_ITEMS, PER_CATEGORY = 500, 10
LONG = ("長い回答の本文です。" * 1000)[:9995] + "終わりの印"
assert len(LONG) == 10_000


def _big_files(root: Path) -> Library:
    """A checklist of 500 items in 50 categories and a flow that fills it (written inline, as a test flow)."""
    (root / "checklists" / "sources").mkdir(parents=True)
    (root / "flows").mkdir()
    shutil.copy(data_dir("checklists") / "sources" / "wakayama-tokki.yaml", root / "checklists" / "sources")
    cats = []
    for c in range(1, BIG_ITEMS // PER_CATEGORY + 1):
        items = "".join(
            f'      - {{id: "{c}-{i}", text: {{ja: "第{c}項目の確認事項{i}：契約に係る情報を適切に取り扱っている。（印{c:02d}{i:02d}）"}}, '
            f"refs: [{{doc: wakayama-tokki, article: 第1}}]}}\n"
            for i in range(1, PER_CATEGORY + 1)
        )
        cats.append(f'  - id: "{c}"\n    title: {{ja: "項目{c}"}}\n    items:\n{items}')
    (root / "checklists" / "big.yaml").write_text(
        "id: big\nversion: '1'\ntitle: {ja: 大きな報告書}\nissuer: {ja: テスト市}\nsource: none.txt\n"
        "header:\n  - {id: report_date, label: {ja: 年月日}, kind: date}\n  - {id: addressee, label: {ja: 宛先}, default: テスト市長}\n"
        "  - {id: contractor, label: {ja: 事業者名}}\n"
        "categories:\n" + "".join(cats), encoding="utf-8")
    questions = "".join(f"      - {{id: q{c}, kind: yes_no, prompt: {{ja: 項目{c}を守っていますか？}}}}\n" for c in range(1, BIG_ITEMS // PER_CATEGORY + 1))
    outcomes = []
    for c in range(1, BIG_ITEMS // PER_CATEGORY + 1):
        for i in range(1, PER_CATEGORY + 1):
            if c == 1:  # the first category shows the long answer as answer, reason and action
                outcomes.append(f'  "{c}-{i}":\n    - {{when: {{question: q{c}, equals: "yes"}}, status: confirmed}}\n'
                                f'    - {{when: {{question: detail, answered: true}}, status: follow_up, reason: {{ja: "詳細：{{detail}}"}}, action: {{ja: "{{detail}}"}}}}\n')
            else:
                outcomes.append(f'  "{c}-{i}":\n    - {{when: {{question: q{c}, equals: "yes"}}, status: confirmed}}\n'
                                f'    - {{status: follow_up, reason: {{ja: 守られていません。}}, action: {{ja: 是正してください。}}}}\n')
    (root / "flows" / "big.yaml").write_text(
        "id: big\nversion: '1'\ntitle: {ja: 大きな報告書}\nchecklist: big\n"
        "header:\n  contractor: {question: contractor}\n  report_date: {question: report_date}\n"
        "sections:\n  - id: s\n    title: {ja: 全部}\n    questions:\n"
        "      - {id: contractor, kind: text, prompt: {ja: 事業者名}}\n"
        "      - {id: report_date, kind: date, prompt: {ja: 日付}}\n"
        "      - {id: detail, kind: text, multiline: true, prompt: {ja: 詳細}}\n" + questions +
        "outcomes:\n" + "".join(outcomes), encoding="utf-8")
    return Library(root / "flows", root / "checklists")


@pytest.fixture(scope="session")
def big_report(tmp_path_factory):
    library = _big_files(tmp_path_factory.mktemp("big"))
    plan = build_plan(library.flow(library.flows_dir / "big.yaml"), library)
    answers = {"contractor": "株式会社" + LONG, "report_date": "2026-10-01", "detail": LONG}
    answers.update({f"q{c}": "no" if c % 2 else "yes" for c in range(1, BIG_ITEMS // PER_CATEGORY + 1)})
    return fill(plan, answers)
