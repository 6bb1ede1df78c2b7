"""The short summary after a fill or an interview: counts per status and the follow-up items.

Every status has a symbol and a word as well as a colour; answer text is never read as markup."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from anzen.report import Report
from anzen.result import STATUS_LABELS, STATUS_MARKS

STYLES = {"confirmed": "green", "follow_up": "bold red", "not_applicable": "dim", "unanswered": "bold yellow"}
WORDS = {
    "ja": {"written": "出力しました", "follow": "要対応の事項", "none": "要対応の事項はありません。", "status": "状態", "count": "件数", "reason": "理由", "action": "対応"},
    "en": {"written": "Written", "follow": "Items needing follow-up", "none": "No items need follow-up.", "status": "Status", "count": "Count", "reason": "Reason", "action": "Action"},
}


def status_text(status: str, lang: str) -> Text:
    return Text(f"{STATUS_MARKS[status]} {STATUS_LABELS[status].get(lang)}", style=STYLES[status])


def print_summary(report: Report, written: list[Path], lang: str, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    words = WORDS[lang]
    for checklist in report.checklists:
        console.print(Text(checklist.title.get(lang), style="bold"))
        table = Table(show_header=True, box=None, pad_edge=False)
        table.add_column(words["status"])
        table.add_column(words["count"], justify="right")
        for status, count in checklist.summary.items():
            table.add_row(status_text(status, lang), Text(str(count)))
        console.print(table)
        follow = checklist.follow_ups
        if not follow:
            console.print(Text(words["none"], style="green"))
        else:
            console.print(Text(f"{words['follow']} ({len(follow)})", style="bold red"))
        for item in follow:
            line = Text("  ")
            line.append_text(status_text(item.status, lang))
            name = item.id + (f" [{item.instance_label}]" if item.instance_label else "")
            line.append(f" {name} ", style="bold")
            line.append(item.text.get(lang))
            console.print(line)
            if item.status == "unanswered":
                continue  # the same reason for every unanswered item: the warning lists the questions
            if item.reason:
                console.print(Text(f"      {words['reason']}: {item.reason.get(lang)}"))
            if item.action:
                console.print(Text(f"      {words['action']}: {item.action.get(lang)}"))
        console.print()
    for path in written:
        console.print(Text(f"{words['written']}: {path}"))
