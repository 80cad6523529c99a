"""Reference values for the neural_network tests.

Made with Python 3.11, numpy 2.4.6, scikit-learn 1.9.1. To rerun from this folder:

    python3 -m venv /tmp/venv-neural && /tmp/venv-neural/bin/pip install scikit-learn numpy
    /tmp/venv-neural/bin/python make_fixtures.py

- step.json: one forward pass, the gradient and one Adam step of a small network, written out in
  numpy after sklearn's formulas (_backprop, _compute_loss_grad, AdamOptimizer): loss = weighted
  mean log loss + ½·alpha·Σ‖W‖² / Σweights, gradient (aᵀδ + alpha·W) / Σweights. Weights are
  float32 values (mlm trains in float32) stored as doubles; the arithmetic here is float64.
  Parameters are flattened as mlm stores them: per layer the fan_in × fan_out weights row by row,
  then the intercepts.
- accuracy.json: a two-moons-like table (400 training rows, 300 test rows) and the test ROC-AUC
  of MLPClassifier(hidden_layer_sizes=(16,), learning_rate_init=0.01, max_iter=100), mean over
  five random states, on standardized inputs.
"""
import json
import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(11)


def network(units):
    layers = []
    for fan_in, fan_out in zip(units[:-1], units[1:]):
        bound = np.sqrt(6 / (fan_in + fan_out))
        w = rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32).astype(float)
        b = rng.uniform(-bound, bound, fan_out).astype(np.float32).astype(float)
        layers.append((w, b))
    return layers


def flat(layers):
    return np.concatenate([np.concatenate([w.ravel(), b]) for w, b in layers]).tolist()


def step_case(units, output, rows, weighted, alpha=0.01, rate=0.01):
    layers = network(units)
    x = rng.normal(size=(rows, units[0])).astype(np.float32).astype(float)
    classes = units[-1] if output == "softmax" else 2
    labels = rng.integers(0, classes, rows)
    weights = rng.uniform(0.5, 2, rows).astype(np.float32).astype(float) if weighted else np.ones(rows)
    activations = [x]
    for i, (w, b) in enumerate(layers):
        z = activations[-1] @ w + b
        activations.append(np.maximum(z, 0) if i < len(layers) - 1 else z)
    z = activations[-1]
    if output == "logistic":
        p = 1 / (1 + np.exp(-z))
        target = labels[:, None].astype(float)
        per_row = -(target * np.log(p) + (1 - target) * np.log(1 - p))[:, 0]
    else:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        target = np.eye(classes)[labels]
        per_row = -np.log(p[np.arange(rows), labels])
    total = weights.sum()
    loss = (weights * per_row).sum() / total + 0.5 * alpha * sum((w ** 2).sum() for w, _ in layers) / total
    delta = (p - target) * weights[:, None]
    grads = [None] * len(layers)
    for i in range(len(layers) - 1, -1, -1):
        w, _ = layers[i]
        grads[i] = ((activations[i].T @ delta + alpha * w) / total, delta.sum(axis=0) / total)
        if i > 0:
            delta = (delta @ w.T) * (activations[i] > 0)
    gradient = np.array(flat(grads))
    params = np.array(flat(layers))
    m = 0.1 * gradient
    v = 0.001 * gradient ** 2
    step = rate * np.sqrt(1 - 0.999) / (1 - 0.9)
    updated = params - step * m / (np.sqrt(v) + 1e-8)
    return {"units": units, "output": output, "alpha": alpha, "rate": rate,
            "x": x.ravel().tolist(), "labels": labels.tolist(), "weights": weights.tolist(),
            "parameters": params.tolist(), "outputs": z.ravel().tolist(), "loss": float(loss),
            "gradient": gradient.tolist(), "updated": updated.tolist()}


def moons(n):
    angle = rng.uniform(0, np.pi, n)
    label = rng.integers(0, 2, n)
    x0 = np.where(label == 1, 1 - np.cos(angle), np.cos(angle))
    x1 = np.where(label == 1, 0.5 - np.sin(angle), np.sin(angle))
    x = np.column_stack([x0, x1, rng.normal(size=(n, 2))]) + rng.normal(scale=0.25, size=(n, 4)) * [1, 1, 0, 0]
    x[:, 0] = x[:, 0] * 40 + 100  # raw scales differ: standardization matters
    return x, label


with open("step.json", "w") as f:
    json.dump({"cases": [step_case([3, 4, 3, 1], "logistic", 6, False),
                         step_case([4, 5, 3], "softmax", 7, True)]}, f, indent=1)

x, y = moons(400)
x_test, y_test = moons(300)
scaler = StandardScaler().fit(x)
aucs = []
for state in range(5):
    model = MLPClassifier(hidden_layer_sizes=(16,), learning_rate_init=0.01, max_iter=100, random_state=state)
    model.fit(scaler.transform(x), y)
    aucs.append(roc_auc_score(y_test, model.predict_proba(scaler.transform(x_test))[:, 1]))
with open("accuracy.json", "w") as f:
    json.dump({"x": x.T.tolist(), "y": y.tolist(), "x_test": x_test.T.tolist(), "y_test": y_test.tolist(),
               "names": ["a", "b", "noise1", "noise2"], "test_aucs": aucs}, f, indent=1)
