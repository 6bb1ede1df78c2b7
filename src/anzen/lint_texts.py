"""The checks of `anzen flows check` on a flow's texts (lint.py runs them):
- missing-translation: every text has ja and en (the flow, and the checklist it fills).
- help-unknown-article: 第N / 第N条 cited in a help, message, reason or action text exists in the documents
  the question (or rule, or item) refers to, or, when it refers to none, in some document the flow cites.
- schema-line: the file starts with `# yaml-language-server: $schema=…` (warning)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from anzen.errors import Problem
from anzen.loader import Loaded, subject_of
from anzen.model.base import Record
from anzen.model.common import Text as TextModel
from anzen.model.runtime import Flow, Text
from anzen.plan import Plan
from anzen.registry import Library

SCHEMA_LINE = "# yaml-language-server: $schema="
_ATOMS = (str, int, float, bool, NoneType)
ARTICLE = re.compile(r"第([0-9０-９]+)(条?)(?![0-9０-９条項号])")


def schema_line(loaded: Loaded[Any]) -> list[Problem]:
    if loaded.path is None:
        return []
    try:
        first = loaded.path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return []
    if first.startswith(SCHEMA_LINE):
        return []
    return [Problem("schema-line", "the first line is not the yaml-language-server schema line", loaded.file, 1, None,
                    f"Start the file with '{SCHEMA_LINE}schema.json' (the path of flows/schema.json from this file) so editors check it as you type.",
                    severity="warning")]


def texts_of(model: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Text]]:
    """Every bilingual text of a loaded model, with where it is, in the order of the file."""
    found: list[tuple[tuple[Any, ...], Text]] = []
    _collect_texts(model, loc, found)
    return found


def _collect_texts(model: Any, loc: tuple[Any, ...], found: list[tuple[tuple[Any, ...], Text]]) -> None:
    # into one list, not generators: a text deep in a flow was passed up through as many generators as it
    # was deep; and strings and None, most of the values, are not visited
    if isinstance(model, Text):
        found.append((loc, model))
    elif isinstance(model, Record):
        for name, key in _text_fields(type(model)):
            value = getattr(model, name)
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, key), found)
    elif isinstance(model, (list, tuple)):
        for i, value in enumerate(model):
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, i), found)
    elif isinstance(model, dict):
        for key, value in model.items():
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, key), found)


@cache
def _text_fields(cls: type[Record]) -> tuple[tuple[str, str], ...]:
    """The fields of a loaded record (name, key in the file) whose type can hold a Text: ids, flags and
    conditions, most of a large flow, are not walked. The types are read from the record's pydantic model."""
    model = _models()[cls.__name__]
    return tuple((name, info.alias or name) for name, info in model.model_fields.items() if _can_hold_text(_annotation(model, name), frozenset()))


@cache
def _models() -> dict[str, type[BaseModel]]:
    from anzen.model.generate import models

    return {model.__name__: model for model in models()}


def _annotation(cls: type[BaseModel], name: str) -> Any:
    try:  # pydantic leaves the recursive ones ('Condition') as forward references
        return get_type_hints(cls, include_extras=True)[name]
    except (NameError, KeyError, TypeError):
        return cls.model_fields[name].annotation


def _can_hold_text(annotation: Any, seen: frozenset[type]) -> bool:
    if annotation in _ATOMS or get_origin(annotation) is Literal:
        return False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, TextModel):
            return True
        if annotation in seen:  # a model inside itself (conditions): its other fields decide
            return False
        return any(_can_hold_text(_annotation(annotation, n), seen | {annotation}) for n in annotation.model_fields)
    origin = get_origin(annotation)
    if origin is Annotated:
        return _can_hold_text(get_args(annotation)[0], seen)
    if origin in (Union, UnionType, list, tuple, dict):
        return any(_can_hold_text(a, seen) for a in get_args(annotation) if a is not Ellipsis)
    return True  # Any, a forward reference, anything else: walk it


def translations(loaded: Loaded[Any]) -> list[Problem]:
    if not loaded.untranslated:  # found while loading: every text has its English
        return []
    problems = []
    for loc, text in texts_of(loaded.model):
        if text.untranslated:
            field = next((p for p in reversed(loc) if isinstance(p, str)), "text")
            problems.append(Problem("missing-translation", f"'{field}' has no English (en) text: {_short(text.ja)}",
                                    loaded.file, loaded.doc.line_of(loc), subject_of(loaded.doc.data, loc),
                                    f"Write it as {field}: {{ja: …, en: …}}."))
    return problems


def _short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return f"「{text[:width]}…」" if len(text) > width else f"「{text}」"


def mentions(text: str) -> list[str]:
    """Article numbers cited in a text: 第7, 第19条 (paragraphs 第2項 and items 第3号 are not articles)."""
    return [f"第{unicodedata.normalize('NFKC', n)}{jo}" for n, jo in ARTICLE.findall(text)]


def article_mentions(plan: Plan, flows: dict[str, Loaded[Flow]], library: Library) -> list[Problem]:
    problems: list[Problem] = []
    cited = {doc for doc in plan.sources}

    def check(cites: list[str], docs: set[str], file: str, line: int | None, subject: str) -> None:
        candidates = docs or cited
        ids: set[str] = set()
        for doc in candidates:
            source = library.source(doc)
            if source is not None:
                ids |= {a.id for a in source.model.articles}
        for mention in cites:
            bare = mention.removesuffix("条")
            if bare not in ids and bare + "条" not in ids:
                problems.append(Problem("help-unknown-article", f"the text cites {mention}, which {', '.join(sorted(candidates)) or 'no document'} does not have",
                                        file, line, subject, "Add the document it comes from to refs, or correct the number."))

    # most texts cite no article: the documents, lines and subjects are worked out only for those that do
    for node in plan.nodes:
        question = node.question
        for q, line, name in [(question, node.line, node.id)] + [(c.question, c.line, f"{node.id}.{c.id}") for c in node.children]:
            cites = _cites([getattr(q, "help", None), getattr(q, "text", None) if q.kind == "info" else None])
            if cites:
                check(cites, {r.doc for r in q.refs}, node.file, line, f"question '{name}'")
    for binding in plan.bindings:
        loaded = flows.get(binding.prefix)
        if loaded is None:
            continue
        items = {i.id: i for c in binding.checklist.categories for i in c.items}
        for item_id, outcome in binding.outcomes.items():
            item_docs = {r.doc for r in items[item_id].refs} if item_id in items else set()
            for i, rule in enumerate(outcome.rules):
                cites = _cites([rule.reason, rule.action])
                if cites:
                    check(cites, {r.doc for r in rule.refs} | item_docs, loaded.file, loaded.doc.line_of(("outcomes", item_id, "rules", i)), f"outcome '{item_id}'")
            cites = _cites([outcome.unsure_action])
            if cites:
                check(cites, item_docs, loaded.file, loaded.doc.line_of(("outcomes", item_id, "unsure_action")), f"outcome '{item_id}'")
    return problems


def _cites(texts: list[Any]) -> list[str]:
    return [mention for text in texts if text is not None and "第" in text.ja for mention in mentions(text.ja)]
