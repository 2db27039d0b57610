public import KoersCore
public import KoersExpression
import Synchronization

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
///
/// A front end that keeps one person's answers in memory uses an ``InterviewRun`` instead:
/// after each answer only what depends on it is evaluated again.
public struct Interview: Sendable {
    /// The evaluator of the pack.
    public let evaluator: PackEvaluator
    /// Where the question types come from.
    public let registry: PluginRegistry
    /// For every score: the optional questions it reads. A score that reads an optional
    /// question (say through `answered(x)`, so it never makes the score unknown) can still be
    /// changed by it, so the interview offers it once; skipping it answers it.
    let scoreOptionalInputs: [InputSet]
    /// Every question's type by position, looked up once instead of by name for each answer.
    let questionTypes: [(any QuestionType)?]

    /// Creates an interview over a pack.
    ///
    /// - Parameters:
    ///   - pack: A pack that loaded without errors.
    ///   - registry: The registry the pack was loaded with.
    public init(pack: RulePack, registry: PluginRegistry) {
        let evaluator = PackEvaluator(pack: pack, functions: registry.functions)
        self.evaluator = evaluator
        self.registry = registry
        let compiled = evaluator.compiled
        scoreOptionalInputs = compiled.scoreInputs.map { ids in
            InputSet(ids.compactMap { id in compiled.questionPositions[id].flatMap { pack.questions[$0].isOptional ? $0 : nil } })
        }
        questionTypes = pack.questions.map { registry.questionType($0.typeID) }
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
    /// - Returns: The next question (or `nil` when nothing more can change the result), the
    ///   progress, and the evaluation, which is built when it is first read.
    public func state(
        of answers: AnswerSet,
        on date: CalendarDate,
        overrides: [String: ScoreOverride] = [:]
    ) -> InterviewState {
        let run = evaluator.run(answers, on: date, overrides: overrides)
        let summary = progress(of: run)
        return InterviewState(
            snapshot: EvaluationSnapshot(evaluator: evaluator, run: run, decisions: summary.decisions), summary: summary
        )
    }

    /// Works out what to ask next from a run: the next question, the open questions in pack
    /// order, and the progress.
    func progress(of run: EvaluationRun) -> InterviewSummary {
        // The pack is read through the compiled pack, never copied: a copy of a `RulePack`
        // retains every one of its fields.
        let compiled = evaluator.compiled
        let questionCount = compiled.questionCount
        var wanted = InputSet()
        var decisions: [OutcomeDecision] = []
        decisions.reserveCapacity(compiled.outcomePeriods.count)
        for index in 0..<compiled.outcomePeriods.count {
            let decision = evaluator.outcomeDecision(at: index, in: run)
            decisions.append(decision)
            // A decided outcome needs nothing more for its verdict; an amount is shown for an
            // eligible or undetermined outcome only (the decision leaves the others empty).
            if decision.verdict == .undetermined { wanted.formUnion(decision.missing) }
            for amount in decision.amounts { wanted.formUnion(amount.result.missing) }
        }
        for index in 0..<compiled.scores.count where run.overrides[index] == nil {
            wanted.formUnion(run.computedScore(index).missing)
            wanted.formUnion(scoreOptionalInputs[index])
        }

        // Questions whose relevance is undecided need the questions their condition reads.
        var pending = Array(wanted)
        while let question = pending.popLast() {
            guard question < questionCount, run.relevance(of: question) == .undecided else { continue }
            for slot in run.relevanceResult(of: question).missing where !wanted.contains(slot) {
                wanted.insert(slot)
                pending.append(slot)
            }
        }

        var open: [Int] = []
        for question in wanted where question < questionCount {
            if run.answers[question] == nil && run.relevance(of: question) != .irrelevant { open.append(question) }
        }
        var next: Question?
        if let first = open.first(where: { run.relevance(of: $0) == .relevant }) { next = compiled.pack.questions[first] }
        var answered = 0
        var ignored: Set<String> = []
        for question in 0..<questionCount where run.answers[question] != nil {
            if run.relevance(of: question) != .irrelevant {
                answered += 1
            } else {
                ignored.insert(compiled.questionIDs[question])
            }
        }
        var openIDs: [String] = []
        openIDs.reserveCapacity(open.count)
        for question in open { openIDs.append(compiled.questionIDs[question]) }
        return InterviewSummary(
            next: next,
            open: openIDs,
            progress: InterviewProgress(answered: answered, stillNeeded: open.count),
            decisions: decisions,
            ignored: ignored
        )
    }

    /// Checks an answer against the question's type, bounds and validations, given the other
    /// answers, without changing anything.
    ///
    /// - Parameters:
    ///   - input: What the person typed or picked, an exact value from JSON, or a value saved
    ///     earlier.
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
        accept(input, for: question).flatMap { validated($0, for: question, given: answers, on: date) }
    }

