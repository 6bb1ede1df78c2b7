"""The interview's answers to a group question (subcontractors and the like): its blocks asked question by
question, and what the group panel posts (add, edit, remove a block; done)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widget import Widget

from anzen.tui.words import w

if TYPE_CHECKING:
    from anzen.tui.widgets.group_panel import GroupPanel


class GroupSteps:
    """Part of InterviewScreen (its draft of the group, the block question asked, and how it asks and shows)."""

    draft: Any
    child: Any
    node: Any
    lang: str
    group_error: str | None
    say: Callable[..., None]
    ask_bubble: Callable[..., None]
    input_for: Callable[..., Widget]
    _show_area: Callable[..., Any]
    give: Callable[..., Any]

    async def ask_child(self) -> None:
        draft = self.draft
        assert draft is not None
        child = draft.next_child()
        if child is None:
            number = draft.finish_block()
            block = draft.blocks[number - 1]
            self.say("notice", lambda lang: Content(w(lang, "block_done", name=draft.block_name(block, number, lang))))
            self.child = None
            await self.show_group()
            return
        self.child = child
        block = dict(draft.block or {})
        number = draft.number()
        prefix = lambda lang: f"【{w(lang, 'block', label=draft.label.get(lang), n=number)}】\n"  # noqa: E731
        self.ask_bubble(child, block, prefix, None)
        current = draft.default_for(child)
        await self._show_area(lambda: self.input_for(child.question, current))

    async def show_group(self) -> None:
        from anzen.tui.widgets.group_panel import GroupPanel

        draft = self.draft
        assert draft is not None
        self.child = None

        def make() -> GroupPanel:
            names = [draft.block_name(b, n, self.lang) for n, b in enumerate(draft.blocks, start=1)]
            return GroupPanel(draft.label.get(self.lang), names, self.lang, can_add=draft.can_add(), error=self.group_error)

        await self._show_area(make)

    # -- what the group panel posts (by name, not @on: its module is imported when a group is first asked)
    async def on_group_panel_add(self, event: GroupPanel.Add) -> None:
        if self.draft is not None:
            self.group_error = None
            self.draft.start_block()
            await self.ask_child()

    async def on_group_panel_edit(self, event: GroupPanel.Edit) -> None:
        if self.draft is not None:
            self.group_error = None
            self.draft.start_block(event.index)
            await self.ask_child()

    async def on_group_panel_remove(self, event: GroupPanel.Remove) -> None:
        if self.draft is not None:
            self.draft.remove(event.index)
            await self.show_group()

    async def on_group_panel_done(self, event: GroupPanel.Done) -> None:
        if self.draft is not None and self.node is not None:
            await self.give(self.node, list(self.draft.blocks))
