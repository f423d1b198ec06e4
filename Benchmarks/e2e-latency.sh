#!/usr/bin/env bash
# Issue 8: end to end on loopback through a running skycued, at 1,000 and
# 10,000 datagrams per second. For each rate, skycue-e2e starts skycued on
# a copy of the reference site (inputs on free loopback ports, binary cues
# of every interceptor to itself, metrics on a free port), sends a
# live-dated simulated raid (DRONES multirotors, 2 radars, ADS-B, 9
# acoustic sensors) padded with rejected filler datagrams to exactly RATE
# datagrams a second, receives the cues on a thread, scrapes the node's
# latency histogram and stops the node. The figures go into the
# `e2e-latency` section of Benchmarks/RESULTS.md; what they mean is in
# Benchmarks/README.md ("End to end on loopback").
#
# Usage: Benchmarks/e2e-latency.sh [OUT=out/e2e-latency] [SECONDS=60] [DRONES=24] [SEED=1]
# Takes about 2 x SECONDS plus the builds; all traffic is on 127.0.0.1.
# E2E_REPORT_ONLY=1 skips the runs and rewrites the section from OUT's JSON.
# E2E_FIFO=PRIORITY runs the node under SCHED_FIFO at that priority
# (`chrt -f`, as Hardware/deploy/skycued.service runs it; needs the right
# to raise it: root or CAP_SYS_NICE), the sender and receiver as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/e2e-latency}
seconds=${2:-60}
drones=${3:-24}
seed=${4:-1}
if [[ -z ${E2E_REPORT_ONLY:-} ]]; then
  swift build -c release --product skycued
  swift build -c release --package-path Benchmarks --product skycue-e2e
  skycued="$(swift build -c release --show-bin-path)/skycued"
  e2e="$(swift build -c release --package-path Benchmarks --show-bin-path)/skycue-e2e"
  mkdir -p "$out"
  if [[ -n ${E2E_FIFO:-} ]]; then
    # skycue-e2e starts the node by path: a wrapper that asks for SCHED_FIFO first.
    printf '#!/bin/sh\nexec chrt -f %d %q "$@"\n' "$E2E_FIFO" "$skycued" > "$out/skycued-fifo"
    chmod +x "$out/skycued-fifo"
    skycued="$out/skycued-fifo"
  fi
  echo "${E2E_FIFO:-}" > "$out/fifo"
  for rate in 1000 10000; do
    run=("$e2e" --skycued "$skycued" --site Hardware/sites/reference.json --rate "$rate" --duration-s "$seconds"
         --drones "$drones" --seed "$seed" --log "$out/node-$rate.log")
    echo "e2e-latency: ${run[*]}"
    "${run[@]}" | tee "$out/e2e-$rate.json"
  done
fi
python3 - "$out" "$seconds" "$drones" "$seed" <<'PY' > "$out/section.md"
import datetime, json, os, re, sys
out, seconds, drones, seed = sys.argv[1:]
runs = [json.load(open(os.path.join(out, f"e2e-{r}.json"))) for r in (1000, 10000)]
def us(s, key):
    return "–" if s.get("count", 0) == 0 else f"{s[key]:,.0f}"
def node_quantile(buckets, q):
    # The upper bound of the histogram bucket holding the q-quantile.
    items = [(float("inf") if le == "+Inf" else float(le), n) for le, n in buckets.items()]
    total = items[-1][1]
    if total == 0:
        return "–"
    for le, n in items:
        if n >= q * total:
            return "> 10 s" if le == float("inf") else (f"<= {le * 1e6:g} µs" if le < 1e-3 else f"<= {le * 1e3:g} ms")
try:
    fifo = open(os.path.join(out, "fifo")).read().strip()
except FileNotFoundError:
    fifo = ""
