import Foundation
import KoersBuiltins
import KoersExpression
import Testing

@Suite struct StandardFunctionsTests {
    static let emptyNumbers = Value.list([], elementType: .number)
    static let emptyMoney = Value.list([], elementType: .money)

    @Test func registersEveryFunctionOnce() throws {
        #expect(
            Fixtures.functions.names == [
                "abs", "add_days", "add_months", "add_years", "answered", "ceil", "contains", "count", "day",
                "days_between", "floor", "if_unknown", "max", "min", "month", "round", "sum", "year",
            ]
        )
        #expect(StandardFunctions.all.map(\.name) == Fixtures.functions.names)
        for function in StandardFunctions.all {
            #expect(function.summary.hasPrefix(function.name + "("), "\(function.name): \(function.summary)")
        }
        var registry = Fixtures.functions
        let error = #expect(throws: FunctionRegistryError.self) {
            try StandardFunctions.register(into: &registry)
        }
        #expect(error?.description == "function 'abs' is registered twice")
    }

    // MARK: min and max

    @Test(arguments: [
        ("min(3, 1, 2)", Value.number(1)),
        ("max(3, 1, 2)", .number(3)),
        ("min(7)", .number(7)),
        ("min(€ 5, 3)", .money(3)),
        ("max(€ 5, 3)", .money(5)),
        ("max([1, 5, 2])", .number(5)),
        ("min([€ 5, € 2,50])", .money(Fixtures.decimal("2.5"))),
        ("min(20%, 12.5%)", .percentage(Fixtures.decimal("0.125"))),
        ("max(2024-01-01, 2023-05-05)", .date(Fixtures.date("2024-01-01"))),
        ("min(-1, 0)", .number(-1)),
    ])
    func picksExtremes(text: String, expected: Value) throws {
        #expect(try Fixtures.value(text) == expected)
    }

    @Test func failsOnTheMinimumOfAnEmptyList() throws {
        let error = #expect(throws: EvaluationError.self) {
            try Fixtures.evaluate("1 + min(ln)", ["ln": Self.emptyNumbers])
        }
        #expect(error?.message == "'min' of an empty list")
        #expect(error?.range == 4..<11)
    }

    @Test func typeChecksExtremes() throws {
        try expectTypeError("1️⃣min()2️⃣", "'min' takes at least 1 argument, but 0 were given")
        try expectTypeError(
            "min(1, 1️⃣\"a\"2️⃣)",
            "argument 2 of 'min' must be a number, money, a percentage or a date, but it is text"
        )
        try expectTypeError(
            "max(1, 1️⃣2024-01-012️⃣)",
            "argument 2 of 'max' must be a number like the arguments before it, but it is date"
        )
        try expectTypeError(
            "min(1️⃣lt2️⃣)",
            "argument 1 of 'min' must be a list of numbers, money, percentages or dates, but it is list of text"
        )
    }

    // MARK: Rounding

    @Test(arguments: [
        ("round(2.5)", Value.number(3)),
        ("round(-2.5)", .number(-3)),
        ("round(2.49)", .number(2)),
        ("round(1.2345, 2)", .number(Fixtures.decimal("1.23"))),
        ("round(1.235, 2)", .number(Fixtures.decimal("1.24"))),
        ("round(1250, -2)", .number(1300)),
        ("round(€ 100 / 3, 2)", .money(Fixtures.decimal("33.33"))),
        ("round(€ 12,50)", .money(13)),
        ("round(12.345%, 1)", .percentage(Fixtures.decimal("0.123"))),
        ("round(12.5%)", .percentage(Fixtures.decimal("0.13"))),
        ("floor(2.7)", .number(2)),
        ("floor(-2.5)", .number(-3)),
        ("floor(12.9%)", .percentage(Fixtures.decimal("0.12"))),
        ("ceil(2.1)", .number(3)),
        ("ceil(-2.5)", .number(-2)),
        ("ceil(€ 0,01)", .money(1)),
        ("abs(-3)", .number(3)),
        ("abs(-€ 5)", .money(5)),
        ("abs(5%)", .percentage(Fixtures.decimal("0.05"))),
    ])
    func rounds(text: String, expected: Value) throws {
        #expect(try Fixtures.value(text) == expected)
    }

    @Test func needsAWholeNumberOfDigits() throws {
        let error = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("round(1, 1.5)") }
        #expect(error?.message == "'round' needs a whole number, but got 1.5")
        try expectTypeError(
            "round(1️⃣t2️⃣)",
            "argument 1 of 'round' must be a number, money or a percentage, but it is text"
        )
        try expectTypeError("round(n, 1️⃣m2️⃣)", "argument 2 of 'round' must be a number of digits, but it is money")
        try expectTypeError("floor(n, 1️⃣12️⃣)", "'floor' takes 1 argument, but 2 were given")
    }

    // MARK: Lists

    @Test func sumsAndCounts() throws {
        #expect(try Fixtures.value("sum([1, 2, 3])") == .number(6))
        #expect(try Fixtures.value("sum([€ 0,10, € 0,20])") == .money(Fixtures.decimal("0.3")))
        #expect(try Fixtures.value("sum([10%, 5%])") == .percentage(Fixtures.decimal("0.15")))
        #expect(try Fixtures.value("sum(ln)", ["ln": Self.emptyNumbers]) == .number(0))
        #expect(try Fixtures.value("sum(lm)", ["lm": Self.emptyMoney]) == .money(0))
        #expect(try Fixtures.value("count(['a', 'b'])") == .number(2))
        #expect(try Fixtures.value("count(ln)", ["ln": Self.emptyNumbers]) == .number(0))
        try expectTypeError(
            "sum(1️⃣12️⃣)",
            "argument 1 of 'sum' must be a list of numbers, money or percentages, but it is number"
        )
        try expectTypeError(
            "sum(1️⃣lt2️⃣)",
            "argument 1 of 'sum' must be a list of numbers, money or percentages, but it is list of text"
        )
        try expectTypeError("count(1️⃣t2️⃣)", "argument 1 of 'count' must be a list, but it is text")
    }

    @Test func findsElements() throws {
        #expect(try Fixtures.value("contains([1, 2], 2)") == .boolean(true))
        #expect(try Fixtures.value("contains([€ 1, € 2], 3)") == .boolean(false))
        #expect(
            try Fixtures.value("contains(lt, 'b')", ["lt": .list([.text("a"), .text("b")], elementType: .text)])
                == .boolean(true)
        )
        #expect(try Fixtures.evaluate("contains(lt, t)", ["t": .text("a")]) == .unknown(["lt"]))
        try expectTypeError("contains(1️⃣t2️⃣, 'a')", "argument 1 of 'contains' must be a list, but it is text")
        try expectTypeError(
            "contains(lt, 1️⃣12️⃣)",
            "argument 2 of 'contains' must be text like the list's elements, but it is number"
        )
    }

    // MARK: Unknown answers

    @Test func answeredIsAlwaysKnown() throws {
        #expect(try Fixtures.evaluate("answered(x)") == .known(.boolean(false)))
        #expect(try Fixtures.evaluate("answered(x)", ["x": .number(0)]) == .known(.boolean(true)))
        #expect(try Fixtures.evaluate("answered(x + y)", ["x": .number(0)]) == .known(.boolean(false)))
        #expect(try Fixtures.evaluate("not answered(x) or x > 5") == .known(.boolean(true)))
    }

    @Test func ifUnknownFallsBack() throws {
        #expect(try Fixtures.evaluate("if_unknown(x, 0)") == .known(.number(0)))
        #expect(try Fixtures.evaluate("if_unknown(x, 0)", ["x": .number(5)]) == .known(.number(5)))
        #expect(try Fixtures.evaluate("if_unknown(x, y)") == .unknown(["x", "y"]))
        #expect(try Fixtures.evaluate("if_unknown(x, y)", ["x": .number(1)]) == .known(.number(1)))
        #expect(try Fixtures.value("if_unknown(n, € 0)", ["n": .number(5)]) == .money(5))
        #expect(try Fixtures.checker.type(of: Expression(parsing: "if_unknown(n, € 0)")) == .money)
        try expectTypeError(
            "if_unknown(n, 1️⃣t2️⃣)",
            "argument 2 of 'if_unknown' must be a number like argument 1, but it is text"
        )
    }

    @Test func strictFunctionsCollectMissingNames() throws {
        #expect(try Fixtures.evaluate("round(x)") == .unknown(["x"]))
        #expect(try Fixtures.evaluate("round(x, y)") == .unknown(["x", "y"]))
        #expect(try Fixtures.evaluate("days_between(x, y)") == .unknown(["x", "y"]))
        #expect(try Fixtures.evaluate("sum([x, 1])") == .unknown(["x"]))
        #expect(try Fixtures.evaluate("year(x)") == .unknown(["x"]))
    }

    // MARK: Dates

    @Test(arguments: [
        ("days_between(2024-01-01, 2024-03-01)", Value.number(60)),
        ("days_between(2024-03-01, 2024-01-01)", .number(-60)),
        ("days_between(2023-03-01, 2024-03-01)", .number(366)),
        ("add_days(2024-02-28, 2)", .date(Fixtures.date("2024-03-01"))),
        ("add_days(2024-01-01, -1)", .date(Fixtures.date("2023-12-31"))),
        ("add_months(2024-01-31, 1)", .date(Fixtures.date("2024-02-29"))),
        ("add_months(2024-03-31, -13)", .date(Fixtures.date("2023-02-28"))),
        ("add_years(2024-02-29, 1)", .date(Fixtures.date("2025-02-28"))),
        ("add_years(2024-02-29, 4)", .date(Fixtures.date("2028-02-29"))),
        ("year(2024-02-29)", .number(2024)),
        ("month(2024-02-29)", .number(2)),
        ("day(2024-02-29)", .number(29)),
        ("add_days(2024-01-01, 1.0)", .date(Fixtures.date("2024-01-02"))),
    ])
    func computesDates(text: String, expected: Value) throws {
        #expect(try Fixtures.value(text) == expected)
    }

    @Test func reportsDatesOutOfRange() throws {
        let past = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("add_days(9999-12-31, 1)") }
        #expect(past?.message == "'add_days' moves 9999-12-31 outside the years 1 to 9999")
        #expect(past?.range == 0..<23)
        let huge = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("add_years(2024-01-01, 1000000000)") }
        #expect(huge?.message == "'add_years' got 1000000000, which is out of range")
        let fraction = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("add_days(2024-01-01, 0.5)") }
        #expect(fraction?.message == "'add_days' needs a whole number, but got 0.5")
    }

    @Test func typeChecksDates() throws {
        try expectTypeError("add_days(1️⃣n2️⃣, 1)", "argument 1 of 'add_days' must be a date, but it is number")
        try expectTypeError("add_months(d, 1️⃣m2️⃣)", "argument 2 of 'add_months' must be a number, but it is money")
        try expectTypeError("year(1️⃣t2️⃣)", "argument 1 of 'year' must be a date, but it is text")
        try expectTypeError("days_between(1️⃣t2️⃣, d)", "argument 1 of 'days_between' must be a date, but it is text")
    }

    // MARK: One and two arguments without an array

    /// What a call gives: its result, or its error's message and range.
    private static func outcome(_ call: () throws(EvaluationError) -> EvaluationResult) -> String {
        do {
            return "\(try call())"
        } catch {
            return "error: \(error.message) at \(error.range)"
        }
    }

    /// Every function gives through its one- and two-argument forms exactly what its array form
    /// gives, on known values of every type (the checked cases and the mixes only an unchecked
    /// expression has), on unknown arguments and on failures.
    @Test func fixedArityFormsAgreeWithTheArrayForm() {
        let values: [Value] = [
            .number(3), .number(-2), .number(Fixtures.decimal("2.345")), .number(Fixtures.decimal("0.5")),
            .number(40), .money(3), .money(Fixtures.decimal("1234.565")), .percentage(Fixtures.decimal("0.125")),
            .percentage(Fixtures.decimal("0.5")), .boolean(true), .text("a"), .date(Fixtures.date("2024-02-29")),
            .date(Fixtures.date("2023-01-01")), .list([.number(1), .number(5)], elementType: .number),
            Self.emptyNumbers,
        ]
        let results: [EvaluationResult] =
            values.map { .known($0) } + [.unknown([]), .unknown([1]), .unknown([2, 200])]
        for function in StandardFunctions.all {
            for first in results {
                #expect(
                    Self.outcome { () throws(EvaluationError) in try function.evaluate(first) }
                        == Self.outcome { () throws(EvaluationError) in try function.evaluate([first]) },
                    "\(function.name)(\(first))"
                )
                for second in results {
                    #expect(
                        Self.outcome { () throws(EvaluationError) in try function.evaluate(first, second) }
                            == Self.outcome { () throws(EvaluationError) in try function.evaluate([first, second]) },
                        "\(function.name)(\(first), \(second))"
                    )
                }
            }
        }
    }
}
