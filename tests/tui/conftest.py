"""Fixtures of the app tests (helpers live in tui_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"
