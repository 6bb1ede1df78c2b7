"""What the side panel, the answer lists and the article viewer show, read from the engine and the result.

Plain Python (no Textual). Nothing here decides a status: statuses come from anzen.result.
Rows are NamedTuples: a frozen dataclass costs ~0.8 ms to define at every start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from anzen.answers import label_of
from anzen.engine import Interview
from anzen.model.runtime import ArticleRef, Text
from anzen.plan import Node, Plan, ref_label

if TYPE_CHECKING:  # the result is worked out for the side panel, after the first question is shown
    from anzen.result import ChecklistResult


class CategoryRow(NamedTuple):
    checklist: str
    checklist_title: Text
    id: str
    title: Text
    status: str  # category_status: follow_up, unanswered, confirmed, not_applicable
    current: bool
    reached: bool  # a question of this category has been answered
    follow_ups: int


class AnswerRow(NamedTuple):
    question: str  # full id
    section: str
    section_title: Text
    prompt: str
    label: str
    details: tuple[str, ...] = ()  # a group's blocks, one line each


class SourceArticle(NamedTuple):
    label: str  # 和歌山市 個人情報取扱特記事項 第7
    heading: str | None
    text: str
    original: str | None  # the Japanese text beside an English one (Japanese is the authority)
    notes: str | None
    found: bool = True


def _category_of(node: Node | None) -> tuple[str | None, str | None]:
    if node is None:
        return None, None
    return node.section.checklist, node.section.category


def category_rows(interview: Interview, current: Node | None, checklists: tuple[ChecklistResult, ...] | None = None) -> list[CategoryRow]:
    """Every category of the checklists being filled, with its status and whether it is current."""
    from anzen.result import category_status, results

    checklists = results(interview) if checklists is None else checklists
    current_key = _category_of(current)
    reached = {_category_of(n) for n in interview.plan.nodes if interview.is_answered(n.id)}
    rows = []
    for checklist in checklists:
        for cat in checklist.categories:
            key = (checklist.id, cat.id)
            rows.append(CategoryRow(
                checklist.id, checklist.title, cat.id, cat.title, category_status(cat), key == current_key,
                key in reached, sum(1 for i in cat.items if i.status == "follow_up"),
            ))
    return rows


def questions_of_category(interview: Interview, checklist: str, category: str) -> list[str]:
    """Answered questions whose section fills this category, in asking order."""
    return [n.id for n in interview.path() if n.section.checklist == checklist and n.section.category == category and interview.is_answered(n.id)]


def _block_lines(interview: Interview, group: Node, blocks: list[dict[str, Any]], lang: str) -> tuple[str, ...]:
    lines = []
    label_from = group.question.label_from
    for n, block in enumerate(blocks, start=1):
        name = str(block.get(label_from)) if label_from and block.get(label_from) else f"{group.question.item_label.get(lang)} {n}"
        parts = []
        for child in interview.block_visible(group, block):
            if child.id == label_from:
                continue
            value = block.get(child.id)
            parts.append(f"{interview.text(child, child.question.prompt, lang, block)} → {label_of(child.question, value, lang)}")
        lines.append(f"{n}. {name}")
        lines.extend(f"    {p}" for p in parts)
    return tuple(lines)


def answer_rows(interview: Interview, lang: str, only: set[str] | None = None) -> list[AnswerRow]:
    """The answers on the current path, in asking order, with their sections (for review and jumping)."""
    rows = []
    for node in interview.path():
        if not interview.is_answered(node.id) or (only is not None and node.id not in only):
            continue
        value = interview.value(node.id)
        details = _block_lines(interview, node, value or [], lang) if node.is_group else ()
        rows.append(AnswerRow(
            node.id, node.section.id, node.section.title, interview.text(node, node.question.prompt, lang),
            label_of(node.question, value, lang), details,
        ))
    return rows


def source_articles(plan: Plan, refs: list[ArticleRef], lang: str) -> list[SourceArticle]:
    """The full text of each referenced article, from the source documents (checklists/sources)."""
    out = []
    for ref in refs:
        label = ref_label(ref, plan.sources).get(lang)
        source = plan.sources.get(ref.doc)
        article = next((a for a in source.articles if a.id == ref.article), None) if source is not None else None
        if article is None:
            out.append(SourceArticle(label, None, "", None, None, found=False))
            continue
        text = article.text.get(lang)
        original = article.text.ja if lang == "en" and article.text.en else None
        out.append(SourceArticle(
            label, article.heading.get(lang) if article.heading else None, text, original,
            article.notes.get(lang) if article.notes else None,
        ))
    return out
