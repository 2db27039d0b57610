import Foundation
import KoersBuiltins
import KoersCore
import KoersSource
import KoersTestSupport
import Testing

/// Each folder under `Fixtures/broken/` is a pack with one kind of error; its `expected.txt`
/// holds the exact diagnostics (one line each, notes included) that loading it must produce.
///
/// To re-record after an intended change of wording, run the tests with `KOERS_RECORD=1` and
/// review the diff of the `expected.txt` files.
@Suite struct BrokenPackTests {
    static let brokenDirectory = Fixtures.url("KoersCoreTests", "broken")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: brokenDirectory.path)) ?? []).sorted()
    }

    @Test(arguments: fixtureNames)
    func reportsExactDiagnostics(fixture: String) throws {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let result = loader.load(directory: Self.brokenDirectory.appendingPathComponent(fixture).path)
        #expect(result.pack == nil, "a broken pack must not load")
        #expect(result.hasErrors)

        let prefix = Self.brokenDirectory.path + "/"
        let renderer = DiagnosticRenderer(showsSnippets: false)
        let actual = renderer.render(result.diagnostics).replacingOccurrences(of: prefix, with: "") + "\n"
        let expectedURL = Self.brokenDirectory.appendingPathComponent(fixture).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["KOERS_RECORD"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func everyKindOfPackErrorHasAFixture() {
        let required = [
            "unknown-key", "missing-key", "duplicate-id", "unknown-reference", "cycle", "missing-translation",
            "undeclared-source", "type-error", "yaml-syntax", "yaml-duplicate-key", "yaml-alias", "bad-values",
            "bad-test-case", "no-manifest", "cascade",
        ]
        #expect(Set(required).isSubset(of: Set(Self.fixtureNames)))
    }

    @Test func diagnosticsAreRenderedWithSnippetsAtTheColumnInsideTheExpression() throws {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let directory = Self.brokenDirectory.appendingPathComponent("unknown-reference").path
        let result = loader.load(directory: directory)
        let renderer = DiagnosticRenderer(sources: result.files)
        let unknown = try #require(result.diagnostics.first { $0.message == "unknown name 'own_contrib'" })
        #expect(
            renderer.render(unknown).replacingOccurrences(of: Self.brokenDirectory.path + "/", with: "") == """
                unknown-reference/pack.yaml:18:25: error: unknown name 'own_contrib'
                        expr: total_costs - own_contrib
                                            ^
                unknown-reference/pack.yaml:18:25: note: did you mean 'own_contribution'?
                """
        )
    }
}