scheduling = f"node under SCHED_FIFO priority {fifo} (`E2E_FIFO={fifo}`, `chrt -f {fifo}`, as Hardware/deploy/skycued.service runs it)" if fifo else "node at the sender's niceness (no real-time priority)"
cpu = open("/proc/cpuinfo").read()
model = re.search(r"model name\s*: (.*)", cpu).group(1)
load = open("/proc/loadavg").read().split()[:3]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
traffic, latency = [], []
for r in runs:
    e, ek, n, a, t = (r[k] for k in ("end_to_end", "end_to_end_kernel", "new_end_to_end", "arrival_to_kernel", "tick_to_receipt"))
    node = r["node"]
    pmean = f"{node['processing_sum_s'] / node['processing_count'] * 1e6:,.0f}" if node.get("processing_count") else "–"
    cmean = f"{node['cpu_sum_s'] / node['cpu_count'] * 1e6:,.0f}" if node.get("cpu_count") else "–"
    traffic.append(
        f"| {r['rate']:,} | {r['sent']:,} in {r['duration_s']:g} s ({r['sent_per_s']:,.0f}/s) | {r['late_slots']:,} "
        f"| {r['data_datagrams']:,} | {node['measurements']:,.0f} | {node['confirmed']:,.0f} "
        f"| {r['cues_caused']:,} ({r['cues_caused_new']} new, {r['cues_caused_update']} update) "
        f"| {r['cues_ticked']:,} ({r['cues_ticked_new']} new) | {node['ticks']:,.0f} |")
    latency.append(
        f"| {r['rate']:,} | **{us(e, 'p50_us')} / {us(e, 'p99_us')}** / {us(e, 'max_us')} | {us(ek, 'p50_us')} / {us(ek, 'p99_us')} "
        f"| {us(a, 'p50_us')} / {us(a, 'p99_us')} | {us(n, 'p50_us')} / {us(n, 'p99_us')} "
        f"| {node_quantile(node['latency_buckets'], 0.5)} / {node_quantile(node['latency_buckets'], 0.99)} "
        f"| {pmean} µs; {node_quantile(node['processing_buckets'], 0.5)} / {node_quantile(node['processing_buckets'], 0.99)} "
        f"| {cmean} µs; {node_quantile(node['cpu_buckets'], 0.5)} / {node_quantile(node['cpu_buckets'], 0.99)} "
        f"| {us(t, 'p50_us')} / {us(t, 'p99_us')} |")
ten = runs[1]["end_to_end"]
met = ten.get("count", 0) > 0 and ten["p99_us"] <= 250
print(f"""## End to end on loopback through skycued (issue 8)

- Command: `{'E2E_FIFO=' + fifo + ' ' if fifo else ''}Benchmarks/e2e-latency.sh {out} {seconds} {drones} {seed}` (release builds; per rate `skycue-e2e --skycued .build/release/skycued --site Hardware/sites/reference.json --rate RATE --duration-s {seconds} --drones {drones} --seed {seed}`), niceness {runs[0]['niceness']}; {scheduling}
- Machine: {model}, {os.cpu_count()} online CPUs shared by the node, the sender, the cue receiver and other users (load average {' '.join(load)} at the end)
- Date: {now}

| datagrams/s | sent | late slots | measurement datagrams | measurements (node) | confirmed tracks | cues caused by a datagram | cues of the periodic tick | node ticks |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(traffic) + """

Latencies in µs, p50 / p99 [/ max], over the cues a datagram caused (CLOCK_REALTIME throughout; the last column is the tick's cues):

| datagrams/s | end to end: causing datagram sent -> cue received | same, to the kernel's receive time | node: datagram's kernel receive -> cue's kernel receive | end to end, `new` cues | node histogram (datagram's kernel receive -> cue `sendto`), bucket bounds | node processing (datagram read -> cue `sendto`): mean; bucket bounds | same, the fusion thread's CPU time | tick's due time -> cue received |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(latency) + f"""

Target "end to end on loopback at 10,000 datagrams per second: p99 at most 250 µs": {'met' if met else '**not met**'}
({us(ten, 'p99_us')} µs p99 over {ten.get('count', 0)} cues, a small sample: p99 is near the maximum).
The node cues the tracks a datagram updated while it processes that datagram (`NodePipeline.receive(...sink:)`), so a
plot's cue leaves with it; the periodic tick (each whole second: maintenance, declarations, lost tracks, reports)
sends the rest. Late slots are slots the sender reached after their time (a busy host) and sent at once. See
Benchmarks/README.md, "End to end on loopback", for the definitions and limits.""")
PY
Benchmarks/sections.sh put e2e-latency "$out/section.md"
cat "$out/section.md"
