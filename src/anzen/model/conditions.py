"""Branching conditions as data: all / any / not over comparisons with earlier answers.

Nothing here is ever evaluated as code; `anzen.conditions` interprets the parsed tree."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Field, Tag, model_validator

from anzen.model.base import OPERATORS, CompareMethods
from anzen.model.common import Strict

Scalar = Union[str, int, float, bool]


class AnswerRef(Strict):
    """Compare with the answer to another (earlier) question instead of a fixed value."""

    question: str = Field(description="Id of the earlier question whose answer is the operand.")


Operand = Union[AnswerRef, Scalar]


class Compare(Strict, CompareMethods):
    """A comparison of one earlier answer. Exactly one operator key is given."""

    question: str = Field(description="Id of an earlier question (inside a group: a question of the same block, or an earlier question outside).")
    equals: Operand | None = Field(default=None, description="The answer equals this value (choice value, yes/no/unsure, number, date, text).")
    in_: list[Scalar] | None = Field(default=None, alias="in", description="The answer is one of these values.")
    answered: bool | None = Field(default=None, description="true: the question was answered (not skipped); false: it was not.")
    gt: Operand | None = Field(default=None, description="Number or date answer is greater (later) than this.")
    gte: Operand | None = Field(default=None, description="Number or date answer is greater (later) than or equal to this.")
    lt: Operand | None = Field(default=None, description="Number or date answer is less (earlier) than this.")
    lte: Operand | None = Field(default=None, description="Number or date answer is less (earlier) than or equal to this.")
    includes: Scalar | None = Field(default=None, description="A multiple-choice answer includes this value.")

    @model_validator(mode="after")
    def _one_operator(self) -> "Compare":
        given = [name for name in OPERATORS if getattr(self, "in_" if name == "in" else name) is not None]
        if len(given) != 1:
            raise ValueError(
                "a comparison needs exactly one of: " + ", ".join(OPERATORS) + (f" (got {', '.join(given)})" if given else "")
            )
        return self


class AllOf(Strict):
    """True when every condition in the list is true."""

    all: list["Condition"] = Field(min_length=1, description="Conditions that must all hold.")


class AnyOf(Strict):
    """True when at least one condition in the list is true."""

    any: list["Condition"] = Field(min_length=1, description="Conditions of which one must hold.")


class NotOf(Strict):
    """True when the condition is false."""

    not_: "Condition" = Field(alias="not", description="The condition to negate.")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "compare"
    if isinstance(value, Strict):
        return {AllOf: "all", AnyOf: "any", NotOf: "not", Compare: "compare"}.get(type(value))
    return None


Condition = Annotated[
    Union[
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[NotOf, Tag("not")],
        Annotated[Compare, Tag("compare")],
    ],
    Discriminator(_condition_kind, custom_error_type="condition", custom_error_message="a condition is a mapping: all / any / not, or question with one operator"),
]
# The forward references ("Condition") resolve when the models are first used (defer_build):
# rebuilding them here would cost every start ~25 ms.
