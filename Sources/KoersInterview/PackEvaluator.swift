public import KoersCore
public import KoersExpression
import KoersSource
public import Foundation

/// Evaluates a rule pack against a set of answers as of a date.
///
/// Unanswered questions are unknown, with three-valued logic: a requirement that fails
/// decides its outcome even while other requirements still wait for answers. A question whose
/// `relevant_if` does not hold counts as unanswered even when it has an answer (the answer is
/// kept, and shown as ignored). Overridden scores count with the coach's value everywhere
/// they are read.
///
/// ```swift
/// let evaluator = PackEvaluator(pack: pack, functions: registry.functions)
/// let evaluation = evaluator.evaluate(answers, on: CalendarDate(year: 2021, month: 10, day: 1)!)
/// evaluation.outcome("set_klein")?.verdict   // .eligible
/// ```
///
/// The pack is compiled once, when the evaluator is made: every name becomes a slot and every
/// expression is bound to slots, so an evaluation works on flat arrays. ``decide(_:on:overrides:)``
/// gives only verdicts, amounts and scores (what a batch needs); ``evaluate(_:on:overrides:)``
/// adds everything an explanation shows.
///
/// An evaluator is immutable and `Sendable`: one can serve many evaluations at once, and a
/// copy costs two references (the pack lives in the compiled pack, not in every copy).
public struct PackEvaluator: Sendable {
    /// The pack.
    public var pack: RulePack { compiled.pack }
    let compiled: CompiledPack
    let evaluator: Evaluator

    /// Creates an evaluator for a pack and compiles the pack.
    ///
    /// - Parameters:
    ///   - pack: A pack that loaded without errors.
    ///   - functions: The functions its expressions were checked with.
    public init(pack: RulePack, functions: FunctionRegistry) {
        self.evaluator = Evaluator(functions: functions)
        self.compiled = CompiledPack(pack: pack, functions: functions)
    }

    /// Evaluates every question, value, outcome, score and recommendation of the pack.
    ///
    /// - Parameters:
    ///   - answers: The answers so far.
    ///   - date: The date the evaluation is made as of: it decides which periods of the rules
    ///     apply and is the value of `evaluation_date`.
    ///   - overrides: Coaches' overrides of scores, by score id.
    /// - Returns: The evaluation. It never fails: an expression that fails at run time (such
    ///   as a division by zero) makes its item unknown and is listed in
    ///   ``Evaluation/problems``.
    public func evaluate(
        _ answers: AnswerSet,
        on date: CalendarDate,
        overrides: [String: ScoreOverride] = [:]
    ) -> Evaluation {
        evaluation(of: run(answers, on: date, overrides: overrides))
    }

    /// Decides every outcome and score, without the explanations: the verdicts, the amounts,
    /// the scores and, as question slots, what each still waits for.
    ///
    /// - Parameters:
    ///   - answers: The answers so far.
    ///   - date: The evaluation date.
    ///   - overrides: Coaches' overrides of scores, by score id.
    /// - Returns: The decision.
    public func decide(
        _ answers: AnswerSet,
        on date: CalendarDate,
        overrides: [String: ScoreOverride] = [:]
    ) -> Decision {
        decision(of: run(answers, on: date, overrides: overrides))
    }

    // MARK: Runs

    func run(_ answers: AnswerSet, on date: CalendarDate, overrides: [String: ScoreOverride]) -> EvaluationRun {
        EvaluationRun(
            compiled: compiled,
            evaluator: evaluator,
            answers: slotAnswers(answers),
            date: date,
            overrides: slotOverrides(overrides)
        )
    }

    func emptyRun(on date: CalendarDate) -> EvaluationRun {
        EvaluationRun(
            compiled: compiled,
            evaluator: evaluator,
            answers: Array(repeating: nil, count: compiled.questionCount),
            date: date,
            overrides: Array(repeating: nil, count: pack.scores.count)
        )
    }

