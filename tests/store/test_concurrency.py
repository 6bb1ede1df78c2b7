"""Two processes on one database: leases (busy sessions), stale leases of killed processes, the write
lock (busy_timeout) and concurrent writers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from anzen.store import LeaseLost, SessionBusy, StoreError, db as store_db, lease, open_store

CHILD = Path(__file__).with_name("store_child.py")


def child(*args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc


def ready(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()


def release(proc: subprocess.Popen) -> None:
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.wait(timeout=30) == 0, proc.stderr.read()


def test_a_session_open_in_another_process_is_busy(store, private_db: Path, flow_file: Path) -> None:
    info = store.create(str(flow_file), respondent="株式会社使用中")  # named: kept when the other closes it
    other = child("hold-session", str(private_db), info.id)
    ready(other)
    try:
        assert store.get(info.id).busy.pid == other.pid
        assert store.unfinished()[0].busy.pid == other.pid
        with pytest.raises(SessionBusy) as caught:
            store.open(info.id)
        assert caught.value.holder.pid == other.pid and str(other.pid) in str(caught.value)
        with pytest.raises(SessionBusy):
            store.delete(info.id)
    finally:
        release(other)
    assert store.get(info.id).busy is None
    store.open(info.id).close()  # free again once the other closed it


def test_the_lease_of_a_killed_process_is_recovered(store, private_db: Path, flow_file: Path) -> None:
    info = store.create(str(flow_file))
    other = child("hold-session", str(private_db), info.id)
    ready(other)
    other.send_signal(signal.SIGKILL)
    other.wait(timeout=30)
    assert store.get(info.id).busy is None  # a dead holder does not make it busy
    live = store.open(info.id)
    assert live.resume.recovered_from is not None and live.resume.recovered_from.pid == other.pid
    event = store.history(info.id)[-1]
    assert event.kind == "lease_recovered" and str(other.pid) in event.detail
    live.close()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_process_taken_for_dead_cannot_write_after_being_taken_over(store, flow_file: Path) -> None:
    first = store.start(str(flow_file))
    first.answer("company", "株式会社先")
    store.db.conn.execute("UPDATE leases SET pid = ? WHERE session_id = ?", (_dead_pid(), first.id))
    second = store.open(first.id)
    with pytest.raises(LeaseLost, match="taken over") as lost:
        first.answer("staff_count", 3)
    assert "保存されていません" in lost.value.message("ja")
    assert [a.question_id for a in store.answers(first.id)] == ["company"]
    assert first.interview.answers == {"company": "株式会社先"}  # in memory too: not taken
    second.answer("staff_count", 4)
    second.close()


def test_liveness_of_a_lease_row() -> None:
    now = datetime.now().astimezone()
    mine = {"host": lease.hostname(), "pid": os.getpid(), "process_start": lease.process_start(os.getpid()), "heartbeat_at": now.isoformat()}
    assert lease.is_alive(mine)
    assert not lease.is_alive({**mine, "pid": _dead_pid()})
    if mine["process_start"] is not None:  # Linux: a reused pid is told apart by its start time
        assert not lease.is_alive({**mine, "process_start": "1"})
    elsewhere = {**mine, "host": "another-host"}
    assert lease.is_alive(elsewhere)
    assert not lease.is_alive({**elsewhere, "heartbeat_at": (now - lease.LEASE_TTL - timedelta(seconds=1)).isoformat()})


def test_a_writer_waits_for_another_process_s_transaction(store, private_db: Path, flow_file: Path) -> None:
    live = store.start(str(flow_file))
    holder = child("hold-write", str(private_db))
    ready(holder)
    # the lock is released only after a write was attempted and waited for, so the wait really happened
    import threading

    timer = threading.Timer(0.5, lambda: release(holder))
    timer.start()
    live.answer("company", "株式会社待機")
    timer.join()
    assert store.answers(live.id)[0].value == "株式会社待機"
    live.close()


def test_a_lock_held_too_long_is_a_clear_error_and_nothing_is_lost(store, private_db: Path, flow_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = store.start(str(flow_file))
    live.answer("company", "株式会社前")
    store.db.conn.execute("PRAGMA busy_timeout = 100")
    holder = child("hold-write", str(private_db))
    ready(holder)
    try:
        with pytest.raises(StoreError, match="busy"):
            live.answer("staff_count", 2)
    finally:
        release(holder)
    assert [(a.question_id, a.value) for a in store.answers(live.id)] == [("company", "株式会社前")]
    live.close()


def test_concurrent_writers_in_two_processes(private_db: Path, flow_file: Path, tmp_path: Path) -> None:
    """Both start at once on a database that does not exist yet, and write answers as fast as they can."""
    go = tmp_path / "go"
    count = 150
    writers = [child("writer", str(private_db), str(flow_file), name, str(count), str(go)) for name in ("甲", "乙")]
    go.touch()
    ids = []
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        ids.append(out.strip())
    with open_store(private_db) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for session_id, name in zip(ids, ("甲", "乙"), strict=True):
            trail = store.history(session_id, "company")
            assert [e.new_value for e in trail] == [f"{name}-{n}" for n in range(count)]
            assert store.answers(session_id)[0].value == f"{name}-{count - 1}"
            assert store.get(session_id).busy is None


def test_a_new_database_another_process_is_setting_up_is_waited_for(private_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite can refuse the switch to write-ahead logging at once while another process sets the new file up:
    # connecting tries again (for BUSY_TIMEOUT_S), then says so
    configure, refusals = store_db._configure, []

    def busy_twice(conn, path, new):  # type: ignore[no-untyped-def]
        if len(refusals) < 2:
            refusals.append(new)
            raise store_db._SettingUp("busy", ja="使用中")
        configure(conn, path, new)

    monkeypatch.setattr(store_db, "_configure", busy_twice)
    database = store_db.connect(private_db)
    try:
        assert len(refusals) == 2 and database.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        database.conn.close()

    def always_busy(conn, path, new):  # type: ignore[no-untyped-def]
        raise store_db._SettingUp("busy (setting it up)", ja="使用中")

    monkeypatch.setattr(store_db, "_configure", always_busy)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.2)
    with pytest.raises(StoreError, match="setting it up"):
        store_db.connect(private_db)


def test_the_busy_timeout_is_set_on_every_connection(store) -> None:
    assert store.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == int(store_db.BUSY_TIMEOUT_S * 1000)


def test_the_line_mode_says_an_answer_the_store_refused_and_asks_again(store, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As the app does: the answer is not taken, the question is asked again, nothing saved is lost."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from anzen.cli.interview import LineInterview

    first = store.start(str(flow_file))
    first.answer("company", "株式会社先")
    store.db.conn.execute("UPDATE leases SET pid = ? WHERE session_id = ?", (_dead_pid(), first.id))
    second = store.open(first.id)  # another anzen took it over
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("3\r4\r")  # the next question (staff) twice: refused, asked again, refused
        pipe.close()
        with pytest.raises(EOFError):  # (asked again, and the input had ended)
            LineInterview(first.interview, "ja", answerer=first).run()
    said = capsys.readouterr().out
    assert said.count("保存できませんでした") == 2 and "引き継がれた" in said
    assert first.interview.answers == {"company": "株式会社先"}
    assert [a.question_id for a in store.answers(first.id)] == ["company"]
    second.close()
