"""Path enumeration (anzen.paths): the sample values that can make a difference, groups, the bound."""

from __future__ import annotations

from anzen.build import build_plan
from anzen.engine import Interview
from anzen.loader import load_text
from anzen.model.flow import Flow
from anzen.paths import Explorer
from anzen.registry import default_library
from anzen.tryout import tables

HEAD = """\
id: t
version: "1"
title: {ja: t, en: t}
checklist: wakayama-pledge
sections:
  - id: s
    title: {ja: s, en: s}
    questions:
"""
OTHERS = """\
  "1-2": [{status: confirmed}]
  "2-1": [{status: confirmed}]
  "2-2": [{status: confirmed}]
"""


def plan_of(questions: str, rule_1_1: str, for_each: str | None = None):
    outcome = f'  "1-1":\n    for_each: {for_each}\n    rules:\n' if for_each else '  "1-1":\n'
    text = HEAD + questions + "outcomes:\n" + outcome + rule_1_1 + OTHERS
    return build_plan(load_text(text.encode(), Flow, "t.yaml"), default_library())


def test_numbers_are_tried_below_at_between_and_above_what_they_are_compared_with() -> None:
    plan = plan_of("""\
      - id: staff
        kind: number
        validation: {integer: true, min: 0}
        prompt: {ja: 人数, en: Staff}
""", """\
    - {when: {question: staff, gt: 10}, status: confirmed}
    - {when: {question: staff, lte: 4}, status: not_applicable}
    - {status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
""")
    assert Explorer(plan).domain((None, "staff")) == [3, 4, 7, 10, 11]


def test_dates_compared_with_each_other_share_their_anchors() -> None:
    plan = plan_of("""\
      - id: start
        kind: date
        default: "2026-04-01"
        prompt: {ja: 開始, en: Start}
      - id: end
        kind: date
        required: false
        prompt: {ja: 終了, en: End}
""", """\
    - {when: {question: end, lt: {question: start}}, status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
    - {status: confirmed}
""")
    explorer = Explorer(plan)
    assert explorer.domain((None, "start")) == ["2026-04-01", "2026-03-31", "2026-04-02"]
    assert explorer.domain((None, "end")) == ["2026-03-31", "2026-04-01", "2026-04-02", None]
    rows = tables(plan)[0].rows
    assert [r.statuses["1-1"] for r in rows] == ["follow_up", "confirmed"]


def test_text_is_tried_with_the_values_it_is_compared_with_and_one_other() -> None:
    plan = plan_of("""\
      - id: city
        kind: text
        prompt: {ja: 市, en: City}
""", """\
    - {when: {question: city, in: [和歌山市, 港区]}, status: confirmed}
    - {status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
""")
    assert Explorer(plan).domain((None, "city")) == ["和歌山市", "港区", "sample"]


def test_multi_choice_is_tried_with_every_allowed_selection() -> None:
    plan = plan_of("""\
      - id: media
        kind: multi_choice
        min_selected: 1
        prompt: {ja: 媒体, en: Media}
        choices:
          - {value: paper, label: {ja: 紙, en: Paper}}
          - {value: usb, label: {ja: USB, en: USB}}
""", """\
    - {when: {question: media, includes: usb}, status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
    - {status: confirmed}
""")
    assert Explorer(plan).domain((None, "media")) == [["paper"], ["usb"], ["paper", "usb"], ["unsure"]]


def test_one_block_per_combination_of_the_block_questions_that_matter() -> None:
    plan = plan_of("""\
      - id: subs
        kind: group
        min_items: 0
        item_label: {ja: 先, en: party}
        prompt: {ja: 再委託先, en: Subcontractors}
        questions:
          - id: name
            kind: text
            prompt: {ja: 名称, en: Name}
          - id: mynumber
            kind: yes_no
            prompt: {ja: 個人番号, en: My Number}
          - id: measures
            kind: yes_no
            when: {question: mynumber, equals: "yes"}
            prompt: {ja: 措置, en: Measures}
""", """\
    - {when: {question: subs, answered: true}, status: confirmed}
    - {status: not_applicable}
""")
    explorer = Explorer(plan)
    group = plan.by_id["subs"]
    interview = Interview(plan, today=explorer.today)
    part = explorer.parts()[0]
    part.block["subs"] = {"mynumber", "measures"}
    values = explorer._group_values(interview, group, part)
    assert values == [
        [{"name": "sample", "mynumber": "yes", "measures": "yes"}], [{"name": "sample", "mynumber": "yes", "measures": "no"}],
        [{"name": "sample", "mynumber": "yes", "measures": "unsure"}], [{"name": "sample", "mynumber": "no"}],
        [{"name": "sample", "mynumber": "unsure"}], [],
    ]


def test_items_that_share_their_questions_are_one_part_and_the_bound_cuts_it() -> None:
    plan = plan_of("""\
      - id: a
        kind: yes_no
        prompt: {ja: a, en: a}
      - id: b
        kind: yes_no
        when: {question: a, equals: "yes"}
        prompt: {ja: b, en: b}
""", """\
    - {when: {question: b, equals: "yes"}, status: confirmed}
    - {status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
""")
    explorer = Explorer(plan)
    part = next(p for p in explorer.parts() if [t.key for t in p.targets] == ["1-1"])
    assert part.outer == ["a", "b"]
    full = explorer.explore(part)
    assert (len(full.leaves), full.truncated) == (5, False)  # a=yes × b∈{yes,no,unsure}, a=no, a=unsure
    cut = Explorer(plan, limit=2).explore(part)
    assert (len(cut.leaves), cut.truncated) == (2, True)


def test_an_item_given_once_per_block_has_the_status_the_report_gives_it_on_every_path() -> None:
    plan = plan_of("""\
      - id: subs
        kind: group
        min_items: 0
        required: false
        item_label: {ja: 先, en: party}
        prompt: {ja: 再委託先, en: Subcontractors}
        questions:
          - id: mynumber
            kind: yes_no
            prompt: {ja: 個人番号, en: My Number}
""", """\
    - {when: {question: mynumber, equals: "yes"}, status: confirmed}
    - {status: follow_up, reason: {ja: r, en: r}, action: {ja: a, en: a}}
""", for_each="subs")
    explorer = Explorer(plan)
    part = next(p for p in explorer.parts() if [t.key for t in p.targets] == ["1-1"])
    leaves = explorer.explore(part).leaves
    assert [(leaf.answers[(None, "subs")], leaf.statuses["1-1"]) for leaf in leaves] == [
        ([{"mynumber": "yes"}], "confirmed"), ([{"mynumber": "no"}], "follow_up"), ([{"mynumber": "unsure"}], "follow_up"),
        ([], "not_applicable"), ([], "not_applicable"),  # no block; skipped (kept as no block)
    ]
