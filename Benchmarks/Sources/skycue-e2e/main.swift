import Foundation
import WireFormats

// skycue-e2e (issue 8): end to end on loopback through a running skycued.
// Starts the daemon on a copy of the site file (inputs moved to free
// ports, binary cues of every interceptor to this process, metrics on a
// free port), sends a live-dated simulated raid padded to exactly RATE
// datagrams a second, receives the cues on a thread, then prints one
// JSON line of figures and stops the daemon. See Benchmarks/README.md
// ("End to end") for what the figures mean.
//
// Usage: skycue-e2e --skycued PATH --site SITE.json --rate N [--duration-s 25] [--drones 8] [--seed 1] [--log PATH]
var options: [String: String] = ["--duration-s": "25", "--drones": "8", "--seed": "1", "--log": "/dev/null"]
var it = CommandLine.arguments.dropFirst().makeIterator()
while let flag = it.next() {
    guard let value = it.next() else { fatalError("\(flag) needs a value") }
    options[flag] = value
}
guard let skycued = options["--skycued"], let sitePath = options["--site"], let rate = Int(options["--rate"] ?? "") else {
    FileHandle.standardError.write(Data("usage: skycue-e2e --skycued PATH --site SITE.json --rate N [--duration-s S] [--drones N] [--seed N] [--log PATH]\n".utf8))
    exit(2)
}
let durationS = Double(options["--duration-s"]!)!
let drones = Int(options["--drones"]!)!
let seed = UInt64(options["--seed"]!)!
let keyBytes = [UInt8](repeating: 0x5A, count: 32)  // a benchmark key: never deploy it
let key = AuthKey(bytes: keyBytes)!

// The site: inputs moved by a free offset, cues to the receiver.
var site = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sitePath))) as! [String: Any]
var radars = site["radars"] as! [[String: Any]]
var adsb = site["adsb"] as! [String: Any]
var acoustic = site["acoustic"] as! [String: Any]
let offset = E2ESockets.portOffset(ports: Set(radars.map { $0["port"] as! Int } + [adsb["port"] as! Int, acoustic["port"] as! Int]).sorted())
for i in radars.indices { radars[i]["port"] = (radars[i]["port"] as! Int) + offset }
adsb["port"] = (adsb["port"] as! Int) + offset
acoustic["port"] = (acoustic["port"] as! Int) + offset
site["radars"] = radars
site["adsb"] = adsb
site["acoustic"] = acoustic
guard let receiver = CueReceiver(key: key), let metricsPort = E2ESockets.freeTCPPort() else { fatalError("no loopback sockets") }
let sink = E2ESockets.bound(type: Int32(SOCK_DGRAM.rawValue))!  // CAT062 and CoT go here, unread: all traffic stays on loopback
site["outputs"] = [
    "cat062": ["host": "127.0.0.1", "port": Int(sink.port)],
    "cot": ["host": "127.0.0.1", "port": Int(sink.port)],
    "cues": (site["interceptors"] as! [[String: Any]]).map {
        ["interceptor": $0["name"] as! String, "host": "127.0.0.1", "port": Int(receiver.port), "format": "binary"]
    },
]
site["keys"] = ["node_key": keyBytes.map { String(format: "%02x", $0) }.joined()]
site["metrics"] = ["port": Int(metricsPort)]
site["gpsd"] = ["enabled": false]
let runSite = NSTemporaryDirectory() + "skycue-e2e-\(getpid()).json"
try JSONSerialization.data(withJSONObject: site, options: [.sortedKeys]).write(to: URL(fileURLWithPath: runSite))
defer { try? FileManager.default.removeItem(atPath: runSite) }

let daemon = Process()
daemon.executableURL = URL(fileURLWithPath: skycued)
daemon.arguments = ["--config", runSite]
_ = FileManager.default.createFile(atPath: options["--log"]!, contents: nil)
let log = FileHandle(forWritingAtPath: options["--log"]!)!
daemon.standardOutput = log
daemon.standardError = log
try daemon.run()
func stopDaemon() {
    guard daemon.isRunning else { return }
    daemon.terminate()  // SIGTERM; the daemon exits cleanly within a tick
    for _ in 0..<50 where daemon.isRunning { usleep(100_000) }
    if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
    daemon.waitUntilExit()
}
var up = false
for _ in 0..<100 {
    if let page = E2ESockets.scrape(port: metricsPort), E2ESockets.value("skycue_origin_known", in: page) == 1 {
        up = true
        break
    }
    usleep(100_000)
}
guard up else {
    stopDaemon()
    fatalError("skycued did not come up (log: \(options["--log"]!))")
}

let workload = E2EWorkload(site: site, drones: drones, durationS: durationS, leadS: 1, seed: seed)
receiver.start()
var sender = PacedSender()
sender.run(
    capture: workload.capture, startNs: workload.startNs, rate: rate, durationS: durationS,
    fillerPort: UInt16(radars[0]["port"] as! Int))
