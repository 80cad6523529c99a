"""Segmentation benchmark: scikit-learn and pandas side of bench/segmentation/run.

  python bench.py data FOLDER          writes kmeans.bin, dbscan.bin (seeded synthetic points)
  python bench.py compare FOLDER SWIFT_OUTPUT RETAIL_CSV   times scikit-learn / pandas and
                                        prints the results table (Markdown) comparing with mlm

k-means: 1,000,000 x 8 Gaussian blobs (8 centres; well separated, then overlapping), KMeans(k=8, n_init=3, max_iter=100,
tol=1e-4, init k-means++, lloyd) on 2 threads; best of 3 fits. DBSCAN: 100,000 2-d points (5 blobs
and 5% uniform noise), eps 0.05, min_samples 10. RFM: UCI Online Retail (541,909 rows), pandas
groupby (max date, distinct invoices, sum of Quantity * UnitPrice) after dropping cancellations,
negative amounts and rows without a customer, as mlm's rfm does.
"""
import json, re, struct, sys, time
import numpy as np

K, N_INIT, MAX_ITER = 8, 3, 100
EPS, MIN_SAMPLES = 0.05, 10


def write_points(path, x):
    x = np.ascontiguousarray(x, dtype=np.float64)
    with open(path, "wb") as f:
        f.write(struct.pack("<qq", x.shape[0], x.shape[1]))
        f.write(x.tobytes())


def make_data(folder):
    from sklearn.datasets import make_blobs
    x, _ = make_blobs(n_samples=1_000_000, n_features=8, centers=8, cluster_std=2.0, random_state=0)
    write_points(f"{folder}/kmeans.bin", x)
    x, _ = make_blobs(n_samples=1_000_000, n_features=8, centers=8, cluster_std=6.0, random_state=3)
    write_points(f"{folder}/kmeans_overlap.bin", x)
    blobs, _ = make_blobs(n_samples=95_000, n_features=2, centers=5, cluster_std=0.5, center_box=(-8, 8), random_state=1)
    noise = np.random.RandomState(2).uniform(-10, 10, size=(5_000, 2))
    write_points(f"{folder}/dbscan.bin", np.vstack([blobs, noise]))


def read_points(path):
    with open(path, "rb") as f:
        rows, cols = struct.unpack("<qq", f.read(16))
        return np.frombuffer(f.read(), dtype=np.float64).reshape(rows, cols)


def best_of(n, fn):
    times, result = [], None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, min(times)


def same_up_to_numbering(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if ((a < 0) != (b < 0)).any():
        return False
    pairs = set(zip(a[a >= 0].tolist(), b[b >= 0].tolist()))
    return len(pairs) == len({p[0] for p in pairs}) == len({p[1] for p in pairs})


def compare(folder, swift_output, retail):
    import pandas as pd
    import sklearn
    from sklearn.cluster import DBSCAN, KMeans
    from threadpoolctl import threadpool_limits

    swift = {}
    for line in open(swift_output):
        m = re.match(r"^(swift-\w+) (.*)$", line.strip())
        if m:
            swift[m.group(1)] = dict(kv.split("=", 1) for kv in m.group(2).split())
    rows = []
    with threadpool_limits(limits=2):
        for name, label in [("kmeans", "separated blobs"), ("kmeans_overlap", "overlapping blobs")]:
            x = read_points(f"{folder}/{name}.bin")
            km, t = best_of(3, lambda: KMeans(n_clusters=K, n_init=N_INIT, max_iter=MAX_ITER, tol=1e-4,
                                              algorithm="lloyd", random_state=0).fit(x))
            s = swift[f"swift-{name}"]
            rows.append((f"k-means 1M x 8 {label}, k 8, 3 restarts", float(s["fit_seconds"]), t,
                         f"inertia mlm / sklearn = {float(s['inertia']) / km.inertia_:.5f}; "
                         f"iterations mlm {s['iterations']}, sklearn {km.n_iter_}"))
        y = read_points(f"{folder}/dbscan.bin")
        db, t = best_of(3, lambda: DBSCAN(eps=EPS, min_samples=MIN_SAMPLES, n_jobs=2).fit(y))
        s = swift["swift-dbscan"]
        mine = [int(v) for v in open(f"{folder}/dbscan_swift_labels.txt").read().split()]
        equal = "labels equal" if mine == db.labels_.tolist() else (
            "labels equal up to numbering" if same_up_to_numbering(mine, db.labels_) else "labels DIFFER")
        rows.append(("DBSCAN 100k x 2, eps 0.05, min 10", float(s["fit_seconds"]), t,
                     f"{s['clusters']} clusters, {s['noise']} noise (sklearn {db.labels_.max() + 1}, {(db.labels_ < 0).sum()}); {equal}"))
    start = time.perf_counter()
    df = pd.read_csv(retail, parse_dates=["InvoiceDate"])
    read_seconds = time.perf_counter() - start

    def rfm():
        d = df[df["CustomerID"].notna()]
        d = d[~d["InvoiceNo"].astype(str).str.startswith("C")]
        amount = d["Quantity"] * d["UnitPrice"]
        d = d.assign(amount=amount)[amount >= 0]
        reference = d["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
        g = d.groupby("CustomerID").agg(last=("InvoiceDate", "max"), frequency=("InvoiceNo", "nunique"),
                                        monetary=("amount", "sum"))
        g["recency"] = (reference - g["last"].dt.normalize()).dt.days
        return g
    g, t = best_of(3, rfm)
    s = swift["swift-rfm"]
    rows.append((f"rfm on Online Retail ({int(s['rows']):,} rows)", float(s["rfm_seconds"]), t,
                 f"{s['customers']} customers (pandas {len(g)}), monetary total {float(s['monetary_total']):,.2f} "
                 f"(pandas {g['monetary'].sum():,.2f}); CSV read mlm {float(s['read_seconds']):.2f} s, pandas {read_seconds:.2f} s"))
    print(f"scikit-learn {sklearn.__version__}, pandas {pd.__version__}, numpy {np.__version__}; 2 threads; best of 3\n")
    print("| task | mlm (s) | scikit-learn / pandas (s) | mlm / other | check |")
    print("|---|---:|---:|---:|---|")
    for name, mine, other, note in rows:
        print(f"| {name} | {mine:.3f} | {other:.3f} | {mine / other:.2f} | {note} |")


if __name__ == "__main__":
    if sys.argv[1] == "data":
        make_data(sys.argv[2])
    else:
        compare(*sys.argv[2:5])
