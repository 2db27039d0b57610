import Foundation
public import KoersSource

/// Finds and loads the packs on the plugin path: the bundled `Rules/` folder, folders given with
/// `--plugins`, and those in the `KOERS_PLUGIN_PATH` environment variable.
///
/// Each folder on the path is either a pack folder itself (it holds `pack.yaml`) or a folder of
/// pack folders. Two packs with the same id are an error that names both folders.
public struct PackCatalog: Sendable {
    /// The environment variable with extra plugin folders, separated by `:`.
    public static let pluginPathVariable = "KOERS_PLUGIN_PATH"

    /// Every pack folder found, in path order, then by name.
    public var packDirectories: [String]
    /// Problems finding packs, such as a path entry that does not exist.
    public var diagnostics: [Diagnostic]
    /// The folders searched, as given.
    public private(set) var roots: [String] = []
    /// Folders held in memory whose packs are listed first in ``packDirectories`` (the bundled
    /// packs compiled into `koers`); see ``init(embedded:roots:)``.
    public internal(set) var embeddedFolders: [EmbeddedFolder] = []

    /// Finds the pack folders under the given roots.
    ///
    /// - Parameter roots: Folders that are packs or hold packs, in order of precedence.
    public init(roots: [String]) {
        self.roots = roots
        var directories: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(
                    .error("plugin folder '\(root)' does not exist or is not a folder",
                           nl: "plug-inmap '\(root)' bestaat niet of is geen map", at: nil, code: "no-pack")
                )
                continue
            }
            if manager.fileExists(atPath: RulePackLoader.join(root, RulePackLoader.manifestFileName)) {
                directories.append(root)
                continue
            }
            let names = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted()
            var found = false
            for name in names where !name.hasPrefix(".") {
                let candidate = RulePackLoader.join(root, name)
                if manager.fileExists(atPath: RulePackLoader.join(candidate, RulePackLoader.manifestFileName)) {
                    directories.append(candidate)
                    found = true
                } else if Self.holdsYAML(candidate) {
                    diagnostics.append(
                        .warning("folder '\(candidate)' has YAML files but no pack.yaml, so it is not loaded as a pack",
                                 nl: "map '\(candidate)' heeft YAML-bestanden maar geen pack.yaml, dus wordt ze niet als "
                                    + "pakket geladen",
                                 at: nil, code: "no-manifest")
                    )
                }
            }
            if !found, Self.holdsYAML(root) {
                diagnostics.append(
                    .error("'\(root)' has YAML files but no pack.yaml; a pack folder needs a manifest with id, "
                            + "version, engine, languages, title and sources",
                           nl: "'\(root)' heeft YAML-bestanden maar geen pack.yaml; een pakketmap heeft een manifest "
                            + "nodig met id, version, engine, languages, title en sources",
                           at: nil, code: "no-manifest")
                )
            } else if !found {
                diagnostics.append(
                    .warning("'\(root)' holds no rule packs (no pack.yaml in it or its subfolders)",
                             nl: "'\(root)' bevat geen regelpakketten (geen pack.yaml erin of in de submappen)", at: nil,
                             code: "no-pack")
                )
            }
        }
        var seen: Set<String> = []
        self.packDirectories = directories.filter { seen.insert(Self.standardized($0)).inserted }
        self.diagnostics = diagnostics
    }

    /// The folders named in an environment variable's value, separated by `:`.
    ///
    /// - Parameter value: The variable's value, if set.
    /// - Returns: The non-empty entries.
    public static func pluginPath(fromEnvironmentValue value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// Loads every pack found and reports packs that share an id.
    ///
    /// A pack that extends another finds its base through the loader's ``RulePackLoader/bases``,
    /// or through this catalog when the loader has none.
    ///
    /// - Parameter loader: The loader to use.
    /// - Returns: One result per pack folder, in order; a duplicate id adds an error to the later one.
    public func loadAll(with loader: RulePackLoader) -> [PackLoadResult] {
        var loader = configuring(loader)
        if loader.bases == nil { loader.bases = self }
        var results = packDirectories.map { loader.load(directory: $0) }
        var firstByID: [String: SourceLocation] = [:]
        for index in results.indices {
            guard let manifest = results[index].pack?.manifest else { continue }
            if let first = firstByID[manifest.id] {
                results[index].diagnostics.append(Self.duplicate(manifest, first: first))
                results[index].diagnostics.sort()
                results[index].pack = nil
            } else {
                firstByID[manifest.id] = manifest.location
            }
        }
        return results
    }

    /// The error for a pack whose id an earlier pack on the path already has; it names both manifests.
    static func duplicate(_ manifest: PackManifest, first: SourceLocation) -> Diagnostic {
        .error("pack id '\(manifest.id)' in \(manifest.location.file) is already used by the pack at \(first); "
                + "two packs on the plugin path cannot share an id, so give one of them another id "
                + "(or take one folder off the plugin path)",
               nl: "pakket-id '\(manifest.id)' in \(manifest.location.file) is al in gebruik bij het pakket in \(first); "
                + "twee pakketten op het plug-inpad kunnen geen id delen, dus geef een van beide een ander id "
                + "(of haal een map van het plug-inpad)",
               at: manifest.location, code: "duplicate-pack",
               notes: [.note("the first pack with this id", nl: "het eerste pakket met dit id", at: first)])
    }

    private static func holdsYAML(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
