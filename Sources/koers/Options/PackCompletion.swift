import ArgumentParser
import Foundation
import KoersBuiltins
import KoersCore

/// Shell completion of a pack argument (`koers batch <TAB>`): the ids of the packs on the plugin
/// path that the command line would use: the compiled-in packs (or `--rules`/`$KOERS_RULES`), then
/// `--plugins` folders already typed, then `$KOERS_PLUGIN_PATH`. Packs with errors are left out.
enum PackCompletion {
    /// The completion kind for pack arguments.
    static let kind = CompletionKind.custom { words, _, prefix in
        ids(words: words).filter { $0.hasPrefix(prefix) }
    }

    /// The pack ids for a command line.
    ///
    /// - Parameter words: The words typed so far.
    static func ids(words: [String]) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var rules = environment["KOERS_RULES"].flatMap { $0.isEmpty ? nil : $0 }
        var plugins: [String] = []
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "--rules" { rules = words[index + 1] }
            if word == "--plugins" { plugins.append(words[index + 1]) }
        }
        let roots = (rules.map { [$0] } ?? []) + plugins
            + PackCatalog.pluginPath(fromEnvironmentValue: environment[PackCatalog.pluginPathVariable])
        let catalog = PackCatalog(embedded: rules == nil ? [PackOptions.compiledInPacks] : [], roots: roots)
        guard let registry = try? BuiltinPlugins.registry(adding: KoersCommand.plugins) else { return [] }
        var ids: [String] = []
        for result in catalog.loadAll(with: RulePackLoader(registry: registry)) {
            if let id = result.pack?.id, !ids.contains(id) { ids.append(id) }
        }
        return ids.sorted()
    }
}
