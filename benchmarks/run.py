"""The benchmark suite (not part of the tests): `python benchmarks/run.py [--quick] [--write]`.

Each figure is measured beside its baseline in the same run (whole processes alternate with their
baseline, after one warm-up of each); --write records benchmarks/RESULTS.md. --quick: small sizes,
one repetition (CI runs it so the suite cannot rot; it asserts no times)."""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from measure import Figure, env, figure, python, time_process, time_until  # noqa: E402
from notes import NOTES  # noqa: E402
from synth import write_library  # noqa: E402

FLOW = "wakayama-safety-report"
ANSWERS = {"copied_any": "no", "contractor": "株式会社ベンチ"}
OWN_LIBRARY = {"pdf": ["reportlab"], "xlsx": ["openpyxl"]}  # every other format imports none of LIBRARIES


@dataclass
class Row:
    number: str
    name: str
    ours: str
    comparison: str
    ratio: str
    goal: str
    met: bool | None  # None: shown for information, no goal

    def line(self) -> str:
        verdict = "" if self.met is None else "met" if self.met else "**NOT met**"
        return f"| {self.number} | {self.name} | {self.ours} | {self.comparison} | {self.ratio} | {self.goal} | {verdict} |"


def alternate(ours: Callable[[], float], baseline: Callable[[], float], repeat: int) -> tuple[list[float], list[float]]:
    """Samples of two measurements taken in turn (drift on a busy machine hits both), after a warm-up."""
    ours(), baseline()
    a, b = [], []
    for _ in range(repeat):
        a.append(ours())
        b.append(baseline())
    return a, b


def compared(number: str, name: str, ours: Figure, baseline: Figure, baseline_name: str, goal: float) -> Row:
    ratio = ours.value / baseline.value
    return Row(number, name, str(ours), f"{baseline_name}: {baseline}", f"{ratio:.2f}×", f"≤ {goal}×", ratio <= goal)


# -- 1, 7: the full-screen app -------------------------------------------------
def bench_app_start(repeat: int, work: Path) -> Row:
    """1. Process start → first question on screen (headless run_test) vs a bare Textual app."""
    def run(which: str) -> Callable[[], float]:
        args = python(str(HERE / "app_driver.py"), "first", which)
        return lambda: time_until(args, "READY", 1, cwd=work, extra_env={"ANZEN_DB": str(work / "app.db")})[0]

    ours, base = alternate(run("anzen"), run("bare"), repeat)
    return compared("1", "full-screen app: start to first question", figure("app", ours), figure("bare", base), "bare Textual app (Static + Input)", 1.25)


def bench_app_memory(repeat: int, work: Path) -> list[Row]:
    """7. Peak RSS through the whole Wakayama interview (every question, review, result); then the export."""
    peaks: dict[str, list[tuple[float, float]]] = {"anzen": [], "bare": []}

    def run(which: str) -> Callable[[], float]:
        def once() -> float:
            result = subprocess.run(python(str(HERE / "app_driver.py"), "walk", which), cwd=work, env={**env(), "ANZEN_DB": str(work / "walk.db")},
                                    capture_output=True, text=True, timeout=300)
            if result.returncode != 0:
                raise RuntimeError(f"app_driver walk {which} failed: {result.stderr[-2000:]}{result.stdout[-500:]}")
            interview, exported = (int(n) / 1024 for n in result.stdout.split()[-2:])  # KiB → MiB
            peaks[which].append((interview, exported))
            return interview
        return once

    alternate(run("anzen"), run("bare"), repeat)
    ours = figure("app", [p[0] for p in peaks["anzen"][1:]], "MiB")
    base = figure("bare", [p[0] for p in peaks["bare"][1:]], "MiB")
    exported = figure("export", [p[1] for p in peaks["anzen"][1:]], "MiB")
    return [compared("7", "full-screen app: peak memory, whole interview to its result", ours, base, "bare Textual app, one answer", 1.3),
            Row("7", "… then exporting all six formats from the app", str(exported), f"bare Textual app: {base}", f"{exported.value / base.value:.2f}×", "(no goal: PDF and Excel libraries)", None)]


# -- 2: line mode ------------------------------------------------------------------
def first_prompt() -> str:
    from anzen.build import load_plan
    from anzen.engine import Interview

    interview = Interview(load_plan(FLOW), today=datetime.date.today())
    node = interview.next_question()
    assert node is not None
    return interview.text(node, node.question.prompt, "ja")


