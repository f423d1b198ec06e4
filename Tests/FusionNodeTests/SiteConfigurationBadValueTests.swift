import Foundation
import FusionNode
import Testing

/// One bad value at a time: the error names the field and says why.
@Suite struct SiteConfigurationBadValueTests {
    typealias F = ConfigFixtures

    /// A mutation of reference.json: the path set, the JSON text of the new
    /// value, the path the error must name, words its message must hold,
    /// and how many issues the file then has in all.
    struct Case: Sendable, CustomTestStringConvertible {
        var set: String
        var json: String
        var path: String
        var says: String
        var count = 1
        var testDescription: String { "\(set) = \(json)" }
    }

    static let key = String(repeating: "ab", count: 32)
    static let cases: [Case] = [
        Case(set: "radars[0].lat", json: "91", path: "radars[0].lat", says: "between -90 and 90"),
        Case(set: "radars[0].lon", json: "-180.5", path: "radars[0].lon", says: "between -180 and 180"),
        Case(set: "radars[1].sigma_range_m", json: "-8", path: "radars[1].sigma_range_m", says: "greater than 0"),
        Case(set: "radars[0].sigma_az_deg", json: "0", path: "radars[0].sigma_az_deg", says: "greater than 0"),
        Case(set: "radars[0].port", json: "0", path: "radars[0].port", says: "between 1 and 65535"),
        Case(set: "adsb.port", json: "65536", path: "adsb.port", says: "between 1 and 65535"),
        Case(set: "acoustic.port", json: "4100.5", path: "acoustic.port", says: "whole number"),
        Case(
            set: "acoustic.compensate_sound_delay", json: "\"yes\"", path: "acoustic.compensate_sound_delay",
            says: "true or false"),
        Case(set: "radars[0].sac", json: "256", path: "radars[0].sac", says: "between 0 and 255"),
        Case(set: "radars[0].period_s", json: "\"1.0\"", path: "radars[0].period_s", says: "must be a number"),
        Case(set: "radars[0].range_m", json: "true", path: "radars[0].range_m", says: "must be a number"),
        Case(set: "radars[0].three_d", json: "1", path: "radars[0].three_d", says: "true or false"),
        Case(set: "radars[0].sigma_el_deg", json: "null", path: "radars[0].sigma_el_deg", says: "must not be null"),
        Case(set: "radars[1].sigma_el_deg", json: "0.5", path: "radars[1].sigma_el_deg", says: "must be null"),
        Case(set: "radars[0].name", json: "\" \"", path: "radars[0].name", says: "must not be empty"),
        Case(set: "radars[1].name", json: "\"R1\"", path: "radars[1].name", says: "duplicate"),
        Case(set: "radars[1].sic", json: "1", path: "radars[1].sic", says: "already used by radars[0]"),
        Case(set: "radars", json: "{}", path: "radars", says: "must be an array"),
        Case(
            set: "zones[0].polygon", json: #"[{"lat": 50.41, "lon": 30.46}, {"lat": 50.49, "lon": 30.46}]"#,
            path: "zones[0].polygon", says: "at least 3 vertices"),
        Case(
            set: "zones[0].polygon",
            json: #"[{"lat": 50.41, "lon": 30.46}, {"lat": 50.49, "lon": 30.56}, {"lat": 50.49, "lon": 30.46}, {"lat": 50.41, "lon": 30.56}]"#,
            path: "zones[0].polygon", says: "cross"),
        Case(
            set: "zones[0].polygon",
            json: #"[{"lat": 50.41, "lon": 30.46}, {"lat": 50.45, "lon": 30.50}, {"lat": 50.49, "lon": 30.54}]"#,
            path: "zones[0].polygon", says: "no area"),
        Case(
            set: "zones[0].polygon",
            json: #"[{"lat": 50.41, "lon": 30.46}, {"lat": 50.49, "lon": 30.46}, {"lat": 50.49, "lon": 30.46}, {"lat": 50.41, "lon": 30.56}]"#,
            path: "zones[0].polygon", says: "same point"),
        Case(set: "zones[0].polygon[2].lat", json: "95", path: "zones[0].polygon[2].lat", says: "between -90 and 90"),
        Case(set: "zones[1].name", json: "\"CITY\"", path: "zones[1].name", says: "duplicate", count: 2),
        Case(set: "zones[0].kind", json: "\"square\"", path: "zones[0].kind", says: "one of"),
        Case(set: "zones[0].ceiling_m", json: "0", path: "zones[0].ceiling_m", says: "above floor_m"),
        Case(set: "zones[1].radius_m", json: "0", path: "zones[1].radius_m", says: "greater than 0"),
        Case(set: "zones[1].polygon", json: "[]", path: "zones[1].polygon", says: "not used by a circle"),
        Case(set: "interceptors[0].zone", json: "\"TOWN\"", path: "interceptors[0].zone", says: "no zone named"),
        Case(set: "interceptors[0].kind", json: "\"laser\"", path: "interceptors[0].kind", says: "one of"),
        Case(set: "interceptors[0].max_targets", json: "0", path: "interceptors[0].max_targets", says: "between 1 and 64"),
        Case(set: "interceptors[2].speed_mps", json: "0", path: "interceptors[2].speed_mps", says: "missile"),
        Case(set: "interceptors[1].name", json: "\"IDR-1\"", path: "interceptors[1].name", says: "duplicate"),
        Case(set: "node.id", json: "-1", path: "node.id", says: "between 0 and"),
        Case(set: "node.origin", json: "5", path: "node.origin", says: "must be an object"),
        Case(set: "node.geoid_separation_m", json: "500", path: "node.geoid_separation_m", says: "between"),
        Case(set: "acoustic.port", json: "4048", path: "acoustic.port", says: "ASTERIX"),
        Case(set: "keys", json: #"{"node_key": "xyz"}"#, path: "keys.node_key", says: "64 hexadecimal"),
        Case(
            set: "keys", json: "{\"node_key\": \"\(String(repeating: "0", count: 64))\"}", path: "keys.node_key",
            says: "all zeros"),
        Case(
            set: "keys", json: #"{"require_acoustic_auth": true}"#, path: "keys.require_acoustic_auth",
            says: "no sensor key"),
        Case(
            set: "keys",
            json: "{\"acoustic\": [{\"sensor_id\": 5, \"key\": \"\(key)\"}, {\"sensor_id\": 5, \"key\": \"\(key)\"}]}",
            path: "keys.acoustic[1].sensor_id", says: "duplicate"),
        Case(
            set: "outputs", json: #"{"cues": [{"interceptor": "NOBODY", "host": "10.0.0.1", "port": 4200, "format": "cot"}]}"#,
            path: "outputs.cues[0].interceptor", says: "no interceptor named"),
        Case(
            set: "outputs", json: #"{"cues": [{"interceptor": "IDR-1", "host": "10.0.0.1", "port": 4200, "format": "binary"}]}"#,
            path: "outputs.cues[0].format", says: "keys.node_key"),
        Case(
            set: "outputs", json: #"{"cues": [{"interceptor": "IDR-1", "host": "10.0.0.1", "port": 4200, "format": "xml"}]}"#,
            path: "outputs.cues[0].format", says: "one of"),
        Case(set: "outputs", json: #"{"cot": {"host": "239.2.3.300"}}"#, path: "outputs.cot.host", says: "IPv4"),
        Case(set: "outputs", json: #"{"cat062": {"host": "bad host"}}"#, path: "outputs.cat062.host", says: "host name"),
        Case(set: "outputs", json: #"{"cat062": {"period_s": 0}}"#, path: "outputs.cat062.period_s", says: "between"),
        Case(set: "tracker", json: #"{"confirm_m": 4, "confirm_n": 3}"#, path: "tracker.confirm_m", says: "confirm_n"),
        Case(set: "tracker", json: #"{"confirm_n": 33}"#, path: "tracker.confirm_n", says: "between 1 and 32"),
        Case(set: "cueing", json: #"{"horizon_s": 0}"#, path: "cueing.horizon_s", says: "between 10 and 3600"),
        Case(set: "cueing", json: #"{"max_coast_s": 60}"#, path: "cueing.max_coast_s", says: "at most 30"),
        Case(
            set: "cueing", json: #"{"max_velocity_sigma_mps": 500}"#, path: "cueing.max_velocity_sigma_mps",
            says: "at most 100"),
        Case(set: "cueing", json: #"{"update_interval_s": 0}"#, path: "cueing.update_interval_s", says: "between"),
        Case(set: "cueing", json: #"{"horizon": 600}"#, path: "cueing.horizon", says: "unknown key"),
        Case(set: "limits", json: #"{"track_capacity": 0}"#, path: "limits.track_capacity", says: "between"),
        Case(set: "metrics", json: #"{"port": 70000}"#, path: "metrics.port", says: "between 1 and 65535"),
        Case(set: "recording", json: #"{"rotate_mb": -1}"#, path: "recording.rotate_mb", says: "between"),
        Case(set: "recording", json: #"{"directory": 3}"#, path: "recording.directory", says: "must be a string"),
    ]

    @Test(arguments: cases)
    func badValueIsNamed(_ c: Case) throws {
        let value = try JSONSerialization.jsonObject(with: Data(c.json.utf8), options: [.fragmentsAllowed])
        let tree = F.setting(c.set, to: value, in: try F.tree("reference.json"))
        let issues = try F.issues(tree)
        let hit = issues.first { $0.path == c.path }
        #expect(hit != nil, "no issue at \(c.path): \(issues)")
        if let hit { #expect(hit.message.contains(c.says), "\(hit)") }
        #expect(issues.count == c.count, "\(issues)")
    }

    @Test func theUnmutatedReferenceIsValid() throws {
        // Guards the table above: each case fails because of its mutation.
        #expect(try F.issues(try F.tree("reference.json")).isEmpty)
    }
}
