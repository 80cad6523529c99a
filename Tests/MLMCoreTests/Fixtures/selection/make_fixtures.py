"""Reference values for the model-selection tests (Tests/MLMCoreTests/Selection*Tests.swift).

Made once with scikit-learn and stored as JSON next to this script:
- cv_logistic.json: a small two-class table (numbers only, so mlm's encoding is the identity),
  scikit-learn's StratifiedKFold(5, shuffle=True, random_state=0) fold of every row, and
  cross_val_score(LogisticRegression(C=1, tol=1e-12), X, y, cv=those folds, scoring="roc_auc").
- permutation.json: a logistic regression fitted on the training rows, scored on held-out rows
  by permutation_importance(..., scoring="roc_auc", n_repeats=5, random_state=0), with the
  permutations scikit-learn applied written out (the row each row took its value from), so mlm
  can apply the same ones: numpy's shuffles cannot be reproduced outside numpy.

Rerun (versions used: see the "versions" field of each file):
    python3 -m venv /tmp/select-venv && /tmp/select-venv/bin/pip install scikit-learn numpy
    /tmp/select-venv/bin/python make_fixtures.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.inspection import permutation_importance
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score

HERE = pathlib.Path(__file__).parent
VERSIONS = {"scikit-learn": sklearn.__version__, "numpy": np.__version__}


def table(rows, seed):
    rng = np.random.RandomState(seed)
    x = rng.normal(size=(rows, 4)) * np.array([1.0, 3.0, 0.5, 10.0]) + np.array([0, 5, 0, 100])
    logit = 0.8 * x[:, 0] - 0.3 * (x[:, 1] - 5) + 1.5 * x[:, 2] + 0.0 * x[:, 3] - 0.7
    y = (rng.uniform(size=rows) < 1 / (1 + np.exp(-logit))).astype(int)
    return x, y


def model():
    return LogisticRegression(C=1.0, tol=1e-12, max_iter=10000)


def cv_fixture():
    x, y = table(240, 1)
    folds = np.zeros(len(y), dtype=int)
    splits = list(StratifiedKFold(5, shuffle=True, random_state=0).split(x, y))
    for fold, (_, test) in enumerate(splits):
        folds[test] = fold
    scores = cross_val_score(model(), x, y, cv=splits, scoring="roc_auc")
    return {"versions": VERSIONS, "rows": len(y), "columns": 4, "x": x.T.ravel().tolist(), "y": y.tolist(),
            "folds": folds.tolist(), "fold_auc": scores.tolist()}


def applied_permutations(n_rows, n_columns, n_repeats, random_state):
    """The permutations permutation_importance applies, relative to the original rows.

    Mirrors sklearn/inspection/_permutation_importance.py: one seed drawn from
    RandomState(random_state); per column a fresh RandomState(seed) shuffles one index array in
    place before each repeat, and the column is re-indexed by it each time, so repeat r applies
    the composition of the first r shuffles. The check below recomputes the importances with
    these permutations and demands scikit-learn's numbers.
    """
    seed = np.random.RandomState(random_state).randint(np.iinfo(np.int32).max + 1)
    result = []
    for _ in range(n_columns):
        rng = np.random.RandomState(seed)
        index = np.arange(n_rows)
        applied = np.arange(n_rows)
        perms = []
        for _ in range(n_repeats):
            rng.shuffle(index)
            applied = applied[index]
            perms.append(applied.tolist())
        result.append(perms)
    return result


def permutation_fixture():
    x, y = table(300, 2)
    x_train, y_train, x_test, y_test = x[:200], y[:200], x[200:], y[200:]
    fitted = model().fit(x_train, y_train)
    result = permutation_importance(fitted, x_test, y_test, scoring="roc_auc", n_repeats=5, random_state=0)
    perms = applied_permutations(len(y_test), 4, 5, 0)
    baseline = roc_auc_score(y_test, fitted.predict_proba(x_test)[:, 1])
    for column in range(4):
        for r in range(5):
            shuffled = x_test.copy()
            shuffled[:, column] = x_test[perms[column][r], column]
            drop = baseline - roc_auc_score(y_test, fitted.predict_proba(shuffled)[:, 1])
            assert abs(drop - result.importances[column, r]) < 1e-15, "permutations do not reproduce sklearn"
    return {"versions": VERSIONS, "train_rows": 200, "test_rows": 100, "columns": 4,
            "x_train": x_train.T.ravel().tolist(), "y_train": y_train.tolist(),
            "x_test": x_test.T.ravel().tolist(), "y_test": y_test.tolist(),
            "permutations": perms, "baseline_auc": baseline,
            "importances": result.importances.tolist(), "importances_mean": result.importances_mean.tolist(),
            "importances_std": result.importances_std.tolist()}


if __name__ == "__main__":
    for name, make in [("cv_logistic", cv_fixture), ("permutation", permutation_fixture)]:
        (HERE / f"{name}.json").write_text(json.dumps(make(), indent=1) + "\n")
        print("wrote", name)
