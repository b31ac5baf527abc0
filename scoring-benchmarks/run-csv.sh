#!/usr/bin/env bash
# Runs the CSV reading benchmark at 1,000, 10,000 and 100,000 volunteers with the GC profiler and
# prints the time per read, the bytes allocated per read and per row, and the ratio to plain
# Jackson parsing the same file in the same run. Usage: scoring-benchmarks/run-csv.sh [extra JMH options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -q -DskipTests package
out="$(mktemp -d)"
java -jar scoring-benchmarks/target/benchmarks.jar CsvReadBenchmark -prof gc -rf csv -rff "$out/csv.csv" "$@"
python3 - "$out/csv.csv" <<'PY'
import csv, sys
time, alloc = {}, {}
for r in csv.DictReader(open(sys.argv[1])):
    name, rows = r["Benchmark"].split("CsvReadBenchmark.")[-1], int(r["Param: rows"])
    if name in ("koppelRead", "plainJackson"):
        time[(name, rows)] = float(r["Score"])
    elif name.endswith("gc.alloc.rate.norm"):
        alloc[(name.split(":")[0], rows)] = float(r["Score"])
print("| rows | Koppel ms/read | plain Jackson ms/read | ratio | Koppel MB allocated/read | bytes/row |")
print("|---:|---:|---:|---:|---:|---:|")
for rows in sorted({k[1] for k in time}):
    k, p = time[("koppelRead", rows)], time[("plainJackson", rows)]
    a = alloc.get(("koppelRead", rows), float("nan"))
    print("| %d | %.1f | %.1f | %.1f× | %.0f | %.0f |" % (rows, k, p, k / p, a / 1e6, a / rows))
PY
