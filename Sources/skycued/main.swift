// skycued: the SkyCue node daemon. Thin on purpose: everything a test needs
// lives in FusionNode (SkycuedCommand, SiteConfiguration, NodeDaemon).
import Foundation
import FusionNode

/// Writes a line to standard error, which carries every diagnostic.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

// Before anything else can start a thread (see NodeDaemon.prepareProcess).
NodeDaemon.prepareProcess()

let command: SkycuedCommand
do {
    command = try SkycuedCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError(error.description)
    exit(SkycuedCommand.exitUsage)
}

let (configuration, status) = command.loadAndReport(
    output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }, errors: printError)
guard let configuration, !command.checkConfigOnly else { exit(status) }
do {
    let daemon = try NodeDaemon(configuration: configuration, configPath: command.configPath)
    exit(daemon.run())
} catch {
    printError("skycued: \(error)")
    exit(SkycuedCommand.exitCannotStart)
}