def bench_line_start(repeat: int, work: Path) -> Row:
    """2. `anzen interview FLOW` in a pty until the first prompt is shown vs a bare questionary text()."""
    prompt = first_prompt()
    db = {"ANZEN_DB": str(work / "line.db")}
    ours_args = python("-m", "anzen", "interview", FLOW, "--out", str(work / "line-out"))
    base_args = python("-c", f"import questionary; questionary.text({prompt!r}).ask()")
    ours, base = alternate(lambda: time_until(ours_args, prompt, 1, cwd=work, extra_env=db, pty=True)[0],
                           lambda: time_until(base_args, prompt, 1, cwd=work, pty=True)[0], repeat)
    return compared("2", "line mode: start to first prompt (pty)", figure("line", ours), figure("bare", base), "bare questionary text()", 1.3)


# -- 3: fill ------------------------------------------------------------------------
def bench_fill(repeat: int, work: Path) -> Row:
    """3. `anzen fill … --format json`, whole process, vs importing yaml, pydantic and rich."""
    answers = work / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    fill = python("-m", "anzen", "fill", FLOW, "--answers", str(answers), "--format", "json", "--out", str(work / "out"), "--force")
    base = python("-c", "import yaml, pydantic, rich")
    ours, baseline = alternate(lambda: time_process(fill, 1, cwd=work)[0], lambda: time_process(base, 1)[0], repeat)
    return compared("3", "`anzen fill --format json` (whole process)", figure("fill", ours), figure("base", baseline), "python -c 'import yaml, pydantic, rich'", 2.0)


