import Foundation
import KoersExpression
import Testing

@Suite struct EvaluatorTests {
    /// `nil` stands for an unanswered question.
    static func environment(a: Bool?, b: Bool?) -> [String: Value] {
        var values: [String: Value] = [:]
        if let a { values["a"] = .boolean(a) }
        if let b { values["b"] = .boolean(b) }
        return values
    }

    static func expected(_ value: Bool?, missing: Set<String>) -> NamedResult {
        value.map { .known(.boolean($0)) } ?? .unknown(missing)
    }

    // MARK: Kleene logic

    @Test(
        arguments: [
            (true, true, true, Set<String>()), (true, false, false, []), (true, nil, nil, ["b"]),
            (false, true, false, []), (false, false, false, []), (false, nil, false, []),
            (nil, true, nil, ["a"]), (nil, false, false, []), (nil, nil, nil, ["a", "b"]),
        ] as [(Bool?, Bool?, Bool?, Set<String>)]
    )
    func andFollowsKleene(a: Bool?, b: Bool?, result: Bool?, missing: Set<String>) throws {
        let values = Self.environment(a: a, b: b)
        #expect(try Fixtures.evaluate("a and b", values) == Self.expected(result, missing: missing))
    }

    @Test(
        arguments: [
            (true, true, true, Set<String>()), (true, false, true, []), (true, nil, true, []),
            (false, true, true, []), (false, false, false, []), (false, nil, nil, ["b"]),
            (nil, true, true, []), (nil, false, nil, ["a"]), (nil, nil, nil, ["a", "b"]),
        ] as [(Bool?, Bool?, Bool?, Set<String>)]
    )
    func orFollowsKleene(a: Bool?, b: Bool?, result: Bool?, missing: Set<String>) throws {
        let values = Self.environment(a: a, b: b)
        #expect(try Fixtures.evaluate("a or b", values) == Self.expected(result, missing: missing))
    }

    @Test(arguments: [(true, false), (false, true), (nil, nil)] as [(Bool?, Bool?)])
    func notFollowsKleene(a: Bool?, result: Bool?) throws {
        let values = Self.environment(a: a, b: nil)
        #expect(try Fixtures.evaluate("not a", values) == Self.expected(result, missing: ["a"]))
    }

    @Test func aDecidedOperandHidesTheOthersMissingNames() throws {
        #expect(try Fixtures.evaluate("false and (x or y)") == .known(.boolean(false)))
        #expect(try Fixtures.evaluate("x and y and false") == .known(.boolean(false)))
        #expect(try Fixtures.evaluate("x or true") == .known(.boolean(true)))
        #expect(try Fixtures.evaluate("(x and y) or (z and w)") == .unknown(["x", "y", "z", "w"]))
        #expect(try Fixtures.evaluate("(x and y) or (z and w)", ["x": .boolean(false)]) == .unknown(["z", "w"]))
    }

    @Test func strictOperationsCollectEveryMissingName() throws {
        #expect(try Fixtures.evaluate("x + 1") == .unknown(["x"]))
        #expect(try Fixtures.evaluate("x * y > z") == .unknown(["x", "y", "z"]))
        #expect(try Fixtures.evaluate("-x") == .unknown(["x"]))
        #expect(try Fixtures.evaluate("x == 1", ["y": .number(1)]) == .unknown(["x"]))
        #expect(try Fixtures.evaluate("[x, 1, y]") == .unknown(["x", "y"]))
        #expect(try Fixtures.evaluate("min(x, 1, y)") == .unknown(["x", "y"]))
    }

    @Test func conditionalsDecideWhenTheBranchesAgree() throws {
        #expect(try Fixtures.evaluate("if c then 1 else 1") == .known(.number(1)))
        #expect(try Fixtures.evaluate("if c then 1 else 2") == .unknown(["c"]))
        #expect(try Fixtures.evaluate("if c then x else 2") == .unknown(["c", "x"]))
        #expect(try Fixtures.evaluate("if c then x else y", ["x": .number(1), "y": .money(1)]) == .known(.number(1)))
        #expect(try Fixtures.evaluate("if c then x else 2", ["c": .boolean(false)]) == .known(.number(2)))
        #expect(try Fixtures.evaluate("if c then x else 2", ["c": .boolean(true)]) == .unknown(["x"]))
    }

