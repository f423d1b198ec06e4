// skycue-replay: runs a capture through the node's pipeline on capture time
// and writes the replay reports (shared/ICD.md 2.4, 4). Thin on purpose:
// everything a test needs lives in FusionNode (ReplayCommand, NodePipeline).
import Foundation
import FusionNode

/// Writes a line to standard error, which carries every diagnostic.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

let command: ReplayCommand
do {
    command = try ReplayCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError(error.description)
    exit(ReplayCommand.exitUsage)
}
exit(command.run(errors: printError, progress: isatty(STDERR_FILENO) == 1))
