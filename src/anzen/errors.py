"""The one error module: every problem anzen reports, with its code, place and a hint.

Problems are collected, never raised one at a time, so that an author sees all of them
at once (``flows/x.yaml:42: question 'copy_consent': … Did you mean 'copied_any'?``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The catalogue: every code anzen emits, with what it means (docs/flow-format.md lists it).
CATALOGUE: dict[str, str] = {
    "file-unreadable": "The file cannot be read (missing, a folder, no permission).",
    "file-too-large": "The file is larger than anzen accepts for this kind of file.",
    "file-empty": "The file is empty.",
    "yaml-encoding": "The file is not UTF-8 text.",
    "yaml-syntax": "The YAML is malformed.",
    "yaml-alias": "YAML anchors and aliases (& and *) are not allowed.",
    "yaml-tag": "A YAML tag (!!python/…, !custom) is not allowed.",
    "yaml-duplicate-key": "The same key appears twice in one mapping.",
    "yaml-not-mapping": "The file must be a mapping (key: value) at the top level.",
    "schema": "A key or value does not fit the file format.",
    "duplicate-id": "Two things of the same kind share an id.",
    "unknown-question": "A reference to a question id that does not exist.",
    "asked-later": "A condition refers to a question that is asked later (or at the same point).",
    "not-comparable": "The comparison does not fit the kind of question it refers to.",
    "unknown-value": "A value that the question cannot take (not one of its choices).",
    "unknown-checklist": "A reference to a checklist id that is not installed.",
    "unknown-item": "A reference to a checklist item that does not exist.",
    "unknown-category": "A reference to a checklist category that does not exist.",
    "unknown-header-field": "A reference to a checklist header field that does not exist.",
    "unknown-flow": "An include refers to a flow that cannot be found.",
    "include-cycle": "Flows include each other in a cycle.",
    "unknown-document": "A reference to a source document that does not exist.",
    "unknown-article": "A reference to an article that the source document does not have.",
    "bad-pattern": "A validation pattern is not a valid regular expression.",
    "slow-pattern": "A validation pattern can take exponential time on some answers (a repetition inside a repetition that can split them in many ways).",
    "bad-placeholder": "A {placeholder} in a text names no earlier question.",
    "unreachable": "No path through the flow can reach this question.",
    "item-never-set": "No rule of the flow ever sets this checklist item.",
    "bad-share": "An include shares an answer that does not fit.",
    # `anzen flows check` (the linter, anzen.lint) adds these to the checks above:
    "path-incomplete": "On some path every question is answered, yet a checklist item matches no rule (it would stay unanswered).",
    "unsure-not-followed-up": "Answering わからない (unsure) to a checklist question leads neither to a follow-up item nor to a further question.",
    "no-not-followed-up": "The answer opposite to the one that confirms an item (usually 'no') leads neither to a follow-up item nor to a further question.",
    "path-limit": "The flow has more paths than the linter explores; only the first ones were checked (warning).",
    "missing-translation": "A text has Japanese but no English (en).",
    "help-unknown-article": "A help or follow-up text cites an article (第N / 第N条) that the documents it refers to do not have.",
    "schema-line": "The file does not start with the yaml-language-server $schema line (warning).",
    "answers-unknown-id": "The answers file names a question the flow does not have.",
    "answers-invalid": "An answer does not fit its question.",
    "answers-format": "The answers file is not a mapping of question ids to answers.",
    "report-format": "The file is not a JSON report written by anzen, or its answers no longer fit the flow.",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and where."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    subject: str | None = None
    hint: str | None = None
    severity: str = "error"

    def __post_init__(self) -> None:
        assert self.code in CATALOGUE, self.code

    def render(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        subject = f"{self.subject}: " if self.subject else ""
        # the hint is a sentence of its own: after a message that does not end one, a full stop first
        if not self.hint:
            hint = ""
        elif not self.message.endswith((".", "?", "!", "。", "？", "！")):
            hint = f". {self.hint}"
        elif self.message.endswith(("。", "？", "！")) and not (self.hint[0].isascii() and self.hint[0].isalnum()):
            hint = self.hint  # a Japanese sentence after a Japanese one: no space between them
        else:
            hint = f" {self.hint}"
        return f"{where}{subject}{self.message}{hint}"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code, "severity": self.severity, "file": self.file, "line": self.line,
            "subject": self.subject, "message": self.message, "hint": self.hint,
        }

    __str__ = render


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Each file's problems together, from its top down (the checks find them stage by stage), the files in
    the order their first problem was found."""
    files = {p.file: n for n, p in reversed(list(enumerate(problems)))}
    return sorted(problems, key=lambda p: (files[p.file], p.line or 0))


class ProblemsError(Exception):
    """Raised once, with every problem found, when a file cannot be used."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.render() for p in self.problems))


class AnswerError(ValueError):
    """An answer that does not fit its question; the message (ja and en) is for the respondent."""

    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja, self.en = ja, en

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class Failure(Exception):
    """Something anzen could not do for the user (the session store, writing a report), said in both
    languages: str() is the English (logs, tests), message(lang) the language on screen and on the command
    line. Without a Japanese text, English serves both."""

    def __init__(self, en: str, *, ja: str | None = None):
        super().__init__(en)
        self.en, self.ja = en, ja

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" and self.ja else self.en


@dataclass(frozen=True)
class Notice:
    """A warning for the user in both languages: the command goes on."""

    en: str
    ja: str

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


def did_you_mean(name: str, candidates: Iterable[str], lang: str = "en") -> str | None:
    """'Did you mean 'x'?' ('x' のことですか？) when `name` is close to one of `candidates`."""
    import difflib  # only when a name is wrong: not on every start

    close = difflib.get_close_matches(str(name), [str(c) for c in candidates], n=1, cutoff=0.6)
    if not close:
        return None
    return f"'{close[0]}' のことですか？" if lang == "ja" else f"Did you mean '{close[0]}'?"
