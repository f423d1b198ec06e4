import Cueing
import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct ThreatAssessmentTests {
    static let zone = Fixture.circle("Z", east: 0, north: 0, radius: 2000)

    static func assess(_ t: ThreatTrack, sigmaK: Double = 2) -> ThreatAssessment? {
        [zone].withUnsafeBufferPointer {
            ThreatAssessment.assess(
                position: t.state.position, velocity: t.state.velocity, covariance: t.state.covariance, zones: $0,
                horizonS: 600, sigmaK: sigmaK)
        }
    }

    /// A track whose mean passes 2.3 km from the centre of a 2 km zone:
    /// not a threat when well measured, a threat when its position (200 m)
    /// or its velocity (1 m/s over 5 minutes) is uncertain enough for the
    /// 2-sigma trajectories to clip the zone.
    @Test func uncertaintyMakesANearMissAThreat() {
        let p = Vector3(10000, 2300, 300), v = Vector3(-30, 0, 0)
        let sharp = Fixture.track(1, .uncrewed, at: p, velocity: v, timeNs: 0, sigmaP: 10, sigmaV: 0.1)
        #expect(Self.assess(sharp) == nil)
        let vaguePosition = Fixture.track(1, .uncrewed, at: p, velocity: v, timeNs: 0, sigmaP: 200, sigmaV: 0.1)
        let a = Self.assess(vaguePosition)
        #expect(a != nil && a?.nominalEntryS == nil)
        let vagueVelocity = Fixture.track(1, .uncrewed, at: p, velocity: v, timeNs: 0, sigmaP: 1, sigmaV: 1)
        #expect(Self.assess(vagueVelocity) != nil)
    }

    /// Over random tracks: the conservative entry is never later than the
    /// mean trajectory's, and with k = 0 it is exactly the mean's.
    @Test func conservativeEntryIsNeverLater() {
        var rng = SeededGenerator(seed: 21)
        var compared = 0
        for _ in 0..<2000 {
            let r = rng.uniform(2500, 15000), a = rng.uniform(0, 2 * Double.pi)
            let p = Vector3(r * Math.cos(a), r * Math.sin(a), rng.uniform(0, 3000))
            let heading = Math.atan2(-p.y, -p.x) + rng.uniform(-0.5, 0.5)
            let speed = rng.uniform(10, 60)
            let v = Vector3(speed * Math.cos(heading), speed * Math.sin(heading), rng.uniform(-3, 3))
            let t = Fixture.track(1, .uncrewed, at: p, velocity: v, timeNs: 0, sigmaP: rng.uniform(1, 100), sigmaV: rng.uniform(0.1, 3))
            let nominal = Self.zone.firstEntryS(position: p, velocity: v, horizonS: 600)
            let bare = Self.assess(t, sigmaK: 0)
            #expect(bare?.entryS == nominal)
            if let n = nominal {
                compared += 1
                let c = Self.assess(t)
                #expect(c != nil && c!.entryS <= n && c!.nominalEntryS == n)
            }
        }
        #expect(compared > 500)
    }

    /// The engine moves a state stamped earlier than the step along its
    /// velocity before assessing and cueing it.
    @Test func staleStatesArePredictedToTheStep() {
        let drone = Fixture.interceptor("D", zone: "Z", kind: .interceptorDrone, at: Vector3(0, 0, 100), speed: 80, range: 15000)
        var engine = Fixture.engine(zones: [Self.zone], interceptors: [drone])
        let track = Fixture.track(5, .uncrewed, at: Vector3(9000, 0, 300), velocity: Vector3(-30, 0, 2), timeNs: Fixture.t0)
        let events = Fixture.step(&engine, at: Fixture.t0 + 5 * Fixture.second, [track])
        #expect(events.count == 1)
        #expect(events.first!.targetPositionENU.isApproximatelyEqual(to: Vector3(8850, 0, 310), absoluteTolerance: 1e-6))
    }
}
