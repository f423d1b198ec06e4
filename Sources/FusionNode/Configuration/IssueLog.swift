/// The issues collected during one configuration walk.
///
/// A class so that every `ConfigObject` of one walk appends to the same list
/// without threading an `inout` through every section reader.
final class IssueLog {
    private(set) var issues: [ConfigurationIssue] = []

    func add(_ path: String, _ message: String) {
        issues.append(ConfigurationIssue(path: path, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}
