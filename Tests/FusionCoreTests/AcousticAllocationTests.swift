#if canImport(Glibc)
import FusionCore
import FusionMath
import Glibc
import Simulation
import TestSupport
import Testing

/// The acoustic path allocates nothing either: 20 drones over a grid of
/// acoustic sensors, counted from 20 s in while the cross-fix initiator is
/// still starting tracks (launches run over the first 45 s), so storing,
/// crossing, support and silence checks and track starts are all counted.
/// Threshold exactly 0, as `AllocationTests`.
@Suite(.serialized, .enabled(if: AllocationCounter.available, "Swift runtime allocation hook not found"),
    .enabled(if: AllocationCounter.requested, "runs in the serial pass: SKYCUE_ALLOCATION_TESTS=1"))
struct AcousticAllocationTests {
    @Test func crossFixInitiationDoesNotAllocate() {
        let seed: UInt64 = 3
        let field = AcousticField.drones(count: 20, durationS: 180, seed: seed)
        let feed = SensorFeed(scenario: field.scenario, radars: [], acoustic: field.sensors, seed: seed)
        let scenario = field.scenario
        let cutNs = scenario.startNs + 20_000_000_000
        let warmScenario = Scenario(
            frame: scenario.frame, startNs: scenario.startNs, endNs: cutNs, seed: seed, targets: scenario.targets)
        var warmFeed = feed
        warmFeed.batches = feed.batches.filter { $0.arrivalNs <= cutNs }
        var engine = FusionEngine()
        TrackingRun.run(warmFeed, scenario: warmScenario, engine: &engine) { _ in }
        let startedBefore = engine.crossFix.counters.started

        let rest = feed.batches.filter { $0.arrivalNs > cutNs }
        let batches = rest.map { $0.detections.map(\.measurement) }
        let arrivals = rest.map(\.arrivalNs)
        var allocations = 0, counted = 0
        var nextMaintainNs = cutNs + 1_000_000_000
        for (k, batch) in batches.enumerated() {
            while arrivals[k] > nextMaintainNs {
                let t = nextMaintainNs
                if let n = AllocationCounter.countingWithControl({ engine.maintain(atNs: t) }) { allocations += n }
                nextMaintainNs += 1_000_000_000
            }
            batch.withUnsafeBufferPointer { buffer in
                if let n = AllocationCounter.countingWithControl({ engine.process(buffer) }) {
                    allocations += n
                    counted += buffer.count
                }
            }
        }
        #expect(counted >= 5_000, "bearings counted: \(counted)")
        #expect(engine.crossFix.counters.started - startedBefore >= 5, "cross-fix starts while counted")
        #expect(allocations == 0, "\(allocations) allocations in \(counted) bearings")
    }
}
#endif
