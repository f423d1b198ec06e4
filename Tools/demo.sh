#!/usr/bin/env bash
# The main job: simulate a raid on the reference site (piston, jet and
# multirotor drones aimed at the city and the power plant, crewed traffic
# with and without transponders, a bird flock), write it as a real capture,
# replay it through the node, print the summary and the score table, and
# draw the air picture.
# Usage: Tools/demo.sh [OUT_DIR=out/demo] [SEED=7]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/demo}
seed=${2:-7}
Tools/install-deps.sh
swift build -c release --product skycue-sim
swift build -c release --product skycue-replay
bin=$(swift build -c release --show-bin-path)
"$bin/skycue-sim" --site Hardware/sites/reference.json --scenario raid --seed "$seed" --out "$out"
"$bin/skycue-replay" "$out/capture.pcap" --config "$out/site.json" --out "$out" \
  --truth "$out/truth.jsonl" --picture "$out/picture.svg"
echo "demo: reports in $out (tracks.jsonl, cues.jsonl, summary.json, score.json), picture $out/picture.svg"
