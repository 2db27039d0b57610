import KoersCore
import KoersExpression
import KoersSource

/// One evaluation of a compiled pack: the answers by question slot and every result worked out
/// so far by slot, filled on demand.
///
/// A class because resolving a slot fills the memo while the expression evaluator only reads;
/// a run belongs to one task at a time. Changing an answer keeps every result that does not
/// depend on it (``setAnswer(_:at:)``), which is what makes the interview incremental.
///
/// The stored properties that change skip the runtime's exclusivity checks
/// (`@exclusivity(unchecked)`): a run is not `Sendable`, and no method passes one of them on
/// `inout` while another access to it is open, so the checks (a thread-local access set per
/// read or write, several per answer set in a batch) could never fire.
final class EvaluationRun: EvaluationEnvironment {
    let compiled: CompiledPack
    let evaluator: Evaluator
    @exclusivity(unchecked) private(set) var date: CalendarDate
    /// What is in force on ``date``: ``CompiledPack/inForce(on:)``.
    @exclusivity(unchecked) private(set) var inForce: [Bool]
    /// Answers by question slot.
    @exclusivity(unchecked) private(set) var answers: [AnswerState?]
    /// Overrides by score position.
    @exclusivity(unchecked) private(set) var overrides: [ScoreOverride?]
    /// Results by slot; `nil` until worked out.
    @exclusivity(unchecked) private var memo: [EvaluationResult?]
    /// Relevance results by question slot.
    @exclusivity(unchecked) private var relevanceMemo: [EvaluationResult?]
    /// Slots (and, from `slotCount` on, relevance conditions) being worked out, to stay finite
    /// on a pack the loader would reject.
    @exclusivity(unchecked) private var busy: [Bool]
    /// Calculations worked out so far, by position in the pack.
    @exclusivity(unchecked) var calculationMemo: [CalculationResult?]
    private var calculationsBusy: [Bool]
    /// Expressions that failed while evaluating, once each.
    @exclusivity(unchecked) private(set) var problems: [Diagnostic] = []
    /// Whether any result may be remembered; false from creation or ``forgetAll()`` until the
    /// first result is worked out, so answering a fresh run forgets nothing in a loop.
    @exclusivity(unchecked) private var hasResults = false

    /// Whether the memo holds the date-only values of the date (see
    /// ``CompiledPack/dateOnlySlots``), which no answer changes.
    @exclusivity(unchecked) private var isSeeded = false

    /// A run; with `seeded`, it starts with the results of the values that read only the date.
    init(
        compiled: CompiledPack,
        evaluator: Evaluator,
        answers: [AnswerState?],
        date: CalendarDate,
        overrides: [ScoreOverride?],
        seeded: Bool = true
    ) {
        self.compiled = compiled
        self.evaluator = evaluator
        self.answers = answers
        self.date = date
        let seed = seeded ? compiled.dateSeed(on: date, evaluator: evaluator) : nil
        inForce = seed?.inForce ?? compiled.inForce(on: date)
        self.overrides = overrides
        memo = Array(repeating: nil, count: compiled.slotCount)
        relevanceMemo = Array(repeating: nil, count: compiled.questionCount)
        busy = Array(repeating: false, count: compiled.slotCount + compiled.questionCount)
        calculationMemo = Array(repeating: nil, count: compiled.pack.calculations.count)
        calculationsBusy = Array(repeating: false, count: compiled.pack.calculations.count)
        if let seed { start(from: seed) }
    }

    /// Takes what is in force on the run's date, and the date-only results into the memo when
    /// the pack has them.
    private func seed() {
        start(from: compiled.dateSeed(on: date, evaluator: evaluator))
    }

    private func start(from seed: CompiledPack.DateSeed) {
        inForce = seed.inForce
        guard let results = seed.results else { return }
        for (slot, result) in results { memo[slot] = result }
        isSeeded = true
    }

    /// A run that shares another's arrays until either writes them (see ``copy()``).
    private init(
        compiled: CompiledPack,
        evaluator: Evaluator,
        answers: [AnswerState?],
        date: CalendarDate,
        inForce: [Bool],
        overrides: [ScoreOverride?],
        memo: [EvaluationResult?],
        relevanceMemo: [EvaluationResult?],
        busy: [Bool],
        calculationMemo: [CalculationResult?],
        calculationsBusy: [Bool],
        problems: [Diagnostic],
        hasResults: Bool,
        isSeeded: Bool
    ) {
        self.compiled = compiled
        self.evaluator = evaluator
        self.answers = answers
        self.date = date
        self.inForce = inForce
        self.overrides = overrides
        self.memo = memo
        self.relevanceMemo = relevanceMemo
        self.busy = busy
        self.calculationMemo = calculationMemo
        self.calculationsBusy = calculationsBusy
        self.problems = problems
        self.hasResults = hasResults
        self.isSeeded = isSeeded
    }

