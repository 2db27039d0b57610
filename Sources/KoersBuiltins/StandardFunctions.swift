import Foundation
public import KoersExpression

/// The functions every rule pack can call: `min`, `max`, `round`, `sum`, `answered`, date
/// arithmetic and the rest.
///
/// | function | result |
/// | --- | --- |
/// | `min(a, b, ...)`, `max(a, b, ...)` | the smallest or largest argument, or element of one list argument |
/// | `round(x)`, `round(x, digits)` | `x` rounded half away from zero; for percentages, digits of the percent figure |
/// | `floor(x)`, `ceil(x)`, `abs(x)` | rounded down, rounded up, without sign |
/// | `sum(list)`, `count(list)` | the total (0 for an empty list), the number of elements |
/// | `answered(x)` | whether `x` is known; never unknown itself |
/// | `if_unknown(x, fallback)` | `x` when known, otherwise `fallback` |
/// | `days_between(a, b)` | `b` minus `a` in days |
/// | `add_days(d, n)`, `add_months(d, n)`, `add_years(d, n)` | `d` moved; the day is clamped to the end of a shorter month |
/// | `year(d)`, `month(d)`, `day(d)` | a part of a date, as a number |
/// | `contains(list, x)` | whether `x` is an element of `list`, like `x in list` |
///
/// Apart from `answered` and `if_unknown`, a function with an unknown argument is unknown,
/// with the missing inputs of all its unknown arguments.
///
/// ```swift
/// var functions = FunctionRegistry()
/// try StandardFunctions.register(into: &functions)
/// ```
public struct StandardFunctions: Sendable {
    /// Creates the set; it has no state, everything is in ``all``.
    public init() {}

    /// Every standard function, sorted by name.
    public static let all: [any ExpressionFunction] = [
        RoundingFunction(name: "abs", operation: .absolute),
        AddCalendarUnits(name: "add_days", unit: .days),
        AddCalendarUnits(name: "add_months", unit: .months),
        AddCalendarUnits(name: "add_years", unit: .years),
        Answered(),
        RoundingFunction(name: "ceil", operation: .ceiling),
        Contains(),
        Count(),
        DatePart(name: "day", part: \.day),
        DaysBetween(),
        RoundingFunction(name: "floor", operation: .floor),
        IfUnknown(),
        Extremum(name: "max", picksLargest: true),
        Extremum(name: "min", picksLargest: false),
        DatePart(name: "month", part: \.month),
        RoundingFunction(name: "round", operation: .round),
        Sum(),
        DatePart(name: "year", part: \.year),
    ]

    /// Registers every standard function.
    ///
    /// - Parameter registry: The registry to add them to.
    /// - Throws: `FunctionRegistryError` when a function with one of the same names is there.
    public static func register(into registry: inout FunctionRegistry) throws(FunctionRegistryError) {
        for function in all {
            try registry.register(function)
        }
    }
}

// MARK: - Helpers

/// `a number`, `an amount of money`, `a list of text`: a type with its article, for messages.
private func described(_ type: ValueType) -> String {
    switch type {
    case .money: "money"
    case .text: "text"
    case .list: type.description
    default: "a \(type)"
    }
}

/// The arity check shared by fixed-arity functions.
private func requireCount(
    _ arguments: [ValueType],
    of name: String,
    _ count: ClosedRange<Int>
) -> FunctionTypeError? {
    guard !count.contains(arguments.count) else { return nil }
    let expected: String
    if count.lowerBound == count.upperBound {
        expected = count.lowerBound == 1 ? "1 argument" : "\(count.lowerBound) arguments"
    } else if count.upperBound == count.lowerBound + 1 {
        expected = "\(count.lowerBound) or \(count.upperBound) arguments"
    } else {
        expected = "\(count.lowerBound) to \(count.upperBound) arguments"
    }
    return .argumentCount(of: name, expected: expected, given: arguments.count, maximum: count.upperBound)
}

/// Calls `body` with the values when all arguments are known, or returns the union of the
/// missing inputs.
///
/// The values are checked against the function's own typing rule first, so an expression that
/// was never type-checked (wrong number or types of arguments) fails with an error instead of
/// reading past the arguments (found by the FuzzExpression fuzzer).
private func strict(
    _ arguments: [EvaluationResult],
    of function: some ExpressionFunction,
    _ body: ([Value]) throws(EvaluationError) -> Value
) throws(EvaluationError) -> EvaluationResult {
    switch EvaluationResult.values(of: arguments) {
    case .success(let values):
        if case .failure(let problem) = function.resultType(for: values.map(\.type)) {
            throw EvaluationError(problem.message)
        }
        return .known(try body(values))
    case .failure(let missing): return .unknown(missing.inputs)
    }
}

