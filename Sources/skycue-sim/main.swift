import Foundation
import FusionNode

// Thin: everything a test needs lives in FusionNode.SimCommand.
exit(SimCommand.main(Array(CommandLine.arguments.dropFirst())))
