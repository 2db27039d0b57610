import Foundation
import KoersBuiltins
import KoersExpression
import Testing

/// Shared fixtures and helpers.
enum Fixtures {
    /// The standard functions.
    static let functions: FunctionRegistry = {
        var registry = FunctionRegistry()
        do {
            try StandardFunctions.register(into: &registry)
        } catch {
            Issue.record("standard functions do not register: \(error)")
        }
        return registry
    }()

    /// One name per type, plus a few realistic ones.
    static let names: [String: ValueType] = [
        "n": .number, "m": .money, "p": .percentage, "b": .boolean, "t": .text, "d": .date,
        "ln": .list(.number), "lm": .list(.money), "lt": .list(.text),
        "own_contribution": .money, "total_costs": .money, "ehealth_costs": .money,
        "requested_subsidy": .money, "is_care_provider": .boolean, "has_purchaser_partner": .boolean,
    ]

    static let checker = TypeChecker(functions: functions, names: names)
    static let evaluator = Evaluator(functions: functions)

    /// A decimal from its exact text.
    static func decimal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Decimal {
        guard let value = Decimal(string: text, locale: nil) else {
            Issue.record("'\(text)' is not a decimal", sourceLocation: sourceLocation)
            return 0
        }
        return value
    }

    static func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            Issue.record("'\(text)' is not a date", sourceLocation: sourceLocation)
            return .minimum
        }
        return date
    }

    /// Parses and evaluates (without type-checking) over values by name; a name without a
    /// value is an unanswered question.
    static func evaluate(_ text: String, _ values: [String: Value] = [:]) throws -> NamedResult {
        try evaluator.evaluate(Expression(parsing: text), values: values)
    }

    /// Parses, type-checks and evaluates; the result must be known.
    static func value(
        _ text: String,
        _ values: [String: Value] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Value {
        let expression = try Expression(parsing: text)
        var names = Fixtures.names
        for (name, value) in values { names[name] = value.type }
        _ = try TypeChecker(functions: functions, names: names).type(of: expression)
        let result = try evaluator.evaluate(expression, values: values)
        return try #require(result.value, "'\(text)' is \(result)", sourceLocation: sourceLocation)
    }
}

/// Text with emoji markers (`1️⃣`, `2️⃣`, …) that name offsets, as in swift-format's tests.
///
/// The markers are removed; each one's offset counts Unicode scalars in the clean text.
struct MarkedText {
    let text: String
    let markers: [String: Int]

    init(_ marked: String) {
        var text = ""
        var markers: [String: Int] = [:]
        var offset = 0
        for character in marked {
            let scalars = character.unicodeScalars
            if scalars.count == 3, scalars.last == "\u{20E3}" {
                markers[String(character)] = offset
                continue
            }
            text.append(character)
            offset += scalars.count
        }
        self.text = text
        self.markers = markers
    }

    /// The range from marker `1️⃣` to marker `2️⃣`.
    func range(sourceLocation: SourceLocation = #_sourceLocation) throws -> Range<Int> {
        let start = try #require(markers["1️⃣"], "no 1️⃣ marker", sourceLocation: sourceLocation)
        let end = try #require(markers["2️⃣"], "no 2️⃣ marker", sourceLocation: sourceLocation)
        return start..<end
    }
}

/// Expects parsing to fail with a message, notes and the range between `1️⃣` and `2️⃣`.
func expectSyntaxError(
    _ marked: String,
    _ message: String,
    notes: [String]? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let input = MarkedText(marked)
    let error = #expect(throws: ExpressionError.self, sourceLocation: sourceLocation) {
        _ = try Expression(parsing: input.text)
    }
    guard let error else { return }
    #expect(error.message == message, sourceLocation: sourceLocation)
    #expect(error.range == (try input.range(sourceLocation: sourceLocation)), sourceLocation: sourceLocation)
    if let notes { #expect(error.notes == notes, sourceLocation: sourceLocation) }
}

/// Expects type-checking to fail with a message, notes and the range between `1️⃣` and `2️⃣`.
func expectTypeError(
    _ marked: String,
    _ message: String,
    notes: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let input = MarkedText(marked)
    let expression = try Expression(parsing: input.text)
    let error = #expect(throws: ExpressionError.self, sourceLocation: sourceLocation) {
        _ = try Fixtures.checker.type(of: expression)
    }
    guard let error else { return }
    #expect(error.message == message, sourceLocation: sourceLocation)
    #expect(error.range == (try input.range(sourceLocation: sourceLocation)), sourceLocation: sourceLocation)
    #expect(error.notes == notes, sourceLocation: sourceLocation)
}
