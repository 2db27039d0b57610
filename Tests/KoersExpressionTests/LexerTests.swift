import Foundation
import KoersExpression
import Testing

@Suite struct LexerTests {
    @Test(arguments: [
        ("125000", Value.number(125_000)),
        ("0.5", .number(Fixtures.decimal("0.5"))),
        ("125_000", .number(125_000)),
        ("1_250_000.000_5", .number(Fixtures.decimal("1250000.0005"))),
        ("€ 125.000", .money(125_000)),
        ("€125.000,50", .money(Fixtures.decimal("125000.50"))),
        ("€ 125000", .money(125_000)),
        ("€ 0,10", .money(Fixtures.decimal("0.10"))),
        ("€ 12,5", .money(Fixtures.decimal("12.50"))),
        ("€ 1.250.000,05", .money(Fixtures.decimal("1250000.05"))),
        ("€\u{00A0}50.000", .money(50_000)),
        ("20%", .percentage(Fixtures.decimal("0.2"))),
        ("12.5%", .percentage(Fixtures.decimal("0.125"))),
        ("true", .boolean(true)),
        ("false", .boolean(false)),
        ("\"zorgaanbieder\"", .text("zorgaanbieder")),
        ("'zorgaanbieder'", .text("zorgaanbieder")),
        (#""say \"hi\" \\ back""#, .text(#"say "hi" \ back"#)),
        (#"'C:\temp'"#, .text(#"C:\temp"#)),
        ("\"één\"", .text("één")),
        ("2022-12-31", .date(Fixtures.date("2022-12-31"))),
        ("2024-02-29", .date(Fixtures.date("2024-02-29"))),
    ])
    func readsLiterals(text: String, expected: Value) throws {
        let expression = try Expression(parsing: text)
        #expect(expression.root.kind == .literal(expected))
        #expect(expression.root.range == 0..<text.unicodeScalars.count)
    }

    @Test func readsListLiterals() throws {
        #expect(try Fixtures.value("[1, 2, 3]") == .list([.number(1), .number(2), .number(3)], elementType: .number))
        #expect(try Fixtures.value("[1, € 2]") == .list([.money(1), .money(2)], elementType: .money))
        #expect(try Fixtures.value("['a']") == .list([.text("a")], elementType: .text))
    }

    @Test func aDateNeedsNoSpacesButASubtractionMayHaveThem() throws {
        #expect(try Fixtures.value("2022-12") == .number(2010))
        #expect(try Fixtures.value("2022 - 12 - 31") == .number(1979))
    }

    @Test func moneyLiteralsAreExactDecimals() throws {
        #expect(try Fixtures.value("€ 0,10 + € 0,20 == € 0,30") == .boolean(true))
        #expect(try Fixtures.value("€ 0,10 + € 0,20") == .money(Fixtures.decimal("0.3")))
    }

    @Test(arguments: [
        (
            "1️⃣€ 125.52️⃣", "'.' in an amount must be followed by exactly 3 digits",
            [
                "in amounts, '.' separates thousands and ',' separates cents",
                "write cents with a comma, as in € 125,5",
            ]
        ),
        (
            "x > 1️⃣€125000.502️⃣", "'.' in an amount must be followed by exactly 3 digits",
            [
                "in amounts, '.' separates thousands and ',' separates cents",
                "write cents with a comma, as in € 125000,50",
            ]
        ),
        (
            "1️⃣€ 1.000.00002️⃣", "'.' in an amount must be followed by exactly 3 digits",
            ["in amounts, '.' separates thousands and ',' separates cents"]
        ),
        (
            "1️⃣€ 1234.5672️⃣", "'.' must separate the digits of an amount into groups of 3",
            ["write € 1.250.000 or € 1250000"]
        ),
        (
            "1️⃣€ 5,1002️⃣", "',' in an amount must be followed by 1 or 2 digits for the cents",
            ["write thousands with '.', as in € 5.100", "put a space after a ',' that separates arguments"]
        ),
        ("1️⃣€2️⃣ x", "expected an amount after '€'", []),
        ("1️⃣€ -2️⃣5", "a minus sign goes before '€'", ["write -€ 5 for a negative amount"]),
        ("€ 51️⃣%2️⃣", "unexpected '%' after the amount '€ 5'", []),
        ("€ 1251️⃣_2️⃣000", "unexpected '_' in an amount", ["group thousands in amounts with '.', as in € 125.000"]),
    ])
    func rejectsBadMoney(marked: String, message: String, notes: [String]) throws {
        try expectSyntaxError(marked, message, notes: notes)
    }

    @Test(arguments: [
        ("1️⃣2022-02-302️⃣", "invalid date '2022-02-30': February 2022 has 28 days"),
        ("1️⃣2023-02-292️⃣", "invalid date '2023-02-29': February 2023 has 28 days"),
        ("1️⃣1900-02-292️⃣", "invalid date '1900-02-29': February 1900 has 28 days"),
        ("d < 1️⃣2024-04-312️⃣", "invalid date '2024-04-31': April 2024 has 30 days"),
        ("1️⃣2024-13-012️⃣", "invalid date '2024-13-01': there is no month 13"),
        ("1️⃣0000-01-012️⃣", "invalid date '0000-01-01': years start at 0001"),
    ])
    func rejectsDatesThatDoNotExist(marked: String, message: String) throws {
        try expectSyntaxError(marked, message, notes: [])
    }

    @Test func rejectsDatesNotWrittenAsISO() throws {
        try expectSyntaxError(
            "1️⃣2024-1-52️⃣",
            "invalid date '2024-1-5'",
            notes: ["write dates as YYYY-MM-DD, as in 2022-01-05"]
        )
    }

    @Test(arguments: [
        ("1️⃣12abc2️⃣", "invalid number '12abc'"),
        ("1️⃣1e52️⃣", "invalid number '1e5'"),
        ("1️⃣1.2.32️⃣", "invalid number '1.2.3'"),
    ])
    func rejectsBadNumbers(marked: String, message: String) throws {
        try expectSyntaxError(
            marked,
            message,
            notes: ["numbers are written as 125000, 125_000 or 12.5, with a '.' as decimal point"]
        )
    }

    @Test func rejectsMisplacedSeparatorsAndPoints() throws {
        try expectSyntaxError("11️⃣_2️⃣ + 2", "'_' can only stand between digits", notes: ["write thousands as 125_000"])
        try expectSyntaxError("11️⃣.2️⃣", "expected digits after the decimal point", notes: [])
        try expectSyntaxError("1️⃣.2️⃣5", "unexpected '.'", notes: ["write a leading zero, as in 0.5"])
    }

    @Test func rejectsBadText() throws {
        try expectSyntaxError("t == 1️⃣\"abc2️⃣", "unterminated text", notes: ["add a closing \""])
        try expectSyntaxError("1️⃣'abc2️⃣", "unterminated text", notes: ["add a closing '"])
        try expectSyntaxError(
            "\"a1️⃣\\n2️⃣\"",
            "unknown escape '\\n' in text",
            notes: ["only \\\" and \\\\ are escapes; use single quotes for text with backslashes"]
        )
        try expectSyntaxError(
            "t == 1️⃣“2️⃣a”",
            "unexpected '“'",
            notes: ["write text between straight quotes: \"text\" or 'text'"]
        )
    }

    @Test(arguments: [
        ("1️⃣TotalCosts2️⃣ > 0", "'TotalCosts' is not a valid name; names and keywords are lowercase", "total_costs"),
        ("1️⃣Total_Costs2️⃣ > 0", "'Total_Costs' is not a valid name; names and keywords are lowercase", "total_costs"),
        ("a 1️⃣AND2️⃣ b", "'AND' is not a valid name; names and keywords are lowercase", "and"),
        ("1️⃣True2️⃣", "'True' is not a valid name; names and keywords are lowercase", "true"),
        (
            "1️⃣ownContribution22️⃣", "'ownContribution2' is not a valid name; names and keywords are lowercase",
            "own_contribution2"
        ),
    ])
    func rejectsCapitalisedNamesWithAHint(marked: String, message: String, suggestion: String) throws {
        try expectSyntaxError(marked, message, notes: ["did you mean '\(suggestion)'?"])
    }

    @Test func rejectsLettersOutsideASCIIInNames() throws {
        try expectSyntaxError(
            "bedrag1️⃣é2️⃣ > 0",
            "unexpected character 'é' in the name 'bedragé'",
            notes: ["names use only the letters a to z, digits and '_'"]
        )
    }

    @Test(arguments: [
        ("a 1️⃣=2️⃣ b", "unexpected '=', use '==' to compare"),
        ("a 1️⃣&&2️⃣ b", "unexpected '&&', use 'and'"),
        ("a 1️⃣||2️⃣ b", "unexpected '||', use 'or'"),
        ("1️⃣!2️⃣a", "unexpected '!', use 'not'"),
        ("a 1️⃣<>2️⃣ b", "unexpected '<>', use '!='"),
        ("a 1️⃣=>2️⃣ b", "unexpected '=>', use '>=' for at least"),
        ("a 1️⃣;2️⃣", "unexpected character ';'"),
    ])
    func rejectsOperatorsFromOtherLanguages(marked: String, message: String) throws {
        try expectSyntaxError(marked, message, notes: [])
    }

    @Test func rejectsAStrayPercentSign() throws {
        try expectSyntaxError(
            "n 1️⃣%2️⃣ 2",
            "unexpected '%'",
            notes: ["a percentage is written right after a number, as in 20%"]
        )
    }

    @Test func countsOffsetsInUnicodeScalars() throws {
        // "é" is one scalar, "👩‍⚕️" four; the error is at scalar offset 13.
        try expectSyntaxError("\"é👩‍⚕️\" == t 1️⃣=2️⃣ t", "unexpected '=', use '==' to compare")
    }

    @Test func rejectsAnOverlongNumber() throws {
        let digits = String(repeating: "9", count: 39)
        let error = #expect(throws: ExpressionError.self) { _ = try Expression(parsing: digits) }
        #expect(error?.message == "'\(digits)' has more than 38 significant digits")
    }
}
