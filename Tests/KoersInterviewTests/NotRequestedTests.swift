import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersTestSupport
import Testing

/// `requested_if` on an outcome (issue 14, SET item 4), on the bundled `set-eligibility` pack,
/// whose outcomes are requested through the question `scheme`: known false gives
/// `not_requested` with nothing decided or asked; unknown keeps the outcome undetermined with the
/// condition's questions missing; not-requested outcomes do not count in the overall verdict.
@Suite struct NotRequestedTests {
    let interview: Interview
    let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum

    init() throws {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry)
            .load(directory: Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        interview = Interview(pack: pack, registry: registry)
    }

    func state(_ inputs: [String: String]) -> InterviewState {
        let (answers, issues) = interview.answers(from: inputs.mapValues(AnswerInput.text), on: date)
        #expect(issues.isEmpty, "\(issues)")
        return interview.state(of: answers, on: date)
    }

    @Test func aConditionKnownFalseIsNotRequestedAndAsksNothing() throws {
        let state = self.state(["scheme": "preset"])
        for id in ["set_regulier", "set_klein", "set_covid19_1", "set_covid19_2"] {
            let outcome = try #require(state.evaluation.outcome(id))
            #expect(outcome.verdict == .notRequested, "\(id)")
            #expect(outcome.amounts.isEmpty && outcome.missingQuestions.isEmpty, "\(id)")
            #expect(outcome.decisiveRequirements.isEmpty, "\(id)")
            #expect(outcome.requirements.allSatisfy { $0.status == .notInForce }, "\(id)")
        }
        // Only PréSET's questions are still open.
        #expect(state.openQuestionIDs.allSatisfy { !$0.hasPrefix("covid") && $0 != "pm_costs" })
        #expect(state.evaluation.outcome("preset")?.verdict == .undetermined)
    }

    @Test func anUnknownConditionKeepsTheOutcomeUndeterminedWithItsQuestionsMissing() throws {
        let state = self.state([:])
        let klein = try #require(state.evaluation.outcome("set_klein"))
        #expect(klein.verdict == .undetermined)
        #expect(klein.missingQuestions.first == "scheme")
        #expect(state.nextQuestion?.id == "scheme")
    }

    @Test func notRequestedGoesBeforeClosed() throws {
        // 2021-10-01 is outside both COVID-19 windows, but nobody asked about them.
        let notAsked = state(["scheme": "set"])
        #expect(notAsked.evaluation.outcome("set_covid19_2")?.verdict == .notRequested)
        let asked = state(["scheme": "covid19"])
        #expect(asked.evaluation.outcome("set_covid19_2")?.verdict == .closed)
    }

    @Test func notRequestedHasItsOwnRawValue() {
        #expect(Verdict.notRequested.rawValue == "not_requested")
    }
}
