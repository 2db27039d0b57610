public import KoersCore
public import KoersExpression

/// Conducts an interview over a pack: which question comes next, how far along it is, and
/// whether an answer is accepted.
///
/// The interview itself holds no answers; give it the answers so far and it works out the
/// rest, so going back and changing an answer is just another call:
///
/// ```swift
/// let interview = Interview(pack: pack, registry: registry)
/// var answers = AnswerSet()
/// while let question = interview.state(of: answers, on: date).nextQuestion {
///     switch interview.check(.text(readLine() ?? ""), for: question, given: answers, on: date) {
///     case .success(let value): answers[question.id] = .given(value)
///     case .failure(let problem): print(problem.message.text(in: "en"))
///     }
/// }
/// ```
public struct Interview: Sendable {
    /// The evaluator of the pack.
    public let evaluator: PackEvaluator
    /// Where the question types come from.
    public let registry: PluginRegistry

    /// Creates an interview over a pack.
    ///
    /// - Parameters:
    ///   - pack: A pack that loaded without errors.
    ///   - registry: The registry the pack was loaded with.
    public init(pack: RulePack, registry: PluginRegistry) {
        self.evaluator = PackEvaluator(pack: pack, functions: registry.functions)
        self.registry = registry
    }

    /// The pack.
    public var pack: RulePack { evaluator.pack }

    /// Evaluates the answers and works out what to ask next.
    ///
    /// The next question is the first question, in pack order, that applies, has no answer,
    /// and can still change an outcome's verdict or amount, or a score. Recommendations do not
    /// add questions of their own: they fire on what the outcomes and scores asked for.
    /// Questions that only a decided outcome needs (after a knock-out) are not asked. When a
    /// needed question's `relevant_if` is undecided, the questions that condition reads are
    /// needed too.
    ///
    /// - Parameters:
    ///   - answers: The answers so far.
    ///   - date: The evaluation date.
    ///   - overrides: Coaches' overrides of scores, by score id.
    /// - Returns: The evaluation, the next question (or `nil` when nothing more can change the
    ///   result), and the progress.
    public func state(
        of answers: AnswerSet,
        on date: CalendarDate,
        overrides: [String: ScoreOverride] = [:]
    ) -> InterviewState {
        let evaluation = evaluator.evaluate(answers, on: date, overrides: overrides)
        var wanted: Set<String> = []
        for outcome in evaluation.outcomes {
            // A decided outcome needs nothing more for its verdict; an amount is shown for an
            // eligible or undetermined outcome only (the evaluation leaves the others empty).
            if outcome.verdict == .undetermined { wanted.formUnion(outcome.missingQuestions) }
            for amount in outcome.amounts { wanted.formUnion(amount.result.missingNames) }
        }
        for score in evaluation.scores where score.override == nil {
            wanted.formUnion(score.computed.missingNames)
            // An optional question a score reads (say through `answered(x)`, so it never makes
            // the score unknown) can still change it: offer it once; skipping it answers it.
            for id in score.inputs where evaluation.question(id)?.question.isOptional == true {
                wanted.insert(id)
            }
        }
        let context = EvaluationContext(
            index: evaluator.index, evaluator: evaluator.evaluator, answers: answers, date: date, overrides: overrides
        )

        // Questions whose relevance is undecided need the questions their condition reads.
        var pending = Array(wanted)
        while let id = pending.popLast() {
            guard let result = evaluation.question(id), result.relevance == .undecided, let condition = result.question.relevance
            else { continue }
            for name in context.evaluate(condition).missingNames where wanted.insert(name).inserted {
                pending.append(name)
            }
        }

        let open = evaluator.index.inPackOrder(wanted).filter { id in
            answers[id] == nil && evaluation.question(id)?.relevance != .irrelevant
        }
        let next = open.first { evaluation.question($0)?.relevance == .relevant }.flatMap {
            evaluation.question($0)?.question
        }
        let answered = evaluation.questions.filter { $0.answer != nil && $0.relevance != .irrelevant }.count
        return InterviewState(
            evaluation: evaluation,
            nextQuestion: next,
            openQuestionIDs: open,
            progress: InterviewProgress(answered: answered, stillNeeded: open.count)
        )
    }

