"""Reference values for the decision_tree and random_forest tests, computed once with scikit-learn.

Made with Python 3.11, scikit-learn 1.9.1, numpy 2.4.6 (any recent versions give the same
trees: exact CART has not changed since scikit-learn 1.1). To rerun from this folder:

    python3 -m venv /tmp/venv-trees && /tmp/venv-trees/bin/pip install scikit-learn numpy
    /tmp/venv-trees/bin/python make_fixtures.py

Inputs are multiples of 1/16 (with many ties) and targets multiples of 1/8, so that they are
exact in float32 (scikit-learn's trees work in float32) and every weighted sum is exact: then
mlm and scikit-learn compare the same numbers and must pick the same splits.

scikit-learn visits features in a random order even with max_features=None, so between two
equally good splits on different features the choice depends on random_state. Each tree case is
therefore fitted with 30 random states, and `alternatives` lists for every test row the
distinct predictions they gave (one for most rows): mlm's prediction must be one of them,
exactly. mlm breaks such ties by taking the lowest feature index, one of scikit-learn's
possible outcomes. Depth and leaf count come from random_state 0, importances too when all
30 fits agree on them (else null).
"""
import json
import numpy as np
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import roc_auc_score, r2_score

RANDOM_STATES = range(30)


def dyadic(values, steps=16):
    return np.round(np.asarray(values) * steps) / steps


def features(rng, n):
    """Six inputs: four continuous (one a near-copy of another), one integer, one dummy."""
    x = np.empty((n, 6))
    x[:, 0:3] = dyadic(rng.normal(size=(n, 3)) * 2)
    x[:, 3] = dyadic(x[:, 0] + rng.normal(size=n) * 0.5)
    x[:, 4] = rng.integers(0, 5, n)
    x[:, 5] = (rng.random(n) < 0.3).astype(float)
    return x


def sk_params(params):
    out = dict(max_depth=params.get("depth"), min_samples_leaf=params.get("min_leaf", 1),
               min_samples_split=params.get("min_split", 2), min_impurity_decrease=params.get("min_gain", 0.0))
    if "criterion" in params:
        out["criterion"] = params["criterion"]
    return out


def tree_case(kind, params, x, y, x_test, weights=None):
    model_type = DecisionTreeClassifier if kind == "classification" else DecisionTreeRegressor
    runs = []
    for state in RANDOM_STATES:
        model = model_type(random_state=state, **sk_params(params)).fit(x, y, sample_weight=weights)
        prediction = model.predict_proba(x_test) if kind == "classification" else model.predict(x_test)
        runs.append((model, np.asarray(prediction, dtype=float).reshape(len(x_test), -1)))
    first_model, first = runs[0]
    alternatives = []
    for row in range(len(x_test)):
        seen = []
        for _, prediction in runs:
            if not any(np.array_equal(prediction[row], s) for s in seen):
                seen.append(prediction[row])
        alternatives.append([s.tolist() for s in seen])
    same_importances = all(np.array_equal(m.feature_importances_, first_model.feature_importances_) for m, _ in runs)
    return {
        "parameters": params,
        "alternatives": alternatives,
        "stable_rows": sum(len(a) == 1 for a in alternatives),
        "depth": int(first_model.get_depth()),
        "leaves": int(first_model.get_n_leaves()),
        "importances": first_model.feature_importances_.tolist() if same_importances else None,
    }


