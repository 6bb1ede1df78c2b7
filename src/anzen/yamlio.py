"""The one place YAML is parsed: safely, with line numbers, and nothing executable.

- libyaml composes the node tree (fast); we build plain Python values from it ourselves, so no
  tag can construct an object, and every value's line is recorded for error messages.
- Anchors/aliases are refused (they are how 'billion laughs' bombs are built, and flows never need them).
- Only the YAML 1.2 core scalars: `yes`/`no`/`on`/`off` stay strings, dates stay strings."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from anzen.collecting import paused_gc
from anzen.errors import Problem, ProblemsError
from anzen.files import read_bytes

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64

try:  # libyaml is in the PyYAML wheels; the pure parser is the fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.composer import Composer as _Composer
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _Parser, _Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _Composer.__init__(self)


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: true/false, null, ints, floats; everything else is a string."""


_CoreResolver.yaml_implicit_resolvers = {}
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = _CoreResolver.yaml_implicit_resolvers["."][0][1]
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_SCALAR = yaml.ScalarNode  # read for every value: a global, not a module attribute


class _FastResolver(_CoreResolver):
    """The same core schema, decided by the first character: resolving is most of a large file's cost."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR
            if value == "":
                return "tag:yaml.org,2002:null"
            first = value[0]
            if first in "tTfF" and _BOOL.match(value):
                return "tag:yaml.org,2002:bool"
            if first in "~nN" and _NULL.match(value):
                return "tag:yaml.org,2002:null"
            if first in "-+0123456789.":
                if _INT.match(value):
                    return "tag:yaml.org,2002:int"
                if _FLOAT.match(value):
                    return "tag:yaml.org,2002:float"
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _Loader(_Parser, _FastResolver):
    # The composer calls these around every node, for path resolvers, which we have none of: do nothing,
    # in C (any two arguments → a bool; no argument → ()), rather than in a Python method that returns at once.
    descend_resolver = staticmethod(operator.is_)
    ascend_resolver = staticmethod(tuple)

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _FastResolver.__init__(self)


Path_ = tuple[Any, ...]


@dataclass
class YamlDoc:
    """Parsed data and the line of every value in it."""

    data: Any
    file: str
    root_line: int | None = None
    # the line of each key of a mapping (its value's line) and of each item of a sequence, by the id() of the
    # mapping or list in `data`: small tables of plain values, which the garbage collector never visits
    # (a table by path held a tuple per value, 10⁵ of them in a large flow, each made, hashed and visited)
    tables: dict[int, dict[Any, int]] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest part of `loc` that exists (keys not in the data are skipped)."""
        best = self.root_line
        node = self.data
        for part in loc:
            if not (isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
                continue  # a pydantic tag or alias that is not in the file
            best = self.tables[id(node)].get(part, best)
            node = node[part]
        return best

    def lines_within(self, loc: Path_) -> dict[Any, int]:
        """The line of each key or item of the mapping or list at `loc` (empty when there is none): for a
        caller that asks for every item's line, one walk instead of one per item."""
        node = self.data
        for part in loc:
            if not (isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
                return {}
            node = node[part]
        return self.tables.get(id(node), {})

    def line_at(self, loc: Path_) -> int | None:
        """Line of `loc` itself; None when the data has no such place."""
        line, node = self.root_line, self.data
        for part in loc:
            if not (isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
                return None
            line = self.tables[id(node)].get(part)
            node = node[part]
        return line


_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda v: int(v.replace("_", "")),
    "tag:yaml.org,2002:float": lambda v: float(v.replace("_", "").replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan")),
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}


class _Builder:
    def __init__(self, file: str, aliases: bool = True) -> None:
        self.file = file
        self.tables: dict[int, dict[Any, int]] = {}
        # an alias is a node met twice; a text without '*' has none, and then no node is remembered
        self.seen: set[int] | None = set() if aliases else None
        self.problems: list[Problem] = []

    def fail(self, code: str, message: str, node: yaml.Node, line: int | None = None) -> None:
        self.problems.append(Problem(code, message, self.file, line or node.start_mark.line + 1))

    def build(self, node: yaml.Node, line: int | None, depth: int = 0) -> Any:
        """The value of `node`. `line`: the one recorded for it (a mapping's value: its key's), else its parent's."""
        seen = self.seen
        if seen is not None:
            if id(node) in seen:  # libyaml shares the node of an alias: refuse before any expansion
                self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", node, line)
                return None
            seen.add(id(node))
        if depth > MAX_DEPTH:
            self.fail("schema", f"nesting deeper than {MAX_DEPTH} levels", node)
            return None
        kind = type(node)
        if kind is _SCALAR:
            if node.tag == _STR:  # most values: no conversion
                return node.value
            convert = _SCALARS.get(node.tag)
            if convert is None:
                self.fail("yaml-tag", f"the tag {node.tag!r} is not allowed", node)
                return None
            return convert(node.value)
        lines: dict[Any, int] = {}
        if kind is yaml.SequenceNode:
            if node.tag != _SEQ:
                self.fail("yaml-tag", f"the tag {node.tag!r} is not allowed", node)
            items: list[Any] = []
            self.tables[id(items)] = lines
            for i, child in enumerate(node.value):
                if seen is not None and id(child) in seen:  # an alias is reported on the line of its sequence
                    items.append(self.build(child, line, depth + 1))
                    continue
                lines[i] = child_line = child.start_mark.line + 1
                items.append(self.build(child, child_line, depth + 1))
            return items
        if node.tag != _MAP:
            self.fail("yaml-tag", f"the tag {node.tag!r} is not allowed", node)
        result: dict[Any, Any] = {}
        self.tables[id(result)] = lines
        for key_node, value_node in node.value:
            if key_node.tag == _STR and type(key_node) is _SCALAR:
                key = key_node.value
            elif key_node.tag == "tag:yaml.org,2002:merge":
                self.fail("yaml-alias", "merge keys (<<) are not allowed in anzen files", key_node)
                continue
            else:
                convert = _SCALARS.get(key_node.tag) if type(key_node) is yaml.ScalarNode else None
                if convert is None:
                    self.fail("schema", "a mapping key must be a plain value", key_node)
                    continue
                key = convert(key_node.value)
            if key in result:
                self.fail("yaml-duplicate-key", f"key {key!r} appears twice in this mapping", key_node)
                continue
            lines[key] = key_line = key_node.start_mark.line + 1
            if value_node.tag == _STR and type(value_node) is _SCALAR and seen is None and depth < MAX_DEPTH:
                result[key] = value_node.value  # most values: what build() would return, without the call
            else:
                result[key] = self.build(value_node, key_line, depth + 1)
        return result


def parse_yaml(raw: bytes, file: str) -> YamlDoc:
    """Parse YAML bytes; raise ProblemsError naming the file and line on anything wrong."""
    if len(raw) > MAX_BYTES:
        raise ProblemsError([Problem("file-too-large", f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", file)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemsError([Problem("yaml-encoding", f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", file, line)]) from None
    if not text.strip():
        raise ProblemsError([Problem("file-empty", "the file is empty", file)])
    loader = _Loader(text)
    with paused_gc():
        return _parse(loader, file, text)


def _parse(loader: _Loader, file: str, loader_text: str) -> YamlDoc:
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = f"YAML syntax: {exc.problem or exc.context}"
        hint = None
        lines = loader_text.splitlines() if mark else []
        at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
        if at == "\t":
            hint = "YAML is indented with spaces; this line has a tab."
        elif "expected ',' or" in str(exc.problem):  # a common trap inside {…} and […]
            hint = "Inside { } or [ ], put text that contains a comma, a colon or brackets in quotes (prompt: \"Yes, it is\")."
        raise ProblemsError([Problem("yaml-syntax", message, file, line, hint=hint)]) from None
    except yaml.YAMLError as exc:
        raise ProblemsError([Problem("yaml-syntax", f"YAML syntax: {exc}", file)]) from None
    finally:
        loader.dispose()
    if node is None:
        raise ProblemsError([Problem("file-empty", "the file has no content", file)])
    builder = _Builder(file, aliases="*" in loader_text)
    root_line = node.start_mark.line + 1
    data = builder.build(node, root_line)
    if builder.problems:
        raise ProblemsError(builder.problems)
    return YamlDoc(data, file, root_line, builder.tables)


def load_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Read and parse a YAML file."""
    name = display or str(path)
    return parse_yaml(read_bytes(path, name), name)
