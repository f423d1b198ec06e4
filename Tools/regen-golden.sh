#!/usr/bin/env bash
# Regenerates, on purpose, the golden replay reports that
# Tests/FusionNodeTests/GoldenReplayTests compares against: for each case
# folder under Tests/FusionNodeTests/Golden, replays its committed
# capture.pcap with its site.json and replay.args through skycue-replay and
# writes tracks.jsonl, cues.jsonl and summary.json there (summary.json with
# its wall-clock processing_time_s nulled). Run it after an intended change
# of results and commit what it rewrites; `git diff --stat` shows what moved.
#
# The capture is the test's input and is kept as it is, so that a change in
# skycue-sim does not move the references. With --capture the captures are
# simulated anew first, from each case's sim.args (skycue-sim options,
# --out excepted): only when the reference scenario itself should change.
#
# Usage: Tools/regen-golden.sh [--capture] [CASE ...]   (default: every case)
set -euo pipefail
cd "$(dirname "$0")/.."
capture=0
if [[ "${1:-}" == "--capture" ]]; then capture=1; shift; fi
root=Tests/FusionNodeTests/Golden
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  for d in "$root"/*/; do cases+=("$(basename "$d")"); done
fi
swift build -c release --product skycue-replay
if [[ $capture -eq 1 ]]; then swift build -c release --product skycue-sim; fi
bin=$(swift build -c release --show-bin-path)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in "${cases[@]}"; do
  dir=$root/$name
  [[ -f $dir/replay.args ]] || { echo "regen-golden: $dir/replay.args missing" >&2; exit 2; }
  if [[ $capture -eq 1 ]]; then
    read -r -a sim < "$dir/sim.args"
    "$bin/skycue-sim" "${sim[@]}" --out "$tmp/$name-sim"
    cp "$tmp/$name-sim/capture.pcap" "$tmp/$name-sim/site.json" "$dir/"
  fi
  read -r -a replay < "$dir/replay.args"
  "$bin/skycue-replay" "$dir/capture.pcap" --config "$dir/site.json" --out "$tmp/$name" "${replay[@]}"
  cp "$tmp/$name/tracks.jsonl" "$tmp/$name/cues.jsonl" "$dir/"
  sed -E 's/("processing_time_s": )[-+0-9.eE]+/\1null/' "$tmp/$name/summary.json" > "$dir/summary.json"
  echo "regen-golden: $dir: $(wc -l < "$dir/tracks.jsonl") track lines, $(wc -l < "$dir/cues.jsonl") cue lines"
done
