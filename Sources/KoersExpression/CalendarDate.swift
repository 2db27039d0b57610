public import Foundation

/// A day in the Gregorian calendar, without a time or a time zone.
///
/// Rule packs compare dates such as application deadlines and start dates, which are whole
/// days; a `Date` with a time zone would make `2022-12-31` depend on where the server runs.
/// Years run from 1 to 9999, so every date has a four-digit ISO 8601 form, which is also its
/// ``description`` and its `Codable` form:
///
/// ```swift
/// let deadline = CalendarDate(iso: "2024-01-31")
/// deadline?.adding(months: 1)  // 2024-02-29
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The year, from 1 to 9999.
    public var year: Int { Int(storedYear) }
    /// The month, from 1 (January) to 12 (December).
    public var month: Int { Int(storedMonth) }
    /// The day of the month, from 1 to 31.
    public var day: Int { Int(storedDay) }

    /// The earliest date this type holds, `0001-01-01`.
    public static let minimum = CalendarDate(unchecked: 1, 1, 1)
    /// The latest date this type holds, `9999-12-31`.
    public static let maximum = CalendarDate(unchecked: 9999, 12, 31)

    /// Creates a date from its parts, if they name a real day.
    ///
    /// Leap years follow the Gregorian rules, so `2024-02-29` exists and `2023-02-29` and
    /// `1900-02-29` do not.
    ///
    /// - Parameters:
    ///   - year: The year, from 1 to 9999.
    ///   - month: The month, from 1 to 12.
    ///   - day: The day of the month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysInMonth(month, of: year)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Creates a date from its ISO 8601 form, `YYYY-MM-DD`, if it names a real day.
    ///
    /// Only the extended calendar form with four-digit years and two-digit months and days is
    /// accepted: `2022-12-31`, not `2022-1-5`, `20221231` or `2022-12-31T00:00`.
    ///
    /// - Parameter text: The text to read.
    public init?(iso text: String) {
        let scalars = Array(text.unicodeScalars)
        guard let parts = CalendarDate.isoParts(scalars[...]) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int16(truncatingIfNeeded: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
    }

    /// The ISO 8601 form, such as `2022-12-31`.
    public var description: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The date a number of days later, or earlier for a negative count.
    ///
    /// The result is clamped to the range from ``minimum`` to ``maximum``; use
    /// ``addingIfInRange(days:)`` to detect that instead.
    ///
    /// - Parameter days: How many days to move.
    /// - Returns: The moved date.
    public func adding(days: Int) -> CalendarDate {
        addingIfInRange(days: days) ?? (days < 0 ? .minimum : .maximum)
    }

    /// The date a number of days later, or `nil` when it falls outside years 1 to 9999.
    ///
    /// - Parameter days: How many days to move; negative counts move back.
    /// - Returns: The moved date, or `nil` when it is out of range.
    public func addingIfInRange(days: Int) -> CalendarDate? {
        let (target, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow, target >= CalendarDate.minimum.dayNumber, target <= CalendarDate.maximum.dayNumber
        else { return nil }
        return CalendarDate(dayNumber: target)
    }

    /// The same day a number of months later, or earlier for a negative count.
    ///
    /// When the target month is shorter, the day is clamped to its last day, so
    /// `2024-01-31` plus one month is `2024-02-29`. The result is clamped to the range from
    /// ``minimum`` to ``maximum``; use ``addingIfInRange(months:)`` to detect that instead.
    ///
    /// - Parameter months: How many months to move.
    /// - Returns: The moved date.
    public func adding(months: Int) -> CalendarDate {
        addingIfInRange(months: months) ?? (months < 0 ? .minimum : .maximum)
    }

    /// The same day a number of months later, or `nil` when it falls outside years 1 to 9999.
    ///
    /// The day is clamped to the end of a shorter target month, as in ``adding(months:)``.
    ///
    /// - Parameter months: How many months to move; negative counts move back.
    /// - Returns: The moved date, or `nil` when it is out of range.
    public func addingIfInRange(months: Int) -> CalendarDate? {
        let (target, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !overflow, target >= 12, target < 10000 * 12 else { return nil }
        let newYear = target / 12
        let newMonth = target % 12 + 1
        return CalendarDate(unchecked: newYear, newMonth, min(day, CalendarDate.daysInMonth(newMonth, of: newYear)))
    }

    /// The number of days from this date to another one.
    ///
    /// The count is positive when `other` is later: from `2024-02-28` until `2024-03-01` is 2.
    ///
    /// - Parameter other: The other date.
    /// - Returns: `other` minus this date, in days.
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Today's date in a time zone.
    ///
    /// - Parameter timeZone: The time zone whose calendar day counts; the process's own by default.
    /// - Returns: The current day there.
    public static func today(in timeZone: TimeZone = .current) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .minimum
    }

    /// Whether one date comes before another.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: Whether `lhs` is earlier than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.storedYear, lhs.storedMonth, lhs.storedDay) < (rhs.storedYear, rhs.storedMonth, rhs.storedDay)
    }

    /// Reads a date from its ISO 8601 string form.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid `YYYY-MM-DD` date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD"
            )
        }
        self = date
    }

    /// Writes the date as its ISO 8601 string form.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Calendar arithmetic

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Splits `YYYY-MM-DD` into numbers without checking that they name a day.
    static func isoParts(_ scalars: ArraySlice<Unicode.Scalar>) -> (year: Int, month: Int, day: Int)? {
        guard scalars.count == 10 else { return nil }
        var numbers: [Int] = []
        var current = 0
        for (offset, scalar) in scalars.enumerated() {
            if offset == 4 || offset == 7 {
                guard scalar == "-" else { return nil }
                numbers.append(current)
                current = 0
            } else {
                guard ("0"..."9").contains(scalar) else { return nil }
                current = current * 10 + Int(scalar.value) - 48
            }
        }
        numbers.append(current)
        return (numbers[0], numbers[1], numbers[2])
    }

    /// Days since 1970-01-01 (the algorithm from Howard Hinnant's `days_from_civil`).
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date for a day number: days since 1970-01-01, negative before it (Howard Hinnant's
    /// `civil_from_days`).
    ///
    /// - Parameter dayNumber: Days since 1970-01-01; the result must lie in the years 1 to 9999.
    public init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }
}
