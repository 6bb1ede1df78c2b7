"""`anzen fill FLOW --answers FILE`: the report from an answers file, nothing asked."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from anzen.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, CommandError, load_plan_or_fail, print_problems, today
from anzen.errors import Problem, ProblemsError, did_you_mean


def run(args: argparse.Namespace) -> int:
    from anzen.answers_file import read_answers
    from anzen.engine import Interview
    from anzen.exports import ExportError, parse_formats, write_reports
    from anzen.report import build_report

    try:
        formats = parse_formats(args.format)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    plan = load_plan_or_fail(args.flow)
    try:
        answers = read_answers(Path(args.answers), args.answers)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise CommandError(f"cannot use answers file {args.answers}") from None
    if answers.from_report and answers.from_report != plan.flow.id:
        raise CommandError(f"{args.answers}: is a report of flow '{answers.from_report}', not '{plan.flow.id}'")

    interview = Interview(plan, today=today())
    loaded = interview.load(answers.answers)
    problems = []
    for qid in loaded.unknown:
        candidates = [n.id for n in plan.nodes if n.answerable]
        problems.append(Problem("answers-unknown-id", f"'{qid}' is not a question of flow '{plan.flow.id}'", answers.file, answers.line_of(qid), f"answer '{qid}'", did_you_mean(qid, candidates)))
    for qid, error in loaded.invalid:
        problems.append(Problem("answers-invalid", error.message(args.lang), answers.file, answers.line_of(qid), f"question '{qid}'"))
    if problems:
        print_problems(problems)
        raise CommandError(f"no report written: {len(problems)} problem(s) in {args.answers}", EXIT_BAD_INPUT)
    for qid in loaded.ignored:
        print(f"warning: {answers.file}: answer to '{qid}' ignored: the other answers do not lead to that question", file=sys.stderr)
    missing = [n.id for n in interview.path() if not interview.is_answered(n.id)]
    if missing:
        print(f"warning: {len(missing)} question(s) not answered; their items are 'unanswered': {', '.join(missing)}", file=sys.stderr)

    report = build_report(interview, generated_at=datetime.now().astimezone(), lang=args.lang)
    from anzen.cli.exporting import export_options, exporter_warnings

    try:
        with exporter_warnings():
            written = write_reports(report, formats, Path(args.out), force=args.force, basename=args.name, options=export_options(args))
    except ExportError as exc:
        raise CommandError(exc.both()) from None
    from anzen.cli.summary import print_summary

    print_summary(report, [w.path for w in written], args.lang)
    return EXIT_PROBLEMS if missing and args.strict else EXIT_OK
