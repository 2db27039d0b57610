import Foundation
import PackagePlugin

/// Checks the rule packs in the package's `Rules/` folder and compiles every file under it into
/// the target it is applied to, as `enum EmbeddedRules { static let files: [(path: String,
/// contents: [UInt8])] }`. A broken pack fails the build with `path:line:column` diagnostics.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Checking and embedding the rule packs of Rules",
                executable: try context.tool(named: "koers-pack-tool").url,
                arguments: ["embed", "--validate", "--output", output.path, "--name", "EmbeddedRules", rules.path],
                inputFiles: EmbeddedFiles.list(under: rules),
                outputFiles: [output]
            )
        ]
    }
}

/// The files a build command reads, so that editing, adding or removing one reruns it.
enum EmbeddedFiles {
    /// The folder itself and every file and folder under it whose name does not start with `.`
    /// (the files the tool embeds), sorted.
    static func list(under folder: URL) -> [URL] {
        var found = [folder]
        let keys: [URLResourceKey] = [.isDirectoryKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]
            )
        else { return found }
        for case let url as URL in enumerator {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