    /// Answers by question slot; answers to ids that are not questions are dropped.
    func slotAnswers(_ answers: AnswerSet) -> [AnswerState?] {
        var states = [AnswerState?](repeating: nil, count: compiled.questionCount)
        for (id, state) in answers {
            if let position = compiled.questionPositions[id] { states[position] = state }
        }
        return states
    }

    /// Overrides by score position; overrides of ids that are not scores are dropped.
    func slotOverrides(_ overrides: [String: ScoreOverride]) -> [ScoreOverride?] {
        guard !overrides.isEmpty else { return Array(repeating: nil, count: pack.scores.count) }
        return pack.scores.map { overrides[$0.id] }
    }

    // MARK: Deciding

    /// The verdict of one outcome in a run.
    func outcomeDecision(at outcomeIndex: Int, in run: EvaluationRun) -> OutcomeDecision {
        var decision = OutcomeDecision(verdict: .undetermined, requirements: [], missing: InputSet(), amounts: [])
        decision.requirements.reserveCapacity(compiled.outcomePeriods[outcomeIndex].requirements.count)
        fill(&decision, outcome: outcomeIndex, in: run)
        return decision
    }

    /// Makes `decision` the verdict of one outcome in a run, keeping the storage of its arrays
    /// (those of the same outcome's decision on another run, when the caller keeps one).
    func fill(_ decision: inout OutcomeDecision, outcome outcomeIndex: Int, in run: EvaluationRun) {
        // `requested_if`: known false means not requested (nothing is decided or asked);
        // unknown keeps the outcome undetermined and its questions missing.
        var requested = true
        var requestUndecided = false
        var missing = InputSet()
        if let condition = compiled.requestedIf[outcomeIndex] {
            switch run.evaluate(condition, pack.outcomes[outcomeIndex].requestedIf) {
            case .known(.boolean(true)): break
            case .known: requested = false
            case .unknown(let slots):
                requestUndecided = true
                missing = slots
            }
        }
        // The flags and expressions are flat arrays read by position: copying an outcome's
        // own arrays out of the compiled pack retained and released each of them per decision.
        let outcomeCount = compiled.outcomePeriods.count
        let open = run.inForce[outcomeIndex]
        let requirementStart = compiled.requirementStarts[outcomeIndex]
        let requirementCount = compiled.requirementStarts[outcomeIndex + 1] - requirementStart
        decision.requirements.removeAll(keepingCapacity: true)
        var anyUnmet = false
        var anyOpen = false
        // The pack's requirements are read only when an expression fails (for its location).
        for offset in 0..<requirementCount {
            let position = requirementStart + offset
            if !requested || !open || !run.inForce[outcomeCount + position] {
                decision.requirements.append(.notInForce)
                continue
            }
            switch run.evaluate(
                compiled.requirements[position],
                pack.outcomes[outcomeIndex].requirements[offset].condition
            ) {
            case .known(.boolean(true)):
                decision.requirements.append(.met)
            case .known:
                decision.requirements.append(.unmet)
                anyUnmet = true
            case .unknown(let slots):
                decision.requirements.append(.open(slots))
                missing.formUnion(slots)
                anyOpen = true
            }
        }
        let verdict: Verdict =
            if !requested { .notRequested } else if !open { .closed } else if requestUndecided { .undetermined }
            else if anyUnmet { .ineligible } else if anyOpen { .undetermined } else { .eligible }
        decision.amounts.removeAll(keepingCapacity: true)
        if verdict == .eligible || verdict == .undetermined {
            let amountStart = compiled.amountStarts[outcomeIndex]
            let amountFlags = outcomeCount + compiled.requirements.count
            for offset in 0..<(compiled.amountStarts[outcomeIndex + 1] - amountStart)
            where run.inForce[amountFlags + amountStart + offset] {
                let result = run.evaluate(
                    compiled.amounts[amountStart + offset],
                    pack.outcomes[outcomeIndex].amounts[offset].expression
                )
                decision.amounts.append(AmountDecision(position: offset, result: result))
            }
        }
        decision.verdict = verdict
        decision.missing = verdict == .undetermined ? missing : InputSet()
    }