    /// A value that passed its question's type, checked against the question's validations
    /// with the other answers: the one place where validations judge a single answer.
    func validated(
        _ value: Value,
        for question: Question,
        given answers: AnswerSet,
        on date: CalendarDate
    ) -> Result<Value, AnswerProblem> {
        guard !question.validations.isEmpty, let position = evaluator.compiled.questionPositions[question.id] else {
            return .success(value)
        }
        var withAnswer = answers
        withAnswer[question.id] = .given(value)
        let run = evaluator.run(withAnswer, on: date, overrides: [:])
        if let problem = failedValidation(of: position, in: run) { return .failure(problem) }
        return .success(value)
    }

    /// Checks a value that was stored earlier (in a session or an answers file) against the
    /// question as the pack defines it now: its type, its options and its bounds.
    ///
    /// - Parameters:
    ///   - value: The stored value.
    ///   - question: The question.
    /// - Returns: The problem, or `nil` when the value still fits.
    public func recheck(_ value: Value, for question: Question) -> AnswerProblem? {
        if case .failure(let problem) = accept(.value(value), for: question) { return problem }
        return nil
    }

    /// The input read by the question's type: parsed when typed, checked when exact.
    func accept(_ input: AnswerInput, for question: Question, at position: Int? = nil) -> Result<Value, AnswerProblem> {
        let known = position.flatMap { $0 < questionTypes.count ? questionTypes[$0] : nil }
        guard let type = known ?? registry.questionType(question.typeID) else {
            return .failure(
                AnswerProblem(
                    nl: "Deze vraag heeft een onbekend type '\(question.typeID)'.",
                    en: "This question has an unknown type '\(question.typeID)'."
                )
            )
        }
        if case .value(let value) = input { return type.accept(value, for: question) }
        return type.parse(input, for: question)
    }

    /// The first validation of a question that fails in a run holding its answer, if any.
    func failedValidation(of position: Int, in run: EvaluationRun) -> AnswerProblem? {
        let validations = pack.questions[position].validations
        for index in validations.indices {
            let compiled = evaluator.compiled.validations[position][index]
            if case .known(.boolean(false)) = run.evaluate(compiled, validations[index].rule) {
                return AnswerProblem(validations[index].message)
            }
        }
        return nil
    }
}

/// An interview that follows one person's answers in memory: after each change only the
/// results that depend on the changed answer are worked out again, so picking the next
/// question costs microseconds even on the largest pack.
///
/// ```swift
/// let run = InterviewRun(interview: interview, answers: saved, on: date)
/// while let question = run.state().nextQuestion {
///     run.setAnswer(.given(try read(question)), for: question.id)
/// }
/// ```
///
/// A run belongs to one task at a time; the states it hands out are independent values.
public final class InterviewRun {
    /// The interview.
    public let interview: Interview
    private let run: EvaluationRun

    /// Starts following a set of answers.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - answers: The answers so far.
    ///   - date: The evaluation date.
    ///   - overrides: Coaches' overrides of scores, by score id.
    public init(
        interview: Interview,
        answers: AnswerSet = AnswerSet(),
        on date: CalendarDate,
        overrides: [String: ScoreOverride] = [:]
    ) {
        self.interview = interview
        self.run = interview.evaluator.run(answers, on: date, overrides: overrides)
    }

