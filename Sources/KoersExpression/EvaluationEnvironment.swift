/// Supplies the values of the names an expression reads, such as answers and derived values.
///
/// ```swift
/// struct Answers: EvaluationEnvironment {
///     var values: [String: Value]
///     func resolve(_ name: String) -> EvaluationResult {
///         values[name].map { .known($0) } ?? .unknown([name])
///     }
/// }
/// ```
public protocol EvaluationEnvironment {
    /// The value of a name, or the missing inputs that would decide it.
    ///
    /// Return `.known` with the value, or `.unknown` with the missing inputs' names: for a
    /// plain unanswered question that is `[name]`; a derived value that depends on unanswered questions returns `.unknown` with those
    /// questions' names, so the interview knows what to ask.
    ///
    /// - Parameter name: A name the expression reads.
    /// - Returns: Its value, or the missing inputs that would decide it.
    func resolve(_ name: String) -> EvaluationResult
}
