import Foundation

/// tshark's JSON decode (`-T json --no-duplicate-keys -J asterix`) reduced to
/// one flat map per ASTERIX record: leaf field name -> printed value. Keys
/// that repeat inside a record (FX bits) keep one value; the tests never use them.
struct TsharkRecord: Equatable {
    var category: Int
    var fields: [String: String]

    subscript(_ key: String) -> String? { fields["asterix." + key] }
    func has(_ item: String) -> Bool { fields.keys.contains { $0.hasPrefix("asterix." + item) } }
}

enum TsharkGolden {
    /// Records of every packet, in capture order.
    static func records(json: Data) throws -> [TsharkRecord] {
        guard let packets = try JSONSerialization.jsonObject(with: json) as? [[String: Any]] else { return [] }
        var out: [TsharkRecord] = []
        for packet in packets {
            let layers = (packet["_source"] as? [String: Any])?["layers"] as? [String: Any]
            for block in list(layers?["asterix"]) {
                let category = Int(block["asterix.category"] as? String ?? "") ?? -1
                for message in list(block["asterix.message"]) {
                    var fields: [String: String] = [:]
                    flatten(message, into: &fields)
                    out.append(TsharkRecord(category: category, fields: fields))
                }
            }
        }
        return out
    }

    static func records(file: URL) throws -> [TsharkRecord] { try records(json: Data(contentsOf: file)) }

    private static func list(_ v: Any?) -> [[String: Any]] {
        if let d = v as? [String: Any] { return [d] }
        return v as? [[String: Any]] ?? []
    }

    private static func flatten(_ v: Any, into fields: inout [String: String]) {
        if let d = v as? [String: Any] {
            // FX bits repeat in a record with different values: never compared.
            for (k, x) in d where k != "asterix.FX" {
                if let s = x as? String {
                    if fields[k] == nil { fields[k] = s }
                } else {
                    // An item that is a group still marks presence under its own name.
                    if fields[k] == nil { fields[k] = "" }
                    flatten(x, into: &fields)
                }
            }
        } else if let a = v as? [Any] {
            for x in a { flatten(x, into: &fields) }
        }
    }
}