/// The result of a strict two-argument call when an argument is unknown: the union of the
/// missing inputs, as ``strict(_:of:_:)`` gives it; `nil` when both are known.
private func unknownOfEither(_ first: EvaluationResult, _ second: EvaluationResult) -> EvaluationResult? {
    switch (first, second) {
    case (.known, .known): nil
    case (.unknown(let x), .unknown(let y)): .unknown(x.union(y))
    case (.unknown, .known): first
    case (.known, .unknown): second
    }
}

/// The decimal of a number argument, as a whole `Int` within `limit`.
private func wholeNumber(_ value: Value, in function: String, limit: Int) throws(EvaluationError) -> Int {
    guard case .number(let number) = value else {
        throw EvaluationError("'\(function)' needs a number, but got \(value.type)")
    }
    guard number.rounded(toPlaces: 0, .plain) == number else {
        throw EvaluationError("'\(function)' needs a whole number, but got \(number)")
    }
    let bound = ExactNumber(limit)
    guard number <= bound, number >= -bound, let whole = Int(number.description) else {
        throw EvaluationError("'\(function)' got \(number), which is out of range")
    }
    return whole
}

// MARK: - min and max

/// `min(a, b, ...)` and `max(a, b, ...)` over ordered values, or over one list.
private struct Extremum: ExpressionFunction {
    let name: String
    let picksLargest: Bool

    var summary: String {
        picksLargest
            ? "max(a, b, ...) — the largest of its arguments, or of the elements of one list"
            : "min(a, b, ...) — the smallest of its arguments, or of the elements of one list"
    }

    private static let orderedExpectation = "a number, money, a percentage or a date"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        guard !arguments.isEmpty else {
            return .failure(.argumentCount(of: name, expected: "at least 1 argument", given: 0))
        }
        if arguments.count == 1, case .list(let element) = arguments[0] {
            guard element.isOrdered else {
                return .failure(
                    .argument(0, of: name, mustBe: "a list of numbers, money, percentages or dates", but: arguments[0])
                )
            }
            return .success(element)
        }
        var result: ValueType?
        for (index, type) in arguments.enumerated() {
            guard type.isOrdered else {
                return .failure(.argument(index, of: name, mustBe: Extremum.orderedExpectation, but: type))
            }
            guard let previous = result else {
                result = type
                continue
            }
            guard let unified = previous.unified(with: type) else {
                return .failure(
                    .argument(index, of: name, mustBe: "\(described(previous)) like the arguments before it", but: type)
                )
            }
            result = unified
        }
        return result.map { .success($0) }
            ?? .failure(.argumentCount(of: name, expected: "at least 1 argument", given: 0))
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            var candidates = values
            if values.count == 1, case .list(let elements, _) = values[0] {
                candidates = elements
            }
            guard var best = candidates.first else { throw EvaluationError("'\(name)' of an empty list") }
            var promotesToMoney = false
            for candidate in candidates {
                if case .money = candidate { promotesToMoney = true }
                guard let less = picksLargest ? best.isLess(than: candidate) : candidate.isLess(than: best) else {
                    throw EvaluationError("'\(name)' cannot compare \(best.type) and \(candidate.type)")
                }
                if less { best = candidate }
            }
            if promotesToMoney, case .number(let number) = best { return .money(number) }
            return best
        }
    }

    func evaluate(_ first: EvaluationResult, _ second: EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        if let unknown = unknownOfEither(first, second) { return unknown }
        // Two comparable scalars, as a checked pack has them; anything else (a list, or types
        // an unchecked expression mixes) goes the general way, which reports the error.
        guard case .known(let x) = first, case .known(let y) = second, x.type.isOrdered, y.type.isOrdered,
            x.type.unified(with: y.type) != nil, let secondWins = picksLargest ? x.isLess(than: y) : y.isLess(than: x)
        else { return try evaluate([first, second]) }
        let (best, other) = secondWins ? (y, x) : (x, y)
        if case .number(let number) = best, case .money = other { return .known(.money(number)) }
        return .known(best)
    }
}

// MARK: - Rounding

/// `round`, `floor`, `ceil` and `abs` on numbers, money and percentages.
private struct RoundingFunction: ExpressionFunction {
    enum Operation {
        case round, floor, ceiling, absolute
    }

    let name: String
    let operation: Operation

