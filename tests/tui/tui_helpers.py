"""Helpers for driving the full-screen app with keys (Pilot) and comparing with `anzen fill`."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from anzen.cli.main import main as anzen_main
from anzen.tui.app import AnzenApp
from anzen.tui.widgets.transcript import Conversation

TODAY = date(2026, 10, 1)
NOW = datetime(2026, 10, 1, 9, 30, tzinfo=timezone.utc)


def make_app(out_dir: Path, **kwargs: Any) -> AnzenApp:
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("clock", lambda: NOW)
    return AnzenApp(out_dir=out_dir, **kwargs)


def drawn(screen: Any, kind: str | None = None) -> list[str]:
    """The conversation's entries (those of `kind`) as drawn on screen, in text."""
    view = screen.query_one(Conversation)
    return [view.block_text(i) for i, entry in enumerate(view.entries) if kind is None or entry.kind == kind]


def typed(text: str) -> list[str]:
    """Keys that type `text` into an empty input and submit it."""
    return [*text, "enter"]


def retyped(text: str) -> list[str]:
    """Keys that replace a prefilled input with `text` and submit it."""
    return ["home", "ctrl+k", *text, "enter"]


YES, NO, UNSURE = "y", "n", "question_mark"

def open_flow(flow_id: str) -> list[str]:
    """Keys on the home screen that open `flow_id` (in the order the home screen lists the flows)."""
    from anzen.cli.flows import flow_summaries
    from anzen.tui.screens.home import listing_order

    ids = [row["id"] for row in sorted(flow_summaries(), key=listing_order)]
    return ["home", *["down"] * ids.index(flow_id), "enter"]


OPEN_WAKAYAMA = open_flow("wakayama-safety-report")
OPEN_SUBCONTRACT = open_flow("subcontract-application")


def normalised(report: dict[str, Any]) -> dict[str, Any]:
    report = dict(report)
    report["generated_at"] = None
    return report


def fill_report(flow: str, answers: dict[str, Any], tmp: Path) -> dict[str, Any]:
    """The JSON report that `anzen fill` writes from `answers`."""
    answers_file = tmp / "answers.json"
    answers_file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = tmp / "fill-out"
    status = anzen_main(["fill", flow, "--answers", str(answers_file), "--format", "json", "--out", str(out)])
    assert status == 0
    (written,) = out.glob("*.json")
    return json.loads(written.read_text(encoding="utf-8"))


def exported_report(out: Path) -> dict[str, Any]:
    (written,) = out.glob("*.json")
    return json.loads(written.read_text(encoding="utf-8"))


def statuses(report: dict[str, Any], checklist: int = 0) -> dict[str, str]:
    items = report["checklists"][checklist]["items"]
    return {item["id"] + (f"#{item['instance']}" if "instance" in item else ""): item["status"] for item in items}


async def export(pilot: Any) -> None:
    """On the result screen: export (F6) and wait for the worker to finish."""
    from anzen.tui.screens.result import ResultScreen

    app = pilot.app
    assert isinstance(app.screen, ResultScreen)
    await pilot.press("f6")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def start_with(pilot: Any, flow: str, answers: dict[str, Any]) -> None:
    """Open `flow` with `answers` already given (as a resumed session would), skipping their keys."""
    from anzen.tui.navigation import StartRequest

    await pilot.pause()
    pilot.app.start(StartRequest(flow, answers=answers))
    await pilot.pause()