    @Test func membershipDecidesAsSoonAsAnElementMatches() throws {
        let list = "x in [1, y, 3]"
        #expect(try Fixtures.evaluate(list, ["x": .number(3)]) == .known(.boolean(true)))
        #expect(try Fixtures.evaluate(list, ["x": .number(2)]) == .unknown(["y"]))
        #expect(try Fixtures.evaluate(list, ["x": .number(2), "y": .number(2)]) == .known(.boolean(true)))
        #expect(try Fixtures.evaluate(list, ["x": .number(4), "y": .number(2)]) == .known(.boolean(false)))
        #expect(try Fixtures.evaluate(list) == .unknown(["x", "y"]))
        #expect(try Fixtures.evaluate("x not in [1, y]", ["x": .number(1)]) == .known(.boolean(false)))
        #expect(try Fixtures.evaluate("x not in [1, y]", ["x": .number(5), "y": .number(6)]) == .known(.boolean(true)))
        #expect(try Fixtures.evaluate("x in [€ 1, € 2]", ["x": .number(2)]) == .known(.boolean(true)))
        #expect(
            try Fixtures.evaluate("x in l", ["x": .text("a"), "l": .list([.text("a")], elementType: .text)])
                == .known(.boolean(true))
        )
        #expect(try Fixtures.evaluate("x in l", ["x": .text("a")]) == .unknown(["l"]))
    }

    // MARK: Exact arithmetic

    @Test(arguments: [
        ("0.1 + 0.2 == 0.3", Value.boolean(true)),
        ("€ 0,10 + € 0,20 == € 0,30", .boolean(true)),
        ("20% * € 125.000", .money(25_000)),
        ("€ 125.000 * 20%", .money(25_000)),
        ("€ 125.000 / 20%", .money(625_000)),
        ("€ 300 / € 1.200", .number(Fixtures.decimal("0.25"))),
        ("€ 300 / 4", .money(75)),
        ("12.5% * 8", .number(1)),
        ("50% * 50%", .percentage(Fixtures.decimal("0.25"))),
        ("30% / 60%", .number(Fixtures.decimal("0.5"))),
        ("30% / 3", .percentage(Fixtures.decimal("0.1"))),
        ("20% + 5%", .percentage(Fixtures.decimal("0.25"))),
        ("€ 5 + 1", .money(6)),
        ("1 - € 5", .money(-4)),
        ("-€ 5", .money(-5)),
        ("-(20%)", .percentage(Fixtures.decimal("-0.2"))),
        ("€ 5 == 5", .boolean(true)),
        ("€ 5 > 4.99", .boolean(true)),
        ("€ 1.000.000,01 - € 0,01", .money(1_000_000)),
        ("1 / 3 * 3 == 1", .boolean(false)),
        ("round(1 / 3 * 3, 10) == 1", .boolean(true)),
        ("2024-02-29 < 2024-03-01", .boolean(true)),
        ("'a' != \"a\"", .boolean(false)),
        ("[1, 2] == [€ 1, € 2]", .boolean(true)),
        ("[1, 2] == [1, 2, 3]", .boolean(false)),
    ])
    func computesExactly(text: String, expected: Value) throws {
        #expect(try Fixtures.value(text) == expected)
    }

    @Test func computesExactlyWithAnswers() throws {
        let values: [String: Value] = [
            "total_costs": .money(Fixtures.decimal("333333.33")),
            "ehealth_costs": .money(Fixtures.decimal("66666.666")),
        ]
        #expect(try Fixtures.value("20% * total_costs", values) == .money(Fixtures.decimal("66666.666")))
        #expect(try Fixtures.value("ehealth_costs <= 20% * total_costs", values) == .boolean(true))
    }

    // MARK: Errors

    @Test func reportsDivisionByZeroAtTheOperator() throws {
        let error = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("1 + 1 / 0") }
        #expect(error?.message == "division by zero")
        #expect(error?.range == 6..<7)
        let answered = #expect(throws: EvaluationError.self) {
            try Fixtures.evaluate("€ 10 / (n - 1)", ["n": .number(1)])
        }
        #expect(answered?.range == 5..<6)
        #expect(answered?.description == "5..<6: division by zero")
    }

    @Test func anUnknownDivisorIsNotAnError() throws {
        #expect(try Fixtures.evaluate("1 / x") == .unknown(["x"]))
    }

    @Test func aBranchThatMayNotBeTakenDoesNotFailYet() throws {
        #expect(try Fixtures.evaluate("c and 1 / z > 0", ["z": .number(0)]) == .unknown(["c"]))
        #expect(try Fixtures.evaluate("c or 1 / z > 0", ["z": .number(0)]) == .unknown(["c"]))
        #expect(try Fixtures.evaluate("if c then 1 / z else 2", ["z": .number(0)]) == .unknown(["c"]))
        #expect(throws: EvaluationError.self) {
            try Fixtures.evaluate("c and 1 / z > 0", ["z": .number(0), "c": .boolean(true)])
        }
    }

    @Test func reportsTypeMismatchesInUncheckedExpressions() throws {
        let error = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("'a' + 1") }
        #expect(error?.message == "cannot apply '+' to text and number")
        #expect(error?.range == 4..<5)
        let logic = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("1 and true") }
        #expect(logic?.message == "the operands of 'and' must be booleans, but one is number")
        let unknownFunction = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("1 + nope(1)") }
        #expect(unknownFunction?.message == "unknown function 'nope'")
        #expect(unknownFunction?.range == 4..<11)
    }

    @Test func placesErrorsFromFunctionsAtTheCall() throws {
        let error = #expect(throws: EvaluationError.self) { try Fixtures.evaluate("x + add_days(9999-12-31, 1)") }
        #expect(error?.range == 4..<27)
    }

    // MARK: A realistic condition

    static let condition = """
        is_care_provider and has_purchaser_partner and ehealth_costs <= 20% * total_costs \
        and requested_subsidy >= € 50.000
        """

    static let eligible: [String: Value] = [
        "is_care_provider": .boolean(true),
        "has_purchaser_partner": .boolean(true),
        "ehealth_costs": .money(Fixtures.decimal("80000")),
        "total_costs": .money(Fixtures.decimal("400000")),
        "requested_subsidy": .money(Fixtures.decimal("50000")),
    ]

    @Test func evaluatesARealisticCondition() throws {
        let expression = try Expression(parsing: Self.condition)
        #expect(try Fixtures.checker.type(of: expression) == .boolean)
        let evaluate = { (values: [String: Value]) throws -> NamedResult in
            try Fixtures.evaluator.evaluate(expression, values: values)
        }
        #expect(try evaluate(Self.eligible) == .known(.boolean(true)))

        var tooExpensive = Self.eligible
        tooExpensive["ehealth_costs"] = .money(Fixtures.decimal("80000.01"))
        #expect(try evaluate(tooExpensive) == .known(.boolean(false)))

        var notAProvider = Self.eligible
        notAProvider["is_care_provider"] = .boolean(false)
        notAProvider["total_costs"] = nil
        notAProvider["requested_subsidy"] = nil
        #expect(try evaluate(notAProvider) == .known(.boolean(false)))

        var halfAnswered = Self.eligible
        halfAnswered["total_costs"] = nil
        halfAnswered["requested_subsidy"] = nil
        #expect(try evaluate(halfAnswered) == .unknown(["total_costs", "requested_subsidy"]))

        halfAnswered["requested_subsidy"] = .money(1_000)
        #expect(try evaluate(halfAnswered) == .known(.boolean(false)))

        #expect(try evaluate([:]) == .unknown(Set(expression.referencedNames)))
    }
}
