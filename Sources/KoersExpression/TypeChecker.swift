import Foundation
import KoersSource

/// Infers the type of an expression and finds unknown names and type errors.
///
/// The checker runs when a rule pack is loaded, so a misspelt question or a comparison of
/// money with text is reported then, not when someone is half-way through an interview.
///
/// ```swift
/// let checker = TypeChecker(functions: functions, names: ["total_costs": .money, "ehealth_costs": .money])
/// try checker.type(of: Expression(parsing: "ehealth_costs <= 20% * total_costs"))  // .boolean
/// ```
///
/// The typing rules are listed in <doc:ExpressionLanguage>.
public struct TypeChecker: Sendable {
    /// The functions expressions may call.
    public let functions: FunctionRegistry
    /// The names expressions may read, with their types.
    public let names: [String: ValueType]
    private let sortedNames: [String]

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - functions: The functions expressions may call.
    ///   - names: The names expressions may read (questions, derived values, scores), with their types.
    public init(functions: FunctionRegistry, names: [String: ValueType]) {
        self.functions = functions
        self.names = names
        self.sortedNames = names.keys.sorted()
    }

    /// Type of the expression, or the first error with its range inside the text.
    ///
    /// Errors are searched left to right, so the first one in the text is reported.
    ///
    /// - Parameter expression: The parsed expression.
    /// - Returns: The expression's type.
    /// - Throws: ``ExpressionError`` for an unknown name or function, or operands and
    ///   arguments of the wrong type.
    public func type(of expression: Expression) throws(ExpressionError) -> ValueType {
        try check(expression.root)
    }

    // MARK: Rules

    private func check(_ node: ExpressionNode) throws(ExpressionError) -> ValueType {
        switch node.kind {
        case .literal(let value):
            return value.type
        case .name(let name):
            guard let type = names[name] else { throw unknownName(name, at: node.range) }
            return type
        case .unary(let op, let operand, let operatorRange):
            let type = try check(operand)
            switch op {
            case .negate:
                guard type.isNumeric else { throw ExpressionError("cannot apply '-' to \(type)", at: operatorRange) }
            case .not:
                try requireBoolean(type, of: operand, role: "the operand of 'not'")
            }
            return type
        case .binary(let op, let left, let right, let operatorRange):
            return try checkBinary(op, left, right, operatorRange: operatorRange)
        case .call(let name, let arguments, let nameRange):
            guard let function = functions.function(named: name) else {
                throw unknownFunction(name, at: nameRange)
            }
            var types: [ValueType] = []
            types.reserveCapacity(arguments.count)
            for argument in arguments { types.append(try check(argument)) }
            switch function.resultType(for: types) {
            case .success(let type):
                return type
            case .failure(let error):
                let range = error.argumentIndex.flatMap { arguments.indices.contains($0) ? arguments[$0].range : nil }
                throw ExpressionError(error.message, at: range ?? node.range)
            }
        case .list(let elements):
            var elementType: ValueType?
            for element in elements {
                let type = try check(element)
                guard let known = elementType else {
                    elementType = type
                    continue
                }
                guard let unified = known.unified(with: type) else {
                    throw ExpressionError(
                        "list element is \(type), but the elements before it are \(known)",
                        at: element.range,
                        notes: ["all elements of a list have one type"]
                    )
                }
                elementType = unified
            }
            guard let elementType else { throw ExpressionError("a list needs at least one element", at: node.range) }
            return .list(elementType)
        case .conditional(let condition, let then, let otherwise):
            try requireBoolean(try check(condition), of: condition, role: "the condition of 'if'")
            let thenType = try check(then)
            let elseType = try check(otherwise)
            guard let type = thenType.unified(with: elseType) else {
                throw ExpressionError(
                    "the 'else' branch is \(elseType), but the 'then' branch is \(thenType)",
                    at: otherwise.range,
                    notes: ["both branches of 'if' must have one type"]
                )
            }
            return type
        }
    }

