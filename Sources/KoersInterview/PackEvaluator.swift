public import KoersCore
public import KoersExpression
import KoersSource

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
/// An evaluator is immutable and `Sendable`: one can serve many evaluations at once.
public struct PackEvaluator: Sendable {
    /// The pack.
    public let pack: RulePack
    let evaluator: Evaluator
    let index: PackIndex

    /// Creates an evaluator for a pack.
    ///
    /// - Parameters:
    ///   - pack: A pack that loaded without errors.
    ///   - functions: The functions its expressions were checked with.
    public init(pack: RulePack, functions: FunctionRegistry) {
        self.pack = pack
        self.evaluator = Evaluator(functions: functions)
        self.index = PackIndex(pack)
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
        let context = EvaluationContext(
            index: index, evaluator: evaluator, answers: answers, date: date, overrides: overrides
        )
        let questions = pack.questions.map { question in
            QuestionResult(
                question: question,
                relevance: context.relevance(of: question),
                answer: answers[question.id]
            )
        }
        let values = pack.values.enumerated().map { offset, value in
            ValueResult(value: value, result: context.resolve(value.id), inputs: index.valueInputs[offset])
        }
        let outcomes = pack.outcomes.indices.map { evaluate(outcomeAt: $0, in: context) }
        let scores = pack.scores.enumerated().map { offset, score in
            ScoreResult(
                score: score,
                computed: context.computedScore(score),
                override: overrides[score.id],
                inputs: index.scoreInputs[offset]
            )
        }
        var fired: [(offset: Int, result: RecommendationResult)] = []
        for (offset, recommendation) in pack.recommendations.enumerated() {
            if case .known(.boolean(true)) = context.evaluate(recommendation.condition) {
                let result = RecommendationResult(
                    recommendation: recommendation,
                    inputs: index.recommendationInputs[offset]
                )
                fired.append((offset, result))
            }
        }
        fired.sort { ($0.result.recommendation.priority, $0.offset) < ($1.result.recommendation.priority, $1.offset) }
        let calculations = pack.calculations.indices.map { context.calculationResult(at: $0) }
        return Evaluation(
            date: date,
            questions: questions,
            values: values,
            outcomes: outcomes,
            scores: scores,
            recommendations: fired.map(\.result),
            problems: context.problems.sorted(),
            questionPositions: index.questionOrder,
            calculations: calculations
        )
    }

    private func evaluate(outcomeAt outcomeIndex: Int, in context: EvaluationContext) -> OutcomeResult {
        let outcome = pack.outcomes[outcomeIndex]
        let date = context.date
        // `requested_if`: known false means not requested (nothing is decided or asked);
        // unknown keeps the outcome undetermined and its questions missing.
        var requestMissing: Set<String>?
        var requested = true
        if let condition = outcome.requestedIf {
            switch context.evaluate(condition) {
            case .known(.boolean(true)): break
            case .known: requested = false
            case .unknown(let names): requestMissing = names
            }
        }
        let open = pack.manifest.validity.contains(date) && outcome.validity.contains(date)
        var requirements: [RequirementResult] = []
        var missing: Set<String> = requestMissing ?? []
        for (offset, requirement) in outcome.requirements.enumerated() {
            let status: RequirementStatus
            if !requested || !open || !requirement.validity.contains(date) {
                status = .notInForce
            } else {
                switch context.evaluate(requirement.condition) {
                case .known(.boolean(true)): status = .met
                case .known: status = .unmet
                case .unknown(let names):
                    status = .open(missing: names)
                    missing.formUnion(names)
                }
            }
            requirements.append(
                RequirementResult(
                    requirement: requirement,
                    status: status,
                    inputs: index.requirementInputs[outcomeIndex][offset]
                )
            )
        }
        let verdict: Verdict =
            if !requested { .notRequested }
            else if !open { .closed }
            else if requestMissing != nil { .undetermined }
            else if requirements.contains(where: { $0.status == .unmet }) { .ineligible }
            else if requirements.contains(where: { if case .open = $0.status { true } else { false } }) {
                .undetermined
            } else { .eligible }
        var amounts: [AmountResult] = []
        if verdict == .eligible || verdict == .undetermined {
            for (offset, amount) in outcome.amounts.enumerated() where amount.validity.contains(date) {
                amounts.append(
                    AmountResult(
                        amount: amount,
                        result: context.evaluate(amount.expression),
                        inputs: index.amountInputs[outcomeIndex][offset]
                    )
                )
            }
        }
        return OutcomeResult(
            outcome: outcome,
            verdict: verdict,
            requirements: requirements,
            amounts: amounts,
            missingQuestions: verdict == .undetermined ? index.inPackOrder(missing) : []
        )
    }
}

