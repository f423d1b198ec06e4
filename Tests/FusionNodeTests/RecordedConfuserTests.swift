import FusionCore
import Simulation
import Testing

/// Real crewed flights, not simulated ones, as the confusers they are:
/// helicopter air ambulances flying low and slow, gliders thermalling and
/// gliding, a survey aircraft mowing the lawn and a TV-relay aircraft
/// loitering (OpenSky recordings, ../shared/data/traffic-samples). Each is cut
/// into stretches of 4 minutes, each flown with its transponder off through
/// the hard cases' site (the 3D radar and seven acoustic arrays, which hear
/// the kind's engine) centred under it, 3 km and 6 km south of it (the
/// radar's view of a high glider, beyond most arrays), three seeds each
/// (radar cross-section, engine note, sensor noise). The node must never
/// declare its track uncrewed. The kinematics are the recording's (`RecordedPath`: smoothed at
/// its sampling interval, 1 s for the helicopters, ~10 s for the others); the
/// radar cross-section and the engine note are drawn from the kind's ranges.
@Suite struct RecordedConfuserTests {
    static let flights: [(name: String, kind: TargetKind)] = [
        ("rega_zh", .helicopter), ("rega_sg", .helicopter), ("samu31", .helicopter),
        ("luberon", .glider), ("sisteron", .glider),
        ("pixair_toulouse", .lightAircraft), ("vasaloppet", .lightAircraft),
    ]

    @Test(.enabled(if: TestPaths.hasData, "../shared/data missing: skipped"))
    func recordedCrewedFlightsAreNeverDeclaredUncrewed() throws {
        var stretches = 0
        for (name, kind) in Self.flights {
            guard let flight = try RecordedFlight(name: name) else {
                Issue.record("\(name): not readable (gzip missing?)")
                continue
            }
            var score = ClassificationScore()
            let cut = flight.stretches(lengthS: 240, count: 6)
            #expect(!cut.isEmpty, "\(name): no airborne stretch of 240 s")
            for (k, stretch) in cut.enumerated() {
                for seed in UInt64(1)...3 {
                    for southM in [0.0, 3_000, 6_000] {
                        let scenario = flight.scenario(stretch, kind: kind, southM: southM, seed: seed << 8 | UInt64(k))
                        // Any case with the whole site (radar and arrays round the origin).
                        score.merge(HardCaseSetup(hardCase: .lowSlowHelicopter, site: scenario).run(seed: seed))
                    }
                }
            }
            stretches += cut.count
            print("\(name) (\(kind), \(cut.count) stretches):\n\(score.table)")
            #expect(score.crewedAsUncrewed == 0, "\(name): \(score.crewedAsUncrewedCases)")
            let tracked = score.snapshots(of: .crewed, reportedAs: Set(TargetClass.allCases)).total
            #expect(tracked > 0, "\(name): never tracked, so the test shows nothing")
        }
        #expect(stretches >= 20)
    }
}
