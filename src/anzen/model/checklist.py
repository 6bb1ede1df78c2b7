"""What a checklist file (checklists/*.yaml) may say: an official form as the municipality prints it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from anzen.model.common import ID_PATTERN, ArticleRef, Strict, Text


class HeaderField(Strict):
    """A field of the form's header (宛先, 所在地, 事業者名 …)."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, filled by the flow's `header:`.")
    label: Text = Field(description="The label as printed.")
    kind: Literal["text", "date"] = Field(default="text", description="date values are printed in the Japanese era.")
    default: str | None = Field(default=None, description="Value when the flow leaves it empty (e.g. the seed's city).")
    replaces: str | None = Field(
        default=None,
        description="The literal in the printed texts (preamble, items) that stands for this field, replaced by its value.",
    )
    replaces_en: str | None = Field(default=None, description="The same literal in the English texts (e.g. 'Wakayama City').")


class Item(Strict):
    """One 確認事項: a line of the form with a 確認欄."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id by printed position, e.g. '6-2'.")
    text: Text = Field(description="The text as printed (Japanese verbatim) and its translation.")
    refs: list[ArticleRef] = Field(min_length=1, description="Articles the item rests on.")
    verbatim: bool = Field(default=True, description="false for items anzen derives (flags) rather than transcribes.")


class Category(Strict):
    """A 項目 of the form, with its items."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, e.g. '6'.")
    title: Text = Field(description="The 項目 as printed, without its number.")
    items: list[Item] = Field(min_length=1, description="Its 確認事項 in printed order.")


class Checklist(Strict):
    """An official form that flows fill."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id.")
    version: str = Field(description="Version of this transcription.")
    title: Text = Field(description="The form's title as printed.")
    issuer: Text = Field(description="The municipality whose form it is.")
    source: str = Field(description="Seed file it is transcribed from.")
    kind: Literal["checklist", "application", "form"] = Field(
        default="checklist", description="checklist: items with 確認欄; application: required entries; form: a filled-in document."
    )
    preamble: Text | None = Field(default=None, description="The opening paragraph as printed.")
    closing_note: Text | None = Field(default=None, description="The note printed after the table.")
    header: list[HeaderField] = Field(default_factory=list, description="Header fields in printed order.")
    categories: list[Category] = Field(min_length=1, description="項目 in printed order.")
