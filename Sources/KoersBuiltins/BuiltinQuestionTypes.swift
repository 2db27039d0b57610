import Foundation
public import KoersCore
import KoersExpression

/// The question types every pack can use: boolean, single and multiple choice, integer,
/// decimal, money, percentage, date, text and a 1–5 scale.
///
/// They register through `PluginRegistry` like any plugin's types.
public struct BuiltinQuestionTypes: KoersPlugin {
    /// `builtin.question_types`.
    public let id = "builtin.question_types"

    /// Creates the plugin.
    public init() {}

    /// Every built-in question type.
    public static let all: [any QuestionType] = [
        BooleanQuestionType(), SingleChoiceQuestionType(), MultipleChoiceQuestionType(),
        NumericQuestionType(kind: .integer), NumericQuestionType(kind: .decimal), NumericQuestionType(kind: .money),
        NumericQuestionType(kind: .percentage), DateQuestionType(), TextQuestionType(), ScaleQuestionType(),
    ]

    /// Registers every built-in question type.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: `PluginError` when a type with the same id exists.
    public func register(into registry: inout PluginRegistry) throws(PluginError) {
        for type in Self.all {
            try registry.register(questionType: type)
        }
    }
}

/// Yes or no: accepts `ja`, `nee`, `yes`, `no`, `true`, `false`, `j`, `n`, `y`.
struct BooleanQuestionType: QuestionType {
    let id = "boolean"
    let summary = "yes or no (ja/nee)"
    let valueType = ValueType.boolean
    let options = QuestionOptionsUsage.notAllowed
    let acceptsBounds = false

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        if case .boolean(let flag) = input { return .success(.boolean(flag)) }
        guard case .text(let raw) = input else { return .failure(.single) }
        switch raw.trimmingWhitespace().lowercased() {
        case "ja", "j", "yes", "y", "true", "waar": return .success(.boolean(true))
        case "nee", "n", "no", "false", "onwaar": return .success(.boolean(false))
        default:
            return .failure(
                AnswerProblem(nl: "Antwoord met ja of nee.", en: "Please answer yes or no.")
            )
        }
    }
}

/// One option from a list; accepts the option's id, its number (1, 2, …) or its label.
struct SingleChoiceQuestionType: QuestionType {
    let id = "single_choice"
    let summary = "one option from a list"
    let valueType = ValueType.text
    let options = QuestionOptionsUsage.required
    let acceptsBounds = false

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        guard let raw = input.plainText else { return .failure(.single) }
        return ChoiceMatching.option(raw, in: question).map { .text($0) }
    }
}

/// Any number of options; accepts a list, or ids, numbers or labels separated by commas.
struct MultipleChoiceQuestionType: QuestionType {
    let id = "multiple_choice"
    let summary = "any number of options from a list"
    let valueType = ValueType.list(.text)
    let options = QuestionOptionsUsage.required
    let acceptsBounds = false

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        let items: [String]
        switch input {
        case .list(let list): items = list
        case .text(let text):
            let trimmed = text.trimmingWhitespace()
            items = ["", "-", "geen", "none"].contains(trimmed.lowercased())
                ? [] : trimmed.split(separator: ",").map(String.init)
        case .number, .boolean, .value, .dontKnow, .skip:
            return .failure(
                AnswerProblem(nl: "Kies een of meer van de keuzes.", en: "Please pick one or more of the choices.")
            )
        }
        var chosen: [String] = []
        for item in items {
            switch ChoiceMatching.option(item, in: question) {
            case .success(let id): if !chosen.contains(id) { chosen.append(id) }
            case .failure(let problem): return .failure(problem)
            }
        }
        // Keep the pack's order, so equal answers compare equal.
        let ordered = question.options.map(\.id).filter(chosen.contains)
        return .success(.list(ordered.map { .text($0) }, elementType: .text))
    }
}

enum ChoiceMatching {
    static func option(_ raw: String, in question: Question) -> Result<String, AnswerProblem> {
        let text = raw.trimmingWhitespace()
        if let option = question.options.first(where: { $0.id == text }) { return .success(option.id) }
        if let number = Int(text), question.options.indices.contains(number - 1) {
            return .success(question.options[number - 1].id)
        }
        let lowered = text.lowercased()
        if let option = question.options.first(where: { option in
            option.label.translations.contains { $0.text.lowercased() == lowered }
        }) {
            return .success(option.id)
        }
        let count = question.options.count
        return .failure(
            AnswerProblem(
                nl: "'\(text)' is geen van de keuzes; kies een nummer van 1 tot en met \(count).",
                en: "'\(text)' is not one of the choices; pick a number from 1 to \(count)."
            )
        )
    }
}

