"""The one place YAML is parsed: safely, with line numbers, and nothing executable.

- libyaml parses (fast) and we build plain Python values from its events ourselves, one event at a
  time, so no tag can construct an object, every value's line is recorded for error messages, and no
  tree of nodes is made first (for a large file that tree was most of the memory and a third of the time).
- Anchors and aliases are refused where they are written, never expanded (they are how 'billion laughs'
  bombs are built, and flows never need them).
- Only the YAML 1.2 core scalars: `yes`/`no`/`on`/`off` stay strings, dates stay strings."""

from __future__ import annotations

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
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_MAYBE_NOT_TEXT = frozenset("tTfF~nN-+0123456789.")  # the first characters of the core scalars that are not text
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_UNTAGGED = (None, "!")  # a node without a tag, or with the non-specific one: resolved by the core schema
# read for every event: globals, not module attributes
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _MAP_END, _SEQ_START, _SEQ_END = yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent
_STARTS = (_MAP_START, _SEQ_START)


def _plain(text: str) -> Any:
    """A plain (unquoted, untagged) scalar under the YAML 1.2 core schema: true/false, null, ints, floats;
    everything else is text (`yes`, `no`, `on`, dates)."""
    if text == "":
        return None
    first = text[0]  # each kind has its own first characters: at most one or two patterns are tried
    if first in "tTfF":
        return text.lower() == "true" if _BOOL.match(text) else text
    if first in "~nN":
        return None if _NULL.match(text) else text
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return _float(text)
    return text


def _float(text: str) -> float:
    return float(text.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))


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


_SCALARS = {  # the core schema's tags, when written out (`!!str 12`)
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda v: int(v.replace("_", "")),
    "tag:yaml.org,2002:float": lambda v: _float(v.replace("_", "")),
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}