    /// Every outcome and score of a run, without explanations.
    func decision(of run: EvaluationRun) -> Decision {
        var decision = Decision(date: run.date, outcomes: [], scores: [])
        fill(&decision, from: run)
        return decision
    }

    /// Makes `decision` the decision of a run, keeping the storage of its arrays when it holds
    /// a decision of this pack already: deciding many answer sets one after another into one
    /// decision allocates nothing once the first is made (while no copy of it is kept).
    func fill(_ decision: inout Decision, from run: EvaluationRun) {
        // Loops rather than `map`: a closure captured a copy of the evaluator for every row.
        decision.date = run.date
        let outcomeCount = compiled.outcomePeriods.count
        if decision.outcomes.count == outcomeCount {
            for index in 0..<outcomeCount { fill(&decision.outcomes[index], outcome: index, in: run) }
        } else {
            decision.outcomes.removeAll(keepingCapacity: true)
            decision.outcomes.reserveCapacity(outcomeCount)
            for index in 0..<outcomeCount { decision.outcomes.append(outcomeDecision(at: index, in: run)) }
        }
        let scoreCount = compiled.scores.count
        decision.scores.removeAll(keepingCapacity: true)
        decision.scores.reserveCapacity(scoreCount)
        for index in 0..<scoreCount {
            decision.scores.append(ScoreDecision(computed: run.computedScore(index), override: run.overrides[index]))
        }
    }

    // MARK: Explaining

    /// Everything a run says, with the items and the answers they used, for explanations.
    ///
    /// - Parameters:
    ///   - run: The run.
    ///   - decisions: The outcomes' decisions when they were already made on this run (by the
    ///     next-question step), so they are not made again.
    func evaluation(of run: EvaluationRun, decisions: [OutcomeDecision]? = nil) -> Evaluation {
        // By position rather than `enumerated().map`, which copied every item of the pack (and
        // retained each of its fields) once more than the result needs.
        let pack = compiled.pack
        var questions: [QuestionResult] = []
        questions.reserveCapacity(pack.questions.count)
        for index in pack.questions.indices {
            questions.append(
                QuestionResult(question: pack.questions[index], relevance: run.relevance(of: index), answer: run.answers[index])
            )
        }
        var values: [ValueResult] = []
        values.reserveCapacity(pack.values.count)
        for offset in pack.values.indices {
            values.append(
                ValueResult(
                    value: pack.values[offset],
                    result: run.resolve(compiled.valueBase + offset),
                    inputs: compiled.valueInputs[offset]
                )
            )
        }
        var outcomes: [OutcomeResult] = []
        outcomes.reserveCapacity(pack.outcomes.count)
        for index in pack.outcomes.indices {
            let decision = decisions.flatMap { index < $0.count ? $0[index] : nil } ?? outcomeDecision(at: index, in: run)
            outcomes.append(outcomeResult(at: index, decision))
        }
        var scores: [ScoreResult] = []
        scores.reserveCapacity(pack.scores.count)
        for offset in pack.scores.indices {
            scores.append(
                ScoreResult(
                    score: pack.scores[offset],
                    computed: run.computedScore(offset),
                    override: run.overrides[offset],
                    inputs: compiled.scoreInputs[offset]
                )
            )
        }
        let recommendations = firedRecommendations(in: run).map { offset in
            RecommendationResult(
                recommendation: pack.recommendations[offset],
                inputs: compiled.recommendationInputs[offset]
            )
        }
        let calculations = pack.calculations.indices.map { run.calculationResult(at: $0) }
        return Evaluation(
            date: run.date,
            questions: questions,
            values: values,
            outcomes: outcomes,
            scores: scores,
            recommendations: recommendations,
            problems: run.problems.sorted(),
            questionPositions: compiled.questionPositions,
            calculations: calculations
        )
    }

