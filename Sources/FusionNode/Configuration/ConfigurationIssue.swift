/// One thing wrong with a site configuration file: where, and why.
///
/// `path` names the field the way a crew would find it in the file:
/// `radars[1].sigma_az_deg`, `zones[0].polygon[3].lat`, `keys.node_key`.
/// It is empty for problems with the file as a whole (unreadable, not JSON).
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, the form printed by `skycued --check-config`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every issue found in a configuration, in the order the file was walked.
///
/// Loading never stops at the first problem: a crew fixing a file in the
/// field should see all of them at once.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
