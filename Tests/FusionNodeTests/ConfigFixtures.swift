import Foundation
import FusionNode

/// JSON trees of site configurations and ways to mutate them, for tests
/// that check each kind of bad file is caught and named.
enum ConfigFixtures {
    /// One step into a JSON tree.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// The repository root, from this file's location (Tests/FusionNodeTests/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sitePath(_ name: String) -> String {
        root.appendingPathComponent("Hardware/sites/\(name)").path
    }

    /// The parsed JSON of a committed site file.
    static func tree(_ name: String) throws -> Any {
        let data = try Data(contentsOf: URL(fileURLWithPath: sitePath(name)))
        return try JSONSerialization.jsonObject(with: data)
    }

    static func data(_ tree: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
    }

    /// Loads a tree; the issues, or [] when it is valid.
    static func issues(_ tree: Any) throws -> [ConfigurationIssue] {
        do {
            _ = try SiteConfiguration.parse(try data(tree))
            return []
        } catch let error as ConfigurationError {
            return error.issues
        }
    }

    /// The dotted path a crew would read: `radars[1].sigma_az_deg`.
    static func text(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// The path with array indices blanked: `radars[].sigma_az_deg`.
    static func shape(_ path: [Step]) -> String {
        text(path.map { if case .index = $0 { .index(-1) } else { $0 } }).replacingOccurrences(of: "[-1]", with: "[]")
    }

    /// Every path that ends at a key of an object, in tree order.
    static func keyPaths(_ tree: Any, prefix: [Step] = []) -> [[Step]] {
        if let object = tree as? [String: Any] {
            return object.keys.sorted().flatMap { key in
                [prefix + [.key(key)]] + keyPaths(object[key]!, prefix: prefix + [.key(key)])
            }
        }
        if let array = tree as? [Any] {
            return array.enumerated().flatMap { keyPaths($0.element, prefix: prefix + [.index($0.offset)]) }
        }
        return []
    }

    /// Every path that ends at an object, the root included.
    static func objectPaths(_ tree: Any, prefix: [Step] = []) -> [[Step]] {
        if let object = tree as? [String: Any] {
            return [prefix] + object.keys.sorted().flatMap { objectPaths(object[$0]!, prefix: prefix + [.key($0)]) }
        }
        if let array = tree as? [Any] {
            return array.enumerated().flatMap { objectPaths($0.element, prefix: prefix + [.index($0.offset)]) }
        }
        return []
    }

    /// The value at `path`, if any.
    static func value(at path: [Step], in tree: Any) -> Any? {
        guard let step = path.first else { return tree }
        switch step {
        case .key(let k): return (tree as? [String: Any])?[k].flatMap { value(at: Array(path.dropFirst()), in: $0) }
        case .index(let i):
            guard let array = tree as? [Any], array.indices.contains(i) else { return nil }
            return value(at: Array(path.dropFirst()), in: array[i])
        }
    }

    /// `tree` with the value at `path` replaced by `newValue` (nil removes
    /// it; a missing key is added).
    static func setting(_ path: [Step], to newValue: Any?, in tree: Any) -> Any {
        guard let step = path.first else { return newValue ?? NSNull() }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let k):
            var object = tree as! [String: Any]
            if rest.isEmpty {
                object[k] = newValue
            } else {
                object[k] = setting(rest, to: newValue, in: object[k]!)
            }
            return object
        case .index(let i):
            var array = tree as! [Any]
            if rest.isEmpty, newValue == nil {
                array.remove(at: i)
            } else {
                array[i] = rest.isEmpty ? newValue! : setting(rest, to: newValue, in: array[i])
            }
            return array
        }
    }

    /// `setting` with a dotted path such as `radars[1].sigma_az_deg`.
    static func setting(_ dotted: String, to newValue: Any?, in tree: Any) -> Any {
        setting(parse(dotted), to: newValue, in: tree)
    }

    static func parse(_ dotted: String) -> [Step] {
        var steps: [Step] = []
        for part in dotted.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.last == "]" {
                indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map(Step.index)
        }
        return steps
    }
}
