import Foundation
import KoersExpression
import Testing

@Suite struct TypeCheckerTests {
    @Test(arguments: [
        // + and -
        ("n + n", ValueType.number), ("m + m", .money), ("m - n", .money), ("n + m", .money),
        ("p + p", .percentage), ("p - 5%", .percentage),
        // *
        ("n * n", .number), ("m * n", .money), ("n * m", .money), ("m * p", .money), ("p * m", .money),
        ("n * p", .number), ("p * n", .number), ("p * p", .percentage),
        // /
        ("n / n", .number), ("m / n", .money), ("m / m", .number), ("m / p", .money),
        ("n / p", .number), ("p / n", .percentage), ("p / p", .number),
        // unary minus
        ("-n", .number), ("-m", .money), ("-p", .percentage),
        // comparisons
        ("n < n", .boolean), ("m <= 5", .boolean), ("5 > m", .boolean), ("p >= 20%", .boolean),
        ("d < 2024-01-01", .boolean), ("t == 'a'", .boolean), ("m == n", .boolean), ("b != true", .boolean),
        ("ln == [1, 2]", .boolean), ("lm == [1, 2]", .boolean), ("d == 2024-01-01", .boolean),
        // in
        ("n in [1, 2]", .boolean), ("n in lm", .boolean), ("t not in lt", .boolean), ("m in [1, € 2]", .boolean),
        // logic
        ("b and b", .boolean), ("b or not b", .boolean),
        // literals and structure
        ("[1, € 2]", .list(.money)), ("[[1], [€ 2]]", .list(.list(.money))), ("[t]", .list(.text)),
        ("if b then 1 else € 2", .money), ("if b then t else 'x'", .text), ("(m)", .money),
        // functions
        ("min(n, m)", .money), ("round(p, 1)", .percentage), ("days_between(d, 2024-01-01)", .number),
    ])
    func infersTypes(text: String, type: ValueType) throws {
        #expect(try Fixtures.checker.type(of: Expression(parsing: text)) == type)
    }

    @Test func checksARealisticCondition() throws {
        let text = """
            is_care_provider and has_purchaser_partner and ehealth_costs <= 20% * total_costs \
            and requested_subsidy >= € 50.000
            """
        #expect(try Fixtures.checker.type(of: Expression(parsing: text)) == .boolean)
    }

    // MARK: Arithmetic

    @Test(arguments: [
        ("n 1️⃣+2️⃣ t", "cannot apply '+' to number and text", [String]()),
        ("t 1️⃣+2️⃣ t", "cannot apply '+' to text and text", []),
        ("b 1️⃣-2️⃣ n", "cannot apply '-' to boolean and number", []),
        ("m 1️⃣*2️⃣ m", "cannot apply '*' to money and money", []),
        ("n 1️⃣/2️⃣ m", "cannot apply '/' to number and money", []),
        ("p 1️⃣/2️⃣ m", "cannot apply '/' to percentage and money", []),
        ("ln 1️⃣+2️⃣ ln", "cannot apply '+' to list of number and list of number", []),
        ("n 1️⃣+2️⃣ p", "cannot apply '+' to number and percentage", ["write 20% for a percentage"]),
        ("p 1️⃣-2️⃣ 0.05", "cannot apply '-' to percentage and number", ["write 5% for a percentage"]),
        (
            "m 1️⃣+2️⃣ p", "cannot apply '+' to money and percentage",
            ["multiply to take a percentage of an amount, as in amount * 20%"]
        ),
        (
            "d 1️⃣+2️⃣ 1", "cannot apply '+' to date and number",
            ["use add_days(date, days), add_months or add_years to move a date"]
        ),
        (
            "30 1️⃣+2️⃣ d", "cannot apply '+' to number and date",
            ["use add_days(date, days), add_months or add_years to move a date"]
        ),
        (
            "d 1️⃣-2️⃣ 2024-01-01", "cannot apply '-' to date and date",
            ["use days_between(start, end) to count the days between two dates"]
        ),
        (
            "d 1️⃣*2️⃣ 2", "cannot apply '*' to date and number",
            ["use add_days(...) to move a date and days_between(...) to count days"]
        ),
    ])
    func rejectsArithmeticOnTheWrongTypes(marked: String, message: String, notes: [String]) throws {
        try expectTypeError(marked, message, notes: notes)
    }

    @Test func rejectsNegatingWhatIsNotANumber() throws {
        try expectTypeError("1️⃣-2️⃣t", "cannot apply '-' to text")
        try expectTypeError("1️⃣-2️⃣ d", "cannot apply '-' to date")
    }

    // MARK: Comparisons

