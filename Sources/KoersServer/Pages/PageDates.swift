import Foundation
import KoersPresentation

/// Dates as the pages show them to a person: `31 december 2022` in Dutch, `31 December 2022` in
/// English, rather than the ISO form `2022-12-31` that the API and the files use.
enum PageDates {
    /// A day written `YYYY-MM-DD` in words; anything else is returned as it is.
    ///
    /// - Parameters:
    ///   - iso: The day, such as `2022-12-31`.
    ///   - language: `nl` or `en`.
    static func day(_ iso: String, language: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return iso }
        let name = FrontEndText.months[month - 1]
        return "\(day) \(language == "en" ? name.en : name.nl) \(year)"
    }

    /// A moment as its day in words and its time in UTC: `23 november 2026 14:05`.
    ///
    /// - Parameters:
    ///   - date: The moment.
    ///   - language: `nl` or `en`.
    static func moment(_ date: Date, language: String) -> String {
        let text = date.ISO8601Format()
        return day(String(text.prefix(10)), language: language) + " " + text.dropFirst(11).prefix(5)
    }
}
