import Foundation

/// Why an operation on values failed.
@usableFromInline
enum OperationFailure: Error {
    /// The operands' types do not fit the operator (only when the expression was not type-checked).
    case typeMismatch
    /// The divisor is zero.
    case divisionByZero
    /// The result is too large for a `Decimal` (see "Numbers" in the language document).
    case overflow
    /// A non-zero product needs more than 128 decimal places: too small, or too precise, to be
    /// held exactly (see "Numbers" in the language document).
    case underflow
}

/// The operators' typing rules and their effect on values, shared by the type checker, the
/// constant folder and the evaluator so the three cannot disagree.
@usableFromInline
enum Operations {
    // MARK: Typing

    /// The result type of `+ - * /` on operands of these types, or `nil` when it is not allowed.
    static func arithmeticType(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType? {
        switch op {
        case .add, .subtract:
            switch (left, right) {
            case (.number, .number): return .number
            case (.money, .money), (.money, .number), (.number, .money): return .money
            case (.percentage, .percentage): return .percentage
            default: return nil
            }
        case .multiply:
            switch (left, right) {
            case (.number, .number), (.number, .percentage), (.percentage, .number): return .number
            case (.money, .number), (.number, .money), (.money, .percentage), (.percentage, .money): return .money
            case (.percentage, .percentage): return .percentage
            default: return nil
            }
        case .divide:
            switch (left, right) {
            case (.number, .number), (.money, .money), (.number, .percentage), (.percentage, .percentage):
                return .number
            case (.money, .number), (.money, .percentage): return .money
            case (.percentage, .number): return .percentage
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Whether `< <= > >=` may compare operands of these types.
    static func areOrderable(_ left: ValueType, _ right: ValueType) -> Bool {
        switch (left, right) {
        case (.number, .number), (.money, .money), (.number, .money), (.money, .number),
            (.percentage, .percentage), (.date, .date):
            true
        default:
            false
        }
    }

    // MARK: Values

    @inline(__always)
    private static func numeric(_ value: Value) -> (ExactNumber, ValueType)? {
        switch value {
        case .number(let number): (number, .number)
        case .money(let amount): (amount, .money)
        case .percentage(let fraction): (fraction, .percentage)
        default: nil
        }
    }

    /// `+ - * /` on two values.
    @usableFromInline
    static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(OperationFailure) -> Value {
        guard let (x, leftType) = numeric(left), let (y, rightType) = numeric(right),
            let resultType = arithmeticType(op, leftType, rightType)
        else { throw .typeMismatch }
        if op == .divide, y.isZero { throw .divisionByZero }
        let result: ExactNumber
        do throws(ExactNumber.RangeError) {
            switch op {
            case .add: result = try x.adding(y)
            case .subtract: result = try x.subtracting(y)
            case .multiply: result = try x.multiplied(by: y)
            // `arithmeticType` has a type only for the four arithmetic operators.
            default: result = try x.divided(by: y)
            }
        } catch {
            throw error == .underflow ? .underflow : .overflow
        }
        switch resultType {
        case .money: return .money(result)
        case .percentage: return .percentage(result)
        default: return .number(result)
        }
    }

    /// Unary minus.
    @usableFromInline
    static func negate(_ value: Value) throws(OperationFailure) -> Value {
        switch value {
        case .number(let number): .number(-number)
        case .money(let amount): .money(-amount)
        case .percentage(let fraction): .percentage(-fraction)
        default: throw .typeMismatch
        }
    }

    /// The language's `==`: numbers equal money of the same amount; lists compare element-wise.
    @usableFromInline
    static func equals(_ left: Value, _ right: Value) throws(OperationFailure) -> Bool {
        switch (left, right) {
        case (.number(let x), .number(let y)), (.money(let x), .money(let y)), (.number(let x), .money(let y)),
            (.money(let x), .number(let y)), (.percentage(let x), .percentage(let y)):
            return x == y
        case (.boolean(let x), .boolean(let y)):
            return x == y
        case (.text(let x), .text(let y)):
            return x == y
        case (.date(let x), .date(let y)):
            return x == y
        case (.list(let xs, let xType), .list(let ys, let yType)):
            guard xType.unified(with: yType) != nil else { throw .typeMismatch }
            guard xs.count == ys.count else { return false }
            for (x, y) in zip(xs, ys) where !(try equals(x, y)) {
                return false
            }
            return true
        default:
            throw .typeMismatch
        }
    }

    /// Whether `left op right` holds for `< <= > >=`.
    @usableFromInline
    static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(OperationFailure) -> Bool {
        switch (left, right) {
        case (.number(let x), .number(let y)), (.money(let x), .money(let y)), (.number(let x), .money(let y)),
            (.money(let x), .number(let y)), (.percentage(let x), .percentage(let y)):
            return holds(op, x, y)
        case (.date(let x), .date(let y)):
            return holds(op, x, y)
        default:
            throw .typeMismatch
        }
    }

    @inline(__always)
    private static func holds<T: Comparable>(_ op: BinaryOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }

    /// A list of values with their common element type, numbers promoted to money when needed.
    @usableFromInline
    static func list(_ elements: [Value]) throws(OperationFailure) -> Value {
        guard var elementType = elements.first?.type else { throw .typeMismatch }
        for element in elements.dropFirst() {
            guard let unified = elementType.unified(with: element.type) else { throw .typeMismatch }
            elementType = unified
        }
        var converted = elements
        for index in converted.indices {
            guard let element = converted[index].converted(to: elementType) else { throw .typeMismatch }
            converted[index] = element
        }
        return .list(converted, elementType: elementType)
    }
}