/// Whole numbers, decimals, amounts in euros and percentages.
struct NumericQuestionType: QuestionType {
    enum Kind: String { case integer, decimal, money, percentage }

    let kind: Kind
    var id: String { kind.rawValue }
    var summary: String {
        switch kind {
        case .integer: "a whole number"
        case .decimal: "a number, with decimals if needed (12,5 or 12.5)"
        case .money: "an amount in euros (€ 125.000,50 or 125000.50)"
        case .percentage: "a percentage (20% or 20)"
        }
    }
    var valueType: ValueType {
        switch kind {
        case .integer, .decimal: .number
        case .money: .money
        case .percentage: .percentage
        }
    }
    let options = QuestionOptionsUsage.notAllowed
    let acceptsBounds = true

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        switch input {
        case .number(let exact): return value(of: exact, for: question)
        case .text(let raw): return parse(text: raw, for: question)
        case .list, .boolean, .value, .dontKnow, .skip: return .failure(problem)
        }
    }

    func accept(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        acceptTypeAndOptions(value, for: question).flatMap { accepted in
            guard let number = accepted.numberValue else { return .failure(problem) }
            // A stored percentage is a fraction; the checks below read percentages as people write them.
            guard let written = kind == .percentage ? number.multipliedByPowerOfTen(2) : number else {
                return .failure(problem)
            }
            return self.value(of: written, for: question)
        }
    }

    private func parse(text raw: String, for question: Question) -> Result<Value, AnswerProblem> {
        var text = NumberParsing.removingUnit(
            from: raw.trimmingWhitespace(), units: NumberParsing.units(of: question, isMoney: kind == .money)
        )
        switch kind {
        case .money:
            for prefix in ["€", "EUR", "eur"] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            if text.hasSuffix(",-") || text.hasSuffix(".-") { text = String(text.dropLast(2)) }
        case .percentage:
            if text.hasSuffix("%") { text = String(text.dropLast()) }
        case .integer, .decimal:
            break
        }
        let number: ExactNumber
        switch NumberParsing.parse(text) {
        case .success(let parsed): number = parsed
        case .failure(let failure): return .failure(NumberParsing.message(for: failure) ?? problem)
        }
        return value(of: number, for: question)
    }

    /// The number as this type's value (a percentage as its fraction), checked for whole
    /// numbers, cents and bounds.
    private func value(of number: ExactNumber, for question: Question) -> Result<Value, AnswerProblem> {
        let value: Value
        switch kind {
        case .integer:
            guard number.exponent >= 0 else {
                return .failure(AnswerProblem(nl: "Vul een heel getal in, zonder decimalen.",
                                              en: "Please enter a whole number, without decimals."))
            }
            value = .number(number)
        case .decimal: value = .number(number)
        case .money:
            guard number.exponent >= -2 else {
                return .failure(AnswerProblem(nl: "Een bedrag heeft hoogstens twee cijfers achter de komma.",
                                              en: "An amount has at most two digits after the decimal mark."))
            }
            value = .money(number)
        case .percentage:
            guard let fraction = number.multipliedByPowerOfTen(-2) else { return .failure(problem) }
            value = .percentage(fraction)
        }
        return Bounds.check(value, for: question)
    }

    private var problem: AnswerProblem {
        switch kind {
        case .integer:
            AnswerProblem(nl: "Vul een heel getal in, bijvoorbeeld 12.", en: "Please enter a whole number, such as 12.")
        case .decimal:
            AnswerProblem(nl: "Vul een getal in, bijvoorbeeld 12,5.", en: "Please enter a number, such as 12.5.")
        case .money:
            AnswerProblem(nl: "Vul een bedrag in euro's in, bijvoorbeeld € 125.000 of 125000,50.",
                          en: "Please enter an amount in euros, such as € 125,000 or 125000.50.")
        case .percentage:
            AnswerProblem(nl: "Vul een percentage in, bijvoorbeeld 20%.", en: "Please enter a percentage, such as 20%.")
        }
    }
}

