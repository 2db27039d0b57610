import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersSource
import KoersTestSupport
import Testing

@Suite struct PackLoaderTests {
    let loader: RulePackLoader

    init() throws {
        loader = RulePackLoader(registry: try BuiltinPlugins.registry())
    }

    @Test func loadsTheMinimalPackIntoTheModel() throws {
        let result = loader.load(directory: Fixtures.url("KoersCoreTests", "valid/minimal").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let pack = try #require(result.pack)
        #expect(pack.id == "minimal")
        #expect(pack.manifest.version == SemanticVersion(1, 0, 0))
        #expect(pack.manifest.languages == ["nl", "en"])
        #expect(pack.manifest.title.text(in: "en") == "Minimal example")
        #expect(pack.manifest.title.text(in: "de") == "Minimaal voorbeeld")
        let question = try #require(pack.question("total_costs"))
        #expect(question.valueType == .money)
        #expect(question.minimum == .money(0))
        #expect(pack.values.map(\.id) == ["half_costs"])
        #expect(pack.values.first?.type == .money)
        let outcome = try #require(pack.outcomes.first)
        #expect(outcome.requirements.map(\.id) == ["enough_costs"])
        #expect(outcome.citations.first?.place == "§ 1")
        #expect(outcome.amounts.first?.expression.type == .money)
        let testCase = try #require(pack.testCases.first)
        #expect(testCase.answers["total_costs"] == .money(100_000))
        #expect(testCase.expectedOutcomes == ["small_grant": "eligible"])
        #expect(testCase.expectedValues["small_grant.max_grant"] == .money(20_000))
    }

    @Test func derivedValuesAreOrderedAfterWhatTheyRead() throws {
        let folder = try writePack(
            """
            values:
              - {id: total, expr: subtotal + extra}
              - {id: subtotal, expr: base * 2}
              - {id: extra, expr: subtotal / 10}
            questions:
              - {id: base, type: decimal, text: Basis?}
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = loader.load(directory: folder.path)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(pack.values.map(\.id) == ["subtotal", "extra", "total"])
    }

    @Test func sectionsMaySpreadOverFilesAndTestsFolder() throws {
        let folder = try writePack("questions:\n  - {id: a, type: boolean, text: A?}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "questions:\n  - {id: b, type: boolean, text: B?}\n"
            .write(to: folder.appendingPathComponent("more.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try "cases:\n  - {name: both, answers: {a: ja, b: nee}, expect: {}}\n"
            .write(to: folder.appendingPathComponent("tests/cases.yml"), atomically: true, encoding: .utf8)
        let result = loader.load(directory: folder.path)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(pack.questions.map(\.id) == ["a", "b"])
        #expect(pack.testCases.first?.answers == ["a": .boolean(true), "b": .boolean(false)])
    }

    @Test func aQuotedScalarStaysTextAndNoIsNotFalse() throws {
        let folder = try writePack(
            """
            questions:
              - id: country
                type: single_choice
                text: Land?
                options: [{id: "no", label: Noorwegen}, {id: nl, label: Nederland}]
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = try #require(loader.load(directory: folder.path).pack)
        #expect(pack.question("country")?.options.map(\.id) == ["no", "nl"])
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() throws {
        let folder = try writePack(
            """
            questions:
              - {id: a, type: boolen, text: A?}
              - {id: b, type: integer, txt: B?}
              - {id: c, type: integer, text: C?, relevant_if: a >}
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = loader.load(directory: folder.path)
        #expect(result.pack == nil)
        #expect(result.diagnostics.filter { $0.severity == .error }.count >= 4)
        #expect(result.diagnostics == result.diagnostics.sorted())
    }

    @Test func malformedFilesInAPackAreEachReportedAndTheRestIsStillChecked() throws {
        let folder = try writePack("questions:\n  - {id: a, type: boolen, text: A?}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ data: Data) throws {
            try data.write(to: folder.appendingPathComponent(name))
        }
        try write("empty.yaml", Data())
        try write("binary.yaml", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0xFF, 0xFE, 0x00]))
        try write("huge.yaml", Data(repeating: UInt8(ascii: "#"), count: 5 * 1024 * 1024))
        try write("tabs.yaml", Data("values:\n\t- {id: x, expr: 1}\n".utf8))
        try write("unclosed.yaml", Data("outcomes:\n  - id: 'open\n".utf8))

        let result = loader.load(directory: folder.path)
        #expect(result.pack == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        func problems(in file: String) -> [Diagnostic] {
            errors.filter { $0.location?.file.hasSuffix("/" + file) == true }
        }
        // An empty file adds nothing and is not an error.
        #expect(problems(in: "empty.yaml").isEmpty)
        #expect(problems(in: "binary.yaml").first?.message.contains("not UTF-8 text") == true,
                "\(problems(in: "binary.yaml"))")
        #expect(problems(in: "huge.yaml").first?.message.contains("rule-pack files may be at most 2 MiB") == true, "\(problems(in: "huge.yaml"))")
        #expect(problems(in: "tabs.yaml").first?.location?.line == 2)
        #expect(problems(in: "unclosed.yaml").isEmpty == false)
        // The problem in pack.yaml is still found next to the broken files.
        #expect(problems(in: "pack.yaml").contains { $0.message.hasPrefix("unknown question type 'boolen'") })
        #expect(result.diagnostics == result.diagnostics.sorted())
    }

    @Test func unusedSourceIsAWarningAndThePackStillLoads() throws {
        let folder = try writePack("questions:\n  - {id: a, type: boolean, text: A?, source: bron}\n", extraSource: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = loader.load(directory: folder.path)
        #expect(result.pack != nil)
        #expect(result.diagnostics.map(\.message) == ["source 'unused' is declared but never cited; cite it or remove it"])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func packCatalogFindsPacksAndRejectsDuplicateIDs() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["one", "two"] {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.manifest(id: "same").write(to: folder.appendingPathComponent("pack.yaml"), atomically: true,
                                                 encoding: .utf8)
        }
        let catalog = PackCatalog(roots: [root.path, root.appendingPathComponent("one").path, "/no/such/folder"])
        #expect(catalog.packDirectories.count == 2)
        #expect(catalog.diagnostics.map(\.message) == ["plugin folder '/no/such/folder' does not exist or is not a folder"])
        let results = catalog.loadAll(with: loader)
        #expect(results[0].pack != nil)
        #expect(results[1].pack == nil)
        // The error names both manifests.
        let one = root.appendingPathComponent("one/pack.yaml").path
        let two = root.appendingPathComponent("two/pack.yaml").path
        let duplicate = results[1].diagnostics.first { $0.code == "duplicate-pack" }
        #expect(duplicate?.message.hasPrefix("pack id 'same' in \(two) is already used by the pack at \(one):") == true)
    }

    @Test func bundledAndExamplePacksLoadWithoutErrors() throws {
        let catalog = PackCatalog(roots: [Fixtures.rulesDirectory.path])
        #expect(!catalog.packDirectories.isEmpty)
        for result in catalog.loadAll(with: loader) {
            let rendered = DiagnosticRenderer(sources: result.files).render(result.diagnostics)
            #expect(result.diagnostics.isEmpty, "\(result.directory):\n\(rendered)")
            #expect(result.pack?.testCases.isEmpty == false, "every bundled pack ships test cases")
        }
    }

    @Test func checklistIsOnlyAllowedOnMultipleChoiceQuestions() throws {
        let folder = try writePack(
            """
            questions:
              - id: documents
                type: multiple_choice
                checklist: true
                text: Welke stukken?
                options: [{id: plan, label: Plan}, {id: begroting, label: Begroting}]
              - id: ready
                type: boolean
                checklist: true
                text: Klaar?
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = loader.load(directory: folder.path)
        #expect(result.pack == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == [
            "'checklist' of question 'ready' is only allowed on a multiple_choice question, not 'boolean'",
        ])
        let text = try String(contentsOf: folder.appendingPathComponent("pack.yaml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.lastIndex { $0.contains("checklist: true") }) + 1
        let location = try #require(errors.first?.location)
        #expect(location.file.hasSuffix("/pack.yaml"))
        #expect(location.line == line)
        #expect(location.column == 5)
    }

    @Test func aChecklistQuestionIsMarkedInTheModel() throws {
        let folder = try writePack(
            """
            questions:
              - id: documents
                type: multiple_choice
                checklist: true
                text: Welke stukken?
                options: [{id: plan, label: Plan}, {id: begroting, label: Begroting}]
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = loader.load(directory: folder.path)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(pack.question("documents")?.isChecklist == true)
    }

    // MARK: - Helpers

    static func manifest(id: String = "inline", extraSource: Bool = false) -> String {
        """
        id: \(id)
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl]
        title: Inline
        sources:
          - {id: bron, title: Bron, url: "https://example.org"}
        \(extraSource ? "  - {id: unused, title: Ongebruikt, url: \"https://example.org/2\"}\n" : "")
        """
    }

    private func writePack(_ body: String, extraSource: Bool = false) throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        try (Self.manifest(extraSource: extraSource) + body)
            .write(to: folder.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        return folder
    }
}

@Suite struct VersionTests {
    @Test(arguments: [
        (">= 0.1", "0.1.0", true), (">= 0.1", "0.0.9", false), ("0.1", "0.9.0", true), ("0.1", "1.0.0", false),
        (">= 0.1, < 2", "1.5.0", true), ("== 1.2.3", "1.2.3", true), ("> 1", "1.0.0", false), ("<= 1.0", "1.0.0", true),
    ])
    func requirementsMatchVersions(requirement: String, version: String, expected: Bool) throws {
        let parsed = try #require(VersionRequirement(requirement))
        let semantic = try #require(SemanticVersion(version))
        #expect(parsed.isSatisfied(by: semantic) == expected)
    }

    @Test(arguments: ["", "one", "1.x", ">= ", "1.2.3.4", "-1"])
    func rejectsMalformedVersions(text: String) {
        #expect(VersionRequirement(text) == nil)
    }
}
