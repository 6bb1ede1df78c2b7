"""What a flow file (flows/*.yaml) may say: sections of questions, outcomes, header fills."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field, model_validator

from anzen.model.common import ID_PATTERN, ArticleRef, Strict, Text
from anzen.model.conditions import Condition

YES, NO, UNSURE = "yes", "no", "unsure"
Status = Literal["confirmed", "follow_up", "not_applicable"]


class Choice(Strict):
    """One option of a choice question."""

    value: str = Field(pattern=ID_PATTERN, description="Stable value stored in the answers (never shown).")
    label: Text = Field(description="What the respondent sees.")


class QuestionBase(Strict):
    """Fields every asked question has."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id: the key in answers files and reports. Never reuse it for another meaning.")
    prompt: Text = Field(description="The question as asked. `{question_id}` inserts an earlier answer.")
    help: Text | None = Field(default=None, description="Why we ask: shown under the question; cite the article.")
    refs: list[ArticleRef] = Field(default_factory=list, description="Articles the question rests on (opened with ? / F1).")
    when: Condition | None = Field(default=None, description="Ask only when this holds; otherwise the question is not on the path.")
    required: bool = Field(default=True, description="false: the respondent may skip it.")


class YesNoQuestion(QuestionBase):
    """はい / いいえ / わからない. わからない is always offered and always leads to follow-up."""

    kind: Literal["yes_no"] = Field(description="Yes / no / unsure.")
    default: Literal["yes", "no", "unsure"] | None = Field(default=None, description="Preselected answer in the interview.")


class ChoiceQuestion(QuestionBase):
    """Pick exactly one of the choices."""

    kind: Literal["choice"] = Field(description="Single choice.")
    choices: list[Choice] = Field(min_length=2, description="The options, in the order shown.")
    allow_unsure: bool = Field(default=True, description="Also offer わからない (value 'unsure').")
    default: str | None = Field(default=None, description="Preselected choice value.")


class MultiChoiceQuestion(QuestionBase):
    """Pick any number of the choices."""

    kind: Literal["multi_choice"] = Field(description="Multiple choice.")
    choices: list[Choice] = Field(min_length=1, description="The options, in the order shown.")
    allow_unsure: bool = Field(default=True, description="Also offer わからない (value 'unsure'), exclusive of the others.")
    min_selected: int | None = Field(default=None, ge=0, description="Fewest options to pick.")
    max_selected: int | None = Field(default=None, ge=1, description="Most options to pick.")


class TextValidation(Strict):
    """Checks on a text answer."""

    pattern: str | None = Field(default=None, description="Regular expression the whole answer must match.")
    min_length: int | None = Field(default=None, ge=0, description="Fewest characters.")
    max_length: int | None = Field(default=None, ge=1, description="Most characters.")
    message: Text | None = Field(default=None, description="Shown when the answer fails a check.")


class TextQuestion(QuestionBase):
    """Free text."""

    kind: Literal["text"] = Field(description="Free text.")
    multiline: bool = Field(default=False, description="Longer text, several lines.")
    default: str | None = Field(default=None, description="Prefilled text.")
    validation: TextValidation | None = Field(default=None, description="Checks on the answer.")


DateBound = Annotated[str, Field(pattern=r"^(today|\d{4}-\d{2}-\d{2})$")]


class DateValidation(Strict):
    """Allowed dates (ISO YYYY-MM-DD, or 'today')."""

    min: DateBound | None = Field(default=None, description="Earliest allowed date.")
    max: DateBound | None = Field(default=None, description="Latest allowed date.")
    message: Text | None = Field(default=None, description="Shown when the date is outside the range.")


class DateQuestion(QuestionBase):
    """A calendar date, stored as YYYY-MM-DD; shown in the Japanese era in reports."""

    kind: Literal["date"] = Field(description="Date.")
    default: DateBound | None = Field(default=None, description="Prefilled date (YYYY-MM-DD or 'today').")
    validation: DateValidation | None = Field(default=None, description="Allowed dates.")


class NumberValidation(Strict):
    """Allowed numbers."""

    min: float | None = Field(default=None, description="Smallest allowed number.")
    max: float | None = Field(default=None, description="Largest allowed number.")
    integer: bool = Field(default=False, description="Whole numbers only.")
    message: Text | None = Field(default=None, description="Shown when the number is not allowed.")


class NumberQuestion(QuestionBase):
    """A number."""

    kind: Literal["number"] = Field(description="Number.")
    unit: Text | None = Field(default=None, description="Unit shown after the input (人, 件 …).")
    default: float | None = Field(default=None, description="Prefilled number.")
    validation: NumberValidation | None = Field(default=None, description="Allowed numbers.")


BlockQuestion = Annotated[
    Union[YesNoQuestion, ChoiceQuestion, MultiChoiceQuestion, TextQuestion, DateQuestion, NumberQuestion],
    Field(discriminator="kind"),
]


