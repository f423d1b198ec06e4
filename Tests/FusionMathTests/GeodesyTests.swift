import FusionMath
import Simulation
import Testing

@Suite struct GeodesyTests {
    /// Reference values published by independent implementations:
    /// pymap3d's test suite (42 N, 82 W, 200 m) and qzsl6tool's llh2ecef
    /// documentation (34.4401061 N, 132.4147804 E, 233.362 m).
    @Test(arguments: [
        (42.0, -82.0, 200.0, 660_675.2518247, -4_700_948.68316, 4_245_737.66222, 1e-3),
        (34.4401061, 132.4147804, 233.362, -3_551_876.829, 3_887_786.860, 3_586_946.387, 2e-2),
        (0.0, 0.0, 0.0, WGS84.a, 0.0, 0.0, 1e-6),
        (90.0, 0.0, 0.0, 0.0, 0.0, WGS84.b, 1e-6),
    ])
    func geodeticToECEFMatchesPublishedValues(
        lat: Double, lon: Double, h: Double, x: Double, y: Double, z: Double, tolerance: Double
    ) {
        let p = Geodetic(latitudeDeg: lat, longitudeDeg: lon, heightM: h).ecef
        #expect(p.isApproximatelyEqual(to: Vector3(x, y, z), absoluteTolerance: tolerance))
        let g = Geodetic(ecef: Vector3(x, y, z))
        #expect(abs(g.latitudeDeg - lat) < 1e-7)
        if abs(lat) < 90 { #expect(abs(g.longitudeDeg - lon) < 1e-7) }
        #expect(abs(g.heightM - h) < tolerance + 1e-3)
    }

    /// pymap3d: the point 1000 m away at azimuth 33 deg, elevation 70 deg from
    /// (42 N, 82 W, 200 m) is (42.002582 N, 81.997752 W, 1139.7018 m), given to
    /// six decimals of a degree (about 0.1 m).
    @Test func localFrameMatchesPublishedAzimuthElevationRange() {
        let frame = LocalFrame(origin: Geodetic(latitudeDeg: 42, longitudeDeg: -82, heightM: 200))
        let enu = frame.enu(from: Geodetic(latitudeDeg: 42.002582, longitudeDeg: -81.997752, heightM: 1139.7018))
        let az = Angle(degrees: 33).radians, el = Angle(degrees: 70).radians
        let expected = Vector3(
            1000 * Math.cos(el) * Math.sin(az), 1000 * Math.cos(el) * Math.cos(az), 1000 * Math.sin(el))
        #expect(enu.isApproximatelyEqual(to: expected, absoluteTolerance: 0.15))
    }

    @Test func roundTripsWithinOneMillimetre() {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<20_000 {
            let g = Geodetic(
                latitudeDeg: rng.uniform(-90, 90), longitudeDeg: rng.uniform(-180, 180),
                heightM: rng.uniform(-500, 40_000))
            let back = Geodetic(ecef: g.ecef)
            #expect(back.ecef.isApproximatelyEqual(to: g.ecef, absoluteTolerance: 1e-3))
            #expect(abs(back.heightM - g.heightM) < 1e-3)

            let frame = LocalFrame(origin: g)
            let enu = Vector3(rng.uniform(-50_000, 50_000), rng.uniform(-50_000, 50_000), rng.uniform(-1000, 10_000))
            let again = frame.enu(from: frame.geodetic(fromENU: enu))
            #expect(again.isApproximatelyEqual(to: enu, absoluteTolerance: 1e-3))
        }
    }

    @Test func enuAxesAreOrthonormalAndUpIsUp() {
        let origin = Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180)
        let frame = LocalFrame(origin: origin)
        let r = frame.ecefToENU * frame.ecefToENU.transposed
        #expect(r.isApproximatelyEqual(to: .identity, absoluteTolerance: 1e-12))
        var above = origin
        above.heightM += 100
        #expect(frame.enu(from: above).isApproximatelyEqual(to: Vector3(0, 0, 100), absoluteTolerance: 1e-6))
        let north = Geodetic(latitudeDeg: 50.46, longitudeDeg: 30.52, heightM: 180)
        let n = frame.enu(from: north)
        #expect(n.y > 1100 && abs(n.x) < 1e-6 && n.z < 0)  // north, and below the tangent plane
    }
}
