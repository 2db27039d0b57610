import KoersCore
import KoersExpression
import Synchronization

/// A pack compiled for evaluation: every name a slot, every expression bound to slots, each
/// item's inputs a bit set of question slots, all worked out once when the evaluator is made.
///
/// Slots are laid out as questions (slot = position in the pack, so a set of missing questions
/// iterates in interview order), then derived values, scores, calculation outputs, and last
/// `evaluation_date`. An evaluation is then a flat array of results by slot; names appear only
/// where a front end asks for them.
///
/// A class, immutable once made: every run and copy of the evaluator shares it instead of
/// copying (and reference counting) its two dozen arrays.
final class CompiledPack: Sendable {
    /// Where a slot's value comes from.
    enum Source: Sendable {
        case question(Int)
        case value(Int)
        case score(Int)
        case calculationOutput(calculation: Int, output: Int)
        case evaluationDate
    }

    let pack: RulePack
    /// The slot of every name expressions may read.
    let slots: [String: Int]
    /// What each slot is.
    let sources: [Source]
    let questionCount: Int
    let valueBase: Int
    let scoreBase: Int
    /// The first slot of each calculation's outputs.
    let calculationBases: [Int]
    let dateSlot: Int

    let relevance: [CompiledExpression?]
    /// By question: whether it has no `relevant_if`, so that its value is its answer.
    let alwaysApplies: [Bool]
    let validations: [[CompiledExpression]]
    let values: [CompiledExpression]
    let scores: [CompiledExpression]
    /// By outcome: its `requested_if`, if it has one.
    let requestedIf: [CompiledExpression?]
    /// Every outcome's requirement conditions, outcome after outcome; outcome `o`'s are at
    /// `requirementStarts[o]..<requirementStarts[o + 1]`.
    let requirements: [CompiledExpression]
    /// Every outcome's amount expressions, outcome after outcome; see ``amountStarts``.
    let amounts: [CompiledExpression]
    /// Where each outcome's requirements start in ``requirements`` (and the count at the end).
    let requirementStarts: [Int]
    /// Where each outcome's amounts start in ``amounts`` (and the count at the end).
    let amountStarts: [Int]
    let recommendations: [CompiledExpression]
    /// The recommendations' positions by priority, highest first, then in pack order: the
    /// order in which those that fire are listed, worked out once.
    let recommendationOrder: [Int]
    /// By calculation, by calculator input: the bound expression, or `nil` for an unbound input.
    let calculationBindings: [[CompiledExpression?]]
    /// By calculation, by output: the positions of the calculator inputs the output needs.
    let calculationOutputInputs: [[[Int]]]
    /// The periods deciding an outcome reads, by outcome, taken out of the pack once: copying
    /// an `Outcome` for every decision retained its dozen fields.
    let outcomePeriods: [OutcomePeriods]
    /// The period in which the pack itself is in force.
    let packValidity: ValidityPeriod

    /// What is in force on a date, worked out once per date (``dateSeed(on:evaluator:)``)
    /// instead of once per decision: by outcome whether it is open (the pack and the outcome in force), then every
    /// requirement in force (from `outcomeCount`, in the order of ``requirements``), then every
    /// amount in force (from `outcomeCount + requirements.count`, in the order of ``amounts``).
    ///
    /// - Parameter date: The evaluation date.
    /// - Returns: The flags.
    func inForce(on date: CalendarDate) -> [Bool] {
        let packOpen = packValidity.contains(date)
        var flags: [Bool] = []
        flags.reserveCapacity(outcomePeriods.count + requirements.count + amounts.count)
        for periods in outcomePeriods { flags.append(packOpen && periods.outcome.contains(date)) }
        for periods in outcomePeriods {
            for period in periods.requirements { flags.append(period.contains(date)) }
        }
        for periods in outcomePeriods {
            for period in periods.amounts { flags.append(period.contains(date)) }
        }
        return flags
    }