    /// A copy that can go on without changing this one (the arrays are shared until written;
    /// nothing is being worked out between calls, so the busy flags are all false).
    func copy() -> sending EvaluationRun {
        EvaluationRun(
            compiled: compiled,
            evaluator: evaluator,
            answers: answers,
            date: date,
            inForce: inForce,
            overrides: overrides,
            memo: memo,
            relevanceMemo: relevanceMemo,
            busy: busy,
            calculationMemo: calculationMemo,
            calculationsBusy: calculationsBusy,
            problems: problems,
            hasResults: hasResults,
            isSeeded: isSeeded
        )
    }

    // MARK: Changes

    /// Sets or clears one answer and forgets exactly the results that depend on it.
    func setAnswer(_ state: AnswerState?, at question: Int) {
        guard answers[question] != state else { return }
        answers[question] = state
        guard problems.isEmpty else {
            // A problem was recorded by some item; work everything out again so that the list
            // stays exact.
            forgetAll()
            return
        }
        // Nothing worked out yet (a run being filled with answers): nothing to forget.
        guard hasResults else { return }
        compiled.dependents.forget(
            question,
            memo: &memo,
            relevanceMemo: &relevanceMemo,
            calculationMemo: &calculationMemo
        )
    }

    /// Changes the evaluation date and forgets the results that read it.
    func setDate(_ date: CalendarDate) {
        guard date != self.date else { return }
        self.date = date
        forgetAll()
        seed()
    }

    /// Replaces the overrides of scores.
    func setOverrides(_ overrides: [ScoreOverride?]) {
        guard overrides != self.overrides else { return }
        self.overrides = overrides
        forgetAll()
        seed()
    }

    private func forgetAll() {
        guard hasResults || isSeeded || !problems.isEmpty else { return }
        for index in memo.indices { memo[index] = nil }
        for index in relevanceMemo.indices { relevanceMemo[index] = nil }
        for index in calculationMemo.indices { calculationMemo[index] = nil }
        problems = []
        hasResults = false
        isSeeded = false
    }

    // MARK: Resolving

    func resolve(_ slot: Int) -> EvaluationResult {
        // A question without `relevant_if` (question slots come first) is its answer: read it
        // directly, without the memo, as `answerValue` would.
        if slot < compiled.questionCount, compiled.alwaysApplies[slot] {
            if case .given(let value) = answers[slot] { return .known(value) }
            var missing = InputSet()
            missing.insert(slot)
            return .unknown(missing)
        }
        if let cached = memo[slot] { return cached }
        guard !busy[slot] else { return .unknown([]) }
        busy[slot] = true
        defer { busy[slot] = false }
        let result: EvaluationResult
        switch compiled.sources[slot] {
        case .question(let index):
            result = answerValue(index)
        case .value(let index):
            result = evaluate(compiled.values[index], compiled.pack.values[index].expression)
        case .score(let index):
            if let override = overrides[index] {
                result = .known(.number(override.value))
            } else {
                result = evaluate(compiled.scores[index], compiled.pack.scores[index].expression)
            }
        case .calculationOutput(let calculation, let output):
            result = calculationResult(at: calculation).outputs[output].result
        case .evaluationDate:
            result = .known(.date(date))
        }
        memo[slot] = result
        hasResults = true
        return result
    }

    /// A score's value from its expression, ignoring any override.
    ///
    /// Without an override this is the score's slot, worked out once per run like any other
    /// (the next-question step and the explanations both read it).
    func computedScore(_ index: Int) -> EvaluationResult {
        if overrides[index] == nil { return resolve(compiled.scoreBase + index) }
        return evaluate(compiled.scores[index], compiled.pack.scores[index].expression)
    }

    /// Whether a question applies; see ``Relevance``.
    func relevance(of question: Int) -> Relevance {
        switch relevanceResult(of: question) {
        case .known(.boolean(false)): .irrelevant
        case .known: .relevant
        case .unknown: .undecided
        }
    }

    /// The result of a question's `relevant_if` (true when it has none).
    func relevanceResult(of question: Int) -> EvaluationResult {
        // The memo first: it holds only results of conditions, and reading it costs no
        // reference count on the compiled condition.
        if let cached = relevanceMemo[question] { return cached }
        guard let condition = compiled.relevance[question] else { return .known(.boolean(true)) }
        let key = compiled.slotCount + question
        guard !busy[key] else { return .unknown([]) }
        busy[key] = true
        defer { busy[key] = false }
        let result = evaluate(condition, compiled.pack.questions[question].relevance)
        relevanceMemo[question] = result
        hasResults = true
        return result
    }

