"""Reference values for the svm regression tests (LinearSVR), computed once with scikit-learn.

Made with Python 3.11.7, scikit-learn 1.9.1, numpy 2.3.5. To rerun from this folder:

    python3 -m venv /tmp/venv-svm && /tmp/venv-svm/bin/pip install scikit-learn numpy
    /tmp/venv-svm/bin/python make_regression_fixtures.py

- linear_svr.json: 300 training rows and 100 test rows, 5 inputs (one a 0/1 dummy), a
  revenue-like target (positive, in the hundreds, skewed noise). mlm's svm standardizes its inputs
  and not the target, so the reference is LinearSVR on StandardScaler's output (population
  standard deviation, as mlm) with the raw target. Each case (loss, C, epsilon) holds LinearSVR's
  coefficients on the standardized inputs, intercept, test predictions and the primal objective
  ½‖w‖² + ½b² + Σ C·loss (liblinear penalises the intercept), solved with a very tight tolerance
  so the unique optimum is what is compared.
"""
import json
import warnings
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVR

rng = np.random.default_rng(11)


def table(n):
    x = rng.normal(size=(n, 5)) * [1.0, 3.0, 0.5, 10.0, 1.0] + [0.0, 5.0, -1.0, 100.0, 0.0]
    x[:, 4] = (rng.random(n) < 0.4).astype(float)
    noise = rng.gamma(2.0, 15.0, size=n) - 30.0
    y = 250 + 40 * x[:, 0] - 6 * (x[:, 1] - 5) + 20 * x[:, 2] + 1.5 * (x[:, 3] - 100) + 35 * x[:, 4] + noise
    return x, np.maximum(y, 1.0)


def objective(xs, y, coef, intercept, c, loss, epsilon):
    excess = np.maximum(0, np.abs(y - (xs @ coef + intercept)) - epsilon)
    per_row = excess if loss == "epsilon_insensitive" else excess ** 2
    return 0.5 * (coef @ coef + intercept ** 2) + np.sum(c * per_row)


x, y = table(300)
x_test, _ = table(100)
scaler = StandardScaler().fit(x)
xs, xs_test = scaler.transform(x), scaler.transform(x_test)
cases = []
for loss, c, epsilon in [("epsilon_insensitive", 0.1, 0.0), ("epsilon_insensitive", 1.0, 0.0), ("epsilon_insensitive", 1.0, 10.0),
                         ("squared_epsilon_insensitive", 0.1, 0.0), ("squared_epsilon_insensitive", 1.0, 0.0),
                         ("squared_epsilon_insensitive", 1.0, 10.0)]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model = LinearSVR(loss=loss, C=c, epsilon=epsilon, dual=loss == "epsilon_insensitive",
                          tol=1e-10, max_iter=1_000_000, random_state=0).fit(xs, y)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    coef, intercept = model.coef_, float(model.intercept_[0])
    cases.append({
        "loss": loss, "c": c, "epsilon": epsilon, "sklearn_converged": converged,
        "coefficients": coef.tolist() + [intercept],
        "objective": float(objective(xs, y, coef, intercept, c, loss, epsilon)),
        "predictions": model.predict(xs_test).tolist(),
    })

with open("linear_svr.json", "w") as f:
    json.dump({"names": ["a", "b", "c", "d", "dummy"], "x": x.T.tolist(), "y": y.tolist(),
               "x_test": x_test.T.tolist(), "cases": cases}, f, indent=1)
for case in cases:
    print(case["loss"], case["c"], case["epsilon"], case["sklearn_converged"], np.round(case["coefficients"], 3), round(case["objective"], 4))
