"""Reference results of LightGBM for the gradient boosting tests (GradientBoostingFixtureTests).

Made once with Python 3, numpy 2.3.5, lightgbm 4.7.0 (scikit-learn 1.9.1 for the metrics). Rerun:
    python3 -m venv /tmp/v && /tmp/v/bin/pip install numpy==2.3.5 scikit-learn==1.9.1 lightgbm==4.7.0
    /tmp/v/bin/python make_fixtures.py
Writes binary.json, regression.json and multiclass.json next to this script: a few hundred
synthetic rows with missing numbers and one category input, LightGBM's settings, and its test
ROC-AUC / RMSE / accuracy. The Swift tests train gradient_boosting with the same settings and
expect a score close to LightGBM's (not bit-equal: bin edges and tie-breaking differ).
"""
import json
import os

import lightgbm as lgb
import numpy as np
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN, TEST = 400, 200
SETTINGS = dict(num_leaves=15, learning_rate=0.1, n_estimators=60, min_child_samples=20,
                min_child_weight=1e-3, reg_lambda=1.0, max_bin=255, subsample=1.0, colsample_bytree=1.0,
                verbose=-1, deterministic=True, force_col_wise=True, num_threads=1)
OURS = dict(leaves=15, rate=0.1, trees=60, min_samples_leaf=20, min_hessian=1e-3, l2=1.0, max_bins=255)


def inputs(rng, n):
    """Three numbers (one with 15% missing), one category with 6 levels (5% missing)."""
    a = rng.normal(size=n)
    b = rng.uniform(-2, 2, size=n)
    c = rng.exponential(size=n)
    level = rng.integers(0, 6, size=n).astype(float)
    a_seen = a.copy()
    a_seen[rng.uniform(size=n) < 0.15] = np.nan
    level_seen = level.copy()
    level_seen[rng.uniform(size=n) < 0.05] = np.nan
    return np.column_stack([a_seen, b, c, level_seen]), a, b, c, level


def signal(a, b, c, level, x):
    effect = np.array([-1.0, 0.5, 1.5, -0.5, 1.0, 0.0])[level.astype(int)]
    # Missing 'a' carries signal of its own, so routing missing values matters.
    a_term = np.where(np.isnan(x[:, 0]), 1.2, np.sin(2 * a))
    return a_term + 0.8 * b * (b > 0) - 0.6 * c + effect


def payload(x, x_test, target, target_test, extra):
    return dict(rows=len(x), test_rows=len(x_test), columns=x.shape[1], category_counts=[0, 0, 0, 6],
                names=["a", "b", "c", "level"],
                x=[None if np.isnan(v) else float(v) for v in x.T.ravel()],
                x_test=[None if np.isnan(v) else float(v) for v in x_test.T.ravel()],
                target=[float(v) for v in target], target_test=[float(v) for v in target_test],
                lightgbm_settings={k: v for k, v in SETTINGS.items()}, mlm_settings=OURS, **extra)


def write(name, data):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")


def main():
    rng = np.random.default_rng(7)
    x, a, b, c, level = inputs(rng, TRAIN + TEST)
    f = signal(a, b, c, level, x)
    fit = lambda model, y: model.fit(x[:TRAIN], y[:TRAIN], categorical_feature=[3])

    y = (f + rng.logistic(scale=0.7, size=len(f)) > 0).astype(int)
    m = fit(lgb.LGBMClassifier(**SETTINGS), y)
    auc = roc_auc_score(y[TRAIN:], m.predict_proba(x[TRAIN:])[:, 1])
    write("binary.json", payload(x[:TRAIN], x[TRAIN:], y[:TRAIN], y[TRAIN:], dict(lightgbm_auc=auc)))

    v = 3 * f + rng.normal(scale=1.0, size=len(f))
    m = fit(lgb.LGBMRegressor(**SETTINGS), v)
    rmse = mean_squared_error(v[TRAIN:], m.predict(x[TRAIN:])) ** 0.5
    write("regression.json", payload(x[:TRAIN], x[TRAIN:], v[:TRAIN], v[TRAIN:], dict(lightgbm_rmse=rmse)))

    k = np.digitize(f + rng.normal(scale=0.5, size=len(f)), np.quantile(f, [1 / 3, 2 / 3]))
    m = fit(lgb.LGBMClassifier(**SETTINGS), k)
    acc = accuracy_score(k[TRAIN:], m.predict(x[TRAIN:]))
    write("multiclass.json", payload(x[:TRAIN], x[TRAIN:], k[:TRAIN], k[TRAIN:], dict(lightgbm_accuracy=acc)))
    print(f"binary AUC {auc:.4f}  regression RMSE {rmse:.4f}  multiclass accuracy {acc:.4f}")


if __name__ == "__main__":
    main()
