import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersSource
import KoersTestSupport
import Testing

/// Reading answers files and saved sessions through one door (`koers check`, `koers report`,
/// `koers interview --from`): a session is read by the session reader and keeps its types.
@Suite struct AnswerSourceTests {
    static let sessionText = """
        {
          "answers" : {
            "scheme" : {"answered_at" : "2024-05-01T09:30:00Z", "answered_by" : "anna", "state" : "answered",
                        "type" : "text", "value" : "set"},
            "is_care_provider" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "answered", "type" : "boolean", "value" : true},
            "purchaser_partners" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "answered", "type" : "list of text", "value" : ["gemeente"]},
            "pm_costs" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "answered", "type" : "money", "value" : "30000.00", "note" : "versie 3"},
            "share" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "answered", "type" : "percentage", "value" : "0.125"},
            "proven_ehealth" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "unknown"},
            "training_costs" : {"answered_at" : "2024-05-01T09:30:00Z", "state" : "skipped"}
          },
          "created_at" : "2024-05-01T09:29:12Z",
          "evaluation_date" : "2021-10-01",
          "format" : "koers-session/1",
          "language" : "nl",
          "pack_id" : "set-eligibility",
          "pack_version" : "0.1.0",
          "questions" : {},
          "score_overrides" : {
            "readiness" : {"value" : "3.5", "justification" : "Gesprek", "by" : "anna", "at" : "2024-05-01T09:30:00Z"}
          },
          "set_aside" : [],
          "updated_at" : "2024-05-01T09:30:00Z"
        }
        """

    @Test func sessionAnswersKeepTheirTypes() throws {
        let result = AnswerSource.parse(Self.sessionText, path: "s.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(result.session?.packID == "set-eligibility")
        #expect(file.kind == .session)
        #expect(file.packID == "set-eligibility")
        #expect(file.date == CalendarDate(year: 2021, month: 10, day: 1))
        #expect(file.inputs["scheme"] == .value(.text("set")))
        #expect(file.inputs["is_care_provider"] == .value(.boolean(true)))
        #expect(file.inputs["purchaser_partners"] == .value(.list([.text("gemeente")], elementType: .text)))
        #expect(file.inputs["pm_costs"] == .value(.money(30000)))
        // The fraction as stored: no detour through "12.5%" text.
        #expect(file.inputs["share"] == .value(.percentage(Decimal(string: "0.125") ?? 0)))
        #expect(file.inputs["proven_ehealth"] == .dontKnow)
        #expect(file.inputs["training_costs"] == .skip)
        #expect(file.entries.map(\.questionID).first == "scheme", "file order")
        #expect(file.entries.first?.keyLocation == SourceLocation(file: "s.json", line: 3, column: 5))
        #expect(
            file.overrides == ["readiness": ScoreOverride(value: Decimal(string: "3.5") ?? 0, justification: "Gesprek")]
        )
        #expect(file.overrideLocations["readiness"]?.line == 20)
    }

    @Test func aBadSessionEntryIsAnErrorAtItsPlace() throws {
        let text = Self.sessionText.replacingOccurrences(of: "\"30000.00\"", with: "\"30.000,00\"")
        let result = AnswerSource.parse(text, path: "s.json")
        #expect(result.file == nil)
        let problem = try #require(result.diagnostics.first)
        #expect(problem.location?.line == 7, "\(problem)")
        #expect(problem.message.contains("answers.pm_costs.value"), "\(problem)")
    }

    @Test func answersFilesGoToTheAnswersReader() throws {
        let result = AnswerSource.parse("scheme: set\npm_costs: € 30.000\n", path: "a.yaml")
        let file = try #require(result.file)
        #expect(result.session == nil)
        #expect(file.kind == .plain)
        #expect(file.inputs["pm_costs"] == .text("€ 30.000"))
        let unknown = AnswerSource.parse("format: koers-session/9\n", path: "e.yaml")
        #expect(unknown.file == nil)
        #expect(unknown.diagnostics.first?.code == "unknown-format")
    }

    @Test func aSessionIsCheckedAgainstThePackWithItsTypedValues() throws {
        let registry = try BuiltinPlugins.registry()
        let directory = Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path
        let loaded = RulePackLoader(registry: registry).load(directory: directory)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let interview = Interview(pack: pack, registry: registry)
        var session = SessionFile(
            pack: pack,
            evaluationDate: CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum,
            language: "nl"
        )
        session.record(.given(.text("set")), for: "scheme", by: "anna")
        session.record(.given(.money(30000)), for: "pm_costs", by: "anna")
        let text = String(decoding: try SessionStore.encode(session, path: "s.json"), as: UTF8.self)
        let file = try #require(AnswerSource.parse(text, path: "s.json").file)
        let checked = file.answers(for: interview, on: session.evaluationDate, language: "en")
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        #expect(checked.answers["scheme"] == .given(.text("set")))
        #expect(checked.answers["pm_costs"] == .given(.money(30000)))
    }
}
