// koers-pack-tool: the tool behind the SwiftPM plugins in Plugins/ (see Plugins/README.md).
//
//   koers-pack-tool lint DIR…
//   koers-pack-tool embed --output FILE.swift --name SYMBOL ROOT_DIR [--validate]
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "lint":
    status = LintCommand(folders: Array(arguments.dropFirst())).run()
case "embed":
    switch EmbedCommand.parse(Array(arguments.dropFirst())) {
    case .success(let command): status = command.run()
    case .failure(let problem): status = ToolOutput.usageError(problem.message)
    }
case "-h", "--help", "help":
    ToolOutput.standardOutput(ToolOutput.usage)
    status = 0
default:
    status = ToolOutput.usageError(
        arguments.first.map { "unknown subcommand '\($0)'" } ?? "give a subcommand, lint or embed"
    )
}
exit(status)
