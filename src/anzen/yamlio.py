"""The one place YAML is parsed: safely, with line numbers, and nothing executable.

- libyaml parses (fast) and we build plain Python values from its events ourselves, one event at a
  time (anzen.yaml_events: each arrives in the form the builder needs), so no tag can construct an
  object, every value's line is recorded for error messages, and no tree of nodes is made first (for a
  large file that tree was most of the memory and a third of the time).
- Anchors and aliases are refused where they are written, never expanded (they are how 'billion laughs'
  bombs are built, and flows never need them).
- Only the YAML 1.2 core scalars: `yes`/`no`/`on`/`off` stay strings, dates stay strings."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from anzen.collecting import paused_gc
from anzen.errors import Problem, ProblemsError
from anzen.files import read_bytes
from anzen.yaml_events import END, MAP_TAG, MAYBE_NOT_TEXT, SCALAR_TAGS, SEQ_TAG, UNTAGGED, Other, Start, TaggedScalar, events, line_of, plain

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
Path_ = tuple[Any, ...]


@dataclass
class YamlDoc:
    """Parsed data and the line of every value in it."""

    data: Any
    file: str
    root_line: int | None = None
    # the line of each key of a mapping (its value's line) and of each item of a list, as plain integers in
    # one array: each mapping's and list's side by side, from where `starts` says (by the id() of the mapping or
    # list in `data`). A small table per mapping held a dict and an int object per line: for a flow of 10,000
    # questions ~10 MB more to fault in, walk and free, a seventh of what checking it keeps at its peak.
    lines: array[int] = field(default_factory=lambda: array("i"))
    starts: dict[int, int] = field(default_factory=dict)
    _positions: dict[int, dict[Any, int]] = field(default_factory=dict, repr=False, compare=False)  # long mappings' keys

    def _entry(self, node: Any, part: Any) -> int | None:
        """The line of key or item `part` of `node`, a mapping or list in `data` that holds it."""
        start = self.starts.get(id(node))
        if start is None:
            return None
        if type(node) is list:
            return self.lines[start + part]
        if len(node) <= 8:  # found as the mapping finds it: the same key, or an equal one
            index = next((i for i, key in enumerate(node) if key is part or key == part), None)
        else:  # a long mapping (a flow's outcomes): its keys' positions worked out once
            positions = self._positions.get(id(node))
            if positions is None:
                positions = self._positions[id(node)] = {key: i for i, key in enumerate(node)}
            index = positions.get(part)
        return None if index is None else self.lines[start + index]

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest part of `loc` that exists (keys not in the data are skipped)."""
        best = self.root_line
        node = self.data
        for part in loc:
            if not _holds(node, part):
                continue  # a pydantic tag or alias that is not in the file
            line = self._entry(node, part)
            best = best if line is None else line
            node = node[part]
        return best

    def lines_within(self, loc: Path_) -> dict[Any, int]:
        """The line of each key or item of the mapping or list at `loc` (empty when there is none): for a
        caller that asks for every item's line, one walk instead of one per item."""
        node = self.data
        for part in loc:
            if not _holds(node, part):
                return {}
            node = node[part]
        start = self.starts.get(id(node)) if isinstance(node, (dict, list)) else None
        if start is None:
            return {}
        return dict(zip(node if isinstance(node, dict) else range(len(node)), self.lines[start : start + len(node)]))

    def line_at(self, loc: Path_) -> int | None:
        """Line of `loc` itself; None when the data has no such place."""
        line, node = self.root_line, self.data
        for part in loc:
            if not _holds(node, part):
                return None
            line = self._entry(node, part)
            node = node[part]
        return line


def _holds(node: Any, part: Any) -> bool:
    """Whether `node` of the data has key or item `part`."""
    return isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