def tree_fixture(name, kind, x, y, x_test, cases, classes=None):
    data = {"rows": len(x), "columns": x.shape[1], "x": x.T.ravel().tolist(), "y": y.tolist(),
            "test_rows": len(x_test), "x_test": x_test.T.ravel().tolist(), "classes": classes,
            "cases": cases}
    with open(f"{name}.json", "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print(name, [(c["parameters"], c["stable_rows"], c["leaves"], c["importances"] is not None) for c in cases])


def classification_fixtures(rng):
    for name, classes in (("tree_binary", 2), ("tree_three_classes", 3)):
        x, x_test = features(rng, 400), features(rng, 200)
        score = x[:, 0] - 0.7 * x[:, 1] * x[:, 2] / 2 + 0.6 * x[:, 4] - 1.2 * x[:, 5] + rng.normal(size=400)
        y = np.digitize(score, np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1])).astype(float)
        weights = rng.choice([0, 0.5, 1, 1.5, 2, 3], size=400, p=[0.1, 0.2, 0.3, 0.2, 0.1, 0.1])
        cases = [tree_case("classification", p, x, y, x_test) for p in (
            {}, {"depth": 3}, {"depth": 6, "min_leaf": 5}, {"min_split": 20}, {"criterion": "entropy", "depth": 5},
            {"min_gain": 0.01})]
        cases.append(tree_case("classification", {"depth": 5}, x, y, x_test, weights))
        cases[-1]["weights"] = weights.tolist()
        tree_fixture(name, "classification", x, y, x_test, cases, [f"class{k}" for k in range(classes)])


def regression_fixture(rng):
    x, x_test = features(rng, 400), features(rng, 200)
    y = dyadic(np.sin(x[:, 0]) * 3 + x[:, 1] * x[:, 4] / 2 - 2 * x[:, 5] + rng.normal(size=400), 8)
    weights = rng.choice([0, 0.5, 1, 2], size=400, p=[0.1, 0.3, 0.4, 0.2])
    cases = [tree_case("regression", p, x, y, x_test) for p in ({}, {"depth": 4}, {"min_leaf": 8}, {"min_gain": 0.05})]
    cases.append(tree_case("regression", {"depth": 6}, x, y, x_test, weights))
    cases[-1]["weights"] = weights.tolist()
    tree_fixture("tree_regression", "regression", x, y, x_test, cases)


def forest_fixture(rng):
    """2,000 training and 1,000 test rows, 100 trees; scikit-learn's scores over 5 seeds give the margin."""
    n, n_test = 2000, 1000
    x = features(rng, n + n_test)
    signal = x[:, 0] - 0.5 * x[:, 1] ** 2 / 4 + 0.4 * x[:, 2] * x[:, 4] / 2 - x[:, 5]
    labels = (rng.random(n + n_test) < 1 / (1 + np.exp(-signal))).astype(float)
    values = dyadic(signal * 2 + rng.normal(size=n + n_test), 8)
    out = {"rows": n, "test_rows": n_test, "columns": x.shape[1],
           "x": x[:n].T.ravel().tolist(), "x_test": x[n:].T.ravel().tolist(),
           "labels": labels[:n].tolist(), "labels_test": labels[n:].tolist(),
           "values": values[:n].tolist(), "values_test": values[n:].tolist()}
    # Regression trees grow to single rows by default; min_leaf 5 keeps the debug-build test fast.
    for kind, model_type, y, params, score in (
            ("classification", RandomForestClassifier, labels, {},
             lambda m, xt, yt: roc_auc_score(yt, m.predict_proba(xt)[:, 1])),
            ("regression", RandomForestRegressor, values, {"min_leaf": 5},
             lambda m, xt, yt: r2_score(yt, m.predict(xt)))):
        tests, oobs = [], []
        for state in range(5):
            model = model_type(n_estimators=100, oob_score=True, random_state=state, n_jobs=2,
                               min_samples_leaf=params.get("min_leaf", 1)).fit(x[:n], y[:n])
            tests.append(score(model, x[n:], y[n:]))
            oobs.append(model.oob_score_)
        out[kind] = {"parameters": params, "test_scores": tests, "oob_scores": oobs}
        print(kind, "test", np.round(tests, 4), "oob", np.round(oobs, 4))
    with open("forest.json", "w") as f:
        json.dump(out, f, separators=(",", ":"))


if __name__ == "__main__":
    rng = np.random.default_rng(20240601)
    classification_fixtures(rng)
    regression_fixture(rng)
    forest_fixture(rng)
