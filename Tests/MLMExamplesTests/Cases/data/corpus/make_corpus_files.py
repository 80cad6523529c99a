"""Writes the corpus_files_* fixtures: whitespace-aligned exports, a tab-separated file, short
hash codes that repeat (categories) next to ids and notes (text), and a single-column trap.
Synthetic and seeded: run `python3 make_corpus_files.py` here to write the same bytes again."""
import random

rng = random.Random(24)
CITIES = ["Leeds", "York", "New York", "Bath", "San Diego", "Hull"]
PLANS = ["basic", "plus", "premium"]


def aligned(rows, widths, right):
    """Columns padded to their widths; numbers right-aligned as report writers do."""
    lines = []
    for row in rows:
        cells = [(c.rjust(w) if r else c.ljust(w)) for c, w, r in zip(row, widths, right)]
        lines.append("  " + "   ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def customers(n, quote):
    rows = []
    for k in range(n):
        city = rng.choice(CITIES)
        if quote and " " in city:
            city = '"' + city + '"'
        spend = "NA" if k % 11 == 7 else "%.2f" % rng.uniform(5, 250)
        rows.append(["C%04d" % (k + 1), str(rng.randint(18, 80)), rng.choice(PLANS), city, spend,
                     rng.choice(["yes", "no"])])
    return rows


def write(name, text):
    with open(name, "w", newline="") as f:
        f.write(text)


header = ["customer_id", "age", "plan", "city", "monthly_spend", "churned"]
rows = customers(30, quote=True)
widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
right = [False, True, False, False, True, False]
write("corpus_files_aligned.txt", aligned([header] + rows, widths, right))

# Tabs, with empty cells and values holding spaces: a real tab-separated export.
tsv = ["\t".join(header)]
for k, row in enumerate(customers(25, quote=False)):
    if k % 6 == 3:
        row[3] = ""
    tsv.append("\t".join(row))
write("corpus_files_tabs.tsv", "\r\n".join(tsv) + "\r\n")

# 27 distinct 8-character hex campaign codes in 200 rows: a category. The order id differs on
# every row and the note repeats too rarely: both stay text.
codes = ["%08x" % rng.getrandbits(32) for _ in range(27)]
notes = ["called back %d" % rng.randint(1, 150) for _ in range(200)]
lines = ["order_id,campaign_code,channel,amount,note"]
for k in range(200):
    code = codes[k % 27] if k < 27 else rng.choice(codes)
    lines.append("%s,%s,%s,%.2f,%s" % ("%016x" % rng.getrandbits(64), code, rng.choice(["email", "sms", "web"]),
                                       rng.uniform(1, 400), notes[k]))
write("corpus_files_hash_codes.csv", "\n".join(lines) + "\n")

# Aligned, but city names with spaces are not quoted: most rows split into one field more than
# the header, so no separator fits and the file would read as one column.
rows = customers(12, quote=False)
for k, row in enumerate(rows):
    row[3] = ["New York", "San Diego", "El Paso", "Hull"][k % 4]
widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
write("corpus_files_single_column_trap.txt", aligned([header] + rows, widths, right))

# Both: tabs and spaces mixed for alignment, and a hash-code column that repeats.
header2 = ["visit", "session_hash", "pages", "seconds", "converted"]
hashes = ["%08x" % rng.getrandbits(32) for _ in range(9)]
rows = []
for k in range(60):
    rows.append(["%d" % (k + 1), hashes[k % 9] if k < 9 else rng.choice(hashes), str(rng.randint(1, 30)),
                 "%.1f" % rng.uniform(3, 900), rng.choice(["true", "false"])])
out = []
for k, row in enumerate([header2] + rows):
    sep = "\t" if k % 2 else "   "
    out.append(sep.join(c.rjust(12) if i else c.ljust(6) for i, c in enumerate(row)))
write("corpus_files_aligned_codes.txt", "\n".join(out) + "\n")
