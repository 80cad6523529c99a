"""Logistic regression fit time: mlm (release build) against scikit-learn's lbfgs, same data.

    /tmp/venv/bin/python Tests/MLMCoreTests/Fixtures/linear/bench_logistic.py [rows ...] [--package DIR]

Writes a synthetic matrix (30 columns on very different scales: amounts in the tens of
thousands, ages, counts, rates, 0/1 dummies) to /tmp, fits sklearn LogisticRegression (lbfgs,
default settings; max_iter=1000 at 100k rows only, as it takes minutes), lbfgs behind a
StandardScaler (converges, nearly the same optimum at these sizes) and newton-cholesky (the same
objective as mlm) three times each and keeps the best, then runs the Swift
benchmark test (LogisticRegressionBenchmarkTests) in a release build on the same file. Both
report the training AUC, so equal quality can be checked. Versions used for the report: see
make_fixtures.py.
"""
import os
import subprocess
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def make_data(rows, seed=1):
    rng = np.random.default_rng(seed)
    scales = np.array([5e4, 40, 3, 0.01, 1e3, 200, 1, 1e5, 12, 0.5] * 2)
    dense = rng.normal(0, 1, (rows, 20)) * scales + scales * rng.uniform(0, 3, 20)
    dummies = (rng.random((rows, 10)) < rng.uniform(0.05, 0.6, 10)).astype(float)
    x = np.column_stack([dense, dummies])
    beta = rng.normal(0, 0.6, 30) / np.r_[scales, np.ones(10)]
    z = (x - x.mean(0)) @ beta - 1.2
    y = (rng.random(rows) < 1 / (1 + np.exp(-z))).astype(float)
    return x, y


def write(path, x, y):
    with open(path, "wb") as f:
        np.array([x.shape[0], x.shape[1]], dtype="<i8").tofile(f)
        np.asfortranarray(x).T.astype("<f8").tofile(f)  # column-major
        y.astype("<f8").tofile(f)


def sklearn_time(x, y, scaled=False, repeats=3, **settings):
    best, model = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        model = LogisticRegression(**settings)
        model = (make_pipeline(StandardScaler(), model) if scaled else model).fit(x, y)
        best = min(best, time.perf_counter() - start)
    auc = roc_auc_score(y, model.predict_proba(x)[:, 1])
    iterations = (model[-1] if scaled else model).n_iter_[0]
    return best, auc, int(iterations)


def main():
    args = sys.argv[1:]
    package = "."
    if "--package" in args:
        i = args.index("--package")
        package = args[i + 1]
        del args[i:i + 2]
    sizes = [int(a) for a in args] or [100_000, 1_000_000]
    for rows in sizes:
        x, y = make_data(rows)
        path = f"/tmp/mlm_logistic_bench_{rows}.bin"
        write(path, x, y)
        configs = [("lbfgs default", {}), ("lbfgs StandardScaler", {"scaled": True}),
                   ("newton-cholesky", {"solver": "newton-cholesky"})]
        if rows <= 100_000:
            configs.append(("lbfgs max_iter=1000", {"max_iter": 1000, "repeats": 1}))
        for label, settings in configs:
            seconds, auc, iterations = sklearn_time(x, y, **settings)
            print(f"sklearn {label} rows={rows} fit_seconds_best={seconds:.4f} auc={auc:.8f} n_iter={iterations}", flush=True)
        env = dict(os.environ, MLM_LINEAR_BENCH=path)
        out = subprocess.run(["swift", "test", "-c", "release", "--filter", "LogisticRegressionBenchmarkTests"],
                             cwd=package, env=env, capture_output=True, text=True)
        print("\n".join(line for line in out.stdout.splitlines() if line.startswith("swift-logistic")) or out.stdout[-3000:])


if __name__ == "__main__":
    main()
