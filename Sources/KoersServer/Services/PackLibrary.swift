import Foundation
public import KoersCore
public import KoersInterview
import KoersReport
import KoersSource

/// A pack the server loaded at start-up, with the interview over it.
public struct LoadedPack: Sendable {
    /// The pack.
    public let pack: RulePack
    /// The interview (and evaluator) over the pack.
    public let interview: Interview

    /// The pack's id.
    public var id: String { pack.id }
}

/// The rule packs the server offers, loaded once at start-up from the plugin path.
///
/// A pack with errors is left out and its problems are kept in ``problems`` (the server logs
/// them); two packs with the same id keep the first, as `koers` does.
public struct PackLibrary: Sendable {
    /// The packs, by id.
    public let packs: [LoadedPack]
    /// Why packs on the path were not loaded, one line each.
    public let problems: [String]
    /// The plugin registry, for the report formats the web app offers (always with the built-in
    /// HTML, Markdown, JSON and CSV ones).
    public let registry: PluginRegistry
    private let byID: [String: LoadedPack]

    /// Loads every pack on the plugin path.
    ///
    /// - Parameters:
    ///   - roots: Folders that are packs or hold packs, in order of precedence.
    ///   - embedded: Packs compiled into the binary, loaded before the folders.
    ///   - registry: The registry the packs are loaded with.
    public init(roots: [String], embedded: [EmbeddedFolder] = [], registry: PluginRegistry) {
        let catalog = PackCatalog(embedded: embedded, roots: roots)
        let loader = RulePackLoader(registry: registry)
        var loaded: [LoadedPack] = []
        var problems = catalog.diagnostics.filter { $0.severity == .error }.map(\.description)
        for result in catalog.loadAll(with: loader) {
            guard let pack = result.pack, !result.hasErrors else {
                let errors = result.diagnostics.filter { $0.severity == .error }
                problems.append(
                    "pack '\(result.directory)' was not loaded: "
                        + (errors.first?.description ?? "it has errors") + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "")
                )
                continue
            }
            loaded.append(LoadedPack(pack: pack, interview: Interview(pack: pack, registry: registry)))
        }
        self.init(packs: loaded, problems: problems, registry: registry)
    }

    /// Creates a library of packs already loaded.
    ///
    /// - Parameters:
    ///   - packs: The packs; a later pack with an id already used is left out.
    ///   - problems: Problems to report.
    ///   - registry: The plugin registry; the built-in report formats are added when it has none.
    public init(packs: [LoadedPack], problems: [String] = [], registry: PluginRegistry = PluginRegistry()) {
        var registry = registry
        if registry.reportFormats.isEmpty {
            // Cannot fail: the registry has no report formats that could clash.
            try? ReportFormatsPlugin().register(into: &registry)
        }
        self.registry = registry
        var byID: [String: LoadedPack] = [:]
        var kept: [LoadedPack] = []
        for pack in packs where byID[pack.id] == nil {
            byID[pack.id] = pack
            kept.append(pack)
        }
        self.packs = kept.sorted { $0.id < $1.id }
        self.byID = byID
        self.problems = problems
    }

    /// The pack with an id.
    ///
    /// - Parameter id: The id, as given in a request (never used as a path).
    /// - Returns: The pack.
    /// - Throws: ``ServiceError/notFound(_:)`` naming the packs there are.
    public func pack(id: String) throws(ServiceError) -> LoadedPack {
        if let pack = byID[id] { return pack }
        let shown = id.count > 80 ? String(id.prefix(80)) + "…" : id
        var message = "there is no rule pack '\(shown)'"
        if let suggestion = closestMatch(to: id, among: packs.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        } else if !packs.isEmpty {
            message += "; the packs are: \(packs.map(\.id).joined(separator: ", "))"
        }
        throw .notFound(message)
    }
}
