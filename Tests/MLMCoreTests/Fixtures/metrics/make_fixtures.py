"""Reference values for MetricsTests: scikit-learn's metrics on seeded random predictions.

Made once with Python 3.11.7, numpy 2.4.6, pandas 3.0.1 (lift tables only) and scikit-learn 1.9.1.
To rerun (the output is deterministic for these versions):

    python3 -m venv /tmp/metrics-venv
    /tmp/metrics-venv/bin/pip install scikit-learn numpy pandas
    /tmp/metrics-venv/bin/python Tests/MLMCoreTests/Fixtures/metrics/make_fixtures.py

Writes binary.json, multiclass.json and regression.json next to this script. Floats are written
with repr, which round-trips exactly, so the Swift side compares against the very doubles
scikit-learn returned.
"""
import json
import os
import warnings
from fractions import Fraction

import numpy as np
import pandas as pd
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))


def f(values):
    return [float(v) for v in values]


def i(values):
    return [int(v) for v in values]


def class_reports(y, predicted, k):
    precision, recall, f1, support = metrics.precision_recall_fscore_support(
        y, predicted, labels=list(range(k)), zero_division=0)
    per_class = [{"precision": float(p), "recall": float(r), "f1": float(s), "support": int(n)}
                 for p, r, s, n in zip(precision, recall, f1, support)]
    averages = {}
    for average in ("macro", "weighted"):
        p, r, s, _ = metrics.precision_recall_fscore_support(
            y, predicted, labels=list(range(k)), average=average, zero_division=0)
        averages[average] = {"precision": float(p), "recall": float(r), "f1": float(s),
                             "support": int(len(y))}
    return per_class, averages


def best_f1_threshold(y, scores):
    """Exact F1 at each distinct threshold; the highest threshold wins ties."""
    positives = int(y.sum())
    best, best_f1 = None, Fraction(-1)
    for t in sorted(set(scores.tolist()), reverse=True):
        called = scores >= t
        tp = int((called & (y == 1)).sum())
        fp = int((called & (y != 1)).sum())
        f1 = Fraction(2 * tp, tp + fp + positives)
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def threshold_for_recall(y, scores, target):
    """Highest precision among thresholds with recall >= target; the lowest threshold wins ties."""
    positives = int(y.sum())
    best, best_precision = None, Fraction(-1)
    for t in sorted(set(scores.tolist()), reverse=True):
        called = scores >= t
        tp = int((called & (y == 1)).sum())
        if tp / positives < target:
            continue
        precision = Fraction(tp, int(called.sum()))
        if precision >= best_precision:
            best, best_precision = t, precision
    return best


