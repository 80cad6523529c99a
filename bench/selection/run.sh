#!/bin/sh
# compare of three models with 5-fold CV on the 100k customer table: mlm (release build) against
# scikit-learn's cross_val_score(n_jobs=2), one after the other in the same run.
#   bench/selection/run.sh [path/to/mlm] [python]
# mlm's time is the wall time of the script with the compare minus that of loading the table
# alone (best of 2 each); scikit-learn's is measured around cross_val_score (reading excluded).
set -e
cd "$(dirname "$0")"
MLM=${1:-../../.build-select/release/mlm}
PYTHON=${2:-python3}
seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
best() { a=$(seconds "$@"); b=$(seconds "$@"); echo "$a $b" | awk '{print ($1 < $2) ? $1 : $2}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
load=$(best "$MLM" run load_customers_100k.mlm)
full=$(best "$MLM" run compare_customers_100k.mlm)
NO_COLOR=1 "$MLM" run compare_customers_100k.mlm | sed -n '/compared/,$p'
echo "mlm compare: $(echo "$full $load" | awk '{printf "%.2f", $1 - $2}') s (script $full s, load alone $load s)"
"$PYTHON" sklearn_compare.py ../data/customers_100k.csv
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