    /// Checks an answer against the question's type, bounds and validations, given the other
    /// answers, without changing anything.
    ///
    /// - Parameters:
    ///   - input: What the person typed or picked.
    ///   - question: The question it answers.
    ///   - answers: The other answers, which validations may read.
    ///   - date: The evaluation date.
    /// - Returns: The value to store, or the problem to show (in the pack's languages).
    public func check(
        _ input: AnswerInput,
        for question: Question,
        given answers: AnswerSet,
        on date: CalendarDate
    ) -> Result<Value, AnswerProblem> {
        guard let type = registry.questionType(question.typeID) else {
            return .failure(
                AnswerProblem(
                    nl: "Deze vraag heeft een onbekend type '\(question.typeID)'.",
                    en: "This question has an unknown type '\(question.typeID)'."
                )
            )
        }
        let value: Value
        switch type.parse(input, for: question) {
        case .success(let parsed): value = parsed
        case .failure(let problem): return .failure(problem)
        }
        var withAnswer = answers
        withAnswer[question.id] = .given(value)
        let context = EvaluationContext(
            index: evaluator.index, evaluator: evaluator.evaluator, answers: withAnswer, date: date, overrides: [:]
        )
        for validation in question.validations {
            if case .known(.boolean(false)) = context.evaluate(validation.rule) {
                return .failure(AnswerProblem(validation.message))
            }
        }
        return .success(value)
    }

    /// Checks a value that was stored earlier (in a session or an answers file) against the
    /// question as the pack defines it now.
    ///
    /// - Parameters:
    ///   - value: The stored value.
    ///   - question: The question.
    /// - Returns: The problem, or `nil` when the value still fits.
    public func recheck(_ value: Value, for question: Question) -> AnswerProblem? {
        guard value.type == question.valueType else {
            return AnswerProblem(
                nl: "Het opgeslagen antwoord past niet meer bij het type van deze vraag.",
                en: "The saved answer no longer fits the type of this question."
            )
        }
        let optionIDs = Set(question.options.map(\.id))
        guard !optionIDs.isEmpty else { return nil }
        let chosen: [Value] = if case .list(let elements, _) = value { elements } else { [value] }
        for case .text(let id) in chosen where !optionIDs.contains(id) {
            return AnswerProblem(
                nl: "De keuze '\(id)' bestaat niet meer bij deze vraag.",
                en: "The choice '\(id)' no longer exists for this question."
            )
        }
        return nil
    }
}

/// Where an interview stands after the answers so far.
public struct InterviewState: Sendable {
    /// The evaluation of the answers so far.
    public var evaluation: Evaluation
    /// The question to ask next, or `nil` when no unanswered question can change the result.
    public var nextQuestion: Question?
    /// The unanswered questions that could still change the result, in pack order; some may
    /// wait for an undecided `relevant_if`.
    public var openQuestionIDs: [String]
    /// How far along the interview is.
    public var progress: InterviewProgress

    /// Whether nothing more needs to be asked.
    public var isComplete: Bool { nextQuestion == nil }
}

/// How far along an interview is: answered questions against those that may still be needed.
///
/// The number still needed can shrink as answers decide outcomes early, so the fraction done
/// can jump forward; it never counts questions that cannot matter any more.
public struct InterviewProgress: Sendable, Hashable {
    /// Questions that apply and have an answer (including "I don't know" and skipped).
    public var answered: Int
    /// Unanswered questions that may still be needed.
    public var stillNeeded: Int

    /// Creates a progress value.
    public init(answered: Int, stillNeeded: Int) {
        self.answered = answered
        self.stillNeeded = stillNeeded
    }

    /// `answered + stillNeeded`: the most questions this interview can take from here.
    public var total: Int { answered + stillNeeded }

    /// The fraction done, from 0 to 1 (1 when nothing is needed).
    public var fraction: Double { total == 0 ? 1 : Double(answered) / Double(total) }
}
