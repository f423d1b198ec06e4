import Foundation
import FusionNode
import Testing

/// Mutated copies of the committed site files: each kind of mistake is
/// caught, and the error names the field.
@Suite struct SiteConfigurationErrorTests {
    typealias F = ConfigFixtures

    /// Keys a file may leave out (ICD section 3 and Hardware/CONFIG.md), by
    /// path shape. Every other key, removed, must produce an error naming it.
    static let optionalKeys: Set<String> = [
        "node", "node.origin", "node.geoid_separation_m", "radars[].port", "radars[].moving",
        "adsb", "adsb.port", "acoustic", "acoustic.port", "acoustic.sigma_az_deg", "acoustic.sigma_el_deg",
        "acoustic.compensate_sound_delay",
        "zones[].polygon[].alt_m", "zones[].center.alt_m", "interceptors[].max_targets",
        "outputs", "outputs.cat062", "outputs.cot", "outputs.cues",
        "keys", "keys.node_key", "keys.acoustic", "keys.require_acoustic_auth", "limits", "tracker", "cueing",
        "metrics", "recording",
    ]
    /// Sections whose keys are all optional.
    static let optionalSections = [
        "outputs.cat062.", "outputs.cot.", "limits.", "tracker.", "cueing.", "metrics.", "recording.",
    ]

    static func isOptional(_ path: [F.Step], in tree: Any) -> Bool {
        let shape = F.shape(path)
        if optionalKeys.contains(shape) || optionalSections.contains(where: shape.hasPrefix) { return true }
        // A 2D radar's elevation sigma is null, and may as well be absent.
        if shape == "radars[].sigma_el_deg" {
            return F.value(at: Array(path.dropLast()) + [.key("three_d")], in: tree) as? Bool == false
        }
        return false
    }

    @Test(arguments: ["reference.json", "full-example.json"])
    func everyRequiredKeyRemovedIsNamed(site: String) throws {
        let tree = try F.tree(site)
        var required = 0
        for path in F.keyPaths(tree) {
            let mutated = F.setting(path, to: nil, in: tree)
            let issues = try F.issues(mutated)
            let name = F.text(path)
            if Self.isOptional(path, in: tree) {
                // Removing an optional key is fine, except where another key
                // depends on it (anAbsentDependentKeyIsNamed checks those).
                let dependent = ["keys", "keys.node_key", "keys.acoustic", "radars[].moving"].contains(F.shape(path))
                if !dependent { #expect(issues.isEmpty, "removing optional \(name): \(issues)") }
                continue
            }
            required += 1
            #expect(
                issues.contains { $0.path == name || $0.path.hasPrefix(name + ".") || $0.path.hasPrefix(name + "[") },
                "removing \(name) should be reported at it; got \(issues)")
            let missing = issues.first { $0.path == name }
            #expect(missing.map { $0.message.contains("missing") } ?? true, "\(name): \(issues)")
        }
        #expect(required > 20, "the walk reached the required keys (\(required))")
    }

