"""The benchmark suite (not part of the tests): `python benchmarks/run.py [--quick] [--write]`.

Each figure is measured beside its baseline in the same run; --write records benchmarks/RESULTS.md."""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from measure import ROOT, figure, python, time_process  # noqa: E402
from synth import write_library  # noqa: E402

ANSWERS = {"copied_any": "no", "contractor": "株式会社ベンチ"}


def bench_fill(repeat: int, work: Path) -> dict:
    """3. `anzen fill … --format json`, whole process, vs importing yaml, pydantic and rich."""
    answers = work / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    baseline = figure("baseline", time_process(python("-c", "import yaml, pydantic, rich"), repeat))
    ours = figure("fill", time_process(python("-m", "anzen", "fill", "wakayama-safety-report", "--answers", str(answers), "--format", "json", "--out", str(work / "out"), "--force"), repeat, cwd=work))
    return {"name": "anzen fill --format json (whole process)", "ours": ours, "baseline": baseline, "baseline_name": "python -c 'import yaml, pydantic, rich'", "goal": 2.0}


def bench_engine(sizes: list[int], work: Path) -> list[dict]:
    """4. One engine step (answer, next question, progress) on synthetic flows."""
    from anzen.build import build_plan
    from anzen.engine import Interview
    from anzen.loader import load_flow
    from anzen.registry import Library

    rows = []
    for size in sizes:
        path = write_library(work / f"lib{size}", size)
        plan = build_plan(load_flow(path), Library(path.parent, path.parent.parent / "checklists"))
        interview = Interview(plan, today=datetime.date(2026, 10, 1))
        steps = []
        while (node := interview.next_question()) is not None:
            value = "yes" if node.kind == "yes_no" else "b"
            start = time.perf_counter()
            interview.answer(node.id, value)
            interview.next_question()
            interview.progress()
            steps.append(time.perf_counter() - start)
        tenth = max(1, len(steps) // 10)
        early, late = statistics.median(steps[:tenth]), statistics.median(steps[-tenth:])
        rows.append({"name": f"engine step, {size:,} questions ({len(steps):,} steps)", "ours": figure("step", steps), "early": early, "late": late, "goal_abs": 0.001 if size >= 10000 else None})
    return rows


def bench_check(sizes: list[int], repeat: int, work: Path) -> list[dict]:
    """5. Load and full check of the synthetic flows, in-process, fresh library each time."""
    from anzen.build import build_plan
    from anzen.loader import load_flow
    from anzen.registry import Library

    try:
        from anzen.lint import lint_plan  # the full linter (flow authoring), when present
    except ImportError:
        lint_plan = None
    rows = []
    for size in sizes:
        path = write_library(work / f"chk{size}", size)
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            plan = build_plan(load_flow(path), Library(path.parent, path.parent.parent / "checklists"))
            if lint_plan is not None:
                lint_plan(plan)
            samples.append(time.perf_counter() - start)
        rows.append({"name": f"load + check, {size:,} questions", "ours": figure("check", samples), "size": size})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition (CI: proves the suite runs)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    repeat = 1 if args.quick else 15
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fill = bench_fill(repeat, work)
        ratio = fill["ours"].value / fill["baseline"].value
        lines.append(f"| {fill['name']} | {fill['ours']} | {fill['baseline_name']}: {fill['baseline']} | {ratio:.2f}× | ≤ {fill['goal']}× | {'met' if ratio <= fill['goal'] else 'NOT met'} |")
        for row in bench_engine(sizes, work):
            growth = row["late"] / row["early"]
            goal = "≤ 1 ms median; no growth" if row["goal_abs"] else "no growth"
            met = (row["goal_abs"] is None or row["ours"].value <= row["goal_abs"]) and growth < 2
            lines.append(f"| {row['name']} | {row['ours'].value * 1e6:.1f} µs ({row['ours'].low * 1e6:.1f}–{row['ours'].high * 1e6:.1f}) | first 10% {row['early'] * 1e6:.1f} µs, last 10% {row['late'] * 1e6:.1f} µs | {growth:.2f}× late/early | {goal} | {'met' if met else 'NOT met'} |")
        checks = bench_check(sizes, 1 if args.quick else 5, work)
        for previous, row in zip([None, *checks], checks):
            scale = "" if previous is None else f"{row['ours'].value / previous['ours'].value:.1f}× for ×10"
            met = (previous is None or row["ours"].value / previous["ours"].value <= 12) and (row["size"] < 10000 or row["ours"].value <= 1.0)
            lines.append(f"| {row['name']} | {row['ours']} | {scale} | | 10,000 ≤ 1 s; ×10 ≤ ×12 | {'met' if met else 'NOT met'} |")
    header = ["| benchmark | anzen (median, min–max) | baseline / comparison | ratio | goal | |", "|---|---|---|---|---|---|"]
    table = "\n".join(header + lines)
    print(table)
    if args.write:
        machine = f"{platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"
        (HERE / "RESULTS.md").write_text(
            f"# Benchmark results\n\nMeasured {datetime.date.today().isoformat()} on {machine} (2 cores), `python benchmarks/run.py --write`.\n"
            f"Whole-process figures are medians over {repeat} fresh processes.\n\n{table}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
