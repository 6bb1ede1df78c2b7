"""docs/guide.ja.md, the users' guide in Japanese, kept true: its commands parse, its keys are the app's,
its table of reports is the installed flows, and what it links to exists."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import shlex
from pathlib import Path

import pytest

import anzen.tui
from anzen.cli.flows import flow_summaries
from anzen.cli.main import _parser

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide.ja.md"
TEXT = GUIDE.read_text(encoding="utf-8")


def commands() -> list[str]:
    """Every `anzen …` command the guide shows: in shell blocks and in backticks."""
    found = [line.strip() for block in re.findall(r"```sh\n(.*?)```", TEXT, re.S) for line in block.splitlines() if line.strip().startswith("anzen")]
    found += re.findall(r"`(anzen [^`]*)`", TEXT)
    return found


def test_the_guide_shows_commands():
    assert len(commands()) >= 12


@pytest.mark.parametrize("command", commands())
def test_every_command_in_the_guide_parses(command):
    words = shlex.split(command)[1:]
    try:
        _parser(None, "ja").parse_args(words)
    except SystemExit as stopped:  # --help exits 0: that is the command working
        assert stopped.code == 0 and "--help" in words, command


def app_keys() -> set[str]:
    """Every key bound anywhere in the full-screen app."""
    keys: set[str] = set()
    for module in pkgutil.walk_packages(anzen.tui.__path__, "anzen.tui."):
        for _, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            for binding in getattr(cls, "BINDINGS", []):
                spec = binding.key if hasattr(binding, "key") else binding[0]
                keys |= set(spec.split(","))
    return keys


def guide_keys() -> list[str]:
    """The keys of the guide's table of keys, in Textual's names."""
    table = TEXT.split("### キー", 1)[1].split("\n\n", 2)[1]
    names = {"?": "question_mark", "Enter": "enter"}
    keys = []
    for cell in (row.split("|")[1] for row in table.splitlines()[2:]):
        for key in re.findall(r"`([^`]+)`", cell):
            if "〜" in cell and key == "1":
                keys += [str(n) for n in range(1, 10)]
            keys.append(names.get(key, key.lower().replace("-", "+")))
    return keys


def test_every_key_in_the_guide_is_bound_in_the_app():
    keys = guide_keys()
    assert {"y", "n", "question_mark", "ctrl+b", "f1", "f6", "f8", "ctrl+q"} <= set(keys)
    assert set(keys) <= app_keys(), sorted(set(keys) - app_keys())


def test_the_table_of_reports_is_the_installed_flows():
    table = TEXT.split("## 2. 作成できる報告書", 1)[1].split("\n\n", 2)[1]
    rows = [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in table.splitlines()[2:]]
    installed = {row["id"]: row for row in flow_summaries()}
    assert sorted(row[1] for row in rows) == sorted(installed)
    for title, flow_id, questions in rows:
        assert title == installed[flow_id]["title"]["ja"]
        assert int(questions) == installed[flow_id]["questions"]


def test_its_links_lead_somewhere():
    for target in re.findall(r"\]\(([^)#]+)\)", TEXT):
        assert (GUIDE.parent / target).exists(), target
