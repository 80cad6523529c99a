"""scikit-learn's side of `compare` on the benchmark customer table: what an analyst writes to
cross-validate three models with 5 stratified folds on both cores.

    cross_val_score(pipeline, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=42),
                    scoring="roc_auc", n_jobs=2)

Each pipeline starts with an encoder fitted on the fold's training rows only (as mlm encodes each
fold on its own training part): numbers with the training median and a 0/1 "is missing" input
when training rows had missing cells, text columns with at most 100 training levels one-hot
(sorted levels, unseen ones all zeros), dates as day numbers; HistGradientBoosting gets numbers
with NaN kept and those text columns as categoricals, as mlm's gradient_boosting. Settings follow
bench/selection/compare_customers_100k.mlm. The folds differ from mlm's (different generators):
fine for timing, and the mean AUCs should be close.

Prints, per model, the wall seconds of its cross_val_score call and the mean ± sd AUC, then the
total (reading the CSV excluded).
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

TARGET = "churned"
DATE_COLUMNS = ["signup_date", "last_order"]
MAXIMUM_LEVELS = 100


class MlmEncoding(BaseEstimator, TransformerMixin):
    """mlm's encoding, learned in fit (the fold's training rows), applied in transform."""

    def __init__(self, native: bool = False):
        self.native = native

    def fit(self, frame, y=None):
        self.rules_ = []
        for name in frame.columns:
            column = frame[name]
            if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
                levels = sorted(pd.unique(column.dropna()))
                if len(levels) <= MAXIMUM_LEVELS:
                    self.rules_.append((name, "category", levels))
                continue
            values = column.to_numpy(dtype=float)
            missing = np.isnan(values)
            fill = float(np.median(values[~missing])) if (~missing).any() else 0.0
            self.rules_.append((name, "number", (fill, bool(missing.any()))))
        return self

    def transform(self, frame):
        if self.native:
            columns = {}
            for name, kind, rule in self.rules_:
                columns[name] = (pd.Categorical(frame[name], categories=rule) if kind == "category"
                                 else frame[name].to_numpy(dtype=float))
            return pd.DataFrame(columns)
        blocks = []
        for name, kind, rule in self.rules_:
            if kind == "category":
                codes = pd.Categorical(frame[name], categories=rule).codes
                blocks.append((codes[:, None] == np.arange(len(rule))[None, :]).astype(float))
                continue
            values = frame[name].to_numpy(dtype=float)
            missing = np.isnan(values)
            fill, indicator = rule
            blocks.append(np.where(missing, fill, values)[:, None])
            if indicator:
                blocks.append(missing.astype(float)[:, None])
        return np.hstack(blocks)


def models():
    return {
        "logistic": make_pipeline(MlmEncoding(), StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)),
        "random_forest": make_pipeline(MlmEncoding(), RandomForestClassifier(
            n_estimators=100, max_depth=12, max_features="sqrt", n_jobs=1, random_state=42)),
        "gradient_boosting": make_pipeline(MlmEncoding(native=True), HistGradientBoostingClassifier(
            max_iter=100, max_leaf_nodes=31, learning_rate=0.1, min_samples_leaf=20, max_bins=255,
            early_stopping=False, categorical_features="from_dtype", random_state=42)),
    }


def main(path: str) -> None:
    frame = pd.read_csv(path, parse_dates=DATE_COLUMNS)
    for column in DATE_COLUMNS:
        frame[column] = frame[column].to_numpy("datetime64[D]").astype("int64").astype(float)
        frame.loc[frame[column] < -1e17, column] = np.nan
    y = (frame[TARGET] == "yes").astype(int).to_numpy()
    x = frame.drop(columns=[TARGET])
    folds = StratifiedKFold(5, shuffle=True, random_state=42)
    total = 0.0
    for name, model in models().items():
        start = time.perf_counter()
        scores = cross_val_score(model, x, y, cv=folds, scoring="roc_auc", n_jobs=2)
        seconds = time.perf_counter() - start
        total += seconds
        print(f"{name}: {seconds:.2f} s, AUC {scores.mean():.4f} ± {scores.std(ddof=1):.4f}")
    print(f"total: {total:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../data/customers_100k.csv")
