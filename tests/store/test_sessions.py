"""Sessions through the store API: autosave, audit trail, notes, branch changes, lookup, reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from anzen.errors import AnswerError
from anzen.store import StoreError, UnknownSession, open_store
from anzen_testing import OUTER_READ


def test_every_answer_is_committed_when_given(private_db: Path, flow_file: Path) -> None:
    with open_store(private_db) as store:
        live = store.start(str(flow_file))
        live.answer("company", "株式会社即時")
        # another connection (another process would see the same) sees it at once: no save step
        with open_store(private_db) as other:
            assert [(a.question_id, a.value) for a in other.answers(live.id)] == [("company", "株式会社即時")]
        live.close()


def test_the_respondent_is_taken_from_the_answer_that_names_the_contractor(store) -> None:
    live = store.start("wakayama-safety-report")
    assert live.info.respondent is None and live.info.flow_ref == "wakayama-safety-report"
    live.answer("contractor", "株式会社和歌山システム")
    assert store.get(live.id).respondent == live.info.respondent == "株式会社和歌山システム"
    assert live.report().respondent == "株式会社和歌山システム"
    live.close()


def test_a_session_records_flow_mode_staff_and_times(store, flow_file: Path) -> None:
    info = store.create(str(flow_file), mode="staff", staff="和歌山 太郎", respondent="株式会社A", lang="en")
    assert (info.flow_id, info.flow_version, info.mode, info.staff, info.respondent, info.lang) == ("mini", "1.0.0", "staff", "和歌山 太郎", "株式会社A", "en")
    assert len(info.flow_hash) == 64 and info.flow_ref == str(flow_file.resolve())
    assert info.status == "in_progress" and info.created_at == info.updated_at
    assert (info.answered, info.remaining) == (0, 6)
    with pytest.raises(StoreError, match="staff member's name"):
        store.create(str(flow_file), mode="staff")


def test_audit_trail_keeps_every_change_with_time_and_actor(store, flow_file: Path) -> None:
    live = store.start(str(flow_file), mode="staff", staff="確認 一郎")
    live.answer("company", "株式会社一")
    live.answer("company", "株式会社二")
    live.answer("company", "株式会社二")  # gone through again without change
    live.clear("company")
    trail = store.history(live.id, "company")
    assert [(e.kind, e.old_value, e.new_value) for e in trail] == [
        ("answer", None, "株式会社一"), ("answer", "株式会社一", "株式会社二"), ("confirm", "株式会社二", "株式会社二"), ("clear", "株式会社二", None),
    ]
    assert {(e.actor, e.actor_name) for e in trail} == {("staff", "確認 一郎")}
    assert all(e.at for e in trail)
    live.close()


def test_an_invalid_answer_changes_nothing(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    with pytest.raises(AnswerError):
        live.answer("staff_count", "たくさん")
    assert store.answers(live.id) == [] and [e.kind for e in store.history(live.id)] == ["created"]
    live.close()


def test_a_changed_branch_removes_its_answers_and_says_so_in_the_trail(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    for q, v in (("company", "株式会社枝"), ("staff_count", 2), ("started", "2026-04-01"), ("copied", "yes"), ("copy_medium", "paper")):
        live.answer(q, v)
    change = live.answer("copied", "no")
    assert change.removed == {"copy_medium": "paper"}
    assert "copy_medium" not in {a.question_id for a in store.answers(live.id)}
    removed = store.history(live.id, "copy_medium")[-1]
    assert (removed.kind, removed.old_value, removed.actor) == ("removed", "paper", "system")
    assert "copied" in removed.detail
    live.close()


def test_notes_are_saved_and_go_into_the_report(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    live.note("staff_count", "繁忙期は増員")
    live.note("staff_count", "繁忙期は3名増員")
    with pytest.raises(KeyError):
        live.note("no_such_question", "x")
    assert store.notes_of(live.id) == {"staff_count": "繁忙期は3名増員"}
    assert [e.new_value for e in store.history(live.id, "staff_count")] == ["繁忙期は増員", "繁忙期は3名増員"]
    report = live.report()
    assert report.meta.notes == {"staff_count": "繁忙期は3名増員"} and report.meta.session == live.id
    live.note("staff_count", "")
    assert store.notes_of(live.id) == {}
    live.close()


def test_resume_continues_at_the_next_unanswered_question(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    live.answer("company", "株式会社続き")
    live.answer("staff_count", "５")  # full-width digits: stored in normal form
    live.close()
    again = store.open(live.id[:5])  # an id prefix is enough
    assert again.interview.answers == {"company": "株式会社続き", "staff_count": 5}
    assert again.interview.next_question().id == "started"
    assert again.resume.kept == 2 and not again.resume.flow_changed and again.resume.misfits == ()
    again.close()


def test_finish_and_the_report_record_the_flow_version(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    for q, v in (("company", "株式会社完"), ("staff_count", 1), ("started", "2026-04-01"), ("copied", "no"), ("erased", "yes"), ("remarks", None)):
        live.answer(q, v)
    assert live.interview.complete
    live.finish()
    report = live.report()
    assert (report.flow_version, report.meta.flow_hash, report.meta.session) == ("1.0.0", live.info.flow_hash, live.id)
    live.close()
    info = store.get(live.id)
    assert info.finished and info.finished_at and (info.answered, info.remaining) == (6, 0)
    assert store.report(live.id).answers["remarks"] is None  # exported later, without opening it


def test_lookup_by_prefix_unknown_and_ambiguous(store, flow_file: Path) -> None:
    ids = [store.create(str(flow_file)).id for _ in range(20)]
    assert store.get(ids[0].upper()).id == ids[0]
    with pytest.raises(UnknownSession, match="no session 'zzz'"):
        store.get("zzz")
    with pytest.raises(UnknownSession, match="no session"):
        store.get("%")  # LIKE wildcards are taken literally
    first = max("0123456789abcdef", key=lambda c: sum(i.startswith(c) for i in ids))  # 20 ids, 16 first digits: one is shared
    with pytest.raises(UnknownSession, match="give more of the id"):
        store.get(first)


def test_unfinished_lists_in_progress_sessions_most_recent_first(store, flow_file: Path) -> None:
    a = store.start(str(flow_file))
    b = store.start(str(flow_file))
    a.answer("company", "株式会社最新")
    b.answer("company", "株式会社前")
    b.answer("staff_count", 3)
    for q, v in (("started", "2026-04-01"), ("copied", "no"), ("erased", "no"), ("remarks", None)):
        b.answer(q, v)
    b.finish()
    listed = store.unfinished()
    assert [s.id for s in listed] == [a.id]
    assert listed[0].busy is not None  # open in this process
    a.close()
    b.close()
    assert store.unfinished()[0].busy is None
    assert [s.id for s in store.sessions()] == [b.id, a.id]


def test_a_full_disk_is_a_clear_error_and_the_stored_answers_stay_whole(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    live.answer("company", "株式会社満杯")
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full
    with pytest.raises(StoreError, match="full"):
        live.answer("remarks", "長い備考" * 5000)
    assert [(a.question_id, a.value) for a in store.answers(live.id)] == [("company", "株式会社満杯")]
    assert [e.kind for e in store.history(live.id)] == ["created", "answer"]
    live.close()


def test_a_session_left_with_nothing_given_is_not_kept(store, private_db: Path, flow_file: Path) -> None:
    """Opening an interview and leaving at once leaves nothing to resume (the home screen and
    `anzen interview` would offer each such start); anything given keeps the session."""
    empty = store.start(str(flow_file))
    empty.close()
    empty.close()  # twice is fine
    assert empty.discarded
    with open_store(private_db) as other:
        assert other.sessions() == []
        with pytest.raises(UnknownSession):
            other.get(empty.id)

    kept = []
    for give in ("answer", "note", "cleared", "named"):
        live = store.start(str(flow_file), respondent="株式会社名前あり" if give == "named" else None)
        if give == "answer":
            live.answer("staff_count", 12)
        elif give == "note":
            live.note("staff_count", "人数は確認中")
        elif give == "cleared":  # answered, then taken back: the trail keeps it
            live.answer("staff_count", 12)
            live.clear("staff_count")
        live.close()
        assert not live.discarded, give
        kept.append(live.id)
    assert sorted(s.id for s in store.unfinished()) == sorted(kept)


def test_a_finished_session_is_kept_even_without_answers(store, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    live.finish()
    live.close()
    assert not live.discarded and store.get(live.id).status == "finished"


def test_blocks_checked_again_are_committed_with_the_change_and_kept_in_the_trail(store, tmp_path: Path) -> None:
    flow = tmp_path / "flows" / "outer.yaml"
    flow.parent.mkdir(exist_ok=True)
    flow.write_text(OUTER_READ, encoding="utf-8")
    live = store.start(str(flow))
    live.answer("mynumber", "yes")
    live.answer("parties", [{"name": "甲社", "measures": "暗号化"}])
    live.answer("mynumber", "no")  # 'measures' is no longer asked: dropped from the stored blocks too
    assert {a.question_id: a.value for a in store.answers(live.id)}["parties"] == [{"name": "甲社"}]
    live.answer("mynumber", "yes")  # asked again, with no answer: the group is to be answered again
    assert "parties" not in {a.question_id for a in store.answers(live.id)}
    trail = [(e.kind, e.actor, e.old_value, e.new_value) for e in store.history(live.id, "parties")]
    assert trail == [("answer", "respondent", None, [{"name": "甲社", "measures": "暗号化"}]),
                     ("revised", "system", [{"name": "甲社", "measures": "暗号化"}], [{"name": "甲社"}]),
                     ("revised", "system", [{"name": "甲社"}], None)]
    resumed_value = store.answers(live.id)
    live.close()
    again = store.open(live.id)
    assert again.interview.next_question().id == "parties" and {a.question_id for a in resumed_value} == {"mynumber"}
    again.close()
