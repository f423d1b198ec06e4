import Foundation

/// Where the package's test inputs are, derived from this file's location.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Third-party reference data (../shared/data), absent on some machines.
    static let data = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let golden = packageRoot.appendingPathComponent("Tests/WireFormatsTests/Golden")

    static func dataFile(_ relative: String) -> String { data.appendingPathComponent(relative).path }
    static var hasData: Bool {
        FileManager.default.fileExists(atPath: dataFile("croatiacontrol-asterix/cat_034_048.pcap"))
    }

    /// The path of an executable on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a tool and returns its standard output (stderr discarded).
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skycue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
