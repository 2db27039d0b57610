import Foundation
import KoersExpression
import Testing

/// Arithmetic at the edges of `Decimal`'s range: an error, never a trap and never NaN.
@Suite struct NumberRangeTests {
    static let tiny = "0." + String(repeating: "0", count: 64) + "1"

    @Test func tinyProductOfAnswersIsAnErrorNotACrash() throws {
        let q = Fixtures.decimal(Self.tiny)
        #expect(throws: EvaluationError.self) {
            try Fixtures.evaluate("q * q", ["q": .number(q)])
        }
        #expect(throws: EvaluationError.self) {
            try Fixtures.evaluate("q * m", ["q": .number(q), "m": .money(q)])
        }
    }

    @Test func tinyProductOfConstantsIsAnErrorNotACrash() throws {
        #expect(throws: (any Error).self) {
            try Fixtures.evaluate("\(Self.tiny) * \(Self.tiny)")
        }
    }

    @Test(arguments: [
        ("1e-70", "1e-70"), ("0.5", "1e-128"), ("1.5", "1e-128"), ("1e-100", "1e-100"),
        ("1.2345678901234567890123456789012345678", "1e-127"),
        ("99999999999999999999999999999999999999e-65", "99999999999999999999999999999999999999e-64"),
    ])
    func productBelowTheSmallestExponentIsOutOfRange(x: String, y: String) throws {
        let values: [String: Value] = ["x": .number(Fixtures.decimal(x)), "y": .number(Fixtures.decimal(y))]
        #expect(throws: EvaluationError.self) { try Fixtures.evaluate("x * y", values) }
    }

    @Test(arguments: [
        ("x * x", "1e-70", "too small"), ("x / y", "1e-100", "too small"), ("y * y", "1e-70", "too large"),
        ("y / x", "1e-100", "too large"),
    ])
    func anOutOfRangeResultSaysWhichEnd(expression: String, x: String, end: String) throws {
        // An underflow used to be reported as "the result is too large" (issue 15).
        let values: [String: Value] = ["x": .number(Fixtures.decimal(x)), "y": .number(Fixtures.decimal("1e100"))]
        let error = try #require(throws: EvaluationError.self) { try Fixtures.evaluate(expression, values) }
        #expect(error.message.contains(end), "\(expression): \(error.message)")
    }

    @Test func smallProductsThatFitAreExact() throws {
        let values: [String: Value] = [
            "x": .number(Fixtures.decimal("1e-64")), "y": .number(Fixtures.decimal("1e-64")),
            "a": .number(Fixtures.decimal("99999999999999999999999999999999999999e-64")),
            "b": .number(Fixtures.decimal("99999999999999999999999999999999999999e-64")),
        ]
        #expect(try Fixtures.evaluate("x * y", values) == .known(.number(Fixtures.decimal("1e-128"))))
        let rounded = try #require(try Fixtures.evaluate("a * b", values).value)
        #expect(rounded != .number(0))
        // Trailing zeros do not count as decimal places.
        let padded: [String: Value] = [
            "x": .number(Fixtures.decimal("1000e-70")), "y": .number(Fixtures.decimal("1e-61")),
        ]
        #expect(try Fixtures.evaluate("x * y", padded) == .known(.number(Fixtures.decimal("1e-128"))))
    }

    @Test(arguments: [("*", "1e100", "1e100"), ("/", "1e-100", "1e100"), ("/", "1e100", "1e-100"), ("/", "1e-128", "3")])
    func resultsOutOfRangeAreErrorsNotNaN(op: String, x: String, y: String) throws {
        let values: [String: Value] = ["x": .number(Fixtures.decimal(x)), "y": .number(Fixtures.decimal(y))]
        #expect(throws: EvaluationError.self) { try Fixtures.evaluate("x \(op) y", values) }
    }

    @Test func randomExtremeProductsNeverTrap() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...38, using: &generator)
            let mantissa = (0..<digits).map { _ in String(Int.random(in: 1...9, using: &generator)) }.joined()
            let x = Fixtures.decimal("\(mantissa)e\(Int.random(in: -128...0, using: &generator))")
            let y = Fixtures.decimal("\(mantissa.prefix(Int.random(in: 1...digits)))e\(Int.random(in: -128...0))")
            let values: [String: Value] = ["x": .number(x), "y": .number(y)]
            if let value = try? Fixtures.evaluate("x * y", values).value, case .number(let product) = value {
                #expect(!product.isNaN)
            }
        }
    }
}

/// Functions called without a type check (wrong argument count or types) fail cleanly.
@Suite struct UncheckedCallTests {
    @Test(arguments: ["add_days(d)", "add_months()", "round()", "sum()", "count()", "contains(ln)", "add_years(n, d)"])
    func uncheckedCallWithWrongArgumentsIsAnErrorNotACrash(expression: String) {
        let values: [String: Value] = [
            "d": .date(Fixtures.date("2024-02-29")), "n": .number(1),
            "ln": .list([.number(1)], elementType: .number),
        ]
        #expect(throws: (any Error).self) { try Fixtures.evaluate(expression, values) }
    }
}
