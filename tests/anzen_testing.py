"""Helpers shared by the tests (imported as `anzen_testing`): small flows inline, a throwaway library."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from anzen.build import build_plan
from anzen.engine import Interview
from anzen.loader import load_flow
from anzen.registry import Library

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 10, 1)

MINI_CHECKLIST = """
id: mini
version: "1"
title: {ja: ミニ, en: Mini}
issuer: {ja: テスト市, en: Test City}
source: test
header:
  - id: who
    label: {ja: 事業者名, en: Contractor}
    replaces: ○○株式会社
  - id: city
    label: {ja: 市, en: City}
    default: 和歌山市
    replaces: 和歌山市
categories:
  - id: "1"
    title: {ja: 一, en: One}
    items:
      - id: "1-1"
        text: {ja: 和歌山市と○○株式会社の確認事項。, en: Item one.}
        refs: [{doc: wakayama-tokki, article: 第7}]
      - id: "1-2"
        text: {ja: 二つ目。, en: Item two.}
        refs: [{doc: wakayama-tokki, article: 第8}]
"""


class MiniLibrary:
    """A library whose checklists are the shipped ones plus `mini`, and whose flows live in tmp_path."""

    def __init__(self, tmp_path: Path) -> None:
        self.flows = tmp_path / "flows"
        self.checklists = tmp_path / "checklists"
        self.flows.mkdir()
        (self.checklists / "sources").mkdir(parents=True)
        for source in (ROOT / "checklists" / "sources").glob("*.yaml"):
            (self.checklists / "sources" / source.name).write_bytes(source.read_bytes())
        for checklist in (ROOT / "checklists").glob("*.yaml"):
            (self.checklists / checklist.name).write_bytes(checklist.read_bytes())
        (self.checklists / "mini.yaml").write_text(MINI_CHECKLIST, encoding="utf-8")
        self.library = Library(self.flows, self.checklists)

    def write(self, name: str, text: str) -> Path:
        path = self.flows / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    def plan(self, text: str, name: str = "t.yaml"):
        path = self.write(name, text)
        return build_plan(load_flow(path, f"flows/{name}"), self.library)


# a group whose block question 'measures' is asked only when the outer 'mynumber' is yes (no checklist)
OUTER_READ = """\
id: outer
version: "1"
title: {ja: 外側, en: Outer}
sections:
  - id: s
    title: {ja: 質問, en: Questions}
    questions:
      - {id: mynumber, kind: yes_no, prompt: {ja: 個人番号を扱いますか？, en: "My Number?"}}
      - id: parties
        kind: group
        prompt: {ja: 再委託先, en: Subcontractors}
        item_label: {ja: 再委託先, en: subcontractor}
        questions:
          - {id: name, kind: text, prompt: {ja: 名称, en: Name}}
          - {id: measures, kind: text, prompt: {ja: 措置, en: Measures}, when: {question: mynumber, equals: "yes"}}
      - {id: after, kind: yes_no, prompt: {ja: 最後, en: Last}}
"""


def interview(plan, answers=None) -> Interview:
    iv = Interview(plan, today=TODAY)
    if answers:
        report = iv.load(answers)
        assert report.ok, (report.unknown, [(q, e.en) for q, e in report.invalid])
    return iv
