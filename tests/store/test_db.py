"""The database file: where it is, who may read it, and files that are refused and left untouched."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from anzen.cli.main import main
from anzen.store import DamagedStore, StoreError, open_store, resolve_path
from anzen.store.db import APPLICATION_ID, default_path
from anzen.store.schema import CURRENT


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_path_from_option_then_environment_then_user_data_folder(tmp_path: Path) -> None:
    assert resolve_path("/x/a.db", {"ANZEN_DB": "/y/b.db"}) == Path("/x/a.db")
    assert resolve_path(None, {"ANZEN_DB": "/y/b.db"}) == Path("/y/b.db")
    assert resolve_path(None, {}) == default_path()
    assert default_path().name == "sessions.db" and "anzen" in default_path().parts


def test_new_database_and_its_folder_are_private(tmp_path: Path, flow_file: Path) -> None:
    os.umask(0o022)  # a usual umask, which would make new files world-readable
    path = tmp_path / "new" / "deeper" / "s.db"
    with open_store(path) as store:
        live = store.start(str(flow_file))
        live.answer("company", "株式会社権限")
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        for suffix in ("-wal", "-shm"):  # SQLite gives them the database file's permissions
            assert mode(Path(f"{path}{suffix}")) == 0o600
        live.close()


def test_an_existing_database_readable_by_others_is_made_private(private_db: Path) -> None:
    open_store(private_db).close()
    os.chmod(private_db, 0o644)
    open_store(private_db).close()
    assert mode(private_db) == 0o600


def test_a_folder_others_can_read_is_warned_about(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    with open_store(shared / "s.db") as store:
        assert any("other users" in n.en and "他のユーザー" in n.ja for n in store.notes)
    assert mode(shared) == 0o755  # a folder anzen did not create is not changed


def test_new_database_is_marked_as_anzen_and_migrated(private_db: Path) -> None:
    open_store(private_db).close()
    header = private_db.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    conn = sqlite3.connect(private_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def _anzen_db_with_answers(path: Path, flow_file: Path) -> None:
    with open_store(path) as store:
        live = store.start(str(flow_file))
        live.answer("company", "株式会社破損")
        live.close()


def _damaged_variants(tmp_path: Path, flow_file: Path) -> dict[str, bytes]:
    good = tmp_path / "good.db"
    _anzen_db_with_answers(good, flow_file)
    data = good.read_bytes()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.commit()
    conn.close()
    page = 4096
    corrupt = bytearray(data)
    corrupt[page : 3 * page] = os.urandom(2 * page)  # the pages after the header: tables and indexes
    return {
        "random bytes": os.urandom(5000),
        "a text file": "これはデータベースではありません\n".encode() * 50,
        "a short file": b"SQLite format 3\x00abc",
        "another program's SQLite": other.read_bytes(),
        "a truncated anzen database": data[: len(data) // 3],
        "an anzen database with garbage pages": bytes(corrupt),
    }


@pytest.mark.parametrize("kind", ["random bytes", "a text file", "a short file", "another program's SQLite",
                                  "a truncated anzen database", "an anzen database with garbage pages"])
def test_damaged_or_foreign_file_is_refused_and_left_byte_identical(kind: str, tmp_path: Path, flow_file: Path) -> None:
    content = _damaged_variants(tmp_path, flow_file)[kind]
    path = tmp_path / "victim" / "sessions.db"
    path.parent.mkdir()
    path.write_bytes(content)
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DamagedStore) as caught:
        open_store(path)
    message = str(caught.value)
    assert str(path) in message and "not changed" in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no -wal, -shm or journal left behind


def test_damaged_database_gives_a_clear_message_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"\x00garbage" * 100)
    assert main(["--db", str(path), "sessions", "list"]) == 2
    err = capsys.readouterr().err
    assert "SQLite のデータベースではありません" in err and "Traceback" not in err
    assert main(["--db", str(path), "--lang", "en", "sessions", "list"]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    assert path.read_bytes() == b"\x00garbage" * 100


def test_a_folder_at_the_database_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s.db").mkdir()
    with pytest.raises(DamagedStore, match="folder"):
        open_store(tmp_path / "s.db")
    os.utime(tmp_path / "s.db", (1, 1))  # an old folder too (a young file may be another anzen creating it)
    with pytest.raises(DamagedStore, match="is a folder, not a database file"):
        open_store(tmp_path / "s.db")


def test_database_from_a_newer_anzen_is_refused_unchanged(private_db: Path) -> None:
    open_store(private_db).close()
    conn = sqlite3.connect(private_db)
    conn.execute(f"PRAGMA user_version = {CURRENT + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = private_db.read_bytes()
    with pytest.raises(StoreError, match="newer anzen"):
        open_store(private_db)
    assert private_db.read_bytes() == before


def test_an_empty_file_left_by_a_killed_first_start_is_initialised(private_db: Path) -> None:
    private_db.parent.mkdir(parents=True)
    private_db.write_bytes(b"")
    with open_store(private_db) as store:
        assert store.sessions() == []
