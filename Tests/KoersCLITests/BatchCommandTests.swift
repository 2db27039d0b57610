import Foundation
import KoersTestSupport
import Testing

/// End-to-end tests of `koers batch` with the real binary, on the batch test pack (stable) and
/// on the bundled eligibility pack with the examples in `examples/batch/`.
@Suite struct BatchCommandTests {
    private static let pack = Fixtures.url("KoersBatchTests", "batch-pack").path

    private static let goodRow = """
        {"_id":"ok","scheme":"grant","is_provider":"ja","purchasers":["gemeente"],"costs":"€ 30.000","months":24,\
        "vision":3,"support":4}
        """

    private func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    private func inFolder(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try body(folder)
    }

    private func errorLines(_ standardError: String) -> [String] {
        standardError.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    @Test func explainAddsEachOutcomesSummaryAndReasonsInWords() throws {
        let ineligible = #"{"_id":"no","scheme":"grant","is_provider":"nee","vision":1,"support":2}"#
        try inFolder(["in.jsonl": Self.goodRow + "\n" + ineligible + "\n"]) { folder in
            let plain = try CommandRunner.koers(
                ["batch", Self.pack, "--input", "in.jsonl", "--date", "2021-10-01", "--lang", "en"], in: folder
            )
            let explained = try CommandRunner.koers(
                ["batch", Self.pack, "--input", "in.jsonl", "--date", "2021-10-01", "--lang", "en", "--explain"], in: folder
            )
            #expect(plain.status == 0 && explained.status == 0, "\(explained.standardError)")
            let without = try objects(plain.standardOutput)
            let with = try objects(explained.standardOutput)
            #expect(without.count == 2 && with.count == 2)
            for (bare, full) in zip(without, with) {
                let bareGrant = try #require((bare["outcomes"] as? [String: Any])?["grant"] as? [String: Any])
                let fullGrant = try #require((full["outcomes"] as? [String: Any])?["grant"] as? [String: Any])
                // The same verdict, now with words; without --explain there are none.
                #expect(bareGrant["verdict"] as? String == fullGrant["verdict"] as? String)
                #expect(bareGrant["summary"] == nil && bareGrant["reasons"] == nil)
                let summary = try #require(fullGrant["summary"] as? String)
                let reasons = try #require(fullGrant["reasons"] as? [String])
                #expect(!summary.isEmpty && !reasons.isEmpty, "\(fullGrant)")
            }
            // The ineligible row names its unmet requirement in the pack's words.
            let ineligibleGrant = (with[1]["outcomes"] as? [String: Any])?["grant"] as? [String: Any]
            #expect(ineligibleGrant?["reasons"] as? [String] == ["Only care providers."], "\(with[1])")
            #expect((ineligibleGrant?["summary"] as? String)?.contains("1 requirement is not met") == true)
        }
    }

    @Test func badRowsAreReportedWithTheirLineAndSkippedWhileTheRunGoesOn() throws {
        let input = [
            Self.goodRow,
            #"{"_id":"broken","scheme": "grant",,}"#,
            #"{"_id":"typo","schem":"grant"}"#,
            "",
            #"{"_id":"money","scheme":"grant","is_provider":"ja","costs":"veel"}"#,
            #"{"_id":"open","scheme":"grant","is_provider":"ja","purchasers":"gemeente, zorgkantoor"}"#,
            #"{"_id":"no","scheme":"grant","is_provider":"nee","vision":1,"support":2}"#,
        ].joined(separator: "\n") + "\n"
        try inFolder(["projects.jsonl": input]) { folder in
            let result = try CommandRunner.koers(
                ["batch", Self.pack, "--input", "projects.jsonl", "--date", "2021-10-01", "--lang", "en"],
                in: folder
            )
            #expect(result.status == 0, "stderr: \(result.standardError)")
            #expect(errorLines(result.standardError) == [
                "projects.jsonl:2: error: invalid JSON at column 35: expected a key in double quotes",
                "projects.jsonl:3: error: There is no question 'schem' in pack 'batch-test'. Did you mean 'scheme'?",
                "projects.jsonl:5: error: 'veel' is not an answer to 'costs': Please enter an amount in euros, such as € 125,000 or 125000.50.",
            ])
            let rows = try objects(result.standardOutput)
            #expect(rows.map { $0["row"] as? Int } == [1, 2, 3, 4, 5, 6])
            #expect(rows.map { $0["line"] as? Int } == [1, 2, 3, 5, 6, 7])
            // The id of a row that is not valid JSON is not known.
            #expect(rows.map { $0["_id"] as? String } == ["ok", nil, "typo", "money", "open", "no"])
            #expect(rows.map { $0["skipped"] as? Bool ?? false } == [false, true, true, true, false, false])
            let ok = try #require((rows[0]["outcomes"] as? [String: [String: Any]])?["grant"])
            #expect(ok["verdict"] as? String == "eligible")
            #expect((ok["amounts"] as? [String: String])?["max_subsidy"] == "15000")
            let open = try #require((rows[4]["outcomes"] as? [String: [String: Any]])?["grant"])
            #expect(open["verdict"] as? String == "undetermined")
            #expect(open["missing"] as? [String] == ["costs", "months"])
            let money = try #require((rows[3]["errors"] as? [[String: String]])?.first)
            #expect(money["question"] == "costs")
            #expect(money["answer"] == "veel")
            let score = try #require((rows[5]["scores"] as? [String: [String: Any]])?["readiness"])
            #expect(score["value"] as? String == "3")
            #expect(score["label"] as? String == "Starting")

            // The summary goes to standard error when the results go to standard output.
            let summary = result.standardError
            #expect(summary.contains("rows read  6\n"))
            #expect(summary.contains("evaluated  3\n"))
            #expect(summary.contains("skipped    3 (bad rows; see the errors)\n"))
            #expect(summary.contains("grant             1           1             1       0              0  Grant\n"))
            #expect(summary.contains("readiness     2        1    3       5    7  Starting 1, Advanced 1\n"))
            // Standard error is not a terminal here: no progress line.
            #expect(!summary.contains("\r"))
            #expect(!summary.contains("rows/s  "))
        }
    }

    @Test func csvWithQuotingProblemsAndAnOutputFile() throws {
        let csv = "_id,scheme,purchasers,is_provider,costs\r\n"
            + "a,grant,\"gemeente,\nzorgkantoor\",ja,\"€ 40.000\"\r\n"
            + "b,grant,gemeente\r\n"
            + "c,grant,\"gemeente\"x,ja,1\r\n"
            + "\r\n"
            + "d,grant,gemeente;zorgverzekeraar,nee,\r\n"
            + "e,grant,\"geen;gemeente\",ja,\r\n"
        try inFolder(["in.csv": csv]) { folder in
            let result = try CommandRunner.koers(
                ["batch", Self.pack, "--input", "in.csv", "--output", "out.jsonl", "--date", "2021-10-01", "--jobs", "2"],
                in: folder
            )
            #expect(result.status == 0, "stderr: \(result.standardError)")
            #expect(errorLines(result.standardError) == [
                "in.csv:4: error: the row has 3 fields, but the header has 5 columns",
                #"in.csv:5: error: text after the closing quote of field 3; write a quote inside a quoted field as two quotes ("")"#,
                "in.csv:8: error: 'geen; gemeente' is not an answer to 'purchasers': Kies 'geen' alleen als u geen enkele inkoper noemt.",
            ])
            let rows = try objects(try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8))
            #expect(rows.map { $0["line"] as? Int } == [2, 4, 5, 7, 8])
            #expect(rows.map { $0["_id"] as? String } == ["a", "b", nil, "d", "e"])
            #expect(rows.map { $0["skipped"] as? Bool ?? false } == [false, true, true, false, true])
            // With --output, the summary goes to standard output.
            #expect(result.standardOutput.contains("rows read  5\n"))
            #expect(result.standardOutput.contains("evaluated  2\n"))
            #expect(result.standardOutput.contains("skipped    3 (bad rows; see the errors)\n"))
            #expect(result.standardOutput.contains("grant             0           1             1       0              0  Subsidie\n"))
        }
    }

    @Test func bundledExamplesEvaluateEveryRowInOrder() throws {
        for example in ["examples/batch/projects.jsonl", "examples/batch/projects.csv"] {
            let result = try CommandRunner.koers(["batch", "set-eligibility", "--input", example, "--date", "2021-10-01"])
            #expect(result.status == 0, "\(example): \(result.standardError)")
            #expect(errorLines(result.standardError).isEmpty, "\(example): \(result.standardError)")
            let rows = try objects(result.standardOutput)
            #expect(rows.map { $0["_id"] as? String } == [
                "thuismonitor-utrecht", "beeldzorg-regio-noord", "medicatie-app-pilot", "visie-ehealth-wijkteam",
                "leefstijlcoach-2019", "half-ingevuld",
            ], "\(example)")
            #expect(rows.allSatisfy { $0["outcomes"] is [String: Any] }, "\(example)")
            #expect(rows.map { $0["date"] as? String }[4] == "2019-10-01")
            #expect(result.standardError.contains("evaluated  6\n"))
        }
    }

    @Test func missingInputIsAClearError() throws {
        let result = try CommandRunner.koers(["batch", Self.pack, "--input", "no/such/file.jsonl"])
        #expect(result.status == 1)
        #expect(result.standardError == "error: cannot open 'no/such/file.jsonl': no such file\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func inputWhereNoRowCanBeEvaluatedFails() throws {
        try inFolder(["bad.jsonl": "not json\n{\"scheme\": 5}\n"]) { folder in
            let result = try CommandRunner.koers(["batch", Self.pack, "--input", "bad.jsonl", "--lang", "en"], in: folder)
            #expect(result.status == 1)
            #expect(errorLines(result.standardError) == [
                "bad.jsonl:1: error: invalid JSON at column 1: a row must be a JSON object ({…})",
                "bad.jsonl:2: error: '5' is not an answer to 'scheme': '5' is not one of the choices; pick a number from 1 to 2.",
            ])
            #expect(result.standardError.hasSuffix("error: no row could be evaluated\n"))
        }
    }

    @Test func csvHeaderWithAnUnknownQuestionStopsAtTheHeader() throws {
        try inFolder(["in.csv": "_id,scheme,cost\na,grant,1\n"]) { folder in
            let result = try CommandRunner.koers(["batch", Self.pack, "--input", "in.csv"], in: folder)
            #expect(result.status == 1)
            #expect(result.standardError == """
                in.csv:1: error: the header names 'cost', which is not a question of pack 'batch-test'; did you mean 'costs'?

                """)
        }
    }
}
