"""What the conversation says: questions, answers and change notices, as functions of the language.

Each function returns a renderer (lang → Content) so that switching ja/en redraws the transcript.
Flow and respondent text is plain Content: never read as markup."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from textual.content import Content

from anzen.answers import label_of
from anzen.engine import Interview
from anzen.plan import Node, ref_label, refs_for
from anzen.tui.widgets.transcript import Entry
from anzen.tui.words import w

Render = Callable[[str], Content]
Prefix = Callable[[str], str] | None


def question_text(interview: Interview, node: Node, block: Mapping[str, Any] | None = None, prefix: Prefix = None) -> Render:
    """The question in full: prompt, why we ask, and the articles (F1 opens them)."""

    def render(lang: str) -> Content:
        q = node.question
        head = prefix(lang) if prefix else ""
        lines = [Content.assemble((head, "bold $text-accent"), (interview.text(node, q.prompt, lang, block), "bold"))]
        if getattr(q, "help", None):
            why = f"{w(lang, 'why')}：" if lang == "ja" else f"{w(lang, 'why')}: "
            lines.append(Content.assemble((why, "italic $text-accent"), interview.text(node, q.help, lang, block)))
        refs = refs_for(interview.plan, node)
        if refs:
            # named only: their texts are read when F1 opens them (anzen.plan_cache.KeptArticles)
            names = ("、" if lang == "ja" else "; ").join(ref_label(ref, interview.plan.sources).get(lang) for ref in refs)
            tail = f"{names}（F1）" if lang == "ja" else f"{names} (F1)"
            lines.append(Content.styled(f"{w(lang, 'result.refs')}: {tail}", "$foreground-muted"))
        return Content("\n").join(lines)

    return render


def question_summary(interview: Interview, node: Node) -> Render:
    """The question alone, as the compact earlier conversation shows it (answers the interview started with)."""
    return lambda lang: Content(interview.text(node, node.question.prompt, lang))


def answer_text(question: Any, value: Any, notes: Mapping[str, str], note_of: str | None = None) -> Render:
    """An answer as the respondent reads it, with the staff note on it (looked up when drawn)."""

    def render(lang: str) -> Content:
        text = Content(label_of(question, value, lang))
        note = notes.get(note_of) if note_of else None
        if note:
            text = Content.assemble(text, "\n", (f"{w(lang, 'note')}: ", "italic"), note)
        return text

    return render


def changed_text(interview: Interview, node: Node, old: Any, new: Any) -> Render:
    q = node.question
    return lambda lang: Content(w(lang, "changed", prompt=interview.text(node, q.prompt, lang), old=label_of(q, old, lang), new=label_of(q, new, lang)))


def removed_text(interview: Interview, removed: Mapping[str, Any]) -> Render:
    """Which answers a change took away (Change.removed): their questions left the path."""
    return _answers_notice(interview, "removed", removed,
                           lambda lang, node, value, prompt: w(lang, "removed_row", prompt=prompt, label=label_of(node.question, value, lang)))


def revised_text(interview: Interview, revised: Mapping[str, Any]) -> Render:
    """Which group answers a change made the engine check again (Change.revised)."""
    return _answers_notice(interview, "revised", revised,
                           lambda lang, node, value, prompt: w(lang, "revised_again" if value is None else "revised_kept", prompt=prompt))


def _answers_notice(interview: Interview, heading: str, answers: Mapping[str, Any], row: Callable[[str, Node, Any, str], str]) -> Render:
    answers = dict(answers)  # as they were when the change was made

    def render(lang: str) -> Content:
        lines = [Content.styled(w(lang, heading), "bold")]
        for qid, value in answers.items():
            node = interview.plan.by_id[qid]
            lines.append(Content(row(lang, node, value, interview.text(node, node.question.prompt, lang))))
        return Content("\n").join(lines)

    return render


def loaded_entries(interview: Interview, notes: Mapping[str, str]) -> list[Entry]:
    """The answers an interview starts with (a resumed session), as earlier conversation."""
    entries = []
    for node in interview.path():
        if interview.is_answered(node.id):
            entries.append(Entry("bot", question_text(interview, node), None, question_summary(interview, node)))
            entries.append(Entry("user", answer_text(node.question, interview.value(node.id), notes, node.id), node.id))
    return entries