    /// When an outcome, its requirements and its amounts are in force.
    struct OutcomePeriods: Sendable {
        var outcome: ValidityPeriod
        var requirements: [ValidityPeriod]
        var amounts: [ValidityPeriod]
    }

    /// For every slot: the questions whose answers (or relevance) it depends on, directly or
    /// through other items. Changing an answer invalidates exactly the slots that hold it.
    let dependencies: [InputSet]
    /// For every question: the questions its `relevant_if` depends on.
    let relevanceDependencies: [InputSet]
    /// For every calculation: the questions its bound inputs depend on.
    let calculationDependencies: [InputSet]
    /// The slots whose value depends on the evaluation date.
    let dateDependent: [Bool]
    /// For every question: the slots, `relevant_if` conditions and calculations that depend on
    /// its answer (the inverse of the three lists above), so that changing an answer visits
    /// only what it can change.
    let dependents: DependentTable
    /// For every question: whether it has validations (read for every answer set decided).
    let hasValidations: [Bool]
    /// The questions that a validation of an earlier question reads.
    ///
    /// Directly or through values, scores, calculations or relevance. Checking answers in pack
    /// order, such a validation sees them unanswered; a run reused for another answer set
    /// clears them before checking (``AnswerSetDecider``).
    let questionsReadByEarlierValidations: InputSet

    /// What depends on each question's answer: slots, `relevant_if` conditions by question, and
    /// calculations by position, in one flat array.
    ///
    /// One array instead of three per question: a run forgets a question's dependents for every
    /// answer it changes, and reading three arrays out of a per-question struct retained and
    /// released each of them every time.
    struct DependentTable: Sendable {
        /// Question after question: its dependent slots, then its `relevant_if` conditions, then
        /// its calculations.
        private let entries: [Int32]
        /// Where each question's three lists start and end in `entries`: for question `q`,
        /// slots are `bounds[3q]..<bounds[3q + 1]`, conditions up to `bounds[3q + 2]` and
        /// calculations up to `bounds[3q + 3]`.
        private let bounds: [Int32]

        /// The table of per-question lists.
        ///
        /// - Parameter lists: By question: its dependent slots, conditions and calculations.
        init(_ lists: [(slots: [Int32], relevance: [Int32], calculations: [Int32])]) {
            var entries: [Int32] = []
            var bounds: [Int32] = [0]
            for list in lists {
                for part in [list.slots, list.relevance, list.calculations] {
                    entries.append(contentsOf: part)
                    bounds.append(Int32(entries.count))
                }
            }
            self.entries = entries
            self.bounds = bounds
        }

        /// Clears the results that depend on a question's answer.
        ///
        /// - Parameters:
        ///   - question: The question's position.
        ///   - memo: Results by slot.
        ///   - relevanceMemo: Results of `relevant_if` conditions by question.
        ///   - calculationMemo: Results of calculations by position.
        func forget<Calculation>(
            _ question: Int,
            memo: inout [EvaluationResult?],
            relevanceMemo: inout [EvaluationResult?],
            calculationMemo: inout [Calculation?]
        ) {
            entries.withUnsafeBufferPointer { entries in
                bounds.withUnsafeBufferPointer { bounds in
                    let base = 3 * question
                    Self.clear(entries, Int(bounds[base])..<Int(bounds[base + 1]), in: &memo)
                    Self.clear(entries, Int(bounds[base + 1])..<Int(bounds[base + 2]), in: &relevanceMemo)
                    Self.clear(entries, Int(bounds[base + 2])..<Int(bounds[base + 3]), in: &calculationMemo)
                }
            }
        }

        private static func clear<Element>(
            _ entries: UnsafeBufferPointer<Int32>,
            _ range: Range<Int>,
            in results: inout [Element?]
        ) {
            guard !range.isEmpty else { return }
            results.withUnsafeMutableBufferPointer { results in
                for position in range { results[Int(entries[position])] = nil }
            }
        }
    }

