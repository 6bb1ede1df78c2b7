"""The engine: next question, progress, going back, branch switching, groups."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anzen.conditions import ABSENT, evaluate
from anzen.engine import _Waiting
from anzen.errors import AnswerError
from anzen_testing import interview

FLOW = """
id: t
version: "1"
title: T
checklist: mini
sections:
  - id: s
    title: S
    questions:
      - {id: copied, kind: yes_no, prompt: "Copied?"}
      - {id: note, kind: info, text: Because you copied, when: {question: copied, equals: "yes"}}
      - {id: instructed, kind: yes_no, prompt: "On instruction?", when: {question: copied, equals: "yes"}}
      - {id: consent, kind: yes_no, prompt: "Consent?", when: {question: instructed, in: ["no", "unsure"]}}
      - {id: count, kind: number, prompt: How many, required: false, validation: {min: 0, integer: true}}
      - {id: when_, kind: date, prompt: When, required: false, validation: {max: today}}
outcomes:
  "1-1":
    - when: {question: copied, equals: "no"}
      status: confirmed
    - when: {question: consent, equals: "no"}
      status: follow_up
      reason: No consent
      action: Ask
    - when: {question: instructed, equals: "yes"}
      status: confirmed
    - when: {question: consent, equals: "yes"}
      status: confirmed
  "1-2":
    - status: not_applicable
"""


@pytest.fixture
def plan(mini):
    return mini.plan(FLOW)


def test_walk_in_order(plan):
    iv = interview(plan)
    assert iv.next_question().id == "copied"
    assert iv.progress().total == 3  # copied, count, when_ (the rest are not on the path yet)
    iv.answer("copied", "はい")
    assert iv.next_question().id == "instructed"
    assert [m.id for m in iv.messages_before(iv.next_question())] == ["note"]
    iv.answer("instructed", "n")
    iv.answer("consent", "no")
    assert iv.progress().answered == 3 and iv.progress().remaining == 2
    iv.answer("count", "３")
    iv.answer("when_", "令和8年4月1日")
    assert iv.complete and iv.next_question() is None
    assert iv.answers == {"copied": "yes", "instructed": "no", "consent": "no", "count": 3, "when_": "2026-04-01"}


def test_switching_a_branch_drops_the_abandoned_answers(plan):
    iv = interview(plan, {"copied": "yes", "instructed": "no", "consent": "no"})
    change = iv.answer("copied", "no")
    assert change.removed == {"instructed": "no", "consent": "no"}
    assert "instructed" not in iv.answers and "consent" not in iv.answers
    assert iv.next_question().id == "count"
    # switching back asks again: nothing reappears silently
    iv.answer("copied", "yes")
    assert iv.next_question().id == "instructed"


def test_restoring_a_snapshot_takes_an_answer_back_with_what_it_removed(plan):
    """What the session store does when it cannot save an answer: the interview is as before it."""
    iv = interview(plan, {"copied": "yes", "instructed": "no", "consent": "no"})
    before = iv.snapshot()
    iv.answer("copied", "no")
    assert iv.next_question().id == "count"
    iv.restore(before)
    assert iv.answers == {"copied": "yes", "instructed": "no", "consent": "no"}
    assert iv.is_visible("consent") and iv.next_question().id == "count"
    assert iv.progress() == interview(plan, before).progress()
    iv.answer("copied", "no")  # and it goes on from there as any interview would
    assert iv.answers == {"copied": "no"}


def test_previous_and_clear(plan):
    iv = interview(plan, {"copied": "yes", "instructed": "yes"})
    assert iv.previous().id == "instructed"
    assert iv.previous("instructed").id == "copied"
    assert iv.previous("copied") is None
    change = iv.clear("copied")
    assert change.removed == {"instructed": "yes"}
    assert iv.next_question().id == "copied"


@pytest.mark.parametrize("qid, raw", [("copied", "maybe"), ("count", "-1"), ("count", "1.5"), ("count", "many"), ("when_", "2027-01-01"), ("when_", "soon")])
def test_bad_answers_are_refused_in_both_languages(plan, qid, raw):
    iv = interview(plan, {"copied": "no"})
    before = iv.answers
    with pytest.raises(AnswerError) as info:
        iv.answer(qid, raw)
    assert info.value.ja and info.value.en
    assert iv.answers == before


def test_optional_question_can_be_skipped_and_answered_condition_sees_it(plan):
    iv = interview(plan, {"copied": "no", "count": None, "when_": ""})
    assert iv.complete
    assert iv.value("count") is None
    assert evaluate(None, lambda r: ABSENT)


def test_a_question_off_the_path_cannot_be_answered(plan):
    iv = interview(plan)
    with pytest.raises(AnswerError):
        iv.answer("consent", "yes")
    report = iv.load({"copied": "no", "consent": "yes", "bogus": 1})
    assert report.unknown == ("bogus",) and report.ignored == ("consent",)


GROUP = """
id: g
version: "1"
title: G
checklist: mini
sections:
  - id: s
    title: S
    questions:
      - {id: start, kind: date, prompt: Start}
      - id: parties
        kind: group
        prompt: Parties
        item_label: {ja: 相手方, en: party}
        label_from: name
        questions:
          - {id: name, kind: text, prompt: Name}
          - {id: resub, kind: yes_no, prompt: "Resub?"}
          - {id: who, kind: text, prompt: "Who does {name} use?", when: {question: resub, equals: "yes"}}
          - {id: begins, kind: date, prompt: Begins, required: false}
