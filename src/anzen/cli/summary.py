"""The short summary after a fill or an interview: counts per status and the follow-up items.

Every status has a symbol and a word as well as a colour; answer text is never read as markup."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from anzen.report import Report
from anzen.result import STATUS_LABELS, STATUS_MARKS
from anzen.widths import cells

STYLES = {"confirmed": "green", "follow_up": "bold red", "not_applicable": "dim", "unanswered": "bold yellow"}
WORDS = {
    "ja": {"written": "出力しました", "follow": "要対応の事項", "none": "要対応の事項はありません。", "status": "状態", "count": "件数", "reason": "理由", "action": "対応"},
    "en": {"written": "Written", "follow": "Items needing follow-up", "none": "No items need follow-up.", "status": "Status", "count": "Count", "reason": "Reason", "action": "Action"},
}
Line = list[tuple[str, str]]  # (text, style): a line of the summary


def status_text(status: str, lang: str) -> str:
    return f"{STATUS_MARKS[status]} {STATUS_LABELS[status].get(lang)}"


def summary_lines(report: Report, written: list[Path], lang: str) -> list[Line]:
    """The summary as styled lines: per checklist its counts and the items that need follow-up."""
    words = WORDS[lang]
    lines: list[Line] = []
    for checklist in report.checklists:
        lines.append([(checklist.title.get(lang), "bold")])
        rows = [(status_text(status, lang), str(count), STYLES[status]) for status, count in checklist.summary.items()]
        first = max(cells(words["status"]), *(cells(r[0]) for r in rows))
        second = max(cells(words["count"]), *(cells(r[1]) for r in rows))
        lines.append([(words["status"] + " " * (first - cells(words["status"]) + 2 + second - cells(words["count"])) + words["count"], "bold")])
        lines += [[(label, style), (" " * (first - cells(label) + 2 + second - cells(count)) + count, "")] for label, count, style in rows]
        follow = checklist.follow_ups
        lines.append([(words["none"], "green")] if not follow else [(f"{words['follow']} ({len(follow)})", "bold red")])
        for item in follow:
            name = item.id + (f" [{item.instance_label}]" if item.instance_label else "")
            lines.append([("  ", ""), (status_text(item.status, lang), STYLES[item.status]), (f" {name} ", "bold"), (item.text.get(lang), "")])
            if item.status == "unanswered":
                continue  # the same reason for every unanswered item: the warning lists the questions
            if item.reason:
                lines.append([(f"      {words['reason']}: {item.reason.get(lang)}", "")])
            if item.action:
                lines.append([(f"      {words['action']}: {item.action.get(lang)}", "")])
        lines.append([])
    lines += [[(f"{words['written']}: {path}", "")] for path in written]
    return lines


def print_summary(report: Report, written: list[Path], lang: str, console: Any = None, file: IO[str] | None = None) -> None:
    """Print the summary: in colour on a terminal (rich), as plain lines anywhere else (a pipe, a file:
    the same text without loading rich). Answer texts are only ever text, never markup."""
    lines = summary_lines(report, written, lang)
    out = file or sys.stdout
    if console is None and not (out.isatty() or os.environ.get("FORCE_COLOR")):
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = console or Console(file=out, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*line))
