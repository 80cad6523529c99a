"""Makes the segmentation fixtures with scikit-learn (run once; the JSON files are checked in).

Versions used: Python 3, numpy, scikit-learn (printed into each file as "sklearn").
Rerun: python3 -m venv /tmp/v && /tmp/v/bin/pip install scikit-learn numpy &&
       /tmp/v/bin/python make_fixtures.py   (from this folder)

- kmeans.json: 300 points in 4 features (3 blobs + noise), standardized with StandardScaler;
  KMeans(n_clusters=k, n_init=10, max_iter=300, tol=1e-4, random_state=0) inertia for k = 2..6
  on the standardized points.
- silhouette.json: 120 points, 3 features, labels from KMeans k=4, silhouette_score exact.
- dbscan.json: 250 points in 2 features (two moons + uniform noise), DBSCAN labels for
  several (eps, min_samples).
"""
import json
import numpy as np
import sklearn
from sklearn.cluster import KMeans, DBSCAN
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def dump(name, payload):
    payload["sklearn"] = sklearn.__version__
    with open(name, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def kmeans_fixture():
    x, _ = make_blobs(n_samples=300, n_features=4, centers=3, cluster_std=[1.0, 2.0, 0.7], random_state=11)
    x[:, 1] *= 100  # a feature in much larger units, so standardization matters
    z = StandardScaler().fit_transform(x)
    cases = []
    for k in range(2, 7):
        km = KMeans(n_clusters=k, n_init=10, max_iter=300, tol=1e-4, random_state=0).fit(z)
        cases.append({"k": k, "inertia": float(km.inertia_)})
    dump("kmeans.json", {"rows": x.shape[0], "columns": x.shape[1], "x": x.ravel().tolist(),
                         "means": x.mean(axis=0).tolist(), "deviations": x.std(axis=0).tolist(), "cases": cases})


def silhouette_fixture():
    x, _ = make_blobs(n_samples=120, n_features=3, centers=4, cluster_std=1.5, random_state=5)
    labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(x)
    labels[0] = 3  # one point in a far cluster: negative silhouette for it
    dump("silhouette.json", {"rows": x.shape[0], "columns": x.shape[1], "x": x.ravel().tolist(),
                             "labels": labels.tolist(), "score": float(silhouette_score(x, labels))})


def dbscan_fixture():
    x, _ = make_moons(n_samples=220, noise=0.07, random_state=3)
    rng = np.random.RandomState(4)
    x = np.vstack([x, rng.uniform(low=[-1.5, -1.0], high=[2.5, 1.5], size=(30, 2))])
    cases = []
    for eps, min_samples in [(0.15, 5), (0.2, 4), (0.1, 3), (0.3, 10), (0.25, 1)]:
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(x)
        cases.append({"eps": eps, "min_samples": min_samples, "labels": labels.tolist()})
    dump("dbscan.json", {"rows": x.shape[0], "columns": x.shape[1], "x": x.ravel().tolist(), "cases": cases})


if __name__ == "__main__":
    kmeans_fixture()
    silhouette_fixture()
    dbscan_fixture()
