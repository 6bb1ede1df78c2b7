"""Load stage: file → YAML → typed model, every problem collected with its line and id.

pydantic validates; what is kept is the model's plain twin (anzen.model.runtime), so that nothing
after this stage — a kept plan, the engine, the app — needs pydantic to run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import types
import typing
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from anzen.collecting import paused_gc
from anzen.errors import Problem, ProblemsError, did_you_mean
from anzen.model import checklist, common, crosswalk, flow, runtime, source
from anzen.model.base import Record
from anzen.yamlio import YamlDoc, load_yaml, parse_yaml

M = TypeVar("M")  # a class of anzen.model.runtime

_CONTAINER_NAMES = {
    "sections": "section", "questions": "question", "choices": "choice", "categories": "category",
    "items": "item", "articles": "article", "header": "header field", "rules": "rule",
}


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated file in its loaded form, with the parsed document it came from (for line numbers)."""

    model: M
    doc: YamlDoc
    path: Path | None
    # some bilingual text has no English (False: every one has it, found while loading, and the
    # linter's walk over every text for them is not needed)
    untranslated: bool = True

    @property
    def file(self) -> str:
        return self.doc.file


def subject_of(data: Any, loc: tuple[Any, ...]) -> str | None:
    """Name the innermost thing with an id along `loc`: "question 'copied_any'"."""
    subject = None
    node, parent_key = data, None
    for part in loc:
        if isinstance(node, dict) and part in node:
            if parent_key == "outcomes":
                subject = f"outcome '{part}'"
            elif parent_key == "header" and not isinstance(node.get(part), dict):
                subject = f"header field '{part}'"
            parent_key, node = part, node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            if isinstance(node, dict) and isinstance(node.get("id"), (str, int)):
                subject = f"{_CONTAINER_NAMES.get(parent_key, str(parent_key))} '{node['id']}'"
        # parts not in the data are pydantic's union tags: skip them
    return subject


def _all_field_names() -> set[str]:
    from anzen.model import conditions

    names: set[str] = set()
    for module in (flow, checklist, source, conditions):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                for name, info in value.model_fields.items():
                    names.add(info.alias or name)
    return names


def _problem_from_error(error: dict[str, Any], doc: YamlDoc) -> Problem:
    loc = tuple(error["loc"])
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        loc = (*loc, "kind")
    key = next((p for p in reversed(loc) if isinstance(p, str)), None)
    kind = error["type"]
    hint = None
    if kind == "extra_forbidden":
        message = f"unknown key '{key}'"
        hint = did_you_mean(str(key), _all_field_names())
    elif kind == "missing":
        message = f"missing key '{key}'"
    elif kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        message = f"kind '{ctx.get('tag')}' is not one of: {ctx.get('expected_tags')}"
        hint = did_you_mean(str(ctx.get("tag")), str(ctx.get("expected_tags", "")).replace("'", "").split(", "))
    elif kind == "union_tag_not_found":
        message = "missing key 'kind'"
        key = None
    elif kind == "string_pattern_mismatch" and key in ("id", "value"):
        message = f"{key} {error.get('input')!r} may only contain letters, digits, '-' and '_' (and must not start with '-' or '_')"
    elif kind == "literal_error":
        message = f"'{key}' must be one of {error.get('ctx', {}).get('expected')} (got {error.get('input')!r})"
    elif kind in ("value_error", "assertion_error"):
        message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    else:
        message = f"'{key}': {error['msg']}" if key else str(error["msg"])
    return Problem("schema", message, doc.file, doc.line_of(loc), subject_of(doc.data, loc), hint)


_ATOMS = (str, int, float, bool, type(None))
_new, _set = object.__new__, object.__setattr__
_TWINS: dict[type, tuple[type[Record], tuple[str, ...]]] = {}  # model → its record class, the fields that may hold models
_TEXT, _MODEL_TEXT = runtime.Text, common.Text


def _twin_of(model: type[BaseModel]) -> tuple[type[Record], tuple[str, ...]]:
    if model not in _TWINS:
        nested = tuple(name for name, info in model.model_fields.items() if _may_nest(info.annotation))
        _TWINS[model] = (getattr(runtime, model.__name__), nested)
    return _TWINS[model]


def _may_nest(annotation: Any) -> bool:
    """Whether a field of this type can hold a model, a list or a mapping (else its value is kept as it is)."""
    if annotation in _ATOMS or typing.get_origin(annotation) is typing.Literal:
        return False
    if typing.get_origin(annotation) is typing.Annotated:
        return _may_nest(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_may_nest(a) for a in typing.get_args(annotation))
    return True  # a model, list, dict, forward reference ('Condition') or anything else


