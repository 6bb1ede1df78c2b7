"""Migrations from every earlier schema version (fixtures in schemas/vN.sql, as those versions wrote them)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_testing import mini_flow

from anzen.registry import Library
from anzen.store import StoreError, open_store
from anzen.store import schema as store_schema
from anzen.store.db import APPLICATION_ID
from anzen.store.flows import flow_hash
from anzen.store.schema import CURRENT, MIGRATIONS

SCHEMAS = Path(__file__).parent / "schemas"
EARLIER = list(range(1, CURRENT))


def schema_of(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(tuple(r) for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall())


def built_to(version: int) -> list[tuple[str, str]]:
    conn = sqlite3.connect(":memory:")
    for step in MIGRATIONS[:version]:
        for statement in step:
            conn.execute(statement)
    return schema_of(conn)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    flows = tmp_path / "lib" / "flows"
    flows.mkdir(parents=True)
    (flows / "mini.yaml").write_text(mini_flow(), encoding="utf-8")
    return Library(flows_dir=flows, checklists_dir=tmp_path / "lib" / "checklists")


def make_old(version: int, path: Path, library: Library) -> None:
    sql = (SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8")
    sql = sql.replace("{{FLOW_HASH}}", flow_hash(library.flows_dir / "mini.yaml", library))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()


def test_every_earlier_version_has_a_fixture() -> None:
    assert sorted(int(p.stem[1:]) for p in SCHEMAS.glob("v*.sql")) == EARLIER


@pytest.mark.parametrize("version", EARLIER)
def test_fixture_is_the_schema_that_version_wrote(version: int, tmp_path: Path, library: Library) -> None:
    make_old(version, tmp_path / "old.db", library)
    conn = sqlite3.connect(tmp_path / "old.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert schema_of(conn) == built_to(version)


@pytest.mark.parametrize("version", EARLIER)
def test_migrates_to_the_current_schema_keeping_every_session(version: int, private_db: Path, library: Library) -> None:
    make_old(version, private_db, library)
    with open_store(private_db) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
        assert schema_of(conn) == built_to(CURRENT)
        sessions = {s.id: s for s in store.sessions()}
        assert set(sessions) == {"a1b2c3d4e5f6", "0f9e8d7c6b5a"}
        open_one, done = sessions["a1b2c3d4e5f6"], sessions["0f9e8d7c6b5a"]
        assert (open_one.respondent, open_one.status, open_one.answered) == ("株式会社移行", "in_progress", 3)
        assert (done.mode, done.staff, done.status, done.finished_at) == ("staff", "和歌山 花子", "finished", "2026-05-02T10:30:00.000+09:00")
        assert {a.question_id: a.value for a in store.answers(done.id)}["remarks"] is None
        history = store.history(open_one.id, "staff_count")
        if version == 1:  # no trail then: one entry per answer, saying where it came from
            assert [(e.kind, e.new_value, e.actor) for e in history] == [("answer", 3, "respondent")]
            assert "before the audit trail" in history[0].detail
        else:
            assert [(e.old_value, e.new_value) for e in history] == [(None, 2), (2, 3)]
            assert store.notes_of(open_one.id) == {"staff_count": "繁忙期は5人"}

        live = store.open(open_one.id, library=library)  # and it resumes where it stopped
        assert not live.resume.flow_changed and not live.resume.misfits
        assert live.interview.next_question().id == "copied"
        live.answer("copied", "no")
        live.close()
    with open_store(private_db) as store:
        assert {a.question_id: a.value for a in store.answers("a1b2c3d4e5f6")}["copied"] == "no"


def test_a_file_marked_as_anzen_but_never_initialised_is_built(private_db: Path) -> None:
    private_db.parent.mkdir(parents=True)
    conn = sqlite3.connect(private_db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # killed right after this, before any table
    conn.close()
    with open_store(private_db) as store:
        assert schema_of(store.db.conn) == built_to(CURRENT)


def test_a_failing_migration_changes_nothing(private_db: Path, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    make_old(1, private_db, library)
    before = sqlite3.connect(private_db).execute("SELECT * FROM answers ORDER BY 1, 2").fetchall()
    broken = (*MIGRATIONS[:2], (*MIGRATIONS[2][:3], "ALTER TABLE no_such_table ADD COLUMN x"))
    monkeypatch.setattr(store_schema, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="cannot upgrade the database from schema 1 .* has not been changed"):
        open_store(private_db)
    conn = sqlite3.connect(private_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert schema_of(conn) == built_to(1)
    assert conn.execute("SELECT * FROM answers ORDER BY 1, 2").fetchall() == before
