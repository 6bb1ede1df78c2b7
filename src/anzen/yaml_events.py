"""How libyaml's events reach the YAML builder (anzen.yamlio): each already in the form the builder needs.

PyYAML's C parser makes each event a Python object with two marks, which a builder then reads back: most of
what parsing cost. It calls the event classes by their names in its module, so while a file is parsed those
names are the constructors made here, which give the builder what it needs at once: a plain or quoted scalar
without tag or anchor (nearly all of them) arrives as (value, line), its value already resolved under the
YAML 1.2 core schema; a collection's start as a Start; any collection's end as END; a tagged or anchored
scalar as a TaggedScalar; an alias or a stream or document boundary as an Other. Parses take turns (the names
are the module's), and PyYAML's classes are put back after each. PyYAML's C loaders (yaml.CSafeLoader) do not
use those names; only yaml.parse() with a C loader does, which anzen never calls. Without libyaml, the pure
parser's events are converted into the same forms."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

try:  # libyaml is in the PyYAML wheels; the pure parser is the fallback.
    import yaml._yaml as _libyaml
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _libyaml = None
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader as _Reader
from yaml.scanner import Scanner as _Scanner


class _PureParser(_Reader, _Scanner, _PyParser):
    def __init__(self, stream: str) -> None:
        _Reader.__init__(self, stream)
        _Scanner.__init__(self)
        _PyParser.__init__(self)


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
MAYBE_NOT_TEXT = frozenset("tTfF~nN-+0123456789.")  # the first characters of the core scalars that are not text
SEQ_TAG, MAP_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
UNTAGGED = (None, "!")  # a node without a tag, or with the non-specific one: resolved by the core schema


def plain(text: str) -> Any:
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


SCALAR_TAGS = {  # the core schema's tags, when written out (`!!str 12`)
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda v: int(v.replace("_", "")),
    "tag:yaml.org,2002:float": lambda v: _float(v.replace("_", "")),
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}


class Start:
    """A mapping's or a sequence's start."""

    __slots__ = ("is_mapping", "anchor", "tag", "line")

    def __init__(self, is_mapping: bool, anchor: str | None, tag: str | None, line: int) -> None:
        self.is_mapping, self.anchor, self.tag, self.line = is_mapping, anchor, tag, line


class TaggedScalar:
    """A scalar with a tag or an anchor: looked at closely (refused, or resolved by its tag)."""

    __slots__ = ("anchor", "tag", "plain", "value", "line")

    def __init__(self, anchor: str | None, tag: str | None, plain: bool, value: str, line: int) -> None:
        self.anchor, self.tag, self.plain, self.value, self.line = anchor, tag, plain, value, line


class Other:
    """An alias, or a stream or document boundary."""

    __slots__ = ("kind", "line")

    def __init__(self, kind: str, line: int) -> None:
        self.kind, self.line = kind, line


END = Other("end", 0)


def line_of(item: Any) -> int:
    """The line of what an event became."""
    return item[1] if type(item) is tuple else item.line


def _constructors() -> dict[str, Any]:
    """What each event becomes, for one file (equal texts of a file are one string: ids, refs and values
    recur, and a kept plan holds ~0.1 MB less)."""
    shared: Any = {}.setdefault

    def scalar(anchor: Any, tag: Any, implicit: Any, value: str, start: Any, end: Any = None, style: Any = None) -> Any:
        if tag is None and anchor is None:
            if implicit[0] and (not value or value[0] in MAYBE_NOT_TEXT):  # written plain: may be other than text
                return plain(value), start.line + 1
            return shared(value, value), start.line + 1
        return TaggedScalar(anchor, tag, implicit[0], value, start.line + 1)

    def mapping_start(anchor: Any, tag: Any, implicit: Any, start: Any, end: Any = None, flow_style: Any = None) -> Start:
        return Start(True, anchor, tag, start.line + 1)

    def sequence_start(anchor: Any, tag: Any, implicit: Any, start: Any, end: Any = None, flow_style: Any = None) -> Start:
        return Start(False, anchor, tag, start.line + 1)

    def end(start: Any = None, end: Any = None) -> Other:
        return END

    def alias(anchor: Any, start: Any, end: Any = None) -> Other:
        return Other("alias", start.line + 1)

    def boundary(kind: str) -> Any:
        return lambda start, *rest: Other(kind, start.line + 1)

    return {"ScalarEvent": scalar, "MappingStartEvent": mapping_start, "SequenceStartEvent": sequence_start,
            "MappingEndEvent": end, "SequenceEndEvent": end, "AliasEvent": alias,
            "StreamStartEvent": boundary("stream-start"), "StreamEndEvent": boundary("stream-end"),
            "DocumentStartEvent": boundary("document-start"), "DocumentEndEvent": boundary("document-end")}


_LOCK = threading.Lock()


@contextmanager
def events(text: str) -> Iterator[Any]:
    """Read the next event (as what it became) with the function this yields."""
    made = _constructors()
    if _libyaml is None:  # PyYAML built without libyaml
        parser = _PureParser(text)
        yield lambda: _converted(made, parser.get_event())
        return
    with _LOCK:
        classes = {name: getattr(_libyaml, name) for name in made}
        for name, constructor in made.items():
            setattr(_libyaml, name, constructor)
        parser = _libyaml.CParser(text)
        try:
            yield parser.get_event
        finally:
            for name, cls in classes.items():
                setattr(_libyaml, name, cls)
            parser.dispose()


def _converted(made: dict[str, Any], event: Any) -> Any:
    """An event of the pure-Python parser as the C parser's would arrive."""
    name = type(event).__name__
    if name == "ScalarEvent":
        return made[name](event.anchor, event.tag, event.implicit, event.value, event.start_mark)
    if name in ("MappingStartEvent", "SequenceStartEvent"):
        return made[name](event.anchor, event.tag, event.implicit, event.start_mark)
    if name == "AliasEvent":
        return made[name](event.anchor, event.start_mark)
    return made[name](event.start_mark)


