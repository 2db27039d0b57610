import Foundation
import KoersCore
import KoersExpression
import KoersSource

/// The names of one evaluation, worked out on demand and remembered.
///
/// A class because resolving a name fills the cache while the evaluator only reads; it lives
/// for one evaluation, on one task.
final class EvaluationContext: EvaluationEnvironment {
    let index: PackIndex
    let evaluator: Evaluator
    let answers: AnswerSet
    let date: CalendarDate
    let overrides: [String: ScoreOverride]
    private(set) var problems: [Diagnostic] = []
    private var cache: [String: EvaluationResult] = [:]
    private var relevanceCache: [String: EvaluationResult] = [:]
    private var inProgress: Set<String> = []
    /// Calculations worked out so far, by position in the pack (see CalculationResult.swift).
    var calculationCache: [Int: CalculationResult] = [:]
    /// Calculations being worked out, to stay finite on a pack the loader would reject.
    var calculationsInProgress: Set<Int> = []

    init(
        index: PackIndex,
        evaluator: Evaluator,
        answers: AnswerSet,
        date: CalendarDate,
        overrides: [String: ScoreOverride]
    ) {
        self.index = index
        self.evaluator = evaluator
        self.answers = answers
        self.date = date
        self.overrides = overrides
    }

    func resolve(_ name: String) -> EvaluationResult {
        if let cached = cache[name] { return cached }
        // Names are resolved depth first; a name met again while it is being worked out
        // (only possible in a pack the loader would reject) is unknown rather than endless.
        guard inProgress.insert(name).inserted else { return .unknown([]) }
        defer { inProgress.remove(name) }
        let result: EvaluationResult
        if let question = index.questions[name] {
            result = answerValue(question)
        } else if let value = index.values[name] {
            result = evaluate(value.expression)
        } else if let score = index.scores[name] {
            if let override = overrides[name] {
                result = .known(.number(override.value))
            } else {
                result = computedScore(score)
            }
        } else if let reference = index.calculationOutputs[name] {
            result = calculationOutput(reference)
        } else if name == "evaluation_date" {
            result = .known(.date(date))
        } else {
            result = .unknown([])
        }
        cache[name] = result
        return result
    }

    /// A score's value from its expression, ignoring any override.
    func computedScore(_ score: Score) -> EvaluationResult {
        evaluate(score.expression)
    }

    /// Whether a question applies; see ``Relevance``.
    func relevance(of question: Question) -> Relevance {
        switch relevanceResult(of: question) {
        case .known(.boolean(false)): .irrelevant
        case .known: .relevant
        case .unknown: .undecided
        }
    }

    private func relevanceResult(of question: Question) -> EvaluationResult {
        guard let condition = question.relevance else { return .known(.boolean(true)) }
        if let cached = relevanceCache[question.id] { return cached }
        let key = "relevant_if of " + question.id
        guard inProgress.insert(key).inserted else { return .unknown([]) }
        defer { inProgress.remove(key) }
        let result = evaluate(condition)
        relevanceCache[question.id] = result
        return result
    }

    /// A question's value: its answer when it applies; unknown when it is unanswered, answered
    /// "I don't know" or skipped (naming the question), or when it does not apply (naming
    /// nothing: there is nothing to ask).
    private func answerValue(_ question: Question) -> EvaluationResult {
        switch relevanceResult(of: question) {
        case .known(.boolean(false)):
            return .unknown([])
        case .unknown(let names):
            return .unknown(names.union([question.id]))
        case .known:
            if case .given(let value) = answers[question.id] { return .known(value) }
            return .unknown([question.id])
        }
    }

    /// Records a problem met while evaluating, once.
    func record(_ diagnostic: Diagnostic) {
        if !problems.contains(diagnostic) { problems.append(diagnostic) }
    }

    /// Evaluates an expression; a failure is recorded as a problem and counts as unknown.
    func evaluate(_ expression: PackExpression) -> EvaluationResult {
        do {
            return try evaluator.evaluate(expression.expression, in: self)
        } catch {
            let location = expression.location(atOffset: error.range.lowerBound)
            let diagnostic = Diagnostic.error(error.message, at: location, code: "evaluation")
            if !problems.contains(diagnostic) { problems.append(diagnostic) }
            return .unknown([])
        }
    }
}
