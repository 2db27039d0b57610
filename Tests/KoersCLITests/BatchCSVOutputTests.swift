import Foundation
import KoersTestSupport
import Testing

/// `koers batch --output results.csv`: the real binary writes CSV that Python's `csv` module
/// (what an analyst's script or a spreadsheet import uses) reads back with the pack's columns.
@Suite struct BatchCSVOutputTests {
    private static let pack = Fixtures.url("KoersBatchTests", "batch-pack").path

    static func readWithPython(_ file: URL) throws -> (header: [String], rows: [[String: String]]) {
        let table = try PythonCSV.read(String(contentsOf: file, encoding: .utf8))
        return (table.header, table.rows)
    }

    @Test func csvOutputOpensInPythonWithAColumnPerVerdictAmountAndScore() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = [
            #"{"_id":"ok","scheme":"grant","is_provider":"ja","purchasers":["gemeente"],"costs":"€ 30.000","months":24,"vision":3,"support":4}"#,
            #"{"_id":"=typo","schem":"grant"}"#,
            #"{"_id":"no, \"really\"","scheme":"grant","is_provider":"nee","vision":1,"support":2,"_date":"2020-01-15"}"#,
        ].joined(separator: "\n") + "\n"
        try input.write(to: folder.appendingPathComponent("projects.jsonl"), atomically: true, encoding: .utf8)

        let result = try CommandRunner.koers(
            ["batch", Self.pack, "--input", "projects.jsonl", "--output", "results.csv", "--date", "2021-10-01",
             "--lang", "en"],
            in: folder
        )
        #expect(result.status == 0, "\(result.standardError)")
        let (header, rows) = try Self.readWithPython(folder.appendingPathComponent("results.csv"))
        #expect(header == [
            "row", "line", "_id", "date", "status", "grant", "grant.max_subsidy", "old_grant", "readiness",
            "readiness.level", "errors",
        ])
        #expect(rows.count == 3)
        #expect(rows.map { $0["_id"] } == ["ok", "'=typo", #"no, "really""#])
        #expect(rows.map { $0["status"] } == ["evaluated", "skipped", "evaluated"])
        #expect(rows.map { $0["date"] } == ["2021-10-01", "", "2020-01-15"])
        #expect(rows.map { $0["grant"] } == ["eligible", "", "ineligible"])
        #expect(rows[0]["grant.max_subsidy"] == "15000")
        #expect(rows.map { $0["readiness"] } == ["7", "", "3"])
        #expect(rows.map { $0["readiness.level"] } == ["2", "", "1"])
        #expect(rows[1]["errors"]?.contains("schem") == true)
        #expect(rows[0]["errors"] == "")
        // The summary still goes to standard output, as with JSON Lines.
        #expect(result.standardOutput.contains("grant"))
    }

    @Test func outputFormatOptionWritesCSVToStandardOutput() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row = #"{"_id":"ok","scheme":"grant","is_provider":"ja","purchasers":["gemeente"],"costs":"€ 30.000","months":24,"vision":3,"support":4}"#
        try (row + "\n").write(to: folder.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.koers(
            ["batch", Self.pack, "--input", "in.jsonl", "--output-format", "csv", "--date", "2021-10-01"], in: folder
        )
        #expect(result.status == 0, "\(result.standardError)")
        try result.standardOutput.write(to: folder.appendingPathComponent("out.csv"), atomically: true, encoding: .utf8)
        let (header, rows) = try Self.readWithPython(folder.appendingPathComponent("out.csv"))
        #expect(header.first == "row" && header.last == "errors")
        #expect(rows.first?["grant.max_subsidy"] == "15000")

        let wrong = try CommandRunner.koers(["batch", Self.pack, "--input", "in.jsonl", "--output-format", "xlsx"], in: folder)
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("--output-format must be jsonl or csv"))
    }

    @Test func csvReportFormatHasOneRowPerVerdictAmountAndScoreOfEachSession() throws {
        let result = try CommandRunner.koers([
            "report", "examples/intake/maturity-scan-baseline.yaml", "examples/intake/maturity-scan-followup.yaml",
            "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let table = try PythonCSV.read(result.standardOutput)
        #expect(table.header == [
            "session", "role", "source", "pack", "pack_version", "date", "kind", "id", "title", "verdict", "value",
            "computed", "level",
        ])
        let totals = table.rows.filter { $0["kind"] == "score" && $0["id"] == "total" }
        #expect(totals.map { $0["role"] } == ["baseline", "follow_up"])
        #expect(totals.map { $0["date"] } == ["2026-03-02", "2026-09-01"])
        #expect(totals.allSatisfy { Decimal(string: $0["value"] ?? "") != nil && !($0["level"] ?? "").isEmpty })
        // A title with a comma survives the round trip.
        #expect(table.rows.contains { $0["title"] == "Gebruiker, organisatie en het systeem" })

        let eligibility = try CommandRunner.koers([
            "report", "examples/set-eligibility/thuiszorg-beeldzorg-zorgkantoor.yaml", "--format", "csv",
        ])
        #expect(eligibility.status == 0, "\(eligibility.standardError)")
        let rows = try PythonCSV.read(eligibility.standardOutput).rows
        #expect(rows.contains { $0["kind"] == "outcome" && $0["id"] == "set_klein" && !($0["verdict"] ?? "").isEmpty })
        #expect(rows.contains { $0["kind"] == "amount" && ($0["id"] ?? "").hasSuffix(".max_subsidy") })
    }
}