/// The pack's items by id and the questions each computed name reads, worked out once.
struct PackIndex: Sendable {
    let questions: [String: Question]
    let values: [String: DerivedValue]
    let scores: [String: Score]
    /// The calculations, in pack order.
    let calculations: [Calculation]
    /// Each calculation output name with the calculation and output it is.
    let calculationOutputs: [String: CalculationOutputReference]
    /// The position of each question in the pack, for listing questions in interview order.
    let questionOrder: [String: Int]
    /// For each value and score: the questions it reads, directly or through others.
    let questionInputs: [String: Set<String>]
    /// The questions each item's expression reads, in pack order, worked out once: by position
    /// of the value, score and recommendation, and by outcome and position of its requirements
    /// and amounts.
    private(set) var valueInputs: [[String]] = []
    private(set) var scoreInputs: [[String]] = []
    private(set) var recommendationInputs: [[String]] = []
    private(set) var requirementInputs: [[[String]]] = []
    private(set) var amountInputs: [[[String]]] = []

    init(_ pack: RulePack) {
        questions = Dictionary(pack.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        values = Dictionary(pack.values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        scores = Dictionary(pack.scores.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        calculations = pack.calculations
        calculationOutputs = CalculationOutputReference.all(in: pack)
        questionOrder = Dictionary(
            pack.questions.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var direct: [String: Set<String>] = [:]
        for value in pack.values { direct[value.id] = value.expression.referencedNames }
        for score in pack.scores { direct[score.id] = score.expression.referencedNames }
        for (name, reads) in CalculationOutputReference.reads(in: pack) { direct[name] = reads }
        // The loader rejects cycles; `visiting` keeps this finite for any pack all the same.
        var resolved: [String: Set<String>] = [:]
        var visiting: Set<String> = []
        let questionIDs = Set(questionOrder.keys)
        func inputs(of name: String) -> Set<String> {
            if questionIDs.contains(name) { return [name] }
            if let known = resolved[name] { return known }
            guard let names = direct[name], visiting.insert(name).inserted else { return [] }
            var result: Set<String> = []
            for referenced in names { result.formUnion(inputs(of: referenced)) }
            visiting.remove(name)
            resolved[name] = result
            return result
        }
        for name in direct.keys { _ = inputs(of: name) }
        questionInputs = resolved
        valueInputs = pack.values.map { self.inputs(of: $0.expression) }
        scoreInputs = pack.scores.map { self.inputs(of: $0.expression) }
        recommendationInputs = pack.recommendations.map { self.inputs(of: $0.condition) }
        requirementInputs = pack.outcomes.map { $0.requirements.map { self.inputs(of: $0.condition) } }
        amountInputs = pack.outcomes.map { $0.amounts.map { self.inputs(of: $0.expression) } }
    }

    /// The questions an expression reads, directly or through values and scores, in pack order.
    func inputs(of expression: PackExpression) -> [String] {
        var result: Set<String> = []
        for name in expression.referencedNames {
            if questions[name] != nil {
                result.insert(name)
            } else if let inputs = questionInputs[name] {
                result.formUnion(inputs)
            }
        }
        return inPackOrder(result)
    }

    /// Question ids sorted as the questions stand in the pack; other names are dropped.
    func inPackOrder(_ ids: Set<String>) -> [String] {
        Self.sort(ids, by: questionOrder)
    }

    /// Ids sorted by their position; ids without a position are dropped.
    static func sort(_ ids: Set<String>, by positions: [String: Int]) -> [String] {
        ids.compactMap { id in positions[id].map { ($0, id) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