    var summary: String {
        switch operation {
        case .round:
            "round(x) or round(x, digits) — x rounded half away from zero; for a percentage the digits count in the percent figure"
        case .floor: "floor(x) — x rounded down to a whole number (a whole percent for a percentage)"
        case .ceiling: "ceil(x) — x rounded up to a whole number (a whole percent for a percentage)"
        case .absolute: "abs(x) — x without its sign"
        }
    }

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, operation == .round ? 1...2 : 1...1) {
            return .failure(error)
        }
        guard arguments[0].isNumeric else {
            return .failure(.argument(0, of: name, mustBe: "a number, money or a percentage", but: arguments[0]))
        }
        if arguments.count == 2, arguments[1] != .number {
            return .failure(.argument(1, of: name, mustBe: "a number of digits", but: arguments[1]))
        }
        return .success(arguments[0])
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            let digits = values.count == 2 ? try wholeNumber(values[1], in: name, limit: 30) : 0
            guard let result = try rounded(values[0], digits: digits) else {
                throw EvaluationError("'\(name)' needs a number, money or a percentage, but got \(values[0].type)")
            }
            return result
        }
    }

    func evaluate(_ argument: EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        guard case .known(let value) = argument else { return argument }
        guard let result = try rounded(value, digits: 0) else { return try evaluate([argument]) }
        return .known(result)
    }

    func evaluate(_ first: EvaluationResult, _ second: EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        if let unknown = unknownOfEither(first, second) { return unknown }
        // A number, money or percentage and a number of digits, as a checked pack has them;
        // anything else goes the general way, which reports the error.
        guard operation == .round, case .known(let value) = first, case .known(let places) = second,
            value.type.isNumeric, case .number = places,
            let result = try rounded(value, digits: try wholeNumber(places, in: name, limit: 30))
        else { return try evaluate([first, second]) }
        return .known(result)
    }

    /// The value rounded to `digits` places (of the percent figure for a percentage); `nil`
    /// when it is not a number, money or a percentage.
    private func rounded(_ value: Value, digits: Int) throws(EvaluationError) -> Value? {
        switch value {
        case .number(let number): .number(try apply(number, scale: digits))
        case .money(let amount): .money(try apply(amount, scale: digits))
        case .percentage(let fraction): .percentage(try apply(fraction, scale: digits + 2))
        default: nil
        }
    }

    private func apply(_ value: ExactNumber, scale: Int) throws(EvaluationError) -> ExactNumber {
        switch operation {
        case .round: value.rounded(toPlaces: scale, .plain)
        case .floor: value.rounded(toPlaces: scale, .down)
        case .ceiling: value.rounded(toPlaces: scale, .up)
        case .absolute: value.isNegative ? -value : value
        }
    }
}

// MARK: - Lists

/// `sum(list)`.
private struct Sum: ExpressionFunction {
    let name = "sum"
    let summary = "sum(list) — the total of a list of numbers, money or percentages; 0 for an empty list"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 1...1) { return .failure(error) }
        guard case .list(let element) = arguments[0], element.isNumeric else {
            return .failure(
                .argument(0, of: name, mustBe: "a list of numbers, money or percentages", but: arguments[0])
            )
        }
        return .success(element)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .list(let elements, let elementType) = values[0] else {
                throw EvaluationError("'sum' needs a list, but got \(values[0].type)")
            }
            var total = ExactNumber.zero
            for element in elements {
                guard let number = element.numberValue else {
                    throw EvaluationError("'sum' needs numbers, money or percentages, but got \(element.type)")
                }
                do {
                    total = try total.adding(number)
                } catch {
                    throw EvaluationError("'sum' is too large to hold exactly")
                }
            }
            switch elementType {
            case .money: return .money(total)
            case .percentage: return .percentage(total)
            default: return .number(total)
            }
        }
    }
}

/// `count(list)`.
private struct Count: ExpressionFunction {
    let name = "count"
    let summary = "count(list) — the number of elements of a list"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 1...1) { return .failure(error) }
        guard case .list = arguments[0] else {
            return .failure(.argument(0, of: name, mustBe: "a list", but: arguments[0]))
        }
        return .success(.number)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .list(let elements, _) = values[0] else {
                throw EvaluationError("'count' needs a list, but got \(values[0].type)")
            }
            return .number(ExactNumber(elements.count))
        }
    }
}

/// `contains(list, x)`.
private struct Contains: ExpressionFunction {
    let name = "contains"
    let summary = "contains(list, x) — whether x is an element of the list, like x in list"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 2...2) { return .failure(error) }
        guard case .list(let element) = arguments[0] else {
            return .failure(.argument(0, of: name, mustBe: "a list", but: arguments[0]))
        }
        guard element.unified(with: arguments[1]) != nil else {
            return .failure(
                .argument(1, of: name, mustBe: "\(described(element)) like the list's elements", but: arguments[1])
            )
        }
        return .success(.boolean)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .list(let elements, _) = values[0] else {
                throw EvaluationError("'contains' needs a list, but got \(values[0].type)")
            }
            return .boolean(elements.contains { $0.matches(values[1]) })
        }
    }
}

