import CGPS
import FusionNode
import Testing

/// The gpsd client without a gpsd: reconnect backoff under a hand-driven
/// clock (against a loopback port where nothing listens), and the mapping
/// of libgps fixes and time deltas to OwnFix and ClockOffset.
@Suite struct GpsdClientTests {
    @Test("no gpsd: stays disconnected, retries on a doubling, capped backoff, never stops")
    func backoffWithoutGpsd() throws {
        let port = try #require(ChildProcess.freeLoopbackPort())
        var configuration = GpsdConfiguration(host: "127.0.0.1", port: port)
        configuration.reconnectInitialNs = 100
        configuration.reconnectMaxNs = 400
        let t0: Int64 = 1_700_000_000_000_000_000
        let client = GpsdClient(configuration: configuration, nowNs: t0)
        var events: [GpsdEvent] = []
        #expect(client.nextDeadlineNs == t0)

        // Attempt times: t0, +100, +300, +700, +1100 (gaps 100, 200, 400, 400).
        var attemptTimes: [Int64] = []
        for now in t0...(t0 + 1_200) {
            let before = client.counters.connectAttempts
            client.poll(nowNs: now) { events.append($0) }
            if client.counters.connectAttempts > before { attemptTimes.append(now) }
        }
        #expect(attemptTimes.map { $0 - t0 } == [0, 100, 300, 700, 1_100])
        #expect(client.nextDeadlineNs == t0 + 1_500)
        #expect(client.counters.connects == 0)
        #expect(client.status == .disconnected)
        #expect(client.statusSinceNs == t0)
        #expect(client.degradedSinceNs == t0)
        #expect(client.fileDescriptor == nil)
        #expect(events.isEmpty)
        guard case .openFailed(let code) = client.lastError else {
            Issue.record("expected openFailed, got \(String(describing: client.lastError))")
            return
        }
        #expect(code != 0)
    }

    /// A libgps fix as a TPV leaves it: absent fields NaN.
    static func tpv(mode: Int32) -> gps_fix_t {
        var fix = gps_fix_t()
        fix.mode = mode
        for keyPath in [
            \gps_fix_t.latitude, \.longitude, \.altHAE, \.altMSL, \.geoid_sep, \.speed, \.track, \.climb,
            \.eph, \.epv,
        ] as [WritableKeyPath<gps_fix_t, Double>] {
            fix[keyPath: keyPath] = .nan
        }
        return fix
    }

    @Test("OwnFix: mode, time and the altitude fallbacks of a TPV")
    func ownFixFromTPV() throws {
        let timeSet: gps_mask_t = 1 << 2  // TIME_SET in gps.h
        var fix = Self.tpv(mode: 1)
        fix.latitude = 55.78
        fix.longitude = 23.57
        #expect(OwnFix(tpv: fix, mask: 0, receivedNs: 5, configuredGeoidSeparationM: nil) == nil)

        fix.mode = 3
        fix.altMSL = 37.0
        fix.time = timespec(tv_sec: 1_879_687_505, tv_nsec: 500_000_000)
        fix.speed = 15.6
        fix.eph = 51.7
        // MSL only: the configured separation fills in, or nothing does.
        let configured = try #require(
            OwnFix(tpv: fix, mask: timeSet, receivedNs: 5, configuredGeoidSeparationM: 26.9))
        #expect(configured.altitudeSource == .mslPlusConfiguredGeoid)
        #expect(abs((configured.altitudeHaeM ?? 0) - 63.9) < 1e-9)
        #expect(configured.timeNs == 1_879_687_505_500_000_000)
        #expect(configured.receivedNs == 5)
        #expect(configured.speedMps == 15.6)
        #expect(configured.ephM == 51.7)
        #expect(configured.trackDeg == nil && configured.climbMps == nil && configured.epvM == nil)
        let none = try #require(OwnFix(tpv: fix, mask: 0, receivedNs: 5, configuredGeoidSeparationM: nil))
        #expect(none.altitudeSource == .none && none.altitudeHaeM == nil)
        #expect(none.timeNs == nil)

        // Reported separation beats configuration; altHAE beats both.
        fix.geoid_sep = 26.0
        let reported = try #require(OwnFix(tpv: fix, mask: 0, receivedNs: 5, configuredGeoidSeparationM: 99))
        #expect(reported.altitudeSource == .mslPlusReportedGeoid)
        #expect(abs((reported.altitudeHaeM ?? 0) - 63.0) < 1e-9)
        fix.altHAE = 64.5
        let hae = try #require(OwnFix(tpv: fix, mask: 0, receivedNs: 5, configuredGeoidSeparationM: 99))
        #expect(hae.altitudeSource == .reportedHAE && hae.altitudeHaeM == 64.5)

        // 2D: altitude is not valid, whatever the fields say.
        fix.mode = 2
        let flat = try #require(OwnFix(tpv: fix, mask: 0, receivedNs: 5, configuredGeoidSeparationM: 99))
        #expect(flat.mode == 2 && flat.altitudeHaeM == nil && flat.altitudeSource == .none)
    }

    @Test("ClockOffset: system clock minus GPS time, nil without a GPS time")
    func clockOffsetFromDelta() throws {
        let delta = timedelta_t(
            real: timespec(tv_sec: 1_000, tv_nsec: 900_000_000),
            clock: timespec(tv_sec: 1_001, tv_nsec: 100_000_000))
        let offset = try #require(ClockOffset(source: .pps, delta: delta, receivedNs: 7))
        #expect(offset.offsetNs == 200_000_000)
        #expect(offset.gpsTimeNs == 1_000_900_000_000)
        #expect(offset.source == .pps)
        #expect(ClockOffset(source: .toff, delta: timedelta_t(), receivedNs: 7) == nil)
    }
}
