"""Pieces shared by every file kind: bilingual text and article references."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from anzen.model.base import ID_PATTERN, TextMethods

__all__ = ["ID_PATTERN", "ArticleRef", "Strict", "Text"]


class Strict(BaseModel):
    """Base for every file model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict, TextMethods):
    """A text in Japanese (the working language) with its English beside it.

    A plain string is accepted as shorthand for the Japanese text alone."""

    ja: str = Field(min_length=1, description="Japanese text (the authority).")
    en: str | None = Field(default=None, description="English translation.")

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"ja": value}
        return value


class ArticleRef(Strict):
    """A reference to an article of a source document, e.g. Wakayama 特記事項 第7."""

    doc: str = Field(description="Id of a source document in checklists/sources/.")
    article: str = Field(description="Id of the article in that document, as printed (e.g. '第7', '第6条').")
    detail: str | None = Field(
        default=None, description="Paragraph or item within the article, as printed (e.g. '第2項第5号')."
    )
