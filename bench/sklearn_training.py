"""scikit-learn's side of the training tasks: what an analyst would write to do what mlm's
`split` + `train` + `evaluate ... on test` lines do on the benchmark's customer table.

The inputs are encoded the way mlm documents it, so both tools learn from the same features:
- integer, decimal and true/false columns and the two date columns (as day numbers) are numbers;
  a missing cell gets the training median, plus a 0/1 "is missing" input when the training rows
  had missing cells;
- text columns become one 0/1 input per level seen in the training rows (sorted); a text column
  with more than 100 levels (coupon_code, nearly every value distinct) is left out, as mlm leaves
  out text columns. customer_id is an integer and stays an input, as in mlm.

The split is 80/20, stratified by the target, random_state 42. Its rows differ from mlm's seeded
split (different generators), which is fine for timing; the test AUC should be close.

Gradient boosting (LightGBM, XGBoost, scikit-learn's HistGradientBoostingClassifier) gets the
native inputs mlm's gradient_boosting gets instead: numbers with NaN kept, and each text column
with at most 100 training levels as one categorical column (levels sorted, unseen ones missing).
All three use the settings of the mlm script in tasks.py: 100 rounds, 31 leaves grown best-first,
learning rate 0.1, at least 20 rows per leaf, no L2, 255 bins, 2 threads.

Prints the row count first (the harness checks it), then `fit seconds S` (wall time of `.fit()`
alone, measured here) and `test AUC A`.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

TARGET = "churned"
POSITIVE = "yes"
DATE_COLUMNS = ["signup_date", "last_order"]
MAXIMUM_LEVELS = 100  # mlm's FeatureEncoding.maximumLevels
SPLIT_SEED = 42


def make_model(algorithm: str):
    """The estimators with the settings the mlm scripts in tasks.py use.

    The logistic regression is fitted on standardized inputs, as mlm does internally: on the raw
    inputs (customer_id near 10^6, incomes near 10^5, 0/1 categories) lbfgs stops at max_iter=1000
    without converging, after minutes, so the timing would measure a failed fit."""
    if algorithm == "logistic":
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
    if algorithm == "decision_tree":
        return DecisionTreeClassifier(max_depth=12, random_state=SPLIT_SEED)
    if algorithm == "random_forest":
        return RandomForestClassifier(n_estimators=100, max_depth=12, max_features="sqrt",
                                      n_jobs=2, random_state=SPLIT_SEED)
    if algorithm == "gradient_boosting":  # scikit-learn's own histogram boosting
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, learning_rate=0.1,
                                              min_samples_leaf=20, l2_regularization=0.0, max_bins=255,
                                              early_stopping=False, categorical_features="from_dtype",
                                              random_state=SPLIT_SEED)
    if algorithm == "svm":  # shuffled folds: unshuffled ones follow the file's row order
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.model_selection import StratifiedKFold
        from sklearn.svm import LinearSVC
        folds = StratifiedKFold(5, shuffle=True, random_state=SPLIT_SEED)
        return make_pipeline(StandardScaler(), CalibratedClassifierCV(LinearSVC(C=1.0), method="sigmoid",
                                                                      cv=folds, n_jobs=2))
    if algorithm == "neural_network":
        from sklearn.neural_network import MLPClassifier
        return make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(64, 32), max_iter=10,
                                                             random_state=SPLIT_SEED))
    if algorithm == "lightgbm":
        import lightgbm
        return lightgbm.LGBMClassifier(n_estimators=100, num_leaves=31, learning_rate=0.1, min_child_samples=20,
                                       reg_lambda=0.0, max_bin=255, n_jobs=2, random_state=SPLIT_SEED, verbose=-1)
    if algorithm == "xgboost":
        import xgboost
        return xgboost.XGBClassifier(n_estimators=100, tree_method="hist", grow_policy="lossguide", max_leaves=31,
                                     max_depth=0, learning_rate=0.1, reg_lambda=0.0, max_bin=255, n_jobs=2,
                                     enable_categorical=True, random_state=SPLIT_SEED)
    raise ValueError(f"unknown algorithm '{algorithm}'")


BOOSTING = ("gradient_boosting", "lightgbm", "xgboost")


def training_levels(column: pd.Series, train: np.ndarray) -> list | None:
    """A text column's sorted levels in the training rows, or None when it has more than
    MAXIMUM_LEVELS (mlm leaves such columns out)."""
    levels = pd.unique(column.iloc[train].dropna())
    return sorted(levels) if len(levels) <= MAXIMUM_LEVELS else None


def native_inputs(frame: pd.DataFrame, train: np.ndarray) -> pd.DataFrame:
    """Numbers as they are (NaN for missing), text columns with at most 100 training levels as
    categoricals of their sorted training levels (unseen levels become missing), as mlm's native
    encoding."""
    columns = {}
    for name in frame.columns:
        if name == TARGET:
            continue
        column = frame[name]
        if column.dtype == object:
            levels = training_levels(column, train)
            if levels is not None:
                columns[name] = pd.Categorical(column, categories=levels)
            continue
        columns[name] = column.to_numpy(dtype=float)
    return pd.DataFrame(columns)


def read_table(path: str) -> pd.DataFrame:
    frame = pd.read_csv(path, parse_dates=DATE_COLUMNS)
    for column in DATE_COLUMNS:
        # Day numbers since 1970-01-01, as mlm uses dates; NaT stays missing.
        frame[column] = frame[column].to_numpy("datetime64[D]").astype("int64").astype(float)
        frame.loc[frame[column] < -1e17, column] = np.nan  # NaT became the smallest int64
    return frame


def encoded_blocks(frame: pd.DataFrame, train: np.ndarray) -> list[np.ndarray]:
    """One 2-D block of inputs per source column, learned on the training rows."""
    blocks = []
    for name in frame.columns:
        if name == TARGET:
            continue
        column = frame[name]
        if column.dtype == object:
            levels = training_levels(column, train)
            if levels is None:
                continue
            codes = pd.Categorical(column, categories=levels).codes
            # Missing or unseen levels have code -1 and get zeros everywhere, as in mlm.
            blocks.append((codes[:, None] == np.arange(len(levels))[None, :]).astype(float))
            continue
        values = column.to_numpy(dtype=float)
        missing = np.isnan(values)
        train_values = values[train]
        if not missing[train].any():
            blocks.append(values[:, None])
            continue
        fill = np.median(train_values[~np.isnan(train_values)])
        blocks.append(np.column_stack([np.where(missing, fill, values), missing.astype(float)]))
    return blocks


def main(path: str, algorithm: str) -> None:
    frame = read_table(path)
    print(len(frame))
    y = (frame[TARGET] == POSITIVE).to_numpy().astype(int)
    train, test = train_test_split(np.arange(len(frame)), test_size=0.2, stratify=y, random_state=SPLIT_SEED)
    if algorithm in BOOSTING:
        inputs = native_inputs(frame, train)
        x_train, x_test = inputs.iloc[train], inputs.iloc[test]
    else:
        x = np.hstack(encoded_blocks(frame, train))
        x_train, x_test = x[train], x[test]
    model = make_model(algorithm)
    start = time.perf_counter()
    model.fit(x_train, y[train])
    fit_seconds = time.perf_counter() - start
    scores = model.predict_proba(x_test)[:, 1]
    print(f"inputs {x_train.shape[1]}")
    print(f"fit seconds {fit_seconds:.4f}")
    print(f"test AUC {roc_auc_score(y[test], scores):.6f}")


def wide_logistic(path: str) -> None:
    """The wide tasks (generate_data.py's wide tables, every column a category): the same split,
    one 0/1 input per training level as mlm encodes it, kept sparse (scikit-learn's OneHotEncoder,
    levels sorted, unseen ones all zeros), and LogisticRegression(C=1, max_iter=1000) with lbfgs on
    the raw 0/1 inputs: the objective mlm minimises (it standardizes internally and transforms the
    penalty so the optimum is the same), so the fits should agree, not only the AUCs."""
    from sklearn.preprocessing import OneHotEncoder
    frame = pd.read_csv(path, dtype=str)
    print(len(frame))
    y = (frame.pop("y") == "yes").to_numpy().astype(int)
    train, test = train_test_split(np.arange(len(frame)), test_size=0.2, stratify=y, random_state=SPLIT_SEED)
    encoder = OneHotEncoder(handle_unknown="ignore")
    x_train = encoder.fit_transform(frame.iloc[train])
    x_test = encoder.transform(frame.iloc[test])
    model = LogisticRegression(C=1.0, max_iter=1000)
    start = time.perf_counter()
    model.fit(x_train, y[train])
    fit_seconds = time.perf_counter() - start
    scores = model.predict_proba(x_test)[:, 1]
    print(f"inputs {x_train.shape[1]}")
    print(f"iterations {model.n_iter_[0]}")
    print(f"fit seconds {fit_seconds:.4f}")
    print(f"test AUC {roc_auc_score(y[test], scores):.6f}")

