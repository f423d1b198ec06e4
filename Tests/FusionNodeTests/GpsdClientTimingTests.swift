import FusionNode
import Testing

/// The client's state machine against `FakeGpsdServer` under a hand-driven
/// clock: the WATCH it sends, fix staleness, loss and return of the fix, a
/// gpsd that dies in mid-line, and the per-poll cap with buffered reports.
@Suite struct GpsdClientTimingTests {
    static let t0: Int64 = 1_800_000_000_000_000_000
    static let second: Int64 = 1_000_000_000

    /// A client connected to a fresh fake gpsd; returns the WATCH it sent.
    static func connected(_ configure: (inout GpsdConfiguration) -> Void = { _ in }) throws
        -> (FakeGpsdServer, GpsdClient, String)
    {
        let server = try #require(FakeGpsdServer())
        var configuration = GpsdConfiguration(host: "127.0.0.1", port: server.port)
        configure(&configuration)
        let client = GpsdClient(configuration: configuration, nowNs: t0)
        client.poll(nowNs: t0)
        try #require(client.status == .connectedNoFix, "no connection to the fake gpsd")
        let watch = try #require(server.acceptClient(), "no WATCH from the client")
        return (server, client, watch)
    }

    @Test("stale, lost and returning fixes, then gpsd dying in mid-line: all reported, none fatal")
    func degradedModes() throws {
        let (server, client, watch) = try Self.connected()
        #expect(watch.hasPrefix("?WATCH={"))
        for option in ["\"enable\":true", "\"json\":true", "\"pps\":true"] {
            #expect(watch.contains(option), "WATCH lacks \(option): \(watch)")
        }
        var statuses: [GpsdStatus] = []
        let record: (GpsdEvent) -> Void = {
            if case .statusChanged(_, let to, _, _) = $0 { statuses.append(to) }
        }

        // A 3D fix: the node's position, with the fix's own UTC time.
        server.send(
            FakeGpsdServer.tpv(
                mode: 3, lat: 55.78, lon: 23.57,
                extra: ",\"time\":\"2024-01-02T03:04:05.250Z\",\"altHAE\":63.9,\"speed\":15.6,\"track\":221.5"))
        let t1 = Self.t0 + 1_000_000
        client.poll(nowNs: t1, waitUs: 100_000, onEvent: record)
        #expect(client.status == .fix3D)
        let fix = try #require(client.lastFix)
        #expect(fix.latitudeDeg == 55.78 && fix.longitudeDeg == 23.57)
        #expect(fix.timeNs == 1_704_164_645_250_000_000)
        #expect(fix.receivedNs == t1)
        #expect(fix.altitudeHaeM == 63.9 && fix.altitudeSource == .reportedHAE)
        #expect(fix.speedMps == 15.6 && fix.trackDeg == 221.5)
        #expect(client.degradedSinceNs == nil)
        let staleAt = t1 + client.configuration.fixStaleAfterNs + 1
        #expect(client.nextDeadlineNs == staleAt)

        // gpsd stays connected but silent: the fix goes stale, exactly then.
        client.poll(nowNs: staleAt - 1, onEvent: record)
        #expect(client.status == .fix3D)
        client.poll(nowNs: staleAt, onEvent: record)
        #expect(client.status == .connectedNoFix)
        #expect(client.counters.staleFixes == 1)
        #expect(client.degradedSinceNs == staleAt && client.statusSinceNs == staleAt)
        #expect(client.lastFix == fix)  // kept, but no longer counts

        // The fix returns (2D: no altitude), then the receiver loses it.
        let t2 = staleAt + Self.second
        server.send(FakeGpsdServer.tpv(mode: 2, lat: 55.781, lon: 23.571, extra: ",\"altHAE\":70.0"))
        client.poll(nowNs: t2, waitUs: 100_000, onEvent: record)
        #expect(client.status == .fix2D && client.degradedSinceNs == nil)
        #expect(client.lastFix?.altitudeHaeM == nil && client.lastFix?.mode == 2)
        let t3 = t2 + Self.second
        server.send(FakeGpsdServer.tpv(mode: 1, lat: 55.781, lon: 23.571))
        client.poll(nowNs: t3, waitUs: 100_000, onEvent: record)
        #expect(client.status == .connectedNoFix && client.degradedSinceNs == t3)

        // gpsd dies with half a line sent: still detected, one spell of
        // degradation (since t3), and a reconnect is scheduled.
        server.send("{\"class\":\"TPV\",\"mode\":3,")
        server.closeClient()
        let t4 = t3 + Self.second
        client.poll(nowNs: t4, waitUs: 100_000, onEvent: record)
        #expect(client.status == .disconnected)
        #expect(client.lastError == .readFailed(code: 0))
        #expect(client.counters.disconnects == 1 && client.counters.fixes == 2)
        #expect(client.degradedSinceNs == t3)
        #expect(client.fileDescriptor == nil)
        #expect(client.nextDeadlineNs == t4 + client.configuration.reconnectInitialNs)
        #expect(statuses == [.fix3D, .connectedNoFix, .fix2D, .connectedNoFix, .disconnected])
    }

    @Test("a backlog is read a bounded number of reports per poll, and the client asks to be polled again")
    func boundedPolls() throws {
        let (server, client, _) = try Self.connected { $0.maxReportsPerPoll = 2 }
        for index in 0..<5 {
            server.send(FakeGpsdServer.tpv(mode: 3, lat: 55.0 + Double(index) * 0.001, lon: 23.0))
        }
        let t1 = Self.t0 + Self.second
        var latitudes: [Double] = []
        let record: (GpsdEvent) -> Void = { if case .fix(let fix) = $0 { latitudes.append(fix.latitudeDeg) } }
        client.poll(nowNs: t1, waitUs: 100_000, onEvent: record)
        #expect(client.counters.reads == 2)
        #expect(client.nextDeadlineNs == t1)  // more lines sit in libgps's buffer
        client.poll(nowNs: t1 + 1, onEvent: record)
        #expect(client.counters.reads == 4)
        client.poll(nowNs: t1 + 2, onEvent: record)
        #expect(client.counters.reads == 5)
        #expect(latitudes == [55.0, 55.001, 55.002, 55.003, 55.004])
        #expect(client.nextDeadlineNs == t1 + 2 + client.configuration.fixStaleAfterNs + 1)
        _ = server
    }
}
