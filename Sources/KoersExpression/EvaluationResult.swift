/// The result of evaluating when some answers may be missing (Kleene logic).
///
/// A missing answer makes a result *unknown* only when it could still change it:
/// `false and x` is known to be false whatever `x` turns out to be. An unknown result lists
/// the missing inputs that could still decide it, as an ``InputSet`` of the environment's
/// slots, which is how the interview picks the next question.
public enum EvaluationResult: Sendable, Hashable {
    /// The result is decided.
    case known(Value)
    /// The result is not decided yet; the set holds the slots of the missing inputs that could
    /// decide it (empty when nothing that can still be asked would decide it).
    case unknown(InputSet)

    /// The value, when the result is known.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    /// Whether the result is decided.
    public var isKnown: Bool {
        if case .known = self { return true }
        return false
    }

    /// The slots of the missing inputs that could decide the result; empty when it is known.
    @inlinable public var missing: InputSet {
        if case .unknown(let inputs) = self { return inputs }
        return InputSet()
    }

    /// The values of all results when every one is known, or the union of the missing inputs.
    ///
    /// This is the rule for strict operations, such as arithmetic and most functions: the
    /// result is unknown as soon as one input is, and every unknown input can decide it.
    ///
    /// ```swift
    /// switch EvaluationResult.values(of: arguments) {
    /// case .success(let values): // all arguments known
    /// case .failure(let missing): return .unknown(missing.inputs)
    /// }
    /// ```
    ///
    /// - Parameter results: The results, in order.
    /// - Returns: The values in the same order, or the missing inputs of the unknown ones.
    public static func values(of results: [EvaluationResult]) -> Result<[Value], MissingInputs> {
        var values: [Value] = []
        values.reserveCapacity(results.count)
        var missing: InputSet?
        for result in results {
            switch result {
            case .known(let value):
                if missing == nil { values.append(value) }
            case .unknown(let names):
                if missing == nil {
                    missing = names
                } else {
                    missing?.formUnion(names)
                }
            }
        }
        if let missing { return .failure(MissingInputs(inputs: missing)) }
        return .success(values)
    }
}

/// The missing inputs behind an unknown result, as the failure of ``EvaluationResult/values(of:)``.
///
/// It is an `Error` only so that it can be a `Result` failure; nothing throws it.
public struct MissingInputs: Error, Sendable, Hashable {
    /// The slots of the missing inputs.
    public var inputs: InputSet

    /// Creates the set of missing inputs.
    ///
    /// - Parameter inputs: The slots of the missing inputs.
    public init(inputs: InputSet) {
        self.inputs = inputs
    }
}
