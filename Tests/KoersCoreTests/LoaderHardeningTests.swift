import Foundation
import KoersBuiltins
import KoersCore
import KoersSource
import KoersTestSupport
import Testing

/// The loader's answers to broken packs: the real cause first, no cascades, checked option ids.
@Suite struct LoaderHardeningTests {
    let loader: RulePackLoader

    init() throws {
        loader = RulePackLoader(registry: try BuiltinPlugins.registry())
    }

    private func load(_ files: [String: String]) throws -> PackLoadResult {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return loader.load(directory: folder.path)
    }

    private static let choicePack = PackLoaderTests.manifest() + """
        questions:
          - id: scheme
            type: single_choice
            text: Regeling?
            options:
              - {id: set, label: SET}
              - {id: other, label: Anders}
          - id: purchaser_partners
            type: multiple_choice
            text: Partners?
            options:
              - {id: zorgverzekeraar, label: Zorgverzekeraar}
              - {id: gemeenten, label: Gemeente}
          - {id: note, type: text, text: Opmerking?}

        """

    @Test func oneYAMLSyntaxErrorGivesOneErrorNotACascade() throws {
        var tests = "cases:\n"
        for index in 0..<50 {
            tests += "  - {name: case \(index), answers: {scheme: true}, expect: {values: {s: 1}}}\n"
        }
        let result = try load([
            "pack.yaml": PackLoaderTests.manifest() + "values:\n  - {id: s, expr: \"if scheme then 1 else 0\"}\n",
            "questions.yaml": "questions:\n  - {id: scheme, type: boolean, text: [unclosed\n",
            "tests/cases.yaml": tests,
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics.map(\.description))")
        #expect(errors.first?.location?.file.hasSuffix("questions.yaml") == true)
        #expect(errors.first?.notes.contains { $0.message.contains("follow-on errors about names this file defines not shown") } == true)
    }

    @Test func nullVersionSaysTheValueIsMissingNotTheKey() throws {
        let manifest = PackLoaderTests.manifest().replacingOccurrences(of: "version: 1.0.0", with: "version: null")
        let result = try load(["pack.yaml": manifest])
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("key 'version' in pack.yaml has no value") }, "\(messages)")
        #expect(!messages.contains { $0.contains("missing required key 'version'") })
    }

    @Test func textLiteralThatIsNoOptionIsAnErrorWithDidYouMean() throws {
        let result = try load([
            "pack.yaml": Self.choicePack + """
                values:
                  - {id: via_gemeente, expr: "\\"gemeente\\" in purchaser_partners"}
                  - {id: is_set, expr: "scheme in [\\"sett\\", \\"other\\"]"}
                  - {id: is_other, expr: "scheme == \\"othr\\""}
                  - {id: free, expr: "note == \\"anything\\""}
                """,
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(result.diagnostics)")
        let gemeente = try #require(errors.first { $0.message.contains("'gemeente'") })
        #expect(gemeente.message.contains("not an option of question 'purchaser_partners'"))
        #expect(gemeente.notes.contains { $0.message == "did you mean 'gemeenten'?" })
        // The location points at the literal inside the expression.
        #expect(gemeente.location?.column ?? 0 > 20)
        #expect(errors.contains { $0.message.contains("'sett'") && $0.notes.contains { $0.message == "did you mean 'set'?" } })
        #expect(errors.contains { $0.message.contains("'othr'") })
    }

    @Test func textLiteralsThatAreOptionsPass() throws {
        let result = try load([
            "pack.yaml": Self.choicePack + """
                values:
                  - {id: via_gemeente, expr: "\\"gemeenten\\" in purchaser_partners"}
                  - {id: is_set, expr: "scheme in [\\"set\\", \\"other\\"] and scheme != \\"other\\""}
                """,
        ])
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
    }
}
