"""Reference values for the linear, nearest-neighbour and naive Bayes tests.

Made once with Python 3.11.7, numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1. To rerun:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn numpy scipy
    /tmp/venv/bin/python Tests/MLMCoreTests/Fixtures/linear/make_fixtures.py

It rewrites binary.json, multiclass.json and regression.json beside this script. Each holds the
training and test inputs (one list per column), the targets, and what scikit-learn predicts.

Solvers used for the references, and why:
- L2 / no penalty: LogisticRegression(solver="newton-cholesky", tol=1e-12). It minimises the same
  objective as lbfgs, but lbfgs on these deliberately unscaled inputs stops early (its ftol) with
  coefficients off in the third digit, so it would be a poor reference.
- L1 / elastic net: sklearn's saga does not get anywhere on unscaled inputs (its step size is
  1 / max row norm², about 1e-10 here; 200 000 epochs leave it far from the optimum) and liblinear
  penalises the intercept. So the reference minimises sklearn's exact objective
      sum_i s_i logloss_i + (1/C) [ (1-r)/2 ||w||^2 + r ||w||_1 ]     (intercept free)
  with scipy L-BFGS-B on split variables w = a - b (a, b >= 0), then polishes it with Newton steps
  on the nonzero coefficients. The script checks the optimality (KKT) conditions of the raw
  problem and compares with liblinear (intercept_scaling=1e4, which makes its intercept penalty
  negligible); both are printed.
"""
import json
import pathlib

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).parent


def columns(x):
    return [list(map(float, x[:, j])) for j in range(x.shape[1])]


def flat(a):
    return list(map(float, np.asarray(a).ravel()))


def balanced_weights(y):
    classes, counts = np.unique(y, return_counts=True)
    per_class = len(y) / (len(classes) * counts)
    return per_class[np.searchsorted(classes, y)]


def binary_data(rng, n):
    age = rng.normal(41, 11, n)
    balance = rng.lognormal(9.5, 0.9, n)
    campaign = rng.poisson(2.5, n) + 1.0
    duration = rng.gamma(2, 150, n)
    d1 = (rng.random(n) < 0.3) * 1.0
    d2 = (rng.random(n) < 0.6) * 1.0
    d3 = (rng.random(n) < 0.1) * 1.0
    small = rng.normal(0, 0.002, n)
    x = np.column_stack([age, balance, campaign, duration, d1, d2, d3, small])
    z = -2 + 0.03 * (age - 41) + 2e-5 * balance - 0.2 * campaign + 0.004 * duration \
        + 0.8 * d1 - 0.5 * d2 + 1.2 * d3 + 150 * small
    y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
    return x, y