    /// The questions each item reads, directly or through values, scores and calculations,
    /// without relevance: what explanations list as "answers used". By value, score and
    /// recommendation position; by outcome and position for requirements and amounts.
    let valueInputs: [[String]]
    let scoreInputs: [[String]]
    let recommendationInputs: [[String]]
    let requirementInputs: [[[String]]]
    let amountInputs: [[[String]]]
    /// The position of each question by id.
    let questionPositions: [String: Int]
    /// Each question's id by position.
    let questionIDs: [String]

    /// The slots of derived values that read nothing but the evaluation date and constants
    /// (directly or through other such values): the same for every run on one date.
    let dateOnlySlots: [Int]
    /// The results of ``dateOnlySlots`` on the dates runs were made for, so that each run on
    /// one of them starts with them instead of working them out again (one such value, the
    /// weekday of the check date, divides without a finite decimal form, which costs
    /// microseconds). `nil` results: evaluating them on that date recorded a problem, so every
    /// run works them out itself and records it. A batch whose rows carry a few dates of their
    /// own switches between them all the time, so several dates are kept, at most
    /// ``dateSeedCapacity``; past that the table starts again.
    private let dateSeeds = Mutex<[CalendarDate: DateSeed]>([:])
    /// The most dates ``dateSeeds`` holds.
    static let dateSeedCapacity = 64

    /// What a run on one date (the key in ``dateSeeds``) starts from.
    struct DateSeed: Sendable {
        /// What is in force on the date: ``inForce(on:)``.
        var inForce: [Bool]
        /// The date-only results, or `nil` when there are none or one of them records a problem.
        var results: [(slot: Int, result: EvaluationResult)]?
    }

    var slotCount: Int { sources.count }

