// skycued: the SkyCue node daemon. Thin on purpose: everything a test needs
// lives in FusionNode (SkycuedCommand, SiteConfiguration).
import Foundation
import FusionNode

/// Writes a line to standard error, which carries every diagnostic.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

let command: SkycuedCommand
do {
    command = try SkycuedCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError(error.description)
    exit(SkycuedCommand.exitUsage)
}

let (configuration, status) = command.loadAndReport(output: { print($0) }, errors: printError)
// FIXME: the daemon loop (another helper's work) starts here when
// `configuration` is non-nil and `--check-config` was not given; until then
// skycued validates, summarises and exits.
_ = configuration
exit(status)
