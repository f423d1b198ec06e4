#if canImport(Glibc)
import TestSupport
import Testing
import WireFormats

/// STYLE.md: the CAT048, CAT034 and CAT021 encoders append to a reused
/// buffer without any heap allocation per record. In the (serialized)
/// AllocationTests suite, since the runtime hook is process-wide.
extension AllocationTests {
    @Test func radarAndADSBEncodingIntoAReservedBufferDoesNotAllocate() {
        let plots = [
            Cat048Detection(timeNs: 1_794_787_200_000_000_000, rangeM: 5000, azimuthDeg: 45, heightM: 300, rangeRateMps: -20, amplitudeDbm: -80),
            Cat048Detection(
                timeNs: 1_794_787_200_100_000_000, rangeM: 15_000, azimuthDeg: 300, amplitudeDbm: -140, address: 0xABCDEF,
                mode3A: 7000, flightLevel: 310, trackNumber: 17),
        ]
        let marker = Cat034Service(
            kind: .northMarker, timeNs: 1_794_787_200_000_000_000, antennaPeriodS: 1,
            position: .init(latitudeDeg: 50.45, longitudeDeg: 30.52, heightMSLM: 180))
        let report = Cat021Target(
            timeNs: 1_794_787_200_000_000_000, address: 0x123456, latitudeDeg: 50.4, longitudeDeg: 30.5,
            geometricHeightM: 9000, flightLevel: 290, groundSpeedMps: 230, trackDeg: 280,
            callsign: AsterixCallsign("AUA123"), emitterCategory: 4, simulated: true)
        let e48 = Cat048Encoder(sac: 25, sic: 1), e34 = Cat034Encoder(sac: 25, sic: 1), e21 = Cat021Encoder(sac: 25, sic: 99)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        // Warm-up: one-time metadata.
        e48.appendBlock(plots, to: &out)
        e34.appendBlock(marker, to: &out)
        e21.appendBlock(report, to: &out)
        let n = AllocationCounter.counting {
            for _ in 0..<1_000 {
                e48.appendBlock(plots, to: &out)
                e34.appendBlock(marker, to: &out)
                e21.appendBlock(report, to: &out)
            }
        }
        #expect(n == 0, "\(n) allocations in 1000 x 4 records")
        var decoder = AsterixDecoder()
        var sink = RoundTripSink()
        decoder.decode(out, into: &sink)
        #expect(sink.plots.count == 2 * 1_001 && sink.messages.count == 1_001 && sink.reports.count == 1_001)
    }
}
#endif