def lift_table(y, scores, groups):
    rank = pd.Series(-scores).rank(method="first")
    group = pd.qcut(rank, groups, labels=False).to_numpy() + 1
    # The Swift side cuts ranks with exact arithmetic; pandas' float cut points agree unless a
    # rank falls exactly on one, which the case sizes below avoid. Check it here.
    n = len(y)
    exact = [max(1, -(-(r - 1) * groups // (n - 1))) for r in rank.astype(int)]
    assert list(group) == exact, "pick a row count where no rank sits on a qcut edge"
    overall = y.mean()
    rows, cumulative_rows, cumulative_positives = [], 0, 0
    for g in range(1, groups + 1):
        members = y[group == g]
        cumulative_rows += len(members)
        cumulative_positives += int(members.sum())
        rows.append({
            "group": g, "rows": len(members), "positives": int(members.sum()),
            "rate": float(members.mean()), "lift": float(members.mean() / overall),
            "cumulativeRows": cumulative_rows, "cumulativePositives": cumulative_positives,
            "cumulativeGain": float(cumulative_positives / y.sum()),
            "cumulativeLift": float((cumulative_positives / cumulative_rows) / overall),
        })
    return rows


def binary_case(name, y, scores, rng):
    predicted = (scores >= 0.5).astype(int)
    weights = rng.uniform(0.1, 3.0, len(y))
    per_class, averages = class_reports(y, predicted, 2)
    fpr, tpr, roc_thresholds = metrics.roc_curve(y, scores)
    precision, recall, pr_thresholds = metrics.precision_recall_curve(y, scores)
    assert np.isinf(roc_thresholds[0])
    return {
        "name": name, "labels": i(y), "scores": f(scores), "predicted": i(predicted),
        "weights": f(weights),
        "accuracy": metrics.accuracy_score(y, predicted),
        "weightedAccuracy": metrics.accuracy_score(y, predicted, sample_weight=weights),
        "confusionMatrix": metrics.confusion_matrix(y, predicted, labels=[0, 1]).tolist(),
        "perClass": per_class, "macro": averages["macro"], "weighted": averages["weighted"],
        "rocAUC": metrics.roc_auc_score(y, scores),
        "averagePrecision": metrics.average_precision_score(y, scores),
        "logLoss": metrics.log_loss(y, np.column_stack([1 - scores, scores]), labels=[0, 1]),
        "brierScore": metrics.brier_score_loss(y, scores),
        # thresholds[0] is +infinity, which JSON cannot hold; the test checks it separately.
        "rocCurve": {"fpr": f(fpr), "tpr": f(tpr), "thresholds": f(roc_thresholds[1:])},
        "prCurve": {"precision": f(precision), "recall": f(recall), "thresholds": f(pr_thresholds)},
        "bestF1Threshold": best_f1_threshold(y, scores),
        "recallTarget": 0.8,
        "thresholdForRecall": threshold_for_recall(y, scores, 0.8),
        "liftTable": lift_table(y, scores, 10),
    }


def multiclass_case(name, y, probabilities, predicted):
    k = probabilities.shape[1]
    per_class, averages = class_reports(y, predicted, k)
    return {
        "name": name, "classCount": k, "labels": i(y), "probabilities": f(probabilities.ravel()),
        "predicted": i(predicted),
        "accuracy": metrics.accuracy_score(y, predicted),
        "confusionMatrix": metrics.confusion_matrix(y, predicted, labels=list(range(k))).tolist(),
        "perClass": per_class, "macro": averages["macro"], "weighted": averages["weighted"],
        "logLoss": metrics.log_loss(y, probabilities, labels=list(range(k))),
        "rocAUC": metrics.roc_auc_score(y, probabilities, multi_class="ovr", average="macro",
                                        labels=list(range(k))),
    }


def regression_case(name, actual, predicted):
    return {
        "name": name, "actual": f(actual), "predicted": f(predicted),
        "meanSquaredError": metrics.mean_squared_error(actual, predicted),
        "rootMeanSquaredError": metrics.root_mean_squared_error(actual, predicted),
        "meanAbsoluteError": metrics.mean_absolute_error(actual, predicted),
        "r2Score": metrics.r2_score(actual, predicted),
        "meanAbsolutePercentageError": metrics.mean_absolute_percentage_error(actual, predicted),
    }


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def binary_cases(rng):
    cases = []
    # Scores rounded to two places: many ties, including ties across the two classes.
    y = (rng.uniform(size=300) < 0.4).astype(int)
    scores = np.round(np.clip(rng.normal(0.45 + 0.2 * y, 0.2), 0, 1), 2)
    cases.append(binary_case("ties", y, scores, rng))
    # About 6% positives, continuous scores, a few exactly 0 and 1 (log loss clipping).
    y = (rng.uniform(size=400) < 0.06).astype(int)
    scores = 1 / (1 + np.exp(-(rng.normal(size=400) + 1.5 * y - 2.5)))
    scores[[3, 50, 200]] = [0.0, 1.0, 1.0]
    cases.append(binary_case("imbalanced", y, scores, rng))
    # Only ten distinct scores: long runs of ties.
    y = (rng.uniform(size=250) < 0.3).astype(int)
    scores = np.round(rng.uniform(size=250) * 0.6 + 0.3 * y, 1)
    cases.append(binary_case("coarse", y, scores, rng))
    return cases


def multiclass_cases(rng):
    cases = []
    y = rng.integers(0, 3, size=240)
    logits = rng.normal(size=(240, 3)) + 1.2 * np.eye(3)[y]
    probabilities = softmax(logits)
    cases.append(multiclass_case("three", y, probabilities, probabilities.argmax(axis=1)))
    # Four classes, one rare; the model never predicts class 3 (zero_division), and some
    # probabilities are rounded to exactly 0 (log loss clipping) with ties in the columns.
    y = rng.choice(4, size=300, p=[0.4, 0.3, 0.25, 0.05])
    logits = rng.normal(size=(300, 4)) + 1.0 * np.eye(4)[y]
    probabilities = np.round(softmax(2.5 * logits), 3)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    predicted = probabilities[:, :3].argmax(axis=1)
    cases.append(multiclass_case("four_rare", y, probabilities, predicted))
    return cases


def regression_cases(rng):
    actual = rng.normal(50, 20, size=200)
    predicted = actual + rng.normal(0, 8, size=200)
    cases = [regression_case("normal", actual, predicted)]
    # Counts with zeros: MAPE divides by the epsilon guard there.
    actual = rng.poisson(2.0, size=150).astype(float)
    predicted = np.clip(actual + rng.normal(0, 1.2, size=150), 0, None)
    cases.append(regression_case("counts_with_zeros", actual, predicted))
    # A poor model: R² below zero.
    actual = rng.uniform(0, 10, size=120)
    predicted = rng.uniform(0, 10, size=120)
    cases.append(regression_case("worse_than_mean", actual, predicted))
    return cases


def main():
    warnings.simplefilter("error")  # a metric that warns would be an undefined case: fail loudly
    rng = np.random.default_rng(20240531)
    for name, cases in (("binary", binary_cases(rng)), ("multiclass", multiclass_cases(rng)),
                        ("regression", regression_cases(rng))):
        with open(os.path.join(HERE, name + ".json"), "w") as out:
            json.dump(cases, out, separators=(",", ":"))
            out.write("\n")


if __name__ == "__main__":
    main()
