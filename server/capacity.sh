#!/usr/bin/env bash
# How far one server process goes: for generated cities of growing size, the time to import the
# city into the embedded database, the time to start a server on it, the heap it holds, the size of
# the database file and the median latency of a ranking each way over HTTP. Sizes as arguments:
#
#   server/capacity.sh                  # 10,000, 100,000 and 300,000 volunteers
#   server/capacity.sh 50000 500000
#
# The heap given to the JVM is HEAP (default 8g). The table is also in server/target/capacity.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 300000)
mvn -B -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Djacoco.skip=true -pl core,matching -am
cd server
report=target/capacity.txt
mkdir -p target
printf '| volunteers | vacancies | import | start | heap held | database file | ranking volunteers p50 | ranking vacancies p50 |\n|---|---|---|---|---|---|---|---|\n' > "$report"
for n in "${sizes[@]}"; do
  mvn -B -q test -Djacoco.skip=true -Dtest=CapacityReport -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx${HEAP:-8g}" -Dkoppel.capacity.volunteers="$n" -Dkoppel.capacity.report="$report" \
    > target/capacity.log 2>&1 || { tail -40 target/capacity.log; exit 1; }
done
cat "$report"
