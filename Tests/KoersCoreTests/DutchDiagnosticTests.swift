import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersSource
import KoersTestSupport
import Testing

/// Every diagnostic a pack author can get from loading a pack has a Dutch text, and the Dutch
/// rendering of each broken-pack fixture is pinned in its `expected.nl.txt`, beside the English
/// `expected.txt` (re-record both with `KOERS_RECORD=1` after an intended change of wording).
@Suite struct DutchDiagnosticTests {
    @Test(arguments: BrokenPackTests.fixtureNames)
    func everyDiagnosticOfABrokenPackHasADutchText(fixture: String) throws {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let result = loader.load(directory: BrokenPackTests.brokenDirectory.appendingPathComponent(fixture).path)
        #expect(!result.diagnostics.isEmpty)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.hasDutchText, "English only: \(diagnostic)")
            // A Dutch text that is the English one copied would pass the check above.
            #expect(diagnostic.message(in: .dutch) != diagnostic.message, "not translated: \(diagnostic)")
        }

        let prefix = BrokenPackTests.brokenDirectory.path + "/"
        let renderer = DiagnosticRenderer(showsSnippets: false, language: .dutch)
        let actual = renderer.render(result.diagnostics).replacingOccurrences(of: prefix, with: "") + "\n"
        let expectedURL = BrokenPackTests.brokenDirectory.appendingPathComponent(fixture)
            .appendingPathComponent("expected.nl.txt")
        if ProcessInfo.processInfo.environment["KOERS_RECORD"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func dutchKeepsTheEnglishSeverityKeywordAndTheEnglishDefaultIsUnchanged() throws {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let result = loader.load(directory: BrokenPackTests.brokenDirectory.appendingPathComponent("unknown-key").path)
        let dutch = DiagnosticRenderer(showsSnippets: false, language: .dutch).render(result.diagnostics)
        let english = DiagnosticRenderer(showsSnippets: false).render(result.diagnostics)
        #expect(english == result.diagnostics.flatMap { [$0] + $0.notes }.map(\.description).joined(separator: "\n"))
        #expect(dutch.contains(": error: onbekende sleutel '"))
        #expect(dutch.contains(": note: bedoelde u '"))
        #expect(!dutch.contains("unknown key"))
    }

    /// One broken pack per kind of YAML syntax error libyaml reports, each loaded with Dutch on.
    @Test(arguments: [
        "a: [b, c\nd: e\n",
        "a: b\n c: d\n",
        "a: b: c\n",
        "- a\nb: c\n",
        "a: {b: c\n",
        "a: |x\n  b\n",
        "a: b\n...\nc\n",
        "a: \"b\\q\"\n",
        "a: \"unterminated\n",
        "a:\n\t- b\n",
        "a: @b\n",
        "a: *\n",
    ])
    func yamlSyntaxErrorsHaveADutchText(text: String) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            id: yaml
            version: 1.0.0
            engine: ">= 0.1"
            languages: [nl]
            title: YAML
            sources: []
            """.write(to: folder.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let result = RulePackLoader(registry: try BuiltinPlugins.registry()).load(directory: folder.path)
        let syntax = result.diagnostics.filter { $0.code == "yaml-syntax" }
        #expect(!syntax.isEmpty, "no syntax error for \(text.debugDescription): \(result.diagnostics)")
        for diagnostic in syntax {
            #expect(diagnostic.hasDutchText, "English only: \(diagnostic)")
        }
    }

    /// One expression per message of the lexer, the parser and the type checker.
    @Test(arguments: [
        "leeftijdé > 3", "Leeftijd > 3", "1__000", "1. + 2", "12abc", "2022-13-01", "2021-02-30", "2022-01-05x",
        "123456789012345678901234567890123456789012", "€ -5", "€ x", "€ 1.25", "€ 1250.000", "€ 1,234",
        "€ 1_000", "€ 5x", "\"a\\q\"", "\"open", "a => 1", "a =< 1", "a = 1", "!a", "a <> 1", "a && b", "a || b",
        "5 %", ".5", "\u{201C}a\u{201D}", "a # b", "(1", ")", "]", "then", "1 1", "", "1 +", "1 < 2 < 3",
        "round(1 2)", "[]", "[1 2", "if a", "if a then 1", "-flag", "not 1", "[1, \"a\"]", "if flag then 1 else \"a\"",
        "1 + \"a\"", "flag < flag", "1 in 2", "1 in [\"a\"]", "flag and 1", "unknown_name", "round", "flag(1)",
        "nosuch(1)", "round(1, 2, 3)", "days_between(1, 2)", "bedrag + 20%", "datum - datum", "datum + 1",
        "1 == 20%",
    ])
    func expressionErrorsHaveADutchText(text: String) throws {
        let registry = try BuiltinPlugins.registry()
        let checker = TypeChecker(
            functions: registry.functions,
            names: ["flag": .boolean, "bedrag": .money, "datum": .date, "a": .number, "b": .number]
        )
        do {
            _ = try checker.type(of: Expression(parsing: text))
            Issue.record("\(text.debugDescription) should not type-check")
        } catch {
            #expect(error.dutchMessage != nil, "English only: \(error.message)")
            #expect(error.dutchMessage != error.message, "not translated: \(error.message)")
            #expect(error.dutchNotes.count == error.notes.count, "notes in English only: \(error.notes)")
        }
    }

    @Test func languageCodesAndTheEnvironment() {
        #expect(DiagnosticLanguage(code: "nl") == .dutch)
        #expect(DiagnosticLanguage(code: "nl_NL.UTF-8") == .dutch)
        #expect(DiagnosticLanguage(code: "EN") == .english)
        #expect(DiagnosticLanguage(code: "de") == nil)
        #expect(DiagnosticLanguage.fromEnvironment(["KOERS_LANG": "nl"]) == .dutch)
        #expect(DiagnosticLanguage.fromEnvironment(["KOERS_LANG": "fr"]) == .english)
        #expect(DiagnosticLanguage.fromEnvironment([:]) == .english)
    }
}

extension DutchDiagnosticTests {
    @Test func aDiagnosticWithoutDutchTextFallsBackToEnglishInDutchOutput() {
        let location = SourceLocation(file: "a.yaml", line: 2, column: 3)
        let plain = Diagnostic.error("something odd", at: location, notes: [.note("context", at: location)])
        #expect(!plain.hasDutchText)
        #expect(DiagnosticRenderer(language: .dutch).render(plain) == "a.yaml:2:3: error: something odd\na.yaml:2:3: note: context")
        let both = Diagnostic.warning("odd", nl: "vreemd", at: location, code: "odd")
        #expect(both.hasDutchText)
        #expect(both.description == "a.yaml:2:3: warning: odd")
        #expect(both.description(in: .dutch) == "a.yaml:2:3: warning: vreemd")
    }
}
