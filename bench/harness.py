#!/usr/bin/env python3
"""Times mlm against pandas and polars on the generated CSVs and writes the results table.

Every measurement is a fresh process (start-up and imports included, as a user would see it):
one untimed warm-up run that also checks the output, then --runs timed runs, taking turns between
the tools. Wall time is reported as best and median; memory as the peak resident set size of that
one process, read from the kernel with wait4 (the child's own peak, not the largest of all children).

Usage: harness.py --mlm PATH [--runs N] [--rows N ...] [--tasks NAME ...] [--tools NAME ...] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import report
from generate_data import DEFAULT_ROWS, data_path
from tasks import TOOLS, Task, select_tasks

BENCH_DIR = Path(__file__).resolve().parent


class BenchError(Exception):
    """A step that failed; the message says which and why."""


@dataclass(frozen=True)
class Measurement:
    task: str
    rows: int
    tool: str
    seconds: list[float]
    peak_kb: list[int]

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024


@dataclass(frozen=True)
class RunResult:
    seconds: float
    peak_kb: int
    exit_code: int
    stderr: str


def run_once(argv: list[str], stdout_path: str | None) -> RunResult:
    """Runs argv to completion; stdout goes to stdout_path (or /dev/null), stderr is kept."""
    env = dict(os.environ, NO_COLOR="1")
    with open(stdout_path or os.devnull, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # Linux reports ru_maxrss in kilobytes.
    return RunResult(seconds, usage.ru_maxrss, process.returncode, stderr)


def command_for(tool: str, task: Task, data_file: Path, mlm: Path | None, scripts_dir: Path) -> list[str]:
    """The argv that makes `tool` do `task` on `data_file`."""
    snippet = task.snippets.get(tool)
    if snippet is None:
        raise BenchError(f"task '{task.name}' has no command for tool '{tool}'")
    if tool == "mlm":
        if mlm is None:
            raise BenchError("no mlm binary given (pass --mlm PATH, or leave mlm out with --tools)")
        # The script lives next to the data, because mlm resolves relative paths against the script's folder.
        script = scripts_dir / f"{slug(task.name)}_{data_file.stem}.mlm"
        script.write_text(snippet.format(file=data_file.name))
        return [str(mlm), "run", str(script)]
    code = f"import sys\npath = sys.argv[1]\n{snippet}"
    return [sys.executable, "-c", code, str(data_file)]


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


def check_output(tool: str, rows: int, stdout_file: Path) -> str | None:
    """Why the warm-up output looks wrong, or None: each tool must show it read every row."""
    text = stdout_file.read_text(errors="replace")
    if not text.strip():
        return "it printed nothing"
    if tool == "mlm":
        # mlm reports each loaded table as `t: 100,000 rows, 20 columns`.
        if f"{rows:,} rows" not in text:
            return f"it did not report '{rows:,} rows'"
        return None
    first = text.splitlines()[0].strip()
    if first != str(rows):
        return f"it read {first} rows, expected {rows}"
    return None


def warm_up(tool: str, task: Task, rows: int, argv: list[str], out_dir: Path) -> None:
    """One untimed run that fills the page cache and checks the tool really did the task."""
    label = f"{task.name} / {rows:,} rows / {tool}"
    stdout_file = out_dir / f"{slug(task.name)}_{rows}_{tool}.txt"
    result = run_once(argv, str(stdout_file))
    if result.exit_code != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise BenchError(f"{label} failed with exit code {result.exit_code}:\n{tail}")
    problem = check_output(tool, rows, stdout_file)
    if problem:
        raise BenchError(f"{label}: {problem} (output kept in {stdout_file})")


def measure_round_robin(task: Task, rows: int, argvs: dict[str, list[str]], runs: int) -> list[Measurement]:
    """Timed runs taking turns between tools, so a burst of load from other work on the machine
    slows every tool a little rather than one tool a lot."""
    seconds: dict[str, list[float]] = {tool: [] for tool in argvs}
    peaks: dict[str, list[int]] = {tool: [] for tool in argvs}
    for _ in range(runs):
        for tool, argv in argvs.items():
            result = run_once(argv, None)
            if result.exit_code != 0:
                raise BenchError(f"{task.name} / {rows:,} rows / {tool} failed on a timed run "
                                 f"with exit code {result.exit_code}:\n{result.stderr}")
            seconds[tool].append(result.seconds)
            peaks[tool].append(result.peak_kb)
    measurements = [Measurement(task.name, rows, tool, seconds[tool], peaks[tool]) for tool in argvs]
    for m in measurements:
        print(f"  {m.task} / {rows:,} rows / {m.tool}: best {m.best:.3f}s, median {m.median:.3f}s, "
              f"peak {m.peak_mb:.0f} MB", file=sys.stderr)
    return measurements


def run_all(args: argparse.Namespace, tasks: list[Task]) -> list[Measurement]:
    out_dir = args.data_dir / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for task in tasks:
        for rows in args.rows:
            data_file = data_path(args.data_dir, rows)
            if not data_file.exists():
                raise BenchError(f"data file {data_file} is missing; run generate_data.py first")
            argvs = {tool: command_for(tool, task, data_file, args.mlm, args.data_dir) for tool in args.tools}
            for tool, argv in argvs.items():
                warm_up(tool, task, rows, argv, out_dir)
            results.extend(measure_round_robin(task, rows, argvs, args.runs))
    return results


def startup_costs(args: argparse.Namespace) -> dict[str, float]:
    """Best wall time of starting each tool and doing nothing, so small-file numbers can be read
    as start-up plus work."""
    argvs = {"mlm": [str(args.mlm), "--version"] if args.mlm else None,
             "pandas": [sys.executable, "-c", "import pandas"],
             "polars": [sys.executable, "-c", "import polars"]}
    costs = {}
    for tool in args.tools:
        argv = argvs.get(tool)
        if argv is None:
            continue
        runs = [run_once(argv, None) for _ in range(args.runs + 1)]
        if any(r.exit_code != 0 for r in runs):
            raise BenchError(f"starting {tool} failed:\n{runs[-1].stderr}")
        costs[tool] = min(r.seconds for r in runs[1:] or runs)
    return costs


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mlm", type=Path, help="the mlm binary (release build)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement (default 3)")
    parser.add_argument("--rows", type=int, nargs="+", default=list(DEFAULT_ROWS))
    parser.add_argument("--tasks", nargs="+", help="task names (default: all)")
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    parser.add_argument("--data-dir", type=Path, default=BENCH_DIR / "data")
    parser.add_argument("--out", type=Path, help="Markdown results file (default results/latest.md, "
                        "written only for a full run so a partial run never replaces the reference table)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    if args.mlm is not None and not os.access(args.mlm, os.X_OK):
        parser.error(f"--mlm {args.mlm} is not an executable file")
    full_run = args.tasks is None and set(args.tools) == set(TOOLS) and sorted(args.rows) == sorted(DEFAULT_ROWS)
    if args.out is None and full_run:
        args.out = BENCH_DIR / "results" / "latest.md"
    return args


def main() -> int:
    args = parse_args()
    try:
        tasks = select_tasks(args.tasks)
        machine = report.machine_info(args.mlm)
        print(f"bench: {len(tasks)} tasks x {len(args.rows)} files x {len(args.tools)} tools, "
              f"{args.runs} timed runs each (plus one warm-up)", file=sys.stderr)
        startup = startup_costs(args)
        results = run_all(args, tasks)
    except (BenchError, ValueError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    rows = report.table_rows(results)
    print(report.text_table(rows))
    print("start-up alone (best s): " + ", ".join(f"{tool} {sec:.3f}" for tool, sec in startup.items()))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report.markdown(rows, startup, machine, args, tasks))
        print(f"bench: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
