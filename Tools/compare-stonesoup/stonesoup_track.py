"""Runs the comparison scenario's radar plots through Stone Soup's standard
tracker (issue 8) and writes its tracks the way skycue-compare writes
SkyCue's: one line per live track at the end of each 1 s scan.

Components, as in Stone Soup's own multi-target tutorial:
ConstantVelocity per axis (CombinedLinearGaussianTransitionModel),
CartesianToElevationBearingRange at the radar with the simulator's sigmas,
ExtendedKalmanPredictor / ExtendedKalmanUpdater, DistanceHypothesiser with
the Mahalanobis measure, GNNWith2DAssignment, MultiMeasurementInitiator and
UpdateTimeStepsDeleter, composed by MultiTargetTracker.

Frames: the scenario is ENU with SkyCue's azimuth clockwise from north;
Stone Soup's bearing is counter-clockwise from the x (east) axis, so
bearing = pi/2 - azimuth. Stone Soup's state is [x, vx, y, vy, z, vz].

Usage: stonesoup_track.py DIR [--q 1.0]   (reads DIR/scenario.json and
DIR/detections.csv, writes DIR/stonesoup_tracks.csv, DIR/stonesoup_time.json)
"""
import argparse
import csv
import datetime
import json
import math
import os
import time

import numpy as np
from stonesoup.dataassociator.neighbour import GNNWith2DAssignment
from stonesoup.deleter.time import UpdateTimeStepsDeleter
from stonesoup.hypothesiser.distance import DistanceHypothesiser
from stonesoup.initiator.simple import MultiMeasurementInitiator
from stonesoup.measures import Mahalanobis
from stonesoup.models.measurement.nonlinear import CartesianToElevationBearingRange
from stonesoup.models.transition.linear import CombinedLinearGaussianTransitionModel, ConstantVelocity
from stonesoup.predictor.kalman import ExtendedKalmanPredictor
from stonesoup.tracker.simple import MultiTargetTracker
from stonesoup.types.angle import Bearing, Elevation
from stonesoup.types.array import CovarianceMatrix, StateVector
from stonesoup.types.detection import Detection
from stonesoup.types.state import GaussianState
from stonesoup.updater.kalman import ExtendedKalmanUpdater

EPOCH = datetime.datetime(2026, 1, 1)


def scans(path, model, period_s):
    """(time, detections) per radar scan, in scan order."""
    by_scan = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            t = float(row["time_s"])
            k = int(math.floor(t / period_s))
            bearing = math.pi / 2 - float(row["azimuth_rad"])
            z = StateVector([Elevation(float(row["elevation_rad"])), Bearing(bearing), float(row["range_m"])])
            when = EPOCH + datetime.timedelta(seconds=t)
            by_scan.setdefault(k, set()).add(Detection(z, timestamp=when, measurement_model=model))
    for k in sorted(by_scan):
        yield EPOCH + datetime.timedelta(seconds=(k + 1) * period_s), by_scan[k]


class ScanFeed:
    """A detector for MultiTargetTracker: yields each scan's detections."""

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--q", type=float, default=1.0, help="CV process noise, m^2/s^3 per axis")
    args = parser.parse_args()
    with open(os.path.join(args.dir, "scenario.json")) as f:
        scenario = json.load(f)
    radar = scenario["radar_enu_m"]
    model = CartesianToElevationBearingRange(
        ndim_state=6, mapping=(0, 2, 4),
        noise_covar=np.diag([scenario["sigma_elevation_rad"] ** 2, scenario["sigma_azimuth_rad"] ** 2,
                             scenario["sigma_range_m"] ** 2]),
        translation_offset=StateVector(radar))
    transition = CombinedLinearGaussianTransitionModel([ConstantVelocity(args.q)] * 3)
    predictor = ExtendedKalmanPredictor(transition)
    updater = ExtendedKalmanUpdater(model)
    # Gate: Mahalanobis distance 4.5 on 3 dimensions (chi-square ~0.9997).
    hypothesiser = DistanceHypothesiser(predictor, updater, measure=Mahalanobis(), missed_distance=4.5)
    associator = GNNWith2DAssignment(hypothesiser)
    deleter = UpdateTimeStepsDeleter(time_steps_since_update=3)
    # Position from the first plot (the reversible model); velocity unknown
    # within +-100 m/s (1 sigma).
    prior = GaussianState(StateVector([0, 0, 0, 0, 0, 0]), CovarianceMatrix(np.diag([0, 100 ** 2] * 3)))
    initiator = MultiMeasurementInitiator(
        prior_state=prior, measurement_model=model, deleter=UpdateTimeStepsDeleter(time_steps_since_update=2),
        data_associator=GNNWith2DAssignment(
            DistanceHypothesiser(predictor, updater, measure=Mahalanobis(), missed_distance=4.5)),
        updater=updater, min_points=3)
    period = scenario["scan_period_s"]
    feed = list(scans(os.path.join(args.dir, "detections.csv"), model, period))
    detections = sum(len(d) for _, d in feed)
    tracker = MultiTargetTracker(
        initiator=initiator, deleter=deleter, detector=ScanFeed(feed), data_associator=associator, updater=updater)

    rows = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for when, tracks in tracker:
        t = (when - EPOCH).total_seconds()
        for track in tracks:
            s = track.state
            x = np.asarray(s.state_vector, dtype=float).ravel()
            rows.append((t, id(track), (s.timestamp - EPOCH).total_seconds(), x))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    ids = {}
    with open(os.path.join(args.dir, "stonesoup_tracks.csv"), "w") as f:
        f.write("t_s,id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps\n")
        for t, key, state_t, x in rows:
            dt = t - state_t  # the last state, carried to the scan's end on its own velocity
            track_id = ids.setdefault(key, len(ids) + 1)
            f.write(f"{t},{track_id},{x[0] + x[1] * dt},{x[2] + x[3] * dt},{x[4] + x[5] * dt},{x[1]},{x[3]},{x[5]}\n")
    with open(os.path.join(args.dir, "stonesoup_time.json"), "w") as f:
        json.dump({"detections": detections, "scans": len(feed), "wall_s": wall, "cpu_s": cpu}, f)
        f.write("\n")
    print(f"stonesoup: {detections} plots in {len(feed)} scans, {wall:.2f} s wall, {cpu:.2f} s CPU, {len(ids)} tracks")


if __name__ == "__main__":
    main()
