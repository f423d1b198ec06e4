#!/usr/bin/env bash
# Builds the benchmark harness in release and runs it once: prints the table
# and regenerates Benchmarks/RESULTS.md and Benchmarks/scaling.svg.
#   Benchmarks/run.sh [harness options, e.g. --scales 10,100,1000]
# Takes a few minutes; run it on an otherwise idle machine for figures worth
# comparing (it is single-threaded: one core is measured). The hand-run
# sections of RESULTS.md (replay-hour.sh, Tools/compare-stonesoup) are kept
# (sections.sh).
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product skycue-bench
bin="$(swift build -c release --show-bin-path)/skycue-bench"
kept=$(mktemp)
trap 'rm -f "$kept"' EXIT
./sections.sh save "$kept"
"$bin" --out . --command "Benchmarks/run.sh${*:+ $*}" "$@"
./sections.sh restore "$kept"
