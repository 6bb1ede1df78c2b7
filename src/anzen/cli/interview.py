"""Line mode: the interview question by question with questionary (the same engine as the app).

Ctrl-B goes back to the previous question; Ctrl-C and the end of input stop with a message."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from anzen.cli.common import EXIT_OK, CommandError, load_plan_or_fail, select
from anzen.cli.terminal import broken, width_of
from anzen.engine import Interview
from anzen.errors import AnswerError, Failure
from anzen.i18n import store_refused, ui
from anzen.plan import Node

BACK = object()


class LineInterview:
    """Asks the engine's questions with questionary prompts; holds no questionnaire rule itself."""

    def __init__(self, interview: Interview, lang: str, output: Any = None, answerer: Any = None) -> None:
        self.interview = interview
        self.lang = lang
        self.output = output  # prompt_toolkit output (tests pass a dummy)
        self.answerer = answerer or interview  # a store session: the same answer(), committed at once
        self.when_shown: Callable[[], object] | None = None  # done once the first prompt is on the screen (_ask)

    # -- output --------------------------------------------------------------
    def say(self, text: str = "") -> None:
        if self.output is None:  # plain text to the terminal (prompt_toolkit would build its styles first: ~2 ms)
            text = text.replace("\x1b", "?")  # no escape sequences from a flow's texts (as prompt_toolkit writes them)
            width = width_of(sys.stdout)
            print(text if width is None else broken(text, width))
            return
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        print_formatted_text(FormattedText([("", text)]), output=self.output)

    def show(self, node: Node, block: dict[str, Any] | None = None) -> None:
        q = node.question
        if block is None:  # block questions are numbered within their group, not in the flow
            for info in self.interview.messages_before(node):
                self.say(self.interview.text(info, info.question.text, self.lang))
        if getattr(q, "help", None):
            self.say(f"  ({ui(self.lang, 'why')}) {self.interview.text(node, q.help, self.lang, block)}")

    # -- prompts ------------------------------------------------------------
    def _with_back(self, question: Any) -> Any:
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        bindings = KeyBindings()

        @bindings.add("c-b")
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

        # Ctrl-C typed while the terminal is briefly in cooked mode (the first prompt opening the session
        # database above itself) arrives as a signal: text prompts take it as Ctrl-C, choices ignored it
        @bindings.add("<sigint>")
        def _interrupt(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
        return question

    def _ask(self, question: Any) -> Any:
        """Ask a questionary prompt (with Ctrl-B); the first one runs `when_shown` once it is on the screen."""
        app = self._with_back(question).application
        if self.when_shown is not None:
            _when_drawn(app, self.when_shown)
            self.when_shown = None
        return question.unsafe_ask()

    def prompt(self, node: Node, current: Any, block: dict[str, Any] | None = None) -> Any:
        """Ask one question; returns the raw answer or BACK."""
        import questionary
        from questionary import Choice

        q = node.question
        message = self.interview.text(node, q.prompt, self.lang, block)
        if block is None:  # its place on the current path (a review or going back shows where it is)
            path = self.interview.path()
            place = next((i for i, n in enumerate(path, start=1) if n is node), self.interview.progress().answered + 1)
            message = f"[{place}/{len(path)}] {message}"
        kind = q.kind
        if kind in ("yes_no", "choice"):
            if kind == "yes_no":
                options = [("yes", ui(self.lang, "yes"), "y"), ("no", ui(self.lang, "no"), "n"), ("unsure", ui(self.lang, "unsure"), "u")]
            else:
                options = [(ch.value, ch.label.get(self.lang), str(i) if i < 10 else True) for i, ch in enumerate(q.choices, start=1)]
                if q.allow_unsure:
                    options.append(("unsure", ui(self.lang, "unsure"), "u"))
            # questionary admits letters and digits as shortcuts: 'u' stands for わからない here
            choices = [Choice(title, value=value, shortcut_key=key) for value, title, key in options]
            choices.append(Choice(ui(self.lang, "back"), value=BACK, shortcut_key="b"))
            default = current if current is not None else getattr(q, "default", None)
            selected = next((c for c in choices if c.value == default), None)
            hint = ui(self.lang, "back_hint") if selected is not None else f"{ui(self.lang, 'pick_hint')} / {ui(self.lang, 'back_hint')}"
            question = questionary.select(message, choices=choices, use_shortcuts=True, default=selected, instruction=f"({hint})", output=self.output)
            if selected is None:
                _enter_after_a_choice(question)
        elif kind == "multi_choice":
            choices = [Choice(ch.label.get(self.lang), value=ch.value, checked=bool(current and ch.value in current)) for ch in q.choices]
            if q.allow_unsure:
                choices.append(Choice(ui(self.lang, "unsure"), value="unsure", checked=bool(current and "unsure" in current)))
            question = questionary.checkbox(message, choices=choices, instruction=f"({ui(self.lang, 'back_hint')})", output=self.output)
        else:  # multiline texts too: one line per answer reads best in a line-by-line terminal
            default = current if current is not None else getattr(q, "default", None)
            if kind == "date" and default == "today":
                default = self.interview.today.isoformat()
            hint = ui(self.lang, "date_hint") if kind == "date" else ""
            if not q.required:
                hint = (hint + " / " if hint else "") + ui(self.lang, "skip_hint")
            validate = self._validator(node)
            question = questionary.text(
                message, default="" if default is None else str(default), validate=validate,
                instruction=f"({hint}{' / ' if hint else ''}{ui(self.lang, 'back_hint')})", output=self.output,
            )
        return self._ask(question)

    def _validator(self, node: Node) -> Any:
        from anzen.answers import normalize

        def validate(text: str) -> bool | str:
            try:
                normalize(node.question, text, self.interview.today)
            except AnswerError as exc:
                return exc.message(self.lang)
            return True

        return validate

    # -- the conversation ------------------------------------------------------
    def run(self, next_node: Any = None) -> None:
        """Ask until complete; `next_node` picks the next question instead (a review goes through all)."""
        focus: Node | None = None
        section = None
        while True:
            node = focus or (next_node() if next_node else self.interview.next_question())
            if node is None:
                self.say(ui(self.lang, "finished"))
                return
            if node.section.id != section:
                section = node.section.id
                self.say(f"\n■ {node.section.title.get(self.lang)}")
            self.show(node)
            if node.is_group:
                raw = self.ask_group(node)
            else:
                raw = self.prompt(node, self.interview.value(node.id))
            if raw is BACK:
                previous = self.interview.previous(node.id)
                if previous is None:
                    self.say(ui(self.lang, "no_first"))
                focus = previous or node
                continue
            try:
                change = self.answerer.answer(node.id, raw)
            except AnswerError as exc:
                self.say(f"! {exc.message(self.lang)}")
                focus = node
                continue
            except Failure as exc:  # the store refused it (as in the app): not taken, asked again; Ctrl-C stops
                self.say(f"! {store_refused(self.lang, exc)}")
                focus = node
                continue
            focus = None
            if change.removed:
                self.say(f"{ui(self.lang, 'removed')}: {', '.join(change.removed)}")
            if change.revised:
                self.say(f"{ui(self.lang, 'revised')}: {', '.join(change.revised)}")

    def ask_group(self, node: Node) -> Any:
        import questionary

        label = node.question.item_label.get(self.lang)
        self.say(self.interview.text(node, node.question.prompt, self.lang))
        blocks: list[dict[str, Any]] = []
        current = self.interview.value(node.id)
        if current:  # going back to (or reviewing) a group: keep what was entered, or enter it again
            keep = self._ask(questionary.confirm(ui(self.lang, "keep_blocks", label=label, n=len(current)), default=True, output=self.output))
            if keep is BACK or keep:
                return BACK if keep is BACK else current
        while True:
            if blocks or node.question.min_items == 0:
                key = "add_another" if blocks else "add_block"
                more = self._ask(questionary.confirm(ui(self.lang, key, label=label), default=False, output=self.output))
                if more is BACK:
                    return BACK
                if not more:
                    return blocks
            max_items = node.question.max_items
            if max_items is not None and len(blocks) >= max_items:
                return blocks
            self.say(f"— {ui(self.lang, 'block', label=label, n=len(blocks) + 1)} —")
            block: dict[str, Any] = {}
            while (child := self.interview.block_next(node, block)) is not None:
                self.show(child, block)
                raw = self.prompt(child, None, block)
                if raw is BACK:
                    if not block:
                        return BACK
                    block.pop(list(block)[-1])
                    continue
                try:
                    from anzen.answers import normalize

                    block[child.id] = normalize(child.question, raw, self.interview.today)
                except AnswerError as exc:
                    self.say(f"! {exc.message(self.lang)}")
            blocks.append(block)


def _enter_after_a_choice(question: Any) -> None:
    """Enter answers a list only once a choice was made on it (its key, or the arrows). The pointer starts on
    はい, and an Enter pressed once too often after a typed answer (as with a Japanese input method) would
    otherwise answer it. (The app's buttons and lists likewise show nothing chosen; a test keeps both.)"""
    from prompt_toolkit.keys import Keys

    chosen = False

    def choosing(handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def handle(event: Any) -> Any:
            nonlocal chosen
            chosen = True
            return handler(event)
        return handle

    def answering(handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda event: handler(event) if chosen else None

    for binding in question.application.key_bindings.bindings:
        if binding.keys == (Keys.ControlM,):
            binding.handler = answering(binding.handler)
        elif binding.keys != (Keys.Any,):  # the choices' keys and the arrows (not Ctrl-C, handled apart)
            binding.handler = choosing(binding.handler)


def _when_drawn(app: Any, work: Callable[[], object]) -> None:
    """Run `work` once the prompt is on the screen, printing above it (prompt_toolkit's run_in_terminal).
    An exception it raises ends the prompt: the caller of the prompt gets it (a store error, Ctrl-C)."""
    import asyncio

    from prompt_toolkit.application import run_in_terminal

    async def run() -> None:
        try:
            await run_in_terminal(work)
        except asyncio.CancelledError:  # the prompt ended first: the work is done when next needed
            raise
        except BaseException as exc:  # noqa: BLE001 - handed to the prompt's caller, never dropped in the event loop
            if not app.is_done:
                app.exit(exception=exc)

    drawn = False

    def after_render(_: Any) -> None:
        nonlocal drawn
        if not drawn:  # (handlers are not removed while the event fires)
            drawn = True
            app.create_background_task(run())

    app.after_render += after_render


def run(args: argparse.Namespace) -> int:
    """A new session of FLOW in the store, answered line by line (every answer saved at once)."""
    from anzen.cli.new_session import NewSession
    from anzen.exports import FormatError, parse_formats

    try:
        formats = parse_formats(args.format)
    except FormatError as exc:
        raise CommandError(exc.message(args.lang)) from None
    if args.flow is None:  # `anzen interview` alone: unfinished interviews are offered before a new one
        from anzen.cli.resume import offer_unfinished

        status = offer_unfinished(args)
        if status is not None:
            return status
    flow = args.flow or choose_flow(args.lang)
    session = NewSession(args, flow, load_plan_or_fail(flow, args.lang))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        session.start()  # nobody reads the first question first: the session (or the store's error) before it
    return converse(session, args, formats)


def converse(live: Any, args: argparse.Namespace, formats: list[str], review: bool = False) -> int:
    """Run the line interview on a store session (an open LiveSession, or a NewSession started once its
    first question is on the screen), then finish it and write the report."""
    from anzen.cli.new_session import NewSession
    from anzen.cli.common import store_errors
    from anzen.exports import ExportError, write_reports

    lang = args.lang
    line = LineInterview(live.interview, lang, answerer=live)
    if isinstance(live, NewSession) and live.live is None:
        line.when_shown = live.start
    try:
        with store_errors(lang):
            line.run(next_node=live.next_to_review if review else None)
            live.finish()
    except (KeyboardInterrupt, EOFError) as exc:
        live.close()  # first: a session nothing was given in is not kept, and then not offered for resuming
        why, status = ("interrupted", 130) if isinstance(exc, KeyboardInterrupt) else ("eof", 1)
        raise CommandError(stopped(lang, why, None if live.discarded else live.id), status) from None
    finally:
        live.close()
    report = live.report(lang, datetime.now().astimezone())
    try:
        written = write_reports(report, formats, Path(args.out), force=args.force)
    except ExportError as exc:
        raise CommandError(f"{exc.message(lang)}\n{ui(lang, 'export_later', id=live.id)}") from None
    from anzen.cli.summary import print_summary

    print_summary(report, [w.path for w in written], lang)
    return EXIT_OK


def stopped(lang: str, why: str, session_id: str | None) -> str:
    """Why the interview stopped, and how to go on (no session yet: nothing was answered)."""
    return f"{ui(lang, why)} {ui(lang, 'session_saved', id=session_id)}" if session_id else ui(lang, why)


def choose_flow(lang: str) -> str:
    import questionary

    from anzen.cli.flows import flow_summaries

    rows = [r for r in flow_summaries() if "error" not in r]
    choices = [questionary.Choice(f"{r['title'][lang] or r['title']['ja']}  ({r['questions']} {ui(lang, 'questions')})", value=r["id"]) for r in rows]  # type: ignore[index]
    return str(select(lang, ui(lang, "choose_flow"), choices))
