import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersSource
import Testing

/// The number policy for answers: read exactly or refuse with a reason, never round silently.
@Suite struct NumberPolicyTests {
    let registry: PluginRegistry

    init() throws {
        registry = try BuiltinPlugins.registry()
    }

    func parse(_ type: String, _ input: String, unit: String? = nil) -> Result<Value, AnswerProblem>? {
        guard let questionType = registry.questionType(type) else { return nil }
        var question = Question(
            id: "q", typeID: type, valueType: questionType.valueType, text: LocalizedText([("nl", "Vraag?")]),
            location: SourceLocation(file: "x", line: 1, column: 1)
        )
        if let unit { question.unit = LocalizedText([("nl", unit), ("en", "months")]) }
        return questionType.parse(.text(input), for: question)
    }

    @Test func answersOverThirtyEightSignificantDigitsAreRefusedNotRounded() throws {
        let long = "1" + String(repeating: "2", count: 38)  // 39 digits
        guard case .failure(let problem) = parse("decimal", long) else {
            Issue.record("a 39-digit answer was accepted")
            return
        }
        #expect(problem.message.text(in: "nl").contains("38 cijfers"))
        let fraction = "0," + String(repeating: "3", count: 39)
        #expect((try? parse("decimal", fraction)?.get()) == nil)
    }

    @Test func numbersOfEveryLengthReadAsTheirDigitsSay() throws {
        // Both ways the parser builds a number (from up to 19 digits, or through Decimal's own
        // reader for more), with either decimal mark, a sign, spaces and grouping.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let wholeCount = Int.random(in: 1...20, using: &generator)
            let fractionCount = [1, 2, 4, 5, 9, 17].randomElement(using: &generator) ?? 1
            let whole = String(Int.random(in: 1...9, using: &generator))
                + String((1..<wholeCount).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let fraction = String((0..<fractionCount).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let negative = Bool.random(using: &generator)
            let expected = try #require(Decimal(string: (negative ? "-" : "") + whole + "." + fraction))
            for written in [whole + "." + fraction, whole + "," + fraction, " " + whole + "," + fraction + " "] {
                let input = (negative ? "-" : "") + written
                #expect(try parse("decimal", input)?.get() == .number(expected), "\(input)")
            }
        }
        #expect(try parse("decimal", "1.234.567,5")?.get() == .number(try #require(Decimal(string: "1234567.5"))))
        #expect(try parse("decimal", "1 234 567.25")?.get() == .number(try #require(Decimal(string: "1234567.25"))))
        #expect(try parse("decimal", "007")?.get() == .number(7))
        #expect(try parse("decimal", "-0,000")?.get() == .number(0))
        for refused in ["1e3", "12.", ",", "-", "1.2.3,4,5", "1,2345,6", "12 abc", "١٢"] {
            #expect((try? parse("decimal", refused)?.get()) == nil, "\(refused)")
        }
    }

    @Test func thirtyEightSignificantDigitsAreKeptExactly() throws {
        let digits = "1" + String(repeating: "2", count: 37)
        let value = try #require(try parse("decimal", digits)?.get())
        #expect(value == .number(try #require(Decimal(string: digits))))
        // Leading zeros do not count.
        let small = "0,000" + String(repeating: "7", count: 38)
        #expect((try? parse("decimal", small)?.get()) != nil)
    }

    @Test func moneyWithAThousandthIsRefusedNotReadAsOneEuro() throws {
        guard case .failure(let problem) = parse("money", "0.001") else {
            Issue.record("0.001 was accepted as an amount")
            return
        }
        #expect(problem.message.text(in: "nl").contains("twee cijfers achter de komma"))
        #expect((try? parse("money", "0,001")?.get()) == nil)
        #expect(try parse("decimal", "0.001")?.get() == .number(try #require(Decimal(string: "0.001"))))
        // Grouping still works when the first group is not zero.
        #expect(try parse("money", "1.000")?.get() == .money(1_000))
    }

    @Test func numbersWithTheFieldsUnitAreAccepted() throws {
        #expect(try parse("integer", "30 maanden", unit: "maanden")?.get() == .number(30))
        #expect(try parse("integer", "30 Maanden", unit: "maanden")?.get() == .number(30))
        #expect(try parse("integer", "30 months", unit: "maanden")?.get() == .number(30))
        #expect(try parse("money", "380.000 euro")?.get() == .money(380_000))
        #expect(try parse("money", "€ 380.000 euros")?.get() == .money(380_000))
        #expect((try? parse("integer", "30 jaar", unit: "maanden")?.get()) == nil)
    }

    @Test func megabyteNumberTextIsRefused() throws {
        let huge = String(repeating: "9", count: 1_000_000)
        #expect((try? parse("decimal", huge)?.get()) == nil)
    }
}
