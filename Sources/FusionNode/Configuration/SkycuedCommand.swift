/// The `skycued` command line (shared/ICD.md section 4):
///
///     skycued --config SITE.json [--check-config]
///
/// Parsing lives here, not in main.swift, so that it is tested like any
/// other code. Exit statuses: 0 success (or a clean stop), 1 invalid configuration,
/// 2 usage, 3 cannot start.
public struct SkycuedCommand: Sendable, Equatable {
    public var configPath: String
    /// Validate and report, then exit; never start the node.
    public var checkConfigOnly: Bool

    public init(configPath: String, checkConfigOnly: Bool = false) {
        self.configPath = configPath
        self.checkConfigOnly = checkConfigOnly
    }

    public static let usage = "usage: skycued --config SITE.json [--check-config]"

    /// Exit statuses.
    public static let exitOK: Int32 = 0
    public static let exitInvalidConfiguration: Int32 = 1
    public static let exitUsage: Int32 = 2
    /// A valid configuration the node cannot run with here (a port in use,
    /// an endpoint that does not resolve).
    public static let exitCannotStart: Int32 = 3

    /// A usage error, with the reason.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { "skycued: \(reason)\n\(SkycuedCommand.usage)" }
    }

    /// Parses the arguments after the program name. Accepts `--config PATH`
    /// and `--config=PATH`.
    public static func parse(_ arguments: [String]) throws(UsageError) -> SkycuedCommand {
        var path: String?
        var check = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--config":
                guard i + 1 < arguments.count else { throw UsageError(reason: "--config needs a file") }
                guard path == nil else { throw UsageError(reason: "--config given twice") }
                path = arguments[i + 1]
                i += 1
            case _ where argument.hasPrefix("--config="):
                guard path == nil else { throw UsageError(reason: "--config given twice") }
                path = String(argument.dropFirst("--config=".count))
            case "--check-config":
                check = true
            case "-h", "--help":
                throw UsageError(reason: "help requested")
            default:
                throw UsageError(reason: "unknown argument \"\(argument)\"")
            }
            i += 1
        }
        guard let path, !path.isEmpty else { throw UsageError(reason: "--config SITE.json is required") }
        return SkycuedCommand(configPath: path, checkConfigOnly: check)
    }

    /// Loads the configuration and reports on it: with `--check-config`,
    /// "configuration OK" or every issue, one per line; otherwise the summary
    /// of a good file. Returns the configuration (nil if invalid) and the
    /// exit status to use when not going on to run the node.
    public func loadAndReport(
        output: (String) -> Void, errors: (String) -> Void
    ) -> (configuration: SiteConfiguration?, status: Int32) {
        do {
            let configuration = try SiteConfiguration.load(contentsOf: configPath)
            output(checkConfigOnly ? "configuration OK" : configuration.summary)
            return (configuration, Self.exitOK)
        } catch {
            for issue in error.issues { errors("\(configPath): \(issue)") }
            errors("\(configPath): \(error.issues.count) configuration error\(error.issues.count == 1 ? "" : "s")")
            return (nil, Self.exitInvalidConfiguration)
        }
    }
}
