import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersTestSupport
import Testing

/// The maturity scan's optional business case in the interview: offered once at the end,
/// skipping it finishes the scan, choosing it asks the chosen model's questions.
@Suite struct BusinessCaseInterviewTests {
    let interview: Interview
    let pack: RulePack
    static let date = CalendarDate(year: 2026, month: 3, day: 2) ?? .minimum

    init() throws {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(
            directory: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan").path
        )
        pack = try #require(result.pack, "\(result.diagnostics)")
        interview = Interview(pack: pack, registry: registry)
    }

    /// Every sub-question answered with its last option (fully, or `nvt` where there is one).
    func domainAnswers() -> AnswerSet {
        var answers = AnswerSet()
        for question in pack.questions where !question.id.hasPrefix("bc_") {
            if let option = question.options.first(where: { $0.id == "volledig" }) ?? question.options.first {
                answers[question.id] = .given(.text(option.id))
            }
        }
        return answers
    }

    @Test func theBusinessCaseIsOfferedLastAndSkippingItFinishes() {
        var answers = domainAnswers()
        let state = interview.state(of: answers, on: Self.date)
        #expect(state.nextQuestion?.id == "bc_calculate")
        answers["bc_calculate"] = .skipped
        let after = interview.state(of: answers, on: Self.date)
        #expect(after.nextQuestion == nil)
        #expect(after.evaluation.score("domain_economic")?.computed.value != nil)
    }

    @Test func choosingBlendedCareAsksItsQuestionsInOrder() {
        var answers = domainAnswers()
        answers["bc_calculate"] = .given(.boolean(true))
        #expect(interview.state(of: answers, on: Self.date).nextQuestion?.id == "bc_model")
        answers["bc_model"] = .given(.text("blended_care"))
        let state = interview.state(of: answers, on: Self.date)
        #expect(state.openQuestionIDs == [
            "bc_clinician_hourly_rate", "bc_norm_hours_per_year", "bc_platform_costs_per_year",
            "bc_upkeep_minutes_per_week", "bc_client_participation", "bc_share_sessions_online",
        ])
        // Until they are answered the economic domain waits for them.
        #expect(state.evaluation.score("domain_economic")?.computed.value == nil)
    }
}
