public import Foundation
public import KoersCore
public import KoersExpression
public import KoersInterview

/// Writes values the way a person reads them, in Dutch or English.
///
/// | value | `nl` | `en` |
/// | --- | --- | --- |
/// | money 125000.5 | `€ 125.000,50` | `€125,000.50` |
/// | money 60000 | `€ 60.000` | `€60,000` |
/// | percentage 0.125 | `12,5%` | `12.5%` |
/// | boolean | `ja` / `nee` | `yes` / `no` |
/// | date | `1 oktober 2021` | `1 October 2021` |
///
/// Money is rounded to cents for display only; the values themselves stay exact. A choice is
/// shown by its option's label when the question is given.
public struct ValueFormatter: Sendable {
    /// The language: `nl` or `en` (anything else is treated as `en`).
    public var language: String

    /// Creates a formatter.
    ///
    /// - Parameter language: `nl` or `en`.
    public init(language: String) {
        self.language = language
    }

    private var isDutch: Bool { language == "nl" }

    /// A value for people.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - question: The question it answers, for the labels of choices.
    /// - Returns: The value as text.
    public func format(_ value: Value, for question: Question? = nil) -> String {
        switch value {
        case .money(let exact):
            let amount = exact.decimal
            let cents = Self.rounded(amount, scale: 2)
            let hasCents = cents != Self.rounded(amount, scale: 0)
            let text = number(cents, fractionDigits: hasCents ? 2 : 0)
            return isDutch ? "€ " + text : (text.hasPrefix("-") ? "-€" + text.dropFirst() : "€" + text)
        case .number(let number):
            return self.number(number.decimal, fractionDigits: nil)
        case .percentage(let fraction):
            return self.number(fraction.decimal * 100, fractionDigits: nil) + "%"
        case .boolean(let flag):
            return isDutch ? (flag ? "ja" : "nee") : (flag ? "yes" : "no")
        case .text(let text):
            if let option = question?.options.first(where: { $0.id == text }) {
                return option.label.text(in: language)
            }
            return text
        case .date(let date):
            return format(date)
        case .list(let elements, _):
            if elements.isEmpty { return isDutch ? "(geen)" : "(none)" }
            return elements.map { format($0, for: question) }.joined(separator: ", ")
        }
    }

    /// An answer for people, including "I don't know" and skipped.
    ///
    /// - Parameters:
    ///   - answer: The answer.
    ///   - question: The question it answers.
    /// - Returns: The answer as text.
    public func format(_ answer: AnswerState, for question: Question? = nil) -> String {
        switch answer {
        case .given(let value): format(value, for: question)
        case .unknown: isDutch ? "weet ik niet" : "don't know"
        case .skipped: isDutch ? "overgeslagen" : "skipped"
        }
    }

    /// A date for people: `1 oktober 2021` or `1 October 2021`.
    public func format(_ date: CalendarDate) -> String {
        let name = FrontEndText.months[date.month - 1]
        return "\(date.day) \(isDutch ? name.nl : name.en) \(date.year)"
    }

    /// A decimal with grouped thousands: `1.234,5` in Dutch, `1,234.5` in English.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - fractionDigits: Exactly this many fraction digits, or `nil` for as many as needed.
    public func number(_ value: Decimal, fractionDigits: Int?) -> String {
        let (negative, whole, fraction) = Value.decimalParts(
            fractionDigits.map { Self.rounded(value, scale: $0) } ?? value,
            minimumFractionDigits: fractionDigits ?? 0
        )
        let (group, point) = isDutch ? (".", ",") : (",", ".")
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped += group }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + (fraction.isEmpty ? "" : point + fraction)
    }

    static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
