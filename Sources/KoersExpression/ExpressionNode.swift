/// A node of a parsed expression, with the range of text it came from.
///
/// The tree mirrors the grammar in <doc:ExpressionLanguage>. Ranges count Unicode scalars from
/// the start of the expression text and cover the whole construct: for `a + b * c` the root's
/// range is `0..<9` and its operator range is `2..<3`.
public struct ExpressionNode: Sendable, Hashable, CustomStringConvertible {
    /// What kind of construct this is, with its parts.
    public var kind: Kind
    /// The text the node covers, in Unicode scalars.
    public var range: Range<Int>

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - kind: The construct and its parts.
    ///   - range: The text it covers, in Unicode scalars.
    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The constructs of the language.
    public indirect enum Kind: Sendable, Hashable {
        /// A literal: `12.5`, `€ 125.000`, `20%`, `true`, `"text"` or `2022-12-31`.
        case literal(Value)
        /// A name, such as `total_costs`, whose value comes from the environment.
        case name(String)
        /// `-x` or `not x`; `operatorRange` covers the operator.
        case unary(UnaryOperator, ExpressionNode, operatorRange: Range<Int>)
        /// `x op y`; `operatorRange` covers the operator (both words of `not in`).
        case binary(BinaryOperator, ExpressionNode, ExpressionNode, operatorRange: Range<Int>)
        /// A function call `name(arguments)`; `nameRange` covers the function's name.
        case call(String, [ExpressionNode], nameRange: Range<Int>)
        /// A list literal `[a, b, c]`, never empty.
        case list([ExpressionNode])
        /// `if condition then a else b`.
        case conditional(ExpressionNode, then: ExpressionNode, else: ExpressionNode)
    }

    /// A fully parenthesised prefix form that shows the structure: `(or (and (not a) b) c)`.
    ///
    /// Literals print as ``Value/literal``, calls as `(call min a b)`, lists as `[a b]` and
    /// conditionals as `(if c a b)`.
    public var description: String {
        switch kind {
        case .literal(let value): value.literal
        case .name(let name): name
        case .unary(let op, let operand, _): "(\(op.rawValue) \(operand))"
        case .binary(let op, let left, let right, _): "(\(op.rawValue) \(left) \(right))"
        case .call(let name, let arguments, _):
            "(call \(([name] + arguments.map(\.description)).joined(separator: " ")))"
        case .list(let elements): "[\(elements.map(\.description).joined(separator: " "))]"
        case .conditional(let condition, let then, let otherwise): "(if \(condition) \(then) \(otherwise))"
        }
    }
}

/// An operator written before its operand.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    /// Arithmetic negation, `-x`, for numbers, money and percentages.
    case negate = "-"
    /// Logical negation, `not x`, for booleans.
    case not
}

/// An operator written between its operands.
///
/// The raw value is the operator as written.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    /// `a or b`.
    case or
    /// `a and b`.
    case and
    /// `a == b`.
    case equal = "=="
    /// `a != b`.
    case notEqual = "!="
    /// `a < b`.
    case less = "<"
    /// `a <= b`.
    case lessOrEqual = "<="
    /// `a > b`.
    case greater = ">"
    /// `a >= b`.
    case greaterOrEqual = ">="
    /// `x in list`.
    case `in`
    /// `x not in list`.
    case notIn = "not in"
    /// `a + b`.
    case add = "+"
    /// `a - b`.
    case subtract = "-"
    /// `a * b`.
    case multiply = "*"
    /// `a / b`.
    case divide = "/"

    /// Whether this is `==`, `!=`, `<`, `<=`, `>`, `>=`, `in` or `not in`, which do not chain.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: true
        case .or, .and, .add, .subtract, .multiply, .divide: false
        }
    }
}
