"""Reference values for the svm tests, computed once with scikit-learn.

Made with Python 3.11, scikit-learn 1.9.1, numpy 2.4.6. To rerun from this folder:

    python3 -m venv /tmp/venv-svm && /tmp/venv-svm/bin/pip install scikit-learn numpy
    /tmp/venv-svm/bin/python make_fixtures.py

- linear_svc.json: 200 training rows, 5 inputs (one a 0/1 dummy), labels from a noisy linear rule.
  mlm's svm standardizes its inputs, so the reference is LinearSVC on StandardScaler's output
  (population standard deviation, as mlm). Each case holds the primal objective
  ½‖w‖² + ½b² + Σ Cᵢ loss (liblinear penalises the intercept) at LinearSVC's solution with a
  very tight tolerance; mlm's solver must reach the same value to ~1e-4 (or a lower one where
  liblinear reports it did not converge: `sklearn_converged`).
  Also 200 test rows and the test ROC-AUC of CalibratedClassifierCV(LinearSVC(), "sigmoid", cv=5).
- platt.json: decision values and labels, and sklearn's _sigmoid_calibration (a, b), with and
  without sample weights.
"""
import json
import numpy as np
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

rng = np.random.default_rng(7)


def table(n):
    x = rng.normal(size=(n, 5)) * [1.0, 3.0, 0.5, 10.0, 1.0] + [0.0, 5.0, -1.0, 100.0, 0.0]
    x[:, 4] = (rng.random(n) < 0.4).astype(float)
    logit = 1.2 * x[:, 0] - 0.4 * (x[:, 1] - 5) + 0.05 * (x[:, 3] - 100) + 0.8 * x[:, 4] - 0.3
    y = (logit + rng.normal(size=n) > 0).astype(int)
    return x, y


def objective(xs, y, coef, intercept, c, loss, weights):
    margin = (2 * y - 1) * (xs @ coef + intercept)
    slack = np.maximum(0, 1 - margin)
    per_row = slack if loss == "hinge" else slack ** 2
    return 0.5 * (coef @ coef + intercept ** 2) + np.sum(c * weights * per_row)


x, y = table(200)
x_test, y_test = table(200)
scaler = StandardScaler().fit(x)
xs = scaler.transform(x)
weights = np.where(y == 1, 2.0, 1.0) * (1 + (np.arange(200) % 3 == 0))
cases = []
for loss, c, weighted in [("squared_hinge", 0.5, False), ("hinge", 0.5, False), ("squared_hinge", 2.0, True), ("hinge", 0.1, True)]:
    w = weights if weighted else np.ones(200)
    model = LinearSVC(C=c, loss=loss, dual=(loss == "hinge"), tol=1e-12, max_iter=1_000_000)
    model.fit(xs, y, sample_weight=w)
    cases.append({
        "loss": loss, "c": c, "weighted": weighted,
        "objective": float(objective(xs, y, model.coef_[0], model.intercept_[0], c, loss, w)),
        "coefficients": model.coef_[0].tolist() + [float(model.intercept_[0])],
        "sklearn_converged": bool(model.n_iter_ < 1_000_000),
    })

calibrated = CalibratedClassifierCV(LinearSVC(C=1.0), method="sigmoid",
                                    cv=StratifiedKFold(5, shuffle=True, random_state=0))
calibrated.fit(xs, y)
auc = roc_auc_score(y_test, calibrated.predict_proba(scaler.transform(x_test))[:, 1])

with open("linear_svc.json", "w") as f:
    json.dump({"x": x.T.tolist(), "y": y.tolist(), "weights": weights.tolist(),
               "x_test": x_test.T.tolist(), "y_test": y_test.tolist(),
               "names": ["a", "b", "c", "d", "e"], "cases": cases, "calibrated_test_auc": float(auc)}, f, indent=1)

scores = np.round(rng.normal(size=40) * 1.5 + np.repeat([-0.5, 0.8], 20), 3)
labels = np.repeat([0, 1], 20)
labels[[3, 11, 25, 33]] = 1 - labels[[3, 11, 25, 33]]
platt_weights = np.round(rng.uniform(0.5, 2.0, size=40), 2)
a, b = _sigmoid_calibration(scores, labels)
aw, bw = _sigmoid_calibration(scores, labels, sample_weight=platt_weights)
with open("platt.json", "w") as f:
    json.dump({"scores": scores.tolist(), "labels": labels.tolist(), "weights": platt_weights.tolist(),
               "a": float(a), "b": float(b), "a_weighted": float(aw), "b_weighted": float(bw)}, f, indent=1)
