/// Why a replay report (ICD 2.4) or a truth file could not be read.
///
/// Every case names the file, and the line for a bad record, so that an
/// engineer can open the file at the right place.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case cannotRead(path: String, reason: String)
    /// A line is not a JSON object, or a field is missing or of the wrong type.
    case badLine(path: String, line: Int, reason: String)
    /// The site has no configured origin and the truth is empty, so no local
    /// frame can be placed.
    case noOrigin

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .badLine(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .noOrigin: "no frame origin: the site configures none and the truth is empty"
        }
    }
}
