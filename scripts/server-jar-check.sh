#!/usr/bin/env bash
# Starts the server's runnable jar as the Dockerfile's ENTRYPOINT does (no image can be built on
# the CI machines: they have no container engine), on a fresh embedded database, and checks that a
# newcomer's first requests work: /health, /openapi.json and the ranking the first start suggests
# with the key it prints once. Needs server/target/koppel-server.jar (mvn install).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/koppel-server.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -DskipTests install first" >&2; exit 1; }
work=$(mktemp -d)
log="$work/server.log"
java -jar "$jar" --host 127.0.0.1 --port 0 --database "$work/data/koppel" > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  grep -q "^Try: curl" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "the server stopped" >&2; exit 1; }
  sleep 0.5
done
grep -q "^Try: curl" "$log" || { cat "$log"; echo "the server did not print its first key" >&2; exit 1; }
address=$(sed -n 's/^Koppel server on \(http:[^ ]*\) .*/\1/p' "$log")
# The municipality's key, then the counsellor's for the counter page.
key=$(sed -n 's/^  \(koppel_[A-Za-z0-9_-]*\)$/\1/p' "$log" | sed -n 1p)
counsellor=$(sed -n 's/^  \(koppel_[A-Za-z0-9_-]*\)$/\1/p' "$log" | sed -n 2p)
page=$(sed -n 's/^The counter page: //p' "$log")
try=$(sed -n 's/^Try: //p' "$log")
curl -fsS "$address/health" > "$work/health.json"
grep -q '"status":"UP"' "$work/health.json"
curl -fsS "$address/openapi.json" > "$work/openapi.json"
grep -q '"openapi"' "$work/openapi.json"
eval "$try -fsS" > "$work/ranking.json"
grep -q '"direction"' "$work/ranking.json"
status=$(curl -s -o /dev/null -w '%{http_code}' "$address/v1/keys")
[ "$status" = 401 ] || { echo "a request without a key got $status, not 401" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$address/v1/keys")
[ "$status" = 200 ] || { echo "the printed key got $status on /v1/keys" >&2; exit 1; }
# The counter page: sign in with the printed counsellor's key, then orient a visitor.
[ "$page" = "$address/counter" ] || { echo "the counter page is not printed: '$page'" >&2; exit 1; }
curl -fsS -o /dev/null -c "$work/cookies" --data-urlencode "key=$counsellor" "$page/sign-in"
grep -q koppel_counter "$work/cookies" || { echo "signing in with the counsellor's key set no cookie" >&2; exit 1; }
curl -fsS -b "$work/cookies" "$page" > "$work/form.html"
grep -q '<h1>Een bezoeker oriënteren</h1>' "$work/form.html"
curl -fsS -b "$work/cookies" --data "talent1=koken&municipality=Gent&language1=nl&level1=B1" "$page/visitor" > "$work/results.html"
matches=$(grep -c '<li class="match"' "$work/results.html" || true)
[ "$matches" -gt 0 ] || { echo "the counter page ranked no vacancy for a visitor" >&2; exit 1; }
echo "server jar: started on a fresh database, answered /health, /openapi.json and the suggested curl ($(wc -c < "$work/ranking.json") bytes); the counter page ranked $matches vacancies for a visitor"
