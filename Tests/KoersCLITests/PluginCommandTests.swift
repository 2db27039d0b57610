import Foundation
import KoersBuiltins
import KoersCore
import KoersSession
import KoersTestSupport
import Testing

/// End-to-end tests of pack plugins with the real binary: the example third-party pack
/// `examples/plugins/gemeente-voorbeeldstad` (which extends the bundled `set-eligibility`) copied
/// to a temporary folder and loaded through `--plugins` and `KOERS_PLUGIN_PATH`, and every
/// conflict an extension can have, each an error naming both files.
@Suite struct PluginCommandTests {
    static let example = "gemeente-voorbeeldstad"

    /// A temporary folder with `plugins/gemeente-voorbeeldstad`, a copy of the example pack.
    private static func copyOfTheExample() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        let plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.examplesDirectory.appendingPathComponent("plugins/\(example)"),
            to: plugins.appendingPathComponent(example)
        )
        return folder
    }

    /// Writes a pack's files (name → text) into `folder/relativePath`.
    private static func writePack(_ files: [String: String], at relativePath: String, in folder: URL) throws {
        let pack = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: pack.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// A manifest of an extension of `set-eligibility`.
    private static func manifest(id: String, extends: String = "set-eligibility", engine: String = ">= 0.1") -> String {
        """
        id: \(id)
        version: 0.1.0
        engine: "\(engine)"
        extends: \(extends)
        languages: [nl, en]
        title: {nl: Uitbreiding, en: Extension}
        sources: []

        """
    }

    /// The bundled `set-eligibility`, loaded here to know where its items are.
    private static func bundledBase() throws -> RulePack {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let result = loader.load(directory: Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path)
        return try #require(result.pack, "\(result.diagnostics)")
    }

    // MARK: - A third-party pack from a temporary folder

    @Test func theExamplePackRunsItsOwnTestsThroughPluginsAndTheEnvironment() throws {
        let folder = try Self.copyOfTheExample()
        defer { try? FileManager.default.removeItem(at: folder) }

        let viaOption = try CommandRunner.koers(["test", "--plugins", "plugins", Self.example], in: folder)
        #expect(viaOption.status == 0, "\(viaOption.standardError)")
        #expect(viaOption.standardError.isEmpty)
        let cases = try #require(viaOption.standardOutput.split(separator: "\n").first)
        #expect(cases.hasPrefix("ok  gemeente-voorbeeldstad  "))
        let count = Int(cases.split(separator: " ").dropLast().last ?? "") ?? 0
        #expect(count >= 10, "\(cases)")
        #expect(viaOption.standardOutput.hasSuffix("1 pack, \(count) cases: all passed\n"))

        let viaEnvironment = try CommandRunner.koers(
            ["test", Self.example], in: folder,
            environment: [PackCatalog.pluginPathVariable: folder.appendingPathComponent("plugins").path]
        )
        #expect(viaEnvironment.status == 0, "\(viaEnvironment.standardError)")
        #expect(viaEnvironment.standardOutput == viaOption.standardOutput)
    }

    @Test func listAndValidateShowTheExtensionAndFindItsBundledBase() throws {
        let folder = try Self.copyOfTheExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try Self.bundledBase()

        let list = try CommandRunner.koers(
            ["list", "--lang", "en"], in: folder, environment: [PackCatalog.pluginPathVariable: "plugins"]
        )
        #expect(list.status == 0, "\(list.standardError)")
        let line = try #require(list.standardOutput.split(separator: "\n").first { $0.hasPrefix(Self.example) })
        #expect(line.contains("(extends set-eligibility \(base.manifest.version))"), "\(line)")
        #expect(line.hasSuffix("plugins/gemeente-voorbeeldstad"))

        // A single folder: its base is found on the plugin path (the bundled packs).
        let validate = try CommandRunner.koers(["validate", "plugins/\(Self.example)"], in: folder)
        #expect(validate.status == 0, "\(validate.standardError)")
        #expect(
            validate.standardOutput
                == "ok  gemeente-voorbeeldstad 0.1.0 (plugins/gemeente-voorbeeldstad): 0 errors, 0 warnings\n"
        )
    }

    @Test func checkInterviewAndReportWorkOnAnExtension() throws {
        let folder = try Self.copyOfTheExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = Fixtures.examplesDirectory.appendingPathComponent("gemeente-voorbeeldstad/project-2021.yaml").path

        let check = try CommandRunner.koers(
            ["check", "--plugins", "plugins", "--answers", answers, "--lang", "en"], in: folder
        )
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("Voorbeeldstad e-health at home contribution (fictional): ELIGIBLE"))
        // 10% of € 150.000, capped at € 250 for each of the 40 residents.
        #expect(check.standardOutput.contains("Maximum Voorbeeldstad contribution: €10,000"))
        #expect(check.standardOutput.contains("SET small (small innovation cluster): ELIGIBLE"))

        // The interview asks the base's questions (answered once, for both packs' outcomes).
        let interview = try CommandRunner.koers(
            ["interview", Self.example, "--plugins", "plugins", "--date", "2021-10-01", "--lang", "en",
             "--session", "s.json"],
            in: folder, input: "set\nnee\n"
        )
        #expect(interview.status == 0, "\(interview.standardError)")
        #expect(interview.standardOutput.contains("Which scheme(s) do you want to check?"))
        #expect(interview.standardOutput.contains(
            "Voorbeeldstad e-health at home contribution (fictional): not eligible"))
        let session = try SessionStore(path: folder.appendingPathComponent("s.json").path).load()
        #expect(session.packID == Self.example)
        // The session's fingerprints cover the base's questions and the extension's own.
        for id in ["scheme", "is_care_provider", "duration_months", "residents_served", "project_start"] {
            #expect(session.questions[id] != nil, "\(id)")
        }

        let report = try CommandRunner.koers(
            ["report", "s.json", "--plugins", "plugins", "--format", "markdown", "--lang", "en"], in: folder
        )
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("Voorbeeldstad"))
    }

    // MARK: - Conflicts

    /// Runs `koers validate` on the packs under `plugins/` with the checkout's `Rules/` as the
    /// bundled packs (so the base's paths are known), and returns standard error.
    private static func validate(_ arguments: [String], in folder: URL) throws -> String {
        let result = try CommandRunner.koers(
            ["validate", "--rules", Fixtures.rulesDirectory.path] + arguments, in: folder
        )
        #expect(result.status == 1, "\(result.standardOutput)")
        return result.standardError
    }

    private static var rules: String { Fixtures.rulesDirectory.path }

    @Test func aQuestionRedefinedWithAnotherTypeNamesBothPlaces() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writePack(
            [
                "pack.yaml": Self.manifest(id: "ext"),
                "questions.yaml": """
                    questions:
                      - id: duration_months
                        type: decimal
                        text: {nl: Looptijd?, en: Duration?}
                      - id: is_care_provider
                        type: boolean
                        text: {nl: Aanbieder?, en: Provider?}

                    """,
            ], at: "plugins/ext", in: folder)
        let base = try Self.bundledBase()
        let duration = try #require(base.question("duration_months")).location
        let provider = try #require(base.question("is_care_provider")).location
        let errors = try Self.validate(["plugins/ext"], in: folder)
        #expect(errors.contains(
            "plugins/ext/questions.yaml:3:11: error: question 'duration_months' in plugins/ext/questions.yaml:2:5 has "
                + "type decimal, but the base pack set-eligibility defines it as integer at \(duration); remove it "
                + "(questions of the base pack are reused by id) or give it another id\n"
                + "        type: decimal\n              ^\n"
        ), "\(errors)")
        #expect(errors.contains(
            "plugins/ext/questions.yaml:5:5: error: question 'is_care_provider' is already defined by the base pack "
                + "set-eligibility at \(provider); remove it: questions of the base pack are reused by id, so a "
                + "person answers each once\n"
        ), "\(errors)")
        #expect("\(duration)".hasPrefix("\(Self.rules)/set-eligibility/questions.yaml:"))
    }

    @Test func anItemWithTheIdOfABaseItemIsAnError() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writePack(
            [
                "pack.yaml": Self.manifest(id: "ext"),
                "rules.yaml": """
                    values:
                      - {id: total_costs, expr: 1}
                    outcomes:
                      - id: set_klein
                        title: {nl: Klein, en: Small}
                        source: research_notes
                        requirements: [{id: r, condition: is_care_provider, reason: {nl: Nee., en: "No."}}]

                    """,
            ], at: "plugins/ext", in: folder)
        let base = try Self.bundledBase()
        let value = try #require(base.values.first { $0.id == "total_costs" }).location
        let outcome = try #require(base.outcomes.first { $0.id == "set_klein" }).location
        let errors = try Self.validate(["plugins/ext"], in: folder)
        #expect(errors.contains(
            "plugins/ext/rules.yaml:2:5: error: value 'total_costs' has the id of a value that the base pack "
                + "set-eligibility defines at \(value); give it another id: an extension adds to its base and "
                + "cannot replace what the base defines\n"
        ), "\(errors)")
        #expect(errors.contains(
            "plugins/ext/rules.yaml:4:5: error: outcome 'set_klein' has the id of an outcome that the base pack "
                + "set-eligibility defines at \(outcome); give it another id"
        ), "\(errors)")
    }

    @Test func aMissingBaseAVersionMismatchAndAnEngineMismatchAreErrors() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writePack(["pack.yaml": Self.manifest(id: "typo", extends: "set-eligibilty")],
                           at: "plugins/typo", in: folder)
        try Self.writePack(
            ["pack.yaml": Self.manifest(id: "newer", extends: "{pack: set-eligibility, version: \">= 9\"}")],
            at: "plugins/newer", in: folder)
        try Self.writePack(["pack.yaml": Self.manifest(id: "engine", engine: ">= 9.0")],
                           at: "plugins/engine", in: folder)
        let base = try Self.bundledBase()
        let errors = try Self.validate(["--plugins", "plugins"], in: folder)
        #expect(errors.contains(
            "plugins/typo/pack.yaml:4:10: error: pack 'typo' extends 'set-eligibilty', which is not on the plugin "
                + "path (searched: \(Self.rules), plugins); add the folder that holds 'set-eligibilty' with "
                + "--plugins DIR or KOERS_PLUGIN_PATH\n"
        ), "\(errors)")
        #expect(errors.contains("plugins/typo/pack.yaml:4:10: note: did you mean 'set-eligibility'?"))
        #expect(errors.contains(
            "plugins/newer/pack.yaml:4:43: error: pack 'newer' needs 'set-eligibility' version >= 9, but the pack at "
                + "\(base.manifest.location) is version \(base.manifest.version); use a version of "
                + "'set-eligibility' that matches, or change the requirement in 'extends'\n"
        ), "\(errors)")
        #expect(errors.contains(
            "plugins/engine/pack.yaml:3:9: error: pack needs engine >= 9.0, but this is Koers engine "
                + "\(KoersEngine.version); update Koers or use a pack version made for this engine\n"
        ), "\(errors)")
    }

    @Test func twoPacksWithOneIdAndACycleAreErrorsNamingBothManifests() throws {
        let folder = try Self.copyOfTheExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("more"), withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("plugins/\(Self.example)"), to: folder.appendingPathComponent("more/copy")
        )
        try Self.writePack(["pack.yaml": Self.manifest(id: "pack-a", extends: "pack-b")], at: "cycle/a", in: folder)
        try Self.writePack(["pack.yaml": Self.manifest(id: "pack-b", extends: "pack-a")], at: "cycle/b", in: folder)
        let manifestText = try String(
            contentsOf: folder.appendingPathComponent("plugins/\(Self.example)/pack.yaml"), encoding: .utf8
        )
        let idLine = try #require(manifestText.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("id: ") }) + 1

        let errors = try Self.validate(["--plugins", "plugins", "--plugins", "more", "--plugins", "cycle"], in: folder)
        #expect(errors.contains(
            "more/copy/pack.yaml:\(idLine):1: error: pack id 'gemeente-voorbeeldstad' in more/copy/pack.yaml is "
                + "already used by the pack at plugins/gemeente-voorbeeldstad/pack.yaml:\(idLine):1; two packs on "
                + "the plugin path cannot share an id, so give one of them another id (or take one folder off the "
                + "plugin path)\n"
        ), "\(errors)")
        #expect(errors.contains(
            "cycle/a/pack.yaml:4:10: error: pack 'pack-a' extends 'pack-b', which leads back to it: 'pack-a' → "
                + "'pack-b' → 'pack-a'; a pack cannot build on itself, so remove one of these 'extends'\n"
        ), "\(errors)")
        #expect(errors.contains("cycle/b/pack.yaml:4:10: note: 'pack-b' extends 'pack-a' here"))
        #expect(errors.contains(
            "cycle/b/pack.yaml:4:10: error: pack 'pack-b' extends 'pack-a', which leads back to it"
        ))
    }
}
