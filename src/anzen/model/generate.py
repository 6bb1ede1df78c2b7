"""Writes anzen/model/runtime.py: a plain immutable record (anzen.model.base.Record) for every pydantic model, same name, same fields.

pydantic is the one declaration of what a file may say, and it validates every file read. What
the rest of anzen holds (plans, the engine, the app) are these twins: importing and unpickling
them needs no pydantic, which was most of what a start cost beyond Textual (≈110 ms and ~5 MiB).
`python -m anzen.schema` regenerates this module with the JSON Schemas; a test keeps it current."""

from __future__ import annotations

import inspect
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from anzen.model import checklist, common, conditions, crosswalk, flow, source

MODULES = (common, conditions, flow, checklist, source, crosswalk)  # dependency order
TARGET = Path(__file__).with_name("runtime.py")


def models() -> list[type[BaseModel]]:
    """Every model class, bases before the classes built on them."""
    found: list[type[BaseModel]] = []
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__:
                value.model_rebuild()  # resolves the forward references ("Condition") to render them
                if value is not common.Strict:
                    found.append(value)
    names = [m.__name__ for m in found]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        raise SystemExit(f"model names must be unique across anzen.model: {sorted(duplicated)}")
    return found


def aliases() -> dict[str, str]:
    """Named unions (Condition, Question …) by their rendered form, so fields read as they were declared."""
    named: dict[str, str] = {}
    for module in MODULES:
        for name, value in vars(module).items():
            if typing.get_origin(value) in (typing.Annotated, typing.Union, types.UnionType) and not name.startswith("_"):
                rendered = render(value, {})
                if " | " in rendered:  # DateBound (a constrained str) stays plain str
                    named.setdefault(rendered, name)
    return named


def render(annotation: Any, named: dict[str, str]) -> str:
    """A type as source text, without pydantic's constraints."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return render(args[0], named)
    if origin in (typing.Union, types.UnionType):
        members = [render(a, named) for a in args if a is not type(None)]
        whole = " | ".join(members)
        text = named.get(whole, whole)
        return f"{text} | None" if type(None) in args else text
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(a) for a in args)}]"
    if origin in (list, dict, tuple):
        return f"{origin.__name__}[{', '.join(render(a, named) for a in args)}]"
    if isinstance(annotation, typing.ForwardRef):
        return annotation.__forward_arg__
    if annotation is type(None):
        return "None"
    return annotation.__name__


def _class_source(model: type[BaseModel], named: dict[str, str]) -> str:
    bases = [b.__name__ for b in model.__bases__ if b is not common.Strict and issubclass(b, BaseModel)]
    mixins = [b.__name__ for b in model.__bases__ if not issubclass(b, BaseModel)]
    inherited = {n for b in model.__bases__ for n in getattr(b, "model_fields", {})}
    own = [name for name in model.model_fields if name not in inherited]
    defaults = {n: model.model_fields[n].default for n in own if model.model_fields[n].default_factory is None and model.model_fields[n].default is not PydanticUndefined}
    factories = {n: model.model_fields[n].default_factory.__name__ for n in own if model.model_fields[n].default_factory is not None}
    lines = [f"class {model.__name__}({', '.join(bases or ['Record'])}{''.join(', ' + m for m in mixins)}):",
             f'    """{inspect.cleandoc(model.__doc__ or model.__name__).splitlines()[0]}"""', ""]
    if defaults:
        lines.append(f"    _defaults = {defaults!r}")
    if factories:
        lines.append(f"    _factories = {{{', '.join(f'{n!r}: {f}' for n, f in factories.items())}}}")
    lines += [f"    {name}: {render(model.model_fields[name].rebuild_annotation(), named)}" for name in own]
    return "\n".join(lines)


def runtime_source() -> str:
    found = models()
    named = aliases()
    mixins = sorted({b.__name__ for m in found for b in m.__bases__ if not issubclass(b, BaseModel)})
    yaml_names = {name: info.alias for m in found for name, info in m.model_fields.items() if info.alias and info.alias != name}
    union_lines = [f'{alias} = Union[{", ".join(repr(p) if p[0].isupper() and p not in ("None",) else p for p in text.split(" | "))}]'
                   for text, alias in sorted(named.items(), key=lambda kv: kv[1]) if " | " in text]
    head = f'''"""The loaded form of flows, checklists and source documents: plain immutable records.

GENERATED by anzen.model.generate from the pydantic models (python -m anzen.schema): do not edit.
Each class is the twin of the model of the same name, with its fields and defaults (described
there); pydantic's checks ran when the file was read."""

from __future__ import annotations

from typing import Literal, Union

from anzen.model.base import {", ".join(sorted(["Record", *mixins]))}

YAML_NAMES = {yaml_names!r}  # field → its key in the files, where the two differ
'''
    body = "\n\n\n".join(_class_source(m, named) for m in found)
    tail = "\n".join(union_lines)
    return f"{head}\n\n{body}\n\n\n{tail}\n"


def write() -> Path:
    TARGET.write_text(runtime_source(), encoding="utf-8")
    return TARGET
