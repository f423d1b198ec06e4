#!/usr/bin/env bash
# Issue 8: the same simulated radar scenario through Stone Soup's standard
# tracker and through SkyCue, scored with one GOSPA; prints the ratio table.
# Run by hand (minutes: Stone Soup is pure Python), not part of CI.
#   1. Tools/setup-venv.sh stonesoup      (Tools/.venv with stonesoup pinned)
#   2. skycue-compare (Benchmarks package) simulates the scenario, writes
#      scenario.json, detections.csv and truth.csv and runs SkyCue on them
#   3. stonesoup_track.py runs Stone Soup on the same detections.csv
#   4. score.py scores both tracks files against truth.csv (GOSPA) and
#      prints the table; with --results it also replaces the `stonesoup`
#      section of Benchmarks/RESULTS.md.
# Usage: Tools/compare-stonesoup/run.sh [--results] [TARGETS=100] [DURATION_S=60] [SEED=20261122]
set -euo pipefail
cd "$(dirname "$0")/../.."
results=0
if [[ "${1:-}" == "--results" ]]; then results=1; shift; fi
targets=${1:-100}
duration=${2:-60}
seed=${3:-20261122}
out=out/compare-stonesoup
Tools/setup-venv.sh stonesoup
py=Tools/.venv/bin/python3
(cd Benchmarks && swift build -c release --product skycue-compare)
bin="$(cd Benchmarks && swift build -c release --show-bin-path)/skycue-compare"
mkdir -p "$out"
"$bin" --targets "$targets" --duration-s "$duration" --seed "$seed" --out "$out"
"$py" Tools/compare-stonesoup/stonesoup_track.py "$out"
"$py" Tools/compare-stonesoup/score.py "$out" --md "$out/table.md"
if [[ $results -eq 1 ]]; then
  model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  version=$("$py" -c 'import stonesoup; print(stonesoup.__version__)')
  {
    echo "## Stone Soup side by side (issue 8)"
    echo
    echo "- Command: \`Tools/compare-stonesoup/run.sh --results $targets $duration $seed\` (SkyCue release build; Stone Soup $version, Python $("$py" -c 'import platform; print(platform.python_version())'))"
    echo "- Machine: $model, $(nproc) online CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared host)"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    cat "$out/table.md"
  } > "$out/section.md"
  Benchmarks/sections.sh put stonesoup "$out/section.md"
fi