usleep(300_000)  // cues of the last ticks
receiver.stop()
let page = E2ESockets.scrape(port: metricsPort) ?? ""
stopDaemon()
close(sink.fd)

// Figures (Benchmarks/README.md, "End to end"). Only cues sent while
// the sender ran.
let lastSendNs = sender.sendNs.last ?? 0
let all = receiver.cues.filter { $0.timeNs <= lastSendNs }
// A cue a datagram caused carries that datagram's kernel receive time;
// a cue of the periodic tick carries the tick's due time, a whole
// multiple of its period (whole milliseconds; an arrival time falls on
// one with odds of one in a million).
let caused = all.filter { $0.timeNs % 1_000_000 != 0 }
let ticked = all.filter { $0.timeNs % 1_000_000 == 0 }
// The brief's end to end: from the send of the measurement datagram that
// caused the cue (the last one sent before its arrival) to the cue's receipt.
let endToEnd = LatencyStats(LatencyStats.sinceLastSend(caused.map { (referenceNs: $0.timeNs, endNs: $0.receivedNs) }, sender.dataSendNs))
let endToEndKernel = LatencyStats(LatencyStats.sinceLastSend(caused.map { (referenceNs: $0.timeNs, endNs: $0.kernelNs) }, sender.dataSendNs))
let newEndToEnd = LatencyStats(
    LatencyStats.sinceLastSend(caused.filter { $0.kind == .new }.map { (referenceNs: $0.timeNs, endNs: $0.receivedNs) }, sender.dataSendNs))
// Of that, the node's part: from the datagram's kernel receive time to
// the cue's (no sender, no receiver wake-up).
let arrivalToKernel = LatencyStats(caused.map { $0.kernelNs - $0.timeNs })
// Cues of the periodic tick: from its due time to the receipt.
let tickToReceipt = LatencyStats(ticked.map { $0.receivedNs - $0.timeNs })
func metric(_ name: String) -> String { E2ESockets.value(name, in: page).map { "\($0)" } ?? "null" }
func buckets(_ family: String) -> String {
    page.split(separator: "\n").filter { $0.hasPrefix(family + "_bucket") }.map { line -> String in
        let le = line.split(separator: "\"")[1]
        return "\"\(le)\": \(line.split(separator: " ").last!)"
    }.joined(separator: ", ")
}
let sentPerS = Double(sender.sendNs.count) / (Double(lastSendNs - (sender.sendNs.first ?? 0)) / 1e9)
print("""
    {"rate": \(rate), "duration_s": \(durationS), "drones": \(drones), "seed": \(seed), \
    "sent": \(sender.sendNs.count), "sent_per_s": \(sentPerS), "late_slots": \(sender.lateSlots), \
    "capture_datagrams": \(workload.capture.datagrams.count), "capture_sent": \(sender.captureSent), "data_datagrams": \(sender.dataSendNs.count), \
    "cues": \(all.count), "cues_caused": \(caused.count), "cues_caused_new": \(newEndToEnd.count), \
    "cues_caused_update": \(caused.filter { $0.kind == .update }.count), "cues_ticked": \(ticked.count), \
    "cues_ticked_new": \(ticked.filter { $0.kind == .new }.count), "cues_after_sender": \(receiver.cues.count - all.count), \
    "cues_rejected": \(receiver.rejected), "end_to_end": \(endToEnd.json), "end_to_end_kernel": \(endToEndKernel.json), \
    "new_end_to_end": \(newEndToEnd.json), "arrival_to_kernel": \(arrivalToKernel.json), "tick_to_receipt": \(tickToReceipt.json), \
    "niceness": \(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)), \
    "node": {"received": \(metric("skycue_datagrams_received_total")), \
    "measurements": \(metric("skycue_measurements_total")), "confirmed": \(metric("skycue_tracks_total{event=\"confirmed\"}")), "ticks": \(metric("skycue_ticks_total")), \
    "latency_count": \(metric("skycue_cue_latency_seconds_count")), "latency_sum_s": \(metric("skycue_cue_latency_seconds_sum")), \
    "latency_buckets": {\(buckets("skycue_cue_latency_seconds"))}, \
    "processing_count": \(metric("skycue_cue_processing_seconds_count")), "processing_sum_s": \(metric("skycue_cue_processing_seconds_sum")), \
    "processing_buckets": {\(buckets("skycue_cue_processing_seconds"))}, \
    "cpu_count": \(metric("skycue_cue_processing_cpu_seconds_count")), "cpu_sum_s": \(metric("skycue_cue_processing_cpu_seconds_sum")), \
    "cpu_buckets": {\(buckets("skycue_cue_processing_cpu_seconds"))}}}
    """)
