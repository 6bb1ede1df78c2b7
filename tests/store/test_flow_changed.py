"""Resuming after the flow changed: said plainly, every answer that fits kept, the others kept and flagged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from store_testing import mini_flow

from anzen.cli.resume import tell_resume
from anzen.store import open_store

ANSWERS = {"company": "株式会社変更", "staff_count": 4, "started": "2026-04-01", "copied": "yes", "copy_medium": "disk", "erased": "yes"}


def changed_flow() -> str:
    """Version 2: the 'disk' choice is gone, 'staff_count' is gone, 'erased' is asked only without copies."""
    text = mini_flow("2.0.0", choices=("paper", "cloud"))
    text = re.sub(r"      - id: staff_count\n(?:        .*\n)+", "", text)
    return text.replace("      - id: erased\n        kind: yes_no\n",
                        '      - id: erased\n        kind: yes_no\n        when: {question: copied, equals: "no"}\n')


@pytest.fixture
def session(store, flow_file: Path) -> str:
    live = store.start(str(flow_file))
    for q, v in ANSWERS.items():
        live.answer(q, v)
    live.note("copy_medium", "USBメモリ")
    live.close()
    flow_file.write_text(changed_flow(), encoding="utf-8")
    return live.id


def test_resume_says_the_flow_changed_and_flags_what_no_longer_fits(store, session: str, capsys: pytest.CaptureFixture[str]) -> None:
    live = store.open(session)
    r = live.resume
    assert r.flow_changed and (r.old_version, r.new_version) == ("1.0.0", "2.0.0") and r.old_hash != r.new_hash
    assert {m.question_id: m.reason for m in r.misfits} == {"staff_count": "unknown_question", "copy_medium": "invalid", "erased": "not_on_path"}
    assert {m.question_id: m.value for m in r.misfits} == {"staff_count": 4, "copy_medium": "disk", "erased": "yes"}
    assert live.interview.answers == {"company": "株式会社変更", "started": "2026-04-01", "copied": "yes"}
    assert live.interview.next_question().id == "copy_medium"  # asked again: its old answer no longer fits

    # nothing dropped: every answer is still stored, the misfits flagged, and the note kept
    stored = {a.question_id: (a.value, a.misfit) for a in store.answers(session)}
    assert {q: v for q, (v, _) in stored.items()} == ANSWERS
    assert {q for q, (_, why) in stored.items() if why} == {"staff_count", "copy_medium", "erased"}
    assert store.notes_of(session) == {"copy_medium": "USBメモリ"}
    assert store.get(session).misfits == 3
    event = store.history(session)[-1]
    assert event.kind == "flow_changed" and "1.0.0" in event.detail and "2.0.0" in event.detail

    tell_resume(live, "ja")
    said = capsys.readouterr().out
    assert "版 1.0.0 → 2.0.0" in said
    for q in ("staff_count = 4", "copy_medium = disk", "erased = yes"):
        assert q in said
    live.close()


def test_misfits_stay_listed_on_later_resumes_until_answered_again(store, session: str) -> None:
    store.open(session).close()
    live = store.open(session)
    assert not live.resume.flow_changed  # the session now runs on version 2 ...
    assert {m.question_id for m in live.resume.misfits} == {"staff_count", "copy_medium", "erased"}  # ... and still says these
    live.answer("copy_medium", "cloud")
    last = store.history(session, "copy_medium")[-1]
    assert (last.kind, last.old_value, last.new_value) == ("answer", "disk", "cloud")
    live.close()
    again = store.open(session)
    assert {m.question_id for m in again.resume.misfits} == {"staff_count", "erased"}
    assert store.get(session).flow_version == "2.0.0"
    again.close()


def test_the_report_uses_the_answers_that_fit(store, session: str) -> None:
    report = store.report(session)
    assert report.flow_version == "2.0.0"
    assert report.answers == {"company": "株式会社変更", "started": "2026-04-01", "copied": "yes"}


def test_an_unchanged_flow_file_rewritten_byte_for_byte_is_not_a_change(store, flow_file: Path) -> None:
    live = store.start(str(flow_file), respondent="株式会社テスト")  # named: kept when closed
    live.close()
    flow_file.write_bytes(flow_file.read_bytes())
    again = open_store(store.path).open(live.id)
    assert not again.resume.flow_changed
    again.close()


def test_a_flow_that_can_no_longer_be_loaded_leaves_the_session_as_it_was(store, session: str, flow_file: Path) -> None:
    flow_file.write_text("id: mini\nversion: 3\nsections: [", encoding="utf-8")
    before = store.answers(session)
    with pytest.raises(Exception, match="cannot be used now") as caught:
        store.open(session)
    assert "mini.yaml" in str(caught.value)
    assert store.answers(session) == before and store.get(session).busy is None