def l1_reference(x, y, sw, c, ratio):
    """sklearn's binary elastic-net objective, solved to high precision (see module docstring)."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1
    z = (x - mu) / sd
    p = x.shape[1]

    def objective(v):
        a, b_, b0 = v[:p], v[p:2 * p], v[2 * p]
        w = a - b_
        s = z @ w + b0
        r = sw * (1 / (1 + np.exp(-s)) - y)
        value = np.sum(sw * (np.logaddexp(0, s) - y * s)) \
            + (1 / c) * ((1 - ratio) / 2 * np.sum((w / sd) ** 2) + ratio * np.sum((a + b_) / sd))
        gw = z.T @ r + (1 / c) * (1 - ratio) * w / sd ** 2
        return value, np.r_[gw + (ratio / c) / sd, -gw + (ratio / c) / sd, r.sum()]

    result = minimize(objective, np.zeros(2 * p + 1), jac=True, method="L-BFGS-B",
                      bounds=[(0, None)] * (2 * p) + [(None, None)],
                      options=dict(maxiter=100000, gtol=1e-13, ftol=1e-16, maxcor=30))
    w = (result.x[:p] - result.x[p:2 * p]) / sd
    b = result.x[2 * p] - w @ mu
    return newton_polish(x, y, sw, c, ratio, w, b)


def newton_polish(x, y, sw, c, ratio, w, b):
    active = np.flatnonzero(np.abs(w) > 1e-12 * np.abs(w).max())
    signs = np.sign(w[active])
    xa = np.column_stack([x[:, active], np.ones(len(y))])
    theta = np.r_[w[active], b]
    for _ in range(20):
        s = xa @ theta
        p = 1 / (1 + np.exp(-s))
        g = xa.T @ (sw * (p - y))
        g[:-1] += (1 / c) * ((1 - ratio) * theta[:-1] + ratio * signs)
        h = xa.T @ (xa * (sw * p * (1 - p))[:, None])
        h[np.arange(len(active)), np.arange(len(active))] += (1 - ratio) / c
        theta -= np.linalg.solve(h, g)
    out = np.zeros_like(w)
    out[active] = theta[:-1]
    return out, theta[-1]


def kkt_violation(x, y, sw, c, ratio, w, b):
    """Largest violation of the optimality conditions, per unit of column standard deviation."""
    s = x @ w + b
    g = x.T @ (sw * (1 / (1 + np.exp(-s)) - y)) + (1 / c) * (1 - ratio) * w
    limit = ratio / c
    viol = np.where(w != 0, np.abs(g + limit * np.sign(w)), np.maximum(0, np.abs(g) - limit))
    return float(np.max(viol / x.std(0)))


def logistic_case(x, y, xt, c, ratio=0.0, sw=None, class_weight=None):
    if ratio == 0.0:
        model = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-12, max_iter=1000,
                                   class_weight=class_weight).fit(x, y, sample_weight=sw)
        coef, intercept = model.coef_, model.intercept_
        proba = model.predict_proba(xt)
    else:
        weights = np.ones(len(y)) if sw is None else sw
        w, b = l1_reference(x, y, weights, c, ratio)
        print(f"  l1 reference C={c} ratio={ratio}: KKT violation {kkt_violation(x, y, weights, c, ratio, w, b):.2e}")
        check = LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", intercept_scaling=1e4,
                                   tol=1e-10, max_iter=100000).fit(x, y)
        if ratio == 1.0:
            rel = np.max(np.abs(check.coef_[0] - w) / np.maximum(np.abs(w), 1e-12 + np.abs(w).max() * 1e-9))
            print(f"  liblinear (intercept_scaling 1e4) vs reference: max relative coefficient difference {rel:.1e}")
        coef, intercept = w[None, :], np.array([b])
        s = xt @ w + b
        p1 = 1 / (1 + np.exp(-s))
        proba = np.column_stack([1 - p1, p1])
    return {"c": c, "l1_ratio": ratio, "coefficients": [flat(r) for r in coef],
            "intercepts": flat(intercept), "probabilities": flat(proba)}


def knn_classes(x, y, xt, k, weights):
    model = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute"))
    return {"k": k, "weights": weights, "probabilities": flat(model.fit(x, y).predict_proba(xt))}


def naive_bayes(x, y, xt, sw=None):
    return {"probabilities": flat(GaussianNB().fit(x, y, sample_weight=sw).predict_proba(xt))}


def make_binary(rng):
    x, y = binary_data(rng, 400)
    x, xt, y, yt = x[:300], x[300:], y[:300], y[300:]
    sw = balanced_weights(y)
    print("binary: positive share", y.mean())
    cases = {
        "l2_c1": logistic_case(x, y, xt, 1.0),
        "l2_c01": logistic_case(x, y, xt, 0.1),
        "l1_c05": logistic_case(x, y, xt, 0.5, ratio=1.0),
        "elasticnet_c05": logistic_case(x, y, xt, 0.5, ratio=0.5),
        "l2_balanced": logistic_case(x, y, xt, 1.0, class_weight="balanced"),
    }
    return {"names": ["age", "balance", "campaign", "duration", "d1", "d2", "d3", "small"],
            "x_train": columns(x), "y_train": list(map(int, y)), "x_test": columns(xt),
            "balanced_weights": flat(sw), "logistic": cases,
            "naive_bayes": naive_bayes(x, y, xt), "naive_bayes_balanced": naive_bayes(x, y, xt, sw),
            "knn": [knn_classes(x, y, xt, 5, "uniform"), knn_classes(x, y, xt, 7, "distance")]}


def make_multiclass(rng):
    n = 300
    income = rng.normal(52000, 15000, n)
    age = rng.normal(40, 12, n)
    visits = rng.poisson(4, n) * 1.0
    member = (rng.random(n) < 0.4) * 1.0
    score = rng.random(n)
    x = np.column_stack([income, age, visits, member, score])
    logits = np.column_stack([np.zeros(n), -1 + 4e-5 * (income - 52000) + 0.3 * visits - 1.0 * member,
                              0.5 - 0.04 * (age - 40) + 2.0 * score - 0.1 * visits])
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in p])
    x, xt, y = x[:240], x[240:], y[:240]
    model = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(x, y)
    print("multiclass: class counts", np.bincount(y))
    return {"names": ["income", "age", "visits", "member", "score"], "classes": ["a", "b", "c"],
            "x_train": columns(x), "y_train": list(map(int, y)), "x_test": columns(xt),
            "logistic": {"c": 1.0, "coefficients": [flat(r) for r in model.coef_],
                         "intercepts": flat(model.intercept_), "probabilities": flat(model.predict_proba(xt))},
            "naive_bayes": naive_bayes(x, y, xt),
            "knn": [knn_classes(x, y, xt, 5, "uniform"), knn_classes(x, y, xt, 4, "distance")]}


def regression_case(model, x, y, xt, sw=None):
    model.fit(x, y, sample_weight=sw)
    return {"coefficients": flat(model.coef_), "intercept": float(model.intercept_), "predictions": flat(model.predict(xt))}


def make_regression(rng):
    n = 250
    sqft = rng.normal(1500, 450, n)
    rooms = rng.integers(1, 7, n) * 1.0
    age = rng.uniform(0, 80, n)
    region = rng.integers(0, 3, n)
    north, south, west = [(region == r) * 1.0 for r in range(3)]
    y = 20000 + 110 * sqft + 5000 * rooms - 300 * age + 15000 * north - 8000 * west + rng.normal(0, 20000, n)
    x = np.column_stack([sqft, rooms, age, north, west])
    collinear = np.column_stack([sqft, rooms, age, north, south, west])
    tr, te = slice(0, 200), slice(200, None)
    sw = rng.uniform(0.5, 2.0, 200)
    knn = lambda k, w: {"k": k, "weights": w, "predictions": flat(make_pipeline(
        StandardScaler(), KNeighborsRegressor(n_neighbors=k, weights=w, algorithm="brute")).fit(x[tr], y[tr]).predict(x[te]))}
    return {"names": ["sqft", "rooms", "age", "north", "west"],
            "x_train": columns(x[tr]), "y_train": flat(y[tr]), "x_test": columns(x[te]),
            "sample_weights": flat(sw),
            "linear": regression_case(LinearRegression(), x[tr], y[tr], x[te]),
            "ridge_1": regression_case(Ridge(alpha=1.0, solver="cholesky"), x[tr], y[tr], x[te]),
            "ridge_1000_weighted": regression_case(Ridge(alpha=1000.0, solver="cholesky"), x[tr], y[tr], x[te], sw),
            "collinear_names": ["sqft", "rooms", "age", "north", "south", "west"],
            "collinear_x_train": columns(collinear[tr]), "collinear_x_test": columns(collinear[te]),
            "collinear_linear": regression_case(LinearRegression(), collinear[tr], y[tr], collinear[te]),
            "knn": [knn(5, "uniform"), knn(3, "distance")]}


def main():
    rng = np.random.default_rng(20261125)
    for name, data in [("binary", make_binary(rng)), ("multiclass", make_multiclass(rng)),
                       ("regression", make_regression(rng))]:
        (HERE / f"{name}.json").write_text(json.dumps(data, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
