import Foundation

/// Reads a JSON Lines file (one object per line; blank lines skipped), as
/// the replay tool writes its reports (ICD 2.4) and skycue-sim its truth.
enum JSONLines {
    /// Every object of the file at `path`, built into a record by `make`.
    ///
    /// - Throws: `.cannotRead` for a missing file, `.badLine` naming the
    ///   first line that is not a JSON object or that `make` rejects.
    static func read<T>(_ path: String, _ make: (JSONFields) throws(ReportError) -> T) throws(ReportError) -> [T] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .cannotRead(path: path, reason: (error as NSError).localizedDescription)
        }
        var records: [T] = []
        var lineNumber = 0
        // Split on bytes, not on a decoded String: a 100 MB report stays one buffer.
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line), options: [])
            } catch {
                throw .badLine(path: path, line: lineNumber, reason: "not JSON")
            }
            guard let dictionary = object as? [String: Any] else {
                throw .badLine(path: path, line: lineNumber, reason: "not a JSON object")
            }
            records.append(try make(JSONFields(object: dictionary, path: path, line: lineNumber)))
        }
        return records
    }
}
