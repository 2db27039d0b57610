/// Supplies the values an expression reads, such as answers and derived values, by slot.
///
/// A ``CompiledExpression`` has every name replaced by a slot number when a pack is loaded, so
/// an evaluation looks values up in a flat array instead of by name:
///
/// ```swift
/// struct Answers: EvaluationEnvironment {
///     var values: [Value?]                       // by slot
///     func resolve(_ slot: Int) -> EvaluationResult {
///         values[slot].map { .known($0) } ?? .unknown([slot])
///     }
/// }
/// ```
public protocol EvaluationEnvironment {
    /// The value in a slot, or the missing inputs that would decide it.
    ///
    /// Return `.known` with the value, or `.unknown` with the missing inputs' slots: for a
    /// plain unanswered question that is `[slot]`; a derived value that depends on unanswered
    /// questions returns `.unknown` with those questions' slots, so the interview knows what to
    /// ask.
    ///
    /// - Parameter slot: A slot the expression reads, as given by the compiler's slot lookup.
    /// - Returns: Its value, or the missing inputs that would decide it.
    func resolve(_ slot: Int) -> EvaluationResult
}

/// Values by name for expressions outside a pack (constants in test cases, tests, tools):
/// each name of the expression gets the slot of its position in ``names``.
///
/// ```swift
/// let expression = try Expression(parsing: "a + b")
/// let values = NamedValues(["a": .number(1)], for: expression)
/// let result = try evaluator.evaluate(values.compiled, in: values)
/// values.names(in: result.missing)  // ["b"]
/// ```
public struct NamedValues: EvaluationEnvironment, Sendable {
    /// The expression compiled against ``names``.
    public let compiled: CompiledExpression
    /// The names the expression reads, in slot order.
    public let names: [String]
    private let values: [Value?]

    /// Binds values by name to an expression.
    ///
    /// - Parameters:
    ///   - values: The known values by name; a name without a value is unknown.
    ///   - expression: The expression to evaluate.
    ///   - functions: The functions it may call.
    public init(_ values: [String: Value], for expression: Expression, functions: FunctionRegistry) {
        let names = expression.referencedNames.sorted()
        let slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.names = names
        self.values = names.map { values[$0] }
        self.compiled = expression.compiled(slots: { slots[$0] }, functions: functions)
    }

    /// The known value, or unknown naming the slot.
    public func resolve(_ slot: Int) -> EvaluationResult {
        guard values.indices.contains(slot) else { return .unknown([]) }
        return values[slot].map { .known($0) } ?? .unknown([slot])
    }

    /// The names of a set of slots.
    ///
    /// - Parameter inputs: Slots of this environment, such as an unknown result's missing inputs.
    /// - Returns: Their names.
    public func names(in inputs: InputSet) -> Set<String> {
        Set(inputs.compactMap { names.indices.contains($0) ? names[$0] : nil })
    }
}
