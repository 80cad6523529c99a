#!/usr/bin/env python3
"""Times mlm against pandas, polars and scikit-learn on the generated CSVs and writes the results table.

Every measurement is a fresh process (start-up and imports included, as a user would see it):
one untimed warm-up run that also checks the output, then --runs timed runs, taking turns between
the tools. Wall time is reported as best and median; memory as the peak resident set size of that
one process, read from the kernel with wait4 (the child's own peak, not the largest of all children).
Training tasks also report the fit time and the test ROC-AUC (see tasks.py for how each is found).

Usage: harness.py --mlm PATH [--runs N] [--rows N ...] [--tasks NAME ...] [--tools NAME ...] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import re
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
# What sklearn_training.py imports before it reads anything: sklearn's start-up cost.
SKLEARN_IMPORTS = ("import numpy, pandas, sklearn.ensemble, sklearn.linear_model, sklearn.metrics, "
                   "sklearn.model_selection, sklearn.pipeline, sklearn.preprocessing, sklearn.tree")


class BenchError(Exception):
    """A step that failed; the message says which and why."""


@dataclass(frozen=True)
class Measurement:
    task: str
    rows: int
    tool: str
    seconds: list[float]
    peak_kb: list[int]
    # Training tasks only: the fit time (see fit_seconds) and the test ROC-AUC.
    fit: float | None = None
    auc: float | None = None

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
    stdout: str = ""


# Labels of the two extra mlm scripts a training task times to work out mlm's fit time.
FIT_BEFORE, FIT_THROUGH = "mlm load+split", "mlm load+split+train"


def run_once(argv: list[str], stdout_path: str | None, keep_stdout: bool = False) -> RunResult:
    """Runs argv to completion; stdout goes to stdout_path (or /dev/null, or a temporary file
    that is read back when keep_stdout), stderr is kept."""
    env = dict(os.environ, NO_COLOR="1")
    with stdout_sink(stdout_path, keep_stdout) as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        stdout = ""
        if keep_stdout:
            out.seek(0)
            stdout = out.read().decode("utf-8", "replace")
    # Linux reports ru_maxrss in kilobytes.
    return RunResult(seconds, usage.ru_maxrss, process.returncode, stderr, stdout)


def stdout_sink(stdout_path: str | None, keep_stdout: bool):
    if stdout_path:
        return open(stdout_path, "w+b")
    return tempfile.TemporaryFile() if keep_stdout else open(os.devnull, "wb")


def command_for(tool: str, task: Task, data_file: Path, mlm: Path | None, scripts_dir: Path) -> list[str]:
    """The argv that makes `tool` do `task` on `data_file`."""
    snippet = task.snippets.get(tool)
    if snippet is None:
        raise BenchError(f"task '{task.name}' has no command for tool '{tool}'")
    if tool == "mlm":
        return mlm_command(mlm, snippet, f"{slug(task.name)}_{data_file.stem}", data_file, scripts_dir)
    code = f"import sys\npath = sys.argv[1]\n{snippet}"
    return [sys.executable, "-c", code, str(data_file)]


def mlm_command(mlm: Path | None, script_text: str, name: str, data_file: Path, scripts_dir: Path) -> list[str]:
    if mlm is None:
        raise BenchError("no mlm binary given (pass --mlm PATH, or leave mlm out with --tools)")
    # The script lives next to the data, because mlm resolves relative paths against the script's folder.
    script = scripts_dir / f"{name}.mlm"
    script.write_text(script_text.format(file=data_file.name))
    return [str(mlm), "run", str(script)]


def fit_commands(task: Task, data_file: Path, mlm: Path | None, scripts_dir: Path) -> dict[str, list[str]]:
    """The two mlm scripts whose time difference is mlm's fit time: load + split, and the same
    with the train step added."""
    stem = f"{slug(task.name)}_{data_file.stem}"
    return {FIT_BEFORE: mlm_command(mlm, task.fit_scripts["before"], f"{stem}_fit_before", data_file, scripts_dir),
            FIT_THROUGH: mlm_command(mlm, task.fit_scripts["through"], f"{stem}_fit_through", data_file, scripts_dir)}


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


def check_output(tool: str, rows: int, text: str) -> str | None:
    """Why the warm-up output looks wrong, or None: each tool must show it read every row."""
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


def test_auc(tool: str, text: str) -> float | None:
    """The test ROC-AUC a training run printed: mlm's evaluate table has a `ROC-AUC  0.7431` row
    (test is its only column after `evaluate m on test`); sklearn_training prints `test AUC A`."""
    pattern = r"^\s*ROC-AUC\s+([0-9.]+)\s*$" if tool == "mlm" else r"^test AUC ([0-9.]+)$"
    found = re.search(pattern, text, re.M)
    return float(found.group(1)) if found else None


def printed_fit_seconds(text: str) -> float | None:
    found = re.search(r"^fit seconds ([0-9.]+)$", text, re.M)
    return float(found.group(1)) if found else None


def warm_up(label: str, task: Task, rows: int, argv: list[str], out_dir: Path) -> str:
    """One untimed run that fills the page cache and checks the tool really did the task.
    Returns what it printed."""
    tool = label.split()[0]
    what = f"{task.name} / {rows:,} rows / {label}"
    stdout_file = out_dir / f"{slug(task.name)}_{rows}_{slug(label)}.txt"
    result = run_once(argv, str(stdout_file), keep_stdout=True)
    if result.exit_code != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise BenchError(f"{what} failed with exit code {result.exit_code}:\n{tail}")
    problem = check_output(tool, rows, result.stdout)
    if problem is None and task.is_training and label == tool and test_auc(tool, result.stdout) is None:
        problem = "it printed no test ROC-AUC"
    if problem:
        raise BenchError(f"{what}: {problem} (output kept in {stdout_file})")
    return result.stdout


def measure_round_robin(task: Task, rows: int, argvs: dict[str, list[str]], runs: int) -> dict[str, list[RunResult]]:
    """Timed runs taking turns between tools, so a burst of load from other work on the machine
    slows every tool a little rather than one tool a lot. Training runs keep what they print
    (sklearn prints its fit time)."""
    results: dict[str, list[RunResult]] = {label: [] for label in argvs}
    for _ in range(runs):
        for label, argv in argvs.items():
            result = run_once(argv, None, keep_stdout=task.is_training)
            if result.exit_code != 0:
                raise BenchError(f"{task.name} / {rows:,} rows / {label} failed on a timed run "
                                 f"with exit code {result.exit_code}:\n{result.stderr}")
            results[label].append(result)
    return results


def fit_seconds(tool: str, timed: dict[str, list[RunResult]]) -> float | None:
    """sklearn: the best `.fit()` time it measured itself. mlm: best time of load + split + train
    minus best time of load + split (start-up, reading and splitting cancel out)."""
    if tool == "mlm":
        if FIT_BEFORE not in timed:
            return None
        return min(r.seconds for r in timed[FIT_THROUGH]) - min(r.seconds for r in timed[FIT_BEFORE])
    printed = [printed_fit_seconds(r.stdout) for r in timed[tool]]
    if any(p is None for p in printed):
        raise BenchError(f"{tool} did not print 'fit seconds' on every timed run")
    return min(printed)


def measure_task(task: Task, rows: int, argvs: dict[str, list[str]], runs: int, out_dir: Path) -> list[Measurement]:
    tools = [label for label in argvs if label not in (FIT_BEFORE, FIT_THROUGH)]
    outputs = {label: warm_up(label, task, rows, argv, out_dir) for label, argv in argvs.items()}
    timed = measure_round_robin(task, rows, argvs, runs)
    measurements = []
    for tool in tools:
        fit = fit_seconds(tool, timed) if task.is_training else None
        auc = test_auc(tool, outputs[tool]) if task.is_training else None
        m = Measurement(task.name, rows, tool, [r.seconds for r in timed[tool]], [r.peak_kb for r in timed[tool]],
                        fit, auc)
        measurements.append(m)
        extra = f", fit {m.fit:.3f}s, test AUC {m.auc:.4f}" if task.is_training else ""
        print(f"  {m.task} / {rows:,} rows / {m.tool}: best {m.best:.3f}s, median {m.median:.3f}s, "
              f"peak {m.peak_mb:.0f} MB{extra}", file=sys.stderr)
    return measurements


def run_all(args: argparse.Namespace, tasks: list[Task]) -> list[Measurement]:
    out_dir = args.data_dir / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for task in tasks:
        tools = [tool for tool in args.tools if tool in task.snippets]
        if not tools:
            continue
        for rows in ([task.data_rows] if task.data_file else args.rows):
            data_file = args.data_dir / task.data_file if task.data_file else data_path(args.data_dir, rows)
            if not data_file.exists():
                raise BenchError(f"data file {data_file} is missing; run generate_data.py first")
            argvs = {tool: command_for(tool, task, data_file, args.mlm, args.data_dir) for tool in tools}
            if task.is_training and "mlm" in tools:
                argvs.update(fit_commands(task, data_file, args.mlm, args.data_dir))
            results.extend(measure_task(task, rows, argvs, args.runs, out_dir))
    return results


def startup_costs(args: argparse.Namespace) -> dict[str, float]:
    """Best wall time of starting each tool and doing nothing, so small-file numbers can be read
    as start-up plus work."""
    argvs = {"mlm": [str(args.mlm), "--version"] if args.mlm else None,
             "pandas": [sys.executable, "-c", "import pandas"],
             "polars": [sys.executable, "-c", "import polars"],
             "sklearn": [sys.executable, "-c", SKLEARN_IMPORTS],
             "lightgbm": [sys.executable, "-c", SKLEARN_IMPORTS + ", lightgbm"],
             "xgboost": [sys.executable, "-c", SKLEARN_IMPORTS + ", xgboost"]}
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
