import Foundation
import FusionNode
import Testing

/// Hardware/deploy agrees with itself and with the node: the edge-box site
/// validates, its recording lives in the unit's StateDirectory, the unit is
/// a notify service with a watchdog running the configured file, and
/// chrony takes PPS from gpsd.
struct DeployFilesTests {
    static let deploy = TestPaths.packageRoot.appendingPathComponent("Hardware/deploy")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: deploy.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func unitSiteAndClockSettingsAgree() throws {
        let site = try SiteConfiguration.load(contentsOf: Self.deploy.appendingPathComponent("site.json").path)
        #expect(site.gpsd.enabled && site.gpsd.host == "127.0.0.1")
        #expect(site.metrics.isLoopback)
        let unit = try Self.text("skycued.service")
        let lines = Set(unit.split(separator: "\n").map(String.init))
        #expect(lines.contains("Type=notify") && lines.contains { $0.hasPrefix("WatchdogSec=") })
        #expect(lines.contains("ExecStart=/usr/local/bin/skycued --config /etc/skycue/site.json"))
        #expect(lines.contains("ExecReload=/bin/kill -HUP $MAINPID"))
        #expect(lines.contains("StateDirectory=skycue"))
        // The fusion thread's latency tail is preemption (Benchmarks/README.md).
        #expect(lines.contains("CPUSchedulingPolicy=fifo") && lines.contains { $0.hasPrefix("CPUSchedulingPriority=") })
        #expect(lines.contains("RestrictRealtime=no"), "RestrictRealtime=yes would refuse the policy")
        #expect(site.recording.directory?.hasPrefix("/var/lib/skycue/") == true, "recording outside StateDirectory")
        let chrony = try Self.text("chrony.conf")
        #expect(chrony.contains("refclock SOCK") && chrony.contains("refid PPS"))
        #expect(try Self.text("gpsd.default").contains("GPSD_OPTIONS=\"-n"))
    }
}