    @Test(arguments: [
        ("p 1️⃣>2️⃣ 0.2", "cannot apply '>' to percentage and number", ["write 20% for a percentage"]),
        ("p 1️⃣>2️⃣ 5", "cannot apply '>' to percentage and number", ["write 5% for a percentage"]),
        ("n 1️⃣<=2️⃣ p", "cannot apply '<=' to number and percentage", ["write 20% for a percentage"]),
        (
            "t 1️⃣<2️⃣ 'b'", "cannot apply '<' to text and text",
            ["only numbers, money, percentages and dates have an order"]
        ),
        (
            "b 1️⃣>=2️⃣ b", "cannot apply '>=' to boolean and boolean",
            ["only numbers, money, percentages and dates have an order"]
        ),
        ("d 1️⃣<2️⃣ n", "cannot apply '<' to date and number", []),
        ("m 1️⃣>2️⃣ p", "cannot apply '>' to money and percentage", []),
        ("t 1️⃣==2️⃣ n", "cannot apply '==' to text and number", []),
        ("p 1️⃣==2️⃣ 0.2", "cannot apply '==' to percentage and number", ["write 20% for a percentage"]),
        ("ln 1️⃣!=2️⃣ lt", "cannot apply '!=' to list of number and list of text", []),
        ("t 1️⃣in2️⃣ ln", "cannot apply 'in' to text and list of number", []),
        ("t 1️⃣not in2️⃣ [1]", "cannot apply 'not in' to text and list of number", []),
    ])
    func rejectsComparisonsOfTheWrongTypes(marked: String, message: String, notes: [String]) throws {
        try expectTypeError(marked, message, notes: notes)
    }

    @Test func requiresAListOnTheRightOfIn() throws {
        try expectTypeError("n in 1️⃣t2️⃣", "the right operand of 'in' must be a list, but 't' is text")
        try expectTypeError("n not in 1️⃣n + 12️⃣", "the right operand of 'not in' must be a list, but it is number")
    }

    // MARK: Logic and conditionals

    @Test func requiresBooleansForLogic() throws {
        try expectTypeError("1️⃣m2️⃣ and b", "the operands of 'and' must be booleans, but 'm' is money")
        try expectTypeError("b and 1️⃣t2️⃣", "the operands of 'and' must be booleans, but 't' is text")
        try expectTypeError("b or 1️⃣n + 12️⃣", "the operands of 'or' must be booleans, but it is number")
        try expectTypeError("not 1️⃣t2️⃣", "the operand of 'not' must be a boolean, but 't' is text")
        try expectTypeError("if 1️⃣m2️⃣ then 1 else 2", "the condition of 'if' must be a boolean, but 'm' is money")
    }

    @Test func requiresBranchesOfOneType() throws {
        try expectTypeError(
            "if b then 1 else 1️⃣\"x\"2️⃣",
            "the 'else' branch is text, but the 'then' branch is number",
            notes: ["both branches of 'if' must have one type"]
        )
    }

    @Test func requiresListElementsOfOneType() throws {
        try expectTypeError(
            "[1, € 2, 1️⃣\"x\"2️⃣]",
            "list element is text, but the elements before it are money",
            notes: ["all elements of a list have one type"]
        )
    }

    // MARK: Names and functions

    @Test func suggestsTheClosestName() throws {
        try expectTypeError(
            "1️⃣own_contrib2️⃣ > € 0",
            "unknown name 'own_contrib'",
            notes: ["did you mean 'own_contribution'?"]
        )
        try expectTypeError("n + 1️⃣zzz2️⃣", "unknown name 'zzz'")
        try expectTypeError("1️⃣min2️⃣ > 1", "unknown name 'min'", notes: ["'min' is a function; call it as min(...)"])
    }

    @Test func suggestsTheClosestFunction() throws {
        try expectTypeError("1️⃣mim2️⃣(1, 2)", "unknown function 'mim'", notes: ["did you mean 'min'?"])
        try expectTypeError("1️⃣n2️⃣(1)", "unknown function 'n'", notes: ["'n' is a value, not a function"])
    }

    @Test func reportsArgumentErrorsAtTheArgument() throws {
        try expectTypeError(
            "days_between(d, 1️⃣n2️⃣)",
            "argument 2 of 'days_between' must be a date, but it is number"
        )
        try expectTypeError("round(n, 1, 1️⃣22️⃣)", "'round' takes 1 or 2 arguments, but 3 were given")
        try expectTypeError("1️⃣days_between(d)2️⃣", "'days_between' takes 2 arguments, but 1 was given")
    }

    @Test func reportsTheFirstErrorInTheText() throws {
        try expectTypeError("1️⃣xyz_total2️⃣ + qqq", "unknown name 'xyz_total'")
        try expectTypeError("(n 1️⃣+2️⃣ t) + y", "cannot apply '+' to number and text")
    }
}