    private func checkBinary(
        _ op: BinaryOperator,
        _ left: ExpressionNode,
        _ right: ExpressionNode,
        operatorRange: Range<Int>
    ) throws(ExpressionError) -> ValueType {
        let leftType = try check(left)
        let rightType = try check(right)
        func mismatch(notes: [String] = []) -> ExpressionError {
            var notes = notes
            if let hint = percentageHint(left, leftType, right, rightType) { notes.append(hint) }
            return ExpressionError(
                "cannot apply '\(op.rawValue)' to \(leftType) and \(rightType)",
                at: operatorRange,
                notes: notes
            )
        }
        switch op {
        case .and, .or:
            try requireBoolean(leftType, of: left, role: "the operands of '\(op.rawValue)'")
            try requireBoolean(rightType, of: right, role: "the operands of '\(op.rawValue)'")
            return .boolean
        case .add, .subtract, .multiply, .divide:
            if let type = Operations.arithmeticType(op, leftType, rightType) { return type }
            throw mismatch(notes: arithmeticNotes(op, leftType, rightType))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard Operations.areOrderable(leftType, rightType) else {
                let unordered = [leftType, rightType].contains { !$0.isOrdered }
                throw mismatch(notes: unordered ? ["only numbers, money, percentages and dates have an order"] : [])
            }
            return .boolean
        case .equal, .notEqual:
            guard leftType.unified(with: rightType) != nil else { throw mismatch() }
            return .boolean
        case .in, .notIn:
            guard let elementType = rightType.elementType else {
                throw ExpressionError(
                    "the right operand of '\(op.rawValue)' must be a list, but \(subject(right)) is \(rightType)",
                    at: right.range
                )
            }
            guard leftType.unified(with: elementType) != nil else { throw mismatch() }
            return .boolean
        }
    }

    // MARK: Messages

    /// `'x'` for a name, `it` for anything else.
    private func subject(_ node: ExpressionNode) -> String {
        if case .name(let name) = node.kind { return "'\(name)'" }
        return "it"
    }

    private func requireBoolean(_ type: ValueType, of node: ExpressionNode, role: String) throws(ExpressionError) {
        guard type != .boolean else { return }
        let verb = role.hasPrefix("the operands") ? "must be booleans" : "must be a boolean"
        throw ExpressionError("\(role) \(verb), but \(subject(node)) is \(type)", at: node.range)
    }

    private func arithmeticNotes(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> [String] {
        switch (op, left, right) {
        case (.subtract, .date, .date):
            return ["use days_between(start, end) to count the days between two dates"]
        case (.add, .date, .number), (.add, .number, .date), (.subtract, .date, .number):
            return ["use add_days(date, days), add_months or add_years to move a date"]
        case (.add, .money, .percentage), (.subtract, .money, .percentage):
            return ["multiply to take a percentage of an amount, as in amount * 20%"]
        case (_, .date, _), (_, _, .date):
            return ["use add_days(...) to move a date and days_between(...) to count days"]
        default:
            return []
        }
    }

    /// `write 20% for a percentage` when a number meets a percentage.
    private func percentageHint(
        _ left: ExpressionNode,
        _ leftType: ValueType,
        _ right: ExpressionNode,
        _ rightType: ValueType
    ) -> String? {
        let number: ExpressionNode
        switch (leftType, rightType) {
        case (.number, .percentage): number = left
        case (.percentage, .number): number = right
        default: return nil
        }
        var example = "20%"
        if case .literal(.number(let value)) = number.kind, !value.isZero {
            let magnitude = value < 0 ? -value : value
            let fraction = magnitude < 1 ? value : (try? value.divided(by: 100)) ?? value
            example = Value.percentage(fraction).literal
        }
        return "write \(example) for a percentage"
    }

    private func unknownName(_ name: String, at range: Range<Int>) -> ExpressionError {
        var notes: [String] = []
        if functions.function(named: name) != nil {
            notes.append("'\(name)' is a function; call it as \(name)(...)")
        } else if let match = closestMatch(to: name, among: sortedNames) {
            notes.append("did you mean '\(match)'?")
        }
        return ExpressionError("unknown name '\(name)'", at: range, notes: notes)
    }

    private func unknownFunction(_ name: String, at range: Range<Int>) -> ExpressionError {
        var notes: [String] = []
        if names[name] != nil {
            notes.append("'\(name)' is a value, not a function")
        } else if let match = closestMatch(to: name, among: functions.names) {
            notes.append("did you mean '\(match)'?")
        }
        return ExpressionError("unknown function '\(name)'", at: range, notes: notes)
    }
}
