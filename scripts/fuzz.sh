#!/usr/bin/env bash
# Fuzzes Koppel's readers and its policy loading with Jazzer for longer than `mvn verify` does
# (20 s per target there). Findings are written under the tests' *Inputs folders, where every
# later `mvn verify` replays them; keep them as regression tests once fixed.
#
# Usage: scripts/fuzz.sh [seconds per target, default 600] [readers|policies ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(readers policies)
fi
mvn -B -q install -DskipTests
for target in "${targets[@]}"; do
  case "$target" in
    readers) module=core; class=io.github.koppel.core.io.ReaderFuzzTest ;;
    policies) module=matching; class=io.github.koppel.matching.PolicyFuzzTest ;;
    *) echo "unknown target '$target'; expected readers or policies" >&2; exit 2 ;;
  esac
  (
    cd "$module"
    mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath >/dev/null
    echo "== fuzzing $target for $seconds s"
    status=0
    java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath)" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$target" \
      -max_total_time="$seconds" > "target/fuzz-$target.log" 2>&1 || status=$?
    grep -E '^(Done|== Java Exception)|FuzzerSecurityIssue|crash-' "target/fuzz-$target.log" || true
    if [ "$status" -ne 0 ] || grep -q '== Java Exception' "target/fuzz-$target.log"; then
      echo "fuzzing $target found a problem; see $module/target/fuzz-$target.log" >&2
      exit 1
    fi
  )
done