def loaded_form(value: Any, untranslated: list[Any] | None = None) -> Any:
    """A validated model (and everything in it) as its record from anzen.model.runtime: the model's own
    field dict, taken over (the model is dropped once converted), with the fields that hold models, lists or
    mappings converted in turn. Texts without English are added to `untranslated`."""
    if untranslated is None:
        untranslated = []
    twin = _TWINS.get(type(value)) or (_twin_of(type(value)) if isinstance(value, BaseModel) else None)
    if twin is not None:
        record, nested = twin
        fields = value.__dict__
        if record is _TEXT and value.untranslated:
            untranslated.append(value)
        for name in nested:
            held = fields[name]
            kind = type(held)
            if kind is _MODEL_TEXT:  # the model made most (a large flow has ~10⁴ texts): converted here, without a call
                if held.untranslated:
                    untranslated.append(held)
                text = _new(_TEXT)
                _set(text, "__dict__", held.__dict__)
                fields[name] = text
            elif kind is list:  # (each question has a list of articles, most of them empty)
                if held:
                    fields[name] = [v if type(v) in _ATOMS else loaded_form(v, untranslated) for v in held]
            elif kind not in _ATOMS:
                fields[name] = loaded_form(held, untranslated)
        made = _new(record)  # what Record.from_fields does, without a call per record (10⁵ in a large flow)
        _set(made, "__dict__", fields)
        return made
    if type(value) is list:
        return [v if type(v) in _ATOMS else loaded_form(v, untranslated) for v in value]
    if type(value) is dict:
        return {k: v if type(v) in _ATOMS else loaded_form(v, untranslated) for k, v in value.items()}
    return value


def validate_doc(doc: YamlDoc, model: type[BaseModel], path: Path | None = None) -> Loaded[Any]:
    """Validate parsed data against a model (every error a located problem); the result in its loaded form."""
    if not isinstance(doc.data, dict):
        raise ProblemsError([Problem("yaml-not-mapping", "the top level must be a mapping (key: value)", doc.file, 1)])
    try:
        with paused_gc():
            untranslated: list[Any] = []
            form = loaded_form(model.model_validate(doc.data), untranslated)
            return Loaded(form, doc, path, bool(untranslated))
    except ValidationError as exc:
        problems = [_problem_from_error(err, doc) for err in exc.errors(include_url=False)]
        # pydantic reports one error per union member for a bad outcome; keep each place once.
        unique = list({(p.line, p.message): p for p in problems}.values())
        raise ProblemsError(unique) from None


def load_file(path: Path, model: type[BaseModel], display: str | None = None) -> Loaded[Any]:
    doc = load_yaml(path, display)
    return validate_doc(doc, model, path)


def load_text(raw: bytes, model: type[BaseModel], display: str) -> Loaded[Any]:
    doc = parse_yaml(raw, display)
    return validate_doc(doc, model)


def load_flow(path: Path, display: str | None = None) -> Loaded[runtime.Flow]:
    return load_file(path, flow.Flow, display)


def load_checklist(path: Path, display: str | None = None) -> Loaded[runtime.Checklist]:
    loaded = load_file(path, checklist.Checklist, display)
    form = loaded.model
    _unique_ids(loaded, "category", [(("categories", i, "id"), c.id) for i, c in enumerate(form.categories)])
    _unique_ids(loaded, "item", [(("categories", i, "items", j, "id"), item.id) for i, c in enumerate(form.categories) for j, item in enumerate(c.items)])
    _unique_ids(loaded, "header field", [(("header", i, "id"), f.id) for i, f in enumerate(form.header)])
    return loaded


def load_source(path: Path, display: str | None = None) -> Loaded[runtime.SourceDocument]:
    loaded = load_file(path, source.SourceDocument, display)
    _unique_ids(loaded, "article", [(("articles", i, "id"), a.id) for i, a in enumerate(loaded.model.articles)])
    return loaded


def _unique_ids(loaded: Loaded[Any], what: str, places: list[tuple[tuple[Any, ...], str]]) -> None:
    """Flows refer to items, categories, header fields and articles by id: each must name one thing."""
    seen: set[str] = set()
    problems = []
    for loc, ident in places:
        if ident in seen:
            problems.append(Problem("duplicate-id", f"{what} id '{ident}' is used twice", loaded.file, loaded.doc.line_of(loc), f"{what} '{ident}'"))
        seen.add(ident)
    if problems:
        raise ProblemsError(problems)


def load_crosswalk(path: Path, display: str | None = None) -> Loaded[runtime.Crosswalk]:
    return load_file(path, crosswalk.Crosswalk, display)
