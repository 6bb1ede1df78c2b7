"""Fixtures shared by every test; helpers live in anzen_testing.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from anzen.build import load_plan
from anzen_testing import MiniLibrary


def pytest_configure(config: pytest.Config) -> None:
    """Before collection (some test modules build plans when imported): never the user's own cache."""
    import tempfile

    os.environ["ANZEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="anzen-plan-cache-")


@pytest.fixture
def mini(tmp_path: Path) -> MiniLibrary:
    return MiniLibrary(tmp_path)


@pytest.fixture(scope="session", autouse=True)
def _private_plan_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled plans go to a folder of this test run, never the user's cache (processes inherit it)."""
    before = os.environ.get("ANZEN_CACHE_DIR")
    os.environ["ANZEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("plan-cache"))
    yield
    if before is None:
        del os.environ["ANZEN_CACHE_DIR"]
    else:
        os.environ["ANZEN_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def wakayama_plan():
    return load_plan("wakayama-safety-report")


@pytest.fixture(scope="session")
def subcontract_plan():
    return load_plan("subcontract-application")


@pytest.fixture(autouse=True)
def _private_session_db(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test (or process it starts) writes to the user's own session database."""
    monkeypatch.setenv("ANZEN_DB", str(tmp_path_factory.mktemp("db") / "sessions.db"))
