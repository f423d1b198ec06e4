/// A classification as written in the replay reports (ICD 2.4 `class`) and
/// in skycue-sim's truth file.
///
/// Truth is always one of the first three; a track may also be `unknown`.
/// The raw values are the strings of the files.
public enum ReportClass: String, Sendable, CaseIterable, Comparable {
    case uncrewed
    case crewed
    case bird
    case unknown

    /// The classes a truth target can have, in table order.
    public static let truthClasses: [ReportClass] = [.uncrewed, .crewed, .bird]

    /// Position in `allCases`, used as a table index.
    public var index: Int {
        switch self {
        case .uncrewed: 0
        case .crewed: 1
        case .bird: 2
        case .unknown: 3
        }
    }

    public static func < (a: ReportClass, b: ReportClass) -> Bool { a.index < b.index }
}
