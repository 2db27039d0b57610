import ArgumentParser
import Foundation
import KoersBuiltins
import KoersCore

/// Where to find rule packs: the bundled packs (compiled in, or `--rules`/`$KOERS_RULES`),
/// `--plugins` folders and `KOERS_PLUGIN_PATH`.
struct PackOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A folder of packs to use instead of the bundled packs compiled into koers (default: $KOERS_RULES when set, else the compiled-in packs). For pack authors: point it at Rules/ to try edits without rebuilding.",
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

    /// The folders on disk on the plugin path: `--rules`/`$KOERS_RULES` first, then `--plugins`,
    /// then the environment variable. Without `--rules`/`$KOERS_RULES`, ``catalog()`` puts the
    /// compiled-in packs before them.
    func roots() -> [String] {
        var roots: [String] = []
        if let bundled = bundledRulesDirectory() { roots.append(bundled) }
        roots.append(contentsOf: pluginDirectories)
        let environment = ProcessInfo.processInfo.environment[PackCatalog.pluginPathVariable]
        roots.append(contentsOf: PackCatalog.pluginPath(fromEnvironmentValue: environment))
        return roots
    }

    /// The folder that replaces the compiled-in packs: `--rules`, else `$KOERS_RULES` when set.
    func bundledRulesDirectory() -> String? {
        if let rulesDirectory { return rulesDirectory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KOERS_RULES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    /// A registry with the built-in plugins.
    func registry() throws -> PluginRegistry {
        do {
            return try BuiltinPlugins.registry(adding: KoersCommand.plugins)
        } catch {
            throw ValidationError("cannot start: \(error)")
        }
    }
}
