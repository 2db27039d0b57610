import Foundation

/// `koers-pack-tool embed --output FILE.swift --name SYMBOL ROOT_DIR [--validate]`: writes a
/// Swift file that holds every file under a folder, for a build-tool plugin.
struct EmbedCommand {
    /// A usage problem.
    struct UsageProblem: Error {
        /// What is wrong.
        var message: String
    }

    /// Where to write the Swift file.
    var output: String
    /// The name of the generated enum.
    var name: String
    /// The folder whose files to embed.
    var root: String
    /// Whether to check the packs under ``root`` first.
    var validates: Bool

    /// Reads the arguments after `embed`.
    ///
    /// - Parameter arguments: The arguments.
    /// - Returns: The command, or what is wrong with the arguments.
    static func parse(_ arguments: [String]) -> Result<EmbedCommand, UsageProblem> {
        var output: String?
        var name: String?
        var roots: [String] = []
        var validates = false
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--output", "--name":
                guard let value = remaining.popFirst() else {
                    return .failure(UsageProblem(message: "\(argument) needs a value"))
                }
                if argument == "--output" { output = value } else { name = value }
            case "--validate":
                validates = true
            default:
                if argument.hasPrefix("--") { return .failure(UsageProblem(message: "unknown option '\(argument)'")) }
                roots.append(argument)
            }
        }
        guard let output else { return .failure(UsageProblem(message: "embed needs --output FILE.swift")) }
        guard let name, SwiftSourceWriter.isIdentifier(name) else {
            return .failure(UsageProblem(message: "embed needs --name SYMBOL, a Swift identifier such as EmbeddedRules"))
        }
        guard roots.count == 1, let root = roots.first else {
            return .failure(UsageProblem(message: "embed needs exactly one ROOT_DIR, the folder whose files to embed"))
        }
        return .success(EmbedCommand(output: output, name: name, root: root, validates: validates))
    }

    /// Embeds the folder.
    ///
    /// - Returns: The exit status: 0 when the file was written, 1 when a pack has errors or a
    ///   file cannot be read or written.
    func run() -> Int32 {
        if validates, !PackChecker(folders: [root], printsSummaries: false).run() {
            ToolOutput.standardError(
                "error: the rule packs in '\(root)' have errors (above); fix them to build, "
                    + "or run 'swift package lint-rules' to see them again\n"
            )
            return 1
        }
        let files: [(path: String, contents: [UInt8])]
        do {
            files = try FolderReader.files(under: root)
        } catch {
            ToolOutput.standardError("\(root): error: \(error.message)\n")
            return 1
        }
        let source = SwiftSourceWriter.source(
            name: name,
            folderName: URL(fileURLWithPath: root).lastPathComponent,
            files: files
        )
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            ToolOutput.standardError("\(output): error: cannot write the generated file: \(error.localizedDescription)\n")
            return 1
        }
        return 0
    }
}
