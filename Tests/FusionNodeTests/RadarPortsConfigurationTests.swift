import Foundation
import FusionNode
import Testing

/// A radar on redundant networks (`ports`), and one whose site comes from
/// its own CAT034 (`site_from_cat034`).
@Suite struct RadarPortsConfigurationTests {
    static func site(_ radar: String, acousticPort: Int = 4100) -> String {
        """
        {"radars": [{"name": "R1", "sac": 25, "sic": 1, \(radar)
                     "period_s": 4.0, "range_m": 200000, "sigma_range_m": 40, "sigma_az_deg": 0.1,
                     "sigma_el_deg": null, "three_d": false, "doppler": false, "amplitude_k_db": 70}],
         "acoustic": {"port": \(acousticPort)}, "zones": [], "interceptors": []}
        """
    }

    static func issues(_ text: String) -> [String] {
        do {
            _ = try SiteConfiguration.parse(text)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func portsListAndSiteFromCat034() throws {
        let c = try SiteConfiguration.parse(Self.site("\"ports\": [21112, 22112], \"site_from_cat034\": true,"))
        #expect(c.radars[0].ports == [21112, 22112] && c.radars[0].port == 21112)
        #expect(c.radars[0].position == nil && c.radars[0].siteFromCat034)
        let single = try SiteConfiguration.parse(Self.site("\"port\": 4050, \"lat\": 45, \"lon\": 16, \"alt_m\": 10,"))
        #expect(single.radars[0].ports == [4050] && single.radars[0].position != nil)
        #expect(try SiteConfiguration.parse(Self.site("\"lat\": 45, \"lon\": 16, \"alt_m\": 10,")).radars[0].ports == [4048])
    }

    @Test func badPortsAreNamed() {
        let both = Self.issues(Self.site("\"port\": 1, \"ports\": [2], \"site_from_cat034\": true,"))
        #expect(both.contains { $0.contains("radars[0].ports") && $0.contains("not both") }, "\(both)")
        let twice = Self.issues(Self.site("\"ports\": [2, 2], \"site_from_cat034\": true,"))
        #expect(twice.contains { $0.contains("radars[0].ports[1]") && $0.contains("twice") }, "\(twice)")
        let empty = Self.issues(Self.site("\"ports\": [], \"site_from_cat034\": true,"))
        #expect(empty.contains { $0.contains("radars[0].ports") }, "\(empty)")
        let range = Self.issues(Self.site("\"ports\": [0, \"x\"], \"site_from_cat034\": true,"))
        #expect(range.contains { $0.contains("radars[0].ports[0]") } && range.contains { $0.contains("radars[0].ports[1]") })
        let clash = Self.issues(Self.site("\"ports\": [4048, 4100], \"site_from_cat034\": true,"))
        #expect(clash.contains { $0.contains("acoustic.port") }, "\(clash)")
        let noSite = Self.issues(Self.site("\"ports\": [4048],"))
        #expect(noSite.contains { $0.contains("radars[0].lat") }, "a fixed radar still needs a site: \(noSite)")
    }
}
