"""Reference values for logistic regression with more inputs than rows (the wide solver).

Made once with Python 3.11.7, numpy 2.3.5, scipy 1.17.1, scikit-learn 1.9.1. To rerun:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn==1.9.1 numpy scipy
    /tmp/venv/bin/python Tests/MLMCoreTests/Fixtures/linear/make_wide_fixtures.py

It rewrites wide.json beside this script with two problems, both with more inputs than rows:
- "dense": 40 training rows x 2,000 inputs, each cell a digit 0-9 (stored as one string of
  digits per column, to keep the file small), and 20 test rows;
- "onehot": 200 training rows of 50 category columns with 100 levels each, one-hot encoded into
  5,000 0/1 inputs (stored as each row's level per category column; level l of column c is input
  c * 100 + l), every level seen in training, and 40 test rows.
Targets come from a sparse true model through the logistic link.

The reference is sklearn's LogisticRegression(solver="lbfgs", C=c, tol=1e-12, max_iter=100000) on
the raw inputs: sklearn penalises the raw coefficients, as mlm does (mlm standardizes internally
and transforms the penalty so the optimum is the same). lbfgs is sklearn's solver for exactly
this shape of problem. The script checks the optimality of the result (the largest gradient
component of sklearn's objective) and prints it, and stores the predicted probabilities of the
positive class on the test rows.
"""
import json
import pathlib

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = pathlib.Path(__file__).parent


def flat(a):
    return [float(f"{v:.12g}") for v in np.asarray(a, dtype=float).ravel()]


def fit(x, y, xt, c):
    model = LogisticRegression(C=c, solver="lbfgs", tol=1e-12, max_iter=100000).fit(x, y)
    w, b = model.coef_.ravel(), model.intercept_[0]
    p = 1 / (1 + np.exp(-(x @ w + b)))
    # Gradient of sklearn's objective  C * sum logloss + 1/2 ||w||^2, scaled by 1/C.
    gradient = np.r_[x.T @ (p - y) + w / c, np.sum(p - y)]
    print(f"  C={c}: {model.n_iter_[0]} iterations, largest gradient {np.abs(gradient).max():.2e}")
    check = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(x, y)
    print(f"  newton-cholesky: largest coefficient difference {np.abs(check.coef_.ravel() - w).max():.2e}, "
          f"probability difference {np.abs(check.predict_proba(xt)[:, 1] - model.predict_proba(xt)[:, 1]).max():.2e}")
    return {"c": c, "coefficients": flat(w), "intercept": float(b),
            "probabilities": flat(model.predict_proba(xt)[:, 1]), "iterations": int(model.n_iter_[0])}


def labels(rng, x):
    beta = np.zeros(x.shape[1])
    chosen = rng.choice(x.shape[1], 20, replace=False)
    beta[chosen] = rng.normal(0, 1.5, 20)
    z = (x - x.mean(0)) @ beta
    z = z / z.std()
    return (rng.random(x.shape[0]) < 1 / (1 + np.exp(-2 * z))).astype(int)


def dense_case(rng):
    rows, test_rows, inputs = 40, 20, 2000
    digits = rng.integers(0, 10, (rows + test_rows, inputs))
    y = labels(rng, digits.astype(float))
    x, xt = digits[:rows].astype(float), digits[rows:].astype(float)
    print("dense 40 x 2,000")
    return {"rows": rows, "test_rows": test_rows,
            "digits": ["".join(map(str, digits[:, j])) for j in range(inputs)],
            "y_train": y[:rows].tolist(),
            "fits": [fit(x, y[:rows], xt, 1.0), fit(x, y[:rows], xt, 0.01)]}


def onehot_case(rng):
    rows, test_rows, columns, levels = 200, 40, 50, 100
    # Every level occurs in the training rows: each column's first 100 rows are a permutation.
    codes = rng.integers(0, levels, (rows + test_rows, columns))
    for c in range(columns):
        codes[:levels, c] = rng.permutation(levels)
    onehot = np.zeros((rows + test_rows, columns * levels))
    for c in range(columns):
        onehot[np.arange(rows + test_rows), c * levels + codes[:, c]] = 1
    y = labels(rng, onehot)
    x, xt = onehot[:rows], onehot[rows:]
    print("one-hot 200 x 5,000")
    return {"rows": rows, "test_rows": test_rows, "levels": levels,
            "codes": codes.tolist(), "y_train": y[:rows].tolist(),
            "fits": [fit(x, y[:rows], xt, 1.0)]}


def main():
    rng = np.random.default_rng(14)
    fixture = {"dense": dense_case(rng), "onehot": onehot_case(rng)}
    (HERE / "wide.json").write_text(json.dumps(fixture, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