class _Builder:
    """Plain values from the parser's events, each event read once, in order."""

    def __init__(self, read: Any, file: str) -> None:
        self.next = read
        self.file = file
        self.lines: array[int] = array("i")  # every mapping's and list's lines, each one's side by side
        self.starts: dict[int, int] = {}  # id() of a mapping or list → where its lines start
        self.problems: list[Problem] = []

    def fail(self, code: str, message: str, item: Any) -> None:
        self.problems.append(Problem(code, message, self.file, line_of(item)))

    def document(self) -> tuple[Any, int] | None:
        """The one document's value and its line; None when the stream has none."""
        self.next()  # stream start
        start = self.next()
        if start.kind == "stream-end":
            return None
        first = self.next()
        value = self.value(first, 0)
        self.next()  # document end
        after = self.next()
        if type(after) is not Other or after.kind != "stream-end":
            self.fail("yaml-syntax", "YAML syntax: expected a single document in the stream, but found another document", after)
        return value, line_of(first)

    def value(self, item: Any, depth: int) -> Any:
        kind = type(item)
        if kind is tuple:
            return item[0]
        if kind is TaggedScalar:
            return self.scalar(item)
        if kind is Other:  # an alias (nothing else comes where a value does)
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", item)
            return None
        if item.anchor is not None:
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", item)
        if depth >= MAX_DEPTH:
            self.fail("schema", f"nesting deeper than {MAX_DEPTH} levels", item)
            self.skip()
            return None
        if item.tag not in UNTAGGED and item.tag != (MAP_TAG if item.is_mapping else SEQ_TAG):
            self.fail("yaml-tag", f"the tag {item.tag!r} is not allowed", item)
        return self.mapping(depth) if item.is_mapping else self.sequence(depth)

    def scalar(self, item: TaggedScalar) -> Any:
        if item.anchor is not None:
            self.fail("yaml-alias", "anchors and aliases (& and *) are not allowed in anzen files", item)
        text, tag = item.value, item.tag
        if tag is None or tag == "!":  # the non-specific tag: resolved as if untagged
            return plain(text) if item.plain and (not text or text[0] in MAYBE_NOT_TEXT) else text
        convert = SCALAR_TAGS.get(tag)
        if convert is None:
            self.fail("yaml-tag", f"the tag {tag!r} is not allowed", item)
            return None
        return convert(text)

    def mapping(self, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        lines: list[int] = []  # its keys' lines, in their order: added to the file's after its values (which add theirs)
        read = self.next
        while True:
            key_item = read()
            if type(key_item) is tuple:  # most keys: plain text
                key, line = key_item
            elif key_item is END:
                self.starts[id(result)] = len(self.lines)
                self.lines.extend(lines)
                return result
            else:
                key = self.key(key_item, depth)  # (a key that is a mapping or list is read to its end here)
                line = line_of(key_item)
            item = read()
            if key is _NO_KEY:
                self.value(item, depth + 1)  # read, so that what follows is read in its place
                continue
            if key in result:
                self.fail("yaml-duplicate-key", f"key {key!r} appears twice in this mapping", key_item)
                self.value(item, depth + 1)
                continue
            lines.append(line)
            result[key] = item[0] if type(item) is tuple else self.value(item, depth + 1)

    def key(self, item: Any, depth: int) -> Any:
        """A key that is not plain text: a written tag, an anchor, or no scalar at all (_NO_KEY: refused)."""
        if type(item) is Start:
            self.fail("schema", "a mapping key must be a plain value", item)
            self.skip()
            return _NO_KEY
        if type(item) is not TaggedScalar:
            self.value(item, depth + 1)  # an alias: said as such
            return _NO_KEY
        if item.tag == "tag:yaml.org,2002:merge":
            self.fail("yaml-alias", "merge keys (<<) are not allowed in anzen files", item)
            return _NO_KEY
        if item.tag not in UNTAGGED and item.tag not in SCALAR_TAGS:
            self.fail("schema", "a mapping key must be a plain value", item)
            return _NO_KEY
        return self.scalar(item)

    def sequence(self, depth: int) -> list[Any]:
        items: list[Any] = []
        lines: list[int] = []
        read = self.next
        while True:
            item = read()
            if type(item) is tuple:
                lines.append(item[1])
                items.append(item[0])
            elif item is END:
                self.starts[id(items)] = len(self.lines)
                self.lines.extend(lines)
                return items
            else:
                lines.append(line_of(item))
                items.append(self.value(item, depth + 1))

    def skip(self) -> None:
        """Read past the rest of a mapping or sequence whose start was just read."""
        open_ = 1
        while open_:
            item = self.next()
            if type(item) is Start:
                open_ += 1
            elif item is END:
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
    builder: _Builder | None = None
    try:
        with events(text) as read:
            builder = _Builder(read, file)
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
        earlier = builder.problems if builder is not None else []
        raise ProblemsError([*earlier, Problem("yaml-syntax", message, file, line, hint=hint)]) from None
    except yaml.YAMLError as exc:
        raise ProblemsError([Problem("yaml-syntax", f"YAML syntax: {exc}", file)]) from None
    if found is None:
        raise ProblemsError([Problem("file-empty", "the file has no content", file)])
    if builder.problems:
        raise ProblemsError(builder.problems)
    data, root_line = found
    return YamlDoc(data, file, root_line, builder.lines, builder.starts)


def load_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Read and parse a YAML file."""
    name = display or str(path)
    return parse_yaml(read_bytes(path, name), name)
