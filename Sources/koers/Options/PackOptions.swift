import ArgumentParser
import Foundation
import KoersBuiltins
import KoersCore

/// Where to find rule packs: the bundled `Rules/` folder, `--plugins` folders and
/// `KOERS_PLUGIN_PATH`.
struct PackOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "The folder of bundled packs (default: $KOERS_RULES, else the Rules/ folder of the checkout koers was built in, else ./Rules).",
            valueName: "dir"
        )
    )
    var rulesDirectory: String?

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp(
            "A folder with extra packs, or a pack folder itself; may be repeated. $KOERS_PLUGIN_PATH adds more, separated by ':'.",
            valueName: "dir"
        )
    )
    var pluginDirectories: [String] = []

    /// The plugin path: bundled packs first, then `--plugins`, then the environment variable.
    func roots() -> [String] {
        var roots: [String] = []
        if let bundled = bundledRulesDirectory() { roots.append(bundled) }
        roots.append(contentsOf: pluginDirectories)
        let environment = ProcessInfo.processInfo.environment[PackCatalog.pluginPathVariable]
        roots.append(contentsOf: PackCatalog.pluginPath(fromEnvironmentValue: environment))
        return roots
    }

    /// The bundled `Rules/` folder, if one can be found.
    func bundledRulesDirectory() -> String? {
        if let rulesDirectory { return rulesDirectory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KOERS_RULES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let manager = FileManager.default
        // The checkout the binary was built in: walk up from .build/<triple>/debug/koers.
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Rules")
            if manager.fileExists(atPath: candidate.appendingPathComponent("set-eligibility").path) {
                return relativeIfInside(candidate.path)
            }
            folder.deleteLastPathComponent()
        }
        if manager.fileExists(atPath: "Rules") { return "Rules" }
        return nil
    }

    /// A registry with the built-in plugins.
    func registry() throws -> PluginRegistry {
        do {
            return try BuiltinPlugins.registry()
        } catch {
            throw ValidationError("cannot start: \(error)")
        }
    }

    private func relativeIfInside(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
