"""Static checks: every problem found, each with file, line, id and a hint."""

import pytest

from anzen_testing import MINI_CHECKLIST

from anzen.errors import ProblemsError

HEAD = """
id: t
version: "1"
title: テスト
checklist: mini
"""

OUTCOMES_OK = """
outcomes:
  "1-1":
    - when: {question: a, equals: "yes"}
      status: confirmed
  "1-2":
    - status: not_applicable
"""


def problems(mini, body: str, outcomes: str = OUTCOMES_OK) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        mini.plan(HEAD + body + outcomes)
    return [p.render() for p in info.value.problems]


def test_a_good_flow_builds(mini):
    plan = mini.plan(HEAD + """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
      - {id: b, kind: text, prompt: "B {a}", when: {question: a, equals: "no"}}
""" + OUTCOMES_OK)
    assert [n.id for n in plan.nodes] == ["a", "b"]
    assert plan.dependents == {"a": (1,)}


def test_condition_on_a_later_question_is_located_with_a_suggestion(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
      - id: copy_consent
        kind: yes_no
        prompt: "C?"
        when: {question: copied, equals: "yes"}
      - {id: copied_any, kind: yes_no, prompt: "C?"}
""")
    assert found == ["flows/t.yaml:14: question 'copy_consent': condition refers to 'copied' which is not a question of this flow. Did you mean 'copied_any'?"]


def test_asked_later(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?", when: {question: b, equals: "yes"}}
      - {id: b, kind: yes_no, prompt: "B?"}
""")
    assert any("flows/t.yaml:10: question 'a': condition refers to 'b' which is asked later" in p for p in found), found


def test_every_problem_is_collected(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    category: "9"
    questions:
      - {id: a, kind: yes_no, prompt: "A?", refs: [{doc: wakayama-tokki, article: 第99}]}
      - {id: a, kind: yes_no, prompt: dup}
      - {id: c, kind: choice, prompt: C, choices: [{value: x, label: X}, {value: y, label: Y}], when: {question: a, equals: maybe}}
      - {id: d, kind: text, prompt: "D {nope}", validation: {pattern: "(["}}
      - {id: e, kind: number, prompt: E, when: {question: c, gt: 3}}
""", """
outcomes:
  "1-1":
    - when: {question: zz, equals: "yes"}
      status: confirmed
  "9-9":
    - status: confirmed
header:
  whom: {question: a}
""")
    text = "\n".join(found)
    for expected in [
        "has no category '9'", "no article '第99'", "id 'a' is already used", "'a' cannot be 'maybe'",
        "{nope} refers to 'nope'", "not a valid regular expression", "'gt' applies to number and date questions",
        "refers to 'zz'", "has no item '9-9'", "checklist item '1-2' of 'mini' is never set", "has no header field 'whom'",
    ]:
        assert expected.lower() in text.lower(), (expected, text)
    assert all(p.startswith("flows/t.yaml:") for p in found)


def test_unknown_keys_and_kinds_are_named_in_yaml_words(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_noo, prompt: "A?"}
      - {id: b, kind: yes_no, promt: "B?"}
""")
    assert any("kind 'yes_noo' is not one of" in p and "Did you mean 'yes_no'?" in p for p in found), found
    assert any("question 'b': unknown key 'promt'. Did you mean 'prompt'?" in p for p in found), found
    assert any("question 'b': missing key 'prompt'" in p for p in found), found


