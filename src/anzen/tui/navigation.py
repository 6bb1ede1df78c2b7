"""What screens hand back when they close (typed results of Screen.dismiss), and the resume hook.

Records are NamedTuples (immutable, compared by value) and results without fields plain classes:
defining a frozen dataclass costs ~0.8 ms at every start, before the first question."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple, Union

NOTHING: Mapping[str, Any] = MappingProxyType({})  # an empty mapping shared as a default: read-only


class ResumeEntry(NamedTuple):
    """An unfinished interview that the home screen offers to resume (from the session store, later)."""

    id: str
    flow: str
    title: str
    answered: int
    updated: str  # shown as is (e.g. 2026-10-01 14:05)
    answers: Mapping[str, Any] = NOTHING
    mode: str = "self"
    staff: str | None = None
    busy: bool = False  # open in another anzen right now


# The home screen calls this to list what can be resumed; no entries → the resume list is hidden.
ResumeSource = Callable[[], Sequence[ResumeEntry]]


def no_sessions() -> Sequence[ResumeEntry]:
    return ()


class RecentReport(NamedTuple):
    """A JSON report written earlier (in the export folder): opened again to check or correct it."""

    path: str
    flow: str
    title: str
    respondent: str | None
    generated_at: str
    answers: Mapping[str, Any] = NOTHING
    mode: str = "self"
    staff: str | None = None
    notes: Mapping[str, str] = NOTHING


class StartRequest(NamedTuple):
    """Home → app: start (or resume) an interview."""

    flow: str
    mode: str = "self"
    staff: str | None = None
    answers: Mapping[str, Any] | None = None
    session: str | None = None
    notes: Mapping[str, str] | None = None


class EditAnswer(NamedTuple):
    """Review / picker → interview: ask this question again."""

    question: str


class ShowResult:
    """Review → interview: the answers are checked; show the result."""


class KeepAsking:
    """Review → interview: back to the questions."""


ReviewChoice = Union[EditAnswer, ShowResult, KeepAsking]


class BackToReview:
    """Result → interview: look at the answers again."""


class GoHome:
    """Result → interview → app: this interview is over; back to the home screen."""


ResultAction = Union[BackToReview, GoHome]
