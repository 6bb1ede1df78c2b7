"""Random answer sequences on the shipped flows: they end, never crash, and every item has exactly one status."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anzen.answers import choice_values
from anzen.errors import AnswerError
from anzen.result import STATUSES, checklist_result, item_decisions, results
from anzen_testing import TODAY

from anzen.engine import Interview

TEXTS = st.text(min_size=0, max_size=30)


def answer_for(node, draw):
    kind = node.question.kind
    if kind == "yes_no":
        return draw(st.sampled_from(["yes", "no", "unsure", "maybe", True, None]))
    if kind == "choice":
        return draw(st.sampled_from(choice_values(node.question) + ["nonsense", None]))
    if kind == "multi_choice":
        return draw(st.lists(st.sampled_from(choice_values(node.question) + ["nonsense"]), max_size=3))
    if kind == "date":
        return draw(st.one_of(st.dates().map(lambda d: d.isoformat()), TEXTS))
    if kind == "number":
        return draw(st.one_of(st.integers(-5, 5), TEXTS))
    if kind == "group":
        blocks = draw(st.lists(st.fixed_dictionaries({
            "name": TEXTS, "group_company": st.sampled_from(["yes", "no", "unsure"]), "mynumber": st.sampled_from(["yes", "no", "unsure"]),
            "clause_copy": st.sampled_from(["yes", "no", "unsure"]), "resub": st.sampled_from(["yes", "no", "unsure"]),
            "mynumber_measures": st.sampled_from(["yes", "no"]), "mynumber_rules": st.sampled_from(["yes", "no"]),
            "period_start": st.dates().map(lambda d: d.isoformat()), "content": TEXTS,
        }), max_size=3))
        return blocks
    return draw(TEXTS)


def run_random(plan, data):
    iv = Interview(plan, today=TODAY)
    midway = data.draw(st.integers(0, 40))
    for step in range(400):
        if step == midway:  # questions still waiting: items unanswered
            assert_statuses_agree(iv)
        node = iv.next_question()
        if node is None:
            break
        action = data.draw(st.sampled_from(["answer", "answer", "answer", "back"]))
        if action == "back" and iv.previous() is not None:
            target = iv.previous()
            try:
                iv.answer(target.id, answer_for(target, data.draw))
            except AnswerError:
                pass
            continue
        try:
            iv.answer(node.id, answer_for(node, data.draw))
        except AnswerError:
            iv.answer(node.id, _valid(node)) if node.question.kind != "group" else iv.answer(node.id, [{"name": "x", "group_company": "no", "mynumber": "no", "clause_copy": "yes", "resub": "no"}])
    assert iv.complete
    assert_statuses_agree(iv)
    checked = results(iv)
    for checklist in checked:
        ids = [(i.id, i.instance) for i in checklist.items]
        assert len(ids) == len(set(ids))
        assert all(i.status in STATUSES for i in checklist.items)
        assert sum(checklist.summary.values()) == len(checklist.items)
        assert "unanswered" not in checklist.summary or checklist.summary["unanswered"] == 0
    # no answer from a branch off the path survives
    on_path = {n.id for n in iv.path()}
    assert set(iv.answers) <= on_path


def assert_statuses_agree(iv):
    """item_decisions (what path checking decides every path with) gives each item the statuses of the report."""
    for binding in iv.plan.bindings:
        report: dict[str, list[str]] = {}
        for item in checklist_result(iv, binding).items:
            report.setdefault(item.id, []).append(item.status)
        for item_id, outcome in binding.outcomes.items():
            assert [d[0] for d in item_decisions(iv, binding, outcome)] == report[item_id], item_id


def _valid(node):
    kind = node.question.kind
    if kind in ("choice", "multi_choice"):
        first = choice_values(node.question)[0]
        return first if kind == "choice" else [first]
    if kind == "text":  # something that passes the question's own checks (a phone pattern, a length …)
        from anzen.answers import normalize

        for candidate in ("x", "073-435-1234", "0", "x" * 20):
            try:
                normalize(node.question, candidate, TODAY)
                return candidate
            except AnswerError:
                continue
    return {"yes_no": "no", "date": "2026-05-01", "number": 1}.get(kind, "x")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_walks_on_wakayama(wakayama_plan, data):
    run_random(wakayama_plan, data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_walks_on_subcontract(subcontract_plan, data):
    run_random(subcontract_plan, data)
