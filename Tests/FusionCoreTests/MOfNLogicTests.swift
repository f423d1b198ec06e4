import FusionCore
import Simulation
import Testing

@Suite struct MOfNLogicTests {
    let second: Int64 = 1_000_000_000

    @Test func confirmsAfterMHitsAndCountsMisses() {
        var logic = MOfNLogic(firstHitNs: 0, revisitNs: second)
        #expect(!logic.isConfirmed(m: 3, n: 4, atNs: 0))
        logic.recordHit(atNs: 1 * second + 20_000_000)
        logic.recordHit(atNs: 3 * second - 10_000_000)  // scan 2 missed
        #expect(logic.hits(inLast: 4, atNs: 3 * second) == 3)
        #expect(logic.isConfirmed(m: 3, n: 4, atNs: 3 * second))
        #expect(logic.missedOpportunities(atNs: 3 * second + 1_400_000_000) == 0)
        #expect(logic.missedOpportunities(atNs: 3 * second + 1_600_000_000) == 1)
        #expect(logic.missedOpportunities(atNs: 6 * second) == 2)
    }

    @Test func updatesWithinHalfAPeriodAreOneOpportunity() {
        var logic = MOfNLogic(firstHitNs: 0, revisitNs: second)
        logic.recordHit(atNs: 200_000_000)
        logic.recordHit(atNs: 400_000_000)
        #expect(logic.hits(inLast: 4, atNs: 400_000_000) == 1)
        #expect(logic.totalOpportunities(atNs: 400_000_000) == 1)
    }

    /// Against a direct simulation of scans with random hits: the window's hit
    /// count equals the count of hit scans among the last n.
    @Test func matchesScanByScanModel() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<500 {
            var logic = MOfNLogic(firstHitNs: 0, revisitNs: second)
            var scans: [Bool] = [true]
            for k in 1..<30 {
                let hit = rng.uniform() < 0.6
                scans.append(hit)
                let jitter = Int64(rng.uniform(-0.05, 0.05) * 1e9)  // a target keeps its azimuth, so its plot time within a scan
                if hit { logic.recordHit(atNs: Int64(k) * second + jitter) }
            }
            let now = 29 * second + 600_000_000  // scan 29 is decided (hit or missed) 1.5 periods after scan 28
            for n in [3, 5, 8] {
                let expected = scans.suffix(n).filter { $0 }.count
                #expect(logic.hits(inLast: n, atNs: now) == expected)
            }
        }
    }

    @Test func tentativeTrackThatCannotReachMOfNIsDropped() {
        var logic = MOfNLogic(firstHitNs: 0, revisitNs: second)
        #expect(!logic.cannotConfirm(m: 3, n: 5, atNs: 2 * second))
        #expect(logic.cannotConfirm(m: 3, n: 5, atNs: 4 * second))  // 3 silent scans > n - m
        logic.recordHit(atNs: 1 * second)
        #expect(!logic.cannotConfirm(m: 3, n: 5, atNs: 3 * second))
    }
}

extension MOfNLogicTests {
    /// A plot that arrives after a later one still marks its own scan.
    @Test func lateHitMarksItsOwnOpportunity() {
        var inOrder = MOfNLogic(firstHitNs: 0, revisitNs: second)
        var late = inOrder
        for k in [1, 2, 3] { inOrder.recordHit(atNs: Int64(k) * second) }
        for k in [1, 3, 2] { late.recordHit(atNs: Int64(k) * second) }
        #expect(late.window == inOrder.window)
        #expect(late.hits(inLast: 4, atNs: 3 * second) == 4)
    }
}
