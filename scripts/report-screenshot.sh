#!/usr/bin/env bash
# Writes the evaluation report of the demo city and a full-page screenshot of it, for people who
# review the report without opening a browser. Needs Debian's chromium (apt-get install chromium).
# Usage: scripts/report-screenshot.sh [OUT_DIR] [LANG]   (default: target/report, nl)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/target/report}"
lang="${2:-nl}"
mkdir -p "$out"
"$here/koppel" evaluate --lang "$lang" --out "$out/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,2600 \
  --user-data-dir="$out/.chromium" --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
echo "Screenshot written to $out/report.png"
