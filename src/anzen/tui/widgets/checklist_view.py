"""A completed checklist as a table: No. | 確認事項 | 状態, follow-ups with their reason, action and articles.

Follow-up rows stand out three ways: colour (CSS class), the mark ▲ and the word 要対応, so the
table reads in monochrome and for colour-blind readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from anzen.result import STATUS_LABELS, STATUS_MARKS, ChecklistResult, ItemResult
from anzen.tui.words import w

STATUS_STYLE = {"follow_up": "bold $text-error", "unanswered": "bold $text-warning", "confirmed": "$text-success", "not_applicable": "$text-muted"}


def status_content(status: str, lang: str) -> Content:
    return Content.styled(f"{STATUS_MARKS[status]} {STATUS_LABELS[status].get(lang)}", STATUS_STYLE[status])


def summary_content(checklist: ChecklistResult, lang: str) -> Content:
    parts: list[Content | str] = [Content.styled(w(lang, "result.summary") + ": ", "bold")]
    for n, (status, count) in enumerate(checklist.summary.items()):
        if n:
            parts.append(" / ")
        parts.append(status_content(status, lang))
        parts.append(Content.styled(f" {count}", "bold"))
    return Content.assemble(*parts)


def lead(lang: str, key: str) -> str:
    """'理由：' / 'Reason: ': no space after a Japanese label, so a wrap does not break there."""
    return f"{w(lang, key)}：" if lang == "ja" else f"{w(lang, key)}: "


# (question id, its prompt, lang) → the prompt with {placeholders} filled from the answers
PromptText = Callable[[str, Any, str], str]


def item_content(item: ItemResult, lang: str, prompt: PromptText) -> Content:
    lines = [Content.styled(item.text.get(lang), "bold" if item.needs_follow_up else "")]
    if item.instance_label:  # which subcontractor (one row per block): in the wide column, not under No.
        lines.insert(0, Content.styled(f"【{item.instance_label}】", "$text-accent"))
    if item.needs_follow_up:
        if item.answer:
            answered = "; ".join(f"{prompt(a.question, a.prompt, lang)} → {a.label.get(lang)}" for a in item.answer)
            lines.append(Content.assemble((lead(lang, "result.answer"), "italic"), answered))
        if item.reason:
            lines.append(Content.assemble((lead(lang, "result.reason"), "bold"), item.reason.get(lang)))
        if item.action:
            lines.append(Content.assemble((lead(lang, "result.action"), "bold"), item.action.get(lang)))
        if item.refs:
            lines.append(Content.styled(lead(lang, "result.refs") + ("、" if lang == "ja" else "; ").join(r.label.get(lang) for r in item.refs), "$text-muted"))
    return Content("\n").join(lines)


class ChecklistView(Vertical):
    """The checklist handed down by the screen, rendered in `lang`."""

    def __init__(self, checklist: ChecklistResult, lang: str, prompt: PromptText, **kwargs: object) -> None:
        super().__init__(classes="checklist", **kwargs)  # type: ignore[arg-type]
        self.checklist, self.lang, self.prompt = checklist, lang, prompt

    def compose(self) -> ComposeResult:
        lang, checklist = self.lang, self.checklist
        yield Static(Content.styled(checklist.title.get(lang), "bold"), classes="checklist-title")
        filled = [h for h in checklist.header if h.display.get(lang)]
        if filled:
            with Vertical(classes="header-fields"):
                for field in filled:
                    with Horizontal(classes="header-row"):
                        yield Static(Content(field.label.get(lang)), classes="header-label")
                        yield Static(Content(field.display.get(lang)), classes="header-value")
        yield Static(summary_content(checklist, lang), classes="summary")
        follow = checklist.follow_ups
        if follow:  # where to look, before the long table
            names = "、".join(i.id + (f"[{i.instance_label}]" if i.instance_label else "") for i in follow)
            yield Static(Content.assemble(("▲ " + lead(lang, "result.follow"), "bold $text-error"), names), classes="follow-list")
        with Horizontal(classes="row table-head"):
            yield Static(w(lang, "result.no"), classes="cell-no", markup=False)
            yield Static(w(lang, "result.item"), classes="cell-text", markup=False)
            yield Static(w(lang, "result.status"), classes="cell-status", markup=False)
        for cat in checklist.categories:
            yield Static(Content.styled(f"{cat.id} {cat.title.get(lang)}", "bold"), classes="category")
            for item in cat.items:
                name = item.id
                classes = "row item " + item.status.replace("_", "-")
                with Horizontal(classes=classes):
                    yield Static(Content(name), classes="cell-no")
                    yield Static(item_content(item, lang, self.prompt), classes="cell-text")
                    yield Static(status_content(item.status, lang), classes="cell-status")
