#!/usr/bin/env python3
"""Times mlm's `sort` step against pandas' `sort_values` on the seeded 1M-row CRM table.

Both sides sort a table that is already in memory and reorder all of its 20 columns: mlm's time
is the sort step's own time from `mlm run --report x.json --timings` (the load is a separate,
untimed step), pandas' is `time.perf_counter()` around `df.sort_values(...)` after `read_csv`.
Each task runs `--runs` times in each tool; between two timed mlm sorts, `sort t by customer_id`
(the file's own order) puts the rows back, so every timed sort starts from the same order.
pandas is timed with its default `kind="quicksort"` (not stable) and with `kind="stable"`, since
mlm's sort is stable. Missing values go last in both (pandas' default `na_position="last"`).

Usage: sort_bench.py --mlm PATH [--rows N] [--runs N] [--write]
(--write also writes bench/sort/results.md.)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent

# (label, mlm keys, pandas `by`, pandas `ascending`)
TASKS = [
    ("number: revenue desc", "revenue desc", ["revenue"], [False]),
    ("number with 3% missing: income", "income", ["income"], [True]),
    ("category then number: country, revenue desc", "country, revenue desc", ["country", "revenue"], [True, False]),
    ("text, nearly all distinct: coupon_code", "coupon_code", ["coupon_code"], [True]),
]


def data_file(rows: int) -> Path:
    subprocess.run([sys.executable, str(BENCH / "generate_data.py"), "--rows", str(rows)], check=True)
    name = f"customers_{rows // 1000}k.csv" if rows < 1_000_000 else f"customers_{rows // 1_000_000}m.csv"
    return BENCH / "data" / name  # the name generate_data.py gives it


def mlm_times(mlm: str, path: Path, runs: int) -> dict[str, list[float]]:
    lines = [f'load "{path.name}" as t']
    for _, keys, _, _ in TASKS:
        for _ in range(runs):
            lines += [f"sort t by {keys}", "sort t by customer_id"]
    script = path.parent / "sort_bench.mlm"
    script.write_text("\n".join(lines) + "\n")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "sort.json"
        subprocess.run([mlm, "run", str(script), "--report", str(report), "--timings"],
                       check=True, stdout=subprocess.DEVNULL)
        steps = json.loads(report.read_text())["steps"]
    times: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    for step in steps:
        for label, keys, _, _ in TASKS:
            if step["source"] == f"sort t by {keys}":
                times[label].append(step["seconds"])
                result = step["results"][0]
                assert result["kind"] == "sorted" and result["rows"] > 0, result
    return times


def pandas_times(path: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]], str]:
    import pandas as pd

    df = pd.read_csv(path)
    quick: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    stable: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    for label, _, by, ascending in TASKS:
        for _ in range(runs):
            for kind, times in (("quicksort", quick), ("stable", stable)):
                start = time.perf_counter()
                out = df.sort_values(by, ascending=ascending, kind=kind)
                times[label].append(time.perf_counter() - start)
                assert len(out) == len(df)
    return quick, stable, pd.__version__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mlm", required=True)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    path = data_file(args.rows)
    # Two rounds, taking turns, so a burst of load from other work slows both tools.
    mlm: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    quick: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    stable: dict[str, list[float]] = {label: [] for label, *_ in TASKS}
    version = ""
    for _ in range(2):
        for label, values in mlm_times(args.mlm, path, args.runs).items():
            mlm[label] += values
        q, s, version = pandas_times(path, args.runs)
        for label in q:
            quick[label] += q[label]
            stable[label] += s[label]

    def ms(values: list[float]) -> str:
        return f"{min(values) * 1000:,.0f}"

    lines = [
        f"Sorting {args.rows:,} rows × 20 columns (bench/data/{path.name}), best of {2 * args.runs} per cell, milliseconds.",
        f"mlm release build vs pandas {version} (numpy sort), {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end.",
        "mlm/pandas below 1 means mlm took less time. On a shared machine (a load average above the CPU count)",
        "the absolute times grow, but both tools run in the same rounds, taking turns, so the ratios hold up better.",
        "",
        "| sort | mlm `sort` | pandas `sort_values` (quicksort) | mlm/pandas | pandas (stable) | mlm/pandas stable |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, *_ in TASKS:
        m, q, s = min(mlm[label]), min(quick[label]), min(stable[label])
        lines.append(f"| {label} | {ms(mlm[label])} | {ms(quick[label])} | {m / q:.2f} | {ms(stable[label])} | {m / s:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        (HERE / "results.md").write_text("# Sorting: mlm against pandas\n\n`bench/sort/run --write` wrote this.\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
