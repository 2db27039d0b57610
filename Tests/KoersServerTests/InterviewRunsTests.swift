import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

@testable import KoersServer

@Suite struct InterviewRunsTests {
    /// What a state says, for comparing two: the next question, the open questions, the
    /// progress, the verdicts, the ignored answers and the whole evaluation.
    static func summary(_ state: InterviewState) -> String {
        [
            state.nextQuestion?.id ?? "-", state.openQuestionIDs.joined(separator: ","),
            "\(state.progress)", "\(state.verdicts)", state.ignoredQuestionIDs.sorted().joined(separator: ","),
            "\(state.evaluation.outcomes.map(\.verdict))", "\(state.evaluation.scores.map(\.computed))",
            "\(state.evaluation.values.map(\.result))",
        ].joined(separator: " | ")
    }

    /// An answer the question takes: an option, yes, or a small amount; `nil` when it takes none
    /// of those here (a validation refuses it).
    static func answer(to question: Question, step: Int, in pack: LoadedPack, given document: SessionFile)
        -> AnswerState?
    {
        let inputs: [AnswerInput] =
            question.options.isEmpty
            ? [
                .boolean(step.isMultiple(of: 3)), .number(ExactNumber(1_000 * (step % 7 + 1))), .text("12"),
                .dontKnow,
            ]
            : [.text(question.options[step % question.options.count].id), .dontKnow]
        for input in inputs {
            if case .success(let state) = pack.interview.answer(
                input, for: question, given: document.answerSet, on: document.evaluationDate
            ) {
                return state
            }
        }
        return nil
    }

    @Test("A kept run gives the state a fresh interview gives, change after change")
    func keptRunsAgreeWithFreshStates() throws {
        let registry = try BuiltinPlugins.registry()
        let library = PackLibrary(roots: [Fixtures.rulesDirectory.path], registry: registry)
        let dates = try ["2021-06-01", "2020-03-01", "2022-09-15"].map { try #require(CalendarDate(iso: $0)) }
        for packID in ["maturity-scan", "set-eligibility", "stappenplan", "insurer-readiness"] {
            let pack = try library.pack(id: packID)
            // Room for one run: the second session takes it over, so runs are also made afresh.
            let runs = InterviewRuns(capacity: 1)
            var documents = [
                SessionFile(pack: pack.pack, evaluationDate: dates[0], language: "nl"),
                SessionFile(pack: pack.pack, evaluationDate: dates[0], language: "nl"),
            ]
            var compared = 0
            for step in 0..<60 {
                let which = step % 5 == 4 ? 1 : 0
                var document = documents[which]
                let fresh = pack.interview.state(
                    of: document.answerSet, on: document.evaluationDate,
                    overrides: document.engineOverrides
                )
                // Change the document: the next question answered, an earlier answer taken back
                // or changed, or another date.
                if step % 11 == 10 {
                    document.evaluationDate = dates[(step / 11) % dates.count]
                } else if step % 7 == 6, let answered = document.answers.keys.sorted().first {
                    document.removeAnswer(for: answered)
                } else if let question = fresh.nextQuestion ?? pack.pack.questions.first(where: {
                    document.answers[$0.id] == nil
                }) ?? pack.pack.questions.randomElement(),
                    let state = Self.answer(to: question, step: step, in: pack, given: document)
                {
                    document.record(state, for: question.id, by: "test")
                }
                documents[which] = document
                let kept = runs.state(of: "session-\(which)", document: document, pack: pack)
                let expected = pack.interview.state(
                    of: document.answerSet, on: document.evaluationDate,
                    overrides: document.engineOverrides
                )
                #expect(Self.summary(kept) == Self.summary(expected), "\(packID), step \(step)")
                compared += 1
            }
            #expect(compared == 60)
            #expect(documents[0].answers.count > 3, "\(packID): the walk answered questions")
        }
    }
}
