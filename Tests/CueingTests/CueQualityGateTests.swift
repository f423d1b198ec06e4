import Cueing
import FusionCore
import FusionMath
import Testing

/// The track-quality gate: a track is cued only while it was fixed
/// recently and its position is known well enough to aim at.
@Suite struct CueQualityGateTests {
    static let zone = Fixture.circle("NPP", east: 0, north: 0, radius: 2000)
    static let drone = Fixture.interceptor("IDR-1", zone: "NPP", kind: .interceptorDrone, at: Vector3(0, 0, 100), speed: 80, range: 12000)

    static func inbound(t: Double, sigmaP: Double = 10, sigmaV: Double = 1, lastFixS: Double? = nil) -> ThreatTrack {
        let now = Fixture.t0 + Int64(t * 1e9)
        var track = Fixture.track(
            17, .uncrewed, at: Vector3(9000 - 30 * t, 0, 300), velocity: Vector3(-30, 0, 0), timeNs: now, sigmaP: sigmaP,
            sigmaV: sigmaV)
        if let fix = lastFixS { track.lastFixNs = Fixture.t0 + Int64(fix * 1e9) }
        return track
    }

    /// A 2D radar's track (height unknown to 1 km) or a diverged one is never cued.
    @Test(arguments: [600.0, 1000.0])
    func uncertainTracksAreNotCued(sigmaM: Double) {
        var engine = Fixture.engine(zones: [Self.zone], interceptors: [Self.drone])
        for step in 0..<30 {
            let events = Fixture.step(&engine, at: Fixture.t0 + Int64(step) * Fixture.second, [Self.inbound(t: Double(step), sigmaP: sigmaM)])
            #expect(events.isEmpty)
        }
    }

    /// A track whose velocity is not known to 50 m/s (one left behind by its
    /// target and dragged by stray measurements) is never cued, however
    /// fresh its fix and small its position sigma; at 40 m/s it is.
    @Test func tracksWithAnUnknownVelocityAreNotCued() {
        for (sigmaV, cued) in [(120.0, false), (60.0, false), (40.0, true)] {
            var engine = Fixture.engine(zones: [Self.zone], interceptors: [Self.drone])
            var news = 0
            for step in 0..<10 {
                let t = Double(step)
                let tracks = [Self.inbound(t: t, sigmaP: 20, sigmaV: sigmaV, lastFixS: t)]
                news += Fixture.step(&engine, at: Fixture.t0 + Int64(step) * Fixture.second, tracks).filter {
                    $0.kind == .new
                }.count
            }
            #expect((news > 0) == cued, "velocity sigma \(sigmaV) m/s: \(news) new cues")
        }
    }

    /// A cued track that goes without a fix for longer than `maxCoastS`
    /// (kept alive by bearings, or coasting) has its cue cancelled in the
    /// step it crosses the limit, and is cued anew once fixed again.
    @Test func coastingPastTheLimitCancelsAndAFixRestores() {
        var engine = Fixture.engine(zones: [Self.zone], interceptors: [Self.drone])
        var ledger = CueLedger()
        let limit = CueingParameters().maxCoastS
        var cancelledAt: Double? = nil
        for step in 0..<30 {
            let t = Double(step)
            // Fixed every second until t = 10, then not until t = 20.
            let lastFix = t <= 10 || t >= 20 ? t : 10
            let tracks = [Self.inbound(t: t, lastFixS: lastFix)]
            let events = Fixture.step(&engine, at: Fixture.t0 + Int64(step) * Fixture.second, tracks)
            ledger.record(events, tracks: tracks)
            for e in events where e.kind == .cancel {
                #expect(e.cancelReason == .trackQuality)
                cancelledAt = t
            }
        }
        #expect(cancelledAt == 10 + limit.rounded(.down) + 1)
        #expect(ledger.counts[.new] == 2 && ledger.counts[.cancel] == 1)
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
    }
}
