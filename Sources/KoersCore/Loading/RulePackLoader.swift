import Foundation
import KoersSource
public import KoersYAML

/// Loads a rule-pack folder and checks everything that can be checked before anyone answers a
/// question.
///
/// It reads `pack.yaml` (the manifest) and every other `*.yaml` file in the folder and in its
/// `tests/` folder, and reports **all** problems in one run, sorted by place: unknown keys (with
/// a did-you-mean note), missing required keys, malformed ids, duplicate ids, unknown question
/// types, expressions that do not parse or type-check (at the column inside the expression),
/// references to unknown names, cycles between derived values, missing translations, citations
/// of undeclared sources, and test cases that name unknown questions or give answers of the
/// wrong kind. The format is described in the `RulePackFormat` article.
///
/// ```swift
/// let loader = RulePackLoader(registry: registry)
/// let result = loader.load(directory: "Rules/set-eligibility")
/// if let pack = result.pack { … } else { print(result.diagnostics) }
/// ```
public struct RulePackLoader: Sendable {
    /// The plugins whose functions and question types packs may use.
    public var registry: PluginRegistry
    /// The limits applied to each YAML file.
    public var limits: YAMLParser.Limits
    /// Where a pack that extends another (`extends:` in its manifest) finds its base, such as the
    /// ``PackCatalog`` of the plugin path; when `nil`, the base is looked for beside the pack's
    /// folder (among the other packs in the folder that holds it) and in ``embeddedFolders``.
    public var bases: (any PackBaseLookup)?
    /// How many extensions deep this load is (an extension's base is loaded one deeper).
    var extensionDepth = 0
    /// Folders held in memory (the bundled packs compiled into `koers`); a pack folder in one
    /// of them is read from memory instead of from disk. ``PackCatalog`` adds its own.
    public var embeddedFolders: [EmbeddedFolder] = []
    /// Whether the pack's `tests/` folder is read and checked. A front end that only evaluates
    /// (check, interview, batch, the server) leaves it out: a third of a bundled pack's YAML is
    /// test cases, which only `koers test` and `koers validate` need.
    public var readsTests = true

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - registry: The plugins whose functions and question types packs may use.
    ///   - limits: The limits applied to each YAML file.
    public init(registry: PluginRegistry, limits: YAMLParser.Limits = .default) {
        self.registry = registry
        self.limits = limits
    }

    /// The name of the manifest file in a pack folder.
    public static let manifestFileName = "pack.yaml"

    /// Loads and checks the pack in a folder.
    ///
    /// - Parameter directory: The pack folder, as the user gave it; paths in diagnostics start
    ///   with it.
    /// - Returns: The pack when no error was found, and every diagnostic.
    public func load(directory: String) -> PackLoadResult {
        var diagnostics: [Diagnostic] = []
        var files: [SourceFile] = []
        var documents: [(file: SourceFile, root: YAMLNode?)] = []

        for (file, parsed) in parsedPackFiles(in: directory, diagnostics: &diagnostics) {
            if let file { files.append(file) }
            diagnostics.append(contentsOf: parsed.diagnostics)
            if let file, !parsed.diagnostics.containsErrors {
                documents.append((file, parsed.root))
            }
        }

        var builder = PackBuilder(directory: directory, registry: registry)
        builder.loader = self
        let yamlFailed = diagnostics.containsErrors
        let pack = builder.build(documents: documents, yamlFailed: yamlFailed)
        // Errors placed in a file: YAML that could not be read (not a missing folder or manifest).
        let yamlErrors = Set(diagnostics.filter { $0.severity == .error && $0.location != nil })
        var dropped = 0
        if !yamlErrors.isEmpty {
            let checks = Self.withoutFollowOnErrors(builder.diagnostics)
            diagnostics.append(contentsOf: checks.kept)
            dropped = checks.dropped
        } else {
            diagnostics.append(contentsOf: builder.diagnostics)
        }
        var sorted = Array(Set(diagnostics)).sorted()
        if dropped > 0, let first = sorted.firstIndex(where: { yamlErrors.contains($0) }) {
            let count = dropped == 1 ? "1 follow-on error" : "\(dropped) follow-on errors"
            let dutchCount = dropped == 1 ? "1 vervolgfout" : "\(dropped) vervolgfouten"
            sorted[first].notes.append(
                .note("\(count) about names this file defines not shown; they are checked once it is valid YAML",
                      nl: "\(dutchCount) over namen die dit bestand definieert niet getoond; die worden gecontroleerd "
                        + "zodra het geldige YAML is",
                      at: nil)
            )
        }
        return PackLoadResult(
            directory: directory,
            pack: sorted.containsErrors ? nil : pack,
            diagnostics: sorted,
            files: files + builder.inheritedFiles
        )
    }

    /// The codes of errors that a file left out for invalid YAML can cause elsewhere: whatever
    /// it defined looks undefined to every other file.
    static let followOnCodes: Set<String> = [
        "unknown-question", "unknown-outcome", "unknown-value", "unknown-score", "unknown-recommendation",
        "unknown-source", "unknown-option", "unknown-input", "missing-input", "unused-source", "missing-source",
        "missing-translation", "bad-answer", "type-mismatch", "no-manifest", "missing-key",
    ]

    /// The checks of the files that are valid YAML, without the errors a left-out file causes.
    ///
    /// A file that is not valid YAML is left out, so everything defined in it would look
    /// undefined everywhere else: one syntax error could bring hundreds of follow-on errors
    /// before the real cause. Those are dropped and counted; the other problems stay, so one run
    /// still reports every real problem.
    static func withoutFollowOnErrors(_ checks: [Diagnostic]) -> (kept: [Diagnostic], dropped: Int) {
        var kept: [Diagnostic] = []
        var dropped = 0
        for diagnostic in checks {
            let isFollowOn = followOnCodes.contains(diagnostic.code ?? "")
                || (diagnostic.code == "expression" && diagnostic.message.hasPrefix("unknown name"))
            if isFollowOn { dropped += 1 } else { kept.append(diagnostic) }
        }
        return (kept, dropped)
    }

    /// The YAML files of a pack: `pack.yaml` first, then the folder's other `*.yaml`/`*.yml` files
    /// and (when `includingTests`) those in `tests/`, sorted by name.
    static func packFiles(in directory: String, includingTests: Bool = true, diagnostics: inout [Diagnostic]) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(
                .error("'\(directory)' is not a folder; give the folder that holds pack.yaml",
                       nl: "'\(directory)' is geen map; geef de map waarin pack.yaml staat", at: nil, code: "no-pack")
            )
            return []
        }
        let manifest = join(directory, manifestFileName)
        guard manager.fileExists(atPath: manifest) else {
            diagnostics.append(
                .error(
                    "'\(directory)' has no \(manifestFileName); a pack folder needs a manifest with id, version, "
                        + "engine, languages, title and sources",
                    nl: "'\(directory)' heeft geen \(manifestFileName); een pakketmap heeft een manifest nodig met id, "
                        + "version, engine, languages, title en sources",
                    at: nil,
                    code: "no-manifest"
                )
            )
            return []
        }
        var paths = [manifest]
        for folder in [directory] + (includingTests ? [join(directory, "tests")] : []) {
            let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = join(folder, name)
                if path != manifest { paths.append(path) }
            }
        }
        return paths
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
