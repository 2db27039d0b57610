/// A parsed expression, ready to be type-checked and evaluated many times.
///
/// Parsing reads the literals, builds the syntax tree in ``root`` and compiles it once into
/// a compact internal form, so evaluating does not touch the text again.
///
/// ```swift
/// let expression = try Expression(parsing: "ehealth_costs <= 20% * total_costs")
/// expression.referencedNames  // ["ehealth_costs", "total_costs"]
/// ```
///
/// Two expressions are equal when their texts are equal.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The text the expression was parsed from.
    public let text: String
    /// The syntax tree.
    public let root: ExpressionNode
    /// The names used as values, such as question IDs; function names are not included.
    public let referencedNames: Set<String>
    /// The names of the functions called.
    public let referencedFunctions: Set<String>
    /// The compiled form the ``Evaluator`` runs.
    let program: Program

    /// Parses an expression.
    ///
    /// Parsing checks the syntax and the literals (so `2022-02-30` and `€ 125.5` are errors
    /// here) but not names or types; ``TypeChecker`` does that.
    ///
    /// - Parameter text: The expression's text.
    /// - Throws: ``ExpressionError`` with the range of the first syntax error.
    public init(parsing text: String) throws(ExpressionError) {
        self.text = text
        root = try Parser.parse(text)
        var names = Set<String>()
        var functions = Set<String>()
        Expression.collectNames(root, into: &names, functions: &functions)
        referencedNames = names
        referencedFunctions = functions
        program = Program(root)
    }

    private static func collectNames(
        _ node: ExpressionNode,
        into names: inout Set<String>,
        functions: inout Set<String>
    ) {
        switch node.kind {
        case .literal:
            break
        case .name(let name):
            names.insert(name)
        case .unary(_, let operand, _):
            collectNames(operand, into: &names, functions: &functions)
        case .binary(_, let left, let right, _):
            collectNames(left, into: &names, functions: &functions)
            collectNames(right, into: &names, functions: &functions)
        case .call(let function, let arguments, _):
            functions.insert(function)
            for argument in arguments { collectNames(argument, into: &names, functions: &functions) }
        case .list(let elements):
            for element in elements { collectNames(element, into: &names, functions: &functions) }
        case .conditional(let condition, let then, let otherwise):
            collectNames(condition, into: &names, functions: &functions)
            collectNames(then, into: &names, functions: &functions)
            collectNames(otherwise, into: &names, functions: &functions)
        }
    }

    /// The expression's text.
    public var description: String { text }

    /// Whether two expressions have the same text.
    ///
    /// - Parameters:
    ///   - lhs: An expression.
    ///   - rhs: Another expression.
    /// - Returns: Whether their texts are equal.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.text == rhs.text
    }

    /// Hashes the text.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
