#!/usr/bin/env python3
"""Writes the seeded synthetic marketing CSVs the benchmark reads.

Every byte follows from SEED and the pinned numpy in requirements.txt, so two machines benchmark
the same files. A file that already exists with the expected size is kept: generating the 1M-row
file takes several seconds and would otherwise be redone on every run.

Usage: generate_data.py [--out DIR] [--rows N ...] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import numpy as np

SEED = 20260425
DEFAULT_ROWS = (100_000, 1_000_000)

# The wide tables (logistic regression with many one-hot inputs): WIDE_ROWS rows of category
# columns with WIDE_LEVELS levels each (mlm's and the encoder's limit per column is 100), as many
# columns as make the number of one-hot inputs.
WIDE_ROWS = 2_000
WIDE_LEVELS = 100
WIDE_INPUTS = (1_000, 10_000, 100_000)

# Sizes of the files this generator writes with the pinned numpy. A mismatch after generating means
# the bytes changed (generator edited or numpy not the pinned one): update these deliberately, since
# results measured on different bytes are not comparable.
EXPECTED_BYTES = {100_000: 14_501_569, 1_000_000: 145_028_984}

COUNTRIES = [
    "United States", "United Kingdom", "Germany", "France", "Spain", "Italy", "Netherlands",
    "Belgium", "Portugal", "Ireland", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Austria",
    "Switzerland", "Czechia", "Greece", "Hungary", "Romania", "Canada", "Mexico", "Brazil",
    "Argentina", "Chile", "Colombia", "Australia", "New Zealand", "Japan", "South Korea", "India",
    "Singapore", "South Africa", "Turkey", "Israel", "United Arab Emirates", "Morocco", "Egypt",
    "Nigeria",
]
CHANNELS = ["organic search", "paid search", "social", "email", "referral", "display", "affiliate", "direct"]
PLANS = ["free", "basic", "plus", "pro", "enterprise"]
DEVICES = ["desktop", "mobile", "tablet", "smart tv", "console", "other"]
SEGMENTS = [
    "bargain hunter", "loyal", "new", "at risk", "champion", "hibernating", "promising",
    "need attention", "cannot lose", "potential loyalist", "big spender", "occasional",
]
EMAIL_DOMAINS = [
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "gmx.de",
    "web.de", "orange.fr", "free.fr", "libero.it", "proton.me", "mail.ru", "yandex.ru", "qq.com",
    "163.com", "comcast.net", "btinternet.com", "t-online.de", "company.example",
]
COUPON_PREFIXES = ["WELCOME", "SPRING", "SUMMER", "AUTUMN", "WINTER", "VIP", "REFER", "BLACKFRIDAY", "FLASH"]

FIRST_SIGNUP = dt.date(2015, 1, 1)
SIGNUP_DAYS = (dt.date(2024, 12, 31) - FIRST_SIGNUP).days + 1
LAST_DAY = dt.date(2025, 6, 30)


def skewed_choice(rng: np.random.Generator, levels: list[str], n: int, skew: float) -> np.ndarray:
    """Indices into levels, the first levels most frequent, as in real marketing exports."""
    weights = 1.0 / np.arange(1, len(levels) + 1) ** skew
    return rng.choice(len(levels), size=n, p=weights / weights.sum())


def with_missing(rng: np.random.Generator, cells: list[str], rate: float) -> list[str]:
    """Blanks a random `rate` share of the cells (an empty field is a missing value)."""
    for index in np.flatnonzero(rng.random(len(cells)) < rate).tolist():
        cells[index] = ""
    return cells


def fixed(values: np.ndarray, decimals: int) -> list[str]:
    """Fixed-point text without float formatting, so the bytes cannot depend on the C library."""
    scale = 10**decimals
    scaled = np.rint(values * scale).astype(np.int64).tolist()
    return [f"{v // scale}.{v % scale:0{decimals}d}" for v in scaled]


def iso_dates(day_offsets: np.ndarray) -> list[str]:
    """yyyy-mm-dd for days after FIRST_SIGNUP, through a lookup table instead of date objects per row."""
    span = (LAST_DAY - FIRST_SIGNUP).days + 1
    table = [(FIRST_SIGNUP + dt.timedelta(days=d)).isoformat() for d in range(span)]
    return [table[d] for d in day_offsets.tolist()]


def coupon_codes(rng: np.random.Generator, n: int) -> list[str]:
    """Codes like SPRING-4F7K2Q: a few prefixes, nearly every code distinct (a text column)."""
    alphabet = np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", dtype=np.uint8)
    digits = rng.integers(0, len(alphabet), size=(n, 6))
    suffixes = alphabet[digits].view("S6").ravel()
    prefixes = skewed_choice(rng, COUPON_PREFIXES, n, 0.7).tolist()
    return [f"{COUPON_PREFIXES[p]}-{s.decode()}" for p, s in zip(prefixes, suffixes.tolist())]


def categories(rng: np.random.Generator, levels: list[str], n: int, skew: float) -> list[str]:
    return [levels[i] for i in skewed_choice(rng, levels, n, skew).tolist()]


def build_columns(n: int) -> dict[str, list[str]]:
    """The ~20 columns as text cells, drawn in a fixed order from one seeded generator."""
    rng = np.random.default_rng(SEED)
    signup = rng.integers(0, SIGNUP_DAYS, size=n)
    age = np.clip(rng.normal(41, 13, size=n), 18, 85).astype(np.int64)
    income = np.round(rng.lognormal(10.7, 0.5, size=n), 2)
    visits = rng.poisson(14, size=n)
    orders = rng.binomial(visits, 0.23)
    basket = np.round(rng.gamma(2.2, 28.0, size=n), 2)
    revenue = np.round(orders * basket * rng.uniform(0.85, 1.15, size=n), 2)
    discount = np.round(rng.beta(1.6, 9.0, size=n), 4)
    emails_opened = rng.poisson(6, size=n)
    subscribed = rng.random(n) < 0.62
    # Churn depends on activity so later training benchmarks have signal to find.
    churn_logit = 0.9 - 0.12 * visits - 0.35 * orders + 0.9 * ~subscribed + 2.0 * discount
    churned = rng.random(n) < 1.0 / (1.0 + np.exp(-churn_logit))
    days_left = (LAST_DAY - FIRST_SIGNUP).days - signup
    last_order = signup + (rng.random(n) * (days_left + 1)).astype(np.int64)
    last_order_cells = iso_dates(last_order)
    for index in np.flatnonzero(orders == 0).tolist():
        last_order_cells[index] = ""  # never ordered: no last order date

    return {
        "customer_id": [str(v) for v in range(1_000_001, 1_000_001 + n)],
        "signup_date": iso_dates(signup),
        "last_order": last_order_cells,
        "country": categories(rng, COUNTRIES, n, 1.1),
        "channel": categories(rng, CHANNELS, n, 0.6),
        "plan": categories(rng, PLANS, n, 0.9),
        "device": with_missing(rng, categories(rng, DEVICES, n, 1.3), 0.02),
        "segment": categories(rng, SEGMENTS, n, 0.5),
        "email_domain": categories(rng, EMAIL_DOMAINS, n, 1.0),
        "age": with_missing(rng, [str(v) for v in age.tolist()], 0.03),
        "income": with_missing(rng, fixed(income, 2), 0.04),
        "revenue": fixed(revenue, 2),
        "basket_value": fixed(basket, 2),
        "discount_rate": fixed(discount, 4),
        "visits": [str(v) for v in visits.tolist()],
        "orders": [str(v) for v in orders.tolist()],
        "emails_opened": with_missing(rng, [str(v) for v in emails_opened.tolist()], 0.025),
        "is_subscribed": ["true" if s else "false" for s in subscribed.tolist()],
        "churned": ["yes" if c else "no" for c in churned.tolist()],
        "coupon_code": with_missing(rng, coupon_codes(rng, n), 0.05),
    }


def write_csv(path: Path, n: int) -> int:
    """Writes through a temporary file so an interrupted run never leaves a plausible partial file."""
    columns = build_columns(n)
    lines = [",".join(columns)]
    lines.extend(",".join(row) for row in zip(*columns.values()))
    data = ("\n".join(lines) + "\n").encode("ascii")
    partial = path.with_suffix(".csv.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return len(data)


def wide_path(out: Path, inputs: int) -> Path:
    return out / f"wide_onehot_{inputs // 1000}k.csv"


def write_wide_csv(path: Path, inputs: int) -> int:
    """WIDE_ROWS rows of `inputs / WIDE_LEVELS` category columns `c0000`... with levels `l00`..`l99`
    drawn uniformly (each level in about 20 rows), and `y` (yes/no) from a sparse true model: the
    levels of the first 10 columns move the log-odds by a normal amount, the other columns are
    noise (so every size has the same signal to find among more inputs). Seeded by SEED and `inputs`."""
    rng = np.random.default_rng([SEED, inputs])
    columns = inputs // WIDE_LEVELS
    codes = rng.integers(0, WIDE_LEVELS, (WIDE_ROWS, columns))
    effects = np.zeros((columns, WIDE_LEVELS))
    effects[:10] = rng.normal(0, 1, (10, WIDE_LEVELS))
    z = effects[np.arange(columns)[None, :], codes].sum(1)
    z = (z - z.mean()) / max(z.std(), 1e-12)
    y = np.where(rng.random(WIDE_ROWS) < 1 / (1 + np.exp(-1.5 * z)), "yes", "no")
    lines = [",".join([f"c{c:04d}" for c in range(columns)] + ["y"])]
    level_names = [f"l{level:02d}" for level in range(WIDE_LEVELS)]
    lines.extend(",".join([level_names[code] for code in row] + [label]) for row, label in zip(codes, y))
    data = ("\n".join(lines) + "\n").encode("ascii")
    partial = path.with_suffix(".csv.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return len(data)


def ensure_wide(out: Path, inputs: int, force: bool) -> Path:
    """The wide tables are small (at most ~8 MB) and quick to write: rewritten when missing or forced."""
    path = wide_path(out, inputs)
    if force or not path.exists():
        print(f"generate: writing {path.name} ({WIDE_ROWS:,} rows, {inputs:,} one-hot inputs)", file=sys.stderr)
        write_wide_csv(path, inputs)
    return path


def data_path(out: Path, n: int) -> Path:
    return out / f"customers_{n // 1000}k.csv" if n < 1_000_000 else out / f"customers_{n // 1_000_000}m.csv"


def ensure(out: Path, n: int, force: bool) -> Path:
    path = data_path(out, n)
    expected = EXPECTED_BYTES.get(n)
    if not force and expected is not None and path.exists() and path.stat().st_size == expected:
        print(f"generate: {path.name} is up to date ({expected:,} bytes)", file=sys.stderr)
        return path
    print(f"generate: writing {path.name} ({n:,} rows)", file=sys.stderr)
    size = write_csv(path, n)
    if expected is not None and size != expected:
        print(f"generate: warning: {path.name} has {size:,} bytes, expected {expected:,}; "
              "the data differs from the reference run (is numpy the pinned version?)", file=sys.stderr)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--rows", type=int, nargs="+", default=list(DEFAULT_ROWS))
    parser.add_argument("--force", action="store_true", help="regenerate even when the file looks up to date")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.rows:
        if n < 1:
            parser.error(f"--rows must be positive, got {n}")
        ensure(args.out, n, args.force)
    for inputs in WIDE_INPUTS:
        ensure_wide(args.out, inputs, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
