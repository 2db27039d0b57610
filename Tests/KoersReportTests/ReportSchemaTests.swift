import Foundation
import KoersReport
import KoersTestSupport
import Testing

/// The JSON report of every example, and of a session with overrides, fits
/// `schemas/report.schema.json` (which embeds `check-result.schema.json` per session).
@Suite struct ReportSchemaTests {
    static func checker() throws -> SchemaChecker {
        func load(_ name: String) throws -> JSONValue {
            try JSONValue.parse(
                String(contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/\(name)"), encoding: .utf8)
            )
        }
        return SchemaChecker(
            schema: try load("report.schema.json"),
            external: ["check-result.schema.json": try load("check-result.schema.json")]
        )
    }

    @Test(arguments: ExampleReports.names)
    func exampleReportFitsTheSchema(name: String) throws {
        let text = String(decoding: try Report.encoder.encode(try ExampleReports.report(name)), as: UTF8.self)
        let problems = try Self.checker().check(try JSONValue.parse(text))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func sessionWithOverridesFitsTheSchema() throws {
        let text = String(decoding: try Report.encoder.encode(try ReportEscapingTests.report()), as: UTF8.self)
        let problems = try Self.checker().check(try JSONValue.parse(text))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func checkerRejectsWhatTheSchemaForbids() throws {
        let text = String(decoding: try Report.encoder.encode(try ExampleReports.report("maturity-scan-comparison")), as: UTF8.self)
        guard case .object(var fields) = try JSONValue.parse(text) else {
            Issue.record("not an object")
            return
        }
        fields["format"] = .string("koers-report/2")
        fields["extra"] = .null
        fields["sessions"] = .array([.object(["id": .string("x")])])
        let problems = try Self.checker().check(.object(fields))
        #expect(problems.contains { $0.contains("$.format") })
        #expect(problems.contains { $0.contains("unexpected key 'extra'") })
        #expect(problems.contains { $0.contains("missing required key 'evaluation'") })
    }
}
