"""`anzen fill FLOW --answers FILE`: the report from an answers file, nothing asked."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from anzen.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, CommandError, load_plan_or_fail, print_problems, today, warn
from anzen.cli.language import sayer
from anzen.errors import Problem, ProblemsError, did_you_mean


def run(args: argparse.Namespace) -> int:
    from anzen.answers_file import read_answers
    from anzen.engine import Interview
    from anzen.exports import ExportError, FormatError, parse_formats, write_reports
    from anzen.report import build_report

    say = sayer(args.lang)
    try:
        formats = parse_formats(args.format)
    except FormatError as exc:
        raise CommandError(exc.message(args.lang)) from None
    plan = load_plan_or_fail(args.flow, args.lang)
    try:
        answers = read_answers(Path(args.answers), args.answers)
    except ProblemsError as exc:
        print_problems(exc.problems, args.lang)
        raise CommandError(say(f"回答ファイル {args.answers} は使えません", f"cannot use answers file {args.answers}")) from None
    if answers.from_report and answers.from_report != plan.flow.id:
        raise CommandError(say(f"{args.answers}: フロー '{answers.from_report}' の報告書です（'{plan.flow.id}' のものではありません）",
                               f"{args.answers}: is a report of flow '{answers.from_report}', not '{plan.flow.id}'"))

    interview = Interview(plan, today=today())
    loaded = interview.load(answers.answers)
    problems = []
    for qid in loaded.unknown:
        candidates = [n.id for n in plan.nodes if n.answerable]
        problems.append(Problem("answers-unknown-id", say(f"フロー '{plan.flow.id}' に質問 '{qid}' はありません。", f"'{qid}' is not a question of flow '{plan.flow.id}'"),
                                answers.file, answers.line_of(qid), say(f"回答 '{qid}'", f"answer '{qid}'"), did_you_mean(qid, candidates, args.lang)))
    for qid, error in loaded.invalid:
        problems.append(Problem("answers-invalid", error.message(args.lang), answers.file, answers.line_of(qid), say(f"質問 '{qid}'", f"question '{qid}'")))
    if problems:
        print_problems(problems, args.lang)
        raise CommandError(say(f"報告書は作成していません: {args.answers} に問題 {len(problems)} 件", f"no report written: {len(problems)} problem(s) in {args.answers}"), EXIT_BAD_INPUT)
    for qid in loaded.ignored:
        warn(args.lang, say(f"{answers.file}: '{qid}' への回答は使いません（ほかの回答からはその質問に進みません）",
                            f"{answers.file}: answer to '{qid}' ignored: the other answers do not lead to that question"))
    missing = [n.id for n in interview.path() if not interview.is_answered(n.id)]
    if missing:
        warn(args.lang, say(f"未回答の質問 {len(missing)} 件（その確認事項は「未回答」）: {', '.join(missing)}",
                            f"{len(missing)} question(s) not answered; their items are 'unanswered': {', '.join(missing)}"))

    report = build_report(interview, generated_at=datetime.now().astimezone(), lang=args.lang)
    from anzen.cli.exporting import export_options, exporter_warnings

    try:
        with exporter_warnings(args.lang):
            written = write_reports(report, formats, Path(args.out), force=args.force, basename=args.name, options=export_options(args))
    except ExportError as exc:
        raise CommandError(exc.message(args.lang)) from None
    from anzen.cli.summary import print_summary

    print_summary(report, [w.path for w in written], args.lang)
    return EXIT_PROBLEMS if missing and args.strict else EXIT_OK
