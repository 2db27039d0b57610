public import Foundation

/// A value in the expression language: an answer, a literal, or the result of an expression.
///
/// Numbers, money and percentages hold an ``ExactNumber``, so amounts stay exact:
/// `€ 0,10 + € 0,20` is exactly `€ 0,30`. A percentage holds its fraction: `20%` is
/// `.percentage(0.2)`.
///
/// Two values are equal (`==`) when they have the same case and equal contents, so
/// `.money(5) != .number(5)`. The language's own `==` is more lenient and promotes a number to
/// money; use ``converted(to:)`` to bring a result to the type the ``TypeChecker`` inferred.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// A plain number.
    case number(ExactNumber)
    /// An amount in euros, exact to the cent and beyond.
    case money(ExactNumber)
    /// A percentage as a fraction: `20%` is `0.2`.
    case percentage(ExactNumber)
    /// A truth value.
    case boolean(Bool)
    /// A piece of text.
    case text(String)
    /// A calendar date.
    case date(CalendarDate)
    /// A list of values that all have `elementType`.
    ///
    /// The element type is kept so that an empty list still has a type.
    case list([Value], elementType: ValueType)

    /// A plain number given as a `Decimal` (front ends and Foundation's rounding work in
    /// `Decimal`; the engine converts once, here).
    ///
    /// Disfavoured so that a literal such as `.number(5)` makes an ``ExactNumber`` directly.
    @_disfavoredOverload
    public static func number(_ decimal: Decimal) -> Value { .number(ExactNumber(decimal)) }

    /// An amount of money given as a `Decimal`; see ``number(_:)-(Decimal)``.
    @_disfavoredOverload
    public static func money(_ decimal: Decimal) -> Value { .money(ExactNumber(decimal)) }

    /// A percentage given as the `Decimal` of its fraction; see ``number(_:)-(Decimal)``.
    @_disfavoredOverload
    public static func percentage(_ decimal: Decimal) -> Value { .percentage(ExactNumber(decimal)) }

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .number: .number
        case .money: .money
        case .percentage: .percentage
        case .boolean: .boolean
        case .text: .text
        case .date: .date
        case .list(_, let elementType): .list(elementType)
        }
    }

    /// A short, unambiguous form for messages, logs and test output.
    ///
    /// Numbers print as `12.5`, money as `€ 125000.50` (always with cents, no thousands
    /// separators), percentages as `20%`, text in double quotes, dates as `2022-12-31` and lists
    /// as `[1, 2]`. Use ``literal`` for the form the expression language reads back.
    public var description: String {
        switch self {
        case .money(let amount):
            let (negative, whole, fraction) = Value.decimalParts(amount, minimumFractionDigits: 2)
            return "\(negative ? "-" : "")€ \(whole).\(fraction)"
        case .list(let elements, _):
            return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        default:
            return literal
        }
    }

    /// The value written as an expression-language literal, which parses back to an equal value.
    ///
    /// This is ``description`` except for money, which uses the Dutch form that the language
    /// reads: `€ 125.000,50`. Amounts with more than two decimals (after a division, say) are
    /// shown in full and do not parse back.
    public var literal: String {
        switch self {
        case .number(let number):
            return number.description
        case .money(let amount):
            let (negative, whole, fraction) = Value.decimalParts(amount, minimumFractionDigits: 2)
            return "\(negative ? "-" : "")€ \(Value.groupedThousands(whole)),\(fraction)"
        case .percentage(let fraction):
            return ((try? fraction.multiplied(by: 100))?.description ?? (fraction.decimal * 100).description) + "%"
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .text(let text):
            var quoted = "\""
            for character in text {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\""
        case .date(let date):
            return date.description
        case .list(let elements, _):
            return "[" + elements.map(\.literal).joined(separator: ", ") + "]"
        }
    }

    /// The truth value, when this is a boolean.
    public var booleanValue: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    /// The number inside a number, an amount of money or a percentage (as a fraction).
    public var numberValue: ExactNumber? {
        switch self {
        case .number(let value), .money(let value), .percentage(let value): value
        default: nil
        }
    }

    /// ``numberValue`` as a `Decimal`, for formatting and Foundation's rounding functions.
    public var decimalValue: Decimal? {
        numberValue?.decimal
    }

    /// The value brought to a type it unifies with, promoting numbers to money.
    ///
    /// The evaluator does not know static types, so `if c then 0 else € 5` yields
    /// `.number(0)` when `c` is true although the expression's type is money. Converting the
    /// result to the checked type fixes that. Lists are converted element by element.
    ///
    /// ```swift
    /// Value.number(0).converted(to: .money)  // .money(0)
    /// Value.text("a").converted(to: .money)  // nil
    /// ```
    ///
    /// - Parameter type: The type wanted.
    /// - Returns: The converted value, or `nil` when the value cannot have that type.
    public func converted(to type: ValueType) -> Value? {
        switch (self, type) {
        case (.number(let number), .money):
            return .money(number)
        case (.list(let elements, let elementType), .list(let wanted)):
            if elementType == wanted { return self }
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for element in elements {
                guard let element = element.converted(to: wanted) else { return nil }
                converted.append(element)
            }
            return elementType.unified(with: wanted) == wanted ? .list(converted, elementType: wanted) : nil
        default:
            return self.type == type ? self : nil
        }
    }

    // MARK: Formatting

    /// Sign, integer digits and fraction digits (padded to a minimum) of a decimal, for writing
    /// it in any notation: `-1234.5` with a minimum of 2 is `(true, "1234", "50")`.
    ///
    /// - Parameters:
    ///   - value: The decimal.
    ///   - minimumFractionDigits: Pad the fraction with zeros to at least this many digits.
    /// - Returns: Whether it is negative, the integer digits and the fraction digits.
    public static func decimalParts(
        _ value: Decimal,
        minimumFractionDigits: Int
    ) -> (negative: Bool, whole: String, fraction: String) {
        decimalParts(of: value.description, minimumFractionDigits: minimumFractionDigits)
    }

    /// Sign, integer digits and fraction digits (padded to a minimum) of an exact number; see
    /// ``decimalParts(_:minimumFractionDigits:)-(Decimal,_)``.
    public static func decimalParts(
        _ value: ExactNumber,
        minimumFractionDigits: Int
    ) -> (negative: Bool, whole: String, fraction: String) {
        decimalParts(of: value.description, minimumFractionDigits: minimumFractionDigits)
    }

    private static func decimalParts(
        of plainNotation: String,
        minimumFractionDigits: Int
    ) -> (negative: Bool, whole: String, fraction: String) {
        var text = plainNotation
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < minimumFractionDigits {
            fraction += String(repeating: "0", count: minimumFractionDigits - fraction.count)
        }
        return (negative, whole, fraction)
    }

    /// `1234567` as `1.234.567`.
    static func groupedThousands(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}
