/// The result of evaluating when some answers may be missing (Kleene logic).
///
/// A missing answer makes a result *unknown* only when it could still change it:
/// `false and x` is known to be false whatever `x` turns out to be. An unknown result lists
/// the missing inputs that could still decide it, which is how the interview picks the next
/// question.
public enum EvaluationResult: Sendable, Hashable {
    /// The result is decided.
    case known(Value)
    /// The result is not decided yet; the set names the missing inputs that could decide it.
    case unknown(Set<String>)

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

    /// The missing inputs that could decide the result; empty when it is known.
    public var missingNames: Set<String> {
        if case .unknown(let names) = self { return names }
        return []
    }

    /// The values of all results when every one is known, or the union of the missing names.
    ///
    /// This is the rule for strict operations, such as arithmetic and most functions: the
    /// result is unknown as soon as one input is, and every unknown input can decide it.
    ///
    /// ```swift
    /// switch EvaluationResult.values(of: arguments) {
    /// case .success(let values): // all arguments known
    /// case .failure(let missing): return .unknown(missing.names)
    /// }
    /// ```
    ///
    /// - Parameter results: The results, in order.
    /// - Returns: The values in the same order, or the missing names of the unknown ones.
    public static func values(of results: [EvaluationResult]) -> Result<[Value], MissingNames> {
        var values: [Value] = []
        values.reserveCapacity(results.count)
        var missing: Set<String>?
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
        if let missing { return .failure(MissingNames(names: missing)) }
        return .success(values)
    }
}

/// The missing inputs behind an unknown result, as the failure of ``EvaluationResult/values(of:)``.
///
/// It is an `Error` only so that it can be a `Result` failure; nothing throws it.
public struct MissingNames: Error, Sendable, Hashable {
    /// The names of the missing inputs.
    public var names: Set<String>

    /// Creates the set of missing names.
    ///
    /// - Parameter names: The names of the missing inputs.
    public init(names: Set<String>) {
        self.names = names
    }
}
