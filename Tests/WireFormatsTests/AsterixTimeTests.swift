import Simulation
import Testing
import WireFormats

@Suite struct AsterixTimeTests {
    static let day = AsterixTime.dayNs

    /// Property: the result has the given time of day and lies within half a
    /// day of the reference, for references across centuries and both signs.
    @Test func nearestDayProperty() {
        var g = SeededGenerator(seed: 0x7_1de)
        for _ in 0..<20_000 {
            let reference = Int64(bitPattern: g.next() % (200 * 365 * UInt64(Self.day))) - 50 * 365 * Self.day
            let tod = UInt32(g.next() % (86_400 * 128))
            guard let t = AsterixTime.absoluteNs(timeOfDay128: tod, referenceNs: reference) else {
                Issue.record("valid time of day refused")
                return
            }
            var ofDay = t % Self.day
            if ofDay < 0 { ofDay += Self.day }
            #expect(ofDay == Int64(tod) * AsterixTime.tickNs)
            #expect(t - reference <= Self.day / 2 && t - reference > -Self.day / 2)
        }
    }

    @Test func midnightBelongsToTheNeighbouringDay() throws {
        let midnight: Int64 = 1_700_006_400 * 1_000_000_000  // 2023-11-15 00:00:00 UTC
        #expect(midnight % Self.day == 0)
        // Clock 1 s before midnight, report 1 s after: next day.
        let justAfter = try #require(AsterixTime.absoluteNs(timeOfDay128: 128, referenceNs: midnight - 1_000_000_000))
        #expect(justAfter == midnight + 1_000_000_000)
        // Clock 1 s after midnight, report 1 s before: previous day.
        let justBefore = try #require(
            AsterixTime.absoluteNs(timeOfDay128: (86_400 - 1) * 128, referenceNs: midnight + 1_000_000_000))
        #expect(justBefore == midnight - 1_000_000_000)
    }

    @Test func outOfRangeTimeOfDayIsRefusedAndExtremesDoNotTrap() {
        #expect(AsterixTime.absoluteNs(timeOfDay128: 86_400 * 128, referenceNs: 0) == nil)
        #expect(AsterixTime.absoluteNs(timeOfDay128: 0, referenceNs: .max) != nil)
        #expect(AsterixTime.absoluteNs(timeOfDay128: 86_399 * 128, referenceNs: .min) != nil)
    }

    @Test func timeOfDayOfAbsoluteRoundTrips() {
        var g = SeededGenerator(seed: 99)
        for _ in 0..<10_000 {
            let ns = Int64(bitPattern: g.next() % (100 * 365 * UInt64(Self.day)))
            let tod = AsterixTime.timeOfDay128(ofNs: ns)
            let back = AsterixTime.absoluteNs(timeOfDay128: tod, referenceNs: ns)!
            #expect(abs(back - ns) <= AsterixTime.tickNs / 2)
        }
    }
}
