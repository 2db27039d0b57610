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
            output.result.value != nil || output.reason != nil || !output.result.missing.isEmpty
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