# -- 4, 5: synthetic flows ------------------------------------------------------------
def bench_engine(sizes: list[int], walks: int, work: Path) -> list[Row]:
    """4. One engine step (answer, next question, progress) on synthetic flows: the same interview walked
    `walks` times, each step's best time kept (a busy machine's bursts are not the engine's)."""
    from anzen.build import build_plan
    from anzen.engine import Interview
    from anzen.loader import load_flow
    from anzen.registry import Library

    rows = []
    for size in sizes:
        path = write_library(work / f"lib{size}", size)
        plan = build_plan(load_flow(path), Library(path.parent, path.parent.parent / "checklists"))
        runs = []
        for _ in range(walks):
            interview = Interview(plan, today=datetime.date(2026, 10, 1))
            times = []
            while (node := interview.next_question()) is not None:
                value = "yes" if node.kind == "yes_no" else "b"
                start = time.perf_counter()
                interview.answer(node.id, value)
                interview.next_question()
                interview.progress()
                times.append(time.perf_counter() - start)
            runs.append(times)
        steps = [min(step) for step in zip(*runs)]
        tenth = max(1, len(steps) // 10)
        early, late = statistics.median(steps[:tenth]), statistics.median(steps[-tenth:])
        step = figure("step", steps)
        growth = late / early
        big = size >= 10000
        met = (not big or step.value <= 0.001) and growth < 2
        rows.append(Row("4", f"engine step, {size:,} questions ({len(steps):,} steps, best of {walks} walks)", f"{step.value * 1e6:.1f} µs ({step.low * 1e6:.1f}–{step.high * 1e6:.1f})",
                        f"first 10% {early * 1e6:.1f} µs, last 10% {late * 1e6:.1f} µs", f"{growth:.2f}× late/early",
                        "≤ 1 ms median; no growth" if big else "no growth", met))
    return rows


def bench_check(sizes: list[int], repeat: int, work: Path) -> list[Row]:
    """5. Load and full check (`flows check FILE`: anzen.lint.lint_ref — build, every path) of the synthetic flows."""
    from anzen.lint import lint_ref
    from anzen.registry import Library

    rows: list[Row] = []
    previous: Figure | None = None
    for size in sizes:
        path = write_library(work / f"chk{size}", size)
        samples = []
        for _ in range(repeat):
            gc.collect()  # what earlier benchmarks left is not this one's cost
            library = Library(path.parent, path.parent.parent / "checklists")  # fresh: the file is read and parsed each time
            start = time.perf_counter()
            problems = lint_ref(str(path), library)
            samples.append(time.perf_counter() - start)
            if any(p.code in ("path-limit", "yaml-syntax", "schema") for p in problems):
                raise RuntimeError(f"synthetic flow {size}: {problems[0].render()}")
        check = figure("check", samples)
        scale = check.low / previous.low if previous else None  # the best of each: scaling is about the work, not the machine's bursts
        met = (scale is None or scale <= 12) and (size < 10000 or check.value <= 1.0)
        rows.append(Row("5", f"load + full check, {size:,} questions", str(check), f"{len(problems)} problem(s) found", "" if scale is None else f"{scale:.1f}× for ×10 (best of {repeat})",
                        "10,000 ≤ 1 s; ×10 ≤ ×12", met))
        previous = check
    return rows


# -- 6: exports ------------------------------------------------------------------------
def bench_exports(repeat: int, work: Path) -> list[Row]:
    """6. Every export format of the Wakayama report, one fresh process each time (imports included)."""
    from anzen.exports import FORMATS

    runs = []
    for _ in range(repeat + 1):  # the first is the warm-up
        result = subprocess.run(python(str(HERE / "export_driver.py"), "all"), cwd=work, env=env(), capture_output=True, text=True, check=True)
        runs.append(json.loads(result.stdout))
    runs = runs[1:]
    total = figure("exports", [sum(r.values()) for r in runs])
    parts = ", ".join(f"{fmt} {statistics.median(r[fmt] for r in runs) * 1000:.0f}" for fmt in FORMATS)
    rows = [Row("6", "all export formats of the Wakayama report, one process", str(total), f"per format, ms: {parts}", "", "≤ 0.5 s together", total.value <= 0.5)]
    imported = {}
    for fmt in FORMATS:
        result = subprocess.run(python(str(HERE / "export_driver.py"), "only", fmt), cwd=work, env=env(), capture_output=True, text=True, check=True)
        imported[fmt] = json.loads(result.stdout)
    lazy = all(imported[fmt] == OWN_LIBRARY.get(fmt, []) for fmt in FORMATS)
    shown = "; ".join(f"{fmt}: {', '.join(libs) or 'none'}" for fmt, libs in imported.items())
    rows.append(Row("6", "libraries imported when one format is asked for", shown, "", "", "only that format's", lazy))
    return rows


# -- the report -------------------------------------------------------------------------
def versions() -> str:
    from importlib.metadata import version

    names = ["anzen", "textual", "questionary", "prompt_toolkit", "pydantic", "PyYAML", "rich", "reportlab", "openpyxl"]
    return ", ".join(f"{n} {version(n)}" for n in names)


def reference_loop() -> float:
    """The machine's speed at pure Python, in seconds: a fixed loop of a million additions, best of 5.
    Goals 4-6 are absolute times; runs on machines (or days) of other speeds compare through this."""
    def once() -> float:
        start, total = time.perf_counter(), 0
        for i in range(1_000_000):
            total += i
        return time.perf_counter() - start
    return min(once() for _ in range(5))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition (CI: proves the suite runs)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    repeat = 1 if args.quick else 25  # whole processes on a shared machine: bursts need many samples
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    started = time.perf_counter()
    speed = reference_loop()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["ANZEN_DB"] = str(work / "bench.db")  # never the user's own sessions
        os.environ["ANZEN_CACHE_DIR"] = str(work / "cache")  # compiled plans: filled by the warm-up runs
        rows.append(bench_app_start(repeat, work))
        rows.append(bench_line_start(repeat, work))
        rows.append(bench_fill(repeat, work))
        rows += bench_engine(sizes, 1 if args.quick else 5, work)
        rows += bench_check(sizes, 1 if args.quick else 7, work)
        rows += bench_exports(repeat if args.quick else 10, work)
        rows += bench_app_memory(1 if args.quick else 3, work)
    header = ["| # | benchmark | anzen (median, min–max) | baseline / comparison | ratio | goal | |", "|---|---|---|---|---|---|---|"]
    table = "\n".join(header + [row.line() for row in rows])
    print(table)
    print(f"\nreference loop: {speed * 1000:.0f} ms ({time.perf_counter() - started:.0f} s)")
    if args.write:
        unmet = {row.number for row in rows if row.met is False}
        notes = "\n\n".join(f"**{n}** ({'not met' if n in unmet else 'met'}). {NOTES[n]}" for n in sorted(NOTES, key=int))
        (HERE / "RESULTS.md").write_text(
            f"# Benchmark results\n\nMeasured {datetime.date.today().isoformat()} with `python benchmarks/run.py --write`"
            f"{' --quick' if args.quick else ''} on {machine()}; a pure-Python reference loop (a million additions, best of 5)"
            f" took {speed * 1000:.0f} ms.\n\nVersions: {versions()}.\n\n"
            f"Whole-process figures are medians over {repeat} fresh processes, each beside its baseline (taken in turn, after a warm-up);"
            " memory over 3; exports over 10 fresh processes. Engine steps: each step's best of 5 walks of the same interview, then"
            " the median (min–max) over the steps; checks: the median of 7, their growth judged on the best of 7 (bursts of a busy"
            " machine are not the code's). Ratios are anzen ÷ baseline.\n\n"
            f"{table}\n" + (f"\n## What the profiles showed, what was done, what is left\n\n{notes}\n" if notes else ""), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