    @Test(arguments: ["reference.json", "full-example.json"])
    func anUnknownKeyAtEveryLevelIsNamed(site: String) throws {
        let tree = try F.tree(site)
        let objects = F.objectPaths(tree)
        #expect(objects.count > 10)
        for object in objects {
            let key = object + [.key("sigma_az_degs")]
            let issues = try F.issues(F.setting(key, to: 1.0, in: tree))
            #expect(
                issues.map(\.description) == ["\(F.text(key)): unknown key"],
                "an unknown key in \(F.text(object).isEmpty ? "the top level" : F.text(object))")
        }
    }

    @Test func anAbsentDependentKeyIsNamed() throws {
        let tree = try F.tree("reference.json")
        let noSic = try F.issues(F.setting("adsb.sic", to: nil, in: tree))
        #expect(noSic.map(\.path) == ["adsb.sic"])
        let full = try F.tree("full-example.json")
        let noNodeKey = try F.issues(F.setting("keys.node_key", to: nil, in: full))
        #expect(noNodeKey.map(\.path) == ["outputs.cues[0].format"])
        #expect(noNodeKey.first?.message.contains("keys.node_key") == true)
        let noSensorKeys = try F.issues(F.setting("keys.acoustic", to: nil, in: full))
        #expect(noSensorKeys.map(\.path) == ["keys.require_acoustic_auth"])
        // A radar that no longer moves needs a site of its own.
        let fixed = try F.issues(F.setting("radars[1].moving", to: nil, in: full))
        #expect(Set(fixed.map(\.path)) == ["radars[1].lat", "radars[1].lon", "radars[1].alt_m"])
    }

    @Test func errorsAreCollectedNotStoppedAtTheFirst() throws {
        var tree = try F.tree("reference.json")
        let mutations: [(String, Any?)] = [
            ("radars[0].lat", 91.0), ("radars[1].sigma_az_degs", 0.5), ("zones[1].radius_m", nil),
            ("interceptors[2].zone", "NOWHERE"), ("adsb.port", 0),
        ]
        for (path, value) in mutations { tree = F.setting(path, to: value, in: tree) }
        let issues = try F.issues(tree)
        #expect(issues.count == mutations.count, "\(issues)")
        for (path, _) in mutations { #expect(issues.contains { $0.path == path }, "\(path) in \(issues)") }
    }

    @Test func notJSONReportsTheLine() throws {
        let text = "{\n  \"radars\": [],\n  \"zones\": [,]\n}\n"
        #expect {
            _ = try SiteConfiguration.parse(text)
        } throws: { error in
            let issues = (error as? ConfigurationError)?.issues ?? []
            return issues.count == 1 && issues[0].message.contains("line 3")
        }
        #expect(throws: ConfigurationError.self) { _ = try SiteConfiguration.parse("[1, 2]") }
        #expect(throws: ConfigurationError.self) { _ = try SiteConfiguration.load(contentsOf: "/nonexistent/site.json") }
    }

    @Test func unreadableFilesAreReportedNotRead() throws {
        func message(_ path: String) -> String {
            do {
                _ = try SiteConfiguration.load(contentsOf: path)
                return "loaded"
            } catch {
                return error.description
            }
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(message(directory).contains("is a directory"))
        // Valid JSON padded past the limit: refused by size, not parsed.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skycue-big-\(UUID()).json")
        var data = try F.data(try F.tree("reference.json"))
        data.append(Data(repeating: 0x20, count: SiteConfiguration.maxFileBytes))
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(message(file.path).contains("larger than"))
    }
}

/// A key given twice in one object: JSON parsers keep one silently, the
/// configuration must not.
@Suite struct DuplicateKeyTests {
    typealias F = ConfigFixtures

    @Test(arguments: ["reference.json", "full-example.json"])
    func aRepeatedKeyAtEveryLevelIsNamed(site: String) throws {
        let tree = try F.tree(site)
        for object in F.objectPaths(tree) {
            guard let fields = F.value(at: object, in: tree) as? [String: Any],
                let key = fields.keys.sorted().first
            else { continue }
            // Serialise with a stand-in key, then give it the real name: the
            // text then holds `key` twice, which no JSON API can produce.
            let marked = F.setting(object + [.key("zz_stand_in")], to: fields[key]!, in: tree)
            let text = String(decoding: try F.data(marked), as: UTF8.self)
                .replacingOccurrences(of: "\"zz_stand_in\"", with: "\"\(key)\"")
            #expect {
                _ = try SiteConfiguration.parse(text)
            } throws: { error in
                let issues = (error as? ConfigurationError)?.issues ?? []
                return issues.count == 1 && issues[0].path == F.text(object + [.key(key)])
                    && issues[0].message.contains("duplicate key")
            }
        }
    }

    @Test func theMessageGivesBothLines() throws {
        let text = """
            {"radars": [], "interceptors": [],
             "zones": [],
             "zones": []}
            """
        #expect {
            _ = try SiteConfiguration.parse(text)
        } throws: { error in
            (error as? ConfigurationError)?.issues.map(\.description) == [
                "zones: duplicate key (line 3; first on line 2)"
            ]
        }
    }
}
