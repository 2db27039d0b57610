import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersReport
import KoersSource
import KoersTestSupport
import Testing

/// A code plugin written the way a third party would: it adds an expression function and a report
/// format through the one registry, next to the built-in plugins, which register the same way.
@Suite struct CodePluginTests {
    /// `weeks_between(from, to)`: whole weeks from one date to another.
    struct WeeksBetween: ExpressionFunction {
        let name = "weeks_between"
        let summary = "weeks_between(from, to) — whole weeks from one date to another"

        func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
            guard arguments.count == 2 else {
                return .failure(.argumentCount(of: name, expected: "2", given: arguments.count))
            }
            for (index, type) in arguments.enumerated() where type != .date {
                return .failure(.argument(index, of: name, mustBe: "a date", but: type))
            }
            return .success(.number)
        }

        func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
            switch EvaluationResult.values(of: arguments) {
            case .failure(let missing):
                return .unknown(missing.inputs)
            case .success(let values):
                guard case .date(let from) = values[0], case .date(let to) = values[1] else {
                    throw EvaluationError("weeks_between needs two dates")
                }
                return .known(.number(Decimal(from.days(until: to) / 7)))
            }
        }
    }

    /// One line per score: `session;score;value`.
    struct ScoresCSV: ReportFormat {
        let id = "scores-csv"
        let summary = "one line per score: session;score;value"
        let fileExtension = "csv"
        let mediaType = "text/csv; charset=utf-8"

        func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String {
            var lines = ["session;score;value"]
            for session in report.sessions {
                for score in session.scores {
                    lines.append("\(session.id);\(score.id);\(score.effective ?? "")")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    struct PlanningPlugin: KoersPlugin {
        let id = "example.planning"
        func register(into registry: inout PluginRegistry) throws(PluginError) {
            try registry.register(function: WeeksBetween())
            try registry.register(reportFormat: ScoresCSV())
        }
    }

    static let pack = """
        id: planning
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl]
        title: Planning
        sources:
          - {id: bron, title: Bron, url: "https://example.org"}
        questions:
          - id: start
            type: date
            text: Wanneer start het project?
          - id: live
            type: date
            text: Wanneer gaat de toepassing live?
        scores:
          - id: lead_time
            title: Doorlooptijd in weken
            expr: weeks_between(start, live)
            min: 0
            max: 520
            source: {id: bron}

        """

    func registry(with plugins: [any KoersPlugin]) throws -> PluginRegistry {
        try BuiltinPlugins.registry(adding: [ReportFormatsPlugin()] + plugins)
    }

    func packFolder() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        try Self.pack.write(to: folder.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func builtInFormatsRegisterThroughTheSamePath() throws {
        let registry = try registry(with: [])
        #expect(registry.pluginIDs == BuiltinPlugins.all.map(\.id) + ["builtin.report_formats"])
        #expect(registry.pluginIDs.starts(with: ["builtin.standard_functions", "builtin.question_types"]))
        #expect(registry.reportFormats.map(\.id) == ["html", "markdown", "json", "csv"])
        #expect(registry.reportFormat("scores-csv") == nil)
    }

    @Test func aPluginFunctionIsTypeCheckedAndEvaluatedInAPack() throws {
        let folder = try packFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        // Without the plugin the pack does not load: the function is unknown, at its place.
        let without = RulePackLoader(registry: try registry(with: [])).load(directory: folder.path)
        #expect(without.hasErrors)
        let unknown = try #require(without.diagnostics.first { $0.severity == .error })
        #expect(unknown.message.contains("weeks_between"), "\(unknown.message)")
        #expect(unknown.location?.line == 18)

        let registry = try registry(with: [PlanningPlugin()])
        let loaded = RulePackLoader(registry: registry).load(directory: folder.path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")

        let answers = folder.appendingPathComponent("answers.yaml")
        try "pack: planning\nanswers:\n  start: 2026-01-05\n  live: 2026-03-30\n"
            .write(to: answers, atomically: true, encoding: .utf8)
        let input = try ReportInput.load(path: answers.path, pack: pack, registry: registry, language: "nl")
        let report = try ReportBuilder(language: "nl").build([input])
        #expect(report.sessions.first?.scores.first?.effective == "12")

        let format = try #require(registry.reportFormat("scores-csv"))
        let csv = try format.render(report, options: ReportRenderOptions())
        #expect(csv == "session;score;value\n\(report.sessions[0].id);lead_time;12\n")
    }

    @Test func duplicatesAreRefusedWithTheirNames() throws {
        #expect(throws: PluginError.duplicatePlugin("example.planning")) {
            try BuiltinPlugins.registry(adding: [PlanningPlugin(), PlanningPlugin()])
        }
        struct AnotherHTML: KoersPlugin {
            let id = "example.another_html"
            func register(into registry: inout PluginRegistry) throws(PluginError) {
                try registry.register(reportFormat: HTMLReportFormat())
            }
        }
        do {
            _ = try BuiltinPlugins.registry(adding: [ReportFormatsPlugin(), AnotherHTML()])
            Issue.record("a second 'html' format was accepted")
        } catch {
            #expect(error == .duplicateContribution(extensionPoint: "report-format", id: "html"))
            #expect(error.description == "report-format 'html' is registered twice")
        }
    }
}
