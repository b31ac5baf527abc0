#!/usr/bin/env bash
# Runs the matching benchmarks at sizes that fit 2 cores in about 10 minutes and prints a table:
# the time per operation, the time per candidate volunteer and, where a peer ran in the same
# run, how many times faster the compiled path is than that peer (below 1: slower). Usage: scoring-benchmarks/run.sh [extra JMH options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -q -DskipTests package
out="$(mktemp -d)"
jar=scoring-benchmarks/target/benchmarks.jar
java -jar "$jar" RankVolunteersBenchmark -rf csv -rff "$out/peers.csv" "$@"
java -jar "$jar" LucenePeerBenchmark -rf csv -rff "$out/lucene.csv" "$@"
java -jar "$jar" DuckDbPeerBenchmark -rf csv -rff "$out/duckdb.csv" "$@"
java -jar "$jar" CompiledRankingBenchmark -rf csv -rff "$out/compiled.csv" "$@"
java -jar "$jar" RankVacanciesBenchmark -rf csv -rff "$out/vacancies.csv" "$@"
python3 - "$out/peers.csv" "$out/lucene.csv" "$out/duckdb.csv" "$out/compiled.csv" "$out/vacancies.csv" <<'PY'
import csv, sys
rows = []
for path in sys.argv[1:]:
    with open(path) as f:
        for r in csv.DictReader(f):
            rows.append(r)
def size(r):
    return int(r.get("Param: volunteers") or r["Param: vacancies"])
print("| benchmark | volunteers | ms/op | ns/candidate | speed-up over the peer |")
print("|---|---:|---:|---:|---:|")
peers = {}
for r in rows:
    if r["Benchmark"].endswith("objectPath") or r["Benchmark"].endswith(".lucene") or r["Benchmark"].endswith(".duckdb"):
        peers[(r["Benchmark"].split(".")[-2], size(r))] = float(r["Score"])
for r in rows:
    name = r["Benchmark"].split(".")[-2] + "." + r["Benchmark"].split(".")[-1]
    ms = float(r["Score"])
    n = size(r)
    ratio = ""
    key = (name.split(".")[0], n)
    if name.endswith("compiledPath") and key in peers:
        ratio = "%.1f×" % (peers[key] / ms)
    ranks = "top10" in name or name.endswith("Path") or name.endswith(".lucene") or name.endswith(".duckdb")
    if name.startswith("RankVacanciesBenchmark"):
        per = "%.0f" % (ms * 1e6 / n)
        print("| %s | %d vacancies | %.2f | %s (per vacancy) | %s |" % (name, n, ms, per, ratio))
        continue
    if name.endswith("vacanciesForAVolunteer"):
        per = "%.0f" % (ms * 1e6 / 400)
        print("| %s | %d | %.2f | %s (per vacancy) | |" % (name, n, ms, per))
        continue
    per = "%.0f" % (ms * 1e6 / n) if ranks else ""
    print("| %s | %d | %.2f | %s | %s |" % (name, n, ms, per, ratio))
PY
java -Xmx12g -cp "$jar" io.github.koppel.benchmarks.IndexMemoryReport 1000000
