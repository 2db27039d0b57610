import Foundation
import PackagePlugin

/// Compiles every file in the `Templates` folder of the target it is applied to into that
/// target, as `enum EmbeddedTemplates { static let files: [(path: String, contents: [UInt8])] }`,
/// so the binary needs no resource bundle beside it (a `koers` copied alone still has them).
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let templates = target.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding the templates of \(target.name)",
                executable: try context.tool(named: "koers-pack-tool").url,
                arguments: ["embed", "--output", output.path, "--name", "EmbeddedTemplates", templates.path],
                inputFiles: TemplateFiles.list(under: templates),
                outputFiles: [output]
            )
        ]
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