/// A date, as `2022-12-31` or `31-12-2022`.
struct DateQuestionType: QuestionType {
    let id = "date"
    let summary = "a date (2022-12-31 or 31-12-2022)"
    let valueType = ValueType.date
    let options = QuestionOptionsUsage.notAllowed
    let acceptsBounds = true

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        guard case .text(let raw) = input else { return .failure(.single) }
        let text = raw.trimmingWhitespace()
        var date = CalendarDate(iso: text)
        if date == nil {
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
            if parts.count == 3, parts[2] >= 1000 {
                date = CalendarDate(year: parts[2], month: parts[1], day: parts[0])
            }
        }
        guard let date else {
            return .failure(AnswerProblem(nl: "Vul een datum in als dd-mm-jjjj, bijvoorbeeld 31-12-2022.",
                                          en: "Please enter a date as yyyy-mm-dd, such as 2022-12-31."))
        }
        return Bounds.check(.date(date), for: question)
    }

    func accept(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        acceptTypeAndOptions(value, for: question).flatMap { Bounds.check($0, for: question) }
    }
}

/// Free text; it may not be empty.
struct TextQuestionType: QuestionType {
    let id = "text"
    let summary = "free text"
    let valueType = ValueType.text
    let options = QuestionOptionsUsage.notAllowed
    let acceptsBounds = false

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        guard let raw = input.plainText else { return .failure(.single) }
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else {
            return .failure(AnswerProblem(nl: "Vul iets in.", en: "Please enter some text."))
        }
        return .success(.text(text))
    }
}

/// A score on a scale, 1 to 5 unless the question sets `min` and `max`.
struct ScaleQuestionType: QuestionType {
    let id = "scale"
    let summary = "a score on a scale, 1 to 5 unless min and max say otherwise"
    let valueType = ValueType.number
    let options = QuestionOptionsUsage.optional
    let acceptsBounds = true

    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem> {
        let bounded = Self.bounded(question)
        let low = Bounds.format(bounded.minimum)
        let high = Bounds.format(bounded.maximum)
        let raw: String
        switch input {
        case .text(let text): raw = text
        case .number(let number) where number.exponent >= 0: return Bounds.check(.number(number), for: bounded)
        case .number, .list, .boolean, .value, .dontKnow, .skip:
            return .failure(AnswerProblem(nl: "Kies een getal van \(low) tot en met \(high).",
                                          en: "Please pick a number from \(low) to \(high)."))
        }
        let text = raw.trimmingWhitespace()
        guard let number = Int(text) else {
            if let option = question.options.first(where: { option in
                option.label.translations.contains { $0.text.lowercased() == text.lowercased() }
            }), let number = Int(option.id) {
                return Bounds.check(.number(ExactNumber(number)), for: bounded)
            }
            return .failure(AnswerProblem(nl: "Kies een getal van \(low) tot en met \(high).",
                                          en: "Please pick a number from \(low) to \(high)."))
        }
        return Bounds.check(.number(ExactNumber(number)), for: bounded)
    }

    func accept(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        acceptTypeAndOptions(value, for: question).flatMap { accepted in
            guard case .number(let number) = accepted else { return .success(accepted) }
            return parse(.number(number), for: question)
        }
    }

    /// The question with the scale's default bounds, 1 to 5, where it sets none.
    private static func bounded(_ question: Question) -> Question {
        var bounded = question
        bounded.minimum = question.minimum ?? .number(1)
        bounded.maximum = question.maximum ?? .number(5)
        return bounded
    }
}

enum Bounds {
    static func check(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        if let minimum = question.minimum, isLess(value, than: minimum) {
            return .failure(AnswerProblem(nl: "Het antwoord moet minstens \(format(minimum)) zijn.",
                                          en: "The answer must be at least \(format(minimum))."))
        }
        if let maximum = question.maximum, isLess(maximum, than: value) {
            return .failure(AnswerProblem(nl: "Het antwoord mag hoogstens \(format(maximum)) zijn.",
                                          en: "The answer must be at most \(format(maximum))."))
        }
        return .success(value)
    }

    static func isLess(_ lhs: Value, than rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)), (.money(let a), .money(let b)), (.percentage(let a), .percentage(let b)),
            (.money(let a), .number(let b)), (.number(let a), .money(let b)):
            a < b
        case (.date(let a), .date(let b)): a < b
        default: false
        }
    }

    static func format(_ value: Value?) -> String {
        switch value {
        case .number(let number)?: NumberParsing.plain(number.decimal)
        case .money(let amount)?: "€ " + NumberParsing.plain(amount.decimal)
        case .percentage(let fraction)?: NumberParsing.plain(fraction.decimal * 100) + "%"
        case let other?: other.description
        case nil: ""
        }
    }
}

extension AnswerProblem {
    fileprivate static let single = AnswerProblem(nl: "Geef één antwoord.", en: "Please give a single answer.")
}
