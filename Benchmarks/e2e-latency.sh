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
            return "> 10 s" if le == float("inf") else f"<= {le * 1e3:g} ms"
cpu = open("/proc/cpuinfo").read()
model = re.search(r"model name\s*: (.*)", cpu).group(1)
load = open("/proc/loadavg").read().split()[:3]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
traffic, latency = [], []
for r in runs:
    e, ek, t, tk, d, n = (r[k] for k in ("end_to_end", "end_to_end_kernel", "tick_to_receipt", "tick_to_kernel", "since_data", "new_since_data"))
    node = r["node"]
    mean = node["latency_sum_s"] / node["latency_count"] * 1e3 if node["latency_count"] else float("nan")
    traffic.append(
        f"| {r['rate']:,} | {r['sent']:,} in {r['duration_s']:g} s ({r['sent_per_s']:,.0f}/s) | {r['late_slots']:,} "
        f"| {r['data_datagrams']:,} | {node['measurements']:,.0f} | {node['confirmed']:,.0f} | {r['cues']:,} ({r['cues_new']} new) | {node['ticks']:,.0f} |")
    latency.append(
        f"| {r['rate']:,} | **{us(e, 'p50_us')} / {us(e, 'p99_us')}** / {us(e, 'max_us')} | {us(ek, 'p50_us')} / {us(ek, 'p99_us')} "
        f"| {us(t, 'p50_us')} / {us(t, 'p99_us')} | {us(tk, 'p50_us')} / {us(tk, 'p99_us')} "
        f"| {us(d, 'p50_us')} / {us(d, 'p99_us')} | {us(n, 'p50_us')} / {us(n, 'p99_us')} "
        f"| {node_quantile(node['latency_buckets'], 0.5)} / {node_quantile(node['latency_buckets'], 0.99)} (mean {mean:.1f} ms) |")
ten = runs[1]["end_to_end"]
tk10 = runs[1]["tick_to_kernel"]
met = ten.get("count", 0) > 0 and ten["p99_us"] <= 250
print(f"""## End to end on loopback through skycued (issue 8)

- Command: `Benchmarks/e2e-latency.sh {out} {seconds} {drones} {seed}` (release builds; per rate `skycue-e2e --skycued .build/release/skycued --site Hardware/sites/reference.json --rate RATE --duration-s {seconds} --drones {drones} --seed {seed}`), niceness {runs[0]['niceness']}
- Machine: {model}, {os.cpu_count()} online CPUs shared by the node, the sender, the cue receiver and other users (load average {' '.join(load)} at the end)
- Date: {now}

| datagrams/s | sent | late slots | measurement datagrams | measurements (node) | confirmed tracks | cues (ticks while sending) | node ticks |
|---:|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(traffic) + """

Latencies in µs, p50 / p99 [/ max], over the cues above (CLOCK_REALTIME throughout):

| datagrams/s | end to end: last datagram sent before the cue's tick -> cue received | same, to the kernel's receive time | tick -> cue received | tick -> kernel receive | newest measurement datagram before the tick -> cue received | same, `new` cues | node histogram (oldest datagram since the previous tick -> cue sent), bucket bounds |
|---:|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(latency) + f"""

Target "end to end on loopback at 10,000 datagrams per second: p99 at most 250 µs": {'met' if met else '**not met**'}
({us(ten, 'p99_us')} µs p99 over {ten.get('count', 0)} cues, a small sample: p99 is near the maximum).
Two things stand between a sensor datagram and its cue. (1) The tick: the node fuses and cues on ticks, at most 20 ms
(`NodeDaemon.cueTickNs`) after the first datagram it has not ticked for, so under steady traffic it ticks every
~20 ms and a datagram waits 0-20 ms for its tick; the node's own histogram, measured from the oldest datagram of a
tick, sits in the 10-25 ms bucket, and the newest measurement datagram before a cue's tick is tens of ms old (the
updates go out on their 1 Hz schedule, not on new data). The tick bounds the sensor-to-cue latency from below, far
above 250 µs. (2) The tick's own work and delivery (flush the measurement queue, fuse, cue, encode, send, loopback):
the *end to end* column, from the datagram processed last before the cue's tick (normally sent at most one slot,
1 ms or 0.1 ms, before it) to the receipt, and the *tick ->* columns, which leave out that slot; the kernel-time
columns leave out the receiver thread's wake-up. This part alone misses the target too: at 10,000/s, tick -> kernel
receive is {us(tk10, 'p50_us')} µs p50 and {us(tk10, 'p99_us')} µs p99 (not profiled here: before its first cue leaves, a
tick flushes the measurements queued since the previous tick into the tracker, maintains every track and runs the
cueing step). Late slots are slots the sender
reached after their time (a busy host) and sent at once. See Benchmarks/README.md, "End to end on loopback", for the
definitions and limits.""")
PY
Benchmarks/sections.sh put e2e-latency "$out/section.md"
cat "$out/section.md"
