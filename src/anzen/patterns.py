"""Validation patterns from flows: checked when a flow is built, so that no answer can make one run for minutes.

A flow is data written by someone other than the person answering, and Python's `re` backtracks: a
pattern such as `(\\w+\\s?)*$` takes time exponential in the length of an answer that nearly fits. The
classic forms are a repetition whose body can be split between its own repeated parts in more than
one way (`(a+)+`, `(\\d+-?)+`, `(\\w*)*`, `(.+.)+`). A body with a mandatory part that none of its
repeated parts can match (`(-[0-9]+)*`, the usual phone-number shape) is not reported. Possessive
repetitions and atomic groups (`(?:\\d+-?)++`, `(?>…)`) never backtrack into themselves and are
allowed: they are how such a pattern is written safely.

Answers checked against a pattern are also kept short (anzen.answers.PATTERN_MAX_TEXT), so that even
a pattern that is merely polynomial stays fast."""

from __future__ import annotations

import re
from typing import Any

# the parser behind re.compile (Python 3.11+): its tree is the only way to see a pattern's structure
from re import _constants as _c, _parser as _sre


def backtracks(pattern: str) -> bool:
    """Whether `pattern` has a repetition that can backtrack exponentially. It must compile (re.error otherwise)."""
    return _slow(_sre.parse(pattern))


def _slow(items: Any) -> bool:
    for op, arg in items:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _, high, body = arg
            if high > 1 and _splittable(body) or _slow(body):
                return True
        elif op is _c.SUBPATTERN and _slow(arg[3]):
            return True
        elif op is _c.BRANCH and any(_slow(branch) for branch in arg[1]):
            return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and _slow(arg[1]):
            return True
        # ATOMIC_GROUP and POSSESSIVE_REPEAT: no backtracking into them, whatever they hold
    return False


def _splittable(body: Any) -> bool:
    """A repeated body that can be split between its repetitions in more than one way: one of its
    elements is repeated more than once, and no mandatory element separates the repetitions (one is a
    fixed character, or a small set of them, that none of the repeated elements can match)."""
    repeated: list[tuple[Any, Any]] = []  # repeated or optional: can match where a repetition could
    mandatory: list[tuple[Any, Any]] = []
    splits = False  # one element repeated more than once
    for op, arg in _flatten(body):
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and (arg[1] > 1 or arg[0] == 0):
            repeated.append((op, arg))
            splits = splits or arg[1] > 1
        elif op is _c.BRANCH and any(_splittable(b) for b in arg[1]):
            repeated.append((op, arg))
            splits = True
        else:
            mandatory.append((op, arg))
    return splits and not any(_separates(item, repeated) for item in mandatory)


def _separates(item: tuple[Any, Any], repeated: list[tuple[Any, Any]]) -> bool:
    chars = _chars(item)
    return chars is not None and not any(_can_match(r, ch) for r in repeated for ch in chars)


def _chars(item: tuple[Any, Any]) -> set[str] | None:
    """The characters a single-character element matches, when they are few and known; else None."""
    op, arg = item
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN and all(o in (_c.LITERAL, _c.RANGE) for o, _ in arg):
        chars: set[str] = set()
        for o, a in arg:
            lo, hi = (a, a) if o is _c.LITERAL else a
            if hi - lo > 256:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        return chars
    if op is _c.IN or op is _c.NOT_LITERAL:  # a class like \\s or [^,]: the characters of a sample it matches
        return {ch for ch in _SAMPLE if _can_match(item, ch)}
    return None


# ASCII and Latin-1, Japanese punctuation, kana and full-width forms, the first kanji: what answers are made of
_SAMPLE = "".join(map(chr, [*range(0x100), *range(0x3000, 0x3100), *range(0xFF00, 0xFFF0), *range(0x4E00, 0x4F00)]))


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
               "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S"}


def _can_match(item: tuple[Any, Any], ch: str) -> bool:
    """Whether an element can match the character `ch` somewhere (unknown: yes)."""
    op, arg = item
    if op is _c.LITERAL:
        return arg == ord(ch)
    if op is _c.NOT_LITERAL:
        return arg != ord(ch)
    if op is _c.IN:
        negate = bool(arg) and arg[0][0] is _c.NEGATE
        hit = any(_in_set(o, a, ch) for o, a in (arg[1:] if negate else arg))
        return hit != negate
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return any(_can_match(i, ch) for i in _flatten(arg[2]))
    if op is _c.BRANCH:
        return any(_can_match(i, ch) for b in arg[1] for i in _flatten(b))
    return True  # ., back references, anything else


def _in_set(op: Any, arg: Any, ch: str) -> bool:
    if op is _c.LITERAL:
        return arg == ord(ch)
    if op is _c.RANGE:
        return arg[0] <= ord(ch) <= arg[1]
    if op is _c.CATEGORY and str(arg) in _CATEGORIES:
        return re.match(_CATEGORIES[str(arg)], ch) is not None
    return True


def _flatten(items: Any) -> list[tuple[Any, Any]]:
    """The elements of a sequence, with plain groups opened up: `(a+)` is `a+`."""
    out: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is _c.SUBPATTERN:
            out.extend(_flatten(arg[3]))
        elif op is _c.AT:
            continue  # ^ $ \b match no characters
        else:
            out.append((op, arg))
    return out
