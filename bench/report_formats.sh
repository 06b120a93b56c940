#!/usr/bin/env bash
# Report-file benchmark (issue 6, section 6, first step): generates the demo
# city's year report N times per format through `mandate report` and prints
# reports per second. Each run includes starting the program, reading the
# database and building the rollups, as an office's command would.
#   bench/report_formats.sh build/src/cli/mandate [N]
# A benchmark, not a test: it exits 0 whatever the speed.
set -euo pipefail
mandate="${1:?usage: bench/report_formats.sh path/to/mandate [N]}"
n="${2:-20}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$mandate" demo --db "$work/demo.db" >/dev/null
printf '%-6s %10s %12s\n' format "reports/s" "bytes"
for format in md json trace xlsx pdf docx; do
  start=$(date +%s.%N)
  for _ in $(seq "$n"); do
    "$mandate" report --db "$work/demo.db" --unit LS --period 2021 --format "$format" \
      --out "$work/out.$format"
  done
  end=$(date +%s.%N)
  printf '%-6s %10.1f %12d\n' "$format" "$(awk -v n="$n" -v a="$start" -v b="$end" 'BEGIN { print n / (b - a) }')" \
    "$(stat -c %s "$work/out.$format")"
done
