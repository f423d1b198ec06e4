import Foundation
import FusionNode
import Testing
import WireFormats

#if canImport(Glibc)
import Glibc
#endif

/// The built `skycued` on loopback, on the real clock: a short live raid
/// sent by `skycue-replay --send`, a flood of malformed datagrams, the
/// recording replayed, SIGHUP and SIGTERM. Serialized: each test runs its
/// own node on its own ports, and the box is small.
@Suite(
    .serialized, .timeLimit(.minutes(1)),
    .enabled(if: SkycuedProcess.binary() != nil && ReplayCaptureTests.binary() != nil, "needs the built skycued and skycue-replay"))
struct SkycuedDaemonTests {
    /// A node on the reference site, inputs moved by `offset`.
    struct Node {
        let dir: URL
        let offset: Int
        let listener: CueListener
        let process: SkycuedProcess
        let sitePath: String
    }

    static func startNode(recording: Bool = false) throws -> Node {
        let dir = try TestPaths.temporaryDirectory()
        let offset = DaemonFixture.portOffset()
        let listener = try #require(CueListener())
        let metricsPort = try #require(ChildProcess.freeLoopbackPort())
        let site = dir.appendingPathComponent("site.json").path
        try DaemonFixture.writeSite(
            to: site, offset: offset, cuePort: listener.port, metricsPort: metricsPort,
            recording: recording ? dir.appendingPathComponent("rec").path : nil)
        let process = try #require(
            SkycuedProcess(configPath: site, metricsPort: metricsPort, logPath: dir.appendingPathComponent("node.log").path))
        let up = process.waitFor("skycue_origin_known", seconds: 10) { $0 == 1 }
        try #require(up == 1, "skycued did not come up: \(process.log)")
        return Node(dir: dir, offset: offset, listener: listener, process: process, sitePath: site)
    }

    static var key: AuthKey { AuthKey(bytes: (0..<32).map { _ in UInt8(0x5A) })! }

    /// The live capture: a multirotor 2 km out, cued within its first 30 s
    /// (the classifier wants 5 plots and settled kinematics before it declares).
    static func liveCapture(in dir: URL, durationS: Double) throws -> String {
        let path = dir.appendingPathComponent("capture.pcap").path
        _ = try DaemonFixture.writeLiveCapture(
            to: path, durationS: durationS, leadS: 0, kind: .multirotor, rangeM: 2_000, bearingRad: 0.5)
        return path
    }

    static func summary(_ cues: [(kind: String, track: UInt32, interceptor: String)]) -> String {
        cues.map { "\($0.kind) \($0.track) \($0.interceptor)" }.joined(separator: "; ")
    }

    @Test("a raid sent over loopback at 1x gives the in-process replay's cues; the node's recording replays to the same")
    func networkReplayGivesTheInProcessCues() throws {
        let node = try Self.startNode(recording: true)
        defer { node.process.stop() }
        let capture = try Self.liveCapture(in: node.dir, durationS: 30)
        let expected = try DaemonFixture.replayInProcess(
            capture: capture, site: DaemonFixture.referenceSite, out: node.dir.appendingPathComponent("inprocess").path)
        try #require(!expected.isEmpty, "the scenario must give cues")
        #expect(try DaemonFixture.send(capture: capture, speed: "1", offset: node.offset) == 0)
        usleep(1_500_000)  // the last ticks after the last datagram
        node.listener.drain(key: Self.key)
        let received = node.listener.cues
        #expect(node.listener.rejected == 0)
        let want = expected.map { (kind: $0["kind"] as! String, track: UInt32($0["track"] as! Int), interceptor: $0["interceptor"] as! String) }
        let got = received.map { (kind: "\($0.kind)", track: $0.trackId, interceptor: $0.interceptorName.string) }
        print("in-process: \(Self.summary(want))\nnode: \(Self.summary(got))")
        // New and cancel events are the decisions: the same, in order.
        let decisions = { (l: [(kind: String, track: UInt32, interceptor: String)]) in
            l.filter { $0.kind != "update" }.map { "\($0.kind) \($0.track) \($0.interceptor)" }
        }
        #expect(decisions(got) == decisions(want))
        // Updates follow the intercept at most once a second on either clock.
        let updates = (want: want.filter { $0.kind == "update" }.count, got: got.filter { $0.kind == "update" }.count)
        #expect(abs(updates.want - updates.got) <= 2, "updates \(updates)")
        // Latency is measured for cues of ticks that followed data (all
        // but updates of quiet ticks).
        let page = try #require(node.process.scrape())
        let latencies = try #require(SkycuedProcess.value("skycue_cue_latency_seconds_count", in: page))
        #expect(latencies >= 1 && latencies <= Double(got.count))
        let confirmed = SkycuedProcess.value("skycue_tracks_total{event=\"confirmed\"}", in: page)
        let receivedTotal = try #require(SkycuedProcess.value("skycue_datagrams_received_total", in: page))
        #expect(node.process.stop() == 0, "clean stop on SIGTERM")
        #expect(node.process.log.contains("event=stop"))

        // The recording: every datagram in the pcap, every cue sent in the
        // cue log; replayed in process it gives the node's tracks and cues.
        let recording = node.dir.appendingPathComponent("rec")
        let files = try FileManager.default.contentsOfDirectory(atPath: recording.path).sorted()
        let pcaps = files.filter { $0.hasPrefix("input-") && $0.hasSuffix(".pcap") }
        try #require(pcaps.count == 1, "recorded files: \(files)")
        var reader = try PcapReader(path: recording.appendingPathComponent(pcaps[0]).path)
        var recorded = 0
        reader.forEach { _ in recorded += 1 }
        #expect(Double(recorded) == receivedTotal)
        let logged = try DaemonFixture.jsonLines(recording.appendingPathComponent("cues.jsonl").path)
        #expect(logged.count == got.count)
        let out = node.dir.appendingPathComponent("fromrecording").path
        let replayed = try DaemonFixture.replayInProcess(
            capture: recording.appendingPathComponent(pcaps[0]).path, site: node.sitePath, out: out)
        let line = { (c: [String: Any]) in "\(c["kind"]!) \(c["track"]!) \(c["interceptor"]!)" }
        #expect(replayed.filter { $0["kind"] as? String != "update" }.map(line) == logged.filter { $0["kind"] as? String != "update" }.map(line))
        let summary = try ReplayCaptureTests.summary(URL(fileURLWithPath: out))
        #expect((summary["tracks_confirmed"] as? Double) == confirmed || (summary["tracks_confirmed"] as? Int).map(Double.init) == confirmed)
    }

    /// Datagrams every decoder must reject, each with exactly one counted
    /// reason: ASTERIX blocks whose length runs past the datagram, a lone
    /// byte, an unknown category; SKAC garbage.
    static let malformedAsterix: [[UInt8]] = [[48, 0xFF, 0xFF, 1, 2, 3], [48], [250, 0, 6, 1, 2, 3], [34, 0, 2]]

    @Test("a flood of malformed datagrams on every port at once: tracking goes on, every rejection is counted, memory stays flat; SIGHUP reloads")
    func malformedFloodIsCountedWhileTracking() throws {
        let node = try Self.startNode()
        defer { node.process.stop() }
        let capture = try Self.liveCapture(in: node.dir, durationS: 10)
        let inProcess = node.dir.appendingPathComponent("inprocess")
        _ = try DaemonFixture.replayInProcess(capture: capture, site: DaemonFixture.referenceSite, out: inProcess.path)
        let expected = try ReplayCaptureTests.summary(inProcess)
        let expectedMeasurements = try #require((expected["records"] as? [String: Any])?["measurements"] as? Int)

        let ports = [4048, 4021, 4100].map { UInt16($0 + node.offset) }
        let perPort = 3_000
        let group = DispatchGroup()
        for port in ports {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
                defer { close(fd) }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = port.bigEndian
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                var garbage: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(port)
                for i in 0..<perPort {
                    var bytes: [UInt8]
                    if port == ports[2] {
                        garbage = garbage &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                        bytes = (0..<(4 + i % 60)).map { UInt8(truncatingIfNeeded: garbage >> UInt64(($0 % 8) * 8)) }
                    } else {
                        bytes = Self.malformedAsterix[i % Self.malformedAsterix.count]
                    }
                    _ = withUnsafePointer(to: &address) { a in
                        a.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                            bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                        }
                    }
                    usleep(2_500)  // ~400 per second per port, over the whole capture
                }
            }
        }
        let sender = try DaemonFixture.startSend(capture: capture, speed: "1", offset: node.offset)
        var rssSamples: [Int] = []
        while sender.isRunning {
            if let kb = node.process.residentKB { rssSamples.append(kb) }
            usleep(1_000_000)
        }
        #expect(sender.terminationStatus == 0)
        group.wait()
        usleep(500_000)
        let page = try #require(node.process.scrape())
        let value = { (name: String) in SkycuedProcess.value(name, in: page) ?? -1 }
        // Tracking went on: every measurement of the capture, a confirmed track.
        #expect(value("skycue_measurements_total") == Double(expectedMeasurements))
        #expect(value("skycue_tracks_total{event=\"confirmed\"}") >= 1)
        // Every datagram arrived and every malformed one was rejected once.
        let valid = try #require(expected["capture"] as? [String: Any])["datagrams"] as! Int
        #expect(value("skycue_datagrams_received_total") == Double(valid + 3 * perPort))
        for port in ports {
            #expect(value("skycue_port_rejected_total{port=\"\(port)\"}") == Double(perPort), "port \(port)")
        }
        // Memory: flat after the first samples (buffers are fixed at start).
        print("RSS kB: \(rssSamples)")
        if rssSamples.count >= 3 {
            #expect(rssSamples.last! - rssSamples[1] < 2_048, "RSS grew: \(rssSamples)")
        }

        // SIGHUP: a file without GUN-1 reloads (tracks kept); a broken file
        // is refused and the interceptors stay.
        let tracksBefore = value("skycue_tracks_total{event=\"started\"}")
        var site = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: node.sitePath))) as! [String: Any]
        site["interceptors"] = (site["interceptors"] as! [[String: Any]]).filter { $0["name"] as? String != "GUN-1" }
        site["outputs"] = ["cues": [] as [Any]]
        try JSONSerialization.data(withJSONObject: site).write(to: URL(fileURLWithPath: node.sitePath))
        node.process.signal(SIGHUP)
        #expect(node.process.waitFor("skycue_interceptors", seconds: 5) { $0 == 2 } == 2)
        try Data("{\"radars\": [], \"zones\": [], \"interceptors\": [], \"bogus\": 1}".utf8)
            .write(to: URL(fileURLWithPath: node.sitePath))
        node.process.signal(SIGHUP)
        #expect(node.process.waitFor("skycue_reload_failures_total", seconds: 5) { $0 == 1 } == 1)
        let after = try #require(node.process.scrape())
        #expect(SkycuedProcess.value("skycue_interceptors", in: after) == 2)
        #expect(SkycuedProcess.value("skycue_reloads_total", in: after) == 1)
        #expect(SkycuedProcess.value("skycue_tracks_total{event=\"started\"}", in: after) == tracksBefore)
        #expect(node.process.log.contains("bogus"))

        // Sensor health: R1 was heard (the flood's records do not parse as
        // its own); three of its 1 s periods after the capture it is silent,
        // on the metrics page and, within the next once-a-second check, in the log.
        #expect(SkycuedProcess.value("skycue_radar_records_total{radar=\"R1\"}", in: after) ?? 0 > 0)
        #expect(node.process.waitFor("skycue_radar_silent{radar=\"R1\"}", seconds: 8) { $0 == 1 } == 1)
        let deadline = ChildProcess.monotonicNs() + 3_000_000_000
        while !node.process.log.contains("event=radar_silent radar=R1"), ChildProcess.monotonicNs() < deadline {
            usleep(100_000)
        }
        #expect(node.process.log.contains("event=radar_silent radar=R1"), "\(node.process.log.suffix(600))")
        #expect(node.process.stop() == 0)
    }
}