outcomes:
  "1-1":
    for_each: parties
    rules:
      - when: {question: begins, lt: {question: start}}
        status: follow_up
        reason: "{name} starts early"
        action: Fix
      - when: {question: resub, equals: "no"}
        status: confirmed
      - status: follow_up
        reason: Resub
        action: Check
  "1-2":
    - status: not_applicable
"""


def test_groups_validate_each_block_and_drop_hidden_answers(mini):
    plan = mini.plan(GROUP)
    iv = interview(plan, {"start": "2026-04-01"})
    group = iv.next_question()
    assert group.is_group
    assert iv.block_next(group, {}).id == "name"
    assert iv.block_next(group, {"name": "A", "resub": "no"}).id == "begins"
    assert iv.text(group.child("who"), group.child("who").question.prompt, "en", {"name": "A社"}) == "Who does A社 use?"
    iv.answer("parties", [{"name": "A", "resub": "no", "who": "dropped"}, {"name": "B", "resub": "yes", "who": "C"}])
    assert iv.value("parties") == [{"name": "A", "resub": "no", "begins": None}, {"name": "B", "resub": "yes", "who": "C", "begins": None}]
    with pytest.raises(AnswerError) as info:
        iv.answer("parties", [{"name": "A", "resub": "perhaps"}])
    assert "block 1" in info.value.en
    with pytest.raises(AnswerError):
        iv.answer("parties", [])  # min_items defaults to 1
    with pytest.raises(AnswerError):
        iv.answer("parties", [{"name": "A", "resub": "no", "colour": "red"}])


def test_each_step_touches_only_dependents(mini):
    """The cost of a step does not grow with the answers given: only questions that read the answer are re-evaluated."""
    questions = "\n".join(f"      - {{id: q{i}, kind: yes_no, prompt: Q{i}, when: {{question: q{i - 1}, equals: \"yes\"}}}}" for i in range(1, 200))
    plan = mini.plan(FLOW.split("sections:")[0] + "sections:\n  - id: s\n    title: S\n    questions:\n      - {id: q0, kind: yes_no, prompt: Q0}\n" + questions + "\noutcomes:\n  \"1-1\": [{status: confirmed}]\n  \"1-2\": [{status: confirmed}]\n")
    calls = []
    iv = interview(plan)
    import anzen.engine as engine

    original = engine.evaluate
    engine.evaluate = lambda cond, lookup: calls.append(1) or original(cond, lookup)
    try:
        for i in range(150):
            calls.clear()
            iv.answer(f"q{i}", "yes")
            assert len(calls) == 1  # only q{i+1} reads q{i}
    finally:
        engine.evaluate = original
    assert iv.next_question().id == "q150"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 150), max_size=40), st.lists(st.tuples(st.booleans(), st.integers(0, 150)), max_size=800))
def test_the_waiting_questions_give_the_first_and_how_many_however_often_they_change(start, steps):
    """engine._Waiting (a set and a heap of indices) answers as a sorted list of the waiting questions would."""
    waiting, model = _Waiting(start), set(start)
    for add, index in steps:
        (waiting.add if add else waiting.discard)(index)
        (model.add if add else model.discard)(index)
        assert (waiting.first(), len(waiting)) == (min(model, default=None), len(model))


def test_the_waiting_questions_stay_right_when_one_is_answered_and_cleared_again_and_again():
    waiting = _Waiting([3, 7])
    for _ in range(500):  # path checking does this: entries for questions no longer waiting pile up, then go
        waiting.discard(9)
        waiting.add(9)
        waiting.discard(9)
    assert (waiting.first(), len(waiting), len(waiting._heap) < 200) == (3, 2, True)


def test_the_pure_modules_never_import_a_user_interface():
    src = Path(__file__).resolve().parents[2] / "src" / "anzen"
    front_ends = ("textual", "questionary", "prompt_toolkit")
    pure = [p for p in src.rglob("*.py") if not {"cli", "tui"} & set(p.relative_to(src).parts) and p.name != "__main__.py"]
    offenders = []
    for path in pure:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in front_ends + ("anzen",) and (n.split(".")[0] in front_ends or n.startswith(("anzen.cli", "anzen.tui")))]
    assert offenders == []
    modules = [".".join(("anzen", *p.relative_to(src).with_suffix("").parts)) for p in pure if p.name != "__main__.py"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual','questionary','prompt_toolkit','rich')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]", out


OUTER_READ = """
id: o
version: "1"
title: O
checklist: mini
sections:
  - id: s
    title: S
    questions:
      - {id: mynumber, kind: yes_no, prompt: "My Number?"}
      - id: parties
        kind: group
        prompt: Parties
        item_label: {ja: 相手方, en: party}
        questions:
          - {id: name, kind: text, prompt: Name}
          - {id: measures, kind: text, prompt: "Measures?", when: {question: mynumber, equals: "yes"}}
          - {id: remark, kind: text, prompt: Remark, required: false, when: {question: mynumber, equals: "no"}}
      - {id: after, kind: yes_no, prompt: After}
outcomes:
  "1-1":
    - status: not_applicable
  "1-2":
    - status: not_applicable
"""


def test_blocks_are_checked_again_when_an_outer_answer_they_read_changes(mini):
    iv = interview(mini.plan(OUTER_READ), {"mynumber": "yes", "parties": [{"name": "A", "measures": "暗号化"}], "after": "yes"})
    change = iv.answer("mynumber", "no")  # 'measures' is no longer asked in a block, 'remark' is
    assert change.revised == {"parties": [{"name": "A", "remark": None}]} and change.removed == {}
    assert iv.value("parties") == [{"name": "A", "remark": None}] and iv.complete

    change = iv.answer("mynumber", "yes")  # 'measures' is asked again and has no answer: the blocks no longer fit
    assert change.revised == {"parties": None}
    assert not iv.is_answered("parties") and iv.next_question().id == "parties" and iv.value("after") == "yes"

    iv.answer("parties", [{"name": "A", "measures": "施錠"}])
    assert iv.answer("after", "no").revised == {}  # an answer no block reads: nothing checked again
    assert iv.answer("mynumber", "yes").revised == {}  # the same answer again
