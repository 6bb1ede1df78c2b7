"""`anzen resume [SESSION]`: continue a saved interview in line mode, at the next unanswered question
(or, in a staff review, at the next answer not yet gone through)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from anzen.cli.common import EXIT_PROBLEMS, CommandError, select
from anzen.cli.language import sayer
from anzen.i18n import ui


def _label(info: Any, lang: str) -> str:
    total = "?" if info.remaining is None else str((info.answered or 0) + info.remaining)
    who = info.respondent or ("(no name yet)" if lang == "en" else "（事業者名未入力）")
    return f"{who} — {info.flow_id}  {info.answered or 0}/{total}  {info.updated_at[:16].replace('T', ' ')}  [{info.id}]"


def _choose(sessions: list[Any], lang: str, allow_new: bool) -> str | None:
    import questionary

    choices = [questionary.Choice(_label(s, lang), value=s.id) for s in sessions]
    if allow_new:
        choices.append(questionary.Choice(ui(lang, "new_session"), value=""))
    return select(lang, ui(lang, "choose_session"), choices) or None


def run(args: argparse.Namespace) -> int:
    from anzen.cli.common import open_store_or_fail, store_errors

    store = open_store_or_fail(args)
    with store_errors(args.lang):
        if args.session:
            info = store.get(args.session)
        else:
            free = [s for s in store.unfinished() if s.busy is None]
            if not free:
                print("No unfinished session to resume." if args.lang == "en" else "再開できる回答中のセッションはありません。")
                return EXIT_PROBLEMS
            if len(free) == 1:
                info = free[0]
            elif sys.stdin.isatty():
                info = store.get(_choose(free, args.lang, allow_new=False) or "")
            else:
                listing = "\n".join(f"  {_label(s, args.lang)}" for s in free)
                raise CommandError(sayer(args.lang)(f"回答中のセッションが複数あります。どれか一つを指定してください: anzen resume セッション\n{listing}",
                                                    f"several unfinished sessions; name one: anzen resume SESSION\n{listing}"))
        return resume(store, info, args)


def resume(store: Any, info: Any, args: argparse.Namespace) -> int:
    from anzen.cli.interview import converse
    from anzen.cli.common import store_errors
    from anzen.exports import FormatError, parse_formats

    # the session's own language, unless another one was asked for (ja is the default of --lang)
    args.lang = args.lang if args.lang != "ja" else info.lang
    lang = args.lang
    try:
        formats = parse_formats(args.format)
    except FormatError as exc:
        raise CommandError(exc.message(lang)) from None
    review = bool(getattr(args, "review", False))
    if info.finished and not review:
        print(ui(lang, "session_finished", id=info.id))
        return EXIT_PROBLEMS
    with store_errors(args.lang):
        live = store.open(info.id)
    try:
        tell_resume(live, lang)
        if review and live.info.phase != "review":
            with store_errors(args.lang):
                live.start_review()
        review = live.info.phase == "review"
        if review:
            print(ui(lang, "review_start"))
    except BaseException:
        live.close()
        raise
    return converse(live, args, formats, review=review)


def tell_resume(live: Any, lang: str) -> None:
    """Say plainly what resuming found: a dead process's lease, a changed flow, answers that no longer fit."""
    r = live.resume
    if r.recovered_from is not None:
        print(ui(lang, "lease_recovered", pid=r.recovered_from.pid))
    print(ui(lang, "session_resumed", id=live.id, answered=r.kept))
    if r.flow_changed:
        print(ui(lang, "flow_changed", old=r.old_version, new=r.new_version))
    if r.misfits:
        print(ui(lang, "misfits", id=live.id))
        for m in r.misfits:
            value = m.value if isinstance(m.value, str) else repr(m.value)
            print(f"  - {m.question_id} = {value}  ({m.message})")


def offer_unfinished(args: argparse.Namespace) -> int | None:
    """`anzen` with no command: offer the unfinished sessions first; None when a new one is wanted."""
    from anzen.cli.common import open_store_or_fail

    if not sys.stdin.isatty():
        return None
    store = open_store_or_fail(args)
    free = [s for s in store.unfinished() if s.busy is None]
    if not free:
        return None
    chosen = _choose(free, args.lang, allow_new=True)
    if chosen is None:
        return None
    args.review = False
    return resume(store, store.get(chosen), args)
