import Foundation
import FusionNode
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The gpsd client against a real gpsd fed by gpsfake (gpsd 3.22 on Debian
/// 12) replaying bt451.log: a receiver indoors without a fix, then
/// stationary, then in a car at ~15.6 m/s some 2 km away. Serialized: each
/// test runs its own gpsfake on its own loopback port, and the box is small.
@Suite(
    .serialized, .timeLimit(.minutes(1)),
    .enabled(
        if: GpsfakeProcess.canReplayBT451,
        "skipped: needs gpsfake (Debian gpsd-clients) and ../shared/data/gpsd/bt451.log"))
struct GpsdIntegrationTests {
    static var logPath: String { GpsfakeProcess.bt451LogPath }

    /// Fast reconnects, so that the tests do not wait on the default backoff.
    static func configuration(port: UInt16) -> GpsdConfiguration {
        var configuration = GpsdConfiguration(host: "127.0.0.1", port: port)
        configuration.reconnectInitialNs = 50_000_000
        configuration.reconnectMaxNs = 400_000_000
        return configuration
    }

    /// Starts gpsfake on `port`; `-n` makes gpsd read the fake receiver at
    /// once (without it gpsd opens the device only for a client and drops
    /// what was already written), `-c` paces the sentences.
    static func startGpsfake(port: UInt16, arguments: [String]) throws -> GpsfakeProcess {
        let executable = try #require(GpsfakeProcess.executable)
        return try #require(
            GpsfakeProcess(
                executable: executable, port: port, arguments: arguments, log: logPath,
                outputPath: "/tmp/skycue-gpsfake-\(port)-\(getpid()).log"),
            "could not spawn gpsfake")
    }

    /// Drives `client` as the node's loop would, with the real clock, until
    /// `done()` or `seconds` pass. Returns whether `done()` became true.
    @discardableResult
    static func pump(
        _ client: GpsdClient, seconds: Double, onEvent: (GpsdEvent) -> Void = { _ in },
        until done: () -> Bool
    ) -> Bool {
        let deadline = ChildProcess.monotonicNs() + Int64(seconds * 1e9)
        while ChildProcess.monotonicNs() < deadline {
            client.poll(nowNs: ChildProcess.realtimeNs(), waitUs: 20_000, onEvent: onEvent)
            if done() { return true }
            if client.fileDescriptor == nil { usleep(10_000) }  // poll does not wait then
        }
        return done()
    }

    @Test("positions follow the log field by field and move as the car does")
    func positionsFollowTheLog() throws {
        let reference = try NmeaReferenceLog(path: Self.logPath)
        let port = try #require(ChildProcess.freeLoopbackPort())
        let fake = try Self.startGpsfake(port: port, arguments: ["-1", "-n", "-q", "-c", "0.02", "-W", "2"])
        defer { fake.stop() }
        let client = GpsdClient(configuration: Self.configuration(port: port), nowNs: ChildProcess.realtimeNs())
        var fixes: [OwnFix] = []
        var offsets: [ClockOffset] = []
        var statuses: [GpsdStatus] = []
        // gpsfake -1 plays the log once, then exits and takes gpsd with it.
        let ended = Self.pump(client, seconds: 40, onEvent: { event in
            switch event {
            case .fix(let fix): fixes.append(fix)
            case .clockOffset(let offset): offsets.append(offset)
            case .statusChanged(_, let to, _, _): statuses.append(to)
            }
        }) { client.counters.disconnects > 0 || (!fake.isRunning && client.counters.connects == 0) }
        #expect(ended, "gpsfake did not finish the log in time")
        #expect(client.counters.connects >= 1)
        #expect(client.counters.fixes == fixes.count)
        #expect(client.counters.reads > fixes.count)
        try #require(fixes.count >= 10, "only \(fixes.count) fixes")

        // Each fix is a position of the log, in log order, at its time of day.
        var next = 0
        var covered = Set<Int64>()
        for fix in fixes {
            let timeOfDay = fix.timeNs.map { ($0 / 1_000_000) % 86_400_000 }
            let match = reference.positions[next...].first { position in
                abs(position.latitudeDeg - fix.latitudeDeg) <= 1e-6
                    && abs(position.longitudeDeg - fix.longitudeDeg) <= 1e-6
                    && (timeOfDay == nil || timeOfDay == position.timeOfDayMs)
            }
            let position = try #require(match, "fix \(fix) is not the next position of the log")
            next = position.index
            guard let timeOfDay else { continue }
            covered.insert(timeOfDay)
            if let rmc = reference.rmcByTime[timeOfDay] {
                let speed = try #require(fix.speedMps)
                #expect(abs(speed - rmc.speedMps) <= 0.01, "speed at \(timeOfDay)")
                if let course = rmc.courseDeg, let track = fix.trackDeg {
                    #expect(abs(track - course) <= 0.01, "track at \(timeOfDay)")
                }
            }
            if let hae = reference.haeByTime[timeOfDay], fix.mode == 3 {
                let altitude = try #require(fix.altitudeHaeM)
                #expect(abs(altitude - hae) <= 1e-3, "altitude at \(timeOfDay)")
            }
        }
        // Most epochs come through (gpsd reports an epoch when the next one
        // starts, so the very last is never reported).
        #expect(Double(covered.count) >= 0.7 * Double(reference.epochs.count))

        // The node's position moves as the car does: ~2 km from the parking
        // spot to the road, then consecutive fixes apart by speed x time,
        // along the reported track.
        let first = fixes[0]
        let farthest = fixes.map {
            NmeaReferenceLog.distanceM(first.latitudeDeg, first.longitudeDeg, $0.latitudeDeg, $0.longitudeDeg)
        }.max() ?? 0
        #expect(farthest > 1_500)
        var drivingSteps = 0
        for (a, b) in zip(fixes, fixes.dropFirst()) {
            guard let ta = a.timeNs, let tb = b.timeNs, tb > ta, let va = a.speedMps, let vb = b.speedMps,
                va > 5, vb > 5, let track = b.trackDeg
            else { continue }
            let dt = Double(tb - ta) / 1e9
            guard dt <= 2 else { continue }
            let moved = NmeaReferenceLog.distanceM(a.latitudeDeg, a.longitudeDeg, b.latitudeDeg, b.longitudeDeg)
            #expect(abs(moved - (va + vb) / 2 * dt) <= 0.2 * (va + vb) / 2 * dt)
            let heading = NmeaReferenceLog.bearingDeg(a.latitudeDeg, a.longitudeDeg, b.latitudeDeg, b.longitudeDeg)
            #expect(abs(remainder(heading - track, 360)) <= 5)
            drivingSteps += 1
        }
        #expect(drivingSteps >= 3)

        // TOFF: gpsd's GPS time is a time of the log (any sentence with a
        // time and position, GLL included); its system-clock half is our
        // clock when we read it.
        #expect(!offsets.isEmpty)
        let logTimes = Set(reference.positions.map(\.timeOfDayMs))
        for offset in offsets {
            #expect(offset.source == .toff)
            #expect(offset.offsetNs == offset.systemTimeNs - offset.gpsTimeNs)
            #expect(logTimes.contains((offset.gpsTimeNs / 1_000_000) % 86_400_000))
            #expect(abs(offset.receivedNs - offset.systemTimeNs) < 10_000_000_000)
        }

        // Status: up to a 3D fix, then degraded (not stopped) when gpsd went.
        #expect(statuses.contains(.fix3D))
        #expect(client.status == .disconnected)
        #expect(client.degradedSinceNs != nil)
        #expect(client.lastFix == fixes.last)
    }

    @Test("gpsd stopping degrades to disconnected; a restart on the same port recovers the same client")
    func reconnectsAfterGpsdRestarts() throws {
        let port = try #require(ChildProcess.freeLoopbackPort())
        // Cycling the log (no -1) keeps gpsd up until we stop it.
        var fake = try Self.startGpsfake(port: port, arguments: ["-n", "-q", "-c", "0.01"])
        defer { fake.stop() }
        let client = GpsdClient(configuration: Self.configuration(port: port), nowNs: ChildProcess.realtimeNs())
        var changes: [(to: GpsdStatus, atNs: Int64, error: GpsdError?)] = []
        let record: (GpsdEvent) -> Void = { event in
            if case .statusChanged(_, let to, let atNs, let error) = event { changes.append((to, atNs, error)) }
        }
        try #require(Self.pump(client, seconds: 20, onEvent: record) { client.status >= .fix2D }, "no fix")
        #expect(client.counters.connects == 1)
        #expect(client.degradedSinceNs == nil)
        #expect(client.fileDescriptor != nil)

        // gpsd goes away: reported as disconnected, with when and why.
        let stoppedNs = ChildProcess.realtimeNs()
        fake.stop()
        try #require(Self.pump(client, seconds: 10, onEvent: record) { client.status == .disconnected })
        #expect(client.counters.disconnects == 1)
        #expect(client.fileDescriptor == nil)
        let lost = try #require(changes.last)
        #expect(lost.to == .disconnected)
        #expect(lost.atNs >= stoppedNs)
        #expect(lost.error == .readFailed(code: 0))
        let degradedSince = try #require(client.degradedSinceNs)
        #expect(degradedSince >= stoppedNs)

        // While it is down the client keeps trying (with backoff), never stops.
        let attempts = client.counters.connectAttempts
        Self.pump(client, seconds: 1, onEvent: record) { false }
        #expect(client.status == .disconnected)
        #expect(client.counters.connectAttempts > attempts)
        #expect(client.counters.connects == 1)
        if case .openFailed = client.lastError {} else {
            Issue.record("expected a failed gps_open while gpsd is down, got \(String(describing: client.lastError))")
        }
        #expect(client.degradedSinceNs == degradedSince)

        // Same port, same client object: it reconnects and the fix returns.
        let fixesBefore = client.counters.fixes
        fake = try Self.startGpsfake(port: port, arguments: ["-n", "-q", "-c", "0.01"])
        try #require(Self.pump(client, seconds: 20, onEvent: record) { client.status >= .fix2D }, "no recovery")
        #expect(client.counters.connects == 2)
        #expect(client.counters.disconnects == 1)
        #expect(client.counters.fixes > fixesBefore)
        #expect(client.degradedSinceNs == nil)
        #expect(client.fileDescriptor != nil)
        #expect(Array(changes.map(\.to).suffix(2)) == [.connectedNoFix, client.status])
    }

    @Test("a lost fix while connected is reported with its start time and recovers")
    func lossOfFixIsDegradedNotFatal() throws {
        let port = try #require(ChildProcess.freeLoopbackPort())
        // Each cycle of the log starts indoors without a fix: a fix loss.
        let fake = try Self.startGpsfake(port: port, arguments: ["-n", "-q", "-c", "0.01"])
        defer { fake.stop() }
        let client = GpsdClient(configuration: Self.configuration(port: port), nowNs: ChildProcess.realtimeNs())
        var sawFix = false
        var lostAtNs: Int64?
        var degradedWhileLost: Int64?
        var recovered = false
        let done = Self.pump(client, seconds: 30, onEvent: { event in
            guard case .statusChanged(let from, let to, let atNs, _) = event else { return }
            if to >= .fix2D {
                if lostAtNs != nil { recovered = true }
                sawFix = true
            } else if sawFix, from >= .fix2D, to == .connectedNoFix, lostAtNs == nil {
                lostAtNs = atNs
                degradedWhileLost = client.degradedSinceNs
            }
        }) { recovered }
        #expect(done, "no fix -> no fix -> fix sequence seen")
        let lost = try #require(lostAtNs)
        #expect(degradedWhileLost == lost)
        #expect(client.counters.connects == 1)
        #expect(client.counters.disconnects == 0)
        #expect(client.status >= .fix2D)
        #expect(client.degradedSinceNs == nil)
    }
}
