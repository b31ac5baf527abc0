#!/usr/bin/env bash
# The server's load test at full size: 16 concurrent clients send 50,000 mixed requests (rankings
# both ways, explanations, updates) to a real server on loopback, over the embedded database by
# default. It fails on any error, or on any answer that differs from the library's for the data
# version it names; it prints the throughput and the p50/p99 latency of each kind of request.
#
#   server/load-test.sh                          # 50,000 requests, 16 clients, H2
#   REQUESTS=100000 CLIENTS=32 server/load-test.sh
#   DATABASE=postgresql KOPPEL_TEST_POSTGRES_URL=... KOPPEL_TEST_POSTGRES_USER=... \
#     KOPPEL_TEST_POSTGRES_PASSWORD=... server/load-test.sh
#
# The clients run in the same JVM as the server, on the same cores: the figures are for the
# whole loop, client included. The report is also written to server/target/load-test.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Djacoco.skip=true -pl core,matching -am
cd server
mvn -B -q test -Djacoco.skip=true -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkoppel.load.requests="${REQUESTS:-50000}" -Dkoppel.load.clients="${CLIENTS:-16}" \
  -Dkoppel.load.database="${DATABASE:-h2}" -Dkoppel.load.report=target/load-test.txt > target/load-test.log 2>&1 \
  || { tail -50 target/load-test.log; exit 1; }
cat target/load-test.txt
