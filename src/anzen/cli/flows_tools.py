"""`anzen flows graph` and `anzen flows try`: a flow as a diagram, and every path with its statuses."""

from __future__ import annotations

import argparse
import json
import sys

from anzen.cli.common import EXIT_OK, load_plan_or_fail


def graph(args: argparse.Namespace) -> int:
    from anzen import graph as g

    plan = load_plan_or_fail(args.flow, args.lang)
    if args.format == "dot":
        text = g.dot(plan, args.lang)
    elif args.format == "markdown":
        text = g.page(plan)
    else:
        text = g.mermaid(plan, args.lang)
    sys.stdout.write(text)
    return EXIT_OK


def try_paths(args: argparse.Namespace) -> int:
    from anzen import tryout

    plan = load_plan_or_fail(args.flow, args.lang)
    found = tryout.tables(plan, limit=args.limit)
    if args.json:
        print(json.dumps(tryout.render_json(plan, found), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(tryout.render_text(plan, found))
    return EXIT_OK
