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
    /// Reads answers as a person writes them (`ja`, `€ 125.000`, `gemeente, zorgkantoor`) or as
    /// exact values into an answer set, checking each against its question in pack order, so
    /// validations that read earlier answers see them.
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
        var issues: [AnswerIssue] = []
        var positional = [AnswerInput?](repeating: nil, count: pack.questions.count)
        let positions = evaluator.compiled.questionPositions
        for (id, input) in inputs {
            if let position = positions[id] { positional[position] = input }
        }
        let questionIDs = pack.questions.map(\.id)
        for id in inputs.keys.sorted() where positions[id] == nil {
            issues.append(unknownQuestionIssue(id))
        }
        let (run, rejected) = checkedRun(positional, on: date)
        issues.append(contentsOf: rejected)
        var answers = AnswerSet()
        for (position, state) in run.answers.enumerated() {
            if let state { answers[questionIDs[position]] = state }
        }
        return (answers, issues)
    }

    /// The issue for an answer to an id that is not a question of the pack, with a
    /// did-you-mean where a question id is close.
    ///
    /// - Parameter id: The id as written.
    /// - Returns: The issue.
    public func unknownQuestionIssue(_ id: String) -> AnswerIssue {
        var english = "There is no question '\(id)' in pack '\(pack.id)'."
        var dutch = "Er is geen vraag '\(id)' in pack '\(pack.id)'."
        if let suggestion = closestMatch(to: id, among: pack.questions.map(\.id)) {
            english += " Did you mean '\(suggestion)'?"
            dutch += " Bedoelt u '\(suggestion)'?"
        }
        return AnswerIssue(questionID: id, message: LocalizedText([("nl", dutch), ("en", english)]))
    }

    /// Checks answers given by question position (pack order) and decides the pack on them in
    /// one pass, without building explanations: the fast path of a batch.
    ///
    /// - Parameters:
    ///   - inputs: The input for each question by its position in the pack; `nil` is unanswered.
    ///   - date: The evaluation date.
    /// - Returns: The decision, or one issue per rejected answer.
    public func decide(_ inputs: [AnswerInput?], on date: CalendarDate) -> Result<Decision, AnswerIssues> {
        var memo = AnswerMemo(questionCount: 0)
        return decide(inputs, on: date, memo: &memo)
    }

    /// ``decide(_:on:)`` for one of many answer sets decided one after another: a typed input
    /// that the memo has seen before for the same question is not read again.
    ///
    /// - Parameters:
    ///   - inputs: The input for each question by its position in the pack; `nil` is unanswered.
    ///   - date: The evaluation date.
    ///   - memo: What earlier sets' inputs read as; it learns this set's new inputs.
    /// - Returns: The decision, or one issue per rejected answer.
    public func decide(
        _ inputs: [AnswerInput?],
        on date: CalendarDate,
        memo: inout AnswerMemo
    ) -> Result<Decision, AnswerIssues> {
        let (run, issues) = checkedRun(inputs, on: date, memo: &memo)
        guard issues.isEmpty else { return .failure(AnswerIssues(issues: issues)) }
        return .success(evaluator.decision(of: run))
    }

    /// Checks inputs by position in pack order into one run: each accepted answer is set (so
    /// later validations see it), each rejected one is reported and left out.
    func checkedRun(_ inputs: [AnswerInput?], on date: CalendarDate) -> (run: EvaluationRun, issues: [AnswerIssue]) {
        var memo = AnswerMemo(questionCount: 0)
        return checkedRun(inputs, on: date, memo: &memo)
    }

    /// ``checkedRun(_:on:)`` reading typed inputs through a memo.
    func checkedRun(
        _ inputs: [AnswerInput?],
        on date: CalendarDate,
        memo: inout AnswerMemo
    ) -> (run: EvaluationRun, issues: [AnswerIssue]) {
        let run = evaluator.emptyRun(on: date)
        var issues: [AnswerIssue] = []
        // The questions are read through a buffer, which spares most copies of a question out
        // of the pack's array: this loop runs for every row of a batch.
        pack.questions.withUnsafeBufferPointer { questions in
            for (position, input) in inputs.enumerated() {
                guard let input, position < questions.count else { continue }
                let read: Result<AnswerState, AnswerProblem>
                if case .text(let text) = input, let known = memo.state(of: text, at: position) {
                    read = known
                } else {
                    read = state(of: input, for: questions[position], at: position)
                    if case .text(let text) = input { memo.remember(read, of: text, at: position) }
                }
                switch read {
                case .failure(let problem):
                    issues.append(AnswerIssue(questionID: questions[position].id, message: problem.message))
                case .success(let state):
                    set(state, at: position, of: questions, in: run, issues: &issues)
                }
            }
        }
        return (run, issues)
    }

    /// Sets an answer that was read into a run and checks the question's validations on it,
    /// taking it out again and reporting the problem when one fails.
    fileprivate func set(
        _ state: AnswerState,
        at position: Int,
        of questions: UnsafeBufferPointer<Question>,
        in run: EvaluationRun,
        issues: inout [AnswerIssue]
    ) {
        run.setAnswer(state, at: position)
        if case .given = state, run.compiled.hasValidations[position],
            let problem = failedValidation(of: position, in: run)
        {
            run.setAnswer(nil, at: position)
            issues.append(AnswerIssue(questionID: questions[position].id, message: problem.message))
        }
    }

    /// What an input reads as for the question at a position, without the validations that
    /// read other answers: "I don't know", a skip or the value its type reads. It depends only
    /// on the input and the question, so a caller that meets the same input again (a batch, by
    /// the bytes of a row) may keep the reading and pass it to ``decide(readings:on:)``.
    ///
    /// - Parameters:
    ///   - input: The input.
    ///   - position: The question's position in the pack.
    /// - Returns: The answer, or why it is not accepted (also for a position outside the pack).
    public func reading(of input: AnswerInput, at position: Int) -> Result<AnswerState, AnswerProblem> {
        guard pack.questions.indices.contains(position) else {
            return .failure(AnswerProblem(nl: "Deze vraag bestaat niet.", en: "There is no such question."))
        }
        return state(of: input, for: pack.questions[position], at: position)
    }

    /// Decides answers already read by question position (``reading(of:at:)``), checking each
    /// question's validations in pack order exactly as ``decide(_:on:memo:)`` does after
    /// reading its inputs.
    ///
    /// - Parameters:
    ///   - readings: The answer to each question by its position in the pack; `nil` is
    ///     unanswered. Positions past the pack's questions are ignored.
    ///   - date: The evaluation date.
    /// - Returns: The decision, or one issue per answer whose validation failed.
    public func decide(readings: [AnswerState?], on date: CalendarDate) -> Result<Decision, AnswerIssues> {
        let run = evaluator.emptyRun(on: date)
        var issues: [AnswerIssue] = []
        pack.questions.withUnsafeBufferPointer { questions in
            for position in 0..<min(readings.count, questions.count) {
                guard let state = readings[position] else { continue }
                set(state, at: position, of: questions, in: run, issues: &issues)
            }
        }
        guard issues.isEmpty else { return .failure(AnswerIssues(issues: issues)) }
        return .success(evaluator.decision(of: run))
    }

    /// The answer an input gives to a question, without the validations that read other
    /// answers: "I don't know" and "skip" (as words or as explicit inputs) where the question
    /// allows them, otherwise the value read by the question's type.
    ///
    /// This is the one place where the rules for "I don't know" and skipping live; the
    /// terminal, answers files, batches and the web app all answer through it (``answer(_:for:given:on:)``).
    ///
    /// - Parameters:
    ///   - input: The input.
    ///   - question: The question it answers.
    /// - Returns: The answer, or why it is not accepted.
    public func state(of input: AnswerInput, for question: Question) -> Result<AnswerState, AnswerProblem> {
        state(of: input, for: question, at: nil)
    }

    /// ``state(of:for:)`` for the question at a known position, whose type is then found
    /// without a lookup by name.
    func state(of input: AnswerInput, for question: Question, at position: Int?) -> Result<AnswerState, AnswerProblem> {
        switch special(input, for: question) {
        case .failure(let problem): return .failure(problem)
        case .success(let state?): return .success(state)
        case .success(nil): return accept(input, for: question, at: position).map(AnswerState.given)
        }
    }

    /// The answer an input gives to a question, given the other answers: ``state(of:for:)``
    /// and then the question's validations.
    ///
    /// - Parameters:
    ///   - input: The input.
    ///   - question: The question it answers.
    ///   - answers: The other answers, which validations may read.
    ///   - date: The evaluation date.
    /// - Returns: The answer to store, or why it is not accepted.
    public func answer(
        _ input: AnswerInput,
        for question: Question,
        given answers: AnswerSet,
        on date: CalendarDate
    ) -> Result<AnswerState, AnswerProblem> {
        switch state(of: input, for: question) {
        case .failure(let problem):
            return .failure(problem)
        case .success(.given(let value)):
            return validated(value, for: question, given: answers, on: date).map(AnswerState.given)
        case .success(let state):
            return .success(state)
        }
    }

    /// "I don't know" or "skip", when the input says so: the answer, or why it is not allowed;
    /// `nil` for any other input.
    public func special(_ input: AnswerInput, for question: Question) -> Result<AnswerState?, AnswerProblem> {
        let meaning: SpecialAnswer
        switch input {
        case .dontKnow: meaning = .unknown
        case .skip: meaning = .skipped
        case .text(let text):
            guard let word = AnswerWords.meaning(of: text) else { return .success(nil) }
            meaning = word
        case .list, .number, .boolean, .value:
            return .success(nil)
        }
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

/// Decides many answer sets one after another (the rows of a batch chunk) on runs it keeps.
///
/// It keeps one evaluation run per evaluation date: each set changes only the answers that
/// differ from the last set on its date, and the run forgets exactly the results that depend
/// on them (as the incremental interview does), so a row neither allocates a run nor works out
/// again what the rows share. Rows that carry a few dates of their own (`_date`) each keep their date's run,
/// instead of one run forgetting everything at every change of date.
///
/// Each set decides exactly as ``Interview/decide(readings:on:)`` decides it on a fresh run:
/// a run taken over for another date forgets every result (`EvaluationRun.setDate(_:)`), and
/// the answers are set in pack order after clearing those that a validation of an earlier
/// question reads (`CompiledPack.questionsReadByEarlierValidations`), so every validation
/// sees only the answers before it. The runs hold no overrides.
///
/// It belongs to one task at a time.
public final class AnswerSetDecider {
    private let interview: Interview
    /// The runs by their date, at most ``runCapacity``.
    private var runs: [CalendarDate: EvaluationRun] = [:]
    /// The questions to clear before a set's answers are checked, last first.
    private let clearedFirst: [Int]
    /// The last decision made, whose storage the next one reuses.
    private var decision: Decision
    /// The most runs (dates) kept; a new date past it takes over one of them.
    static let runCapacity = 8

    /// Creates a decider with an empty run.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - date: The evaluation date to start with.
    public init(interview: Interview, on date: CalendarDate) {
        self.interview = interview
        runs[date] = interview.evaluator.emptyRun(on: date)
        clearedFirst = interview.evaluator.compiled.questionsReadByEarlierValidations.reversed()
        decision = Decision(date: date, outcomes: [], scores: [])
    }

    /// The run for a date: the one kept for it, a new one while there is room, or else one
    /// taken over from another date (which forgets all it held).
    private func run(on date: CalendarDate) -> EvaluationRun {
        if let run = runs[date] { return run }
        guard runs.count >= Self.runCapacity, let (oldDate, run) = runs.first else {
            let run = interview.evaluator.emptyRun(on: date)
            runs[date] = run
            return run
        }
        runs[oldDate] = nil
        run.setDate(date)
        runs[date] = run
        return run
    }

    /// Decides answers already read by question position (``Interview/reading(of:at:)``), with
    /// the same result as ``Interview/decide(readings:on:)``.
    ///
    /// - Parameters:
    ///   - readings: The answer to each question by its position in the pack; `nil` is
    ///     unanswered. Positions past the pack's questions are ignored.
    ///   - date: The evaluation date.
    /// - Returns: The decision, or one issue per answer whose validation failed.
    public func decide(readings: [AnswerState?], on date: CalendarDate) -> Result<Decision, AnswerIssues> {
        let run = run(on: date)
        for position in clearedFirst { run.setAnswer(nil, at: position) }
        var issues: [AnswerIssue] = []
        interview.pack.questions.withUnsafeBufferPointer { questions in
            for position in 0..<questions.count {
                if position < readings.count, let state = readings[position] {
                    interview.set(state, at: position, of: questions, in: run, issues: &issues)
                } else {
                    run.setAnswer(nil, at: position)
                }
            }
        }
        guard issues.isEmpty else { return .failure(AnswerIssues(issues: issues)) }
        // The decision of the set before, refilled: its arrays are reused when the caller let
        // go of the copy it was given (a kept copy is left as it is, being a value).
        interview.evaluator.fill(&decision, from: run)
        return .success(decision)
    }
}

@available(*, unavailable, message: "a decider belongs to one task at a time")
extension AnswerSetDecider: Sendable {}

/// What typed inputs read as, by question, for deciding many answer sets one after another
/// (a batch): a `ja`, an option id or an amount met again for the same question is not read
/// again. Reading an input depends only on the input and the question (validations, which read
/// other answers, are checked every time), so a remembered reading is the reading.
///
/// It holds the first ``limit`` short inputs of each question and then stops learning, so its
/// size is bounded whatever the rows hold. One memo belongs to one task.
public struct AnswerMemo: Sendable {
    /// The most inputs remembered per question.
    public static let limit = 256
    /// The longest input remembered, in UTF-8 bytes.
    public static let longestInput = 64

    private var readings: [[String: Result<AnswerState, AnswerProblem>]]

    /// An empty memo.
    ///
    /// - Parameter questionCount: The number of questions of the pack; 0 makes a memo that
    ///   remembers nothing.
    public init(questionCount: Int) {
        readings = Array(repeating: [:], count: questionCount)
    }

    /// The remembered reading of a typed input to the question at a position.
    func state(of text: String, at position: Int) -> Result<AnswerState, AnswerProblem>? {
        guard position < readings.count else { return nil }
        return readings[position][text]
    }

    /// Remembers a reading, while the question has room and the input is short.
    mutating func remember(_ reading: Result<AnswerState, AnswerProblem>, of text: String, at position: Int) {
        guard position < readings.count, readings[position].count < Self.limit,
            text.utf8.count <= Self.longestInput
        else { return }
        readings[position][text] = reading
    }
}

/// The answers of one set that were not accepted, as the failure of ``Interview/decide(_:on:)``.
public struct AnswerIssues: Error, Sendable, Hashable {
    /// One issue per rejected answer, in pack order.
    public var issues: [AnswerIssue]

    /// Creates the failure.
    ///
    /// - Parameter issues: The issues.
    public init(issues: [AnswerIssue]) {
        self.issues = issues
    }
}
