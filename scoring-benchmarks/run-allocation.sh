#!/usr/bin/env bash
# Runs the allocation and fair-ranking benchmarks (about six minutes on 2 cores) and prints a
# table: the time per operation and, for Koppel's optimal mode and FA*IR, how many times faster it
# is than each peer measured in the same run. LargeAllocationBenchmark (10,000 volunteers, about
# ten minutes of setup) is left out; run it on its own.
# Usage: scoring-benchmarks/run-allocation.sh [extra JMH options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -q -DskipTests package
out="$(mktemp -d)"
jar=scoring-benchmarks/target/benchmarks.jar
java -jar "$jar" AllocationBenchmark -rf csv -rff "$out/allocation.csv" "$@"
java -jar "$jar" AllocationKuhnMunkresBenchmark -rf csv -rff "$out/km.csv" "$@"
java -jar "$jar" FairRerankBenchmark -rf csv -rff "$out/fair.csv" "$@"
python3 - "$out/allocation.csv" "$out/km.csv" "$out/fair.csv" <<'PY'
import csv, sys
print("| benchmark | volunteers | time/op | Koppel's speed-up over it |")
print("|---|---:|---:|---:|")
for path in sys.argv[1:]:
    with open(path) as f:
        rows = list(csv.DictReader(f))
    ours = {}
    for r in rows:
        name = r["Benchmark"].split(".")[-1]
        if name in ("koppelOptimal", "fairTopK"):
            ours[r.get("Param: volunteers", "")] = float(r["Score"])
    for r in rows:
        cls, name = r["Benchmark"].split(".")[-2:]
        n = r.get("Param: volunteers", "") or "–"
        score = float(r["Score"])
        unit = r["Unit"].replace("/op", "")
        ratio = ""
        key = r.get("Param: volunteers", "")
        if name.startswith("jgrapht") or name == "naive":
            ratio = "%.1f×" % (score / ours[key])
        print("| %s.%s | %s | %.3f %s | %s |" % (cls, name, n, score, unit, ratio))
PY
