import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersSource
import KoersTestSupport
import Testing

/// Pack plugins: packs found on the plugin path, and packs that extend another (`extends:`).
///
/// Each folder under `Fixtures/plugins/conflicts/` is loaded with the plugin path
/// `Fixtures/plugins/base` (the base pack `demo-base`) followed by the folder itself; its
/// `expected.txt` holds the exact diagnostics of the packs in the folder. Re-record with
/// `KOERS_RECORD=1` after an intended change of wording, and review the diff.
@Suite struct PackPluginTests {
    static let pluginsDirectory = Fixtures.url("KoersCoreTests", "plugins")
    static let baseRoot = pluginsDirectory.appendingPathComponent("base").path
    static let conflictsDirectory = pluginsDirectory.appendingPathComponent("conflicts")

    static var conflictNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: conflictsDirectory.path)) ?? []).sorted()
    }

    let loader: RulePackLoader

    init() throws {
        loader = RulePackLoader(registry: try BuiltinPlugins.registry())
    }

    // MARK: - Conflicts

    @Test(arguments: conflictNames)
    func conflictIsAnErrorNamingBothFiles(conflict: String) throws {
        let folder = Self.conflictsDirectory.appendingPathComponent(conflict)
        let catalog = PackCatalog(roots: [Self.baseRoot, folder.path])
        let results = catalog.loadAll(with: loader).filter { $0.directory.hasPrefix(folder.path) }
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.pack == nil, "\(result.directory) must not load")
        }
        let diagnostics = results.flatMap(\.diagnostics)
        #expect(diagnostics.containsErrors)

        let renderer = DiagnosticRenderer(showsSnippets: false)
        let actual = renderer.render(diagnostics).replacingOccurrences(of: Self.pluginsDirectory.path + "/", with: "")
            + "\n"
        let expectedURL = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["KOERS_RECORD"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: expectedURL, encoding: .utf8)))
    }

    @Test func everyKindOfConflictHasAFixture() {
        let required = [
            "missing-base", "base-version", "engine-version", "duplicate-pack", "question-type", "items",
            "expressions", "cycle", "self", "broken-base", "languages", "extends-syntax",
        ]
        #expect(Set(required).isSubset(of: Set(Self.conflictNames)))
    }

    @Test func aQuestionOfAnotherTypeNamesBothDefinitionsWithTheirPlaces() throws {
        let folder = Self.conflictsDirectory.appendingPathComponent("question-type")
        let catalog = PackCatalog(roots: [Self.baseRoot, folder.path])
        var configured = loader
        configured.bases = catalog
        let result = configured.load(directory: folder.appendingPathComponent("ext").path)
        let conflict = try #require(result.diagnostics.first { $0.message.contains("has type integer") })
        let own = try #require(conflict.location)
        #expect(own.file.hasSuffix("conflicts/question-type/ext/pack.yaml"))
        #expect(own.line == 13 && own.column == 11, "at the type of the extension's question")
        #expect(conflict.message.contains("'total_costs' in \(own.file):12:5 has type integer"))
        #expect(conflict.message.contains("defines it as money at \(Self.baseRoot)/demo-base/questions.yaml:2:5"))
        // The snippet of the own file can be shown, and so can the base's files.
        #expect(result.files.contains { $0.path == own.file })
        #expect(result.files.contains { $0.path.hasSuffix("demo-base/questions.yaml") })
        let rendered = DiagnosticRenderer(sources: result.files).render(conflict)
        #expect(rendered.contains("    type: integer\n"))
    }

    @Test func withoutAPluginPathTheBaseIsLookedForBesideTheExtension() throws {
        // valid/ holds no demo-base.
        let valid = Self.pluginsDirectory.appendingPathComponent("valid")
        let missing = loader.load(directory: valid.appendingPathComponent("demo-extension").path)
        #expect(missing.pack == nil)
        let error = try #require(missing.diagnostics.first)
        #expect(error.code == "missing-base")
        #expect(
            error.message
                == "pack 'demo-extension' extends 'demo-base', which is not on the plugin path (searched: "
                + "\(valid.path)); add the folder that holds 'demo-base' with --plugins DIR or KOERS_PLUGIN_PATH"
        )

        // Side by side with its base, it loads.
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (from, name) in [(Self.baseRoot + "/demo-base", "demo-base"), (valid.path + "/demo-extension", "ext")] {
            try FileManager.default.copyItem(atPath: from, toPath: folder.appendingPathComponent(name).path)
        }
        let result = loader.load(directory: folder.appendingPathComponent("ext").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack?.manifest.extends?.baseDirectory == folder.appendingPathComponent("demo-base").path)
    }

    // MARK: - Composition

    @Test func anExtensionIsOneComposedPackWithItsOwnIdentityAndTests() throws {
        let catalog = PackCatalog(roots: [Self.baseRoot, Self.pluginsDirectory.appendingPathComponent("valid").path])
        let results = catalog.loadAll(with: loader)
        for result in results { #expect(result.diagnostics.isEmpty, "\(result.diagnostics)") }
        let pack = try #require(results.compactMap(\.pack).first { $0.id == "demo-extension" })

        #expect(pack.manifest.version == SemanticVersion(0, 3, 0))
        #expect(pack.manifest.title.text(in: "en") == "Extension")
        #expect(pack.questions.map(\.id) == ["total_costs", "is_provider", "residents"])
        #expect(pack.values.map(\.id) == ["half_costs", "local_grant"])
        #expect(pack.scores.map(\.id) == ["base_score"])
        #expect(pack.outcomes.map(\.id) == ["base_grant", "local_grant_outcome"])
        #expect(pack.recommendations.map(\.id) == ["become_provider"])
        #expect(pack.testCases.map(\.name) == ["both grants", "too few residents"])
        #expect(pack.manifest.sources.map(\.id) == ["base_source", "extension_source"])

        // Every item keeps the file it is written in.
        #expect(try #require(pack.question("total_costs")).location.file.hasSuffix("base/demo-base/questions.yaml"))
        #expect(try #require(pack.question("residents")).location.file.hasSuffix("valid/demo-extension/pack.yaml"))
        // The extension's expressions read the base's names, with their types.
        #expect(pack.values.last?.type == .money)

        let extends = try #require(pack.manifest.extends)
        #expect(extends.baseID == "demo-base")
        #expect(extends.baseVersion == SemanticVersion(1, 2, 0))
        #expect(extends.requirement?.description == ">= 1.0, < 2")
        #expect(extends.summary == "extends demo-base 1.2.0")
        #expect(extends.furtherBases.isEmpty)
    }

    @Test func anExtensionOfAnExtensionComposesTheWholeChain() throws {
        let catalog = PackCatalog(roots: [Self.baseRoot, Self.pluginsDirectory.appendingPathComponent("valid").path])
        let result = catalog.loadAll(with: loader).first { $0.pack?.id == "demo-extension-2" }
        let pack = try #require(result?.pack)
        #expect(pack.questions.map(\.id) == ["total_costs", "is_provider", "residents"])
        #expect(pack.values.map(\.id) == ["half_costs", "local_grant", "double_local_grant"])
        #expect(pack.testCases.count == 1)
        #expect(pack.manifest.languages == ["nl"])
        #expect(pack.manifest.extends?.baseID == "demo-extension")
        #expect(pack.manifest.extends?.furtherBases == ["demo-base"])
    }

    @Test func aThirdPartyPackLoadsFromATemporaryFolderAndExtendsABundledPack() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("gemeente-voorbeeldstad")
        try FileManager.default.copyItem(
            at: Fixtures.examplesDirectory.appendingPathComponent("plugins/gemeente-voorbeeldstad"), to: copy
        )
        let catalog = PackCatalog(roots: [Fixtures.rulesDirectory.path, folder.path])
        #expect(catalog.diagnostics.isEmpty)
        let result = try #require(catalog.loadAll(with: loader).first { $0.directory == copy.path })
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let pack = try #require(result.pack)
        #expect(pack.id == "gemeente-voorbeeldstad")
        #expect(pack.manifest.extends?.baseID == "set-eligibility")

        // The base's questions come first and keep their place in Rules/; the own ones follow.
        let base = try #require(
            catalog.loadAll(with: loader).compactMap(\.pack).first { $0.id == "set-eligibility" }
        )
        #expect(Array(pack.questions.prefix(base.questions.count)) == base.questions)
        #expect(pack.questions.dropFirst(base.questions.count).map(\.id)
                == ["establishment_municipality", "residents_served", "project_start"])
        #expect(try #require(pack.question("scheme")).location.file.hasPrefix(Fixtures.rulesDirectory.path))
        #expect(try #require(pack.question("residents_served")).location.file.hasPrefix(copy.path))
        #expect(pack.outcomes.map(\.id) == base.outcomes.map(\.id) + ["voorbeeldstad_bijdrage"])
        #expect(pack.testCases.count >= 10)
        #expect(pack.testCases.allSatisfy { $0.location.file.hasPrefix(copy.path) })
    }
}
