import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import Testing

@Suite struct InterviewTests {
    let engine: EnginePack

    init() throws {
        engine = try EnginePack()
    }

    static let eligibleScript = [
        "is_provider": "ja", "kind": "scale_up", "costs": "€ 30.000", "own_share": "€ 5.000", "vision": "4",
        "support": "3",
    ]

    @Test func asksQuestionsInPackOrderAndSkipsIrrelevantOnes() {
        let asked = engine.questionsAsked(answering: Self.eligibleScript)
        // pilot_detail applies to pilots only; own_share decides nothing (only its validation reads it).
        #expect(asked == ["is_provider", "kind", "costs", "vision", "support"])
    }

    @Test func aKnockOutAsksStrictlyFewerQuestions() throws {
        let asked = engine.questionsAsked(answering: ["is_provider": "nee", "vision": "2", "support": "2"])
        // Once 'is_provider' fails, kind and costs can change neither verdict nor amount.
        #expect(asked == ["is_provider", "vision", "support"])
        #expect(asked.count < engine.pack.questions.count)
        let state = engine.interview.state(of: engine.answers(["is_provider": "nee", "vision": "2", "support": "2"]), on: EnginePack.date)
        let outcome = try #require(state.evaluation.outcome("subsidy"))
        #expect(outcome.verdict == .ineligible)
        #expect(outcome.decisiveRequirements.map(\.requirement.id) == ["provider"])
        #expect(outcome.amounts.isEmpty)
        #expect(state.isComplete)
    }

    @Test func questionsOnlyAClosedOutcomeNeedsAreNotAsked() {
        // In 2019 only old_subsidy is open; it needs is_provider alone.
        let date = CalendarDate(year: 2019, month: 6, day: 1) ?? .minimum
        let asked = engine.questionsAsked(answering: ["is_provider": "ja", "vision": "5", "support": "5"], on: date)
        #expect(asked == ["is_provider", "vision", "support"])
    }

    @Test func changingAnAnswerReevaluatesAndKeepsTheIgnoredOne() throws {
        var answers = engine.answers(["is_provider": "ja", "kind": "pilot", "pilot_detail": "Zes weken", "costs": "€ 500"])
        var state = engine.interview.state(of: answers, on: EnginePack.date)
        #expect(state.evaluation.outcome("subsidy")?.verdict == .ineligible)
        #expect(state.evaluation.question("pilot_detail")?.relevance == .relevant)
        #expect(state.evaluation.recommendations.map(\.recommendation.id) == ["write_it_down"])

        // Going back: the project scales up after all. The pilot's description no longer
        // applies; it is kept, shown as ignored, and does not count as answered.
        let kind = try #require(engine.pack.question("kind"))
        answers["kind"] = try engine.interview.check(.text("1"), for: kind, given: answers, on: EnginePack.date).get().asAnswer
        state = engine.interview.state(of: answers, on: EnginePack.date)
        let detail = try #require(state.evaluation.question("pilot_detail"))
        #expect(detail.relevance == .irrelevant)
        #expect(detail.isIgnored)
        #expect(answers["pilot_detail"] != nil)
        // Costs of € 500 are too low: the verdict follows the new answers.
        #expect(state.evaluation.outcome("subsidy")?.decisiveRequirements.map(\.requirement.id) == ["enough_costs"])
        #expect(state.progress.answered == 3)
    }

    @Test func dontKnowKeepsTheOutcomeUndeterminedWithoutAskingAgain() throws {
        let answers = engine.answers(["is_provider": "ja", "kind": "scale_up", "costs": "weet niet", "vision": "3", "support": "3"])
        #expect(answers["costs"] == .unknown)
        let state = engine.interview.state(of: answers, on: EnginePack.date)
        let outcome = try #require(state.evaluation.outcome("subsidy"))
        #expect(outcome.verdict == .undetermined)
        #expect(outcome.missingQuestions == ["costs"])
        #expect(state.isComplete, "a question answered 'don't know' is not asked again")
    }

    @Test func dontKnowAndSkipAreRefusedWhereThePackDoesNotAllowThem() throws {
        let provider = try #require(engine.pack.question("is_provider"))
        let detail = try #require(engine.pack.question("pilot_detail"))
        #expect(throws: AnswerProblem.self) { try engine.interview.special(.text("weet niet"), for: provider).get() }
        #expect(throws: AnswerProblem.self) { try engine.interview.special(.text("-"), for: provider).get() }
        #expect(try engine.interview.special(.text("skip"), for: detail).get() == .skipped)
        #expect(try engine.interview.special(.text("ja"), for: provider).get() == nil)
    }

    @Test func aRejectedAnswerGivesThePacksMessageAndChangesNothing() throws {
        let answers = engine.answers(["costs": "€ 1.000"])
        let ownShare = try #require(engine.pack.question("own_share"))
        let result = engine.interview.check(.text("€ 2.000"), for: ownShare, given: answers, on: EnginePack.date)
        guard case .failure(let problem) = result else {
            Issue.record("an own share above the costs was accepted")
            return
        }
        #expect(problem.message.text(in: "nl") == "De eigen bijdrage kan niet hoger zijn dan de kosten.")
        #expect(problem.message.text(in: "en") == "The own contribution cannot exceed the costs.")
        let costs = try #require(engine.pack.question("costs"))
        guard case .failure(let typeProblem) = engine.interview.check(.text("veel"), for: costs, given: answers, on: EnginePack.date) else {
            Issue.record("'veel' was accepted as money")
            return
        }
        #expect(!typeProblem.message.text(in: "nl").isEmpty)
        #expect(answers["costs"] == .given(.money(1000)))
    }

    @Test func progressCountsAnsweredAndStillNeededQuestions() {
        var state = engine.interview.state(of: AnswerSet(), on: EnginePack.date)
        #expect(state.progress == InterviewProgress(answered: 0, stillNeeded: 5))
        #expect(state.nextQuestion?.id == "is_provider")
        state = engine.interview.state(of: engine.answers(["is_provider": "nee"]), on: EnginePack.date)
        // The knock-out drops kind and costs from what is still needed.
        #expect(state.progress == InterviewProgress(answered: 1, stillNeeded: 2))
        #expect(state.progress.fraction > 0.3)
    }

    @Test func unknownQuestionsInAnswerFilesAreReportedWithASuggestion() {
        let (answers, issues) = engine.interview.answers(from: ["is_providr": .text("ja"), "costs": .text("€ 10")], on: EnginePack.date)
        #expect(answers.count == 1)
        #expect(issues.map(\.questionID) == ["is_providr"])
        #expect(issues.first?.message.text(in: "en").contains("Did you mean 'is_provider'?") == true)
    }
}

extension Value {
    fileprivate var asAnswer: AnswerState { .given(self) }
}
