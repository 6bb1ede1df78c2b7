"""Helpers of tests/store (a module of its own: test files import it by a name no other folder uses).

Shared by the store tests: a private database per test (never the user's), and small flows."""

from __future__ import annotations




MINI = """\
id: mini
version: "{version}"
title: {{ja: 小さな報告, en: Small report}}
sections:
  - id: basics
    title: {{ja: 基本, en: Basics}}
    questions:
      - id: company
        kind: text
        prompt: {{ja: 事業者名を入力してください。, en: "Company name?"}}
      - id: staff_count
        kind: number
        prompt: {{ja: 従事者は何人ですか？, en: "How many staff?"}}
      - id: started
        kind: date
        prompt: {{ja: 業務の開始日は？, en: "Start date?"}}
      - id: copied
        kind: yes_no
        prompt: {{ja: 個人情報を複製しましたか？, en: "Was information copied?"}}
      - id: copy_medium
        kind: choice
        when: {{question: copied, equals: "yes"}}
        prompt: {{ja: 何に複製しましたか？, en: "Copied to what?"}}
        choices:
{choices}
      - id: erased
        kind: yes_no
        prompt: {{ja: 不要になった情報を消去しましたか？, en: "Was information no longer needed erased?"}}
      - id: remarks
        kind: text
        required: false
        prompt: {{ja: 特記事項があれば入力してください。, en: "Remarks?"}}
"""
CHOICES = {"paper": "紙", "disk": "ディスク", "cloud": "クラウド"}


def mini_flow(version: str = "1.0.0", choices: tuple[str, ...] = ("paper", "disk", "cloud")) -> str:
    lines = "\n".join(f"          - {{value: {c}, label: {{ja: {CHOICES[c]}, en: {c}}}}}" for c in choices)
    return MINI.format(version=version, choices=lines)


# A full path through the mini flow: question id → (keys typed in the line interview, stored value)
MINI_PATH = [
    ("company", "株式会社クラッシュ試験\r", "株式会社クラッシュ試験"),
    ("staff_count", "12\r", 12),
    ("started", "2026-04-01\r", "2026-04-01"),
    ("copied", "y\r", "yes"),
    ("copy_medium", "2\r", "disk"),
    ("erased", "n\r", "no"),
    ("remarks", "特になし\r", "特になし"),
]
