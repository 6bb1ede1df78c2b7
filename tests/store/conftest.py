"""Shared by the store tests: a private database per test (never the user's), and small flows."""

from __future__ import annotations

from pathlib import Path
import pytest
from anzen.store import open_store
from store_testing import mini_flow


@pytest.fixture(autouse=True)
def private_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own database through $ANZEN_DB: the user's is never touched."""
    path = tmp_path / "db" / "sessions.db"
    monkeypatch.setenv("ANZEN_DB", str(path))
    return path


@pytest.fixture
def flow_file(tmp_path: Path) -> Path:
    path = tmp_path / "flows" / "mini.yaml"
    path.parent.mkdir()
    path.write_text(mini_flow(), encoding="utf-8")
    return path


@pytest.fixture
def store(private_db: Path):
    with open_store(private_db) as opened:
        yield opened
