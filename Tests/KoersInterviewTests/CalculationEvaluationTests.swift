import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSource
import KoersTestSupport
import Testing

/// Calculations in the engine: outputs as names, three-valued inputs, the interview asking what
/// a read output needs, problems at the binding, and the koers-check/1 part.
@Suite struct CalculationEvaluationTests {
    let pack: RulePack
    let interview: Interview
    static let date = CalendarDate(year: 2022, month: 6, day: 1) ?? .minimum
    static let tabel13 = [
        "rate": "€ 100", "norm": "1140", "platform": "€ 686,07", "upkeep": "30", "participation": "25%",
        "online": "25%",
    ]

    init() throws {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(
            directory: Fixtures.url("KoersInterviewTests", "calculations").path
        )
        pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        interview = Interview(pack: pack, registry: registry)
    }

    func answers(_ inputs: [String: String]) -> AnswerSet {
        let (answers, issues) = interview.answers(from: inputs.mapValues(AnswerInput.text), on: Self.date)
        #expect(issues.isEmpty, "\(issues)")
        return answers
    }

    @Test func outputsAreNamesThatScoresRead() throws {
        let evaluation = makeEvaluator(pack).evaluate(answers(Self.tabel13), on: Self.date)
        let calculation = try #require(evaluation.calculation("bc"))
        #expect(calculation.output("technology_costs_per_year")?.result == .known(.money(Decimal(string: "3286.07")!)))
        // 46.12% ≤ 50%: the score reads the output.
        #expect(evaluation.score("feasible")?.computed == .known(.number(5)))
        #expect(evaluation.calculationOutput(named: "bc_capacity_per_year")?.result == .known(.money(114_000)))
    }

    @Test func anUnknownInputLeavesOnlyTheOutputsThatNeedItUnknown() throws {
        let evaluation = makeEvaluator(pack).evaluate(answers(["rate": "€ 100", "norm": "1140"]), on: Self.date)
        let calculation = try #require(evaluation.calculation("bc"))
        #expect(calculation.output("capacity_per_year")?.result == .known(.money(114_000)))
        let missing = try #require(calculation.output("required_time_saving")?.result.missing)
        #expect(Set(evaluation.inPackOrder(missing)) == ["platform", "upkeep", "participation", "online"])
        // An unbound input takes its default.
        let weeks = try #require(calculation.inputs.first { $0.input.id == "weeks_per_year" })
        #expect(!weeks.isBound && weeks.result == .known(.number(52)))
    }

    @Test func theInterviewAsksWhatTheReadOutputsNeedAndNothingElse() {
        var script = Self.tabel13
        script.merge(["device_price": "€ 300", "devices": "10", "years": "3"]) { $1 }
        var given = AnswerSet()
        var asked: [String] = []
        while let question = interview.state(of: given, on: Self.date).nextQuestion, asked.count < 20 {
            asked.append(question.id)
            guard let input = script[question.id],
                  case .success(let value) = interview.check(.text(input), for: question, given: given, on: Self.date)
            else {
                Issue.record("unexpected question '\(question.id)'")
                break
            }
            given[question.id] = .given(value)
        }
        // 'contacts' and 'unrelated' decide no score: the break-even verdict needs no volume.
        #expect(asked == ["rate", "norm", "platform", "upkeep", "participation", "online", "device_price", "devices", "years"])
    }

    @Test func zeroDepreciationYearsIsAProblemAtTheBindingNotACrash() throws {
        var inputs = Self.tabel13
        inputs.merge(["device_price": "€ 300", "devices": "10", "years": "0", "contacts": "20"]) { $1 }
        let evaluation = makeEvaluator(pack).evaluate(answers(inputs), on: Self.date)
        let problem = try #require(evaluation.problems.first)
        #expect(problem.code == "calculation")
        #expect(problem.message.contains("depreciation_years") && problem.message.contains("above 0 years"))
        // The line of `depreciation_years: years` in the fixture.
        #expect(problem.location?.line == 37)
        #expect(evaluation.calculation("cc")?.output("break_even_contacts_per_week")?.result == .unknown([]))
        #expect(evaluation.score("contact")?.computed == .unknown([]))
        // The other calculation is unaffected.
        #expect(evaluation.score("feasible")?.computed == .known(.number(5)))
    }

    @Test func theCheckDocumentHasUnitsFormulasAndRoundedValues() throws {
        let evaluation = makeEvaluator(pack).evaluate(answers(Self.tabel13), on: Self.date)
        let document = EvaluationDocument(evaluation: evaluation, pack: pack, language: "en")
        // 'cc' waits for questions, so it applies; both are listed.
        #expect(document.calculations.map(\.id) == ["bc", "cc"])
        let bc = try #require(document.calculations.first)
        let required = try #require(bc.outputs.first { $0.id == "required_time_saving" })
        #expect(required.formatted == "46.12%")
        #expect(required.unit == "%")
        #expect(required.formula.contains("(participation × share online)"))
        #expect(bc.outputs.first { $0.id == "technology_costs_per_year" }?.formatted == "€3,286.07")
        #expect(bc.inputs.first { $0.id == "upkeep_minutes_per_week" }?.unit == "min/week")
        let data = try EvaluationDocument.encoder.encode(document)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"calculations\""))
    }
}

/// An evaluator with the built-in functions.
func makeEvaluator(_ pack: RulePack) -> PackEvaluator {
    PackEvaluator(pack: pack, functions: (try? BuiltinPlugins.registry().functions) ?? FunctionRegistry())
}
