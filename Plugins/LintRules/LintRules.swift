import Foundation
import PackagePlugin

/// `swift package lint-rules [FOLDER…]`: checks the rule packs in the package's `Rules/` folder
/// (when it has one) and in any folders given (pack folders or folders of packs, relative to the
/// package root or to the current folder) and prints every problem as
/// `path:line:column: error|warning: message`. Fails when any pack has an error.
@main
struct LintRules: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "koers-pack-tool")
        let packageRoot = context.package.directoryURL
        let hasRules = FileManager.default.fileExists(atPath: packageRoot.appending(path: "Rules").path)
        let folders = (hasRules ? ["Rules"] : []) + arguments.map { Self.folder($0, packageRoot: packageRoot) }
        guard !folders.isEmpty else {
            Diagnostics.error("the package has no Rules/ folder; give the folders to check: swift package lint-rules DIR…")
            return
        }

        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["lint"] + folders
        // Paths under the package print relative to its root, as the build prints them.
        process.currentDirectoryURL = packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        FileHandle.standardOutput.write(output)

        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("the rule packs have errors; each is printed as path:line:column: error: …")
            return
        }
    }

    /// A folder argument as the tool should get it: relative to the package root when it exists
    /// there, else absolute from the current folder (where `swift package` was run).
    static func folder(_ argument: String, packageRoot: URL) -> String {
        if argument.hasPrefix("/") { return argument }
        if FileManager.default.fileExists(atPath: packageRoot.appending(path: argument).path) { return argument }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: argument).path
    }
}
