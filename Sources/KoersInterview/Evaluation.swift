public import Foundation
public import KoersCore
public import KoersExpression
public import KoersSource

/// Everything a pack says about one set of answers on one date: the state of each question,
/// the derived values, the verdict of each outcome, the scores and the recommendations that
/// fire, each with what decided it.
public struct Evaluation: Sendable {
    /// The date the evaluation is made as of.
    public var date: CalendarDate
    /// Every question, in pack order, with whether it applies and its answer.
    public var questions: [QuestionResult]
    /// The derived values, in pack order.
    public var values: [ValueResult]
    /// The outcomes, in pack order.
    public var outcomes: [OutcomeResult]
    /// The scores, in pack order.
    public var scores: [ScoreResult]
    /// The recommendations that fire, highest priority first, then in pack order.
    public var recommendations: [RecommendationResult]
    /// Expressions that failed while evaluating (a division by zero, a date out of range).
    /// Each made its item unknown instead of stopping the evaluation.
    public var problems: [Diagnostic]
    /// The position of each question in the pack, which is its index in ``questions``.
    let questionPositions: [String: Int]
    /// The calculations, in pack order, with their inputs and outputs.
    public var calculations: [CalculationResult] = []

    /// The result of an outcome by id.
    public func outcome(_ id: String) -> OutcomeResult? { outcomes.first { $0.outcome.id == id } }
    /// The result of a derived value by id.
    public func value(_ id: String) -> ValueResult? { values.first { $0.value.id == id } }
    /// The result of a score by id.
    public func score(_ id: String) -> ScoreResult? { scores.first { $0.score.id == id } }
    /// The state of a question by id.
    public func question(_ id: String) -> QuestionResult? {
        questionPositions[id].flatMap { questions.indices.contains($0) ? questions[$0] : nil }
    }

    /// The question ids of question slots (such as an unknown result's missing inputs), in pack
    /// order.
    public func inPackOrder(_ slots: InputSet) -> [String] {
        slots.compactMap { questions.indices.contains($0) ? questions[$0].question.id : nil }
    }

    /// Question ids sorted as the questions stand in the pack (the interview's order); names
    /// that are not questions are dropped.
    public func inPackOrder(_ ids: Set<String>) -> [String] {
        ids.compactMap { id in questionPositions[id].map { ($0, id) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Whether a question applies, given the other answers.
public enum Relevance: String, Sendable, Hashable, Codable {
    /// The question applies (it has no condition, or its condition holds).
    case relevant
    /// The question's condition does not hold: it is not asked, and an answer it has is kept
    /// but ignored.
    case irrelevant
    /// The condition depends on questions not answered yet.
    case undecided
}

/// One question's state in an evaluation.
public struct QuestionResult: Sendable {
    /// The question.
    public var question: Question
    /// Whether it applies.
    public var relevance: Relevance
    /// The answer, if any, whether or not it is used.
    public var answer: AnswerState?

    /// Whether an answer is kept but not used because the question no longer applies.
    public var isIgnored: Bool { answer != nil && relevance == .irrelevant }
}

/// The result of a derived value.
public struct ValueResult: Sendable {
    /// The derived value.
    public var value: DerivedValue
    /// Its value, or the unanswered questions it waits for.
    public var result: EvaluationResult
    /// The questions it reads, directly or through other values.
    public var inputs: [String]
}

/// The verdict of an outcome on a date.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every requirement that applies on the date is met.
    case eligible
    /// At least one requirement that applies on the date is not met.
    case ineligible
    /// No requirement fails, but some cannot be decided yet.
    case undetermined
    /// The scheme was not open on the date (outside the pack's or the outcome's validity).
    case closed
    /// The person did not ask about this outcome: its `requested_if` is known to be false. It is
    /// not decided, needs no answers and does not count in the overall verdict or exit status.
    case notRequested = "not_requested"
}

/// How one requirement came out.
public enum RequirementStatus: Sendable, Hashable {
    /// The condition holds.
    case met
    /// The condition does not hold.
    case unmet
    /// The condition depends on these unanswered questions (empty when the questions it
    /// needs do not apply or were answered "I don't know").
    case open(missing: Set<String>)
    /// The requirement does not apply on the evaluation date.
    case notInForce
}

/// One requirement of an outcome with its status and the answers it used.
public struct RequirementResult: Sendable {
    /// The requirement.
    public var requirement: Requirement
    /// How it came out.
    public var status: RequirementStatus
    /// The questions its condition reads, directly or through derived values, in pack order.
    public var inputs: [String]
}

/// One amount of an outcome, such as the maximum subsidy.
public struct AmountResult: Sendable {
    /// The amount.
    public var amount: OutcomeAmount
    /// Its value, or the unanswered questions it waits for.
    public var result: EvaluationResult
    /// The questions it reads, in pack order.
    public var inputs: [String]
}

/// The verdict of an outcome and everything that decided it.
public struct OutcomeResult: Sendable {
    /// The outcome.
    public var outcome: Outcome
    /// The verdict.
    public var verdict: Verdict
    /// Every requirement with its status, in pack order (also those not in force).
    public var requirements: [RequirementResult]
    /// The amounts that apply on the date; empty for an ineligible or closed outcome.
    public var amounts: [AmountResult]
    /// For an undetermined outcome: the unanswered questions that could decide it, in pack
    /// order.
    public var missingQuestions: [String]

    /// The requirements that decided the verdict: the unmet ones for an ineligible outcome,
    /// the open ones for an undetermined outcome, and all applicable ones for an eligible one.
    public var decisiveRequirements: [RequirementResult] {
        switch verdict {
        case .ineligible: requirements.filter { $0.status == .unmet }
        case .undetermined: requirements.filter { if case .open = $0.status { true } else { false } }
        case .eligible: requirements.filter { $0.status == .met }
        case .closed, .notRequested: []
        }
    }
}

/// A score with its computed value, a coach's override, and its level.
public struct ScoreResult: Sendable {
    /// The score.
    public var score: Score
    /// The value computed from the answers, or what it waits for.
    public var computed: EvaluationResult
    /// The coach's override, if any.
    public var override: ScoreOverride?
    /// The questions it reads, in pack order.
    public var inputs: [String]

    /// The value that counts: the override when there is one, else the computed value.
    public var effectiveValue: Decimal? { override?.value ?? computed.value?.decimalValue }

    /// The level the effective value reaches: the last level whose minimum it reaches.
    public var level: ScoreLevel? {
        guard let value = effectiveValue else { return nil }
        return score.levels.last { value >= $0.minimum }
    }
}

/// A recommendation that fires.
public struct RecommendationResult: Sendable {
    /// The recommendation.
    public var recommendation: Recommendation
    /// The questions its condition reads, in pack order.
    public var inputs: [String]
}
