import Foundation
import KoersTestSupport
import Testing

/// `--lang nl` and `KOERS_LANG=nl` on the real `koers` binary: Dutch diagnostics for pack
/// authors, the Dutch overview in the help, and English output unchanged without them.
@Suite struct DutchDiagnosticsCommandTests {
    /// A pack with an unknown key (and a did-you-mean), an unknown name in an expression and a
    /// missing required key.
    static func writeBrokenPack(in folder: URL) throws {
        let pack = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try """
            id: broken
            version: 1.0.0
            engine: ">= 0.1"
            languages: [nl]
            title: Kapot
            sources:
              - {id: bron, title: Bron, url: "https://example.org"}
            questions:
              - id: leeftijd
                type: integer
                text: Hoe oud?
                hlp: Uw leeftijd in jaren.
            values:
              - id: volwassen
                expr: leeftijd >= 18 and lengte > 2
                source: bron
            outcomes:
              - id: toegelaten
                requirements: []
            """.write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
    }

    static let dutchLines = [
        "broken/pack.yaml:12:5: error: onbekende sleutel 'hlp' in vraag",
        "broken/pack.yaml:12:5: note: bedoelde u 'help'?",
        "broken/pack.yaml:15:30: error: onbekende naam 'lengte'",
        "broken/pack.yaml:18:5: error: in uitkomst ontbreekt de verplichte sleutel 'title'",
    ]

    @Test func validateInDutchWithLangOrTheEnvironment() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeBrokenPack(in: folder)

        for (arguments, environment) in [
            (["validate", "--lang", "nl", "broken"], [String: String]()),
            (["validate", "broken"], ["KOERS_LANG": "nl"]),
        ] {
            let result = try CommandRunner.koers(arguments, in: folder, environment: environment)
            #expect(result.status == 1)
            let lines = result.standardError.split(separator: "\n").map(String.init)
            for line in Self.dutchLines {
                #expect(lines.contains(line), "\(arguments) \(environment): \(result.standardError)")
            }
            #expect(!result.standardError.contains("unknown key"))
            // The snippet and caret stay as they are.
            let index = try #require(lines.firstIndex(of: "broken/pack.yaml:15:30: error: onbekende naam 'lengte'"))
            #expect(lines[index + 1] == "        expr: leeftijd >= 18 and lengte > 2")
            #expect(lines[index + 2] == "                                 ^")
            #expect(result.standardOutput == "FAILED  broken (broken): 3 fouten, 0 waarschuwingen\n")
        }
    }

    @Test func englishStaysTheDefaultAndLangEnOverridesTheEnvironment() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeBrokenPack(in: folder)

        let plain = try CommandRunner.koers(["validate", "broken"], in: folder, environment: ["KOERS_LANG": ""])
        let english = try CommandRunner.koers(
            ["validate", "--lang", "en", "broken"], in: folder, environment: ["KOERS_LANG": "nl"]
        )
        for result in [plain, english] {
            #expect(result.status == 1)
            #expect(result.standardError.contains("broken/pack.yaml:12:5: error: unknown key 'hlp' in question\n"))
            #expect(result.standardError.contains("broken/pack.yaml:12:5: note: did you mean 'help'?\n"))
            #expect(result.standardOutput == "FAILED  broken (broken): 3 errors, 0 warnings\n")
        }
        #expect(plain.standardError == english.standardError)
    }

    @Test func badLanguageIsAUsageError() throws {
        let result = try CommandRunner.koers(["validate", "--lang", "de"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--lang must be nl or en, not 'de'"))
    }

    @Test func failingTestCaseInDutch() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestCommandTests.writeDemoPack(
            in: folder,
            cases: """
                cases:
                  - name: kind is geen volwassene
                    answers: {age: 12}
                    expect: {outcomes: {adult: eligible}}
                """
        )
        let result = try CommandRunner.koers(["test", "--lang", "nl", "demo"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError == "demo/tests/cases.yaml:2:5: error: testgeval 'kind is geen volwassene' mislukt: "
                + "uitkomst 'adult': verwacht eligible, kreeg ineligible (niet voldaan: old_enough)\n"
        )
        #expect(result.standardOutput == "FAILED  demo  1 van 1 testgeval mislukt\n1 pakket, 1 testgeval: 1 testgeval mislukt\n")
    }

    @Test func brokenPackInCheckIsDutchWithLangNl() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeBrokenPack(in: folder)
        try "leeftijd: 30\n".write(to: folder.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)

        let result = try CommandRunner.koers(["check", "./broken", "--answers", "answers.yaml", "--lang", "nl"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("broken/pack.yaml:15:30: error: onbekende naam 'lengte'\n"))
        #expect(result.standardError.contains("error: pakket './broken' heeft fouten; herstel die eerst"))

        // Without --lang, check's output is Dutch as before, but pack diagnostics stay English.
        let plain = try CommandRunner.koers(
            ["check", "./broken", "--answers", "answers.yaml"], in: folder, environment: ["KOERS_LANG": ""]
        )
        #expect(plain.standardError.contains("broken/pack.yaml:15:30: error: unknown name 'lengte'\n"))
    }

    /// The help text with its line wrapping undone, so phrases can be found whole.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func helpOverviewInDutchWhenAsked() throws {
        let dutch = try CommandRunner.koers(["--help"], environment: ["KOERS_LANG": "nl"])
        #expect(dutch.status == 0)
        let overview = Self.unwrapped(dutch.standardOutput)
        #expect(overview.contains("Een assistent voor regels en checklists voor Nederlandse e-healthprojecten."))
        #expect(overview.contains("validate Controleer regelpakketten en toon elk gevonden probleem."))

        let validate = try CommandRunner.koers(["validate", "--help"], environment: ["KOERS_LANG": "nl"])
        #expect(Self.unwrapped(validate.standardOutput).contains("Zonder paden worden alle pakketten op het plug-inpad"))
        #expect(validate.standardOutput.contains("--lang <lang>"))

        let english = try CommandRunner.koers(["--help"], environment: ["KOERS_LANG": ""])
        #expect(
            Self.unwrapped(english.standardOutput).contains("A rules and checklist assistant for Dutch e-health projects.")
        )
        #expect(!english.standardOutput.contains("Een assistent"))

        let mistyped = try CommandRunner.koers(["chek"], environment: ["KOERS_LANG": "nl"])
        #expect(mistyped.standardError.contains("onbekende opdracht 'chek'; bedoelde u 'check'?"))
    }
}
