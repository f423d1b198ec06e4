"""Scores both trackers' outputs against the truth with one GOSPA
implementation and prints the side-by-side table (Markdown).

GOSPA with alpha = 2, p = 2 and cut-off c = 500 m (SkyCue's ReplayScore
uses the same c), 3D Euclidean distance in the scenario's ENU frame, at
every whole second where the truth has targets (Rahmathullah,
Garcia-Fernandez and Svensson, FUSION 2017):

    d(X, Y) = ( min_gamma sum d(x, y)^2 + c^2/2 (|X| + |Y| - 2 |gamma|) )^(1/2)

over assignments of pairs closer than c, solved exactly with
scipy.optimize.linear_sum_assignment.

Usage: score.py DIR [--md FILE]   (DIR as written by skycue-compare and stonesoup_track.py)
"""
import argparse
import csv
import json
import os
from collections import defaultdict

import numpy as np
from scipy.optimize import linear_sum_assignment

CUTOFF_M = 500.0


def positions(path):
    by_t = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            by_t[round(float(row["t_s"]), 3)].append((float(row["x_m"]), float(row["y_m"]), float(row["z_m"])))
    return {t: np.array(v) for t, v in by_t.items()}


def gospa(truth, estimates, c=CUTOFF_M):
    """(gospa, localisation, missed, false) for one time; the last three
    are the squared parts, so that gospa^2 is their sum."""
    n, m = len(truth), len(estimates)
    if n == 0 or m == 0:
        miss, false = c * c / 2 * n, c * c / 2 * m
        return (miss + false) ** 0.5, 0.0, miss, false
    d2 = ((truth[:, None, :] - estimates[None, :, :]) ** 2).sum(axis=2)
    cost = np.minimum(d2, c * c)  # a pair at >= c is worth no more than a miss plus a false
    rows, cols = linear_sum_assignment(cost)
    assigned = [(i, j) for i, j in zip(rows, cols) if d2[i, j] < c * c]
    loc = sum(d2[i, j] for i, j in assigned)
    miss = c * c / 2 * (n - len(assigned))
    false = c * c / 2 * (m - len(assigned))
    return (loc + miss + false) ** 0.5, loc, miss, false


def score(truth, tracks):
    rows = [gospa(truth[t], tracks.get(t, np.zeros((0, 3)))) for t in sorted(truth)]
    a = np.array(rows)
    return {"gospa": a[:, 0].mean(), "loc": np.sqrt(a[:, 1].mean()), "missed": np.sqrt(a[:, 2].mean()),
            "false": np.sqrt(a[:, 3].mean()), "times": len(rows)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--md", help="also write the table to this file")
    args = parser.parse_args()
    d = args.dir
    truth = positions(os.path.join(d, "truth.csv"))
    with open(os.path.join(d, "scenario.json")) as f:
        scenario = json.load(f)
    results = {}
    for name in ("skycue", "stonesoup"):
        with open(os.path.join(d, f"{name}_time.json")) as f:
            timing = json.load(f)
        s = score(truth, positions(os.path.join(d, f"{name}_tracks.csv")))
        s.update(timing)
        s["rate"] = timing["detections"] / timing["wall_s"]
        s["cpu_rate"] = timing["detections"] / timing["cpu_s"]
        results[name] = s
    k, o = results["skycue"], results["stonesoup"]
    lines = [
        f"{scenario['targets']} targets, {scenario['duration_s']:.0f} s, one 3D radar (1 s scan, Pd {scenario['pd']}, "
        f"no clutter), {k['detections']:,} plots; GOSPA (c = {CUTOFF_M:.0f} m, p = 2, alpha = 2, 3D) "
        f"mean over {k['times']} whole seconds; components are RMS over time.",
        "",
        "| tracker | mean GOSPA m | localisation m | missed m | false m | wall s | CPU s | plots/s (wall) | plots/s (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in (("skycue", "SkyCue (FusionEngine, IMM)"), ("stonesoup", "Stone Soup (EKF, GNN)")):
        r = results[name]
        lines.append(
            f"| {label} | {r['gospa']:.1f} | {r['loc']:.1f} | {r['missed']:.1f} | {r['false']:.1f} | "
            f"{r['wall_s']:.3f} | {r['cpu_s']:.3f} | {r['rate']:,.0f} | {r['cpu_rate']:,.0f} |")
    lines.append(
        f"| **SkyCue / Stone Soup** | {k['gospa'] / o['gospa']:.2f} | {k['loc'] / max(o['loc'], 1e-9):.2f} | | | "
        f"{k['wall_s'] / o['wall_s']:.5f} | {k['cpu_s'] / o['cpu_s']:.5f} | **{k['rate'] / o['rate']:,.0f}x** | "
        f"**{k['cpu_rate'] / o['cpu_rate']:,.0f}x** |")
    speed_ok = k["rate"] >= 1000 * o["rate"]
    gospa_ok = k["gospa"] <= o["gospa"]
    lines.append("")
    lines.append(
        f"Issue 8's target, >= 1,000x Stone Soup's throughput with GOSPA no worse: throughput "
        f"{k['rate'] / o['rate']:,.0f}x in wall time ({'met' if speed_ok else '**not met**'}; "
        f"{k['cpu_rate'] / o['cpu_rate']:,.0f}x in CPU time), GOSPA "
        f"{k['gospa']:.1f} m against {o['gospa']:.1f} m ({'met' if gospa_ok else '**not met**'}).")
    text = "\n".join(lines)
    print(text)
    if args.md:
        with open(args.md, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
