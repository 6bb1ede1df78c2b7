"""Home: choose a report (flow) and how the interview is held; resume one when sessions exist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, OptionList, RadioSet, Static
from textual.widgets.option_list import Option

from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import RecentReport, ResumeEntry, StartRequest
from anzen.tui.state import SELF, STAFF
from anzen.tui.widgets.footer import Footer
from anzen.tui.widgets.in_order_input import InOrderInput
from anzen.tui.widgets.lines import indented, option_width
from anzen.tui.widgets.toggles import MarkedRadioButton as RadioButton
from anzen.tui.words import w


INDENT = "  "  # a report's description and facts, under its title


def flow_option(row: dict[str, Any], lang: str, width: int = 0) -> Option:
    """A report in the list: its title, description and facts, laid out for `width` cells (0: left to the
    list) as the interview's text is (anzen.linebreak), the description's lines under one another."""
    if "error" in row:
        lines = [Content.styled(str(row["id"]), "bold"), *indented(Content.styled(w(lang, "home.broken", error=row["error"][lang]), "$text-error"), width, INDENT)]
        return Option(Content("\n").join(lines), id=str(row["id"]), disabled=True)
    title, description = row["title"], row.get("description") or {}
    langs = "日本語" + (" / English" if title.get("en") else "")
    lines = indented(Content.styled(title.get(lang) or title["ja"], "bold"), width)
    if description:
        lines += indented(Content(description.get(lang) or description["ja"]), width, INDENT)
    lines += indented(Content.styled(w(lang, "home.questions", n=row["questions"]) + " · " + w(lang, "home.langs", langs=langs), "$foreground-muted"), width, INDENT)
    return Option(Content("\n").join(lines), id=str(row["id"]))


def listing_order(row: dict[str, Any]) -> tuple[int, str]:
    """Reports that include others (the Wakayama report includes the application, pledge, training report) first."""
    return (-len(row.get("checklists", []) or []), str(row["id"]))


class HomeScreen(Screen[StartRequest]):
    CSS_PATH = "home.tcss"
    BINDINGS = [Binding("enter", "start", "key.start", show=True)]
    lang: reactive[str] = reactive("ja", init=False)

    def __init__(self, flows: list[dict[str, Any]], resumable: Sequence[ResumeEntry], lang: str, *, error: str | None = None,
                 recent: Sequence[RecentReport] = ()) -> None:
        super().__init__()
        self.flows = sorted(flows, key=listing_order)
        self.resumable, self.error, self.recent = list(resumable), error, list(recent)
        self.set_reactive(HomeScreen.lang, lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home"):
            yield Static("", id="title")
            yield Static("", id="intro")
            yield Static("", id="message")  # at the top: a busy session or a broken flow is seen at once
            if self.resumable:  # the session store fills this; without sessions the list stays hidden
                yield Static("", id="resume-label", classes="label")
                yield OptionList(id="resume")
            yield Static("", id="flows-label", classes="label")
            yield OptionList(id="flows")
            with Horizontal(id="mode-row"):
                yield Static("", id="mode-label", classes="label")
                with RadioSet(id="mode"):
                    yield RadioButton("", value=True, id="mode-self")
                    yield RadioButton("", id="mode-staff")
            yield InOrderInput(id="staff", max_length=100)
            if self.recent:
                yield Static("", id="recent-label", classes="label")
                yield OptionList(id="recent")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#staff", Input).display = False
        self.query_one("#message", Static).display = False  # shown when there is something to say
        # a returning user most likely continues where they stopped
        (self.query_one("#resume", OptionList) if self.resumable else self.query_one("#flows", OptionList)).focus()
        if self.error:
            self._message(self.error)

    def watch_lang(self, lang: str) -> None:
        self.show()

    def show(self) -> None:
        lang = self.lang
        localize_bindings(self, lang)
        self.query_one("#title", Static).update(Content.styled(w(lang, "home.title"), "bold"))
        self.query_one("#flows-label", Static).update(w(lang, "home.flows"))
        self.query_one("#mode-label", Static).update(w(lang, "home.mode"))
        self.query_one("#mode-self", RadioButton).label = w(lang, "mode_self")
        self.query_one("#mode-staff", RadioButton).label = w(lang, "mode_staff")
        self.query_one("#staff", Input).placeholder = w(lang, "home.staff")
        self._lay_out()
        if self.resumable:
            self.query_one("#resume-label", Static).update(w(lang, "home.resume"))
            resume = self.query_one("#resume", OptionList)
            resume.clear_options()
            resume.add_options([
                Option(Content(w(lang, "home.resume_row_busy" if e.busy else "home.resume_row", title=e.title, answered=e.answered, when=e.updated)), id=e.id)
                for e in self.resumable
            ])
            resume.highlighted = 0  # Enter resumes the newest at once

        if self.recent:
            self.query_one("#recent-label", Static).update(w(lang, "home.recent"))
            recent = self.query_one("#recent", OptionList)
            recent.clear_options()
            recent.add_options([
                Option(Content.assemble((r.title, "bold"), "  ", r.respondent or "", "  ", (r.generated_at, "$foreground-muted")), id=str(n))
                for n, r in enumerate(self.recent)
            ])
            recent.highlighted = 0  # reached by Tab, Enter opens the newest at once

    def _lay_out(self) -> None:
        """What is laid out for the width (as the interview's text is: anzen.linebreak): the intro, the reports."""
        intro = self.query_one("#intro", Static)
        lines = indented(Content.styled(w(self.lang, "home.intro"), "$foreground-muted"), intro.content_region.width)
        intro.update(Content("\n").join(lines))
        flows = self.query_one("#flows", OptionList)
        width = option_width(flows)
        highlighted, scrolled = flows.highlighted, flows.scroll_y
        flows.clear_options()
        options: list[Option | None] = []
        for row in self.flows:
            option = flow_option(row, self.lang, width)
            options.extend([None, option] if options else [option])
        flows.add_options(options)
        first = next((i for i in range(flows.option_count) if not flows.get_option_at_index(i).disabled), None)
        flows.highlighted = highlighted if highlighted is not None else first
        flows.scroll_to(y=scrolled, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.call_after_refresh(self._lay_out)  # once the intro and the list have their new widths

    @property
    def mode(self) -> str:
        return STAFF if self.query_one("#mode-staff", RadioButton).value else SELF

    @on(RadioSet.Changed)
    def _mode_changed(self) -> None:
        staff = self.query_one("#staff", Input)
        staff.display = self.mode == STAFF
        if staff.display:
            staff.focus()

    def _message(self, text: str) -> None:
        message = self.query_one("#message", Static)
        message.update(Content.styled(text, "bold $text-error"))
        message.display = bool(text)

    def action_start(self, staff_entered: str | None = None) -> None:
        flows = self.query_one("#flows", OptionList)
        if flows.highlighted is None:
            return
        option = flows.get_option_at_index(flows.highlighted)
        if option.disabled or option.id is None:
            return
        staff = (self.query_one("#staff", Input).value if staff_entered is None else staff_entered).strip() or None
        if self.mode == STAFF and not staff:
            self._message(w(self.lang, "home.staff_needed"))
            self.query_one("#staff", Input).focus()
            return
        self.dismiss(StartRequest(option.id, self.mode, staff if self.mode == STAFF else None))

    @on(OptionList.OptionSelected, "#flows")
    def _flow_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    @on(Input.Submitted, "#staff")
    def _staff_entered(self, event: Input.Submitted) -> None:
        self.action_start(event.value)  # the name as it was at Enter

    @on(OptionList.OptionSelected, "#resume")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = next((e for e in self.resumable if e.id == event.option.id), None)
        if entry is not None:
            self.dismiss(StartRequest(entry.flow, entry.mode, entry.staff, entry.answers, entry.id))

    @on(OptionList.OptionSelected, "#recent")
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        report = self.recent[int(event.option.id or 0)]
        self.dismiss(StartRequest(report.flow, report.mode, report.staff, report.answers, notes=report.notes))
