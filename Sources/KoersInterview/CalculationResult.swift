public import KoersCore
public import KoersExpression
import KoersSource

/// One calculation of a pack, worked out: each input with its value and unit, each output with
/// its value, unit and formula.
public struct CalculationResult: Sendable {
    /// The calculation.
    public var calculation: Calculation
    /// Every input of the calculator, in its order.
    public var inputs: [CalculationInputResult]
    /// Every output of the calculator, in its order.
    public var outputs: [CalculationOutputResult]

    /// Whether the calculation applies to these answers: an output is known, or waits for
    /// questions that can still be asked. A calculation whose questions do not apply (a
    /// business case nobody asked for) does not.
    public var applies: Bool {
        outputs.contains { output in
            output.result.value != nil || output.reason != nil || !output.result.missingNames.isEmpty
        }
    }

    /// The result of an output by id.
    ///
    /// - Parameter id: The output's id (without the calculation's prefix).
    /// - Returns: The output's result, or `nil`.
    public func output(_ id: String) -> CalculationOutputResult? { outputs.first { $0.output.id == id } }
}

/// One input of a calculation with its value.
public struct CalculationInputResult: Sendable {
    /// The calculator's input.
    public var input: CalculatorInput
    /// Whether the pack binds it; an input it does not bind has its default.
    public var isBound: Bool
    /// Its value, or the unanswered questions it waits for.
    public var result: EvaluationResult
}

/// One output of a calculation with its value.
public struct CalculationOutputResult: Sendable {
    /// The calculator's output.
    public var output: CalculatorOutput
    /// The name expressions read it by, `<calculation>_<output>`.
    public var name: String
    /// Its value; unknown while an input it needs is, or when it does not exist for these
    /// inputs (then ``reason`` says why).
    public var result: EvaluationResult
    /// Why the output has no value although its inputs are known, such as "never" for a
    /// break-even point that cannot be reached.
    public var reason: LocalizedText?
}

extension Evaluation {
    /// The result of a calculation by id.
    ///
    /// - Parameter id: The calculation's id.
    /// - Returns: The result, or `nil`.
    public func calculation(_ id: String) -> CalculationResult? { calculations.first { $0.calculation.id == id } }

    /// The result of a calculation output by the name expressions read it by.
    ///
    /// - Parameter name: `<calculation>_<output>`.
    /// - Returns: The output's result, or `nil` when no output has that name.
    public func calculationOutput(named name: String) -> CalculationOutputResult? {
        for calculation in calculations {
            if let output = calculation.outputs.first(where: { $0.name == name }) { return output }
        }
        return nil
    }
}

/// Where a calculation output is: the calculation's position in the pack and the output's id.
struct CalculationOutputReference: Sendable, Hashable {
    /// The calculation's position in ``RulePack/calculations``.
    var calculation: Int
    /// The output's id.
    var output: String

    /// Every output name of a pack with its place.
    static func all(in pack: RulePack) -> [String: CalculationOutputReference] {
        var references: [String: CalculationOutputReference] = [:]
        for (index, calculation) in pack.calculations.enumerated() {
            for output in calculation.calculator.outputs {
                references[calculation.name(ofOutput: output.id)] = CalculationOutputReference(
                    calculation: index, output: output.id
                )
            }
        }
        return references
    }

    /// For every output name, the names its bound inputs read: what the output depends on.
    static func reads(in pack: RulePack) -> [String: Set<String>] {
        var reads: [String: Set<String>] = [:]
        for calculation in pack.calculations {
            for output in calculation.calculator.outputs {
                var names: Set<String> = []
                for input in output.inputs {
                    if let binding = calculation.binding(input) { names.formUnion(binding.expression.referencedNames) }
                }
                reads[calculation.name(ofOutput: output.id)] = names
            }
        }
        return reads
    }
}

extension EvaluationContext {
    /// A calculation worked out on these answers, remembered for the evaluation.
    ///
    /// Each bound input is evaluated; an unbound one takes its default. The calculator gets the
    /// known inputs; an output stays unknown, waiting for the same questions, while an input it
    /// needs is unknown. A calculator's problem (zero years, a division by zero) is recorded at
    /// the binding of the input it is about, and leaves the outputs it concerns unknown.
    ///
    /// - Parameter position: The calculation's position in the pack.
    /// - Returns: The result.
    func calculationResult(at position: Int) -> CalculationResult {
        if let cached = calculationCache[position] { return cached }
        let calculation = index.calculations[position]
        // Only possible in a pack the loader would reject: a calculation that reads its own output.
        guard calculationsInProgress.insert(position).inserted else {
            return CalculationResult(calculation: calculation, inputs: [], outputs: [])
        }
        defer { calculationsInProgress.remove(position) }

        var known: [String: Value] = [:]
        var inputResults: [String: EvaluationResult] = [:]
        var inputs: [CalculationInputResult] = []
        for input in calculation.calculator.inputs {
            let binding = calculation.binding(input.id)
            let result: EvaluationResult =
                if let binding { evaluate(binding.expression) }
                else if let value = input.defaultValue { .known(value) }
                else { .unknown([]) }
            if case .known(let value) = result { known[input.id] = value }
            inputResults[input.id] = result
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
        for output in calculation.calculator.outputs {
            var missing: Set<String> = []
            var waiting = false
            for input in output.inputs {
                if case .unknown(let names) = inputResults[input] ?? .unknown([]) {
                    waiting = true
                    missing.formUnion(names)
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
        calculationCache[position] = result
        return result
    }

    /// The value of a calculation output.
    func calculationOutput(_ reference: CalculationOutputReference) -> EvaluationResult {
        calculationResult(at: reference.calculation).output(reference.output)?.result ?? .unknown([])
    }
}
