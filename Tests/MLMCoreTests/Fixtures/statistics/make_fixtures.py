"""Reference values for StatisticsEdgeTests: mean, standard deviation and quartiles of values at
the edges of the double range (near ±1.8e308, subnormal, tiny, cancelling).

The exact answers are computed with Python's fractions (no rounding at all) and rounded once to
the nearest double; numpy's answers are stored next to them, because for most of these inputs
numpy overflows (inf) or underflows (0) and mlm must not. Made once with Python 3.11.7 and
numpy 2.4.6. To rerun (deterministic):

    python3 -m venv /tmp/stats-venv && /tmp/stats-venv/bin/pip install numpy
    /tmp/stats-venv/bin/python Tests/MLMCoreTests/Fixtures/statistics/make_fixtures.py

Writes edges.json next to this script. Floats are written with repr (round-trips exactly); a
result beyond the largest double is written as null.
"""
import json
import math
import os
import warnings
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
getcontext().prec = 80
MAX = 1.7976931348623157e308

CASES = {
    "issue example [1e300, 2, 3]": [1e300, 2.0, 3.0],
    "two values near the largest double": [1e308, 1e308],
    "largest double three times, one negated": [MAX, MAX, -MAX],
    "largest double of both signs": [-MAX, MAX],
    "cancelling huge values and a small one": [1e308, -1e308, 1.0],
    "huge and ordinary": [1.5e308, -3.0, 7.25, 1e307, 42.0],
    "subnormal values": [5e-324, 1e-323, 1.5e-323],
    "tiny normal values": [1e-200, 2e-200, 3e-200, 4e-200],
    "squares that underflow next to zero": [0.0, 1e-170, -1e-170],
    "ordinary sample": [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4],
    "large and close together": [1e15 + 0.5, 1e15 + 1.5, 1e15 + 2.5, 1e15 + 4.0],
}


def nearest(value):
    """The double nearest an exact Fraction, or None when it is beyond the largest double."""
    result = float(Decimal(value.numerator) / Decimal(value.denominator))
    return None if math.isinf(result) else result


def exact_std(values, ddof):
    n = len(values)
    mean = sum(Fraction(v) for v in values) / n
    variance = sum((Fraction(v) - mean) ** 2 for v in values) / (n - ddof)
    root = (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()
    result = float(root)
    return None if math.isinf(result) else result


def exact_quantile(values, q):
    ordered = sorted(Fraction(v) for v in values)
    index = (len(ordered) - 1) * Fraction(q)
    below = math.floor(index)
    upper = min(below + 1, len(ordered) - 1)
    t = index - below
    return nearest(ordered[below] + (ordered[upper] - ordered[below]) * t)


def finite_or_none(value):
    value = float(value)
    return value if math.isfinite(value) else None


def main():
    cases = []
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for name, values in CASES.items():
            array = np.array(values, dtype=np.float64)
            exact_mean = sum(Fraction(v) for v in values) / len(values)
            cases.append({
                "name": name,
                "values": values,
                "mean": nearest(exact_mean),
                "std0": exact_std(values, 0),
                "std1": exact_std(values, 1),
                "quartiles": [exact_quantile(values, q) for q in (0.25, 0.5, 0.75)],
                "numpyMean": finite_or_none(array.mean()),
                "numpyStd1": finite_or_none(array.std(ddof=1)),
            })
    with open(os.path.join(HERE, "edges.json"), "w") as out:
        json.dump(cases, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