// MARK: - Unknown answers

/// `answered(x)`.
private struct Answered: ExpressionFunction {
    let name = "answered"
    let summary = "answered(x) — whether x is known; never unknown itself"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 1...1) { return .failure(error) }
        return .success(.boolean)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        .known(.boolean(arguments.first?.isKnown ?? false))
    }

    func evaluate(_ argument: EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        .known(.boolean(argument.isKnown))
    }
}

/// `if_unknown(x, fallback)`.
private struct IfUnknown: ExpressionFunction {
    let name = "if_unknown"
    let summary = "if_unknown(x, fallback) — x when it is known, otherwise the fallback"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 2...2) { return .failure(error) }
        guard let type = arguments[0].unified(with: arguments[1]) else {
            return .failure(
                .argument(1, of: name, mustBe: "\(described(arguments[0])) like argument 1", but: arguments[1])
            )
        }
        return .success(type)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        guard arguments.count == 2 else { throw EvaluationError("'if_unknown' takes 2 arguments") }
        return evaluate(arguments[0], arguments[1])
    }

    func evaluate(_ value: EvaluationResult, _ fallback: EvaluationResult) -> EvaluationResult {
        switch (value, fallback) {
        case (.known(let value), .known(let fallback)):
            // A number meets money: give the result the checked type, money.
            .known(value.converted(to: fallback.type) ?? value)
        case (.known, .unknown):
            value
        case (.unknown, .known(let fallback)):
            .known(fallback)
        case (.unknown(let missing), .unknown(let fallbackMissing)):
            .unknown(missing.union(fallbackMissing))
        }
    }
}

// MARK: - Dates

/// `days_between(a, b)`.
private struct DaysBetween: ExpressionFunction {
    let name = "days_between"
    let summary = "days_between(a, b) — the number of days from date a to date b, negative if b is earlier"

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 2...2) { return .failure(error) }
        for (index, type) in arguments.enumerated() where type != .date {
            return .failure(.argument(index, of: name, mustBe: "a date", but: type))
        }
        return .success(.number)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .date(let start) = values[0], case .date(let end) = values[1] else {
                throw EvaluationError("'days_between' needs two dates")
            }
            return .number(ExactNumber(start.days(until: end)))
        }
    }
}

/// `add_days(d, n)`, `add_months(d, n)` and `add_years(d, n)`.
private struct AddCalendarUnits: ExpressionFunction {
    enum Unit {
        case days, months, years
    }

    let name: String
    let unit: Unit

    var summary: String {
        switch unit {
        case .days: "add_days(d, n) — the date n days after d (before d for a negative n)"
        case .months: "add_months(d, n) — the date n months after d; the day is clamped to the end of a shorter month"
        case .years: "add_years(d, n) — the date n years after d; 29 February becomes 28 February in other years"
        }
    }

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 2...2) { return .failure(error) }
        guard arguments[0] == .date else {
            return .failure(.argument(0, of: name, mustBe: "a date", but: arguments[0]))
        }
        guard arguments[1] == .number else {
            return .failure(.argument(1, of: name, mustBe: "a number", but: arguments[1]))
        }
        return .success(.date)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .date(let date) = values[0] else {
                throw EvaluationError("'\(name)' needs a date, but got \(values[0].type)")
            }
            // Four million days or months is more than the whole range of dates.
            let count = try wholeNumber(values[1], in: name, limit: 4_000_000)
            let moved: CalendarDate?
            switch unit {
            case .days: moved = date.addingIfInRange(days: count)
            case .months: moved = date.addingIfInRange(months: count)
            case .years: moved = date.addingIfInRange(months: count * 12)
            }
            guard let moved else {
                throw EvaluationError("'\(name)' moves \(date) outside the years 1 to 9999")
            }
            return .date(moved)
        }
    }
}

/// `year(d)`, `month(d)` and `day(d)`.
private struct DatePart: ExpressionFunction {
    let name: String
    let part: @Sendable (CalendarDate) -> Int

    var summary: String { "\(name)(d) — the \(name) of date d, as a number" }

    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
        if let error = requireCount(arguments, of: name, 1...1) { return .failure(error) }
        guard arguments[0] == .date else {
            return .failure(.argument(0, of: name, mustBe: "a date", but: arguments[0]))
        }
        return .success(.number)
    }

    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
        try strict(arguments, of: self) { values throws(EvaluationError) in
            guard case .date(let date) = values[0] else {
                throw EvaluationError("'\(name)' needs a date, but got \(values[0].type)")
            }
            return .number(ExactNumber(part(date)))
        }
    }
}
