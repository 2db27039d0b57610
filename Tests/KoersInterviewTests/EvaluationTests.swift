import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSource
import Testing

@Suite struct EvaluationTests {
    let engine: EnginePack

    init() throws {
        engine = try EnginePack()
    }

    func evaluate(_ inputs: [String: String], on date: CalendarDate = EnginePack.date, overrides: [String: ScoreOverride] = [:]) -> Evaluation {
        engine.interview.evaluator.evaluate(engine.answers(inputs, on: date), on: date, overrides: overrides)
    }

    @Test func verdictsFollowThreeValuedLogic() throws {
        #expect(evaluate([:]).outcome("subsidy")?.verdict == .undetermined)
        #expect(evaluate(["is_provider": "nee"]).outcome("subsidy")?.verdict == .ineligible)
        let open = try #require(evaluate(["is_provider": "ja"]).outcome("subsidy"))
        #expect(open.verdict == .undetermined)
        #expect(open.missingQuestions == ["kind", "costs"])
        let decided = try #require(evaluate(["is_provider": "ja", "kind": "scale_up", "costs": "€ 30.000"]).outcome("subsidy"))
        #expect(decided.verdict == .eligible)
        #expect(decided.amounts.first?.result == .known(.money(10_000)))
    }

    @Test func periodsCloseOutcomesAndThePack() {
        let in2019 = CalendarDate(year: 2019, month: 6, day: 1) ?? .minimum
        let after = CalendarDate(year: 2031, month: 1, day: 1) ?? .minimum
        #expect(evaluate(["is_provider": "ja"], on: in2019).outcome("old_subsidy")?.verdict == .eligible)
        #expect(evaluate(["is_provider": "ja"]).outcome("old_subsidy")?.verdict == .closed)
        // Outside the pack's own validity every outcome is closed.
        #expect(evaluate(["is_provider": "ja"], on: after).outcomes.allSatisfy { $0.verdict == .closed })
    }

    @Test func overridesKeepTheComputedScoreAndFeedWhatReadsIt() throws {
        let override = ScoreOverride(value: 8, justification: "De visie is vastgelegd in het beleidsplan.")
        let evaluation = evaluate(["vision": "2", "support": "2"], overrides: ["readiness": override])
        let score = try #require(evaluation.score("readiness"))
        #expect(score.computed == .known(.number(4)))
        #expect(score.effectiveValue == 8)
        #expect(score.level?.label.text(in: "en") == "Advanced")
        // The recommendation reads the overridden value, so it no longer fires.
        #expect(evaluation.recommendations.isEmpty)
        let withoutOverride = evaluate(["vision": "2", "support": "2"])
        #expect(withoutOverride.score("readiness")?.level?.label.text(in: "nl") == "Beginnend")
        #expect(withoutOverride.recommendations.map(\.recommendation.id) == ["build_support"])
    }

    @Test func recommendationsAreOrderedByPriority() {
        let evaluation = evaluate(["kind": "pilot", "vision": "1", "support": "1"])
        #expect(evaluation.recommendations.map(\.recommendation.id) == ["build_support", "write_it_down"])
        #expect(evaluation.recommendations.map(\.recommendation.priority) == [.high, .low])
    }

    @Test func explanationsNameTheRuleTheAnswersAndTheSource() throws {
        let evaluation = evaluate(["is_provider": "nee", "kind": "scale_up", "costs": "€ 125.000,50"])
        let outcome = try #require(evaluation.outcome("subsidy"))
        let dutch = Explainer(pack: engine.pack, language: "nl").explain(outcome, in: evaluation)
        #expect(dutch.summary == "Op 1 juni 2021 komt u niet in aanmerking voor Subsidie: aan 1 eis is niet voldaan.")
        #expect(dutch.rules.map(\.id) == ["provider"])
        #expect(dutch.rules.first?.text == "Alleen zorgaanbieders kunnen aanvragen.")
        #expect(dutch.rules.first?.answers == [
            ExplainedAnswer(questionID: "is_provider", question: "Bent u zorgaanbieder?", answer: "nee")
        ])
        #expect(dutch.rules.first?.sources == ["Regeling (2021), artikel 3"])

        let english = Explainer(pack: engine.pack, language: "en")
        let eligible = evaluate(Dictionary(uniqueKeysWithValues: InterviewTests.eligibleScript.map { ($0, $1) }))
        let explanation = try english.explain(#require(eligible.outcome("subsidy")), in: eligible)
        #expect(explanation.summary == "On 1 June 2021 you qualify for Subsidy: all 3 requirements are met.")
        #expect(explanation.rules.last?.answers.first?.answer == "€30,000")
        let closed = try english.explain(#require(eligible.outcome("old_subsidy")), in: eligible)
        #expect(closed.summary == "Old subsidy was not open on 1 June 2021: the scheme ran from 1 January 2019 to 31 December 2019.")
    }

    @Test func aFailingExpressionIsAProblemNotACrash() throws {
        let folder = try EngineFixtures.pack(
            """
            questions:
              - {id: count, type: integer, text: Aantal?}
            values:
              - {id: share, type: number, expr: 100 / count}
            outcomes:
              - id: ok
                title: Ok
                requirements:
                  - {id: some, condition: share > 1, reason: Te weinig., source: bron}
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = try EngineFixtures.load(folder)
        let evaluator = PackEvaluator(pack: pack, functions: engine.registry.functions)
        let evaluation = evaluator.evaluate(AnswerSet(values: ["count": .number(0)]), on: EnginePack.date)
        #expect(evaluation.outcome("ok")?.verdict == .undetermined)
        #expect(evaluation.problems.count == 1)
        let problem = try #require(evaluation.problems.first)
        #expect(problem.message.contains("division by zero"), "\(problem.message)")
        // The line of 'share', at the '/' inside its expression.
        #expect(problem.location?.line == 11)
        #expect(problem.location?.column == 41)
    }

}

/// Writes small packs for single tests.
enum EngineFixtures {
    static func pack(_ body: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = """
            id: inline
            version: 1.0.0
            engine: ">= 0.1"
            languages: [nl]
            title: Inline
            sources:
              - {id: bron, title: Bron, url: "https://example.org"}

            """
        try (manifest + body).write(to: folder.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func load(_ folder: URL) throws -> RulePack {
        let result = RulePackLoader(registry: try BuiltinPlugins.registry()).load(directory: folder.path)
        return try #require(result.pack, "\(result.diagnostics)")
    }
}
