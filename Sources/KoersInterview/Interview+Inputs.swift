public import KoersCore
public import KoersExpression
import Foundation
import KoersSource

/// A problem with one answer in a file of answers (a check, a batch row, a saved session).
public struct AnswerIssue: Sendable, Hashable, CustomStringConvertible {
    /// The question the answer was given for, as written.
    public var questionID: String
    /// What is wrong, in the pack's languages.
    public var message: LocalizedText

    /// Creates an issue.
    public init(questionID: String, message: LocalizedText) {
        self.questionID = questionID
        self.message = message
    }

    /// `question: message` in English.
    public var description: String { "\(questionID): \(message.text(in: "en"))" }
}

extension Interview {
    /// Reads answers as a person writes them (`ja`, `€ 125.000`, `gemeente, zorgkantoor`) into
    /// an answer set, checking each against its question in pack order, so validations that
    /// read earlier answers see them.
    ///
    /// `?` or `weet niet` answers "I don't know" where the question allows it; `-` or `skip`
    /// skips an optional question. A rejected answer is left out and reported; the others are
    /// kept.
    ///
    /// - Parameters:
    ///   - inputs: The answers by question id.
    ///   - date: The evaluation date, for validations that read it.
    /// - Returns: The accepted answers and one issue per rejected answer or unknown question.
    public func answers(
        from inputs: [String: AnswerInput],
        on date: CalendarDate
    ) -> (answers: AnswerSet, issues: [AnswerIssue]) {
        var answers = AnswerSet()
        var issues: [AnswerIssue] = []
        let questionIDs = pack.questions.map(\.id)
        for id in inputs.keys.sorted() where pack.question(id) == nil {
            var english = "There is no question '\(id)' in pack '\(pack.id)'."
            var dutch = "Er is geen vraag '\(id)' in pack '\(pack.id)'."
            if let suggestion = closestMatch(to: id, among: questionIDs) {
                english += " Did you mean '\(suggestion)'?"
                dutch += " Bedoelt u '\(suggestion)'?"
            }
            issues.append(AnswerIssue(questionID: id, message: LocalizedText([("nl", dutch), ("en", english)])))
        }
        for question in pack.questions {
            guard let input = inputs[question.id] else { continue }
            switch special(input, for: question) {
            case .success(let state?):
                answers[question.id] = state
            case .failure(let problem):
                issues.append(AnswerIssue(questionID: question.id, message: problem.message))
            case .success(nil):
                switch check(input, for: question, given: answers, on: date) {
                case .success(let value): answers[question.id] = .given(value)
                case .failure(let problem):
                    issues.append(AnswerIssue(questionID: question.id, message: problem.message))
                }
            }
        }
        return (answers, issues)
    }

    /// "I don't know" or "skip", when the input says so: the answer, or why it is not allowed;
    /// `nil` for any other input.
    public func special(_ input: AnswerInput, for question: Question) -> Result<AnswerState?, AnswerProblem> {
        guard case .text(let text) = input, let meaning = AnswerWords.meaning(of: text) else { return .success(nil) }
        switch meaning {
        case .unknown:
            guard question.allowsUnknown else {
                return .failure(
                    AnswerProblem(
                        nl: "Bij deze vraag is 'weet ik niet' niet mogelijk; geef een antwoord.",
                        en: "This question does not allow 'don't know'; please give an answer."
                    )
                )
            }
            return .success(.unknown)
        case .skipped:
            guard question.isOptional else {
                return .failure(
                    AnswerProblem(
                        nl: "Deze vraag is verplicht en kan niet worden overgeslagen.",
                        en: "This question is required and cannot be skipped."
                    )
                )
            }
            return .success(.skipped)
        }
    }
}
