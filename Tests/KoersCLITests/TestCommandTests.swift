import Foundation
import KoersTestSupport
import Testing

/// End-to-end tests of `koers test` with the real binary.
@Suite struct TestCommandTests {
    @Test func bundledPacksPass() throws {
        let result = try CommandRunner.koers(["test"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let setLine = try #require(lines.first { $0.hasPrefix("ok  set-eligibility  ") })
        #expect(setLine.hasSuffix(" cases"))
        #expect(lines.last?.hasSuffix(": all passed") == true)
    }

    @Test func packsCanBeNamedByIdOrFolder() throws {
        for reference in ["set-eligibility", "Rules/set-eligibility"] {
            let result = try CommandRunner.koers(["test", reference])
            #expect(result.status == 0, "\(reference): \(result.standardError)")
            #expect(result.standardOutput.hasPrefix("ok  set-eligibility  "), "\(result.standardOutput)")
        }
    }

    @Test func failingCaseIsReportedAtItsPlace() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = MarkedText(
            """
            cases:
              - name: adult passes
                answers: {age: 30}
                expect:
                  outcomes: {adult: eligible}
              - 1️⃣name: wrong verdict
                answers: {age: 12}
                expect:
                  outcomes: {adult: eligible}
                  values: {adult.grant: € 500}
            """
        )
        try Self.writeDemoPack(in: folder, cases: cases.text)

        let result = try CommandRunner.koers(["test", "demo"], in: folder)
        #expect(result.status == 1)
        let place = try #require(cases.locations["1️⃣"])
        let prefix = "demo/tests/cases.yaml:\(place.line):\(place.column): error: test case 'wrong verdict' failed: "
        #expect(
            result.standardError == """
                \(prefix)outcome 'adult': expected eligible, got ineligible (not met: old_enough)
                \(prefix)'adult.grant': expected € 500,00, but it was not computed (is the outcome eligible on this date?)

                """
        )
        #expect(result.standardOutput == "FAILED  demo  1 of 2 cases failed\n1 pack, 2 cases: 1 case failed\n")
    }

    @Test func everyPackOnThePluginPathRunsAndOneFailureFailsTheRun() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeDemoPack(
            in: folder,
            cases: """
                cases:
                  - name: child is not an adult
                    answers: {age: 12}
                    expect: {outcomes: {adult: eligible}}
                """
        )
        let result = try CommandRunner.koers(
            ["test"],
            in: folder,
            environment: ["KOERS_PLUGIN_PATH": folder.path]
        )
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("ok  set-eligibility  "))
        #expect(result.standardOutput.contains("FAILED  demo  1 of 1 case failed\n"))
        #expect(result.standardOutput.hasSuffix(" packs, \(Self.bundledCaseCount() + 1) cases: 1 case failed\n"))
        #expect(
            result.standardError.contains(
                "/demo/tests/cases.yaml:2:5: error: test case 'child is not an adult' failed: "
            )
        )
    }

    @Test func brokenOrUnknownPackFails() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "id: broken\nversion: 1.0.0\n".write(
            to: broken.appendingPathComponent("pack.yaml"),
            atomically: true,
            encoding: .utf8
        )

        let result = try CommandRunner.koers(["test", "broken", "set-eligibility"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("broken/pack.yaml:1:1: error: "))
        #expect(result.standardOutput.contains("FAILED  broken  the pack cannot be loaded\n"))
        #expect(result.standardOutput.contains("ok  set-eligibility  "))
        #expect(result.standardOutput.hasSuffix(": 1 pack could not be loaded\n"))

        let unknown = try CommandRunner.koers(["test", "no-such-pack"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("error: no rule pack 'no-such-pack' on the plugin path"))
    }

    @Test func badDateIsAUsageError() throws {
        let result = try CommandRunner.koers(["test", "--date", "tomorrow"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--date must be a date written as YYYY-MM-DD"))
    }

    /// A small pack `demo` with one outcome, `adult`, and the given test cases.
    static func writeDemoPack(in folder: URL, cases: String) throws {
        let pack = folder.appendingPathComponent("demo")
        try FileManager.default.createDirectory(
            at: pack.appendingPathComponent("tests"),
            withIntermediateDirectories: true
        )
        try """
        id: demo
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl]
        title: Demo
        sources:
          - {id: bron, title: Bron, url: "https://example.org"}
        questions:
          - {id: age, type: integer, text: Leeftijd?}
        outcomes:
          - id: adult
            title: Volwassen
            source: bron
            requirements:
              - {id: old_enough, condition: age >= 18, reason: Te jong., source: bron}
            amounts:
              - {id: grant, label: Subsidie, expr: "€ 500", source: bron}
        """.write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try cases.write(to: pack.appendingPathComponent("tests/cases.yaml"), atomically: true, encoding: .utf8)
    }

    /// How many test cases the bundled packs have, read from `koers test` itself.
    static func bundledCaseCount() -> Int {
        guard let output = try? CommandRunner.koers(["test"]).standardOutput,
            let summary = output.split(separator: "\n").last,
            let cases = summary.split(separator: ",").dropFirst().first?.split(separator: " ").first
        else { return -1 }
        return Int(cases) ?? -1
    }
}