class GroupQuestion(QuestionBase):
    """A repeatable block of questions, e.g. one block per subcontractor."""

    kind: Literal["group"] = Field(description="Repeatable group.")
    item_label: Text = Field(description="What one block is called (再委託先 …).")
    label_from: str | None = Field(default=None, description="Id of the block question whose answer names the block.")
    min_items: int = Field(default=1, ge=0, description="Fewest blocks.")
    max_items: int | None = Field(default=None, ge=1, description="Most blocks.")
    questions: list[BlockQuestion] = Field(min_length=1, description="The questions asked for each block.")


class InfoMessage(Strict):
    """A message shown in the conversation; nothing is answered."""

    kind: Literal["info"] = Field(description="Message only.")
    id: str = Field(pattern=ID_PATTERN, description="Stable id.")
    text: Text = Field(description="The message.")
    refs: list[ArticleRef] = Field(default_factory=list, description="Articles the message cites.")
    when: Condition | None = Field(default=None, description="Show only when this holds.")


class Include(Strict):
    """Insert another flow here (a sub-flow) under a condition. Its answers are stored as `<id>.<question>`."""

    kind: Literal["include"] = Field(description="Sub-flow.")
    id: str = Field(pattern=ID_PATTERN, description="Prefix of the sub-flow's answer ids.")
    flow: str = Field(description="Id of an installed flow, or a path relative to this file.")
    when: Condition | None = Field(default=None, description="Include only when this holds.")
    share: dict[str, str] = Field(
        default_factory=dict,
        description="Sub-flow question id → id of an earlier question here whose answer it takes (not asked again).",
    )


Question = Annotated[
    Union[
        YesNoQuestion, ChoiceQuestion, MultiChoiceQuestion, TextQuestion, DateQuestion, NumberQuestion,
        GroupQuestion, InfoMessage, Include,
    ],
    Field(discriminator="kind"),
]


class Section(Strict):
    """A part of the conversation, usually one category of the checklist."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id.")
    title: Text = Field(description="Shown as a heading and in the side panel.")
    category: str | None = Field(default=None, description="Id of the checklist category this section fills.")
    questions: list[Question] = Field(min_length=1, description="Questions in the order asked.")


class Rule(Strict):
    """One rule of an outcome: when it holds (first match wins), the item gets this status."""

    when: Condition | None = Field(default=None, description="Omit for 'otherwise'.")
    status: Status = Field(description="confirmed (☑), follow_up (要対応) or not_applicable.")
    reason: Text | None = Field(default=None, description="Why follow-up: what was answered. Required for follow_up.")
    action: Text | None = Field(default=None, description="Suggested action. Required for follow_up.")
    refs: list[ArticleRef] = Field(default_factory=list, description="Articles the follow-up rests on (default: the item's).")

    @model_validator(mode="after")
    def _follow_up_explained(self) -> "Rule":
        if self.status == "follow_up" and (self.reason is None or self.action is None):
            raise ValueError("a follow_up rule needs a reason and an action")
        return self


class Outcome(Strict):
    """How one checklist item gets its status from the answers."""

    for_each: str | None = Field(default=None, description="Id of a group: the item is given once per block.")
    rules: list[Rule] = Field(min_length=1, description="Tried in order; the first that holds decides.")
    unsure_action: Text | None = Field(default=None, description="Action suggested when a deciding answer is わからない.")


class QuestionSource(Strict):
    """The answer to a question."""

    question: str = Field(description="Id of the question.")


class Concat(Strict):
    """Texts and answers joined, e.g. [{question: municipality}, 長]."""

    concat: list[Union[QuestionSource, str]] = Field(min_length=1, description="Parts joined in order.")


HeaderValue = Union[QuestionSource, Concat, str]


class Flow(Strict):
    """An interview: the questions, their branches, and how the answers fill a checklist."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used on the command line.")
    version: str = Field(description="Version of this flow; recorded in every report.")
    title: Text = Field(description="Title shown when choosing a flow.")
    description: Text | None = Field(default=None, description="One or two sentences on what it is for.")
    checklist: str | None = Field(default=None, description="Id of the checklist this flow fills.")
    sections: list[Section] = Field(min_length=1, description="The conversation, in order.")
    header: dict[str, HeaderValue] = Field(default_factory=dict, description="Checklist header field id → where its value comes from.")
    outcomes: dict[str, Outcome] = Field(
        default_factory=dict, description="Checklist item id → its rules: a list, or {for_each, rules, unsure_action}."
    )

    @model_validator(mode="before")
    @classmethod
    def _rules_shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("outcomes"), dict):
            data = dict(data)
            data["outcomes"] = {k: {"rules": v} if isinstance(v, list) else v for k, v in data["outcomes"].items()}
        return data

    @model_validator(mode="after")
    def _outcomes_need_checklist(self) -> "Flow":
        if (self.outcomes or self.header) and self.checklist is None:
            raise ValueError("outcomes and header need `checklist:` to name the checklist they fill")
        return self
