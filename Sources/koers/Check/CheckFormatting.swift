import Foundation
import KoersExpression
import KoersInterview
import KoersPresentation

/// Formats the exact values of a check result (decimal strings, ISO dates) for people.
struct CheckFormatting {
    /// `nl` or `en`.
    let language: String

    /// An exact decimal string as a person reads it (`1.234,5` in Dutch); the text itself when
    /// it is not a number.
    func number(_ exact: String) -> String {
        guard let decimal = Decimal(string: exact, locale: Locale(identifier: "en_US_POSIX")) else { return exact }
        return ValueFormatter(language: language).number(decimal, fractionDigits: nil)
    }

    /// An ISO date as a person reads it (`1 oktober 2021`); the text itself when it is no date.
    func date(_ iso: String) -> String {
        CalendarDate(iso: iso).map(ValueFormatter(language: language).format) ?? iso
    }
}
