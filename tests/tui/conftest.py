"""Fixtures of the app tests (helpers live in tui_helpers.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"


@pytest.fixture(autouse=True)
def _earlier_tests_out_of_the_collectors_sight() -> Iterator[None]:
    """The app collects garbage after each step (anzen.tui.collector), over what was made since it mounted.
    In this process that also means what every earlier test left alive (pytest's records, modules imported
    since): frozen here, each collection walks this test's objects only, as in the app's own process."""
    gc.collect()
    gc.freeze()
    yield
