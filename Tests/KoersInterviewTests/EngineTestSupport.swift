import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersTestSupport
import Testing

/// The engine test pack, loaded once per test.
struct EnginePack {
    let pack: RulePack
    let registry: PluginRegistry
    let interview: Interview

    init() throws {
        registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(directory: Fixtures.url("KoersInterviewTests", "engine").path)
        pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        interview = Interview(pack: pack, registry: registry)
    }

    static let date = CalendarDate(year: 2021, month: 6, day: 1) ?? .minimum

    /// Answers typed as a person would, checked by the interview; fails the test on a rejection.
    func answers(_ inputs: [String: String], on date: CalendarDate = date) -> AnswerSet {
        let (answers, issues) = interview.answers(from: inputs.mapValues(AnswerInput.text), on: date)
        #expect(issues.isEmpty, "\(issues)")
        return answers
    }

    /// Runs an interview to the end, answering from a script, and returns the questions asked.
    func questionsAsked(answering script: [String: String], on date: CalendarDate = date) -> [String] {
        var answers = AnswerSet()
        var asked: [String] = []
        while let question = interview.state(of: answers, on: date).nextQuestion {
            asked.append(question.id)
            guard let input = script[question.id] else {
                Issue.record("the interview asked '\(question.id)', which the script does not answer")
                break
            }
            switch interview.special(.text(input), for: question) {
            case .success(let state?):
                answers[question.id] = state
            case .success(nil):
                switch interview.check(.text(input), for: question, given: answers, on: date) {
                case .success(let value): answers[question.id] = .given(value)
                case .failure(let problem):
                    Issue.record("'\(input)' for '\(question.id)' was rejected: \(problem)")
                    return asked
                }
            case .failure(let problem):
                Issue.record("'\(input)' for '\(question.id)' was rejected: \(problem)")
                return asked
            }
            if asked.count > pack.questions.count {
                Issue.record("the interview asks questions again: \(asked)")
                break
            }
        }
        return asked
    }
}
