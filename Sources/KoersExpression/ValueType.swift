/// The type of a value in the expression language.
///
/// Every expression has one type, which the ``TypeChecker`` infers when a rule pack is loaded.
/// A `number` is promoted to `money` wherever money is on the other side, so `€ 5 + 1` is money
/// and `[1, € 2]` is a list of money.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    /// A plain decimal number, such as `12.5` or `125_000`.
    case number
    /// An amount in euros, such as `€ 125.000,50`.
    case money
    /// A percentage, such as `20%`, held as a fraction (`0.2`).
    case percentage
    /// `true` or `false`.
    case boolean
    /// A piece of text, such as `"zorgaanbieder"`.
    case text
    /// A calendar date without a time, such as `2022-12-31`.
    case date
    /// A list whose elements all have the given type.
    case list(ValueType)

    /// The type's name as it appears in messages: `number`, `money`, `list of text`.
    public var description: String {
        switch self {
        case .number: "number"
        case .money: "money"
        case .percentage: "percentage"
        case .boolean: "boolean"
        case .text: "text"
        case .date: "date"
        case .list(let element): "list of \(element)"
        }
    }

    /// The common type of two values that meet, as the operands of `==` or the branches of `if`.
    ///
    /// Equal types unify to themselves, `number` and `money` unify to `money` (in either order),
    /// and lists unify element by element. Any other pair has no common type.
    ///
    /// - Parameter other: The other type.
    /// - Returns: The common type, or `nil` when the two types cannot meet.
    public func unified(with other: ValueType) -> ValueType? {
        switch (self, other) {
        case (.number, .money), (.money, .number):
            return .money
        case (.list(let left), .list(let right)):
            return left.unified(with: right).map { .list($0) }
        default:
            return self == other ? self : nil
        }
    }

    /// Whether values of this type have an order, so `<` and `min` apply to them.
    ///
    /// Numbers, money, percentages and dates are ordered; booleans, text and lists are not.
    public var isOrdered: Bool {
        switch self {
        case .number, .money, .percentage, .date: true
        case .boolean, .text, .list: false
        }
    }

    /// Whether this is `number`, `money` or `percentage`, the types arithmetic applies to.
    ///
    /// Functions such as `round` and `sum` accept exactly these types.
    public var isNumeric: Bool {
        switch self {
        case .number, .money, .percentage: true
        case .boolean, .text, .date, .list: false
        }
    }

    /// The element type when this is a list type, and `nil` otherwise.
    public var elementType: ValueType? {
        if case .list(let element) = self { return element }
        return nil
    }
}
