import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSource
import Testing

@Suite struct PackTestRunnerTests {
    @Test func theEnginePacksCasesPassIncludingOverridesAndSpecialAnswers() throws {
        let engine = try EnginePack()
        #expect(engine.pack.testCases.count == 3)
        let overridden = try #require(engine.pack.testCases.last)
        #expect(overridden.overrides["readiness"]?.value == 7)
        #expect(overridden.specialAnswers == ["pilot_detail": .skipped])
        for result in PackTestRunner(pack: engine.pack, functions: engine.registry.functions).run() {
            #expect(result.passed, "\(result.testCase.name): \(result.failures)")
        }
    }

    @Test func everyWrongExpectationIsReported() throws {
        let folder = try EngineFixtures.pack(
            """
            questions:
              - {id: costs, type: money, text: Kosten?, allow_unknown: true, source: bron}
              - {id: ready, type: boolean, text: Klaar?, source: bron}
            values:
              - {id: half, type: money, expr: 50% * costs}
            outcomes:
              - id: grant
                title: Subsidie
                requirements:
                  - {id: enough, condition: costs >= € 100, reason: Te weinig., source: bron}
                  - {id: is_ready, condition: ready, reason: Niet klaar., source: bron}
            recommendations:
              - {id: get_ready, when: not ready, priority: high, text: Maak het klaar., source: bron}
            cases:
              - name: everything wrong
                date: 2021-01-01
                answers: {costs: € 50}
                expect:
                  outcomes: {grant: eligible}
                  values: {half: € 30}
                  recommendations: [get_ready]
                  missing: {grant: [costs]}
            """
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = try EngineFixtures.load(folder)
        let result = try #require(PackTestRunner(pack: pack, functions: BuiltinPlugins.registry().functions).run().first)
        #expect(!result.passed)
        #expect(result.failures == [
            "outcome 'grant': expected eligible, got ineligible (not met: enough)",
            "'half': expected € 30,00, got € 25,00",
            "recommendations expected to fire but silent: get_ready",
            "outcome 'grant': expected missing questions [costs], got []",
        ])
        #expect(result.location.line == 22)
    }
}
