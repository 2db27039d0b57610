import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersSource
import Testing

@Suite struct QuestionTypeTests {
    let registry: PluginRegistry

    init() throws {
        registry = try BuiltinPlugins.registry()
    }

    func parse(_ type: String, _ input: String, configure: (inout Question) -> Void = { _ in }) -> Value? {
        guard let questionType = registry.questionType(type) else { return nil }
        var question = Question(
            id: "q", typeID: type, valueType: questionType.valueType, text: LocalizedText([("nl", "Vraag?")]),
            location: SourceLocation(file: "x", line: 1, column: 1)
        )
        configure(&question)
        return try? questionType.parse(.text(input), for: question).get()
    }

    @Test func allRequiredTypesAreRegistered() {
        let ids = registry.questionTypes.map(\.id)
        #expect(ids == [
            "boolean", "single_choice", "multiple_choice", "integer", "decimal", "money", "percentage", "date",
            "text", "scale",
        ])
    }

    @Test(arguments: [
        ("€ 125.000,50", Decimal(string: "125000.5")), ("125000.50", Decimal(string: "125000.5")),
        ("125.000", Decimal(125_000)), ("€125000", Decimal(125_000)), ("EUR 1.250.000", Decimal(1_250_000)),
        ("125,000.50", Decimal(string: "125000.5")), ("12,5", Decimal(string: "12.5")), ("0", Decimal(0)),
        ("€ 1.000,-", Decimal(1_000)),
    ] as [(String, Decimal?)])
    func moneyAcceptsDutchAndEnglishNotation(input: String, expected: Decimal?) throws {
        #expect(parse("money", input) == .money(try #require(expected)))
    }

    @Test(arguments: ["", "veel", "12.34.5", "1,2,3", "1.00.000", "12e5"])
    func moneyRejectsWhatIsNotAnAmount(input: String) {
        #expect(parse("money", input) == nil)
    }

    @Test func percentagesAreStoredAsFractions() {
        #expect(parse("percentage", "20%") == .percentage(Decimal(string: "0.2") ?? 0))
        #expect(parse("percentage", "12,5") == .percentage(Decimal(string: "0.125") ?? 0))
    }

    @Test func booleansInDutchAndEnglish() {
        #expect(parse("boolean", "Ja") == .boolean(true))
        #expect(parse("boolean", "nee") == .boolean(false))
        #expect(parse("boolean", "yes") == .boolean(true))
        #expect(parse("boolean", "misschien") == nil)
    }

    @Test func datesInIsoAndDutchOrder() {
        let expected = CalendarDate(year: 2022, month: 12, day: 31).map(Value.date)
        #expect(parse("date", "2022-12-31") == expected)
        #expect(parse("date", "31-12-2022") == expected)
        #expect(parse("date", "31-02-2022") == nil)
    }

    @Test func integersRejectFractionsAndRespectBounds() {
        #expect(parse("integer", "12") == .number(12))
        #expect(parse("integer", "12,5") == nil)
        #expect(parse("integer", "200") { $0.maximum = .number(120) } == nil)
        #expect(parse("integer", "-1") { $0.minimum = .number(0) } == nil)
    }

    @Test func scaleIsOneToFiveByDefault() {
        #expect(parse("scale", "3") == .number(3))
        #expect(parse("scale", "6") == nil)
        #expect(parse("scale", "0") == nil)
        #expect(parse("scale", "7") { $0.maximum = .number(10) } == .number(7))
    }

    @Test func choicesAcceptIdNumberOrLabel() {
        let options: (inout Question) -> Void = { question in
            question.options = [
                ChoiceOption(id: "zvw", label: LocalizedText([("nl", "Zorgverzekeringswet")]),
                             location: SourceLocation(file: "x", line: 1, column: 1)),
                ChoiceOption(id: "wmo", label: LocalizedText([("nl", "Wet maatschappelijke ondersteuning")]),
                             location: SourceLocation(file: "x", line: 2, column: 1)),
            ]
        }
        #expect(parse("single_choice", "wmo", configure: options) == .text("wmo"))
        #expect(parse("single_choice", "1", configure: options) == .text("zvw"))
        #expect(parse("single_choice", "zorgverzekeringswet", configure: options) == .text("zvw"))
        #expect(parse("single_choice", "3", configure: options) == nil)
        #expect(
            parse("multiple_choice", "wmo, 1", configure: options)
                == .list([.text("zvw"), .text("wmo")], elementType: .text)
        )
        #expect(parse("multiple_choice", "geen", configure: options) == .list([], elementType: .text))
    }

    @Test func problemsAreSentencesInDutchAndEnglish() throws {
        let type = try #require(registry.questionType("money"))
        let question = Question(id: "q", typeID: "money", valueType: .money, text: LocalizedText([("nl", "?")]),
                                location: SourceLocation(file: "x", line: 1, column: 1))
        guard case .failure(let problem) = type.parse(.text("veel"), for: question) else {
            Issue.record("'veel' must be rejected")
            return
        }
        #expect(problem.message.text(in: "nl") == "Vul een bedrag in euro's in, bijvoorbeeld € 125.000 of 125000,50.")
        #expect(problem.message.text(in: "en") == "Please enter an amount in euros, such as € 125,000 or 125000.50.")
    }

    @Test func duplicateRegistrationsAreErrors() {
        #expect(throws: PluginError.duplicatePlugin("builtin.question_types")) {
            try PluginRegistry(plugins: BuiltinPlugins.all + [BuiltinQuestionTypes()])
        }
    }
}