def test_unreachable_question(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
      - id: b
        kind: yes_no
        prompt: "B?"
        when: {all: [{question: a, equals: "yes"}, {question: a, equals: "no"}]}
""")
    assert any("question 'b': no answers can reach this question" in p for p in found), found


def test_include_cycle_and_unknown_flow(mini):
    mini.write("x.yaml", """
    id: x
    version: "1"
    title: X
    sections:
      - id: s
        title: S
        questions:
          - {id: q, kind: yes_no, prompt: "Q?"}
          - {id: back, kind: include, flow: t.yaml}
          - {id: nowhere, kind: include, flow: wakayama-safty-report}
    """)
    with pytest.raises(ProblemsError) as info:
        mini.plan("""
id: t
version: "1"
title: T
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
      - {id: sub, kind: include, flow: x.yaml, share: {q: a, zz: a}}
""")
    text = "\n".join(p.render() for p in info.value.problems)
    assert "flows include each other in a cycle: t → x → t" in text, text
    assert "include 'nowhere': no installed flow 'wakayama-safty-report'" in text, text
    assert "has no question 'zz'" in text, text


def test_comparing_answers_of_different_kinds(mini):
    found = problems(mini, """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
      - {id: n, kind: number, prompt: N}
      - {id: d, kind: date, prompt: D, when: {question: n, lt: {question: a}}}
      - {id: m, kind: multi_choice, prompt: M, choices: [{value: x, label: X}], when: {question: d, equals: "April"}}
      - {id: z, kind: text, prompt: Z, when: {question: m, equals: x}}
""")
    text = "\n".join(found)
    assert "different kinds of question" in text
    assert "write dates as YYYY-MM-DD" in text
    assert "'m' is multi_choice: use 'includes'" in text


def test_shipped_flows_build(wakayama_plan, subcontract_plan):
    assert [b.checklist.id for b in wakayama_plan.bindings] == ["wakayama-safety-report", "wakayama-pledge", "wakayama-training-report", "subcontract-application"]
    assert "subcontract.subcontractors" in wakayama_plan.by_id
    assert "subcontract.scope" not in wakayama_plan.by_id  # shared: answered by subcontract_scope
    assert len(subcontract_plan.bindings) == 1


def test_a_flow_outside_the_installation_finds_its_checklist_beside_it(tmp_path):
    """Authors keep flows/ and checklists/ side by side in their own folder; nothing goes into the package."""
    from anzen.build import load_plan
    from anzen.registry import Library

    (tmp_path / "flows").mkdir()
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "my-check.yaml").write_text(MINI_CHECKLIST.replace("id: mini", "id: my-check"), encoding="utf-8")
    flow = tmp_path / "flows" / "mine.yaml"
    flow.write_text(HEAD.replace("checklist: mini", "checklist: my-check") + """
sections:
  - id: s
    title: S
    questions:
      - {id: a, kind: yes_no, prompt: "A?"}
""" + OUTCOMES_OK, encoding="utf-8")
    plan = load_plan(str(flow), Library())
    assert plan.bindings[0].checklist.id == "my-check"
    assert "wakayama-tokki" in plan.sources  # the installed source documents still serve


def test_a_hint_is_a_sentence_of_its_own_after_the_message():
    from anzen.errors import Problem

    assert Problem("unknown-item", "no item '2-3'", "f.yaml", 3, "outcome '2-3'", "Did you mean '2-2'?").render() == "f.yaml:3: outcome '2-3': no item '2-3'. Did you mean '2-2'?"
    assert Problem("answers-invalid", "200文字以内で答えてください。", "a.yaml", 1, None, "Shorten it.").render() == "a.yaml:1: 200文字以内で答えてください。 Shorten it."
    assert Problem("file-empty", "the file is empty", "a.yaml").render() == "a.yaml: the file is empty"


def test_problems_are_shown_file_by_file_from_the_top_down():
    from anzen.errors import Problem, in_file_order

    found = [Problem("schema", "c", "a.yaml", 9), Problem("schema", "x", "b.yaml", 2), Problem("schema", "a", "a.yaml", 3),
             Problem("schema", "whole file", "a.yaml"), Problem("schema", "b", "a.yaml", 3)]
    assert [(p.file, p.line, p.message) for p in in_file_order(found)] == [
        ("a.yaml", None, "whole file"), ("a.yaml", 3, "a"), ("a.yaml", 3, "b"), ("a.yaml", 9, "c"), ("b.yaml", 2, "x")]
