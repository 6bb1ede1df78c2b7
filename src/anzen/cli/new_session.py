"""A new line-mode session that the store starts once the first question is on the screen.

Opening the database and starting a session (the store's modules, SQLite, its commits) cost more
than anything else before the first question, and nothing needs them before the first answer. In a
terminal the first question is shown at once and the session is started while the person reads it:
its id (and any store error, which ends the prompt) appears above the question moments later. The
first answer is committed only once the session exists, as every answer after it."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from anzen.engine import Change, Interview
from anzen.i18n import ui
from anzen.plan import Plan


class NewSession:
    """What the line interview uses of a LiveSession, for a session started on first need (`start`)."""

    def __init__(self, args: argparse.Namespace, flow: str, plan: Plan) -> None:
        self.args = args
        self.flow = flow
        self.interview = Interview(plan, today=date.today())  # asks the first question before the session exists
        self.live: Any = None  # the store's LiveSession, once started

    @property
    def id(self) -> str | None:
        return self.live.id if self.live is not None else None

    def start(self) -> Any:
        """Open the store and start the session (once), then say its id; store errors as CommandError."""
        if self.live is None:
            from anzen.cli.common import open_store_or_fail, store_errors

            args = self.args
            store = open_store_or_fail(args)
            staff = getattr(args, "staff", None)
            with store_errors(args.lang):
                live = store.start(self.flow, plan=self.interview.plan, respondent=getattr(args, "respondent", None),
                                   mode="staff" if staff else "self", staff=staff, lang=args.lang)
            live.continue_with(self.interview)  # the interview already asking its first question
            self.live = live
            print(ui(args.lang, "session_started", id=live.id), flush=True)
        return self.live

    # -- what LiveSession offers the line interview ---------------------------------
    def answer(self, question_id: str, raw: Any) -> Change:
        return self.start().answer(question_id, raw)

    def finish(self) -> None:
        self.start().finish()

    def report(self, lang: str | None = None, generated_at: datetime | None = None) -> Any:
        return self.start().report(lang, generated_at)

    def close(self) -> None:
        if self.live is not None:
            self.live.close()

    @property
    def discarded(self) -> bool:
        """Closed with nothing given (see LiveSession.close); never started is the same."""
        return self.live is None or self.live.discarded