    /// The positions of the recommendations that fire, highest priority first, then in pack order.
    func firedRecommendations(in run: EvaluationRun) -> [Int] {
        var fired: [Int] = []
        for offset in compiled.recommendationOrder {
            let condition = compiled.recommendations[offset]
            if case .known(.boolean(true)) = run.evaluate(condition, compiled.pack.recommendations[offset].condition) {
                fired.append(offset)
            }
        }
        return fired
    }

    private func outcomeResult(at index: Int, _ decision: OutcomeDecision) -> OutcomeResult {
        let outcome = compiled.pack.outcomes[index]
        var requirements: [RequirementResult] = []
        requirements.reserveCapacity(outcome.requirements.count)
        for offset in outcome.requirements.indices {
            let status: RequirementStatus =
                switch decision.requirements[offset] {
                case .met: .met
                case .unmet: .unmet
                case .notInForce: .notInForce
                case .open(let slots): .open(missing: Set(compiled.questionIDs(slots)))
                }
            requirements.append(
                RequirementResult(
                    requirement: outcome.requirements[offset],
                    status: status,
                    inputs: compiled.requirementInputs[index][offset]
                )
            )
        }
        var amounts: [AmountResult] = []
        amounts.reserveCapacity(decision.amounts.count)
        for amount in decision.amounts {
            amounts.append(
                AmountResult(
                    amount: outcome.amounts[amount.position],
                    result: amount.result,
                    inputs: compiled.amountInputs[index][amount.position]
                )
            )
        }
        return OutcomeResult(
            outcome: outcome,
            verdict: decision.verdict,
            requirements: requirements,
            amounts: amounts,
            missingQuestions: compiled.questionIDs(decision.missing)
        )
    }

    // MARK: Slots at the edge

    /// The position of a question in the pack, which is its slot.
    ///
    /// - Parameter id: The question's id.
    /// - Returns: Its position, or `nil` when the pack has no such question.
    public func position(ofQuestion id: String) -> Int? {
        compiled.questionPositions[id]
    }

    /// The question ids of a set of question slots, in pack order.
    ///
    /// - Parameter slots: Question slots, such as an unknown result's missing inputs.
    /// - Returns: Their ids in the order the questions stand in the pack.
    public func questionIDs(_ slots: InputSet) -> [String] {
        compiled.questionIDs(slots)
    }
}

/// Every outcome and score of a pack for one set of answers, without the explanations.
///
/// What a batch writes and what the interview needs to pick the next question; build an
/// ``Evaluation`` when a person is to read why.
public struct Decision: Sendable {
    /// The date the evaluation is made as of.
    public var date: CalendarDate
    /// The outcomes, in pack order.
    public var outcomes: [OutcomeDecision]
    /// The scores, in pack order.
    public var scores: [ScoreDecision]
}

/// How one requirement came out, with the missing questions as slots.
public enum RequirementState: Sendable, Hashable {
    /// The condition holds.
    case met
    /// The condition does not hold.
    case unmet
    /// The condition waits for these question slots (empty when nothing that can be asked
    /// would decide it).
    case open(InputSet)
    /// The requirement does not apply on the evaluation date.
    case notInForce
}

/// One outcome's verdict, requirements and amounts.
public struct OutcomeDecision: Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// The state of each requirement, in pack order.
    public var requirements: [RequirementState]
    /// For an undetermined outcome: the question slots that could decide it.
    public var missing: InputSet
    /// The amounts in force, for an eligible or undetermined outcome.
    public var amounts: [AmountDecision]
}

/// One amount of an outcome by its position in the outcome.
public struct AmountDecision: Sendable {
    /// The amount's position in the outcome's `amounts`.
    public var position: Int
    /// Its value, or the question slots it waits for.
    public var result: EvaluationResult
}

/// A score's computed value and a coach's override.
public struct ScoreDecision: Sendable {
    /// The value computed from the answers, or the question slots it waits for.
    public var computed: EvaluationResult
    /// The coach's override, if any.
    public var override: ScoreOverride?

    /// The value that counts: the override when there is one, else the computed value.
    public var effectiveValue: Decimal? { override?.value ?? computed.value?.decimalValue }
}
