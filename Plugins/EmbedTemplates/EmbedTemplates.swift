import Foundation
import PackagePlugin

/// Compiles every file in the `Templates` folder (and, where the target has one, the `OpenAPI`
/// folder) of the target it is applied to into that target, as
/// `enum EmbeddedTemplates { static let files: [(path: String, contents: [UInt8])] }` (and
/// `EmbeddedOpenAPI`), so the binary needs no resource bundle beside it (a `koers` copied alone
/// still has them).
@main
struct EmbedTemplates: BuildToolPlugin {
    /// The folders embedded when the target has them, and the enum each becomes.
    static let folders = [("Templates", "EmbeddedTemplates"), ("OpenAPI", "EmbeddedOpenAPI")]

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let tool = try context.tool(named: "koers-pack-tool").url
        return Self.folders.compactMap { folderName, symbol in
            let folder = target.directoryURL.appending(path: folderName)
            guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(symbol).swift")
            return .buildCommand(
                displayName: "Embedding the \(folderName) folder of \(target.name)",
                executable: tool,
                arguments: ["embed", "--output", output.path, "--name", symbol, folder.path],
                inputFiles: TemplateFiles.list(under: folder),
                outputFiles: [output]
            )
        }
    }
}

/// The files a build command reads, so that editing, adding or removing one reruns it.
enum TemplateFiles {
    /// The folder itself and every file under it whose name does not start with `.`, sorted.
    static func list(under folder: URL) -> [URL] {
        var found = [folder]
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
            )
        else { return found }
        for case let url as URL in enumerator {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
