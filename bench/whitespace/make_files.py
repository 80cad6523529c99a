"""Writes the same seeded 1M-row table twice, comma-separated and whitespace-aligned, to time
`load` on both (see results.md beside this file). Usage: python3 make_files.py [rows] [folder]"""
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
folder = sys.argv[2] if len(sys.argv) > 2 else "bench/data"
rng = random.Random(7)
plans = ["basic", "plus", "premium", "family", "business"]
cities = ["Leeds", "York", '"New York"', "Bath", '"San Diego"', "Hull", "Lyon", "Porto"]
header = ["customer_id", "age", "plan", "city", "visits", "monthly_spend", "score", "churned"]
widths = [12, 4, 9, 12, 7, 14, 9, 8]
with open(f"{folder}/ws_{rows}.csv", "w") as comma, open(f"{folder}/ws_{rows}.txt", "w") as aligned:
    comma.write(",".join(header) + "\n")
    aligned.write("  ".join(h.rjust(w) for h, w in zip(header, widths)) + "\n")
    for k in range(rows):
        row = ["C%08d" % k, str(rng.randint(18, 90)), rng.choice(plans), rng.choice(cities),
               str(rng.randint(0, 60)), "%.2f" % rng.uniform(0, 400), "%.4f" % rng.random(),
               rng.choice(["yes", "no"])]
        comma.write(",".join(row) + "\n")
        aligned.write("  ".join(c.rjust(w) for c, w in zip(row, widths)) + "\n")