class _Builder:
    """Plain values from the parser's events, each event read once, in order."""

    def __init__(self, parser: Any, file: str) -> None:
        self.next = parser.get_event
        self.file = file
        self.tables: dict[int, dict[Any, int]] = {}
        self.problems: list[Problem] = []
        # equal texts of a file as one string: ids, refs and values recur (a plan keeps ~0.1 MB less)
        self.texts: dict[str, str] = {}

    def fail(self, code: str, message: str, event: Any) -> None:
        self.problems.append(Problem(code, message, self.file, event.start_mark.line + 1))

    def document(self) -> tuple[Any, int] | None:
        """The one document's value and its line; None when the stream has none."""
        self.next()  # stream start
        start = self.next()
        if type(start) is yaml.StreamEndEvent:
            return None
        first = self.next()
        value = self.value(first, 0)
        self.next()  # document end
        after = self.next()
        if type(after) is not yaml.StreamEndEvent:
            self.fail("yaml-syntax", "YAML syntax: expected a single document in the stream, but found another document", after)
        return value, first.start_mark.line + 1

    def value(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is _SCALAR:
            return self.scalar(event)
        if kind is _ALIAS:
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", event)
            return None
        if event.anchor is not None:
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", event)
        if depth >= MAX_DEPTH:
            self.fail("schema", f"nesting deeper than {MAX_DEPTH} levels", event)
            self.skip()
            return None
        if event.tag not in _UNTAGGED and event.tag != (_MAP if kind is _MAP_START else _SEQ):
            self.fail("yaml-tag", f"the tag {event.tag!r} is not allowed", event)
        return self.mapping(depth) if kind is _MAP_START else self.sequence(depth)

    def scalar(self, event: Any) -> Any:
        if event.anchor is not None:
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", event)
        text, tag = event.value, event.tag
        if tag is None or tag == "!":  # implicit[0]: written plain, so it may be other than text
            if event.implicit[0] and (not text or text[0] in _MAYBE_NOT_TEXT):
                return _plain(text)
            return self.texts.setdefault(text, text)
        convert = _SCALARS.get(tag)
        if convert is None:
            self.fail("yaml-tag", f"the tag {tag!r} is not allowed", event)
            return None
        return convert(text)

    def mapping(self, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        self.tables[id(result)] = lines = {}
        read, shared = self.next, self.texts.setdefault
        while True:
            key_event = read()
            kind = type(key_event)
            if kind is _MAP_END:
                return result
            if kind is _SCALAR and key_event.tag is None and key_event.anchor is None:  # most keys: plain text
                key = key_event.value
                if key_event.implicit[0] and (not key or key[0] in _MAYBE_NOT_TEXT):
                    key = _plain(key)
            else:
                key = self.key(key_event, depth)  # (a key that is a mapping or list is read to its end here)
            event = read()
            if key is _NO_KEY:
                self.value(event, depth + 1)  # read, so that what follows is read in its place
                continue
            if key in result:
                self.fail("yaml-duplicate-key", f"key {key!r} appears twice in this mapping", key_event)
                self.value(event, depth + 1)
                continue
            lines[key] = key_event.start_mark.line + 1
            if type(event) is _SCALAR and event.tag is None and event.anchor is None:  # most values: plain or quoted text
                text = event.value
                if event.implicit[0] and (not text or text[0] in _MAYBE_NOT_TEXT):
                    result[key] = _plain(text)
                else:
                    result[key] = shared(text, text)
            else:
                result[key] = self.value(event, depth + 1)

    def key(self, event: Any, depth: int) -> Any:
        """A key that is not plain text: a written tag, an anchor, or no scalar at all (_NO_KEY: refused)."""
        if type(event) is not _SCALAR:
            if type(event) in _STARTS:
                self.fail("schema", "a mapping key must be a plain value", event)
                self.skip()
            else:
                self.value(event, depth + 1)  # an alias: said as such
            return _NO_KEY
        if event.tag == "tag:yaml.org,2002:merge":
            self.fail("yaml-alias", "merge keys (<<) are not allowed in anzen files", event)
            return _NO_KEY
        if event.tag not in _UNTAGGED and event.tag not in _SCALARS:
            self.fail("schema", "a mapping key must be a plain value", event)
            return _NO_KEY
        return self.scalar(event)

    def sequence(self, depth: int) -> list[Any]:
        items: list[Any] = []
        self.tables[id(items)] = lines = {}
        read = self.next
        while True:
            event = read()
            if type(event) is _SEQ_END:
                return items
            lines[len(items)] = event.start_mark.line + 1
            items.append(self.value(event, depth + 1))

    def skip(self) -> None:
        """Read past the rest of a mapping or sequence whose start was just read."""
        open_ = 1
        while open_:
            kind = type(self.next())
            if kind in _STARTS:
                open_ += 1
            elif kind is _MAP_END or kind is _SEQ_END:
                open_ -= 1


_NO_KEY = object()


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
    with paused_gc():
        return _parse(text, file)


def _parse(text: str, file: str) -> YamlDoc:
    parser = _Parser(text)
    builder = _Builder(parser, file)
    try:
        found = builder.document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = f"YAML syntax: {exc.problem or exc.context}"
        hint = None
        lines = text.splitlines() if mark else []
        at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
        if at == "\t":
            hint = "YAML is indented with spaces; this line has a tab."
        elif "expected ',' or" in str(exc.problem):  # a common trap inside {…} and […]
            hint = "Inside { } or [ ], put text that contains a comma, a colon or brackets in quotes (prompt: \"Yes, it is\")."
        raise ProblemsError([*builder.problems, Problem("yaml-syntax", message, file, line, hint=hint)]) from None
    except yaml.YAMLError as exc:
        raise ProblemsError([Problem("yaml-syntax", f"YAML syntax: {exc}", file)]) from None
    finally:
        parser.dispose()
    if found is None:
        raise ProblemsError([Problem("file-empty", "the file has no content", file)])
    if builder.problems:
        raise ProblemsError(builder.problems)
    data, root_line = found
    return YamlDoc(data, file, root_line, builder.tables)


def load_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Read and parse a YAML file."""
    name = display or str(path)
    return parse_yaml(read_bytes(path, name), name)
