"""Deleting a session leaves no trace of its answers in the database file or its WAL (raw bytes searched)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from anzen.cli.main import main
from anzen.store import erase, open_store

SECRET = "秘密の回答ZQX"  # distinctive: appears nowhere else
KEEP = "残る回答KWV"


def files_of(db: Path) -> list[Path]:
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")) if p.exists()]


def traces(db: Path, text: str) -> list[str]:
    needle = text.encode("utf-8")
    return [p.name for p in files_of(db) if needle in p.read_bytes()]


def fill(store, flow_file: Path, marker: str) -> str:
    live = store.start(str(flow_file), respondent=f"株式会社{marker}")
    for n in range(5):  # old versions of the answer land in WAL frames and free pages
        live.answer("company", f"{marker}-{n}")
    live.answer("staff_count", 7)
    live.note("staff_count", f"メモ{marker}")
    live.close()
    return live.id


def test_delete_leaves_no_trace_in_the_database_or_the_wal(store, private_db: Path, flow_file: Path) -> None:
    gone = fill(store, flow_file, SECRET)
    kept = fill(store, flow_file, KEEP)
    assert traces(private_db, SECRET)  # the search finds it before the delete
    erasure = store.delete(gone)
    assert (erasure.answers, erasure.notes, erasure.wal_checkpointed, erasure.vacuumed) == (2, 1, True, True)
    assert erasure.events >= 8 and erasure.session.respondent == f"株式会社{SECRET}"
    assert traces(private_db, SECRET) == []
    assert Path(f"{private_db}-wal").stat().st_size == 0  # truncated
    assert [s.id for s in store.sessions()] == [kept]  # the other session is whole
    assert store.answers(kept)[0].value == f"{KEEP}-4"
    store.close()
    assert traces(private_db, KEEP) == [private_db.name]


def test_delete_while_another_anzen_is_idle_on_the_database(store, private_db: Path, flow_file: Path) -> None:
    gone = fill(store, flow_file, SECRET)
    with open_store(private_db) as other:
        other.sessions()  # another instance that has read the database and sits idle
        assert store.delete(gone).wal_checkpointed
        assert traces(private_db, SECRET) == []


def test_a_reader_in_the_middle_of_a_read_is_reported_then_compact_finishes(store, private_db: Path, flow_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(erase, "CHECKPOINT_WAIT_MS", 50)
    gone = fill(store, flow_file, SECRET)
    reader = sqlite3.connect(private_db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM answers").fetchone()  # holds an old snapshot
    erasure = store.delete(gone)
    assert not erasure.wal_checkpointed
    assert any("sessions compact" in w.en and "sessions compact" in w.ja for w in erasure.warnings)  # said, not hidden
    reader.execute("COMMIT")
    reader.close()
    checkpointed, _, _ = store.compact()
    assert checkpointed
    assert traces(private_db, SECRET) == []


def test_delete_on_the_command_line_prints_an_erasure_record(private_db: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(private_db) as store:
        gone = fill(store, flow_file, SECRET)
    assert main(["sessions", "delete", gone[:6], "--yes"]) == 0
    out = capsys.readouterr().out
    for expected in ("消去記録", gone, f"株式会社{SECRET}", "回答 2 件、メモ 1 件", "secure_delete", "先行書き込みログを書き戻して空にし", "VACUUM"):
        assert expected in out
    assert traces(private_db, SECRET) == []
    assert main(["sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_delete_without_yes_and_without_a_terminal_asks_for_it(private_db: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(private_db) as store:
        gone = fill(store, flow_file, SECRET)
    assert main(["sessions", "delete", gone]) == 2
    assert "--yes" in capsys.readouterr().err
    with open_store(private_db) as store:
        assert store.get(gone)