    /// A question's value: its answer when it applies; unknown when it is unanswered, answered
    /// "I don't know" or skipped (naming the question), or when it does not apply (naming
    /// nothing: there is nothing to ask).
    private func answerValue(_ question: Int) -> EvaluationResult {
        switch relevanceResult(of: question) {
        case .known(.boolean(false)):
            return .unknown(InputSet())
        case .unknown(var missing):
            missing.insert(question)
            return .unknown(missing)
        case .known:
            if case .given(let value) = answers[question] { return .known(value) }
            // Not the array literal: that allocates an array for every unanswered question.
            var missing = InputSet()
            missing.insert(question)
            return .unknown(missing)
        }
    }

    // MARK: Expressions

    /// Evaluates a compiled expression; a failure is recorded as a problem at its place in the
    /// pack and counts as unknown.
    func evaluate(_ expression: CompiledExpression, _ source: @autoclosure () -> PackExpression?) -> EvaluationResult {
        do {
            return try evaluator.evaluate(expression, in: self)
        } catch {
            let location = source()?.location(atOffset: error.range.lowerBound)
                ?? SourceLocation(file: compiled.pack.directory, line: 1, column: 1)
            record(.error(error.message, at: location, code: "evaluation"))
            return .unknown([])
        }
    }

    /// Records a problem met while evaluating, once.
    func record(_ diagnostic: Diagnostic) {
        if !problems.contains(diagnostic) { problems.append(diagnostic) }
    }

    // MARK: Calculations

    /// A calculation worked out on these answers, remembered until an answer it reads changes.
    ///
    /// Each bound input is evaluated; an unbound one takes its default. The calculator gets the
    /// known inputs; an output stays unknown, waiting for the same questions, while an input it
    /// needs is unknown. A calculator's problem (zero years, a division by zero) is recorded at
    /// the binding of the input it is about, and leaves the outputs it concerns unknown.
    func calculationResult(at position: Int) -> CalculationResult {
        if let cached = calculationMemo[position] { return cached }
        let calculation = compiled.pack.calculations[position]
        // Only possible in a pack the loader would reject: a calculation that reads its own output.
        guard !calculationsBusy[position] else {
            return CalculationResult(
                calculation: calculation,
                inputs: [],
                outputs: calculation.calculator.outputs.map {
                    CalculationOutputResult(
                        output: $0, name: calculation.name(ofOutput: $0.id), result: .unknown([]), reason: nil
                    )
                }
            )
        }
        calculationsBusy[position] = true
        defer { calculationsBusy[position] = false }

        let calculatorInputs = calculation.calculator.inputs
        var known: [String: Value] = [:]
        var inputResults: [EvaluationResult] = []
        var inputs: [CalculationInputResult] = []
        inputResults.reserveCapacity(calculatorInputs.count)
        inputs.reserveCapacity(calculatorInputs.count)
        for (index, input) in calculatorInputs.enumerated() {
            let binding = compiled.calculationBindings[position][index]
            let result: EvaluationResult =
                if let binding { evaluate(binding, calculation.binding(input.id)?.expression) }
                else if let value = input.defaultValue { .known(value) }
                else { .unknown([]) }
            if case .known(let value) = result { known[input.id] = value }
            inputResults.append(result)
            inputs.append(CalculationInputResult(input: input, isBound: binding != nil, result: result))
        }

        let computed = calculation.calculator.calculate(known)
        for problem in computed.problems {
            let location = problem.input.flatMap { calculation.binding($0)?.expression.location } ?? calculation.location
            let subject = problem.input.map { "input '\($0)' of calculation '\(calculation.id)'" }
                ?? "calculation '\(calculation.id)'"
            record(.error("\(subject): \(problem.message.text(in: "en"))", at: location, code: "calculation"))
        }

        var outputs: [CalculationOutputResult] = []
        for (outputIndex, output) in calculation.calculator.outputs.enumerated() {
            var missing = InputSet()
            var waiting = false
            for input in compiled.calculationOutputInputs[position][outputIndex] {
                if case .unknown(let slots) = inputResults[input] {
                    waiting = true
                    missing.formUnion(slots)
                }
            }
            var reason: LocalizedText?
            let result: EvaluationResult
            if waiting {
                result = .unknown(missing)
            } else {
                switch computed.outputs[output.id] {
                case .value(let value): result = .known(value)
                case .notApplicable(let why):
                    reason = why
                    result = .unknown([])
                case nil: result = .unknown([])
                }
            }
            outputs.append(
                CalculationOutputResult(
                    output: output, name: calculation.name(ofOutput: output.id), result: result, reason: reason
                )
            )
        }
        let result = CalculationResult(calculation: calculation, inputs: inputs, outputs: outputs)
        calculationMemo[position] = result
        hasResults = true
        return result
    }
}
