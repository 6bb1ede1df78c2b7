"""What both forms of the models share, without pydantic: the id pattern and the few methods.

The pydantic models (anzen.model.common, conditions, flow …) validate files; what a loaded file
becomes is their plain twin in anzen.model.runtime, generated from them. Both take their
behaviour from the mixins here, so it is written once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar, overload

R = TypeVar("R", bound="Record")
T = TypeVar("T")
_set = object.__setattr__

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-]*$"
OPERATORS = ("equals", "in", "answered", "gt", "gte", "lt", "lte", "includes")
_OPERATOR_ATTRIBUTES = tuple((name, "in_" if name == "in" else name) for name in OPERATORS)  # `in` is a keyword


class Record:
    """Base of the loaded form (anzen.model.runtime) and of the plan: immutable, built by keyword, compared and
    hashed by its fields. Plain code rather than dataclasses: defining ~40 dataclasses costs every start 15–35 ms (their
    methods are compiled at import); these classes cost next to nothing. The fields live in the instance's
    dict, so that the loader makes a record from a validated model with one dict copy, and pickle restores
    one without calling anything of ours."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # every field, the base class's first
    _names: ClassVar[frozenset[str]] = frozenset()
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Callable[[], Any]]] = {}  # fields whose default is a new list or dict

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A class declares its own fields as annotations; it inherits its base's fields and defaults before them."""
        super().__init_subclass__(**kwargs)
        base = next(b for b in cls.__mro__[1:] if issubclass(b, Record))
        cls._fields = base._fields + tuple(cls.__dict__.get("__annotations__", ()))
        cls._names = frozenset(cls._fields)
        cls._defaults = {**base._defaults, **cls.__dict__.get("_defaults", {})}
        cls._factories = {**base._factories, **cls.__dict__.get("_factories", {})}

    def __init__(self, **values: Any) -> None:
        # every field given, in the fields' order (the usual): the call's own dict becomes the instance's, at a
        # third of the cost of setting the fields one by one (building a large flow's plan makes ~20,000 records)
        if tuple(values) != self._fields:
            values = self._completed(values)
        _set(self, "__dict__", values)

    @classmethod
    def _completed(cls, values: dict[str, Any]) -> dict[str, Any]:
        unknown = [name for name in values if name not in cls._names]
        if unknown:
            raise TypeError(f"{cls.__name__}() has no field {', '.join(unknown)}")
        fields: dict[str, Any] = {}
        for name in cls._fields:
            if name in values:
                fields[name] = values[name]
            elif name in cls._factories:
                fields[name] = cls._factories[name]()
            elif name in cls._defaults:
                fields[name] = cls._defaults[name]
            else:
                raise TypeError(f"{cls.__name__}() needs {name}=")
        return fields

    @classmethod
    def from_fields(cls: type[R], fields: dict[str, Any]) -> R:
        """Made from a complete dict of its fields, taken as it is (the loader's fast way)."""
        record = object.__new__(cls)
        object.__setattr__(record, "__dict__", fields)
        return record

    def values(self) -> tuple[Any, ...]:
        return tuple(map(self.__dict__.__getitem__, self._fields))

    def replace(self: R, **changes: Any) -> R:
        """A copy with some fields changed."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self).from_fields({**self.__dict__, **changes})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in self.__dict__.items() if v != self._defaults.get(n, ...))
        return f"{type(self).__name__}({shown})"


class cached(Generic[T]):
    """functools.cached_property without its lock: Python 3.11's takes a lock at every first read of every
    instance (3.12 dropped it), and a large flow's check reads ~15,000 of them. Kept in the instance's dict,
    which a Record's immutability allows (nothing calls setattr)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func, self.name = func, func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "cached[T]": ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class TextMethods:
    """A text in Japanese with its English beside it."""

    __slots__ = ()
    ja: str
    en: str | None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Japanese."""
        if lang == "en" and self.en:
            return self.en
        return self.ja

    @property
    def untranslated(self) -> bool:
        """No English beside the Japanese (absent or blank)."""
        return not (self.en or "").strip()


class CompareMethods:
    """A comparison with exactly one operator given."""

    __slots__ = ()

    @property
    def operator(self) -> str:
        return self._given()[0]

    @property
    def operand(self) -> Any:
        return self._given()[1]

    def _given(self) -> tuple[str, Any]:
        for name, attribute in _OPERATOR_ATTRIBUTES:
            value = getattr(self, attribute)
            if value is not None:
                return name, value
        raise ValueError("a comparison without an operator")  # the model admits none


class Words(Record, TextMethods):
    """Bilingual text made at run time (reasons, labels): like a loaded Text."""

    ja: str
    en: str | None
    _defaults = {"en": None}
