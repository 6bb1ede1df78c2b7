"""The translation check (missing-translation) sees every text: lint_texts.texts_of skips the fields whose type
cannot hold a Text (ids, flags, conditions); a walk of every field finds no other text in any shipped file."""

from __future__ import annotations

from typing import Any

import pytest

from anzen.lint_texts import texts_of
from anzen.model.base import Record
from anzen.model.runtime import YAML_NAMES, Text
from anzen.registry import default_library

LIBRARY = default_library()


def every_text(model: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Text]]:
    if isinstance(model, Text):
        return [(loc, model)]
    if isinstance(model, Record):
        return [t for name in model._fields for t in every_text(getattr(model, name), (*loc, YAML_NAMES.get(name, name)))]
    if isinstance(model, (list, tuple)):
        return [t for i, value in enumerate(model) for t in every_text(value, (*loc, i))]
    if isinstance(model, dict):
        return [t for key, value in model.items() for t in every_text(value, (*loc, key))]
    return []


def shipped() -> list[Any]:
    flows = [LIBRARY.flow(LIBRARY.flow_path(f)) for f in LIBRARY.flow_ids()]
    checklists = [LIBRARY.checklist(c) for c in LIBRARY.checklist_ids() if c != "crosswalk"]
    sources = [LIBRARY.source(s) for s in LIBRARY.source_ids()]
    return [loaded for loaded in (*flows, *checklists, *sources) if loaded is not None]


@pytest.mark.parametrize("loaded", shipped(), ids=lambda loaded: loaded.file)
def test_texts_of_finds_every_text(loaded: Any) -> None:
    found = every_text(loaded.model)
    assert found and list(texts_of(loaded.model)) == found