    init(pack: RulePack, functions: FunctionRegistry) {
        self.pack = pack
        var slots: [String: Int] = [:]
        var sources: [Source] = []
        func add(_ name: String, _ source: Source) {
            if slots[name] == nil { slots[name] = sources.count }
            sources.append(source)
        }
        for (index, question) in pack.questions.enumerated() { add(question.id, .question(index)) }
        questionCount = pack.questions.count
        valueBase = sources.count
        for (index, value) in pack.values.enumerated() { add(value.id, .value(index)) }
        scoreBase = sources.count
        for (index, score) in pack.scores.enumerated() { add(score.id, .score(index)) }
        var calculationBases: [Int] = []
        for (index, calculation) in pack.calculations.enumerated() {
            calculationBases.append(sources.count)
            for (outputIndex, output) in calculation.calculator.outputs.enumerated() {
                add(calculation.name(ofOutput: output.id), .calculationOutput(calculation: index, output: outputIndex))
            }
        }
        self.calculationBases = calculationBases
        dateSlot = sources.count
        add("evaluation_date", .evaluationDate)
        self.slots = slots
        self.sources = sources
        questionIDs = pack.questions.map(\.id)
        questionPositions = Dictionary(
            pack.questions.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )

        func compile(_ expression: PackExpression) -> CompiledExpression {
            expression.expression.compiled(slots: { slots[$0] }, functions: functions)
        }
        relevance = pack.questions.map { $0.relevance.map(compile) }
        alwaysApplies = pack.questions.map { $0.relevance == nil }
        validations = pack.questions.map { $0.validations.map { compile($0.rule) } }
        values = pack.values.map { compile($0.expression) }
        scores = pack.scores.map { compile($0.expression) }
        requestedIf = pack.outcomes.map { $0.requestedIf.map(compile) }
        requirements = pack.outcomes.flatMap { $0.requirements.map { compile($0.condition) } }
        amounts = pack.outcomes.flatMap { $0.amounts.map { compile($0.expression) } }
        requirementStarts = pack.outcomes.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.requirements.count) }
        amountStarts = pack.outcomes.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.amounts.count) }
        recommendations = pack.recommendations.map { compile($0.condition) }
        let priorities = pack.recommendations.map(\.priority)
        recommendationOrder = priorities.indices.sorted { (priorities[$0], $0) < (priorities[$1], $1) }
        calculationBindings = pack.calculations.map { calculation in
            calculation.calculator.inputs.map { input in calculation.binding(input.id).map { compile($0.expression) } }
        }
        outcomePeriods = pack.outcomes.map { outcome in
            OutcomePeriods(
                outcome: outcome.validity,
                requirements: outcome.requirements.map(\.validity),
                amounts: outcome.amounts.map(\.validity)
            )
        }
        packValidity = pack.manifest.validity
        calculationOutputInputs = pack.calculations.map { calculation in
            let inputs = calculation.calculator.inputs
            return calculation.calculator.outputs.map { output in
                output.inputs.compactMap { id in inputs.firstIndex { $0.id == id } }
            }
        }

        // Dependencies, worked out depth first over the slots each item reads. The loader
        // rejects cycles; `visiting` keeps this finite for any pack all the same.
        let count = sources.count
        var direct: [[Int]] = Array(repeating: [], count: count)
        func reads(_ expression: PackExpression) -> [Int] { expression.referencedNames.compactMap { slots[$0] } }
        for (index, value) in pack.values.enumerated() { direct[valueBase + index] = reads(value.expression) }
        for (index, score) in pack.scores.enumerated() { direct[scoreBase + index] = reads(score.expression) }
        for (index, calculation) in pack.calculations.enumerated() {
            let read = calculation.bindings.flatMap { reads($0.expression) }
            for output in calculation.calculator.outputs.indices { direct[calculationBases[index] + output] = read }
        }
        let relevanceReads = pack.questions.map { $0.relevance.map(reads) ?? [] }

        // Values that read only the date, constants and other such values.
        var dateOnly: [Bool?] = Array(repeating: nil, count: count)
        func isDateOnly(_ slot: Int) -> Bool {
            if let known = dateOnly[slot] { return known }
            dateOnly[slot] = false  // a cycle (rejected by the loader) is not date-only
            let result: Bool
            switch sources[slot] {
            case .evaluationDate: result = true
            case .value: result = direct[slot].allSatisfy(isDateOnly)
            case .question, .score, .calculationOutput: result = false
            }
            dateOnly[slot] = result
            return result
        }
        dateOnlySlots = (valueBase..<scoreBase).filter(isDateOnly)

        var dependencies: [InputSet?] = Array(repeating: nil, count: count)
        var inputs: [InputSet?] = Array(repeating: nil, count: count)
        var datedSlots: [Bool?] = Array(repeating: nil, count: count)
        var visiting = Set<Int>()
        func resolve(_ slot: Int) -> (dependencies: InputSet, inputs: InputSet, dated: Bool) {
            if let known = dependencies[slot], let used = inputs[slot], let dated = datedSlots[slot] {
                return (known, used, dated)
            }
            guard visiting.insert(slot).inserted else { return ([], [], false) }
            defer { visiting.remove(slot) }
            var result = (dependencies: InputSet(), inputs: InputSet(), dated: false)
            switch sources[slot] {
            case .question(let index):
                result.dependencies.insert(index)
                result.inputs.insert(index)
                for read in relevanceReads[index] {
                    let nested = resolve(read)
                    result.dependencies.formUnion(nested.dependencies)
                    result.dated = result.dated || nested.dated
                }
            case .evaluationDate:
                result.dated = true
            case .value, .score, .calculationOutput:
                for read in direct[slot] {
                    let nested = resolve(read)
                    result.dependencies.formUnion(nested.dependencies)
                    result.inputs.formUnion(nested.inputs)
                    result.dated = result.dated || nested.dated
                }
            }
            dependencies[slot] = result.dependencies
            inputs[slot] = result.inputs
            datedSlots[slot] = result.dated
            return result
        }
        for slot in 0..<count { _ = resolve(slot) }
        self.dependencies = dependencies.map { $0 ?? [] }
        dateDependent = datedSlots.map { $0 ?? false }
        relevanceDependencies = relevanceReads.map { reads in
            reads.reduce(into: InputSet()) { $0.formUnion(dependencies[$1] ?? []) }
        }
        calculationDependencies = pack.calculations.indices.map { index in
            let base = calculationBases[index]
            let outputs = pack.calculations[index].calculator.outputs.count
            return (base..<base + outputs).reduce(into: InputSet()) { $0.formUnion(dependencies[$1] ?? []) }
        }

        var dependents: [(slots: [Int32], relevance: [Int32], calculations: [Int32])] =
            Array(repeating: ([], [], []), count: questionCount)
        for (slot, questions) in self.dependencies.enumerated() {
            for question in questions where question < questionCount { dependents[question].slots.append(Int32(slot)) }
        }
        for (index, questions) in relevanceDependencies.enumerated() {
            for question in questions where question < questionCount { dependents[question].relevance.append(Int32(index)) }
        }
        for (index, questions) in calculationDependencies.enumerated() {
            for question in questions where question < questionCount {
                dependents[question].calculations.append(Int32(index))
            }
        }
        self.dependents = DependentTable(dependents)
        hasValidations = pack.questions.map { !$0.validations.isEmpty }
        var readByEarlierValidations = InputSet()
        for (position, question) in pack.questions.enumerated() {
            for validation in question.validations {
                for slot in reads(validation.rule) {
                    for read in self.dependencies[slot] where read > position && read < questionCount {
                        readByEarlierValidations.insert(read)
                    }
                }
            }
        }
        questionsReadByEarlierValidations = readByEarlierValidations

        // "Answers used" lists, by id in pack order.
        let questionIDs = pack.questions.map(\.id)
        func used(_ expression: PackExpression) -> [String] {
            let set = reads(expression).reduce(into: InputSet()) { $0.formUnion(inputs[$1] ?? []) }
            return set.map { questionIDs[$0] }
        }
        valueInputs = pack.values.map { used($0.expression) }
        scoreInputs = pack.scores.map { used($0.expression) }
        recommendationInputs = pack.recommendations.map { used($0.condition) }
        requirementInputs = pack.outcomes.map { $0.requirements.map { used($0.condition) } }
        amountInputs = pack.outcomes.map { $0.amounts.map { used($0.expression) } }
    }

    /// What a run on a date starts from, worked out once per date: what is in force, and the
    /// results of the date-only values (see ``dateOnlySlots``).
    func dateSeed(on date: CalendarDate, evaluator: Evaluator) -> DateSeed {
        if let seed = dateSeeds.withLock({ $0[date] }) { return seed }
        let inForce = inForce(on: date)
        var seed = DateSeed(inForce: inForce, results: nil)
        if !dateOnlySlots.isEmpty {
            let run = EvaluationRun(
                compiled: self,
                evaluator: evaluator,
                answers: Array(repeating: nil, count: questionCount),
                date: date,
                overrides: Array(repeating: nil, count: scores.count),
                seeded: false
            )
            var results: [(slot: Int, result: EvaluationResult)] = []
            results.reserveCapacity(dateOnlySlots.count)
            for slot in dateOnlySlots { results.append((slot, run.resolve(slot))) }
            seed.results = run.problems.isEmpty ? results : nil
        }
        dateSeeds.withLock { seeds in
            if seeds.count >= Self.dateSeedCapacity { seeds.removeAll(keepingCapacity: true) }
            seeds[date] = seed
        }
        return seed
    }

    /// The slot of a question, value, score or calculation output by name.
    func slot(of name: String) -> Int? { slots[name] }

    /// Question ids for a set of question slots, in pack order.
    func questionIDs(_ set: InputSet) -> [String] {
        set.compactMap { $0 < questionCount ? questionIDs[$0] : nil }
    }

    /// The question slots of a set of ids; ids that are not questions are dropped.
    func questionSet(_ ids: some Sequence<String>) -> InputSet {
        InputSet(ids.compactMap { questionPositions[$0] })
    }
}