    /// The answers, by question id.
    public var answers: AnswerSet {
        var answers = AnswerSet()
        for (position, state) in run.answers.enumerated() {
            if let state { answers[interview.pack.questions[position].id] = state }
        }
        return answers
    }

    /// Sets, changes or clears (`nil`) the answer to a question; what depends on it is
    /// worked out again when next asked for. An id that is not a question is ignored.
    ///
    /// - Parameters:
    ///   - state: The answer, or `nil` to clear it.
    ///   - questionID: The question.
    public func setAnswer(_ state: AnswerState?, for questionID: String) {
        guard let position = interview.evaluator.compiled.questionPositions[questionID] else { return }
        run.setAnswer(state, at: position)
    }

    /// Replaces the coaches' overrides of scores.
    ///
    /// - Parameter overrides: The overrides, by score id.
    public func setOverrides(_ overrides: [String: ScoreOverride]) {
        run.setOverrides(interview.evaluator.slotOverrides(overrides))
    }

    /// Changes the evaluation date.
    ///
    /// - Parameter date: The new date.
    public func setDate(_ date: CalendarDate) {
        run.setDate(date)
    }

    /// Where the interview stands now: the next question, the progress and the evaluation.
    public func state() -> InterviewState {
        let summary = interview.progress(of: run)
        return InterviewState(
            snapshot: EvaluationSnapshot(evaluator: interview.evaluator, run: run.copy(), decisions: summary.decisions),
            summary: summary
        )
    }
}

/// What the next-question step works out, before any explanation is built.
struct InterviewSummary {
    var next: Question?
    var open: [String]
    var progress: InterviewProgress
    /// Every outcome's decision, kept so that building the evaluation does not decide again.
    var decisions: [OutcomeDecision]
    var ignored: Set<String>
}

/// Where an interview stands after the answers so far.
public struct InterviewState: Sendable {
    let snapshot: EvaluationSnapshot
    /// The question to ask next, or `nil` when no unanswered question can change the result.
    public var nextQuestion: Question?
    /// The unanswered questions that could still change the result, in pack order; some may
    /// wait for an undecided `relevant_if`.
    public var openQuestionIDs: [String]
    /// How far along the interview is.
    public var progress: InterviewProgress
    /// The verdict of each outcome, in pack order (the same as in ``evaluation``, without
    /// building it).
    public var verdicts: [Verdict]
    /// The answered questions whose answer is kept but ignored because they no longer apply.
    public var ignoredQuestionIDs: Set<String>

    init(snapshot: EvaluationSnapshot, summary: InterviewSummary) {
        self.snapshot = snapshot
        self.nextQuestion = summary.next
        self.openQuestionIDs = summary.open
        self.progress = summary.progress
        self.verdicts = summary.decisions.map(\.verdict)
        self.ignoredQuestionIDs = summary.ignored
    }

    /// The evaluation of the answers so far, with every explanation; built when first read.
    public var evaluation: Evaluation { snapshot.evaluation }

    /// Whether nothing more needs to be asked.
    public var isComplete: Bool { nextQuestion == nil }
}

/// A run kept for building its evaluation once, when (and if) a front end reads it.
final class EvaluationSnapshot: Sendable {
    private enum Content {
        /// The run, which fills its memo while the evaluation is built, and the outcomes'
        /// decisions already made on it.
        case pending(EvaluationRun, [OutcomeDecision])
        case built(Evaluation)
    }

    private let evaluator: PackEvaluator
    private let content: Mutex<Content>

    init(evaluator: PackEvaluator, run: sending EvaluationRun, decisions: [OutcomeDecision]) {
        self.evaluator = evaluator
        self.content = Mutex(.pending(run, decisions))
    }

    var evaluation: Evaluation {
        content.withLock { content in
            switch content {
            case .built(let evaluation):
                return evaluation
            case .pending(let run, let decisions):
                let evaluation = evaluator.evaluation(of: run, decisions: decisions)
                content = .built(evaluation)
                return evaluation
            }
        }
    }
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
