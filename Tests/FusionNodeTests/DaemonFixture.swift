import Foundation
import FusionMath
import FusionNode
import Simulation

#if canImport(Glibc)
import Glibc
#endif

/// What the daemon's integration tests share: a short simulated raid on
/// the reference site dated "now" (the node runs on the real clock, so the
/// capture must be live when it is sent), site files for the node and for
/// the in-process replay, free loopback ports, and a cue listener.
enum DaemonFixture {
    static let referenceSite = TestPaths.packageRoot.appendingPathComponent("Hardware/sites/reference.json").path
    /// A key for the binary cues of the tests only (never deploy it).
    static let nodeKeyHex = String(repeating: "5a", count: 32)

    /// A jet drone running in on the reference site's origin, `durationS`
    /// long, starting on the whole second `leadS` after the current one.
    static func writeLiveCapture(
        to path: String, durationS: Double, leadS: Double = 1.0, kind: TargetKind = .jetDrone, rangeM: Double = 7_000,
        bearingRad: Double = 2.2, seed: UInt64 = 7
    ) throws -> Int64 {
        let site = try SiteConfiguration.load(contentsOf: referenceSite)
        let startNs = (ChildProcess.realtimeNs() / 1_000_000_000 + Int64(leadS.rounded())) * 1_000_000_000
        let origin = SiteScenario.frame(for: site).origin
        let scenario = Scenario.single(
            kind: kind, bearingRad: bearingRad, rangeM: rangeM, site: origin, startNs: startNs, durationS: durationS,
            seed: seed)
        let sensors = SiteSensors(configuration: site, frame: scenario.frame, startNs: scenario.startNs)
        let capture = sensors.composer.compose(scenario, seed: 99)
        _ = try CaptureWriter.writePcap(capture, to: path)
        return startNs
    }

    /// A UDP port and a TCP port free on loopback a moment ago, and an
    /// offset K such that the reference site's input ports + K are free.
    static func freeUDPPort() -> UInt16? { ChildProcess.freeLoopbackPort(SOCK_DGRAM) }

    static func portOffset() -> Int {
        for _ in 0..<50 {
            let k = Int.random(in: 20_000...40_000)
            let free = [4048, 4021, 4100].allSatisfy { p in
                let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
                defer { close(fd) }
                var a = sockaddr_in()
                a.sin_family = sa_family_t(AF_INET)
                a.sin_port = UInt16(p + k).bigEndian
                return withUnsafePointer(to: &a) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
            }
            if free { return k }
        }
        return 31_000
    }

    /// The reference site with inputs moved by `offset`, binary cues for
    /// every interceptor to `cuePort`, CAT062/CoT to a loopback sink, the
    /// given metrics port, gpsd and recording as asked.
    static func writeSite(
        to path: String, offset: Int, cuePort: UInt16, metricsPort: UInt16, gpsdPort: UInt16? = nil,
        keepOrigin: Bool = true, recording: String? = nil
    ) throws {
        var site = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: referenceSite))) as! [String: Any]
        var radars = site["radars"] as! [[String: Any]]
        for i in radars.indices { radars[i]["port"] = (radars[i]["port"] as! Int) + offset }
        site["radars"] = radars
        var adsb = site["adsb"] as! [String: Any]
        adsb["port"] = (adsb["port"] as! Int) + offset
        site["adsb"] = adsb
        var acoustic = site["acoustic"] as! [String: Any]
        acoustic["port"] = (acoustic["port"] as! Int) + offset
        site["acoustic"] = acoustic
        if !keepOrigin {
            var node = site["node"] as! [String: Any]
            node.removeValue(forKey: "origin")
            site["node"] = node
        }
        let interceptors = (site["interceptors"] as! [[String: Any]]).map { $0["name"] as! String }
        site["outputs"] = [
            "cat062": ["host": "127.0.0.1", "port": Int(cuePort) + 1],
            "cot": ["host": "127.0.0.1", "port": Int(cuePort) + 2],
            "cues": interceptors.map { ["interceptor": $0, "host": "127.0.0.1", "port": Int(cuePort), "format": "binary"] },
        ]
        site["keys"] = ["node_key": nodeKeyHex]
        site["metrics"] = ["port": Int(metricsPort)]
        site["gpsd"] = gpsdPort.map { ["port": Int($0)] } ?? ["enabled": false]
        if let recording { site["recording"] = ["directory": recording] }
        try JSONSerialization.data(withJSONObject: site, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: path))
    }

    /// Replays `capture` in process with `site` into `out`; the cue lines.
    static func replayInProcess(capture: String, site: String, out: String) throws -> [[String: Any]] {
        let status = ReplayCommand(capturePath: capture, configPath: site, outputDirectory: out).run(errors: { print($0) })
        guard status == 0 else { throw NSError(domain: "replay", code: Int(status)) }
        return try jsonLines(out + "/cues.jsonl")
    }

    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Runs `skycue-replay CAPTURE --send 127.0.0.1 ...`; its exit status.
    static func send(capture: String, speed: String, offset: Int) throws -> Int32 {
        let process = try startSend(capture: capture, speed: speed, offset: offset)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The same, running.
    static func startSend(capture: String, speed: String, offset: Int) throws -> Process {
        let process = Process()
        process.executableURL = ReplayCaptureTests.binary()
        process.arguments = [capture, "--send", "127.0.0.1", "--speed", speed, "--port-offset", String(offset)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
