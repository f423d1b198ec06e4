import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct MeasurementStateInitializerTests {
    static let sigmaAz = 0.35 * Math.radiansPerDegree
    static let sigmaEl = 0.6 * Math.radiansPerDegree

    /// A noise-free plot converts to the point it came from, through any pose.
    @Test func radarPlotConvertsBackToItsPoint() throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<200 {
            let pose = TestSupport.randomPose(&rng)
            let x = TestSupport.randomState(near: pose, &rng)
            let z = TestSupport.trueRadar(x, pose)
            let m = Measurement.radar(
                timeNs: TestSupport.t0Ns, sensor: 0, pose: pose, rangeM: z[0], azimuthRad: z[1], elevationRad: z[2],
                rangeRateMps: nil, sigmaRangeM: 8, sigmaAzimuthRad: Self.sigmaAz, sigmaElevationRad: Self.sigmaEl,
                sigmaRangeRateMps: 0)
            let p = try MeasurementStateInitializer().position(from: m).mean
            #expect((p - Vector3(x[0], x[1], x[2])).norm < 1e-6)
        }
    }

    /// The converted covariance is consistent: over noisy plots of one
    /// point, the average position NEES (3 dof) is in its 95 % band.
    @Test func convertedCovarianceIsConsistent() throws {
        var rng = SeededGenerator(seed: 42)
        let pose = TestSupport.randomPose(&rng)
        let x = TestSupport.randomState(near: pose, &rng)
        let truth = Vector3(x[0], x[1], x[2])
        let n = 2000
        var sum = 0.0
        for _ in 0..<n {
            let m = TestSupport.radarPlot(
                x, pose: pose, timeNs: 0, sigmaRangeM: 8, sigmaAzRad: Self.sigmaAz, sigmaElRad: Self.sigmaEl, &rng)
            let (p, c) = try MeasurementStateInitializer().position(from: m)
            sum += try Cholesky(c).mahalanobisSquared(p - truth)
        }
        let lower = TestSupport.chiSquareQuantile(0.025, dof: Double(3 * n)) / Double(n)
        let upper = TestSupport.chiSquareQuantile(0.975, dof: Double(3 * n)) / Double(n)
        #expect(sum / Double(n) >= lower && sum / Double(n) <= upper)
    }

    /// A 2D plot is placed at the assumed altitude with the slant range
    /// kept, and its vertical uncertainty is the prior's.
    @Test func twoDimensionalRadarUsesAltitudePrior() throws {
        let pose = SensorPose(positionENU: Vector3(0, 0, 20))
        let m = Measurement.radar(
            timeNs: 0, sensor: 0, pose: pose, rangeM: 6000, azimuthRad: 1.0, elevationRad: nil, rangeRateMps: nil,
            sigmaRangeM: 10, sigmaAzimuthRad: Self.sigmaAz, sigmaElevationRad: 0, sigmaRangeRateMps: 0)
        let initializer = MeasurementStateInitializer(assumedAltitudeM: 300, altitudeSigmaM: 250)
        let s = try initializer.state(from: m)
        #expect(abs(s.mean[2] - 300) < 1e-6)
        #expect(abs((s.position - pose.positionENU).norm - 6000) < 1e-6)
        #expect(abs(s.covariance[2, 2].squareRoot() - 250) < 5)
    }

    /// A Doppler plot fixes the radial velocity and leaves the rest open.
    @Test func rangeRateSetsRadialVelocity() throws {
        let pose = SensorPose(positionENU: .zero)
        let m = Measurement.radar(
            timeNs: 0, sensor: 0, pose: pose, rangeM: 8000, azimuthRad: 0.7, elevationRad: 0.05, rangeRateMps: -25,
            sigmaRangeM: 8, sigmaAzimuthRad: Self.sigmaAz, sigmaElevationRad: Self.sigmaEl, sigmaRangeRateMps: 0.5)
        let s = try MeasurementStateInitializer().state(from: m)
        let u = (1 / s.position.norm) * s.position
        #expect(abs(s.velocity.dot(u) + 25) < 0.1)
        let radialVariance = u.dot(s.covariance.block(row: 3, column: 3) as Matrix3 * u)
        #expect(radialVariance < 1)
        #expect(s.covariance[3, 3] + s.covariance[4, 4] > 1000)
    }

    /// Two plots give velocity by differencing; a bearing gives nothing.
    @Test func twoPointStartAndUnobservableBearing() throws {
        var rng = SeededGenerator(seed: 43)
        let pose = SensorPose(positionENU: .zero)
        let x1 = StateVector([3000, 7000, 400, -30, 20, 2])
        let x2 = NearlyConstantVelocity(horizontalNoiseDensity: 0, verticalNoiseDensity: 0).propagate(x1, dt: 2)
        let m1 = TestSupport.radarPlot(
            x1, pose: pose, timeNs: 0, sigmaRangeM: 8, sigmaAzRad: Self.sigmaAz, sigmaElRad: Self.sigmaEl, &rng)
        let m2 = TestSupport.radarPlot(
            x2, pose: pose, timeNs: 2 * TestSupport.secondNs, sigmaRangeM: 8, sigmaAzRad: Self.sigmaAz,
            sigmaElRad: Self.sigmaEl, &rng)
        let s = try MeasurementStateInitializer().state(from: m1, then: m2)
        #expect(s.timeNs == 2 * TestSupport.secondNs)
        #expect(try TestSupport.nees(s, truth: x2) < 30)
        #expect(TestSupport.isSymmetricPositiveDefinite(s.covariance))
        #expect(throws: FilterError.invalidMeasurement) { try MeasurementStateInitializer().state(from: m2, then: m1) }
        let bearing = Measurement.bearing(
            timeNs: 0, sensor: 0, pose: pose, azimuthRad: 1, elevationRad: nil, sigmaAzimuthRad: 0.02,
            sigmaElevationRad: 0)
        #expect(throws: FilterError.notObservable) { try MeasurementStateInitializer().state(from: bearing) }
    }
}
