import Foundation
import KoersExpression
import Testing

@Suite struct ValueTests {
    @Test(arguments: [
        (Value.number(Fixtures.decimal("12.5")), "12.5", "12.5"),
        (.number(-3), "-3", "-3"),
        (.money(Fixtures.decimal("125000.5")), "€ 125000.50", "€ 125.000,50"),
        (.money(7), "€ 7.00", "€ 7,00"),
        (.money(-1_234_567), "-€ 1234567.00", "-€ 1.234.567,00"),
        (.money(Fixtures.decimal("0.125")), "€ 0.125", "€ 0,125"),
        (.percentage(Fixtures.decimal("0.2")), "20%", "20%"),
        (.percentage(Fixtures.decimal("0.125")), "12.5%", "12.5%"),
        (.boolean(true), "true", "true"),
        (.text(#"say "hi" \ now"#), #""say \"hi\" \\ now""#, #""say \"hi\" \\ now""#),
        (.date(Fixtures.date("2022-12-31")), "2022-12-31", "2022-12-31"),
        (.list([.number(1), .number(2)], elementType: .number), "[1, 2]", "[1, 2]"),
        (.list([.money(1)], elementType: .money), "[€ 1.00]", "[€ 1,00]"),
    ])
    func printsCanonically(value: Value, description: String, literal: String) {
        #expect(value.description == description)
        #expect(value.literal == literal)
    }

    @Test(arguments: [
        Value.number(Fixtures.decimal("12.5")), .money(Fixtures.decimal("125000.5")), .money(-5),
        .percentage(Fixtures.decimal("0.125")), .boolean(false), .text(#"a "b" \c"#),
        .date(Fixtures.date("2024-02-29")),
        .list([.text("x"), .text("y")], elementType: .text),
    ])
    func literalsParseBack(value: Value) throws {
        #expect(try Fixtures.value(value.literal) == value)
    }

    @Test func typesDescribeThemselves() {
        #expect(ValueType.list(.list(.text)).description == "list of list of text")
        #expect(Value.list([], elementType: .date).type == .list(.date))
    }

    @Test func typesUnify() {
        #expect(ValueType.number.unified(with: .money) == .money)
        #expect(ValueType.money.unified(with: .number) == .money)
        #expect(ValueType.list(.number).unified(with: .list(.money)) == .list(.money))
        #expect(ValueType.text.unified(with: .text) == .text)
        #expect(ValueType.number.unified(with: .percentage) == nil)
        #expect(ValueType.list(.text).unified(with: .text) == nil)
    }

    @Test func convertsNumbersToMoney() {
        #expect(Value.number(5).converted(to: .money) == .money(5))
        #expect(Value.money(5).converted(to: .money) == .money(5))
        #expect(Value.money(5).converted(to: .number) == nil)
        #expect(Value.text("a").converted(to: .money) == nil)
        #expect(
            Value.list([.number(1)], elementType: .number).converted(to: .list(.money))
                == .list([.money(1)], elementType: .money)
        )
        #expect(Value.list([], elementType: .number).converted(to: .list(.money)) == .list([], elementType: .money))
    }

    @Test func comparesAsTheLanguageDoes() {
        #expect(Value.number(5).matches(.money(5)))
        #expect(Value.number(5) != .money(5))
        #expect(!Value.text("5").matches(.number(5)))
        #expect(Value.money(4).isLess(than: .number(5)) == true)
        #expect(Value.date(Fixtures.date("2024-01-01")).isLess(than: .date(Fixtures.date("2023-01-01"))) == false)
        #expect(Value.text("a").isLess(than: .text("b")) == nil)
        #expect(Value.percentage(1).isLess(than: .number(2)) == nil)
    }

    @Test func collectsValuesOrMissingNames() {
        let known: [EvaluationResult] = [.known(.number(1)), .known(.number(2))]
        #expect(EvaluationResult.values(of: known) == .success([.number(1), .number(2)]))
        let mixed: [EvaluationResult] = [.unknown([0]), .known(.number(2)), .unknown([1, 2])]
        #expect(EvaluationResult.values(of: mixed) == .failure(MissingInputs(inputs: [0, 1, 2])))
        #expect(EvaluationResult.unknown([0]).missing == [0])
        #expect(EvaluationResult.known(.boolean(true)).value == .boolean(true))
        #expect(!EvaluationResult.unknown([]).isKnown)
    }
}
