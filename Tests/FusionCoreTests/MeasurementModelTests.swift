import FusionCore
import FusionMath
import Simulation
import Testing

/// Measurement models: Jacobians against central finite differences of the
/// models' own `h`, values against an independent geometry, angle wrap.
@Suite struct MeasurementModelTests {
    /// Checks `prediction(x).jacobian` against central differences of
    /// `prediction(x).value` (steps 1 cm and 1 mm/s; angle differences wrapped).
    static func checkJacobian<let M: Int>(_ x: StateVector, _ predict: (StateVector) -> MeasurementPrediction<M>)
        -> Bool
    {
        let analytic = predict(x).jacobian
        for j in 0..<6 {
            let step = j < 3 ? 1e-2 : 1e-3
            var plus = x, minus = x
            plus[j] += step
            minus[j] -= step
            let hp = predict(plus), hm = predict(minus)
            for i in 0..<M {
                var diff = hp.value[i] - hm.value[i]
                if hp.isAngle[i] { diff = Angle.wrapSigned(diff) }
                let numeric = diff / (2 * step)
                let tolerance = 1e-9 + 1e-5 * abs(analytic[i, j])
                if !(abs(numeric - analytic[i, j]) <= tolerance) { return false }
            }
        }
        return true
    }

    @Test func jacobiansMatchFiniteDifferences() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let pose = TestSupport.randomPose(&rng)
            let x = TestSupport.randomState(near: pose, &rng)
            #expect(Self.checkJacobian(x) { CartesianToElevationBearingRange(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToElevationBearingRangeRate(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToBearingRange(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToBearingRangeRate(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToElevationBearing(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToBearing(pose: pose).predict($0) })
            #expect(Self.checkJacobian(x) { CartesianToPosition().predict($0) })
        }
    }

    @Test func valuesMatchIndependentGeometry() {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<200 {
            let pose = TestSupport.randomPose(&rng)
            let x = TestSupport.randomState(near: pose, &rng)
            let truth = TestSupport.trueRadar(x, pose)
            let h = CartesianToElevationBearingRangeRate(pose: pose).predict(x).value
            #expect(abs(h[0] - truth[0]) < 1e-6)
            #expect(abs(Angle.wrapSigned(h[1] - truth[1])) < 1e-12)
            #expect(abs(h[2] - truth[2]) < 1e-12)
            #expect(abs(h[3] - truth[3]) < 1e-9)
        }
    }

    /// A geodetic site's pose rotates the tracking frame into the sensor's
    /// own: a target due north of a sensor 0.3 deg east of the origin is at
    /// azimuth 0 in the sensor's axes but not in the tracking frame's.
    @Test func sensorAxesComeFromItsSite() {
        let origin = Geodetic(latitudeDeg: 60, longitudeDeg: 10, heightM: 0)
        let site = Geodetic(latitudeDeg: 60, longitudeDeg: 10.3, heightM: 0)
        let target = Geodetic(latitudeDeg: 60.1, longitudeDeg: 10.3, heightM: 500)
        let frame = LocalFrame(origin: origin)
        let pose = SensorPose(at: site, in: frame)
        let p = frame.enu(from: target)
        let x = StateVector([p.x, p.y, p.z, 0, 0, 0])
        let az = CartesianToBearing(pose: pose).predict(x).value[0]
        let naive = Math.atan2(p.x - pose.positionENU.x, p.y - pose.positionENU.y)
        #expect(abs(az) < 1e-6)
        #expect(abs(naive) > 1e-3)
    }

    /// A target crossing north: predicted just east of north, measured just
    /// west of it (reported as 359.8 deg). The innovation is a fraction of a
    /// degree, not 2 pi, and the update moves the estimate west.
    @Test func azimuthInnovationWrapsAcrossNorth() throws {
        let pose = SensorPose(positionENU: .zero)
        var p = StateCovariance.diagonal(Vector<6>([100 * 100, 100 * 100, 100 * 100, 25, 25, 25]))
        p = p.symmetrized
        let state = GaussianState(
            mean: StateVector([15, 5000, 300, -20, 0, 0]), covariance: p, timeNs: TestSupport.t0Ns)
        let measuredAz = 2 * Double.pi - 15.0 / 5000
        for hasElevation in [false, true] {
            let m = Measurement.radar(
                timeNs: TestSupport.t0Ns, sensor: 0, pose: pose, rangeM: 5009, azimuthRad: measuredAz,
                elevationRad: hasElevation ? 0.06 : nil, rangeRateMps: nil, sigmaRangeM: 8,
                sigmaAzimuthRad: 0.35 * Math.radiansPerDegree, sigmaElevationRad: 0.6 * Math.radiansPerDegree,
                sigmaRangeRateMps: 0)
            let updater = ExtendedKalmanUpdater()
            let nu = try updater.innovation(of: state, for: m)
            #expect(nu.normalisedSquared < 5)
            let updated = try updater.update(state, with: m).state
            #expect(updated.mean[0] < 0)
            #expect(updated.mean[0] > -20)
            let bearing = Measurement.bearing(
                timeNs: TestSupport.t0Ns, sensor: 0, pose: pose, azimuthRad: measuredAz, elevationRad: nil,
                sigmaAzimuthRad: 0.01, sigmaElevationRad: 0)
            #expect(try updater.innovation(of: state, for: bearing).normalisedSquared < 5)
        }
    }
}
